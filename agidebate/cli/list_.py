"""`agidebate list`: a table of claims, filtered and sorted."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from agidebate.cli._common import DirOption, JsonOption, handles_errors, json_dump, write_lines
from agidebate.cli._pager import pages
from agidebate.cli._reading import (
    AuthorsOnlyOption,
    ByOption,
    LangOption,
    QuotesOption,
    ScoresOption,
    SideOption,
    TagOption,
    TopicOption,
    load_scores,
    no_match,
    open_debate,
    reading_console,
)
from agidebate.cli._whatif import SemanticsOption
from agidebate.i18n import N_
from agidebate.scoring import DEFAULT_SEMANTICS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from agidebate.model import Debate


class SortKey(StrEnum):
    """Orders a claim list can take."""

    order = "order"
    id = "id"
    depth = "depth"
    score = "score"


def sorted_ids(
    debate: Debate, ids: list[str], key: SortKey, scores: Mapping[str, float] | None
) -> list[str]:
    """`ids` in the order asked for: as written, by id, by depth, or strongest first."""
    from agidebate.text import natural_key

    if key is SortKey.id:
        return sorted(ids, key=natural_key)
    if key is SortKey.depth:
        unreachable = 1 << 30
        return sorted(
            ids, key=lambda c: debate.depth(c) or (0 if c in debate.roots else unreachable)
        )
    if key is SortKey.score:
        values = scores or {}
        return sorted(ids, key=lambda c: -values.get(c, -1.0))
    return ids


@handles_errors
@pages
def list_claims(
    topic: TopicOption = None,
    side: SideOption = None,
    tag: TagOption = None,
    by: ByOption = None,
    sort: Annotated[
        SortKey,
        typer.Option(
            "--sort",
            help="order: as written; id: dw-2 before dw-10; depth: nearest the thesis first; "
            "score: strongest first.",
        ),
    ] = SortKey.order,
    lang: LangOption = None,
    quotes: QuotesOption = False,
    authors_only: AuthorsOnlyOption = False,
    scores: ScoresOption = True,
    semantics: SemanticsOption = DEFAULT_SEMANTICS,
    directory: DirOption = None,
    as_json: JsonOption = False,
    plain: Annotated[
        bool | None,
        typer.Option(
            "--plain/--table",
            help=N_(
                "--plain: one tab-separated line per claim after a header line, for grep, "
                "cut and awk (the default when the output is not a terminal); --table: the "
                "aligned table (the default on a terminal)."
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    """List claims as a table, filtered and sorted.

    One line per claim: id, side, depth, score, title and author. Piped (or with
    --plain) the columns are separated by tabs, after a header line, and a long
    title never wraps onto a second line.

    Examples:

      agidebate list --topic data-wall

      agidebate list --sort score --side con

      agidebate list --by dettmers --json
    """
    from agidebate.query.filters import select

    debate, chosen, lang = open_debate(
        directory, None, lang, topic=topic, side=side, tag=tag, by=by, authors_only=authors_only
    )
    strengths = load_scores(debate, scores or sort is SortKey.score, semantics)
    ids = sorted_ids(debate, [c.id for c in select(debate, chosen)], sort, strengths)
    shown = strengths if scores else None
    if as_json:
        from agidebate.query.records import claim_record

        json_dump([claim_record(debate, cid, shown, lang) for cid in ids])
        return
    if plain if plain is not None else not sys.stdout.isatty():
        from agidebate.render.listing import claims_tsv

        write_lines(claims_tsv(debate, ids, shown, lang, quotes))
        return
    from agidebate.render.lines import stream
    from agidebate.render.listing import claims_table

    out, glyphs = reading_console()
    if not ids:
        out.print(no_match(chosen, debate, directory), soft_wrap=True)
        return
    stream(out, claims_table(debate, ids, shown, lang, glyphs, quotes))
