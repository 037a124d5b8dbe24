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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NoReturn

import yaml

from agidebate.errors import Location, Problem

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 1000
MAX_EXPANDED_NODES = 1_000_000

_PLAIN_TAG = "!"
_STR_TAG = "tag:yaml.org,2002:str"
# YAML 1.1 printable characters; anything else is refused before parsing, with
# the same message whichever parser would have met it.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")
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
    early = _precheck(text, path)
    if early:
        return ReadResult(None, early)
    c_loader = _c_loader()
    if c_loader is not None and not _lenient_in_libyaml(text):
        result = _Builder(path).run(text, c_loader)
        if not _failed_to_parse(result):
            return result
    return _Builder(path).run(text, yaml.SafeLoader)


def _failed_to_parse(result: ReadResult) -> bool:
    return any(p.code == "yaml-syntax" for p in result.problems)


def _events(text: str, loader_cls: type[Any]) -> Iterator[yaml.Event]:
    loader = loader_cls(text)
    get_event = loader.get_event
    try:
        while True:
            event = get_event()
            if event is None or type(event) is yaml.StreamEndEvent:
                return
            yield event
    finally:
        loader.dispose()


def _pos(mark: Any) -> tuple[int, int]:
    """1-based (line, column) of a PyYAML mark."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


_OPENERS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSERS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


class _Stop(Exception):
    """Raised inside the builder to stop at the first fatal problem."""


@dataclass(slots=True)
class _Frame:
    node: YSeq | YMap
    anchor: str | None
    key: YScalar | None = None
    bad_key: bool = False


class _Builder:
    """Turns an event stream into nodes; iterative, so nesting cannot overflow the stack."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.anchors: dict[str, YNode] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Frame] = []
        self.root: YNode | None = None
        self.documents = 0
        self.expanded = 0
        self.check_surrogates = True

    def run(self, text: str, loader_cls: type[Any]) -> ReadResult:
        # Surrogates can only come from backslash escapes in double-quoted scalars.
        self.check_surrogates = "\\" in text
        scalar_event = yaml.ScalarEvent
        stack = self.stack
        try:
            for event in _events(text, loader_cls):
                if (
                    type(event) is scalar_event
                    and event.tag is None
                    and event.anchor is None
                    and not self.check_surrogates
                ):
                    # The common case, kept short: an untagged, unanchored scalar.
                    mark: Any = event.start_mark
                    end: Any = event.end_mark
                    plain = not event.style and bool(event.implicit[0])
                    node = YScalar(event.value, plain, mark.line + 1, mark.column + 1, 1, end.index)
                    frame = stack[-1] if stack else None
                    if (
                        frame is not None
                        and frame.key is None
                        and not frame.bad_key
                        and type(frame.node) is YMap
                    ):
                        # A key: the most frequent event of all, handled here.
                        self.expanded += 1
                        frame.node.size += 1
                        self._take_key(frame, node, event)
                    else:
                        self._add(node, event)
                elif type(event) in _CLOSERS:
                    self._close(event)
                elif type(event) in _OPENERS and getattr(event, "tag", None) is None:
                    self._open(event)
                else:
                    self._on(event)
        except _Stop:
            pass
        except yaml.MarkedYAMLError as err:
            self._syntax_problem(err)
        except (yaml.YAMLError, ValueError, TypeError, UnicodeError, MemoryError) as err:
            self.problems.append(
                Problem("yaml-syntax", f"cannot parse YAML: {err}", Location(self.path))
            )
        except RecursionError:
            self.problems.append(
                Problem("yaml-syntax", "YAML nests too deeply to parse", Location(self.path))
            )
        if any(p.is_error for p in self.problems) and self.root is None:
            return ReadResult(None, self.problems, text)
        return ReadResult(self.root, self.problems, text)

    # -- problems -------------------------------------------------------------

    def _loc(self, mark: Any) -> Location:
        return Location(self.path, *_pos(mark))

    def _fatal(self, code: str, message: str, mark: Any, hint: str | None = None) -> NoReturn:
        self.problems.append(Problem(code, message, self._loc(mark), hint))
        raise _Stop

    def _syntax_problem(self, err: yaml.MarkedYAMLError) -> None:
        mark = err.problem_mark or err.context_mark
        where = self._loc(mark) if mark is not None else Location(self.path)
        problem = (err.problem or "invalid YAML").strip()
        message = f"YAML syntax: {problem}"
        if err.context and err.context_mark is not None:
            message += (
                f" ({err.context.strip()} at line {err.context_mark.line + 1}, "
                f"column {err.context_mark.column + 1})"
            )
        self.problems.append(Problem("yaml-syntax", message, where, _syntax_hint(problem)))

    # -- events ---------------------------------------------------------------

    def _on(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.ScalarEvent):
            self._check_tag(event)
            value = event.value
            if self.check_surrogates and _SURROGATE.search(value):
                value = self._join_surrogates(value, event)
            # Plain means unquoted, untagged, not a block scalar (the C parser says
            # style '' where the pure parser says None).
            line, column = _pos(event.start_mark)
            node = YScalar(
                value,
                not event.style and event.tag is None and bool(event.implicit[0]),
                line,
                column,
                end=event.end_mark.index if event.end_mark is not None else -1,
                anchor=event.anchor,
            )
            self._anchor(event, node)
            self._add(node, event)
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            self._check_tag(event)
            self._open(event)
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            self._close(event)
        elif isinstance(event, yaml.AliasEvent):
            self._alias(event)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._fatal(
                    "multiple-documents",
                    "a second YAML document starts here; agidebate reads one document per file",
                    event.start_mark,
                    "remove the `---` line or move the rest into its own file",
                )

    def _join_surrogates(self, value: str, event: Any) -> str:
        """Join JSON-style surrogate pairs ("\\ud83d\\ude80") into one character."""
        try:
            return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        except UnicodeDecodeError:
            self._fatal(
                "surrogate",
                "text contains a lone surrogate escape (\\ud800-\\udfff), which is not a character",
                event.start_mark,
                "write the character itself, or a \\U00XXXXXX escape of the full code point",
            )

    def _check_tag(self, event: Any) -> None:
        tag = event.tag
        if tag in (None, _PLAIN_TAG, _STR_TAG):
            return
        if isinstance(event, yaml.MappingStartEvent) and tag == "tag:yaml.org,2002:map":
            return
        if isinstance(event, yaml.SequenceStartEvent) and tag == "tag:yaml.org,2002:seq":
            return
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        self._fatal(
            "yaml-tag",
            f"explicit tag {shown} is not allowed",
            event.start_mark,
            "remove the tag; argument files hold plain text, numbers, lists and mappings",
        )

    def _anchor(self, event: Any, node: YNode) -> None:
        if event.anchor is not None:
            self.anchors[event.anchor] = node

    def _open(self, event: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self._fatal(
                "too-deep",
                f"YAML nests more than {MAX_DEPTH} levels deep",
                event.start_mark,
                "flatten it: write deep replies as separate claims with supports/attacks",
            )
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        node: YSeq | YMap
        if type(event) is yaml.SequenceStartEvent:
            node = YSeq([], line, column)
        else:
            node = YMap({}, {}, line, column)
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
            self.anchors[event.anchor] = node
        self.stack.append(_Frame(node, event.anchor))

    def _close(self, event: Any) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.open_anchors.discard(frame.anchor)
        self._add(frame.node, event)

    def _alias(self, event: Any) -> None:
        name = event.anchor
        if name in self.open_anchors:
            self._fatal(
                "yaml-alias",
                f"alias *{name} refers to a node that contains it",
                event.start_mark,
                "a recursive alias has no finite value; copy the data instead",
            )
        node = self.anchors.get(name)
        if node is None:
            self._fatal("yaml-alias", f"unknown alias *{name}", event.start_mark)
        self._add(node, event)

    def _add(self, node: YNode, event: Any) -> None:
        size = node.size
        self.expanded += size
        if self.expanded > MAX_EXPANDED_NODES:
            self._fatal(
                "yaml-alias",
                f"aliases expand this file past {MAX_EXPANDED_NODES:,} values",
                event.start_mark,
                "use fewer or smaller aliases",
            )
        stack = self.stack
        if not stack:
            self.root = node
            return
        frame = stack[-1]
        parent = frame.node
        parent.size += size
        if type(parent) is YSeq:
            parent.items.append(node)
        elif frame.key is None and not frame.bad_key:
            self._take_key(frame, node, event)
        else:
            self._take_value(frame, node)

    def _take_key(self, frame: _Frame, node: YNode, event: Any) -> None:
        if not isinstance(node, YScalar):
            self.problems.append(
                Problem(
                    "yaml-key",
                    "a mapping key must be a plain string, not a list or mapping",
                    Location(self.path, node.line, node.column),
                    "write the key as text",
                )
            )
            frame.bad_key = True
            return
        if node.plain and node.text == "<<":
            self._fatal(
                "yaml-merge",
                "merge keys (<<) are not supported",
                event.start_mark,
                "write the fields out in full",
            )
        frame.key = node

    def _take_value(self, frame: _Frame, node: YNode) -> None:
        key = frame.key
        frame.key, was_bad, frame.bad_key = None, frame.bad_key, False
        if was_bad or key is None:
            return
        assert isinstance(frame.node, YMap)
        first = frame.node.keys.get(key.text)
        if first is not None:
            self.problems.append(
                Problem(
                    "duplicate-key",
                    f"duplicate key '{key.text}' (first at line {first.line}, "
                    f"column {first.column}); YAML would silently keep only the last value",
                    Location(self.path, key.line, key.column),
                    "remove one of the two, or merge them",
                )
            )
            return
        frame.node.items[key.text] = node
        frame.node.keys[key.text] = key


def _syntax_hint(problem: str) -> str | None:
    if "\\t" in problem or "tab" in problem:
        return "YAML does not allow tabs for indentation or around ':'; use spaces"
    if "mapping values are not allowed" in problem:
        return "a text containing ': ' must be quoted, e.g. text: \"Note: ...\""
    if "could not find expected ':'" in problem:
        return "check the indentation and that every key ends with ':'"
    if "found character '@'" in problem or "found character '`'" in problem:
        return "a value starting with @ or ` must be quoted"
    if "did not find expected" in problem:
        return "check the indentation of this line and the one before it"
    return None
