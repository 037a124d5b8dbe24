"""The `show` view: the debate (or one claim) as a tree, with its sources below."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from agidebate.i18n import N_, _, ngettext
from agidebate.model import ClaimKind, Debate, Side
from agidebate.query.citations import SourceIndex
from agidebate.query.outline import Outline, RowKind
from agidebate.render import theme
from agidebate.render.card import claim_card, debate_header
from agidebate.render.lines import paragraph
from agidebate.render.theme import Glyphs
from agidebate.render.tree import NodeStyle, TreeView
from agidebate.render.works import works_list
from agidebate.text import agree, claim_marks, inert, link_marks, plural


def _summary(
    debate: Debate, outline: Outline, glyphs: Glyphs, thesis_view: bool, described: str
) -> Text:
    """`149 arguments: 94 pro, 55 con; 3 summaries; showing 2 levels`, or how many claims
    match. Summaries shown are counted apart (they are never counted as arguments)."""
    shown = [r for r in outline.rows if r.kind is RowKind.CLAIM and r.depth > 0]
    rows = [r for r in shown if debate.claims[r.claim_id].kind is not ClaimKind.SUMMARY]
    summaries = len(shown) - len(rows)
    more = [r for r in outline.rows if r.kind is RowKind.MORE]
    pro = sum(r.hidden[0] for r in more) + sum(1 for r in rows if r.side is Side.PRO)
    con = sum(r.hidden[1] for r in more) + sum(1 for r in rows if r.side is Side.CON)
    if described:
        context = sum(1 for r in rows if r.context)
        line = Text(_matching(outline.matched, described), style=theme.META)
        if context:
            hollow = f"{glyphs.pro_context} {glyphs.con_context}"
            leads = agree(context, "leads", "lead")
            line.append(f"; {plural(context, 'other')} ({hollow}) {leads} to them")
    elif not pro + con:
        line = Text("No arguments yet." if thesis_view else "No replies yet.", style=theme.META)
    else:
        noun = (
            plural(pro + con, "argument") if thesis_view else plural(pro + con, "reply", "replies")
        )
        line = Text(f"{noun}: ", style=theme.META)
        line.append(f"{glyphs.pro} {pro} pro", style=theme.PRO)
        line.append(", ", style=theme.META)
        line.append(f"{glyphs.con} {con} con", style=theme.CON)
    if summaries and not described:
        many = ngettext("{n} summary", "{n} summaries", summaries)
        line.append(f"; {many}", style=theme.META)
    if outline.depth is not None and outline.collapsed:
        line.append(f"; {_levels(outline)}", style=theme.META)
    return line


def _levels(outline: Outline) -> str:
    """`showing 2 of 6 levels (--all shows them all)`."""
    return f"showing {outline.depth} of {plural(outline.levels, 'level')} (--all shows every level)"


def _matching(count: int, described: str) -> str:
    return f"{plural(count, 'claim')} {agree(count, 'matches', 'match')} {inert(described)}"


def _forest_summary(outline: Outline, described: str) -> Text:
    trees = plural(len(outline.roots), "separate tree")
    line = Text(f"No thesis: {trees}, {plural(outline.total, 'claim')}", style=theme.META)
    if described:
        line.append("; " + _matching(outline.matched, described))
    if outline.depth is not None and outline.collapsed:
        line.append(f"; {_levels(outline)}")
    return line


def _unreachable(ids: tuple[str, ...], thesis: bool) -> Text:
    """The note on claims that reach no root (they answer only each other)."""
    shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
    where = "the thesis" if thesis else "a root"
    line = Text(f"Not shown, as no chain leads from them to {where}: ", style=theme.HINT)
    line.append(inert(shown))
    line.append(" (agidebate show ID opens one)", style=theme.META)
    return line


def legend(
    glyphs: Glyphs,
    scores: str | None,
    sources: bool,
    refs: bool,
    thesis: bool = True,
    marks: frozenset[str] = frozenset(),
) -> Text:
    """What the marks in this view mean, in one short paragraph (`marks`: which of
    `undercut`, `summary`, `ed.` and `impact` the view shows)."""
    line = Text(style=theme.META)
    line.append(f"{glyphs.pro} pro", style=theme.PRO)
    line.append(" counts for the thesis, " if thesis else " counts for the root of its tree, ")
    line.append(f"{glyphs.con} con", style=theme.CON)
    line.append(" against it: a reply on the other side from the claim above rebuts it.")
    if scores:
        line.append(f" Scores (0 to 1, {inert(scores)}) weigh each claim against its replies.")
    said = []
    if sources:
        said.append("[1] is a source")
    if refs:
        said.append(f"{glyphs.ref} a claim shown in full elsewhere")
    said += [_(meaning) for mark, meaning in _MARKS if mark in marks]
    if said:
        line.append(" " + ", ".join(said) + ".")
    return line


_MARKS = (
    ("undercut", N_("an undercut attacks the link above it, not the claim")),
    ("summary", N_("[summary] restates other claims and is never counted")),
    ("ed.", N_("[ed.] marks what the map's editor added")),
    ("impact", N_("impact is how far a claim bears on the one above (1 when not shown)")),
)


def view_marks(debate: Debate, outline: Outline) -> frozenset[str]:
    """Which of the marks the legend explains appear in this view."""
    found: set[str] = set()
    for row in outline.rows:
        if row.kind is RowKind.MORE:
            continue
        claim = debate.claims[row.claim_id]
        found.update(claim_marks(claim))
        if row.edge is not None:
            found.update("impact" if m.startswith("impact") else m for m in link_marks(row.edge))
            if row.edge.cut_link is not None:
                found.add("undercut")
    return frozenset(found)


def show_view(
    debate: Debate,
    outline: Outline,
    style: NodeStyle,
    glyphs: Glyphs,
    described: str = "",
    works: bool = True,
) -> Group:
    """Everything `agidebate show` prints, top to bottom.

    `described` names the filter in use (`topic data-wall, side con`), if any;
    `works`: list the cited works after the tree (else one line says how to see them).
    """
    index = SourceIndex()
    parts: list[RenderableType] = []
    header = debate_header(debate) if outline.whole else None
    if header is not None:
        parts.append(header)
    single = len(outline.roots) == 1
    if single:
        root = outline.roots[0]
        numbers = index.numbers(debate.claims[root])
        parts.extend([claim_card(debate, root, style, glyphs, numbers), Text()])
        thesis_view = root == debate.thesis
        parts.append(paragraph(_summary(debate, outline, glyphs, thesis_view, described)))
    else:
        parts.append(paragraph(_forest_summary(outline, described)))
    tree = TreeView(debate, outline, glyphs, index, style, show_roots=not single)
    if single and len(outline.rows) == 1:  # nothing below the claim: no tree, no key
        return Group(*parts, *_footer(index, works))
    refs = any(row.kind is RowKind.REF for row in outline.rows)
    key = legend(
        glyphs,
        style.semantics if style.scores is not None else None,
        bool(index.works),
        refs,
        single and (debate.thesis is not None),
        view_marks(debate, outline),
    )
    parts.append(paragraph(key))
    if not single:
        parts.append(Text())
    parts.append(tree)
    if outline.unreachable:
        parts.extend(
            [Text(), paragraph(_unreachable(outline.unreachable, debate.thesis is not None))]
        )
    return Group(*parts, *_footer(index, works))


def _footer(index: SourceIndex, works: bool) -> list[RenderableType]:
    if not index.works:
        return []
    if not works:
        count = len(index.works)
        line = ngettext(
            "[1] is a cited work: add --sources to list it.",
            "[1] to [{n}] are cited works: add --sources to list them.",
            count,
        )
        return [Text(), paragraph(Text(line, style=theme.META))]
    footer = works_list(index.works)
    return [] if footer is None else [Text(), footer]
