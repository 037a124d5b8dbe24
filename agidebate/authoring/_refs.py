"""Where a claim id is written: every place an argument file or a perspective names a
claim, found in the file's own text (`format.spans`), so that `rename` and `remove`
change exactly those characters and nothing else.

In an argument file: a claim's `id` (the thesis's may be left out: `thesis`), the
targets of `supports:` and `attacks:` (an id, a link mapping `{id: ...}`, or a list
of these), the two ends of an `undercuts:` link (`{from, to}`), and the claim ids
under `expect: {claims: ...}` in debate.yaml. In a perspective: the keys of
`credence:` (or `weights:`), both levels of `impact:` (`FROM: {TO: value}`), the
keys of `expect: {claims: ...}`, and every key of a plain weights file.
Nesting under `pro:`/`con:` names no id: the claim above is the target.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from agidebate.format.spans import Span
from agidebate.model import THESIS_ID

TARGET_KEYS = ("supports", "attacks")
NESTED_KEYS = ("pro", "con")
UNDERCUTS = "undercuts"
EXPECT = "expect"
PERSPECTIVE_FIELDS = frozenset(
    {"title", "summary", "by", "prior", "credence", "weights", "impact", "bottom_line",
     "sources", "expect", "i18n"}
)  # fmt: skip


class RefKind(StrEnum):
    """What a written id does."""

    DEFINITION = "id"  # a claim's own `id:`
    TARGET = "target"  # supports:/attacks: of `owner`
    UNDERCUT = "undercut"  # one end of an undercut link written by `owner`
    EXPECTATION = "expect"  # a key of expect: {claims: ...}
    CREDENCE = "credence"  # a key of credence:/weights: (or of a plain weights file)
    IMPACT = "impact"  # a key of impact: (either level)


@dataclass(frozen=True, slots=True, eq=False)
class Ref:
    """One written id: the scalar that names it (`span`, a value or a key), what it does,
    the claim whose field it is (`owner`), and `entry`, the piece of the file that goes
    when the reference is removed (a list item, a mapping's key, a whole claim)."""

    span: Span
    kind: RefKind
    owner: str | None
    entry: Span

    @property
    def value(self) -> str:
        return self.span.value


@dataclass(frozen=True, slots=True, eq=False)
class ClaimNode:
    """A claim's mapping in a file, its id (written or the thesis's default) and where."""

    node: Span
    claim_id: str | None
    parent: ClaimNode | None
    written: bool  # False: the thesis without `id:`


def claim_nodes(root: Span | None, is_debate_file: bool) -> Iterator[ClaimNode]:
    """Every claim mapping of an argument file, nested ones included, in file order."""
    if root is None or root.kind != "map":
        return
    if is_debate_file:
        pair = root.get("thesis")
        if pair is not None and pair[1].kind == "map":
            written = pair[1].scalar("id")
            yield ClaimNode(pair[1], written or THESIS_ID, None, written is not None)
        return
    pair = root.get("claims")
    if pair is None or pair[1].kind != "seq":
        return
    stack: list[tuple[Span, ClaimNode | None]] = [(item, None) for item in reversed(pair[1].items)]
    while stack:
        node, parent = stack.pop()
        if node.kind != "map":
            continue
        found = ClaimNode(node, node.scalar("id"), parent, True)
        yield found
        for key in reversed(NESTED_KEYS):
            nested = node.get(key)
            if nested is not None and nested[1].kind == "seq":
                stack.extend((item, found) for item in reversed(nested[1].items))


def argument_refs(root: Span | None, is_debate_file: bool) -> Iterator[Ref]:
    """Every id an argument file writes (see the module's docstring)."""
    for claim in claim_nodes(root, is_debate_file):
        pair = claim.node.get("id")
        if pair is not None and pair[1].kind == "scalar":
            yield Ref(pair[1], RefKind.DEFINITION, claim.claim_id, claim.node)
        yield from _relations(claim)
    if is_debate_file and root is not None and root.kind == "map":
        yield from _expected(root)


def _relations(claim: ClaimNode) -> Iterator[Ref]:
    node, owner = claim.node, claim.claim_id
    for key in TARGET_KEYS:
        pair = node.get(key)
        if pair is None:
            continue
        value = pair[1]
        if value.kind == "seq":
            for item in value.items:
                yield from _target(item, owner, item)
        else:
            yield from _target(value, owner, value)
    pair = node.get(UNDERCUTS)
    if pair is not None:
        links = pair[1].items if pair[1].kind == "seq" else [pair[1]]
        for link in links:
            for end in ("from", "to"):
                found = link.get(end) if link.kind == "map" else None
                if found is not None and found[1].kind == "scalar":
                    yield Ref(found[1], RefKind.UNDERCUT, owner, link)


def _target(item: Span, owner: str | None, entry: Span) -> Iterator[Ref]:
    if item.kind == "scalar":
        yield Ref(item, RefKind.TARGET, owner, entry)
    elif item.kind == "map":
        found = item.get("id")
        if found is not None and found[1].kind == "scalar":
            yield Ref(found[1], RefKind.TARGET, owner, entry)


def _expected(root: Span) -> Iterator[Ref]:
    pair = root.get(EXPECT)
    claims = pair[1].get("claims") if pair is not None and pair[1].kind == "map" else None
    if claims is not None and claims[1].kind == "map":
        yield from _keys(claims[1], RefKind.EXPECTATION)


def _keys(mapping: Span, kind: RefKind) -> Iterator[Ref]:
    for key in mapping.keys:
        if key.kind == "scalar":
            yield Ref(key, kind, None, key)


def perspective_refs(root: Span | None) -> Iterator[Ref]:
    """Every claim id a perspective (or a plain weights file) writes."""
    if root is None or root.kind != "map":
        return
    fields = {key.value for key in root.keys if key.kind == "scalar"}
    if not fields & PERSPECTIVE_FIELDS:
        yield from _keys(root, RefKind.CREDENCE)  # a plain weights file
        return
    for name in ("credence", "weights"):
        pair = root.get(name)
        if pair is not None and pair[1].kind == "map":
            yield from _keys(pair[1], RefKind.CREDENCE)
    pair = root.get("impact")
    if pair is not None and pair[1].kind == "map":
        for key, value in zip(pair[1].keys, pair[1].items, strict=True):
            if key.kind == "scalar":
                yield Ref(key, RefKind.IMPACT, None, key)
            if value.kind == "map":
                yield from _keys(value, RefKind.IMPACT)
    yield from _expected(root)
