"""Quadratic energy (QE) semantics for weighted bipolar argumentation.

Reference: Nico Potyka, "Continuous Dynamical Systems for Weighted Bipolar
Argumentation", KR 2018, pp. 148-157; cycles by the continuous model of
Nico Potyka, "Extending Modular Semantics for Bipolar Weighted
Argumentation", AAMAS 2019, pp. 1722-1730.

A claim's energy E is the sum of its supporters' strengths minus the sum of
its attackers' strengths. With base weight w and

    h(x) = max(x, 0)^2 / (1 + max(x, 0)^2)

its strength is

    s = w - w * h(-E) + (1 - w) * h(E)

Attackers pull w towards 0 and supporters towards 1, symmetrically; every
extra pro or con still moves the result, with diminishing effect.

>>> round(strength(0.5, [], [1.0]), 4)  # one certain attacker
0.25
>>> round(strength(0.5, [1.0], []), 4)  # one certain supporter
0.75
"""

from __future__ import annotations

from collections.abc import Sequence

from agidebate.model import Debate
from agidebate.scoring._result import ScoreResult
from agidebate.scoring._solver import solve
from agidebate.scoring._spec import Gradient, Spec

TITLE = "quadratic energy"
REFERENCE = "Potyka, KR 2018; continuous model for cycles: Potyka, AAMAS 2019"


def h(x: float) -> float:
    """The impact of an energy: max(x, 0)^2 / (1 + max(x, 0)^2), in [0, 1)."""
    positive = max(x, 0.0)
    return positive * positive / (1.0 + positive * positive)


def dh(x: float) -> float:
    """The derivative of h: 2x / (1 + x^2)^2 for x > 0, else 0."""
    if x <= 0.0:
        return 0.0
    return 2.0 * x / (1.0 + x * x) ** 2


def strength(weight: float, supporters: Sequence[float], attackers: Sequence[float]) -> float:
    """s = w - w h(-E) + (1 - w) h(E) with E = sum(supporters) - sum(attackers)."""
    energy = sum(supporters) - sum(attackers)
    return weight - weight * h(-energy) + (1.0 - weight) * h(energy)


def gradient(weight: float, supporters: Sequence[float], attackers: Sequence[float]) -> Gradient:
    """Partial derivatives of `strength` by the weight and by each input."""
    energy = sum(supporters) - sum(attackers)
    if energy >= 0.0:
        by_weight = 1.0 - h(energy)
        by_energy = (1.0 - weight) * dh(energy)
    else:
        by_weight = 1.0 - h(-energy)
        by_energy = weight * dh(-energy)
    return Gradient(by_weight, [by_energy] * len(supporters), [-by_energy] * len(attackers))


# max h'(x) = 3 * sqrt(3) / 8 ~ 0.65, reached at x = 1 / sqrt(3)
SPEC = Spec("qe", strength, gradient, gain=0.65)


def compute(debate: Debate, base: dict[str, float]) -> ScoreResult:
    """Score every claim under QE."""
    return solve(SPEC, debate, base)
