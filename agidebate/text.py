"""Inert text and the words for claims: escapes, titles in the reader's language, sides,
relations, natural ordering, numbers. No rich: every layer may use it.

>>> inert("red\\x1b[31m alert")
'red\\\\x1b[31m alert'
>>> inert("abc\\u202edef")
'abc\\\\u202edef'

>>> from agidebate.model import Claim
>>> c = Claim("a", "Full text", title="Short", i18n={"zh": {"title": "短"}})
>>> localized(c, "zh")
Localized(text='短', fallback=False)
>>> localized(c, "fr")
Localized(text='Short', fallback=True)
>>> sorted(["dw-10", "dw-2", "a"], key=natural_key)
['a', 'dw-2', 'dw-10']
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple, assert_never

from agidebate.i18n import _, pgettext
from agidebate.model import Claim, ClaimKind, Debate, Edge, Relation, Side

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str, newlines: bool = True) -> str:
    """`text` with control and bidi-override characters shown as escapes.

    With `newlines=False`, line breaks and tabs become spaces too (for one-line labels).
    """
    text = _UNSAFE.sub(_escape, text)
    if "\t" in text:
        text = text.replace("\t", "    " if newlines else " ")
    if not newlines and ("\n" in text or "\r" in text):
        text = " ".join(text.split())
    return text.replace("\r", "")


ENGLISH = ("", "en")
_DIGITS = re.compile(r"(\d+)")


class Localized(NamedTuple):
    """Text in the asked-for language, or the original with `fallback` set."""

    text: str
    fallback: bool


def localized(claim: Claim, lang: str | None, key: str = "label") -> Localized:
    """The claim's `label` (title, else text), `title` or `text` in `lang`.

    Falls back to the written text, flagged, when the translation is missing.
    """
    original = (
        claim.label if key == "label" else (claim.title or "" if key == "title" else claim.text)
    )
    if lang is None or lang in ENGLISH:
        return Localized(original, False)
    if key == "label":
        key = "title" if claim.title else "text"
    translated = claim.translated(lang, key)
    if translated:
        return Localized(translated, False)
    return Localized(original, bool(original))


def has_language(debate: Debate, lang: str) -> bool:
    """True when at least one claim carries a translation into `lang`."""
    return any(lang in claim.i18n for claim in debate)


def shorten(text: str, limit: int = 80) -> str:
    """`text` on one line, cut at a word to at most `limit` characters with '…'.

    >>> shorten("Scaling  laws\\nhold", 12)
    'Scaling…'
    """
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rsplit(" ", 1)[0] + "…"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`1 claim`, `2 claims`, `3 replies` (with `many`).

    >>> plural(1, "claim"), plural(1200, "reply", "replies")
    ('1 claim', '1,200 replies')
    """
    return f"{count:,} {noun if count == 1 else (many or noun + 's')}"


def agree(count: int, one: str, many: str) -> str:
    """The verb form that goes with `count`: agree(1, "matches", "match")."""
    return one if count == 1 else many


def natural_key(claim_id: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts dw-2 before dw-10."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in _DIGITS.split(claim_id) if part
    )


def side_word(side: Side | None) -> str:
    """`pro`, `con` or `root` (for a claim without a side)."""
    return side.value if side else "root"


def side_name(label: str | None) -> str:
    """A side label (`Debate.side_label`: thesis, root, pro, con) in the reader's language;
    '-' for a claim that reaches no root."""
    match label:
        case "thesis":
            return pgettext("side", "thesis")
        case "root":
            return pgettext("side", "root")
        case "pro":
            return pgettext("side", "pro")
        case "con":
            return pgettext("side", "con")
        case _:
            return label or "-"


def counts_phrase(side: Side | None, anchor: str = "the thesis") -> str:
    """How a side reads in a sentence: 'counts for the thesis' (or for `anchor`, a root)."""
    if side is None:
        return "is a root"
    return f"counts for {anchor}" if side is Side.PRO else f"counts against {anchor}"


def relation_verb(relation: Relation) -> str:
    """`supports`, `attacks` or `undercuts`."""
    match relation:
        case Relation.SUPPORT:
            return "supports"
        case Relation.ATTACK:
            return "attacks"
        case Relation.UNDERCUT:
            return "undercuts"
        case _:
            assert_never(relation)


def aim(edge: Edge, thesis: str | None = None) -> str:
    """What a relation is aimed at, in words: its target, or for an undercut the link.

    >>> aim(Edge("u", "t", Relation.UNDERCUT, link_source="a"), "t")
    'the link from a to the thesis'
    """
    target = "the thesis" if edge.target == thesis else edge.target
    if edge.link_source is None:
        return target
    return f"the link from {edge.link_source} to {target}"


def relation_noun(relation: Relation) -> str:
    """What the source of `relation` is called: `supporter`, `attacker` or `undercutter`."""
    match relation:
        case Relation.SUPPORT:
            return "supporter"
        case Relation.ATTACK:
            return "attacker"
        case Relation.UNDERCUT:
            return "undercutter"
        case _:
            assert_never(relation)


def format_score(scores: Mapping[str, float] | None, claim_id: str) -> str | None:
    """A score as two decimals, or None when there is none for the claim."""
    if scores is None or claim_id not in scores:
        return None
    return f"{scores[claim_id]:.2f}"


EDITORIAL_MARK = "ed."


def kind_mark(kind: ClaimKind) -> str | None:
    """How a claim's kind is marked where it is shown: nothing for an argument."""
    match kind:
        case ClaimKind.ARGUMENT:
            return None
        case ClaimKind.SUMMARY:
            return "summary"
        case _:
            assert_never(kind)


def claim_marks(claim: Claim) -> list[str]:
    """The badges a claim carries in every view and export: `summary`, `ed.` (the editor's).

    >>> claim_marks(Claim("a", "A", kind=ClaimKind.SUMMARY, editorial=True))
    ['summary', 'ed.']
    """
    kind = kind_mark(claim.kind)
    return [m for m in (kind, EDITORIAL_MARK if claim.editorial else None) if m]


def shown_mark(mark: str) -> str:
    """A badge in the reader's language (`claim_marks` and `link_marks` give English codes).

    >>> shown_mark("ed."), shown_mark("impact 0.5")
    ('ed.', 'impact 0.5')
    """
    if mark.startswith("impact "):
        return _("impact {value}", value=mark.removeprefix("impact "))
    if mark == EDITORIAL_MARK:
        return pgettext("badge", "ed.")
    return pgettext("badge", "summary") if mark == "summary" else mark


def impact_text(impact: float) -> str:
    """A link's impact as shown: `impact 0.6` (never for the default 1).

    >>> impact_text(0.6), impact_text(0.333333)
    ('impact 0.6', 'impact 0.33')
    """
    return f"impact {impact:.2g}"


def link_marks(edge: Edge) -> list[str]:
    """The badges a link carries: `ed.` when the editor drew it, its impact when not 1.

    >>> link_marks(Edge("a", "b", Relation.SUPPORT, impact=0.5, editorial=True))
    ['ed.', 'impact 0.5']
    """
    marks = [EDITORIAL_MARK] if edge.editorial else []
    if edge.impact != 1:
        marks.append(impact_text(edge.impact))
    return marks


# How a format without undercuts (Kialo) writes one: as a con of the cut link's source,
# with this line after its text; `agidebate import kialo` reads it back as an undercut.
UNDERCUT_NOTE = (
    "(Undercut: this answers the link from the claim above to its parent, not the claim.)"
)
