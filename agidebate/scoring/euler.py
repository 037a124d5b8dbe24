"""Euler-based semantics for weighted bipolar argumentation graphs.

Reference: Leila Amgoud, Jonathan Ben-Naim, "Evaluation of Arguments in
Weighted Bipolar Graphs", ECSQARU 2017 (journal version: International
Journal of Approximate Reasoning 99, 2018, pp. 39-55); cycles by the
continuous model of Nico Potyka, AAMAS 2019.

With E the sum of the supporters' strengths minus the sum of the attackers'
strengths and w the base weight:

    s = 1 - (1 - w^2) / (1 + w * e^E)

Without pros or cons s = w. Supporters raise s towards 1; attackers lower it,
but never below w^2. A claim with weight 0 stays at 0 whatever supports it.

>>> strength(0.5, [], [])
0.5
>>> round(strength(0.5, [1.0], []), 4)
0.6821
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from agidebate.model import Debate
from agidebate.scoring._result import ScoreResult
from agidebate.scoring._solver import solve
from agidebate.scoring._spec import Gradient, Spec

TITLE = "Euler-based"
REFERENCE = (
    "Amgoud and Ben-Naim, ECSQARU 2017 / IJAR 2018; continuous model for cycles: Potyka, AAMAS 2019"
)

# e^E overflows a float past E ~ 709; beyond this the strength is 1 to double precision.
_MAX_EXPONENT = 700.0


def _growth(energy: float) -> float:
    return math.exp(min(energy, _MAX_EXPONENT))


def strength(weight: float, supporters: Sequence[float], attackers: Sequence[float]) -> float:
    """s = 1 - (1 - w^2) / (1 + w e^E) with E = sum(supporters) - sum(attackers)."""
    energy = sum(supporters) - sum(attackers)
    return 1.0 - (1.0 - weight * weight) / (1.0 + weight * _growth(energy))


def gradient(weight: float, supporters: Sequence[float], attackers: Sequence[float]) -> Gradient:
    """Partial derivatives of `strength` by the weight and by each input."""
    growth = _growth(sum(supporters) - sum(attackers))
    denominator = (1.0 + weight * growth) ** 2
    by_weight = (
        2.0 * weight * (1.0 + weight * growth) + (1.0 - weight * weight) * growth
    ) / denominator
    by_energy = (1.0 - weight * weight) * weight * growth / denominator
    return Gradient(by_weight, [by_energy] * len(supporters), [-by_energy] * len(attackers))


# d s / d E = (1 - w^2) w e^E / (1 + w e^E)^2 <= (1 - w^2) / 4 <= 1/4
SPEC = Spec("euler", strength, gradient, gain=0.25)


def compute(debate: Debate, base: dict[str, float]) -> ScoreResult:
    """Score every claim under the Euler-based semantics."""
    return solve(SPEC, debate, base)
