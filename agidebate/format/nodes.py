"""Read YAML text into a small tree of positioned nodes, safely.

This module never constructs Python objects from tags: it walks PyYAML's event
stream (with the C parser when it is installed) and builds plain nodes that keep
their 1-based line and column. That gives us, in one iterative pass:

- duplicate keys, which PyYAML's constructor silently overwrites;
- source positions for every value, for `path:line:col` messages;
- limits on nesting depth and alias expansion (no "billion laughs");
- refusal of explicit tags (`!!python/object`, `!!binary`, `!!set`), merge keys
  and multiple documents, instead of surprising behaviour;
- the same verdict with or without the C extension: when the C parser fails,
  the file is parsed again with the pure-Python parser, whose verdict and
  message are the ones reported.

Scalars keep the text exactly as written; what it means (string, number, YAML
1.1 boolean...) is decided by `agidebate.format.scalars` for each field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from agidebate.errors import Location, Problem

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 1000
MAX_EXPANDED_NODES = 1_000_000

PLAIN_TAG = "!"
STR_TAG = "tag:yaml.org,2002:str"
# YAML 1.1 printable characters; anything else is refused before parsing, with
# the same message whichever parser would have met it.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")
SURROGATE = re.compile("[\ud800-\udfff]")
# Text libyaml accepts but the pure parser refuses (or the reverse): tabs as
# separating whitespace (`key:<TAB>value`, and tabs inside block scalars), and a
# block scalar header running into a comment (`|#`). Files containing them are
# left to the pure parser, so a file's verdict never depends on the install. (A
# byte order mark inside a file, which libyaml skips, is refused beforehand.)
_LENIENT_IN_LIBYAML = re.compile(r"\t|[|>][-+0-9]{0,2}#")
# The ASCII control characters YAML refuses; a plain `in` test per character is
# far faster than a regular expression over a whole file.
_ASCII_CONTROLS = [chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)]


def _lenient_in_libyaml(text: str) -> bool:
    """True when libyaml and the pure parser could disagree about `text`."""
    if "\t" in text:
        return True
    index = text.find("#")
    while index != -1:
        before = index - 1
        while before >= 0 and index - before <= 3 and text[before] in "-+0123456789":
            before -= 1
        if before >= 0 and text[before] in "|>" and _LENIENT_IN_LIBYAML.match(text, before):
            return True
        index = text.find("#", index + 1)
    return False


def _has_odd_characters(text: str) -> bool:
    """A cheap test that lets clean files skip the character scans below."""
    if text.isascii():
        return any(c in text for c in _ASCII_CONTROLS)
    return True


@dataclass(slots=True)
class YScalar:
    text: str
    plain: bool
    line: int
    column: int
    size: int = 1
    end: int = -1  # index in the source just after the scalar
    anchor: str | None = None


@dataclass(slots=True)
class YSeq:
    items: list[YNode]
    line: int
    column: int
    size: int = 1


@dataclass(slots=True)
class YMap:
    items: dict[str, YNode]
    keys: dict[str, YScalar]
    line: int
    column: int
    size: int = 1


YNode = YScalar | YSeq | YMap


@dataclass(slots=True)
class ReadResult:
    """The document's root node (None when empty or unreadable) and the problems found."""

    root: YNode | None
    problems: list[Problem] = field(default_factory=list)
    source: str = ""


def _c_loader() -> type[Any] | None:
    return getattr(yaml, "CSafeLoader", None)


USE_C_PARSER = _c_loader() is not None


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode a file's bytes as UTF-8 (a BOM is allowed), or explain why not."""
    if len(data) > MAX_FILE_BYTES:
        return None, [
            Problem(
                "file-too-large",
                f"file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}",
                Location(path),
                "split the topic into several files",
            )
        ]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            Problem(
                "encoding",
                "file is UTF-16 or UTF-32, not UTF-8",
                Location(path),
                "save the file as UTF-8",
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        offset = err.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        before = data[:offset].decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        return None, [
            Problem(
                "encoding",
                f"invalid UTF-8 byte 0x{data[offset]:02x}",
                Location(path, line, column),
                "save the file as UTF-8",
            )
        ]
    return text, []


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _precheck(text: str, path: str) -> list[Problem]:
    if not _has_odd_characters(text):
        return []
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        line, column = _position(text, bad.start())
        return [
            Problem(
                "control-character",
                f"control character U+{ord(bad.group()):04X} is not allowed in YAML",
                Location(path, line, column),
                'write it as an escape in a double-quoted string, e.g. "\\x07", or remove it',
            )
        ]
    bom = text.find("\ufeff")
    if bom >= 0:
        line, column = _position(text, bom)
        return [
            Problem(
                "byte-order-mark",
                "invisible byte order mark (U+FEFF) inside the file",
                Location(path, line, column),
                "remove it; it usually comes from joining or pasting files "
                "(inside a text, use U+2060 WORD JOINER instead)",
            )
        ]
    odd = _ODD_BREAKS.search(text)
    if odd:
        line, column = _position(text, odd.start())
        return [
            Problem(
                "line-separator",
                f"character U+{ord(odd.group()):04X} is read by YAML as a line break",
                Location(path, line, column),
                "replace it with a normal line break, or write it as an escape in a "
                'double-quoted string (e.g. "\\u2028")',
            )
        ]
    return []


def read(text: str, path: str) -> ReadResult:
    """Parse one YAML document into positioned nodes, collecting problems."""
    from agidebate.format.events import Builder

    early = _precheck(text, path)
    if early:
        return ReadResult(None, early)
    c_loader = _c_loader()
    if c_loader is not None and not _lenient_in_libyaml(text):
        result = Builder(path).run(text, c_loader)
        if not _failed_to_parse(result):
            return result
    return Builder(path).run(text, yaml.SafeLoader)


def _failed_to_parse(result: ReadResult) -> bool:
    return any(p.code == "yaml-syntax" for p in result.problems)
