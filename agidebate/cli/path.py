"""`agidebate path`: the chain of relations from a claim up to the thesis."""

from __future__ import annotations

from typing import Annotated

import typer

from agidebate.cli._common import DirOption, JsonOption, handles_errors, json_dump
from agidebate.cli._complete import claim_ids
from agidebate.cli._pager import pages
from agidebate.cli._reading import (
    AuthorsOnlyOption,
    LangOption,
    QuotesOption,
    ScoresOption,
    load_scores,
    open_debate,
    reading_console,
)
from agidebate.cli._whatif import SemanticsOption
from agidebate.scoring import DEFAULT_SEMANTICS


@handles_errors
@pages
def path(
    claim_id: Annotated[
        str, typer.Argument(metavar="ID", help="The claim to start from.", autocompletion=claim_ids)
    ],
    lang: LangOption = None,
    quotes: QuotesOption = False,
    authors_only: AuthorsOnlyOption = False,
    scores: ScoresOption = True,
    semantics: SemanticsOption = DEFAULT_SEMANTICS,
    directory: DirOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show why a claim counts: its chain up to the thesis.

    Each step shows the claim, who argues it and its relation to the next one, up
    to the thesis. The chain is the shortest one; the last line says why the
    claim counts for or against the thesis, and other claims it answers follow.

    Examples:

      agidebate path dw-16

      agidebate path dw-16 --json
    """
    from agidebate.query.paths import claim_path

    debate, _, lang = open_debate(directory, claim_id, lang, authors_only=authors_only)
    chain = claim_path(debate, claim_id)
    strengths = load_scores(debate, scores, semantics)
    if as_json:
        from agidebate.query.records import path_record

        json_dump(path_record(chain, strengths, lang))
        return
    from agidebate.render.lines import stream
    from agidebate.render.listing import path_view

    out, glyphs = reading_console()
    stream(out, path_view(chain, strengths, lang, glyphs, quotes))
