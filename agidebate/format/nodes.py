"""Read YAML text into a tree of positioned nodes, safely.

Nothing is ever constructed from tags: `agidebate.format.compose` has libyaml
(or, as the fallback, PyYAML's pure-Python parser) compose the document into
nodes, and `agidebate.format.walk` checks them and builds the tree that the
format's readers consume, in which every node keeps its position:

- `YScalar` is PyYAML's `ScalarNode`: `.value` is the text exactly as written,
  `is_plain(node)` tells whether it was written unquoted (then
  `agidebate.format.scalars` decides what it means: string, number, a YAML 1.1
  boolean...), `.start_mark` and `.end_mark` give its place;
- `YMap` holds a mapping's values and keys by key text, in file order;
- `YSeq` holds a list's items.

Checked on the way, in one pass: duplicate keys (PyYAML's constructor silently
keeps the last), non-text keys, explicit tags (`!!python/object`, `!!binary`,
`!!set`), merge keys and multiple documents (refused rather than surprising),
nesting depth and alias expansion (no "billion laughs"); and the verdict does
not depend on whether the C extension is installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from yaml.nodes import ScalarNode

from agidebate.errors import Location, Problem
from agidebate.format import compose
from agidebate.format.compose import MAX_DEPTH as MAX_DEPTH
from agidebate.format.compose import PLAIN

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_EXPANDED_NODES = 1_000_000
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


class Mark(Protocol):
    """Where a node starts or ends: 0-based line and column, and the character index."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def index(self) -> int: ...


if TYPE_CHECKING:

    class YScalar(ScalarNode):
        """PyYAML's scalar node, as composed by `agidebate.format.compose`."""

        value: str  # the text exactly as written (escapes resolved)
        tag: str  # `compose.PLAIN`, `compose.TEXT` or the explicit tag `!!str`
        style: str | None  # '' or None (plain), "'", '"', '|' or '>'
        start_mark: Mark
        end_mark: Mark

else:
    YScalar = ScalarNode


@dataclass(slots=True, eq=False)
class YMap:
    """A mapping: values and key nodes by key text, in file order."""

    items: dict[str, YNode]
    keys: dict[str, YScalar]
    start_mark: Mark
    end_mark: Mark
    flow: bool = False


@dataclass(slots=True, eq=False)
class YSeq:
    """A list: its items in file order."""

    items: list[YNode]
    start_mark: Mark
    end_mark: Mark
    flow: bool = False


YNode = YScalar | YSeq | YMap


def is_plain(node: YScalar) -> bool:
    """True for a scalar written without quotes, tag or block style (`text: no`)."""
    return node.tag == PLAIN


def line_column(node: YNode) -> tuple[int, int]:
    """The node's 1-based line and column."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


# Properties written before a node: an anchor (`&name`) and a tag (`!tag`), in either
# order, separated by spaces, line breaks or comments.
_PROPERTY = re.compile(r"[&!]\S*")
_GAP = re.compile(r"(?:\s|#[^\n]*)*")
_ANCHOR_NAME = re.compile(r"[0-9A-Za-z_-]*")
_NON_SPECIFIC = re.compile(r"!(?:<!>)?(?:[,\[\]{}]|$)")


def properties(source: str, start: int) -> tuple[str | None, str | None]:
    """The anchor name and the tag written at the start of a node (`source[start:]`)."""
    name = tag = None
    for _ in range(2):
        match = _PROPERTY.match(source, start)
        if match is None:
            break
        token = match.group()
        if token[0] == "&":
            found = _ANCHOR_NAME.match(token, 1)
            name = found.group() if found else ""
        else:
            tag = token
        gap = _GAP.match(source, match.end())
        start = gap.end() if gap else match.end()
    return name, tag


def anchor(source: str, node: YNode) -> str | None:
    """The name of the anchor written on the node (`&name`), or None."""
    start = node.start_mark.index
    if source[start : start + 1] not in ("&", "!"):
        return None
    return properties(source, start)[0]


def non_specific(source: str, node: YScalar) -> bool:
    """True when the scalar is tagged `!` alone, which makes it text whatever it looks like."""
    start = node.start_mark.index
    if source[start : start + 1] not in ("&", "!"):
        return False
    tag = properties(source, start)[1]
    return tag is not None and _NON_SPECIFIC.match(tag) is not None


@dataclass(slots=True)
class ReadResult:
    """The document's root node (None when empty or unreadable) and the problems found."""

    root: YNode | None
    problems: list[Problem] = field(default_factory=list)
    source: str = ""


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
    from agidebate.format.walk import walk

    early = _precheck(text, path)
    if early:
        return ReadResult(None, early, text)
    use_c = compose.c_available() and not _lenient_in_libyaml(text)
    composed = compose.compose(text, path, use_c)
    if composed.root is None:
        return ReadResult(None, composed.problems, text)
    root, problems = walk(composed.root, text, path, composed.in_c)
    return ReadResult(root, problems + composed.problems, text)
