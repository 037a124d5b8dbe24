"""`agidebate sources`: every cited work, with the claims that cite it."""

from __future__ import annotations

from typing import Annotated

import typer

from agidebate.cli._common import DirOption, JsonOption, handles_errors, json_dump
from agidebate.cli._complete import claim_ids
from agidebate.cli._pager import pages
from agidebate.cli._reading import (
    ByOption,
    SideOption,
    TagOption,
    TopicOption,
    open_debate,
    reading_console,
)


@handles_errors
@pages
def sources(
    claim_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="Only works cited by claim ID and its replies.",
            autocompletion=claim_ids,
        ),
    ] = None,
    topic: TopicOption = None,
    side: SideOption = None,
    tag: TagOption = None,
    by: ByOption = None,
    directory: DirOption = None,
    as_json: JsonOption = False,
) -> None:
    """List every cited work with the claims that cite it.

    Works are listed once each, most cited first, with their link and note.

    Examples:

      agidebate sources

      agidebate sources dw-01

      agidebate sources --topic data-wall --json
    """
    from agidebate.query.citations import cited_works
    from agidebate.query.filters import select

    debate, chosen, _ = open_debate(directory, claim_id, topic=topic, side=side, tag=tag, by=by)
    claims = select(debate, chosen)
    if claim_id is not None:
        under = set(debate.descendants(claim_id))
        claims = [c for c in claims if c.id in under]
    works = cited_works(debate, [c.id for c in claims])
    if as_json:
        from agidebate.query.records import works_record

        json_dump(works_record(works))
        return
    from agidebate.render.lines import stream
    from agidebate.render.listing import sources_view

    out, _ = reading_console()
    if not len(debate):
        from agidebate.cli._reading import no_claims_yet

        out.print(no_claims_yet(directory), soft_wrap=True)
        return
    stream(out, sources_view(works, len(claims)))
