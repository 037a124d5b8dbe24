"""The debate model: claims, relations, topics. Standard library only, no I/O.

A `Debate` is immutable once built. Everything derived from its structure
(incoming and outgoing relations, each claim's side on the thesis, its depth)
is computed once, iteratively, in time linear in claims plus relations.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import assert_never

from agidebate.errors import Location

DEFAULT_WEIGHT = 0.5
THESIS_ID = "thesis"


class Relation(StrEnum):
    """What a claim does to its target.

    Every place that gives a relation its meaning matches on it exhaustively
    (`match` with `typing.assert_never`), so that a new member makes mypy name each
    place that must decide what it means (docs/architecture.md lists them).
    """

    SUPPORT = "support"
    ATTACK = "attack"

    @property
    def sign(self) -> int:
        """+1 for a relation that speaks for its target, -1 for one against it."""
        match self:
            case Relation.SUPPORT:
                return 1
            case Relation.ATTACK:
                return -1
            case _:
                assert_never(self)


class Side(StrEnum):
    """Which way a claim counts on the thesis (or on its root, without a thesis)."""

    PRO = "pro"
    CON = "con"

    def flipped(self) -> Side:
        return Side.CON if self is Side.PRO else Side.PRO

    def through(self, relation: Relation) -> Side:
        """The side of a claim that has `relation` to a claim on this side."""
        match relation:
            case Relation.SUPPORT:
                return self
            case Relation.ATTACK:
                return self.flipped()
            case _:
                assert_never(relation)


def tally(relations: Iterable[Relation]) -> tuple[int, int]:
    """How many of `relations` speak for their target and how many against it."""
    pros = cons = 0
    for relation in relations:
        match relation:
            case Relation.SUPPORT:
                pros += 1
            case Relation.ATTACK:
                cons += 1
            case _:
                assert_never(relation)
    return pros, cons


@dataclass(frozen=True, slots=True)
class Source:
    """A cited work: a bare URL or a reference with some of its fields."""

    title: str | None = None
    url: str | None = None
    author: str | None = None
    year: int | str | None = None
    note: str | None = None

    @property
    def label(self) -> str:
        """A one-line description: author (year), title, or the URL."""
        head = self.title or self.url or "untitled source"
        who = ", ".join(str(x) for x in (self.author, self.year) if x not in (None, ""))
        return f"{who}: {head}" if who else head

    def key(self) -> tuple[str, ...]:
        """Identity for de-duplicating citations across claims: the URL when there is one.

        >>> Source("A", "https://x.org/p", "Ng et al.").key() == Source("A.", "https://x.org/p/").key()
        True
        """
        if self.url:
            return ("url", self.url.strip().rstrip("/"))
        return ("work", self.title or "", self.author or "", str(self.year or ""))


@dataclass(frozen=True, slots=True)
class Figure:
    """A number a claim rests on. `value` is a number, or text for a range or estimate."""

    value: int | float | str
    unit: str | None = None
    what: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Edge:
    """A relation from one claim (`source`) to the claim it supports or attacks (`target`)."""

    source: str
    target: str
    relation: Relation
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim of the debate, with where it was written."""

    id: str
    text: str
    title: str | None = None
    by: str | None = None
    weight: float = DEFAULT_WEIGHT
    sources: tuple[Source, ...] = ()
    figures: tuple[Figure, ...] = ()
    tags: tuple[str, ...] = ()
    i18n: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    topic: str | None = None
    location: Location | None = None
    weight_stated: bool = False  # the file states `weight` (else it is DEFAULT_WEIGHT)

    @property
    def label(self) -> str:
        """The short label: the title if there is one, else the text."""
        return self.title or self.text

    def translated(self, lang: str | None, key: str) -> str | None:
        """The `title` or `text` in language `lang`, if the claim has it."""
        if not lang:
            return None
        return self.i18n.get(lang, {}).get(key)


@dataclass(frozen=True)
class WeightProfile:
    """Base weights read from a file, with the perspective's description when it has one.

    `path` is the file as given (for messages); `source` names it for readers
    (`perspectives/skeptic.yaml`, or the path of a reader's own weights file).
    """

    name: str
    path: str
    weights: dict[str, float]
    title: str | None = None
    summary: str | None = None
    by: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic: the claims of one or more files that share a topic id."""

    id: str
    title: str | None = None
    summary: str | None = None
    files: tuple[str, ...] = ()
    location: Location | None = None


@dataclass(frozen=True)
class Debate:
    """A whole debate: its thesis, claims, topics and relations.

    >>> d = Debate(claims={"t": Claim("t", "A thesis"), "a": Claim("a", "A reason")},
    ...            edges=(Edge("a", "t", Relation.SUPPORT),), thesis="t")
    >>> d.side("a")
    <Side.PRO: 'pro'>
    >>> [e.source for e in d.children("t")]
    ['a']
    """

    claims: Mapping[str, Claim]
    edges: tuple[Edge, ...] = ()
    thesis: str | None = None
    title: str | None = None
    summary: str | None = None
    topics: Mapping[str, Topic] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims.values())

    def claim(self, claim_id: str) -> Claim:
        return self.claims[claim_id]

    @cached_property
    def _incoming(self) -> dict[str, list[Edge]]:
        incoming: dict[str, list[Edge]] = {cid: [] for cid in self.claims}
        for edge in self.edges:
            incoming[edge.target].append(edge)
        return incoming

    @cached_property
    def _outgoing(self) -> dict[str, list[Edge]]:
        outgoing: dict[str, list[Edge]] = {cid: [] for cid in self.claims}
        for edge in self.edges:
            outgoing[edge.source].append(edge)
        return outgoing

    def children(self, claim_id: str) -> list[Edge]:
        """Relations that point at `claim_id` (its pros and cons), in file order."""
        return self._incoming[claim_id]

    def targets(self, claim_id: str) -> list[Edge]:
        """Relations from `claim_id` to the claims it supports or attacks."""
        return self._outgoing[claim_id]

    def supports_of(self, claim_id: str) -> list[str]:
        return [e.target for e in self._outgoing[claim_id] if e.relation is Relation.SUPPORT]

    def attacks_of(self, claim_id: str) -> list[str]:
        return [e.target for e in self._outgoing[claim_id] if e.relation is Relation.ATTACK]

    @cached_property
    def roots(self) -> tuple[str, ...]:
        """The thesis, or without one every claim that targets nothing."""
        if self.thesis is not None:
            return (self.thesis,)
        return tuple(cid for cid in self.claims if not self._outgoing[cid])

    @cached_property
    def _root_set(self) -> frozenset[str]:
        return frozenset(self.roots)

    @cached_property
    def _layout(self) -> _Layout:
        return _breadth_first(self)

    def side(self, claim_id: str) -> Side | None:
        """The claim's side on the thesis (or its root); None for roots and unreachable claims."""
        return self._layout.side.get(claim_id)

    def depth(self, claim_id: str) -> int | None:
        """Steps from the thesis (or nearest root) to the claim; None if unreachable."""
        return self._layout.depth.get(claim_id)

    def parent_edge(self, claim_id: str) -> Edge | None:
        """The first relation on the claim's shortest path to the thesis (or its root)."""
        return self._layout.parent.get(claim_id)

    @cached_property
    def _roots_of(self) -> dict[str, str]:
        roots: dict[str, str] = {}
        parent = self._layout.parent
        for cid in self._layout.depth:  # breadth-first order: a parent before its children
            edge = parent.get(cid)
            roots[cid] = cid if edge is None else roots[edge.target]
        return roots

    def root_of(self, claim_id: str) -> str | None:
        """The thesis (or the root) the claim's side is relative to; None if unreachable."""
        return self._roots_of.get(claim_id)

    def is_reachable(self, claim_id: str) -> bool:
        return claim_id in self._layout.depth

    def side_label(self, claim_id: str) -> str | None:
        """`thesis`, `root`, `pro`, `con`, or None when the claim reaches no root."""
        if claim_id == self.thesis:
            return "thesis"
        if claim_id in self._root_set:
            return "root"
        side = self.side(claim_id)
        return side.value if side else None

    def descendants(self, claim_id: str) -> list[str]:
        """The claim and every claim that reaches it through supports/attacks, breadth first."""
        seen = {claim_id}
        order = [claim_id]
        queue: deque[str] = deque(order)
        while queue:
            for edge in self.children(queue.popleft()):
                if edge.source not in seen:
                    seen.add(edge.source)
                    order.append(edge.source)
                    queue.append(edge.source)
        return order

    def subtree(self, claim_id: str) -> Debate:
        """The debate under `claim_id`, as a debate of its own with that claim as thesis."""
        keep = set(self.descendants(claim_id))
        claims = {cid: c for cid, c in self.claims.items() if cid in keep}
        used = {c.topic for c in claims.values()}
        return Debate(
            claims=claims,
            edges=tuple(e for e in self.edges if e.source in keep and e.target in keep),
            thesis=claim_id,
            title=self.claims[claim_id].label,
            summary=None,
            topics={tid: t for tid, t in self.topics.items() if tid in used},
        )

    def path_to_root(self, claim_id: str, limit: int | None = None) -> list[Edge]:
        """The relations from the claim up to the thesis (or its root), shortest path.

        With `limit`, only the first `limit` relations (`depth()` gives the full length).
        """
        path: list[Edge] = []
        edge = self.parent_edge(claim_id)
        while edge is not None and (limit is None or len(path) < limit):
            path.append(edge)
            edge = self.parent_edge(edge.target)
        return path


@dataclass(frozen=True, slots=True)
class _Layout:
    side: dict[str, Side]
    depth: dict[str, int]
    parent: dict[str, Edge]


def _breadth_first(debate: Debate) -> _Layout:
    """Sides and depths by breadth-first search from the roots over incoming relations.

    A claim takes the side of its shortest path; among equally short paths, the
    relation found first (file order) wins. Linear in claims plus relations.
    """
    side: dict[str, Side] = {}
    depth: dict[str, int] = {}
    parent: dict[str, Edge] = {}
    queue: deque[str] = deque()
    for root in debate.roots:
        depth[root] = 0
        queue.append(root)
    incoming = debate._incoming
    through = {(s, r): s.through(r) for s in Side for r in Relation}
    while queue:
        current = queue.popleft()
        current_side = side.get(current, Side.PRO)
        next_depth = depth[current] + 1
        for edge in incoming[current]:
            source = edge.source
            if source in depth:
                continue
            depth[source] = next_depth
            side[source] = through[current_side, edge.relation]
            parent[source] = edge
            queue.append(source)
    return _Layout(side=side, depth=depth, parent=parent)
