"""Kialo's plain-text discussion export, in both the forms Kialo has shipped.

The format is not published by Kialo (its Help Centre only explains how to
download it: "Exporting a Discussion"); this reader follows the forms observed
in real exports, as described in ../shared/external/SOURCES.md and as parsed
by other readers (arguebuf's `load/_load_kialo.py`, edoguido/Kialo-Parser):

Legacy form (2018-2019), detected by a first line `Discussion Title: ...`:
records are separated by CRLF; a bare LF inside a record is a line break
inside the claim. Each record is `1.2.3. Pro: text` (the root `1. text` has no
label; in "which is best" discussions the root's children have no label
either). Text is Kialo markdown with backslash escapes (`\\(`, `\\[`, `\\>`) and
inline links `[text](url)`. A record whose whole text is `-> See 1.2.` re-uses
claim 1.2. under a new parent (links may point forward and at other links);
`-> See discussion #N: thesis` points at another discussion.

Current form (2023-2025), detected by a first line `Discussion Name:`: line 2
is the title, then blocks separated by an empty line, each an indented label
line `1.2. Pro:` (`Thesis:`, `Question:` for multi-thesis discussions) and the
text on the next lines; after the tree an unindented `Sources:` line and
footnotes `[N] url`, each optionally followed by a quoted excerpt that may
span several lines (blank lines and lines that look like claims included).

How the discussion maps onto a debate: the root claim is the thesis (id
`thesis`), every other claim keeps its Kialo number as its id (`1.2.3`), Pro
is `supports`, Con is `attacks`, a `-> See` link adds a relation from the
claim it names, and each subtree under the thesis becomes one topic. In a
multi-thesis discussion the question becomes the debate's title and each
option a root claim (the debate then has no thesis). Footnote markers `[N]`
become the claim's `sources` (markers at the very end of the text are removed
from it; markers inside a sentence stay), inline links become sources too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from agidebate.format.schema import URL_SCHEME_RE
from agidebate.importers import ImportResult, InputError
from agidebate.importers._build import DebateBuilder
from agidebate.model import THESIS_ID, Relation, Source
from agidebate.text import shorten

_RECORD = re.compile(r"(\d+(?:\.\d+)*)\. (.*)\Z", re.S)
_LABEL_LINE = re.compile(r"( *)(\d+(?:\.\d+)*)\. (Thesis|Pro|Con|Question):[ \t]*\Z")
_LINK = re.compile(r"->[ \t]*See[ \t]+(\d+(?:\.\d+)*)\.?[ \t]*\Z")
_OTHER_DISCUSSION = re.compile(r"->[ \t]*See[ \t]+(discussion[ \t]+#\d+.*)\Z", re.S)
_FOOTNOTE = re.compile(r"\[(\d+)\] ?(.*)\Z")
_MARKER = re.compile(r"(?<!\\)\[(\d+)\]")
_ESCAPED_MARKER = re.compile(r"\\(\[\d+\])")
_TRAILING_MARKERS = re.compile(r"(?:[ \t]*(?<!\\)\[\d+\])+[ \t]*\Z")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MD_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(((?:\\.|[^)\\\s])+)\)")
_LABELS = {"Pro": Relation.SUPPORT, "Con": Relation.ATTACK}


@dataclass
class Record:
    """One node of the exported tree: its Kialo number, label, text and line."""

    number: str
    label: str | None
    text: str
    line: int
    link: str | None = None
    sources: list[Source] = field(default_factory=list)

    @property
    def parent(self) -> str | None:
        return self.number.rsplit(".", 1)[0] if "." in self.number else None


@dataclass
class Parsed:
    title: str
    records: dict[str, Record]
    notes: list[str]


def read(text: str, name: str) -> ImportResult:
    """Parse a Kialo export (either form) into a debate."""
    first = text.split("\n", 1)[0].rstrip("\r")
    if first.startswith("Discussion Title:"):
        parsed = _read_legacy(text, name)
    elif first.strip() == "Discussion Name:":
        parsed = _read_current(text, name)
    else:
        raise InputError(
            name,
            1,
            "not a Kialo export: the first line is neither 'Discussion Title: ...' "
            "nor 'Discussion Name:'",
            "export the discussion from Kialo as a .txt file (Export > Plain text)",
        )
    return _to_debate(parsed, name)


# -- the legacy form ----------------------------------------------------------


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """(line number, record) pairs: split on CRLF, or on LF in a file saved with LF only."""
    separator = "\r\n" if "\r\n" in text else "\n"
    line = 1
    for chunk in text.split(separator):
        yield line, chunk
        line += chunk.count("\n") + 1


def _read_legacy(text: str, name: str) -> Parsed:
    lf_only = "\r\n" not in text
    chunks = _chunks(text)
    _, header = next(chunks)
    title = header.removeprefix("Discussion Title:").strip()
    records: dict[str, Record] = {}
    children: dict[str, int] = {}
    last: Record | None = None
    for line, chunk in chunks:
        record = _legacy_record(chunk, line)
        fits = record is not None and _fits(record, records, children)
        if record is not None and (fits or not lf_only):
            if not fits:
                raise InputError(name, line, _misplaced(record, records))
            records[record.number] = record
            parent = record.parent
            if parent is not None:
                children[parent] = children.get(parent, 0) + 1
            last = record
        elif last is not None and lf_only:
            last.text += "\n" + chunk
        elif chunk.strip():
            raise InputError(
                name, line, "expected a claim such as '1.2. Pro: text'", "is this a Kialo export?"
            )
    if "1" not in records:
        raise InputError(name, 3, "the discussion has no root claim '1. ...'")
    return Parsed(title, records, [])


def _legacy_record(chunk: str, line: int) -> Record | None:
    match = _RECORD.match(chunk)
    if match is None:
        return None
    number, rest = match.groups()
    label = None
    for word in ("Pro", "Con"):
        if number != "1" and rest.startswith(word + ": "):
            label, rest = word, rest[len(word) + 2 :]
    return Record(number, label, rest, line)


def _fits(record: Record, records: dict[str, Record], children: dict[str, int]) -> bool:
    """True when `record` is the next child of a record already read (or the first root)."""
    parent = record.parent
    if parent is None:
        return record.number == "1" and not records
    if parent not in records or record.number in records:
        return False
    expected = f"{parent}.{children.get(parent, 0) + 1}"
    labelled = record.label is not None or parent == "1"
    return record.number == expected and labelled


def _misplaced(record: Record, records: dict[str, Record]) -> str:
    if record.number in records:
        return f"claim {record.number}. appears twice"
    if record.parent is not None and record.parent not in records:
        return f"claim {record.number}. comes before its parent {record.parent}."
    return f"claim {record.number}. is out of order"


# -- the current form ---------------------------------------------------------


def _read_current(text: str, name: str) -> Parsed:
    lines = text.split("\r\n") if "\r\n" in text else text.split("\n")
    title = lines[1].strip() if len(lines) > 1 else ""
    records: dict[str, Record] = {}
    index = 2
    current: Record | None = None
    while index < len(lines):
        line = lines[index]
        match = _LABEL_LINE.match(line)
        if match is not None:
            indent, number, label = match.groups()
            if number in records:
                raise InputError(name, index + 1, f"claim {number}. appears twice")
            label_line = index + 1
            body, index = _block_text(lines, index + 1, len(indent))
            current = Record(number, label, body, label_line)
            records[number] = current
        elif line == "Sources:":
            return Parsed(title, records, _attach_sources(records, lines[index + 1 :], name))
        elif line.strip():
            if current is None:
                raise InputError(name, index + 1, "expected a claim label such as '1. Thesis:'")
            # A paragraph break inside a claim: text after a blank line in the same block.
            body, index = _block_text(lines, index, 0)
            current.text += "\n\n" + body
            continue
        index += 1
    if "1" not in records:
        raise InputError(name, 4, "the discussion has no root claim '1. Thesis:'")
    return Parsed(title, records, _attach_sources(records, [], name))


def _block_text(lines: list[str], index: int, indent: int) -> tuple[str, int]:
    """The text lines from `index` up to the next empty line, with the block's indent removed."""
    body: list[str] = []
    while index < len(lines) and lines[index].strip():
        line = lines[index]
        body.append(line[indent:] if line[:indent].isspace() or not indent else line.lstrip())
        index += 1
    return "\n".join(body).strip(), index


def _attach_sources(records: dict[str, Record], lines: list[str], name: str) -> list[str]:
    """Read the `Sources:` footnotes and attach them to the claims whose text cites them."""
    footnotes = _footnotes(lines)
    notes: list[str] = []
    for record in records.values():
        for number in dict.fromkeys(_MARKER.findall(record.text)):
            source = footnotes.get(int(number))
            if source is None:
                notes.append(f"{name}: claim {record.number}. cites [{number}], not listed")
            else:
                record.sources.append(source)
        text = _TRAILING_MARKERS.sub("", record.text) or record.text
        record.text = _ESCAPED_MARKER.sub(r"\1", text)  # our own escape of a literal [1]
    return notes


def _footnotes(lines: list[str]) -> dict[int, Source]:
    entries: dict[int, tuple[str, list[str]]] = {}
    current: list[str] | None = None
    for line in lines:
        match = _FOOTNOTE.match(line)
        if match is not None:
            current = []
            entries[int(match.group(1))] = (match.group(2).strip(), current)
        elif current is not None:
            current.append(line)
    return {
        number: _source(_unescape(target), _excerpt(excerpt))
        for number, (target, excerpt) in entries.items()
    }


def _excerpt(lines: list[str]) -> str | None:
    text = "\n".join(lines).strip()
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1].strip()
    return text or None


def _source(target: str, note: str | None = None, title: str | None = None) -> Source:
    if URL_SCHEME_RE.match(target) and " " not in target:
        return Source(url=target, title=title or None, note=note)
    return Source(title=target or title or "untitled source", note=note)


# -- both forms: records -> debate -------------------------------------------


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def _legacy_text(record: Record) -> None:
    """Kialo markdown -> plain text; inline links become sources."""

    def link(match: re.Match[str]) -> str:
        label, url = _unescape(match.group(1)).strip(), _unescape(match.group(2))
        record.sources.append(_source(url, title=label if label != url else None))
        return label or url

    record.text = _unescape(_MD_LINK.sub(link, record.text)).strip()


def _to_debate(parsed: Parsed, name: str) -> ImportResult:
    records = parsed.records
    legacy = not any(r.label in ("Thesis", "Question") for r in records.values())
    root = records["1"]
    multi = root.label == "Question" or (
        legacy and any(r.parent == "1" and r.label is None for r in records.values())
    )
    builder = DebateBuilder(title=parsed.title or None, notes=list(parsed.notes))
    for record in records.values():
        _read_link(record, legacy)
        if legacy and record.link is None:
            _legacy_text(record)
    ids = _claim_ids(records, multi, builder)
    targets = _resolve_links(records, ids, builder, name)
    if multi:
        question = root.text.strip()
        builder.summary = question if question and question != parsed.title else None
    else:
        builder.thesis = THESIS_ID
    for record in records.values():
        if record.link is None and record.number in ids:
            _add_claim(builder, record, ids[record.number])
    for record in records.values():
        _add_relation(builder, record, ids, targets, multi, name)
    return ImportResult(builder.build(), tuple(builder.notes))


def _read_link(record: Record, legacy: bool) -> None:
    text = record.text.strip()
    match = _LINK.match(text)
    if match is not None:
        record.link = match.group(1)
    elif not legacy and text.startswith("\\->"):
        record.text = text[1:]  # our own escape for a claim that reads '-> See ...'


def _claim_ids(records: dict[str, Record], multi: bool, builder: DebateBuilder) -> dict[str, str]:
    ids: dict[str, str] = {}
    for number, record in records.items():
        if record.link is not None or (multi and number == "1"):
            continue
        ids[number] = THESIS_ID if number == "1" else builder.unique_id(number)
    return ids


def _resolve_links(
    records: dict[str, Record], ids: dict[str, str], builder: DebateBuilder, name: str
) -> dict[str, str]:
    """Each link record's number -> the claim id it finally names (links to links followed)."""
    targets: dict[str, str] = {}
    for number, record in records.items():
        seen = {number}
        target = record.link
        while target is not None and target in records and records[target].link is not None:
            if target in seen:
                break
            seen.add(target)
            target = records[target].link
        if record.link is None:
            continue
        if target is None or target not in ids:
            why = "a loop of links" if target in seen else f"{record.link}., which is not a claim"
            builder.notes.append(f"{name}:{record.line}: link {number}. points at {why}; skipped")
            continue
        targets[number] = ids[target]
    return targets


def _add_claim(builder: DebateBuilder, record: Record, claim_id: str) -> None:
    text = record.text.strip()
    tags: tuple[str, ...] = ()
    other = _OTHER_DISCUSSION.match(text)
    if other is not None:
        text, tags = "See " + other.group(1).strip(), ("kialo-discussion-link",)
    if not text:
        text = "(empty claim)"
        builder.notes.append(f"claim {record.number}. has no text; it reads '(empty claim)'")
    topic = None
    if record.number != "1":
        topic = ".".join(record.number.split(".")[:2])
        top = text if topic == record.number else getattr(builder.claims.get(topic), "text", None)
        builder.add_topic(topic, shorten(top) if top else None)
    sources = tuple(dict.fromkeys(record.sources))
    builder.add_claim(claim_id, text, sources=sources, tags=tags, topic=topic)


def _add_relation(
    builder: DebateBuilder,
    record: Record,
    ids: dict[str, str],
    targets: dict[str, str],
    multi: bool,
    name: str,
) -> None:
    parent = record.parent
    if parent is None:
        return
    source = targets.get(record.number) if record.link is not None else ids.get(record.number)
    target = targets.get(parent) if parent in targets else ids.get(parent)
    where = f"{name}:{record.line}"
    if source is None:
        return  # a link that could not be resolved (noted already)
    if target is None:
        if not (multi and parent == "1"):
            builder.notes.append(f"{where}: claim {record.number}. has no parent claim; skipped")
        elif record.label in _LABELS:
            builder.notes.append(
                f"{where}: {record.label.lower()} {record.number}. argues with the question, "
                "not an option; it stays a root claim"
            )
        return
    relation = _LABELS.get(record.label or "")
    if relation is None:
        builder.notes.append(f"{where}: claim {record.number}. has no Pro/Con label; read as Pro")
        relation = Relation.SUPPORT
    builder.relate(source, target, relation, where)
