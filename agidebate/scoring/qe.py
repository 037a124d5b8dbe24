"""Quadratic energy (QE) semantics for weighted bipolar argumentation (Potyka, KR 2018).

The energy of a claim is the sum of its supporters' strengths minus the sum of
its attackers' strengths; with h(x) = max(x, 0)^2 / (1 + max(x, 0)^2),

    strength = w - w * h(-E) + (1 - w) * h(E)

so attackers pull the base weight w towards 0 and supporters towards 1, and
every extra pro or con still moves the result.
"""

from __future__ import annotations

from collections.abc import Mapping

from agidebate.model import Debate, Relation
from agidebate.scoring import ScoreResult
from agidebate.scoring._solver import solve


def h(x: float) -> float:
    positive = max(x, 0.0)
    return positive * positive / (1.0 + positive * positive)


def influence(weight: float, energy: float) -> float:
    return weight - weight * h(-energy) + (1.0 - weight) * h(energy)


def compute(debate: Debate, base: Mapping[str, float]) -> ScoreResult:
    def update(claim_id: str, strengths: Mapping[str, float]) -> float:
        energy = 0.0
        for edge in debate.children(claim_id):
            value = strengths[edge.source]
            energy += value if edge.relation is Relation.SUPPORT else -value
        return influence(base[claim_id], energy)

    scores, converged, iterations = solve(debate, base, update)
    return ScoreResult("qe", scores, dict(base), converged, iterations)
