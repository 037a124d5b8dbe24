"""Argdown: the part of an Argdown document that is a pro/con map.

What is read (Argdown syntax guide, argdown.org/syntax; the lexer in
christianvoigt/argdown packages/argdown-core/src/lexer.ts):

- front matter between `===` lines: `title`, `subTitle`, `abstract`;
- `#` headings: each becomes a topic (claims belong to the heading above
  their first definition, as Argdown groups them);
- statements, titled `[Title]: text` or untitled (any paragraph), and
  references `[Title]`; arguments `<Title>: text` and `<Title>`; every
  statement and argument becomes a claim, several definitions with one
  title are one claim (Argdown's equivalence class);
- relations in indented trees: `+` and `<+` (the line supports its parent),
  `-` and `<-` (attacks it), `+>` and `->` (the parent supports / attacks the
  line); contradictions `><` as attacks both ways, as Argdown itself does when
  it relates arguments (`transformToArgumentRelationType` in argdown-core's
  deriveImplicitRelations: contrary and contradictory become attack);
- undercuts of a link: `<_` (or `_`) under a line that supports or attacks
  the line above it cuts that link; else (`_>`, `<_` under a tree's first line)
  the link the undercutter's data names (`undercuts: [{from, to}]`), or the
  undercut claim's only link; failing that, an attack, with a note;
- tags `#tag` / `#(tag text)`, links `[text](url)` (kept as text, the URL
  becomes a source), escapes `\\x`, comments (`//`, `/* */`, `<!-- -->`), and
  data blocks `{...}`: what `agidebate export --format argdown` writes there,
  each value checked (`importers._argdown_data` lists them).

What is skipped, each with a note: premise-conclusion structures (`(1) ...`
lines and inference bars, with relations hanging off them), `@include`, and
markdown lists (not valid Argdown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from agidebate.format.schema import ID_RE, URL_SCHEME_RE
from agidebate.importers import ImportResult, InputError
from agidebate.importers._argdown_data import (
    Reader,
    add_undercuts,
    link_attributes,
    reorder,
)
from agidebate.importers._build import DebateBuilder, slug
from agidebate.model import Relation, Source

_RELATION = re.compile(r"(<\+|<-|\+>|->|><|_>|<_|\+|-|_)(?=\s)\s*(.*)\Z")
_STATEMENT_DEF = re.compile(r"\[(.+?)\]:\s*(.*)\Z", re.S)
_STATEMENT_REF = re.compile(r"\[([^-\]][^\]]*)\](?!\()\s*(.*)\Z", re.S)
_ARGUMENT_DEF = re.compile(r"<(.+?)>:\s*(.*)\Z", re.S)
_ARGUMENT_REF = re.compile(r"<([^-!>][^>]*)>\s*(.*)\Z", re.S)
_HEADING = re.compile(r"(#+) (.*)\Z")
_PCS = re.compile(r"\(\d+\)")
_LIST = re.compile(r"(\*|\d+\.)\s")
_LINK = re.compile(r"(?<!\\)\[([^\]]+?)\]\(([^)]+?)\)")
_BLOCK = r"\{[^{}]*\}"  # a data block, braces nested up to eight deep
for _ in range(7):
    _BLOCK = r"\{(?:[^{}]|" + _BLOCK + r")*\}"
_DATA = re.compile(r"(?<!\\)" + _BLOCK)
_TAG = re.compile(
    r"(?<!\\)#(?:\(([^)]+)\)|([A-Za-z0-9_\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+))"
)
_MENTION = re.compile(r"(?<!\\)@(?:\[([^\]]+)\]|<([^>]+)>)")
_ESCAPE = re.compile(r"\\(.)")
_COMMENT_OR_SKIP = re.compile(
    # Escapes, links, titles in brackets and data blocks are skipped whole: a `//`
    # inside `[Title]` or a URL is text to Argdown, not a comment.
    r"\\.|<!--.*?-->|/\*.*?\*/|\[[^\]\n]+?\]\([^)\n]+?\)|\[(?:\\.|[^\]\n\\])*\]|//[^\n]*"
    r"|" + _BLOCK,
    re.S,
)
_COMMENT_LINE = "\x00"
_UNDERCUTS = "undercuts (_> or <_) whose link cannot be told, as attacks"
_CONTRADICTIONS = "contradictions (><) as attacks both ways"
_INCOMING = {"+": Relation.SUPPORT, "<+": Relation.SUPPORT, "-": Relation.ATTACK}
_INCOMING |= {"<-": Relation.ATTACK}
_OUTGOING = {"+>": Relation.SUPPORT, "->": Relation.ATTACK}
_CUTS_PARENT = ("<_", "_")  # the line undercuts the line above it (a link of that line)
Key = tuple[str, str]


@dataclass
class _Node:
    """A statement or argument: every place it is written."""

    key: tuple[str, str]
    title: str | None
    line: int
    topic: str | None
    texts: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # tags and data written on references


@dataclass
class _State:
    name: str
    builder: DebateBuilder
    nodes: dict[tuple[str, str], _Node] = field(default_factory=dict)
    relations: list[tuple[Key, Key, Relation, int]] = field(default_factory=list)
    # (undercutter, undercut claim, the cut link when the tree shows it, line)
    undercuts: list[tuple[Key, Key, tuple[Key, Key] | None, int]] = field(default_factory=list)
    skipped: dict[str, list[int]] = field(default_factory=dict)
    topic: str | None = None
    untitled: int = 0

    def skip(self, what: str, line: int) -> None:
        self.skipped.setdefault(what, []).append(line)


def read(text: str, name: str) -> ImportResult:
    """Parse the pro/con part of an Argdown document into a debate."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    builder = DebateBuilder()
    body, first_line = _front_matter(text, name, builder)
    state = _State(name, builder)
    _parse(_strip_comments(body).split("\n"), first_line, state)
    if not state.nodes:
        raise InputError(name, None, "no statements or arguments found", "is this an Argdown file?")
    _build(state)
    for what, lines in state.skipped.items():
        where = ", ".join(str(n) for n in lines[:8]) + (" ..." if len(lines) > 8 else "")
        verb = "read" if what in (_UNDERCUTS, _CONTRADICTIONS) else "skipped"
        builder.notes.append(f"{name}: {verb} {len(lines)} {what} (line {where})")
    return ImportResult(builder.build(), tuple(builder.notes))


def _front_matter(text: str, name: str, builder: DebateBuilder) -> tuple[str, int]:
    lines = text.split("\n")
    if not lines or not re.fullmatch(r"===+\s*", lines[0]):
        return text, 1
    end = next((i for i in range(1, len(lines)) if re.fullmatch(r"===+\s*", lines[i])), None)
    if end is None:
        raise InputError(name, 1, "the front matter opened with === is never closed")
    import yaml

    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError:
        builder.notes.append(f"{name}: the front matter is not valid YAML; it was ignored")
        data = None
    if isinstance(data, dict):
        title = " ".join(str(x) for x in (data.get("title"), data.get("subTitle")) if x)
        builder.title = title or None
        abstract = data.get("abstract")
        builder.summary = str(abstract).strip() if abstract else None
        Reader(f"{name}: the front matter").front_matter(builder, data)
    return "\n".join(["", *lines[end + 1 :]]), end + 1


def _strip_comments(text: str) -> str:
    """Comments blanked out (line breaks kept, so line numbers stay right)."""

    def blank(match: re.Match[str]) -> str:
        found = match.group()
        if found.startswith(("<!--", "/*", "//")):
            return "".join("\n" if c == "\n" else " " for c in found)
        return found

    stripped = _COMMENT_OR_SKIP.sub(blank, text).split("\n")
    # A line that held only a comment is no empty line: Argdown skips it entirely.
    for index, before in enumerate(text.split("\n")):
        if before.strip() and not stripped[index].strip():
            stripped[index] = _COMMENT_LINE
    return "\n".join(stripped)


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


# A tree line: its indentation, its node, and the link that put it there (source, target).
_Line = tuple[int, _Node, tuple[Key, Key] | None]


def _parse(lines: list[str], first_line: int, state: _State) -> None:
    stack: list[_Line] = []
    mode = "start"  # start | tree | heading | skip
    heading: list[str] = []
    for offset, raw in enumerate(lines):
        number = first_line + offset
        if raw == _COMMENT_LINE:
            continue
        stripped = raw.strip()
        if not stripped:
            if mode == "heading":
                _heading(" ".join(heading), state)
            mode, stack = "start", []
            continue
        if mode == "skip":
            continue
        if mode == "heading":
            heading.append(stripped)
            continue
        if mode == "start":
            mode = _block_start(stripped, raw, number, state, stack, heading)
            continue
        _tree_line(stripped, raw, number, state, stack)
        if stack and stack[-1][0] < 0:
            stack.clear()
            mode = "skip"
    if mode == "heading":
        _heading(" ".join(heading), state)


def _block_start(
    stripped: str,
    raw: str,
    number: int,
    state: _State,
    stack: list[_Line],
    heading: list[str],
) -> str:
    match = _HEADING.match(stripped)
    if match is not None and raw.startswith("#"):
        heading[:] = [match.group(2)]
        return "heading"
    for pattern, what in (
        (_PCS, "premise-conclusion structures"),
        (re.compile(r"--"), "inference rules outside an argument"),
        (re.compile(r"@include\("), "@include lines"),
        (_LIST, "markdown lists (not valid Argdown)"),
    ):
        if pattern.match(stripped):
            state.skip(what, number)
            return "skip"
    if _RELATION.match(stripped):
        state.skip("relations without a statement above them", number)
        return "skip"
    stack.append((_indent(raw), _node(stripped, number, state), None))
    return "tree"


def _tree_line(stripped: str, raw: str, number: int, state: _State, stack: list[_Line]) -> None:
    indent = _indent(raw)
    match = _RELATION.match(stripped)
    if match is None or indent <= stack[0][0]:
        if _PCS.match(stripped) or stripped.startswith("--"):
            state.skip("premise-conclusion structures", number)
            stack.append((-1, stack[-1][1], None))  # tells _parse to skip the rest of the block
            return
        stack[-1][1].texts[-1:] = [(stack[-1][1].texts[-1:] or [""])[0] + " " + stripped]
        return
    while len(stack) > 1 and stack[-1][0] >= indent:
        stack.pop()
    symbol, content = match.groups()
    _, parent, parent_link = stack[-1]
    child = _node(content, number, state)
    link: tuple[Key, Key] | None = None
    if symbol == "><":  # Argdown itself treats a contradiction as an attack (see above)
        state.relations.append((parent.key, child.key, Relation.ATTACK, number))
        state.relations.append((child.key, parent.key, Relation.ATTACK, number))
        state.skip(_CONTRADICTIONS, number)
    elif symbol in _CUTS_PARENT:
        cut = parent_link if parent_link is not None and parent_link[0] == parent.key else None
        state.undercuts.append((child.key, parent.key, cut, number))
    elif symbol == "_>":
        state.undercuts.append((parent.key, child.key, None, number))
    elif symbol in _OUTGOING:
        state.relations.append((parent.key, child.key, _OUTGOING[symbol], number))
        link = (parent.key, child.key)
    else:
        state.relations.append((child.key, parent.key, _INCOMING[symbol], number))
        link = (child.key, parent.key)
    stack.append((indent, child, link))


def _heading(text: str, state: _State) -> None:
    title, _, data, _ = _clean(text)
    title = title or "Untitled section"
    reader = Reader(f"{state.name}: heading '{title}'")
    state.topic = reader.topic(state.builder, title, data, slug(title))


def _node(content: str, line: int, state: _State) -> _Node:
    for pattern, kind, defines in (
        (_STATEMENT_DEF, "s", True),
        (_ARGUMENT_DEF, "a", True),
        (_STATEMENT_REF, "s", False),
        (_ARGUMENT_REF, "a", False),
    ):
        match = pattern.match(content)
        if match is not None:
            title = " ".join(match.group(1).split())
            node = state.nodes.get((kind, title))
            if node is None:
                node = state.nodes[(kind, title)] = _Node((kind, title), title, line, state.topic)
            if defines and not node.texts:  # a claim belongs under its first definition
                node.topic = state.topic
            (node.texts if defines else node.extra).append(match.group(2))
            return node
    state.untitled += 1
    key = ("u", str(state.untitled))
    node = state.nodes[key] = _Node(key, None, line, state.topic, [content])
    return node


def _clean(text: str) -> tuple[str, list[str], dict[str, Any], list[Source]]:
    """Text without data, tags and escapes; the tags, data and link sources found."""
    data: dict[str, Any] = {}
    for block in _DATA.findall(text):
        data.update(_flow(block))
    text = _DATA.sub(" ", text)
    tags = [a or b for a, b in _TAG.findall(text)]
    text = _TAG.sub(" ", text)
    sources = [  # links to places in the document (#anchor) are no sources
        Source(url=url.strip(), title=_ESCAPE.sub(r"\1", label).strip() or None)
        for label, url in _LINK.findall(text)
        if URL_SCHEME_RE.match(url.strip())
    ]
    text = _LINK.sub(r"\1", text)
    text = _MENTION.sub(lambda m: m.group(1) or m.group(2), text)
    return " ".join(_ESCAPE.sub(r"\1", text).split()), tags, data, sources


def _flow(block: str) -> dict[str, Any]:
    import yaml

    try:
        value = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}
    return value if isinstance(value, dict) else {}


def _build(state: _State) -> None:
    builder = state.builder
    cleaned = {
        key: _clean(" ".join(t for t in [*node.texts, *node.extra] if t))
        for key, node in state.nodes.items()
    }
    ids: dict[Key, str] = {}
    for key, (_, _, data, _) in cleaned.items():  # ids given in data blocks come first
        wanted = str(data.get("id", ""))
        if ID_RE.match(wanted) and wanted not in builder.claims and wanted not in ids.values():
            ids[key] = builder.unique_id(wanted)
    for key, node in state.nodes.items():
        if key not in ids:
            ids[key] = builder.unique_id(slug(node.title or cleaned[key][0]) or "claim")
    for key, node in state.nodes.items():
        _add(builder, node, ids[key], cleaned[key], state.name)
    for source, target, relation, line in state.relations:
        builder.relate(ids[source], ids[target], relation, f"{state.name}:{line}")
    data = {ids[key]: found[2] for key, found in cleaned.items()}
    pending = [
        (ids[u], ids[c], (ids[shown[0]], ids[shown[1]]) if shown else None, line)
        for u, c, shown, line in state.undercuts
    ]
    for line in add_undercuts(builder, data, pending, state.name):
        state.skip(_UNDERCUTS, line)
    link_attributes(builder, data, state.name)
    reorder(builder, data)


def _add(
    builder: DebateBuilder,
    node: _Node,
    claim_id: str,
    cleaned: tuple[str, list[str], dict[str, Any], list[Source]],
    name: str,
) -> None:
    from dataclasses import replace

    text, tags, data, sources = cleaned
    side = data.get("side")
    if side in ("pro", "con", "thesis", "root") and side in tags:
        tags.remove(side)  # the side tag `agidebate export` writes; the side is computed
    if node.texts:  # a definition: its own text only
        text = _clean(" ".join(node.texts))[0] or text
    if not text:
        text = node.title or "(empty statement)"
    by = data.get("by")
    reader = Reader(f"{name}: '{claim_id}'")
    listed = reader.records(data, "sources", reader.source)
    read_tags = tuple(dict.fromkeys(t.strip() for t in tags if t.strip()))
    builder.add_claim(
        claim_id,
        reader.text(data, "text") or text,
        title=reader.optional(data, "title", node.title if node.key[0] != "u" else None),
        sources=tuple(dict.fromkeys((*listed, *sources))),
        tags=reader.strings(data, "tags", read_tags),
        topic=reader.topic_id(data, node.topic),
        by=str(by) if by else None,
    )
    claim = builder.claims[claim_id]
    weight = data.get("weight")
    if isinstance(weight, int | float) and not isinstance(weight, bool) and 0 <= weight <= 1:
        claim = replace(claim, weight=float(weight), weight_stated=True)
    builder.claims[claim_id] = reader.claim(claim, data)
    builder.notes += reader.ignored
    if data.get("thesis") is True:
        if builder.thesis is None:
            builder.thesis = claim_id
        else:
            builder.notes.append(f"{name}: more than one thesis; '{claim_id}' is a plain claim")
