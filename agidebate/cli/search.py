"""`agidebate search`: claims that mention some words, with the path from each to the thesis."""

from __future__ import annotations

from typing import Annotated

import typer

from agidebate.cli._common import DirOption, JsonOption, handles_errors, json_dump
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
    open_debate,
    reading_console,
)
from agidebate.cli._whatif import SemanticsOption
from agidebate.scoring import DEFAULT_SEMANTICS

SEARCH_STEPS = 12


@handles_errors
@pages
def search(
    words: Annotated[
        list[str],
        typer.Argument(metavar="TEXT...", help="Words that must all appear in a claim."),
    ],
    topic: TopicOption = None,
    side: SideOption = None,
    tag: TagOption = None,
    by: ByOption = None,
    lang: LangOption = None,
    quotes: QuotesOption = False,
    authors_only: AuthorsOnlyOption = False,
    scores: ScoresOption = True,
    semantics: SemanticsOption = DEFAULT_SEMANTICS,
    directory: DirOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find claims by words, with their path to the thesis.

    A claim matches when every word appears in its id, title, text, author, tags,
    sources, note, quotes, translations or topic name (any case). Claims whose id, title or
    topic hold more of the words come first. Each hit shows the chain of
    relations from it up to the thesis, and where the words were found.

    Examples:

      agidebate search data wall

      agidebate search epoch --topic data-wall

      agidebate search 数据 --lang zh
    """
    from agidebate.query.paths import claim_path
    from agidebate.query.search import search as find

    debate, chosen, lang = open_debate(
        directory, None, lang, topic=topic, side=side, tag=tag, by=by, authors_only=authors_only
    )
    query = " ".join(words)
    hits = [h for h in find(debate, query) if chosen.matches(debate, debate.claims[h.claim_id])]
    # Each hit shows at most SEARCH_STEPS relations of its path (`agidebate path ID`
    # shows all), so many hits deep in a long chain cannot make the output explode.
    paths = [claim_path(debate, h.claim_id, SEARCH_STEPS) for h in hits]
    strengths = load_scores(debate, scores, semantics)
    if as_json:
        from agidebate.query.records import search_record

        json_dump(search_record(debate, hits, paths, strengths, lang))
        return
    from agidebate.render.lines import stream
    from agidebate.render.listing import search_results

    out, glyphs = reading_console()
    stream(out, search_results(debate, query, hits, paths, strengths, lang, glyphs, quotes))
