"""The debate as index arrays, and its strongly connected groups in evaluation order.

Scoring works on integer indices: for each claim, the indices of its
supporters and attackers (in file order) and of the claims it targets. Groups
of claims that reach each other through relations (cycles) are found with an
iterative Tarjan's algorithm, so a chain 10,000 deep cannot overflow the stack.
Everything here is linear in claims plus relations.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import assert_never

from agidebate.model import Debate, Relation


@dataclass(frozen=True)
class Network:
    """Index arrays over a debate's claims (in debate order)."""

    ids: list[str]
    index: dict[str, int]
    supporters: list[list[int]]
    attackers: list[list[int]]
    targets: list[list[int]]

    @classmethod
    def of(cls, debate: Debate) -> Network:
        ids = list(debate.claims)
        index = {cid: i for i, cid in enumerate(ids)}
        supporters: list[list[int]] = [[] for _ in ids]
        attackers: list[list[int]] = [[] for _ in ids]
        targets: list[list[int]] = [[] for _ in ids]
        for edge in debate.edges:
            source, target = index[edge.source], index[edge.target]
            match edge.relation:
                case Relation.SUPPORT:
                    supporters[target].append(source)
                case Relation.ATTACK:
                    attackers[target].append(source)
                case Relation.UNDERCUT:
                    # Interim, until the scoring issue gives undercuts their meaning:
                    # an undercut is not an input of any claim (it is not scored).
                    continue
                case _:
                    assert_never(edge.relation)
            targets[source].append(target)
        return cls(ids, index, supporters, attackers, targets)

    def without_edge(self, source: int, target: int) -> Network:
        """The same network minus one relation; shares every list it does not change."""
        supporters = list(self.supporters)
        attackers = list(self.attackers)
        targets = list(self.targets)
        supporters[target] = [j for j in supporters[target] if j != source]
        attackers[target] = [j for j in attackers[target] if j != source]
        targets[source] = [j for j in targets[source] if j != target]
        return Network(self.ids, self.index, supporters, attackers, targets)

    def __len__(self) -> int:
        return len(self.ids)

    def inputs(self, node: int) -> list[int]:
        """Supporters then attackers of `node`."""
        return self.supporters[node] + self.attackers[node]

    @cached_property
    def components(self) -> list[list[int]]:
        """Strongly connected groups, each after every group that argues about it."""
        order = _topological(self)
        if order is not None:  # acyclic, the common case: every group is one claim
            return [[node] for node in order]
        return _tarjan(self)

    @cached_property
    def component_of(self) -> list[int]:
        owner = [0] * len(self.ids)
        for number, members in enumerate(self.components):
            for node in members:
                owner[node] = number
        return owner

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


def _topological(net: Network) -> list[int] | None:
    """Every claim after all the claims that argue about it (Kahn); None if there is a cycle."""
    pending = [len(s) + len(a) for s, a in zip(net.supporters, net.attackers, strict=True)]
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


def _tarjan(net: Network) -> list[list[int]]:
    """Tarjan's algorithm without recursion; returns groups sources-first.

    Tarjan emits a group after every group reachable from it, i.e. targets
    before the claims arguing about them; the reversed list is evaluation order.
    """
    count = len(net.ids)
    index = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in range(count):
        if index[root] != -1:
            continue
        work: list[tuple[int, int]] = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack[node] = True
            targets = net.targets[node]
            while position < len(targets):
                nxt = targets[position]
                position += 1
                if index[nxt] == -1:
                    work.append((node, position))
                    work.append((nxt, 0))
                    break
                if on_stack[nxt]:
                    low[node] = min(low[node], index[nxt])
            else:
                if low[node] == index[node]:
                    members: list[int] = []
                    while True:
                        top = stack.pop()
                        on_stack[top] = False
                        members.append(top)
                        if top == node:
                            break
                    found.append(sorted(members))
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
    found.reverse()
    return found


def is_support(relation: Relation) -> bool:
    """Whether `relation` is a supporter's input to its target (else an attacker's)."""
    match relation:
        case Relation.SUPPORT:
            return True
        case Relation.ATTACK | Relation.UNDERCUT:
            return False
        case _:
            assert_never(relation)
