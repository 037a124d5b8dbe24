"""Check a composed YAML tree and build the positioned tree the format's readers consume.

This is the one walker over YAML nodes: the loader reads claims from its
result, and the editor (`agidebate.format.spans`) reads the layout of a file
from it. It turns the tree `agidebate.format.compose` built into `YMap`, `YSeq`
and scalar nodes (see `agidebate.format.nodes`), and refuses or reports:

- duplicate keys, and keys that are lists or mappings (reported; the first
  value is kept);
- explicit tags other than `!!str`, `!!seq` and `!!map`, and merge keys `<<`
  (refused);
- an alias of a node that contains it, and aliases that expand the file past
  `MAX_EXPANDED_NODES` values (refused). An alias is a second reference to the
  anchored node, so each node is walked once and an alias counts the size of
  what it repeats;
- surrogate escapes (`"\\ud83d\\ude80"` is joined into one character; a lone
  one is refused).

Refusals are fatal: the walk stops there, as the parser would. Non-fatal
problems are reported in file order.

A file without anything unusual (which is nearly every file) takes a fast path
that builds the tree a mapping at a time and gives up, leaving the file to the
exact walk, at the first thing it does not expect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NoReturn

from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from agidebate.errors import Location, Problem
from agidebate.format.compose import COLLECTION, PLAIN, TEXT
from agidebate.format.nodes import (
    MAX_EXPANDED_NODES,
    SURROGATE,
    YMap,
    YNode,
    YScalar,
    YSeq,
    non_specific,
)

STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {
    ScalarNode: (PLAIN, TEXT, STR_TAG),
    SequenceNode: (COLLECTION, "tag:yaml.org,2002:seq"),
    MappingNode: (COLLECTION, "tag:yaml.org,2002:map"),
}


def walk(root: Node, source: str, path: str, in_c: bool) -> tuple[YNode | None, list[Problem]]:
    """The positioned tree of `root` (None when refused) and the problems found.

    `in_c` tells that libyaml composed the tree: it refuses surrogate escapes itself.
    """
    surrogates = not in_c and "\\" in source
    if not surrogates and not _may_tag_non_specific(source):
        tree = _fast(root)
        if tree is not None:
            return tree, []
    return _Exact(source, path, surrogates).run(root)


def _may_tag_non_specific(source: str) -> bool:
    """False when no `!` in `source` can start a tag (it follows text, as in prose)."""
    index = source.find("!")
    while index != -1:
        if index == 0 or source[index - 1] in _BEFORE_NODE:
            return True
        index = source.find("!", index + 1)
    return False


# The characters a node's first character can follow (a tag or anchor starts a node).
_BEFORE_NODE = frozenset(" \t\r\n[{,:?-")


def _shell(node: CollectionNode) -> YMap | YSeq:
    if type(node) is MappingNode:
        return YMap({}, {}, node.start_mark, node.end_mark, bool(node.flow_style))
    return YSeq([], node.start_mark, node.end_mark, bool(node.flow_style))


def _fast(root: Node) -> YNode | None:
    """The tree of a file with nothing unusual in it, or None to leave it to the exact walk."""
    if type(root) is YScalar:
        return root if root.tag is PLAIN or root.tag is TEXT else None
    if root.tag is not COLLECTION or not isinstance(root, CollectionNode):
        return None
    top = _shell(root)
    seen = {id(root)}
    stack: list[tuple[CollectionNode, YMap | YSeq]] = [(root, top)]
    while stack:
        node, shell = stack.pop()
        mapping = type(node) is MappingNode
        out: list[YNode] = []
        for value in [v for _, v in node.value] if mapping else node.value:
            if type(value) is YScalar:
                if value.tag is not PLAIN and value.tag is not TEXT:
                    return None
                out.append(value)
            else:
                if value.tag is not COLLECTION or id(value) in seen:
                    return None
                seen.add(id(value))
                child = _shell(value)
                out.append(child)
                stack.append((value, child))
        if isinstance(shell, YSeq):
            shell.items = out
        elif not _fill(shell, node.value, out):
            return None
    return top


def _fill(shell: YMap, pairs: list[tuple[Node, Node]], values: list[YNode]) -> bool:
    """Fill a mapping's dicts; False on a key that is not plain text, repeated or `<<`."""
    keys = shell.keys
    for key, _ in pairs:
        if type(key) is not YScalar or (key.tag is not PLAIN and key.tag is not TEXT):
            return False
        keys[key.value] = key
    if len(keys) != len(pairs):
        return False
    merge = keys.get("<<")
    if merge is not None and merge.tag is PLAIN:
        return False
    shell.items = dict(zip(keys, values, strict=True))
    return True


# -- the exact walk -----------------------------------------------------------------


class _Stop(Exception):
    """Raised inside the walk to stop at the first fatal problem."""


# Before an alias: spaces, line breaks, comments, indicators and the properties of the
# list or mapping it opens (`&name [*name]`).
_ALIAS = re.compile(r"(?:[\s\-?:,\[{]|#[^\n]*|[&!][^\s,\[\]{}]*)*\*([^\s,\[\]{}]*)")


def alias_at(source: str, cursor: int) -> tuple[int, int, str]:
    """Where the alias written next after `cursor` starts and ends, and its anchor name.

    Between the end of the previous node (or the start of the list or mapping)
    and an alias there are only spaces, line breaks, comments, indicators and the
    collection's own properties.
    """
    match = _ALIAS.match(source, cursor)
    if match is None:  # cannot happen for a tree PyYAML composed from `source`
        return cursor, cursor, ""
    return match.start(1) - 1, match.end(1), match.group(1)


@dataclass(slots=True)
class _Frame:
    node: Node
    shell: YMap | YSeq
    cursor: int  # the end of the last node written in this collection
    index: int = 0
    size: int = 1  # this collection and everything in it, aliases expanded
    key: YScalar | None = None  # the key waiting for its value
    bad_key: bool = False


@dataclass(slots=True)
class _Exact:
    source: str
    path: str
    surrogates: bool
    problems: list[Problem] = field(default_factory=list)
    done: dict[int, tuple[YNode, int]] = field(default_factory=dict)  # by id: node and size
    open: set[int] = field(default_factory=set)
    expanded: int = 0

    def run(self, root: Node) -> tuple[YNode | None, list[Problem]]:
        try:
            tree = self.walk(root)
        except _Stop:
            return None, self.problems
        return tree, self.problems

    def walk(self, root: Node) -> YNode:
        stack: list[_Frame] = []
        top, _, _ = self.visit(root, 0, stack)
        while stack:
            frame = stack[-1]
            children = frame.node.value
            count = len(children) * (2 if type(frame.node) is MappingNode else 1)
            if frame.index == count:
                self.close(stack)
                continue
            child = self.child(frame)
            frame.index += 1
            out, size, end = self.visit(child, frame.cursor, stack)
            if size:  # a scalar or an alias, complete already
                frame.size += size
                frame.cursor = end
            self.attach(frame, out)
        return top

    @staticmethod
    def child(frame: _Frame) -> Node:
        value = frame.node.value
        if type(frame.node) is MappingNode:
            pair = value[frame.index // 2]
            return pair[frame.index % 2]  # type: ignore[no-any-return]
        return value[frame.index]  # type: ignore[no-any-return]

    def close(self, stack: list[_Frame]) -> None:
        frame = stack.pop()
        self.open.discard(id(frame.node))
        self.done[id(frame.node)] = (frame.shell, frame.size)
        if stack:
            stack[-1].size += frame.size
            stack[-1].cursor = frame.node.end_mark.index

    def visit(self, node: Node, cursor: int, stack: list[_Frame]) -> tuple[YNode, int, int]:
        """The node's tree, its size and end when complete (a size of 0: a frame was pushed)."""
        if id(node) in self.open or id(node) in self.done:
            return self.alias(node, cursor)
        self.check_tag(node)
        self.expanded += 1
        if type(node) is YScalar:
            self.scalar(node)
            self.done[id(node)] = (node, 1)
            return node, 1, node.end_mark.index
        assert isinstance(node, CollectionNode)
        shell = _shell(node)
        self.open.add(id(node))
        stack.append(_Frame(node, shell, node.start_mark.index))
        return shell, 0, 0

    def alias(self, node: Node, cursor: int) -> tuple[YNode, int, int]:
        start, end, name = alias_at(self.source, cursor)
        if id(node) in self.open:
            self.fatal(
                "yaml-alias",
                f"alias *{name} refers to a node that contains it",
                start,
                "a recursive alias has no finite value; copy the data instead",
            )
        tree, size = self.done[id(node)]
        self.expanded += size
        if self.expanded > MAX_EXPANDED_NODES:
            self.fatal(
                "yaml-alias",
                f"aliases expand this file past {MAX_EXPANDED_NODES:,} values",
                start,
                "use fewer or smaller aliases",
            )
        return tree, size, end

    def attach(self, frame: _Frame, node: YNode) -> None:
        shell = frame.shell
        if isinstance(shell, YSeq):
            shell.items.append(node)
        elif frame.index % 2:  # a key was just visited
            self.take_key(frame, node)
        else:
            self.take_value(frame, shell, node)

    def take_key(self, frame: _Frame, node: YNode) -> None:
        if not isinstance(node, ScalarNode):
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
            self.problems.append(
                Problem(
                    "yaml-key",
                    "a mapping key must be a plain string, not a list or mapping",
                    Location(self.path, line, column),
                    "write the key as text",
                )
            )
            frame.bad_key = True
            return
        if node.tag is PLAIN and node.value == "<<":
            self.fatal(
                "yaml-merge",
                "merge keys (<<) are not supported",
                node.start_mark,
                "write the fields out in full",
            )
        frame.key = node

    def take_value(self, frame: _Frame, shell: YMap, node: YNode) -> None:
        key, was_bad = frame.key, frame.bad_key
        frame.key, frame.bad_key = None, False
        if was_bad or key is None:
            return
        first = shell.keys.get(key.value)
        if first is not None:
            line, column = first.start_mark.line + 1, first.start_mark.column + 1
            self.problems.append(
                Problem(
                    "duplicate-key",
                    f"duplicate key '{key.value}' (first at line {line}, column {column}); "
                    "YAML would silently keep only the last value",
                    Location(self.path, key.start_mark.line + 1, key.start_mark.column + 1),
                    "remove one of the two, or merge them",
                )
            )
            return
        shell.items[key.value] = node
        shell.keys[key.value] = key

    def check_tag(self, node: Node) -> None:
        if node.tag in _ALLOWED_TAGS[type(node)]:
            return
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.fatal(
            "yaml-tag",
            f"explicit tag {shown} is not allowed",
            node.start_mark,
            "remove the tag; argument files hold plain text, numbers, lists and mappings",
        )

    def scalar(self, node: YScalar) -> None:
        if node.tag is PLAIN and non_specific(self.source, node):
            node.tag = TEXT
        if self.surrogates and node.style == '"' and SURROGATE.search(node.value):
            try:
                node.value = node.value.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            except UnicodeDecodeError:
                self.fatal(
                    "surrogate",
                    "text contains a lone surrogate escape (\\ud800-\\udfff), "
                    "which is not a character",
                    node.start_mark,
                    "write the character itself, or a \\U00XXXXXX escape of the full code point",
                )

    def fatal(self, code: str, message: str, at: Any, hint: str | None = None) -> NoReturn:
        """Stop with a problem at a mark, or at a character index (an alias has no mark)."""
        if isinstance(at, int):
            line, column = _position(self.source, at)
        else:
            line, column = at.line + 1, at.column + 1
        self.problems.append(Problem(code, message, Location(self.path, line, column), hint))
        raise _Stop


_BREAK = re.compile(r"\r\n?|\n")


def _position(source: str, index: int) -> tuple[int, int]:
    """1-based line and column of `source[index]`, counting line breaks as YAML does."""
    breaks = list(_BREAK.finditer(source, 0, index))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, index - start + 1
