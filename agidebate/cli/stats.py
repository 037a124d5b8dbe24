"""`agidebate stats`: the debate in numbers."""

from __future__ import annotations

from agidebate.cli._common import DirOption, JsonOption, handles_errors, json_dump
from agidebate.cli._pager import pages
from agidebate.cli._reading import reading_console


@handles_errors
@pages
def stats(directory: DirOption = None, as_json: JsonOption = False) -> None:
    """The debate in numbers: topics, sides, depth, orphans.

    Counts claims per topic and side, and shows depth, balance and loose ends.

    Balance is the share of claims that count for the thesis. Orphans are claims
    that reach no thesis; "both sides" are claims whose relations put them on
    each side at once.

    Examples:

      agidebate stats

      agidebate stats --json
    """
    from agidebate.cli._select import load_folder
    from agidebate.query.stats import debate_stats

    numbers = debate_stats(load_folder(directory)[1])
    if as_json:
        from agidebate.query.records import stats_record

        json_dump(stats_record(numbers))
        return
    from agidebate.render.lines import stream
    from agidebate.render.listing import stats_view

    out, glyphs = reading_console()
    stream(out, stats_view(numbers, glyphs))
