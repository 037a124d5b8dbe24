"""Argdown: the debate as an argument map the Argdown tools read and draw.

Every claim becomes one statement, defined once as `[Title]: text #tags
{data}`; every relation is written once, as an indented `+` (supports) or
`-` (attacks) line under the claim it targets (see the Argdown syntax guide,
"Relations", and the lexer in christianvoigt/argdown
packages/argdown-core/src/lexer.ts). Topics become `#` headings, so the map
groups claims by topic. The data block carries the claim's id (so
`agidebate import argdown` gives the same ids back), who argues it, its
weight, its score and its side. Each statement is tagged with its side
(`#pro`, `#con`, `#thesis`), and the front matter gives those tags the
palette's colours with a priority above any other tag, so `argdown map`
draws pro green, con red and the thesis indigo (with supports in green and
attacks in red); `agidebate import argdown` drops the side tag again.

Escaping follows the lexer: a backslash before any character makes it text
(the EscapedChar token), so `\\`, `[`, `]`, `<`, `>`, `#`, `@`, `{`, `}`, `*`,
`_`, a `/` that would start `//` or `/*`, runs of `===`, and a `.` or `:` that
would open a `.shortcode.` / `:shortcode:` are escaped. Statement text is one
line: an Argdown statement ends at an empty line, and a line starting with
`+`, `-`, `<`, `>` or `(1)` would start a relation or a premise, so line
breaks become spaces.
"""

from __future__ import annotations

import json
import re
from typing import assert_never

from agidebate.export import ExportOptions
from agidebate.export._outline import Entry, one_line, outline, score, text
from agidebate.export.palette import PALETTE
from agidebate.model import Claim, Debate, Relation

_ESCAPED = set("\\[]<>#@{}*_")
_SHORTCODE = re.compile(r"\.[^\s]+?\.|:[^\s]+?:")
_SIMPLE_TAG = re.compile(r"[A-Za-z0-9-]+\Z")
_TITLE_WORDS = 8
SIDE_TAGS = ("pro", "con", "thesis", "root")


def escape(value: str) -> str:
    """Argdown text for `value`: one line, no character read as syntax.

    >>> escape("see #3 at http://x.org/a.b.c [1]")
    'see \\\\#3 at http:\\\\//x\\\\.org/a\\\\.b.c \\\\[1\\\\]'
    """
    value = one_line(value)
    out: list[str] = []
    for index, char in enumerate(value):
        nxt = value[index + 1 : index + 2]
        if (
            char in _ESCAPED
            or (char == "/" and nxt in ("/", "*"))
            or (char == "=" and ("===" in value[max(0, index - 2) : index + 3]))
            or (char in ".:" and _SHORTCODE.match(value, index))
        ):
            out.append("\\")
        out.append(char)
    return "".join(out)


def _string(value: str) -> str:
    """A JSON string that is also safe inside an Argdown data block and front matter."""
    dumped = json.dumps(value, ensure_ascii=False)
    for char in "{}=":
        dumped = dumped.replace(char, f"\\u{ord(char):04x}")
    return dumped.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _titles(debate: Debate, lang: str | None) -> dict[str, str]:
    """A unique Argdown title per claim: its title, else the first words of its text."""
    titles: dict[str, str] = {}
    seen: set[str] = set()
    for claim in debate:
        name = _title_text(claim, lang)
        if name.casefold() in seen:
            name = f"{name} ({claim.id})"
        seen.add(name.casefold())
        titles[claim.id] = name
    return titles


def _title_text(claim: Claim, lang: str | None) -> str:
    wanted = claim.translated(lang, "title") or claim.title
    if not wanted:
        words = one_line(text(claim, lang)).split(" ")
        wanted = " ".join(words[:_TITLE_WORDS]) + (" …" if len(words) > _TITLE_WORDS else "")
    # Inside [...] only ']' ends the title; a leading '-' would not be read as a reference.
    name = one_line(wanted).replace("[", "(").replace("]", ")").replace("\\", "/")
    name = name.lstrip("-").strip()
    return name or claim.id


def _tag(tag: str) -> str:
    tag = one_line(tag)
    if _SIMPLE_TAG.match(tag):
        return f"#{tag}"
    return "#(" + tag.replace("(", "").replace(")", "") + ")"


def _data(debate: Debate, claim: Claim, options: ExportOptions) -> str:
    fields: list[tuple[str, str]] = [("id", _string(claim.id))]
    if claim.id == debate.thesis:
        fields.append(("thesis", "true"))
    if claim.by:
        fields.append(("by", _string(claim.by)))
    if claim.weight_stated:
        fields.append(("weight", repr(claim.weight)))
    value = score(options, claim.id)
    if value is not None:
        fields.append(("score", repr(round(value, 4))))
    side = debate.side_label(claim.id)
    if side is not None:
        fields.append(("side", _string(side)))
    return "{" + ", ".join(f'"{key}": {value}' for key, value in fields) + "}"


def _definition(debate: Debate, claim: Claim, name: str, options: ExportOptions) -> str:
    parts = [f"[{name}]:", escape(text(claim, options.lang))]
    side = debate.side_label(claim.id)
    if side is not None:
        parts.append(f"#{side}")
    parts += [_tag(t) for t in claim.tags if t.strip()]
    parts.append(_data(debate, claim, options))
    return " ".join(parts)


def _line(debate: Debate, entry: Entry, titles: dict[str, str], options: ExportOptions) -> str:
    claim = debate.claim(entry.claim)
    name = titles[claim.id]
    body = _definition(debate, claim, name, options) if entry.first else f"[{name}]"
    if entry.edge is None:
        return body
    symbol = _symbol(entry.edge.relation)
    return "  " * entry.depth + f"{symbol} {body}"


def _front_matter(debate: Debate) -> list[str]:
    lines = ["==="]
    if debate.title:
        lines.append(f"title: {_string(one_line(debate.title))}")
    if debate.summary:
        lines.append(f"abstract: {_string(one_line(debate.summary))}")
    lines += ["model:", "  removeTagsFromText: true", "color:", "  tagColors:"]
    lines += [f'    {side}: {{color: "{PALETTE[side].line}", priority: 100}}' for side in SIDE_TAGS]
    lines += [
        "  relationColors:",
        f'    support: "{PALETTE["pro"].line}"',
        f'    attack: "{PALETTE["con"].line}"',
        "===",
    ]
    return lines


def export(debate: Debate, options: ExportOptions) -> str:
    """The debate as an Argdown document."""
    titles = _titles(debate, options.lang)
    lines = [*_front_matter(debate), ""]
    for section in outline(debate):
        topic = debate.topics.get(section.topic) if section.topic else None
        if topic is not None:
            lines += [f"# {escape(topic.title or topic.id)}", ""]
        for group in section.groups:
            if group.parent is not None:
                lines.append(f"[{titles[group.parent]}]")
                shift = 1
            else:
                shift = 0
            for entry in group.entries:
                moved = Entry(entry.claim, entry.depth + shift, entry.edge, entry.first)
                lines.append(_line(debate, moved, titles, options))
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _symbol(relation: Relation) -> str:
    """Argdown's relation symbol for a child below its parent: `+` or `-`."""
    match relation:
        case Relation.SUPPORT:
            return "+"
        case Relation.ATTACK:
            return "-"
        case _:
            assert_never(relation)
