"""The whole debate: its claims and relations, with everything derived from its structure
(children, sides, depths, paths to the thesis), each computed once in linear time."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from agidebate.model.claims import Author, Claim, Edge, Topic, Translations
from agidebate.model.perspective import Expect
from agidebate.model.relations import Relation, Side


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
    expect: Expect | None = None  # `expect:` in debate.yaml: scores under the debate's own weights
    i18n: Translations = field(default_factory=dict)  # the title and summary in other languages
    authors: Mapping[str, Author] = field(default_factory=dict)  # `authors:` in debate.yaml

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims.values())

    def claim(self, claim_id: str) -> Claim:
        return self.claims[claim_id]

    @cached_property
    def _index(self) -> _Index:
        return _index(self)

    def children(self, claim_id: str) -> list[Edge]:
        """Supports and attacks that point at `claim_id` (its pros and cons), in file order.

        Undercuts are not among them: they attack a link, not the claim
        (`undercutters(source, target)` gives those of one link).
        """
        return self._index.incoming[claim_id]

    def targets(self, claim_id: str) -> list[Edge]:
        """Every relation from `claim_id`: what it supports, attacks and undercuts."""
        return self._index.outgoing[claim_id]

    def supports_of(self, claim_id: str) -> list[str]:
        return [e.target for e in self.targets(claim_id) if e.relation is Relation.SUPPORT]

    def attacks_of(self, claim_id: str) -> list[str]:
        return [e.target for e in self.targets(claim_id) if e.relation is Relation.ATTACK]

    def undercuts_of(self, claim_id: str) -> list[Edge]:
        """The undercuts `claim_id` makes (each names the link it cuts)."""
        return [e for e in self.targets(claim_id) if e.relation is Relation.UNDERCUT]

    def link(self, source: str, target: str) -> Edge | None:
        """The support or attack from `source` to `target`, if there is one."""
        return self._index.links.get((source, target))

    def undercutters(self, source: str, target: str) -> list[Edge]:
        """The undercuts of the link `source -> target`, in file order."""
        return self._index.undercuts.get((source, target), [])

    def below(self, claim_id: str) -> list[Edge]:
        """The relations that hang under `claim_id` in the tree: its pros and cons, and
        the undercuts of its own links (whose `upstream` is `claim_id`)."""
        return self._index.below[claim_id]

    @cached_property
    def roots(self) -> tuple[str, ...]:
        """The thesis, or without one every claim that targets nothing."""
        if self.thesis is not None:
            return (self.thesis,)
        outgoing = self._index.outgoing
        return tuple(cid for cid in self.claims if not outgoing[cid])

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
            roots[cid] = cid if edge is None else roots[edge.upstream]
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
        """The claim and every claim that reaches it through relations, breadth first
        (undercutters of the links between them included)."""
        seen = {claim_id}
        order = [claim_id]
        queue: deque[str] = deque(order)
        while queue:
            for edge in self.below(queue.popleft()):
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
            edges=tuple(
                e
                for e in self.edges
                if e.source in keep
                and e.target in keep
                and (e.link_source is None or e.link_source in keep)
            ),
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
            edge = self.parent_edge(edge.upstream)
        return path


@dataclass(frozen=True, slots=True)
class _Layout:
    side: dict[str, Side]
    depth: dict[str, int]
    parent: dict[str, Edge]


def _breadth_first(debate: Debate) -> _Layout:
    """Sides and depths by breadth-first search from the roots over the relations below
    each claim (its pros and cons, and the undercutters of its links).

    A claim takes the side of its shortest path; among equally short paths, the
    relation found first (file order) wins. An undercutter is one step below the
    cut link's source, on the other side. Linear in claims plus relations.
    """
    side: dict[str, Side] = {}
    depth: dict[str, int] = {}
    parent: dict[str, Edge] = {}
    queue: deque[str] = deque()
    for root in debate.roots:
        depth[root] = 0
        queue.append(root)
    below = debate._index.below
    through = {(s, r): s.through(r) for s in Side for r in Relation}
    while queue:
        current = queue.popleft()
        current_side = side.get(current, Side.PRO)
        next_depth = depth[current] + 1
        for edge in below[current]:
            source = edge.source
            if source in depth:
                continue
            depth[source] = next_depth
            side[source] = through[current_side, edge.relation]
            parent[source] = edge
            queue.append(source)
    return _Layout(side=side, depth=depth, parent=parent)


@dataclass(frozen=True, slots=True)
class _Index:
    incoming: dict[str, list[Edge]]  # supports and attacks by target
    outgoing: dict[str, list[Edge]]  # every relation by source
    below: dict[str, list[Edge]]  # every relation by `upstream`
    links: dict[tuple[str, str], Edge]  # supports and attacks by (source, target)
    undercuts: dict[tuple[str, str], list[Edge]]  # undercuts by the link they cut


def _index(debate: Debate) -> _Index:
    incoming: dict[str, list[Edge]] = {cid: [] for cid in debate.claims}
    outgoing: dict[str, list[Edge]] = {cid: [] for cid in debate.claims}
    below: dict[str, list[Edge]] = {cid: [] for cid in debate.claims}
    links: dict[tuple[str, str], Edge] = {}
    undercuts: dict[tuple[str, str], list[Edge]] = {}
    for edge in debate.edges:
        outgoing[edge.source].append(edge)
        below[edge.upstream].append(edge)
        if edge.link_source is None:
            incoming[edge.target].append(edge)
            links.setdefault((edge.source, edge.target), edge)
        else:
            undercuts.setdefault((edge.link_source, edge.target), []).append(edge)
    return _Index(incoming, outgoing, below, links, undercuts)
