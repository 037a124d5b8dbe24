"""The YAML event stream, and the walker that builds positioned nodes from it.

`events()` is the one place that drives a PyYAML parser: the loader's `Builder`
(here) and the editor's span reader (`agidebate.format.spans`) both consume it.
`Builder` is iterative, so nesting cannot overflow the stack, and it enforces the
limits and refusals described in `agidebate.format.nodes`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NoReturn

import yaml

from agidebate.errors import Location, Problem
from agidebate.format.nodes import (
    MAX_DEPTH,
    MAX_EXPANDED_NODES,
    PLAIN_TAG,
    STR_TAG,
    SURROGATE,
    ReadResult,
    YMap,
    YNode,
    YScalar,
    YSeq,
)


def events(text: str, loader_cls: type[Any]) -> Iterator[yaml.Event]:
    """Every event of `text` up to the end of the stream, from a parser of `loader_cls`."""
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


class Builder:
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
            for event in events(text, loader_cls):
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
            if self.check_surrogates and SURROGATE.search(value):
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
        if tag in (None, PLAIN_TAG, STR_TAG):
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
