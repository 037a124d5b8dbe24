"""Reading Kialo's plain-text export, both forms, into numbered records (see
`importers.from_kialo` for the forms and how the records become a debate)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from agidebate.format.schema import URL_SCHEME_RE
from agidebate.importers import InputError
from agidebate.model import Source

_RECORD = re.compile(r"(\d+(?:\.\d+)*)\. (.*)\Z", re.S)
_LABEL_LINE = re.compile(r"( *)(\d+(?:\.\d+)*)\. (Thesis|Pro|Con|Question):[ \t]*\Z")
_FOOTNOTE = re.compile(r"\[(\d+)\] ?(.*)\Z")
_MARKER = re.compile(r"(?<!\\)\[(\d+)\]")
_ESCAPED_MARKER = re.compile(r"\\(\[\d+\])")
_TRAILING_MARKERS = re.compile(r"(?:[ \t]*(?<!\\)\[\d+\])+[ \t]*\Z")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MD_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(((?:\\.|[^)\\\s])+)\)")


@dataclass
class Record:
    """One node of the exported tree: its Kialo number, label, text and line."""

    number: str
    label: str | None
    text: str
    line: int
    link: str | None = None
    sources: list[Source] = field(default_factory=list)
    undercut: bool = False  # a Con written with `UNDERCUT_NOTE`: it cuts the parent's link

    @property
    def parent(self) -> str | None:
        return self.number.rsplit(".", 1)[0] if "." in self.number else None


@dataclass
class Parsed:
    title: str
    records: dict[str, Record]
    notes: list[str]


# -- the legacy form ----------------------------------------------------------


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """(line number, record) pairs: split on CRLF, or on LF in a file saved with LF only."""
    separator = "\r\n" if "\r\n" in text else "\n"
    line = 1
    for chunk in text.split(separator):
        yield line, chunk
        line += chunk.count("\n") + 1


def read_legacy(text: str, name: str) -> Parsed:
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


def read_current(text: str, name: str) -> Parsed:
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
        number: _source(unescape(target), _excerpt(excerpt))
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


# -- both forms ---------------------------------------------------------------


def unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def legacy_text(record: Record) -> None:
    """Kialo markdown -> plain text; inline links become sources."""

    def link(match: re.Match[str]) -> str:
        label, url = unescape(match.group(1)).strip(), unescape(match.group(2))
        record.sources.append(_source(url, title=label if label != url else None))
        return label or url

    record.text = unescape(_MD_LINK.sub(link, record.text)).strip()
