"""Evaluating a gradual semantics over a debate graph, with or without cycles.

Conventions (they define the numbers; docs/scoring.md explains them):

- The graph is split into strongly connected groups and evaluated group by
  group in topological order, every group after the groups that argue about
  it. A claim outside any cycle is a group of one: its strength is computed
  exactly, once. An acyclic debate is therefore one exact pass.
- A group of claims that argue about each other in a circle is solved by the
  continuous-time model of Potyka (AAMAS 2019): starting from the base
  weights, integrate ds/dt = f(s) - s (explicit Euler steps) until the largest
  residual |f(s) - s| is at most `TOLERANCE`. Plain repeated updating
  s <- f(s) can oscillate forever on cycles; the continuous model damps it.
  The step size is 1 / (1 + L), where L bounds how strongly a claim's
  strength reacts to its inputs inside the group, and is halved when a block
  of steps makes no progress.
- The h-categorizer instead iterates its own fixpoint s <- f(s), which
  converges on every graph (Amgoud, Ben-Naim, Doder, Vesic, IJCAI 2017).
- Each group stops after `MAX_STEPS` steps, or earlier for huge groups so
  that its work stays within `MAX_WORK` input reads (a step reads every claim of
  the group and every input of those claims), and all the groups of one solve
  within `TOTAL_WORK`; the result then reports `converged=False` and the
  residual reached, instead of running for minutes. On the benchmark machine
  `MAX_WORK` is about a second or two of work, `TOTAL_WORK` a few seconds.

Each step costs time linear in the group's claims plus relations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from agidebate.model import Debate
from agidebate.scoring._network import Network
from agidebate.scoring._result import ScoreResult
from agidebate.scoring._spec import Spec

TOLERANCE = 1e-9
MAX_STEPS = 20_000
MAX_WORK = 5_000_000
TOTAL_WORK = 20_000_000
PROGRESS_BLOCK = 200


@dataclass
class Outcome:
    """How solving went: did every cycle settle, in how many steps, how far off."""

    converged: bool = True
    steps: int = 1
    residual: float = 0.0
    cycles: int = 0
    work: int = 0  # input reads spent inside cycles: steps x (claims + their inputs)
    costs: dict[int, int] = field(default_factory=dict)  # the work of each cycle, by group

    def merge(self, number: int, converged: bool, steps: int, residual: float, size: int) -> None:
        self.converged = self.converged and converged
        self.steps = max(self.steps, steps)
        self.residual = max(self.residual, residual)
        self.cycles += 1
        self.work += steps * size
        self.costs[number] = steps * size


def local_strength(spec: Spec, net: Network, node: int, weight: float, s: Sequence[float]) -> float:
    """The strength `spec` gives `node` from its weight and the strengths `s` of its inputs."""
    supporters = net.supporter_values(node, s, spec.cut) if spec.uses_supports else []
    return spec.strength(weight, supporters, net.attacker_values(node, s, spec.cut))


def solve_components(
    spec: Spec,
    net: Network,
    base: Sequence[float],
    strengths: list[float],
    components: Sequence[int],
) -> Outcome:
    """Solve the given groups (in order) in place in `strengths`, inputs from other groups fixed.

    Cycles always start from the base weights: a cycle can have several fixed points, and
    which one it reaches must not depend on what was computed before. All the cycles
    together read at most `TOTAL_WORK` inputs (each at least one step).
    """
    outcome = Outcome()
    for number in components:
        members = net.components[number]
        if not net.cyclic[number]:
            node = members[0]
            strengths[node] = local_strength(spec, net, node, base[node], strengths)
            continue
        for node in members:
            strengths[node] = base[node]
        size = group_size(net, members)
        work = min(MAX_WORK, max(size, TOTAL_WORK - outcome.work))
        converged, steps, residual = _settle(spec, net, base, strengths, members, work)
        outcome.merge(number, converged, steps, residual, size)
    return outcome


def solve(spec: Spec, debate: Debate, base: dict[str, float]) -> ScoreResult:
    """Score every claim of `debate` under `spec`."""
    net = Network.of(debate)
    weights = [base[cid] for cid in net.ids]
    strengths = list(weights)
    outcome = solve_components(spec, net, weights, strengths, range(len(net.components)))
    return ScoreResult(
        spec.name,
        dict(zip(net.ids, strengths, strict=True)),
        dict(base),
        outcome.converged,
        outcome.steps,
        residual=outcome.residual,
        cycles=outcome.cycles,
    )


def integrate(spec: Spec, net: Network, base: Sequence[float]) -> tuple[list[float], bool, int]:
    """The continuous model over the whole graph at once, ignoring its structure.

    Only for checking: on an acyclic graph it must agree with the exact pass.
    """
    strengths = list(base)
    members = list(range(len(net)))
    converged, steps, _ = _settle(spec, net, base, strengths, members, MAX_WORK)
    return strengths, converged, steps


def _step_size(spec: Spec, net: Network, members: Sequence[int]) -> float:
    """1 / (1 + gain x the most inputs any claim takes from inside its own cycle)."""
    if spec.fixpoint:
        return 1.0
    inside = set(members)
    fan_in = 0
    for node in members:
        used = net.inputs(node) if spec.uses_supports else net.attackers[node] + net.cutters(node)
        fan_in = max(fan_in, sum(1 for j in used if j in inside))
    return 1.0 / (1.0 + spec.gain * fan_in)


def group_size(net: Network, members: Sequence[int]) -> int:
    """What one step over a group reads: its claims plus their inputs."""
    return len(members) + sum(len(net.inputs(node)) for node in members)


def _updater(
    spec: Spec, net: Network, base: Sequence[float], members: Sequence[int]
) -> Callable[[Sequence[float]], list[float]]:
    """f(s) for every member of a group, as one function (a tight loop when no link is cut
    or weighted, which is what dominates the time on large cycles)."""
    strength = spec.strength
    if all(net.support_links[n] is None and net.attack_links[n] is None for n in members):
        plan = [
            (base[node], net.supporters[node] if spec.uses_supports else [], net.attackers[node])
            for node in members
        ]

        def plain(s: Sequence[float]) -> list[float]:
            return [strength(w, [s[j] for j in sup], [s[j] for j in att]) for w, sup, att in plan]

        return plain

    def linked(s: Sequence[float]) -> list[float]:
        return [local_strength(spec, net, node, base[node], s) for node in members]

    return linked


def _settle(
    spec: Spec,
    net: Network,
    base: Sequence[float],
    strengths: list[float],
    members: Sequence[int],
    work: int,
) -> tuple[bool, int, float]:
    """Integrate one group to rest within `work` input reads; (converged, steps, residual)."""
    size = group_size(net, members)
    limit = min(MAX_STEPS, max(1, work // max(size, 1)))
    step = _step_size(spec, net, members)
    s = strengths
    block_start = float("inf")
    residual = float("inf")
    update = _updater(spec, net, base, members)
    for count in range(1, limit + 1):
        targets = update(s)
        residual = max(abs(t - s[node]) for t, node in zip(targets, members, strict=True))
        if residual <= TOLERANCE:
            for t, node in zip(targets, members, strict=True):
                s[node] = t
            return True, count, residual
        for t, node in zip(targets, members, strict=True):
            s[node] += step * (t - s[node])
        if count % PROGRESS_BLOCK == 0:
            if residual >= block_start and not spec.fixpoint:
                step /= 2.0
            block_start = residual
    return False, limit, residual
