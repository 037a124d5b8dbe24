"""YAML text into a tree of PyYAML nodes: the one place that drives a PyYAML parser.

`compose(text, ...)` asks libyaml (PyYAML's C extension) to compose the document:
the tree of `ScalarNode`, `SequenceNode` and `MappingNode` is built in C, each
node with its start and end marks (0-based line and column, and the character
index). Nothing is constructed from tags, and the tree keeps what PyYAML's
loader would hide: every key of a mapping in order (duplicates too), merge keys
(`<<`) as plain keys, explicit tags as written, and an alias as a second
reference to the anchored node. `agidebate.format.walk` checks all of these.

Our resolver does not type scalars (`agidebate.format.scalars` does, per field):
an untagged scalar gets the tag `PLAIN` when written unquoted and `TEXT` when
quoted or as a block scalar; an untagged list or mapping gets `COLLECTION`.

libyaml's composer recurses once per level of nesting, so our resolver hook
counts the depth and stops it past `MAX_DEPTH` before the C stack can run out.
Then, and whenever libyaml refuses a file, the file is composed again by
`compose_events`: an iterative composer over the events of PyYAML's
pure-Python parser, with the exact depth limit, whose verdict and message are
the ones reported. So a file gets the same verdict with or without the C
extension, and only refused files (and the few that libyaml reads more
leniently, see `agidebate.format.nodes`) take the slow path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NoReturn

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from agidebate.errors import Location, Problem

MAX_DEPTH = 1000

# A tag as written never holds a space, so these can never be taken for one.
PLAIN = "plain scalar"  # an untagged scalar written without quotes
TEXT = "quoted scalar"  # an untagged scalar written quoted or as a block scalar
COLLECTION = "untagged collection"  # an untagged list or mapping


def resolve(kind: type[Node], value: object, implicit: object) -> str:
    """Our resolver: the sentinel tags above, in place of YAML 1.1's types."""
    if kind is ScalarNode:
        return PLAIN if implicit[0] else TEXT  # type: ignore[index]
    return COLLECTION


@dataclass(slots=True)
class Composed:
    """The document's root node (None when empty or refused) and the parser's problems.

    `in_c` tells whether libyaml composed it (else the pure-Python parser did).
    """

    root: Node | None
    problems: list[Problem] = field(default_factory=list)
    in_c: bool = False


class _TooDeep(Exception):
    """Raised inside the C composer when the nesting passes `MAX_DEPTH`."""


_CParser: type[Any] | None
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML without its C extension
    _CParser = None
C_FAILURES = (_TooDeep, yaml.YAMLError, ValueError, TypeError, UnicodeError, MemoryError)

if _CParser is not None:

    class _CComposer(_CParser):  # type: ignore[misc, valid-type]
        """libyaml's composer with our resolver and a depth limit."""

        depth = 0
        resolve = staticmethod(resolve)

        def descend_resolver(self, parent: object, index: object) -> None:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _TooDeep

        def ascend_resolver(self) -> None:
            self.depth -= 1


def c_available() -> bool:
    """True when PyYAML's C extension (libyaml) is installed."""
    return _CParser is not None


def compose(text: str, path: str, use_c: bool) -> Composed:
    """Compose `text` (`path` names it in problems), in C when `use_c` and libyaml agrees."""
    if use_c and _CParser is not None:
        composer = _CComposer(text)
        try:
            return Composed(composer.get_single_node(), in_c=True)
        except C_FAILURES:
            pass  # the pure-Python parser gives the verdict and the message
        finally:
            composer.dispose()
    return compose_events(text, path)


# -- the iterative composer -----------------------------------------------------------


class _Stop(Exception):
    """Raised inside the composer to stop at the first fatal problem."""


def compose_events(text: str, path: str) -> Composed:
    """Compose `text` from the pure-Python parser's events, without recursion."""
    composer = _Composer(path)
    parser = yaml.SafeLoader(text)
    try:
        composer.run(parser)
    except _Stop:
        pass
    except yaml.MarkedYAMLError as err:
        composer.problems.append(syntax_problem(err, path))
    except (yaml.YAMLError, ValueError, TypeError, UnicodeError, MemoryError) as err:
        composer.problems.append(
            Problem("yaml-syntax", f"cannot parse YAML: {err}", Location(path))
        )
    except RecursionError:
        composer.problems.append(
            Problem("yaml-syntax", "YAML nests too deeply to parse", Location(path))
        )
    finally:
        parser.dispose()
    return Composed(composer.root, composer.problems)


@dataclass(slots=True)
class _Open:
    node: SequenceNode | MappingNode
    key: Node | None = None
    has_key: bool = False


class _Composer:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.anchors: dict[str, Node] = {}
        self.stack: list[_Open] = []
        self.root: Node | None = None
        self.documents = 0

    def run(self, parser: Any) -> None:
        while (event := parser.get_event()) is not None:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self.scalar(event)
            elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                self.open(event)
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                done = self.stack.pop().node
                done.end_mark = event.end_mark
                self.add(done)
            elif kind is yaml.AliasEvent:
                self.alias(event)
            elif kind is yaml.DocumentStartEvent:
                self.document(event)

    def fatal(self, code: str, message: str, mark: Any, hint: str | None = None) -> NoReturn:
        self.problems.append(Problem(code, message, _location(self.path, mark), hint))
        raise _Stop

    def document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self.fatal(
                "multiple-documents",
                "a second YAML document starts here; agidebate reads one document per file",
                event.start_mark,
                "remove the `---` line or move the rest into its own file",
            )

    def scalar(self, event: Any) -> None:
        tag = event.tag
        if tag is None or tag == "!":
            tag = resolve(ScalarNode, event.value, event.implicit)
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style or "")
        self.anchor(event, node)
        self.add(node)

    def open(self, event: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self.fatal(
                "too-deep",
                f"YAML nests more than {MAX_DEPTH} levels deep",
                event.start_mark,
                "flatten it: write deep replies as separate claims with supports/attacks",
            )
        tag = event.tag
        if tag is None or tag == "!":
            tag = COLLECTION
        kind = SequenceNode if type(event) is yaml.SequenceStartEvent else MappingNode
        node = kind(tag, [], event.start_mark, None, event.flow_style)
        self.anchor(event, node)
        self.stack.append(_Open(node))

    def anchor(self, event: Any, node: Node) -> None:
        if event.anchor is not None:
            self.anchors[event.anchor] = node  # a later anchor of the same name wins

    def alias(self, event: Any) -> None:
        node = self.anchors.get(event.anchor)
        if node is None:
            self.fatal("yaml-alias", f"unknown alias *{event.anchor}", event.start_mark)
        self.add(node)

    def add(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        top = self.stack[-1]
        if type(top.node) is SequenceNode:
            top.node.value.append(node)
        elif not top.has_key:
            top.key, top.has_key = node, True
        else:
            top.node.value.append((top.key, node))
            top.key, top.has_key = None, False


def _location(path: str, mark: Any) -> Location:
    if mark is None:
        return Location(path)
    return Location(path, mark.line + 1, mark.column + 1)


def syntax_problem(err: yaml.MarkedYAMLError, path: str) -> Problem:
    """A `yaml-syntax` problem from PyYAML's error, at its mark, with a hint when we have one."""
    mark = err.problem_mark or err.context_mark
    problem = (err.problem or "invalid YAML").strip()
    message = f"YAML syntax: {problem}"
    if err.context and err.context_mark is not None:
        message += (
            f" ({err.context.strip()} at line {err.context_mark.line + 1}, "
            f"column {err.context_mark.column + 1})"
        )
    return Problem("yaml-syntax", message, _location(path, mark), _syntax_hint(problem))


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
