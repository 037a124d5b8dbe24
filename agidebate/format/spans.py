"""Where each node of a YAML file starts and ends, so text can be inserted precisely.

Error messages need only where a node starts. Editing (`agidebate.authoring`)
needs more: where a node's content *ends*, whether it is written in block or
flow style, and where each alias is written. This module reads all of it from
the positioned tree the loader reads claims from (`agidebate.format.nodes.read`,
one composition and one walk), and records for every node its character span in
the text.

A block collection ends, for PyYAML, at the next token, after any comments and
blank lines, so its end is taken from its last child instead: the end of its
last scalar, alias or flow collection. A block scalar (`|`, `>`) owns the blank
lines after it; unless it keeps them (`|+`, `>+`) its end is moved back to its
last character. An alias is a second reference to the anchored node in the
tree; it gets a span of its own, where `*name` is written.

Only files that the loader has already accepted are read here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agidebate.errors import OperationError
from agidebate.format.nodes import YMap, YNode, YScalar, anchor, read
from agidebate.format.walk import alias_at


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
    result = read(text, "<file>")
    if result.root is None:
        errors = [p for p in result.problems if p.is_error]
        if errors:  # the loader accepted the file, so this is unexpected
            raise OperationError(f"cannot read the file's layout: {errors[0].message}")
        return None
    return _Spans(text).convert(result.root)


@dataclass(slots=True)
class _Open:
    span: Span
    children: list[YNode]
    raw_end: int  # where PyYAML ends the collection (for a block one: the next token)
    cursor: int  # where the last node written in it ends
    index: int = 0


class _Spans:
    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: set[int] = set()

    def convert(self, root: YNode) -> Span:
        """The spans of the tree under `root`, without recursion."""
        stack: list[_Open] = []
        top, _ = self.visit(root, 0, None, stack)
        while stack:
            frame = stack[-1]
            if frame.index == len(frame.children):
                stack.pop()
                _close(frame.span, frame.raw_end)
                if stack:
                    stack[-1].cursor = frame.raw_end
                continue
            child = frame.children[frame.index]
            frame.index += 1
            span, end = self.visit(child, frame.cursor, frame.span, stack)
            if end >= 0:
                frame.cursor = end
            parent = frame.span
            if parent.kind == "map" and len(parent.keys) == len(parent.items):
                parent.keys.append(span)
            else:
                parent.items.append(span)
        return top

    def visit(
        self, node: YNode, cursor: int, parent: Span | None, stack: list[_Open]
    ) -> tuple[Span, int]:
        """The node's span, and where it ends (-1 for a collection, opened on `stack`)."""
        start = node.start_mark.index
        if id(node) in self.seen:  # a second reference: an alias
            start, end, _ = alias_at(self.text, cursor)
            return Span("alias", start, end, parent=parent), end
        self.seen.add(id(node))
        name = anchor(self.text, node)
        if isinstance(node, YScalar):
            end = self.scalar_end(node)
            span = Span("scalar", start, end, style=node.style or None, value=node.value)
            span.anchor, span.parent = name, parent
            return span, node.end_mark.index
        kind = "map" if isinstance(node, YMap) else "seq"
        span = Span(kind, start, -1, flow=node.flow, anchor=name, parent=parent)
        children: list[YNode] = (
            [n for pair in zip(node.keys.values(), node.items.values(), strict=True) for n in pair]
            if isinstance(node, YMap)
            else list(node.items)
        )
        stack.append(_Open(span, children, node.end_mark.index, start))
        return span, -1

    def scalar_end(self, node: YScalar) -> int:
        end: int = node.end_mark.index
        if node.style not in ("|", ">"):
            return end
        start = node.start_mark.index
        header_end = self.text.find("\n", start, end)
        header = self.text[start : header_end if header_end >= 0 else end]
        if "+" in header.split("#", 1)[0]:
            return end  # keep chomping: the trailing blank lines are part of the value
        while end > start and self.text[end - 1] in " \t\r\n":
            end -= 1
        return end


def _close(span: Span, raw_end: int) -> None:
    span.end = raw_end if span.flow or not span.items else span.items[-1].end
