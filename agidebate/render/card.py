"""A claim in full: title, text and every fact about it, above its tree of replies."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from agidebate.i18n import _
from agidebate.model import Claim, ClaimKind, Debate, Figure
from agidebate.query.paths import claim_path
from agidebate.render import theme
from agidebate.render.lines import Block, Para, labelled
from agidebate.render.theme import Glyphs
from agidebate.render.tree import (
    NodeStyle,
    badges,
    claim_text,
    claim_title,
    quote_lines,
    source_marks,
)
from agidebate.text import claim_marks, format_score, inert


def format_value(value: int | float | str) -> str:
    """A figure's value as a reader expects it: 100,000 and 1e+35.

    >>> format_value(100000), format_value(1e35), format_value(0.03), format_value(2024)
    ('100,000', '1e+35', '0.03', '2024')
    """
    if isinstance(value, (bool, str)):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    return f"{value:g}"


def figure_text(figure: Figure) -> Text:
    """`2024 year: projected year in which ...`, with its note below in dim."""
    line = Text()
    line.append(inert(format_value(figure.value), newlines=False), style=theme.TITLE)
    if figure.unit:
        unit = inert(figure.unit, newlines=False)
        joined = unit in ("x", "×") or unit.startswith("%")
        line.append(unit if joined else " " + unit, style=theme.TITLE)
    if figure.what:
        line.append(": " + inert(figure.what))
    if figure.note:
        line.append("\n" + inert(figure.note), style=theme.META)
    return line


def heading(claim: Claim, side_text: str, glyphs: Glyphs, lang: str | None) -> Text:
    """`▼ con  Good text runs out in 2024`: the side in colour, the title in bold."""
    side = None if side_text in ("thesis", "root", "") else side_text
    style = theme.ROOT if side is None else (theme.PRO if side == "pro" else theme.CON)
    glyph = glyphs.root if side is None else (glyphs.pro if side == "pro" else glyphs.con)
    line = Text.assemble((f"{glyph} {side_text or 'unattached'}", style), "  ")
    line.append_text(claim_title(claim, lang))
    line.append_text(badges(claim_marks(claim)))
    return line


def _fields(
    debate: Debate, claim: Claim, style: NodeStyle, numbers: Sequence[int]
) -> list[tuple[str, Text]]:
    """The facts about a claim, label by label; labels with nothing to say are left out."""
    rows: list[tuple[str, Text]] = []
    topic = debate.topics.get(claim.topic) if claim.topic else None
    where = claim.id
    if topic is not None:
        where += f"  (topic {topic.id}" + (f": {topic.title})" if topic.title else ")")
    if claim.id != debate.thesis:
        rows.append(("id", Text(inert(where, newlines=False))))
    if claim.by:
        rows.append(("by", Text(inert(claim.by))))
    if claim.date:
        rows.append((_("date"), Text(claim.date)))
    if claim.kind is ClaimKind.SUMMARY:
        rows.append(
            (_("kind"), Text(_("a summary: it restates other claims and is never counted")))
        )
    if claim.editorial:
        rows.append((_("ed."), Text(_("written by the map's editor: it is in no source"))))
    if claim.note:
        note = claim.translated(style.lang, "note") or claim.note
        rows.append((_("note"), Text(inert(note), style=theme.META)))
    if claim.id != debate.thesis:
        rows.append(("why", Text(inert(claim_path(debate, claim.id).because()))))
    score = format_score(style.scores, claim.id)
    if score is not None:
        rows.append(
            ("score", Text.assemble((score, theme.SCORE), f"  (base weight {claim.weight:.2f})"))
        )
    rows.extend(
        ("figures" if index == 0 else "", figure_text(figure))
        for index, figure in enumerate(claim.figures)
    )
    if claim.tags:
        rows.append(("tags", Text(inert(", ".join(claim.tags)))))
    if numbers:
        rows.append(("sources", Text(source_marks(list(numbers)) + "  (listed below)")))
    marks = list(numbers)  # a card is the claim in full: its quotes always, not only --quotes
    quotes = quote_lines(claim, lambda n: marks[n - 1] if n <= len(marks) else None)
    rows.extend((_("quotes") if index == 0 else "", line) for index, line in enumerate(quotes))
    return rows


def claim_card(
    debate: Debate, claim_id: str, style: NodeStyle, glyphs: Glyphs, numbers: Sequence[int]
) -> RenderableType:
    """The claim's heading, its text in the reader's language, and its facts."""
    claim = debate.claims[claim_id]
    side_text = debate.side_label(claim_id) or ""
    paras = [Para("", "", heading(claim, side_text, glyphs, style.lang))]
    if claim.title:  # without a title, the heading already is the text
        paras.append(Para("  ", "  ", claim_text(claim, style.lang)))
    top = Block(paras)
    fields = _fields(debate, claim, style, numbers)
    return Group(top, Text(), labelled(fields, indent="  ")) if fields else top


def debate_header(debate: Debate) -> RenderableType | None:
    """The debate's title and summary, when it has them."""
    parts: list[Para] = []
    if debate.title:
        parts.append(Para("", "", Text(inert(debate.title, newlines=False), style=theme.HEADING)))
    if debate.summary:
        parts.append(Para("", "", Text(inert(debate.summary), style=theme.META)))
    return Group(Block(parts), Text()) if parts else None
