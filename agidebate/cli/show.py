"""`agidebate show`: the debate, or one claim and its replies, as a tree."""

from __future__ import annotations

from typing import Annotated

import typer

from agidebate.cli._common import DirOption, JsonOption, handles_errors, json_dump
from agidebate.cli._complete import claim_ids
from agidebate.cli._pager import pages, paging
from agidebate.cli._reading import (
    AuthorsOnlyOption,
    ByOption,
    LangOption,
    QuotesOption,
    ScoresOption,
    SideOption,
    TagOption,
    TopicOption,
    expand_command,
    load_scores,
    no_match,
    open_debate,
    reading_console,
)
from agidebate.cli._whatif import SemanticsOption
from agidebate.i18n import N_
from agidebate.scoring import DEFAULT_SEMANTICS


@handles_errors
@pages
def show(
    claim_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="Start from claim ID instead of the thesis.",
            autocompletion=claim_ids,
        ),
    ] = None,
    depth: Annotated[
        int | None,
        typer.Option(
            "--depth",
            "-L",
            min=0,
            metavar="N",
            help="Show N levels of replies. Default: as many as fit in about 100 claims.",
            show_default=False,
        ),
    ] = None,
    expand_all: Annotated[
        bool, typer.Option("--all", "-a", help="Expand every branch, however deep.")
    ] = False,
    text: Annotated[
        bool, typer.Option("--text", help="Show each claim's full text under its title.")
    ] = False,
    quotes: QuotesOption = False,
    authors_only: AuthorsOnlyOption = False,
    list_sources: Annotated[
        bool,
        typer.Option(
            "--sources",
            help=N_(
                "List the works cited ([1], [2], ...) after the tree. In the pager they "
                "always follow it."
            ),
        ),
    ] = False,
    topic: TopicOption = None,
    side: SideOption = None,
    tag: TagOption = None,
    by: ByOption = None,
    lang: LangOption = None,
    scores: ScoresOption = True,
    semantics: SemanticsOption = DEFAULT_SEMANTICS,
    directory: DirOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show the debate (or claim ID and its replies) as a tree.

    Each claim shows its side (▲ pro counts for the thesis, ▼ con against it), its
    title, id, author, score and source numbers; --sources lists the works below
    the tree (in the pager they are always there). A reply on the other side from
    the claim above rebuts it; one on the same side backs it up. Branches beyond
    the depth shown end in "+N more" with the command that opens them, and a
    claim that appears twice is shown in full once and as "↻ see ID" elsewhere. An
    undercut (it says a link does not bear on its target) is shown under the link
    it attacks; [summary] marks a claim that restates others (listed last, never
    counted), [ed.] what the map's editor added, and a link shows its impact when
    it is not 1.

    Examples:

      agidebate show

      agidebate show dw-01 --all

      agidebate show --topic data-wall --side con --lang zh

      agidebate show dw-01 --quotes --authors-only
    """
    from agidebate.query.outline import build_outline

    debate, chosen, lang = open_debate(
        directory, claim_id, lang, topic=topic, side=side, tag=tag, by=by, authors_only=authors_only
    )
    outline = build_outline(
        debate, claim_id, depth=depth, expand_all=expand_all, claim_filter=chosen
    )
    strengths = load_scores(debate, scores, semantics)
    if as_json:
        from agidebate.query.records import outline_record

        json_dump(outline_record(debate, outline, strengths, lang))
        return
    from agidebate.render.lines import stream
    from agidebate.render.show import show_view
    from agidebate.render.tree import NodeStyle

    out, glyphs = reading_console()
    if not outline.rows:
        out.print(no_match(chosen, debate, directory), soft_wrap=True)
        return
    expand = expand_command(
        dir=directory,
        lang=lang,
        no_scores=not scores,
        semantics=semantics if scores and semantics != DEFAULT_SEMANTICS else None,
        text=text,
        quotes=quotes,
        authors_only=authors_only,
        topic=topic,
        side=side.value if side else None,
        tag=tag,
        by=by,
    )
    style = NodeStyle(
        strengths, lang, text, quotes=quotes, expand_command=expand, semantics=semantics
    )
    works = list_sources or paging() is not None
    stream(out, show_view(debate, outline, style, glyphs, chosen.describe(), works))
