"""DF-QuAD: discontinuity-free quantitative argumentation debate semantics.

Reference: Antonio Rago, Francesca Toni, Marco Aurisicchio, Pietro Baroni,
"Discontinuity-Free Decision Support with Quantitative Argumentation Debates",
KR 2016, pp. 63-72; cycles by the continuous model of Nico Potyka,
"Extending Modular Semantics for Bipolar Weighted Argumentation", AAMAS 2019.

The pros are combined as independent chances, and so are the cons:

    v_pro = 1 - (1 - s_1)(1 - s_2)...   over the supporters (0 when none)
    v_con = 1 - (1 - s_1)(1 - s_2)...   over the attackers  (0 when none)

and then "combined pros minus combined cons" moves the base weight w:

    s = w - w * (v_con - v_pro)          if v_con >= v_pro
    s = w + (1 - w) * (v_pro - v_con)    otherwise

One certain attacker (strength 1) drives a claim to 0 unless a certain
supporter balances it; further pros or cons then no longer count.

>>> strength(0.5, [0.7], [])
0.85
>>> round(strength(0.5, [], [0.6, 0.5]), 4)
0.1
"""

from __future__ import annotations

from collections.abc import Sequence

from agidebate.model import Debate
from agidebate.scoring._result import ScoreResult
from agidebate.scoring._solver import solve
from agidebate.scoring._spec import Gradient, Spec

TITLE = "DF-QuAD"
REFERENCE = (
    "Rago, Toni, Aurisicchio, Baroni, KR 2016; continuous model for cycles: Potyka, AAMAS 2019"
)


def combined(strengths: Sequence[float]) -> float:
    """1 - prod(1 - s): the chance that at least one of independent arguments holds."""
    rest = 1.0
    for value in strengths:
        rest *= 1.0 - value
    return 1.0 - rest


def strength(weight: float, supporters: Sequence[float], attackers: Sequence[float]) -> float:
    """DF-QuAD's combination of the base weight with the combined pros and cons."""
    pro, con = combined(supporters), combined(attackers)
    if con >= pro:
        return weight - weight * (con - pro)
    return weight + (1.0 - weight) * (pro - con)


def _others(strengths: Sequence[float]) -> list[float]:
    """For each i, prod over j != i of (1 - s_j): d combined / d s_i, without dividing by zero."""
    count = len(strengths)
    prefix = [1.0] * (count + 1)
    for i, value in enumerate(strengths):
        prefix[i + 1] = prefix[i] * (1.0 - value)
    result = [0.0] * count
    suffix = 1.0
    for i in range(count - 1, -1, -1):
        result[i] = prefix[i] * suffix
        suffix *= 1.0 - strengths[i]
    return result


def gradient(weight: float, supporters: Sequence[float], attackers: Sequence[float]) -> Gradient:
    """Partial derivatives of `strength` (one-sided at v_con = v_pro, as the formula is written)."""
    pro, con = combined(supporters), combined(attackers)
    if con >= pro:
        by_weight, by_pro, by_con = 1.0 - (con - pro), weight, -weight
    else:
        by_weight, by_pro, by_con = 1.0 - (pro - con), 1.0 - weight, -(1.0 - weight)
    return Gradient(
        by_weight,
        [by_pro * d for d in _others(supporters)],
        [by_con * d for d in _others(attackers)],
    )


SPEC = Spec("dfquad", strength, gradient, gain=1.0, aggregate="probabilistic")


def compute(debate: Debate, base: dict[str, float]) -> ScoreResult:
    """Score every claim under DF-QuAD."""
    return solve(SPEC, debate, base)
