"""Argdown: the debate as an argument map the Argdown tools read and draw.

Every claim becomes one statement, defined once as `[Title]: text #tags
{data}`; every relation is written once, as an indented `+` (supports) or
`-` (attacks) line under the claim it targets (see the Argdown syntax guide,
"Relations", and the lexer in christianvoigt/argdown
packages/argdown-core/src/lexer.ts). An undercut is Argdown's `<_` line,
nested under the line of the cut link's source (itself under the link's
target): Argdown records it as an undercut of that statement, and the outline
says which of its links is cut. Topics become `#` headings, so the map
groups claims by topic. The data block carries the claim's id (so
`agidebate import argdown` gives the same ids back), who argues it, its
weight, its score and its side, and what Argdown has no syntax for: its
kind, date, editorial mark, note, quotes, sources, figures and translations,
the attributes of its links (`links`: impact, editorial mark and note by
target, and `undercuts`: the links it cuts, with theirs), and whatever the
statement line cannot say exactly (`_restore`: title, text, tags, topic, the
order of its links). A heading's data block carries the topic's id, summary
and translations (and `"title": null` for an untitled topic); the front matter the
debate's translations, authors and expectations. Each statement is tagged with
its side (`#pro`, `#con`, `#thesis`), and the front matter gives those tags the
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
from dataclasses import dataclass
from typing import assert_never

from agidebate.export import ExportOptions
from agidebate.export._outline import Entry, Section, one_line, outline, score, text
from agidebate.model import Claim, ClaimKind, Debate, Relation, Topic
from agidebate.palette import PALETTE
from agidebate.query.parts import expect_dict, figure_dict, quote_dict, source_dict, translations

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


# What YAML (which reads data blocks and front matter) refuses even inside quotes (PyYAML's
# reader.NON_PRINTABLE) or reads as a line break (NEL, U+0085), beyond the C0 controls
# json.dumps escapes already.
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _string(value: str) -> str:
    """A JSON string that is also safe inside an Argdown data block and front matter.

    >>> print(_string("a\x7fb{"))
    "a\\u007fb\\u007b"
    """
    dumped = _NOT_YAML.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False)
    )
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


def _json(value: object) -> str:
    """Any JSON value whose every string is written by `_string` (safe in a data block).

    >>> _json({"a": [1, "x{y}"], "b": None})
    '{"a": [1, "x\\\\u007by\\\\u007d"], "b": null}'
    """
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_string(k)}: {_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    if isinstance(value, float):
        return _number(value)
    return json.dumps(value)


def _number(value: float) -> str:
    """A float as JSON that YAML 1.1 (which reads data blocks) also reads as a number:
    with a `.` in the mantissa (`1.0e+35`, not `1e+35`, which YAML 1.1 reads as text).

    >>> _number(1e35), _number(0.25), _number(1e-05)
    ('1.0e+35', '0.25', '1.0e-05')
    """
    written = repr(value)
    mantissa, e, exponent = written.partition("e")
    if e and "." not in mantissa:
        written = f"{mantissa}.0e{exponent}"
    return written


def _links(debate: Debate, claim: Claim) -> list[tuple[str, object]]:
    """What Argdown's relation lines cannot say: link attributes and the links cut."""
    links = {
        e.target: {"impact": e.impact, "editorial": e.editorial, "note": e.note}
        for e in debate.targets(claim.id)
        if e.cut_link is None and (e.impact != 1 or e.editorial or e.note)
    }
    cuts = [
        {"from": e.link_source, "to": e.target, "editorial": e.editorial, "note": e.note}
        for e in debate.undercuts_of(claim.id)
    ]
    return [(k, v) for k, v in (("links", links), ("undercuts", cuts)) if v]


def _provenance(claim: Claim) -> list[tuple[str, object]]:
    """The claim's fields that Argdown has no syntax for, when they are set."""
    fields: list[tuple[str, object]] = [
        ("kind", claim.kind.value if claim.kind is not ClaimKind.ARGUMENT else None),
        ("date", claim.date),
        ("editorial", True if claim.editorial else None),
        ("note", claim.note),
        ("quote", [quote_dict(q) for q in claim.quotes]),
        ("sources", [source_dict(s) for s in claim.sources]),
        ("figures", [figure_dict(f) for f in claim.figures]),
        ("i18n", translations(claim.i18n)),
    ]
    return [(key, value) for key, value in fields if value not in (None, [], {})]


def _restore(claim: Claim, written: _Written) -> list[tuple[str, object]]:
    """What the statement line changes and the importer must set back: the title (when
    the Argdown title is not the claim's), the text (when one line of it is not the
    text), the tags (when one is more than `#word`), the topic (when it is not the
    heading above), the order of the claim's links (when the relation lines give another)."""
    order = [e.target for e in written.debate.targets(claim.id) if e.cut_link is None]
    fields: list[tuple[str, object]] = []
    if " ".join(written.titles[claim.id].split()) != claim.title:
        fields.append(("title", claim.title))
    if one_line(text(claim, written.lang)) != claim.text:
        fields.append(("text", claim.text))
    if not all(_SIMPLE_TAG.match(t) for t in claim.tags) or len(set(claim.tags)) < len(claim.tags):
        fields.append(("tags", list(claim.tags)))
    if claim.topic != written.heading:
        fields.append(("topic", claim.topic))
    if len(order) > 1 and written.order.get(claim.id) != order:
        fields.append(("order", order))
    return fields


def _data(debate: Debate, claim: Claim, options: ExportOptions, written: _Written) -> str:
    fields: list[tuple[str, str]] = [("id", _string(claim.id))]
    if claim.id == debate.thesis:
        fields.append(("thesis", "true"))
    if claim.by:
        fields.append(("by", _string(claim.by)))
    if claim.weight_stated:
        fields.append(("weight", _number(claim.weight)))
    value = score(options, claim.id)
    if value is not None:
        fields.append(("score", _number(round(value, 4))))
    side = debate.side_label(claim.id)
    if side is not None:
        fields.append(("side", _string(side)))
    found = (*_provenance(claim), *_links(debate, claim), *_restore(claim, written))
    fields += [(key, _json(v)) for key, v in found]
    return "{" + ", ".join(f'"{key}": {value}' for key, value in fields) + "}"


def _definition(debate: Debate, claim: Claim, options: ExportOptions, written: _Written) -> str:
    parts = [f"[{written.titles[claim.id]}]:", escape(text(claim, options.lang))]
    side = debate.side_label(claim.id)
    if side is not None:
        parts.append(f"#{side}")
    parts += [_tag(t) for t in claim.tags if t.strip()]
    parts.append(_data(debate, claim, options, written))
    return " ".join(parts)


def _line(debate: Debate, entry: Entry, options: ExportOptions, written: _Written) -> str:
    claim = debate.claim(entry.claim)
    name = written.titles[claim.id]
    body = _definition(debate, claim, options, written) if entry.first else f"[{name}]"
    if entry.edge is None:
        return body
    symbol = _symbol(entry.edge.relation)
    return "  " * entry.depth + f"{symbol} {body}"


def _front_matter(debate: Debate) -> list[str]:
    lines = ["==="]
    # JSON strings are YAML: a line break in the title or summary is written `\n`.
    if debate.title:
        lines.append(f"title: {_string(debate.title)}")
    if debate.summary:
        lines.append(f"abstract: {_string(debate.summary)}")
    for key, value in (
        ("i18n", translations(debate.i18n)),
        ("authors", {name: translations(a.i18n) for name, a in debate.authors.items()}),
        ("expect", expect_dict(debate.expect)),
    ):
        if value:
            lines.append(f"{key}: {_json(value)}")
    lines += ["model:", "  removeTagsFromText: true", "color:", "  tagColors:"]
    lines += [f'    {side}: {{color: "{PALETTE[side].line}", priority: 100}}' for side in SIDE_TAGS]
    lines += [
        "  relationColors:",
        f'    support: "{PALETTE["pro"].line}"',
        f'    attack: "{PALETTE["con"].line}"',
        "===",
    ]
    return lines


@dataclass
class _Written:
    """What the document says apart from the data blocks, for `_restore` to compare: each
    claim's Argdown title, the heading the importer is under, each claim's links in the
    order of the relation lines."""

    debate: Debate
    lang: str | None
    titles: dict[str, str]
    order: dict[str, list[str]]
    heading: str | None = None


def _link_order(sections: list[Section]) -> dict[str, list[str]]:
    """Each claim's supported and attacked claims in the order the relation lines say."""
    order: dict[str, list[str]] = {}
    for section in sections:
        for group in section.groups:
            for entry in group.entries:
                edge = entry.edge
                if edge is not None and edge.cut_link is None:
                    order.setdefault(edge.source, []).append(edge.target)
    return order


def export(debate: Debate, options: ExportOptions) -> str:
    """The debate as an Argdown document."""
    sections = outline(debate)
    titles = _titles(debate, options.lang)
    written = _Written(debate, options.lang, titles, _link_order(sections))
    lines = [*_front_matter(debate), ""]
    for section in sections:
        topic = debate.topics.get(section.topic) if section.topic else None
        if topic is not None:
            lines += [_heading(topic), ""]
            written.heading = topic.id
        for group in section.groups:
            if group.parent is not None:
                lines.append(f"[{titles[group.parent]}]")
                shift = 1
            else:
                shift = 0
            for entry in group.entries:
                moved = Entry(entry.claim, entry.depth + shift, entry.edge, entry.first)
                lines.append(_line(debate, moved, options, written))
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _heading(topic: Topic) -> str:
    data: dict[str, object] = {"id": topic.id}
    if topic.title is None:  # the heading shows the id; the topic has no title
        data["title"] = None
    if topic.summary:
        data["summary"] = topic.summary
    if topic.i18n:
        data["i18n"] = translations(topic.i18n)
    return f"# {escape(topic.title or topic.id)} {_json(data)}"


def _symbol(relation: Relation) -> str:
    """Argdown's relation symbol for a child below its parent: `+`, `-`, or `<_` (the child
    undercuts the parent's link to the line above it)."""
    match relation:
        case Relation.SUPPORT:
            return "+"
        case Relation.ATTACK:
            return "-"
        case Relation.UNDERCUT:
            return "<_"
        case _:
            assert_never(relation)
