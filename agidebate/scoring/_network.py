"""The debate as index arrays, and its strongly connected groups in evaluation order.

Scoring works on integer indices: for each claim, the indices of its
supporters and attackers (in file order), the impact and undercutters of each
of those links, and the claims whose strength depends on it. Groups of claims
that reach each other through relations (cycles) are found with the model's
iterative Tarjan's algorithm (`model.cycles`), so a chain 10,000 deep cannot
overflow the stack. Everything here is linear in claims plus relations.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import assert_never

from agidebate.model import Debate, Relation
from agidebate.model.cycles import strongly_connected
from agidebate.scoring._aggregate import Aggregation


@dataclass(frozen=True, slots=True)
class Links:
    """What stands between one side's inputs and a claim: each link's impact and undercutters.

    An input j reaches the claim with strength s_j x impact x (1 - U), where U combines
    the strengths of the link's undercutters (none: U = 0).
    """

    impacts: list[float]
    cuts: list[list[int]]


@dataclass(frozen=True)
class Network:
    """Index arrays over a debate's claims (in debate order).

    `supporters[i]` and `attackers[i]` list the claims acting on claim i, in file
    order; `support_links[i]` / `attack_links[i]` hold their impacts and undercutters,
    or None when every such link has impact 1 and no undercutter (the usual case, kept
    on a fast path that computes exactly what the plain formulas do). `targets[j]`
    lists the claims whose strength depends directly on j's: those it supports or
    attacks, and those whose incoming link it undercuts.
    """

    ids: list[str]
    index: dict[str, int]
    supporters: list[list[int]]
    attackers: list[list[int]]
    targets: list[list[int]]
    support_links: list[Links | None]
    attack_links: list[Links | None]

    @classmethod
    def of(cls, debate: Debate) -> Network:
        """The debate's claims and relations as index arrays.

        A link's impact is its `impact`; the links of a summary (`kind: summary`) carry
        nothing (impact 0) and its undercuts cut nothing. An undercut of the link
        j -> i makes its source an input of i, through that link.
        """
        ids = list(debate.claims)
        index = {cid: i for i, cid in enumerate(ids)}
        count = len(ids)
        summaries = {c.id for c in debate if not c.kind.counted}
        supporters: list[list[int]] = [[] for _ in ids]
        attackers: list[list[int]] = [[] for _ in ids]
        targets: list[list[int]] = [[] for _ in ids]
        impacts: dict[tuple[int, int], float] = {}
        cuts: list[tuple[int, int, int]] = []
        for edge in debate.edges:
            source, target = index[edge.source], index[edge.target]
            match edge.relation:
                case Relation.SUPPORT:
                    supporters[target].append(source)
                case Relation.ATTACK:
                    attackers[target].append(source)
                case Relation.UNDERCUT:
                    if edge.link_source is not None and edge.source not in summaries:
                        cuts.append((source, index[edge.link_source], target))
                    continue
                case _:
                    assert_never(edge.relation)
            targets[source].append(target)
            impact = 0.0 if edge.source in summaries else edge.impact
            if impact != 1.0:
                impacts[source, target] = impact
        plain: list[Links | None] = [None] * count
        return cls(ids, index, supporters, attackers, targets, plain, list(plain))._with_links(
            impacts, cuts
        )

    def with_cuts(self, cuts: list[tuple[int, int, int]]) -> Network:
        """The same network with undercutters: (cutter, source, target) cuts source -> target."""
        return self._with_links({}, cuts)

    def _with_links(
        self, impacts: dict[tuple[int, int], float], cuts: list[tuple[int, int, int]]
    ) -> Network:
        """Impacts and undercutters added to the links they name (links stay in file order)."""
        if not impacts and not cuts:
            return self
        support_links, attack_links = list(self.support_links), list(self.attack_links)
        targets = list(self.targets)
        named: dict[int, dict[int, tuple[float | None, list[int]]]] = {}
        for (source, target), impact in impacts.items():
            named.setdefault(target, {})[source] = (impact, [])
        for cutter, source, target in cuts:
            known, cutters = named.setdefault(target, {}).get(source, (None, []))
            named[target][source] = (known, [*cutters, cutter])
            targets[cutter] = [*targets[cutter], target]
        for node, changes in named.items():
            support_links[node] = _links(self.supporters[node], support_links[node], changes)
            attack_links[node] = _links(self.attackers[node], attack_links[node], changes)
        return dataclasses.replace(
            self, targets=targets, support_links=support_links, attack_links=attack_links
        )

    def without_edge(self, source: int, target: int) -> Network:
        """The same network minus one relation; shares every list it does not change."""
        supporters = list(self.supporters)
        attackers = list(self.attackers)
        targets = list(self.targets)
        support_links = list(self.support_links)
        attack_links = list(self.attack_links)
        supporters[target], support_links[target] = _drop(
            self.supporters[target], self.support_links[target], source
        )
        attackers[target], attack_links[target] = _drop(
            self.attackers[target], self.attack_links[target], source
        )
        targets[source] = [j for j in targets[source] if j != target]
        return dataclasses.replace(
            self,
            supporters=supporters,
            attackers=attackers,
            targets=targets,
            support_links=support_links,
            attack_links=attack_links,
        )

    def without_cut(self, cutter: int, source: int, target: int) -> Network:
        """The same network minus one undercut (`cutter` of the link `source -> target`)."""
        support_links, attack_links = list(self.support_links), list(self.attack_links)
        for sources, links in ((self.supporters, support_links), (self.attackers, attack_links)):
            current = links[target]
            if current is not None:
                cuts = [
                    [u for u in cut if u != cutter] if j == source else cut
                    for j, cut in zip(sources[target], current.cuts, strict=True)
                ]
                links[target] = Links(current.impacts, cuts)
        targets = list(self.targets)
        targets[cutter] = [t for t in targets[cutter] if t != target]
        return dataclasses.replace(
            self, targets=targets, support_links=support_links, attack_links=attack_links
        )

    def __len__(self) -> int:
        return len(self.ids)

    def inputs(self, node: int) -> list[int]:
        """Supporters then attackers of `node`, then the undercutters of their links."""
        return self.supporters[node] + self.attackers[node] + self.cutters(node)

    def cutters(self, node: int) -> list[int]:
        """Every undercutter of a link into `node` (once per link it cuts)."""
        found: list[int] = []
        for links in (self.support_links[node], self.attack_links[node]):
            if links is not None:
                for cut in links.cuts:
                    found.extend(cut)
        return found

    def supporter_values(self, node: int, s: Sequence[float], cut: Aggregation) -> list[float]:
        """The effective strengths of `node`'s supporters: s x impact x (1 - U)."""
        return _values(self.supporters[node], self.support_links[node], s, cut)

    def attacker_values(self, node: int, s: Sequence[float], cut: Aggregation) -> list[float]:
        """The effective strengths of `node`'s attackers: s x impact x (1 - U)."""
        return _values(self.attackers[node], self.attack_links[node], s, cut)

    @cached_property
    def components(self) -> list[list[int]]:
        """Strongly connected groups, each after every group that argues about it."""
        order = _topological(self)
        if order is not None:  # acyclic, the common case: every group is one claim
            return [[node] for node in order]
        return strongly_connected(self.targets)

    @cached_property
    def cyclic(self) -> list[bool]:
        """Per group: does it argue about itself (several claims, or one that targets itself)?"""
        return [
            len(members) > 1 or members[0] in self.targets[members[0]]
            for members in self.components
        ]

    @cached_property
    def component_of(self) -> list[int]:
        owner = [0] * len(self.ids)
        for number, members in enumerate(self.components):
            for node in members:
                owner[node] = number
        return owner

    def in_cycle(self, node: int) -> bool:
        return self.cyclic[self.component_of[node]]

    def downstream_components(self, node: int) -> list[int]:
        """The groups whose strengths can change when `node`'s weight changes, in order."""
        owner = self.component_of
        seen = {owner[node]}
        stack = [node]
        visited = {node}
        while stack:
            for target in self.targets[stack.pop()]:
                if target not in visited:
                    visited.add(target)
                    seen.add(owner[target])
                    stack.append(target)
        return sorted(seen)


def _links(
    sources: list[int], current: Links | None, changes: dict[int, tuple[float | None, list[int]]]
) -> Links | None:
    """Links from `sources` with the impacts and undercutters in `changes` (by source)."""
    if not any(j in changes for j in sources):
        return current
    base = current or Links([1.0] * len(sources), [[] for _ in sources])
    impacts, cuts = [], []
    for j, impact, cutters in zip(sources, base.impacts, base.cuts, strict=True):
        new_impact, new_cutters = changes.get(j, (None, []))
        impacts.append(new_impact if new_impact is not None else impact)
        cuts.append([*cutters, *new_cutters])
    return Links(impacts, cuts)


def _drop(sources: list[int], links: Links | None, source: int) -> tuple[list[int], Links | None]:
    keep = [k for k, j in enumerate(sources) if j != source]
    if len(keep) == len(sources):
        return sources, links
    kept = [sources[k] for k in keep]
    if links is None:
        return kept, None
    return kept, Links([links.impacts[k] for k in keep], [links.cuts[k] for k in keep])


def _values(
    sources: list[int], links: Links | None, s: Sequence[float], cut: Aggregation
) -> list[float]:
    if links is None:
        return [s[j] for j in sources]
    return [
        s[j] * impact * (1.0 - cut.combine([s[u] for u in cutters])) if cutters else s[j] * impact
        for j, impact, cutters in zip(sources, links.impacts, links.cuts, strict=True)
    ]


def _topological(net: Network) -> list[int] | None:
    """Every claim after all the claims that argue about it (Kahn); None if there is a cycle."""
    pending = [0] * len(net.ids)
    for targets_of in net.targets:
        for target in targets_of:
            pending[target] += 1
    ready = [node for node, count in enumerate(pending) if count == 0]
    order: list[int] = []
    targets = net.targets
    while ready:
        node = ready.pop()
        order.append(node)
        for target in targets[node]:
            pending[target] -= 1
            if pending[target] == 0:
                ready.append(target)
    return order if len(order) == len(pending) else None


def is_support(relation: Relation) -> bool:
    """Whether `relation` is a supporter's input to its target (else an attacker's)."""
    match relation:
        case Relation.SUPPORT:
            return True
        case Relation.ATTACK | Relation.UNDERCUT:
            return False
        case _:
            assert_never(relation)
