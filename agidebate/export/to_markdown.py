"""Markdown: the debate as a readable document for GitHub and other renderers.

The thesis comes first, then one section per topic with its claims as nested
lists. Each claim has an anchor (`#claim-id`), its side on the thesis (**▲ pro**,
**▼ con**, as in every other output) and, in words, what it does to the claim
above it (*supports*, *attacks*, or *undercuts*: it attacks the link above, not
the claim), the link's badges (*ed.* when the map's editor drew it, its impact
when not 1, the editor's note), the claim's own badges (*summary*, *ed.*), who
argues it and when, its score when scores are given, numbered references to a
closing source list, the editor's note, and its quotes as block quotes with
their source and place.

Claim text is data, never markup: the characters CommonMark and GitHub
Flavored Markdown read as syntax (emphasis, links, code, tables, headings,
math, strikethrough) are backslash-escaped, and `<`, `>`, `&` become entities
so no HTML (a `<script>`, a comment) reaches the page. See the CommonMark
spec, "Backslash escapes" (any ASCII punctuation may be escaped) and "Entity
and numeric character references", and GitHub's GFM spec for tables and
strikethrough.
"""

from __future__ import annotations

import re

from agidebate.export import ExportOptions
from agidebate.export._outline import (
    Entry,
    Group,
    label,
    one_line,
    outline,
    score,
    score_text,
    text,
    title,
)
from agidebate.model import Claim, Debate, Quote, Source
from agidebate.palette import GLYPHS, WORDS
from agidebate.text import claim_marks, link_marks, relation_verb

_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~$])")
_BLOCK_START = re.compile(r"^([-+=>]|\d+(?=[.)]))")
# Renderers cap nesting (markdown-it: 20 levels, two per list); deeper claims start a new list.
MAX_DEPTH = 6
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LINKABLE = re.compile(r"(?i)(https?|ftp|mailto):")


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def escape(value: str) -> str:
    """Inline markdown for `value`: one line, every syntax character neutralised.

    >>> escape("a *b* | <script>")
    'a \\\\*b\\\\* \\\\| &lt;script&gt;'
    """
    value = _SPECIAL.sub(r"\\\1", one_line(value))
    return "".join(_ENTITIES.get(char, char) for char in value)


def paragraph(value: str) -> str:
    """`escape`, and a line start that cannot open a list, quote, heading or rule.

    >>> paragraph("1986. A year")
    '1986\\\\. A year'
    """
    escaped = escape(value)
    match = _BLOCK_START.match(escaped)
    if match is None:
        return escaped
    if match.group(1).isdigit():
        return escaped[: match.end()] + "\\" + escaped[match.end() :]
    return "\\" + escaped


class _Sources:
    """Numbered references, in order of first citation."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, ...], int] = {}
        self.items: list[Source] = []

    def cite(self, source: Source) -> str:
        key = source.key()
        if key not in self.numbers:
            self.items.append(source)
            self.numbers[key] = len(self.items)
        number = self.numbers[key]
        return f"[\\[{number}\\]](#source-{number})"


def _details(claim: Claim, options: ExportOptions, sources: _Sources) -> str:
    parts = []
    if claim.by:
        parts.append(f"*{escape(claim.by)}*")
    if claim.date:
        parts.append(escape(claim.date))
    value = score_text(score(options, claim.id))
    if value is not None:
        parts.append(f"score {value}")
    if claim.sources:
        parts.append(" ".join(sources.cite(s) for s in claim.sources))
    if claim.note:
        parts.append(f"*note:* {escape(claim.translated(options.lang, 'note') or claim.note)}")
    return " · ".join(parts)


def _badges(marks: list[str]) -> str:
    return "".join(f"*\\[{escape(mark)}\\]* " for mark in marks)


def _claim_line(claim: Claim, options: ExportOptions, sources: _Sources) -> str:
    head = title(claim, options.lang)
    body = escape(text(claim, options.lang))
    line = _badges(claim_marks(claim)) + (f"**{escape(head)}**: {body}" if head else body)
    details = _details(claim, options, sources)
    return f'<a id="{claim.id}"></a>{line}' + (f" — {details}" if details else "")


def _quote_lines(claim: Claim, indent: str, sources: _Sources) -> list[str]:
    """Each quote as a block quote inside the claim's list item (or after its paragraph)."""
    return [f"{indent}> {_quote(claim, quote, sources)}" for quote in claim.quotes]


def _quote(claim: Claim, quote: Quote, sources: _Sources) -> str:
    where = [sources.cite(claim.sources[quote.source - 1])] if quote.source else []
    if quote.at:
        where.append(escape(quote.at))
    return f"“{escape(quote.text)}”" + (f" — {', '.join(where)}" if where else "")


def _marker(debate: Debate, entry: Entry) -> str:
    """`**▲ pro** · *attacks* · `: the claim's side on the thesis, then, in words, what it
    does to the claim (or link) it sits under, with the link's badges and note."""
    side = debate.side_label(entry.claim) or "unlinked"
    marker = f"**{GLYPHS[side]} {WORDS[side]}**"
    edge = entry.edge
    if edge is not None:
        badges = (" " + _badges(link_marks(edge)).rstrip()).rstrip()
        note = f" (*{escape(edge.note)}*)" if edge.note else ""
        marker += f" · *{relation_verb(edge.relation)}*{badges}{note}"
    return marker + " · "


def _link(debate: Debate, claim_id: str, options: ExportOptions) -> str:
    return f"[{escape(label(debate.claim(claim_id), options.lang))}](#{claim_id})"


def _entry(debate: Debate, entry: Entry, options: ExportOptions, sources: _Sources) -> list[str]:
    marker = _marker(debate, entry)
    indent = "  " * entry.depth
    if not entry.first:
        return [f"{indent}- {marker}see {_link(debate, entry.claim, options)}"]
    claim = debate.claim(entry.claim)
    line = f"{indent}- {marker}{_claim_line(claim, options, sources)}"
    return [line, *_quote_lines(claim, indent + "  ", sources)]


def _group(debate: Debate, group: Group, options: ExportOptions, sources: _Sources) -> list[str]:
    lines: list[str] = []
    if group.parent is not None:
        lines += [f"Arguing with {_link(debate, group.parent, options)}:", ""]
    for entry in group.entries:
        lines += _entry(debate, entry, options, sources)
    return [*lines, ""]


def _thesis(debate: Debate, group: Group, options: ExportOptions, sources: _Sources) -> list[str]:
    """The thesis as a paragraph; claims without a topic that argue with it as a list."""
    claim = debate.claim(group.entries[0].claim)
    lines = ["## Thesis", "", _claim_line(claim, options, sources), ""]
    if claim.quotes:
        lines += [*_quote_lines(claim, "", sources), ""]
    below: list[str] = []
    for e in group.entries[1:]:
        below += _entry(debate, Entry(e.claim, e.depth - 1, e.edge, e.first), options, sources)
    return lines + below + ([""] if below else [])


def _source_line(number: int, source: Source) -> str:
    who = ", ".join(str(x) for x in (source.author, source.year) if x not in (None, ""))
    parts = [escape(who) + ":"] if who else []
    if source.title:
        parts.append(f"*{escape(source.title)}*")
    if source.url and _LINKABLE.match(source.url):
        parts.append("<" + re.sub(r"[\x00-\x20<>\x7f]", _percent, source.url) + ">")
    elif source.url:
        parts.append(escape(source.url))  # not a web link (javascript:, data:): plain text
    if source.note:
        parts.append(f"({escape(source.note)})")
    return f'{number}. <a id="source-{number}"></a>' + " ".join(parts)


def export(debate: Debate, options: ExportOptions) -> str:
    """The debate as one markdown document."""
    sources = _Sources()
    heading = debate.title or (debate.thesis and label(debate.claim(debate.thesis), options.lang))
    lines = [f"# {escape(heading or 'Debate')}", ""]
    if debate.summary:
        lines += [paragraph(debate.summary), ""]
    lines += [
        f"**{GLYPHS['pro']} pro** and **{GLYPHS['con']} con** say whether a claim counts for "
        "or against the thesis; *supports*, *attacks* and *undercuts* say what it does to the",
        "claim it sits under (an undercut attacks the link above it, not the claim).",
        "*\\[ed.\\]* marks what the map's editor added; a *\\[summary\\]* restates other claims",
        "and is never counted.",
        "",
    ]
    for section in outline(debate, MAX_DEPTH):
        topic = debate.topics.get(section.topic) if section.topic else None
        groups = []
        for group in section.groups:
            if group.entries[0].claim == debate.thesis:  # the thesis: a section of its own
                lines += _thesis(debate, group, options, sources)
            else:
                groups.append(group)
        if not groups:
            continue
        heading = topic.title or topic.id if topic else "Other claims"
        anchor = f'<a id="topic-{topic.id}"></a>' if topic else ""
        lines += [f"## {anchor}{escape(heading)}", ""]
        if topic and topic.summary:
            lines += [paragraph(topic.summary), ""]
        for group in groups:
            lines += _group(debate, group, options, sources)
    if sources.items:
        lines += ["## Sources", ""]
        lines += [_source_line(n, s) for n, s in enumerate(sources.items, 1)]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
