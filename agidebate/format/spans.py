"""Where each node of a YAML file starts and ends, so text can be inserted precisely.

The loader's reader (`agidebate.format.nodes`) keeps each node's start line and column,
which is all an error message needs. Editing (`agidebate.authoring`) needs more:
where a node's content *ends*, and whether it is written in block style or flow
style. This module reads the same event stream (`agidebate.format.events.events`),
from PyYAML's pure-Python parser (the parser the loader itself falls back to),
once, iteratively, and records for every node its character span in the text.

PyYAML ends a block collection at the next token, after any comments and blank
lines, so the end of a block collection is taken from its last child instead:
the end of its last scalar, alias or flow collection. A block scalar (`|`, `>`)
owns the blank lines after it; unless it keeps them (`|+`, `>+`) its end is
moved back to its last character.

Only files that the loader has already accepted are read here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from agidebate.errors import OperationError
from agidebate.format.events import events


@dataclass(slots=True, eq=False)
class Span:
    """One node: kind, character span [start, end), style and children."""

    kind: str  # "scalar", "seq", "map" or "alias"
    start: int
    end: int
    flow: bool = False
    style: str | None = None
    value: str = ""
    anchor: str | None = None
    parent: Span | None = None
    items: list[Span] = field(default_factory=list)
    keys: list[Span] = field(default_factory=list)

    @property
    def is_empty_scalar(self) -> bool:
        """A value with nothing written (`con:` followed by nothing)."""
        return self.kind == "scalar" and self.style is None and self.value == ""

    def get(self, key: str) -> tuple[Span, Span] | None:
        """The (key, value) pair of a mapping, or None."""
        for key_span, value in zip(self.keys, self.items, strict=True):
            if key_span.kind == "scalar" and key_span.value == key:
                return key_span, value
        return None

    def scalar(self, key: str) -> str | None:
        """The text of a mapping's scalar value for `key`."""
        pair = self.get(key)
        if pair is None or pair[1].kind != "scalar":
            return None
        return pair[1].value

    def anchored(self) -> bool:
        """True when this node or one around it carries an anchor (`&name`)."""
        node: Span | None = self
        while node is not None:
            if node.anchor is not None:
                return True
            node = node.parent
        return False


def read_spans(text: str) -> Span | None:
    """The document's root node with spans, or None for an empty document."""
    builder = _SpanBuilder(text)
    try:
        for event in events(text, yaml.SafeLoader):
            builder.on(event)
    except yaml.YAMLError as err:  # the loader accepted the file, so this is unexpected
        raise OperationError(f"cannot read the file's layout: {err}") from None
    return builder.root


def _index(mark: Any) -> int:
    index: int = mark.index
    return index


class _SpanBuilder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[Span] = []
        self.root: Span | None = None

    def on(self, event: Any) -> None:
        start = _index(event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            node = Span(
                "scalar",
                start,
                self._scalar_end(event),
                style=event.style,
                value=event.value,
                anchor=event.anchor,
            )
            self._add(node)
        elif isinstance(event, yaml.AliasEvent):
            self._add(Span("alias", start, _index(event.end_mark)))
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            kind = "seq" if isinstance(event, yaml.SequenceStartEvent) else "map"
            flow = bool(event.flow_style)
            self.stack.append(Span(kind, start, -1, flow=flow, anchor=event.anchor))
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            node = self.stack.pop()
            if node.flow or not node.items:
                node.end = _index(event.end_mark)
            else:
                node.end = node.items[-1].end
            self._add(node)

    def _scalar_end(self, event: Any) -> int:
        end = _index(event.end_mark)
        if event.style not in ("|", ">"):
            return end
        start = _index(event.start_mark)
        header_end = self.text.find("\n", start, end)
        header = self.text[start : header_end if header_end >= 0 else end]
        if "+" in header.split("#", 1)[0]:
            return end  # keep chomping: the trailing blank lines are part of the value
        while end > start and self.text[end - 1] in " \t\r\n":
            end -= 1
        return end

    def _add(self, node: Span) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        node.parent = parent
        if parent.kind == "map" and len(parent.keys) == len(parent.items):
            parent.keys.append(node)
        else:
            parent.items.append(node)
