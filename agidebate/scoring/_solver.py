"""Evaluation strategies shared by the gradual semantics.

Acyclic graphs get one exact pass in topological order (every claim after all
the claims that argue about it). Cyclic graphs use the continuous-time model
of Potyka (AAMAS 2019): start at the base weights and integrate
ds/dt = f(s) - s until the largest residual |f(s) - s| is at most `TOLERANCE`,
or report non-convergence after `MAX_STEPS` steps. Each step is linear in
claims plus relations.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping

from agidebate.model import Debate

TOLERANCE = 1e-9
MAX_STEPS = 100_000
STEP = 0.5

Update = Callable[[str, Mapping[str, float]], float]


def topological_order(debate: Debate) -> list[str] | None:
    """Claims ordered so each comes after every claim that targets it; None if there is a cycle."""
    pending = {cid: len(debate.children(cid)) for cid in debate.claims}
    ready = deque(cid for cid, n in pending.items() if n == 0)
    order: list[str] = []
    while ready:
        current = ready.popleft()
        order.append(current)
        for edge in debate.targets(current):
            pending[edge.target] -= 1
            if pending[edge.target] == 0:
                ready.append(edge.target)
    return order if len(order) == len(pending) else None


def solve(
    debate: Debate, base: Mapping[str, float], update: Update
) -> tuple[dict[str, float], bool, int]:
    """Strengths by `update(claim_id, strengths)`; returns (strengths, converged, iterations)."""
    order = topological_order(debate)
    if order is not None:
        strengths: dict[str, float] = {}
        for cid in order:
            strengths[cid] = update(cid, strengths)
        return strengths, True, 1
    return _integrate(debate, base, update)


def _integrate(
    debate: Debate, base: Mapping[str, float], update: Update
) -> tuple[dict[str, float], bool, int]:
    strengths = dict(base)
    for step in range(1, MAX_STEPS + 1):
        targets = {cid: update(cid, strengths) for cid in debate.claims}
        residual = max((abs(targets[c] - strengths[c]) for c in strengths), default=0.0)
        if residual <= TOLERANCE:
            return targets, True, step
        strengths = {c: s + STEP * (targets[c] - s) for c, s in strengths.items()}
    return strengths, False, MAX_STEPS
