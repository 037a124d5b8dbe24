"""A solved debate that answers "what if these weights were different?" exactly and cheaply.

- `what_if(changes, target)`: the target's strength with some base weights changed,
  everything else as is. Only what the changed claims reach is evaluated again, in
  evaluation order, and a claim is evaluated only when one of its inputs changed:
  where a value comes out the same (to within `NOISE`), propagation stops. Cycles met on the way are
  solved again from their base weights, as always. The strengths are restored after.
- `slopes(target)`: d target / d base weight for every claim, in one backward pass in
  reverse evaluation order (reverse-mode differentiation), linear in claims plus
  relations; inside a cycle the adjoint equations are solved by a damped iteration.

Work is counted in input reads: a claim evaluated once costs one plus its inputs; a
cycle solved again costs its steps times its claims plus their inputs.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cached_property

from agidebate.model import Debate
from agidebate.scoring._network import Links, Network
from agidebate.scoring._result import ScoreResult
from agidebate.scoring._solver import (
    MAX_STEPS,
    MAX_WORK,
    TOLERANCE,
    local_strength,
    solve_components,
)
from agidebate.scoring._spec import Spec

# A change this small is rounding noise: passing it on costs work and changes nothing a
# reader can see (no semantics here amplifies a change: |d strength / d input| <= 1).
NOISE = 1e-15
COST_CAP = 10**15


class Evaluation:
    """A debate solved under `spec` with base weights `base` (by claim id)."""

    def __init__(
        self, spec: Spec, debate: Debate, base: Mapping[str, float], net: Network | None = None
    ) -> None:
        self.spec = spec
        self.net = net or Network.of(debate)
        self.base = [base[cid] for cid in self.net.ids]
        self.strengths = list(self.base)
        outcome = solve_components(
            spec, self.net, self.base, self.strengths, range(len(self.net.components))
        )
        self.plain = [
            a is None and b is None
            for a, b in zip(self.net.support_links, self.net.attack_links, strict=True)
        ]
        self.costs = outcome.costs
        self.converged = outcome.converged
        self.iterations = outcome.steps
        self.residual = outcome.residual
        self.cycles = outcome.cycles

    def result(self, semantics: str, base: Mapping[str, float]) -> ScoreResult:
        """The solved strengths as a `ScoreResult`."""
        return ScoreResult(
            semantics,
            dict(zip(self.net.ids, self.strengths, strict=True)),
            dict(base),
            self.converged,
            self.iterations,
            residual=self.residual,
            cycles=self.cycles,
        )

    def strength(self, claim_id: str) -> float:
        return self.strengths[self.net.index[claim_id]]

    def with_weight(self, claim_id: str, weight: float, target: str) -> float:
        """`target`'s strength if `claim_id` had base weight `weight`, all else equal."""
        net = self.net
        return self.what_if({net.index[claim_id]: weight}, net.index[target])[0]

    def what_if(self, changes: Mapping[int, float], target: int) -> tuple[float, int]:
        """(`target`'s strength, work spent) with the base weights `changes` (by index)."""
        return self._propagate(changes, target, commit=False)

    def commit(self, changes: Mapping[int, float]) -> int:
        """Change base weights for good (strengths follow); returns the work spent."""
        return self._propagate(changes, None, commit=True)[1]

    def with_link_impact(self, source: int, target: int, impact: float, at: int) -> float:
        """`at`'s strength if the link `source` -> `target` had `impact`, all else equal."""
        net = self.net
        saved = (net.support_links[target], net.attack_links[target], self.plain[target])
        for sources, links in (
            (net.supporters[target], net.support_links),
            (net.attackers[target], net.attack_links),
        ):
            if source in sources:
                current = links[target] or Links([1.0] * len(sources), [[] for _ in sources])
                impacts = [
                    impact if j == source else old
                    for j, old in zip(sources, current.impacts, strict=True)
                ]
                links[target] = Links(impacts, current.cuts)
        self.plain[target] = False
        try:
            return self._propagate({}, at, commit=False, touched=(target,))[0]
        finally:
            net.support_links[target], net.attack_links[target], self.plain[target] = saved

    def _propagate(
        self,
        changes: Mapping[int, float],
        target: int | None,
        *,
        commit: bool,
        touched: tuple[int, ...] = (),
    ) -> tuple[float, int]:
        """Evaluate again what `changes` (new base weights) and `touched` claims reach.

        The loop is the hot path of exact cruxes (millions of claims evaluated on a large
        debate), so a claim outside cycles is evaluated inline; a cycle is solved again by
        `_resolve_cycle`.
        """
        net, spec, s, base = self.net, self.spec, self.strengths, self.base
        owner, targets, components, cyclic = (
            net.component_of,
            net.targets,
            net.components,
            net.cyclic,
        )
        supporters, attackers, plain = net.supporters, net.attackers, self.plain
        strength, uses_supports = spec.strength, spec.uses_supports
        saved_base = [(node, base[node]) for node in changes]
        for node, weight in changes.items():
            base[node] = weight
        saved: list[tuple[int, float]] = []
        pending = sorted({owner[node] for node in (*changes, *touched)})
        queued = set(pending)
        work = 0
        while pending:
            number = heapq.heappop(pending)
            if cyclic[number]:
                changed, cost = self._resolve_cycle(number)
                work += cost
            else:
                node = components[number][0]
                sup, att = supporters[node], attackers[node]
                work += 1 + len(sup) + len(att)
                if plain[node]:
                    pros = [s[j] for j in sup] if uses_supports else []
                    new = strength(base[node], pros, [s[j] for j in att])
                else:
                    new = local_strength(spec, net, node, base[node], s)
                old = s[node]
                if -NOISE <= new - old <= NOISE:
                    continue
                s[node] = new
                changed = [(node, old)]
            for node, old in changed:
                saved.append((node, old))
                for nxt in targets[node]:
                    group = owner[nxt]
                    if group not in queued:
                        queued.add(group)
                        heapq.heappush(pending, group)
        value = s[target] if target is not None else 0.0
        if not commit:
            for node, old in reversed(saved):
                s[node] = old
            for node, weight in saved_base:
                base[node] = weight
        return value, work

    def _resolve_cycle(self, number: int) -> tuple[list[tuple[int, float]], int]:
        """Solve one cycle again: (claims that changed, with their old strengths), work."""
        s = self.strengths
        members = self.net.components[number]
        before = [s[node] for node in members]
        work = solve_components(self.spec, self.net, self.base, s, (number,)).work
        pairs = zip(members, before, strict=True)
        return [(n, old) for n, old in pairs if abs(s[n] - old) > NOISE], work

    @cached_property
    def _downstream_costs(self) -> list[int]:
        """Per group: an upper bound on the work of solving again every cycle it reaches."""
        net = self.net
        owner = net.component_of
        down = [0] * len(net.components)
        for number in reversed(range(len(net.components))):
            total = self.costs.get(number, 0)
            successors = {owner[t] for node in net.components[number] for t in net.targets[node]}
            successors.discard(number)
            total += sum(down[g] for g in successors)
            down[number] = min(total, COST_CAP)
        return down

    def cost_of_changing(self, node: int) -> int:
        """About what `what_if` on `node` costs: the cycles it reaches, solved again, plus one
        read per claim on its way (an upper bound for the cycles, which dominate)."""
        return self._downstream_costs[self.net.component_of[node]] + len(self.net.targets[node])

    def partials(self, node: int) -> tuple[list[tuple[int, float]], float]:
        """(input, d strength / d input) for every input of `node` the semantics looks at,
        including the undercutters of its links; and d strength / d base weight."""
        spec, net, s = self.spec, self.net, self.strengths
        cut = spec.cut
        supporters = net.supporter_values(node, s, cut) if spec.uses_supports else []
        grad = spec.gradient(self.base[node], supporters, net.attacker_values(node, s, cut))
        pairs: list[tuple[int, float]] = []
        sides = [(net.attackers[node], net.attack_links[node], grad.attackers)]
        if spec.uses_supports:
            sides.append((net.supporters[node], net.support_links[node], grad.supporters))
        for sources, links, by_value in sides:
            if links is None:
                pairs += zip(sources, by_value, strict=True)
                continue
            for j, impact, cutters, g in zip(
                sources, links.impacts, links.cuts, by_value, strict=True
            ):
                cut_values = [s[u] for u in cutters]
                kept = 1.0 - cut.combine(cut_values)
                pairs.append((j, g * impact * kept))
                by_cut = cut.partials(cut_values)
                pairs += [(u, -g * s[j] * impact * d) for u, d in zip(cutters, by_cut, strict=True)]
        return pairs, grad.weight

    def slopes(self, target: str) -> list[float]:
        """d target / d base weight, for every claim (by index)."""
        net = self.net
        found = [self.partials(node) for node in range(len(net))]
        local = [pairs for pairs, _ in found]
        adjoint = [0.0] * len(net)
        adjoint[net.index[target]] = 1.0
        for number in reversed(range(len(net.components))):
            members = net.components[number]
            inside = set(members) if net.cyclic[number] else None
            if inside is not None:
                _settle_adjoint(local, adjoint, members)
            for node in members:
                if adjoint[node] == 0.0:
                    continue
                for source, partial in local[node]:
                    if inside is None or source not in inside:
                        adjoint[source] += adjoint[node] * partial
        return [adjoint[node] * by_weight for node, (_, by_weight) in enumerate(found)]


def _settle_adjoint(
    local: Sequence[list[tuple[int, float]]], adjoint: list[float], members: list[int]
) -> None:
    """Solve a = b + J^T a inside a cycle, where b is what flowed in from downstream."""
    inside = set(members)
    fixed = {node: adjoint[node] for node in members}
    edges = [
        (source, node, partial)
        for node in members
        for source, partial in local[node]
        if source in inside
    ]
    fan_in = Counter(node for _, node, _ in edges)
    step = 1.0 / (1.0 + max(fan_in.values(), default=0))
    for _ in range(min(MAX_STEPS, max(1, MAX_WORK // max(len(edges) + len(members), 1)))):
        incoming = dict(fixed)
        for source, node, partial in edges:
            incoming[source] += adjoint[node] * partial
        residual = max(abs(incoming[node] - adjoint[node]) for node in members)
        for node in members:
            adjoint[node] += step * (incoming[node] - adjoint[node])
        if residual <= TOLERANCE:
            return
