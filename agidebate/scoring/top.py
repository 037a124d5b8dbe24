"""Top (`top`): only the strongest argument on each side counts.

The top-based semantics of Mossakowski and Neuhaus ("Modular semantics and
characteristics for bipolar weighted argumentation graphs", arXiv:1807.06685,
2018): each side's aggregate is its strongest effective strength,

    P = max over the supporters,   C = max over the attackers,

and DF-QuAD's linear influence moves the base weight w:

    s = w + (1 - w)(P - C)   if P >= C,   else   s = w - w (C - P)

This is what Carneades' proof standards compare (the best pro against the
best con). Adding or removing arguments weaker than a side's best changes
nothing, so their slope is zero: `dtop`, the default, discounts them instead
of ignoring them.

>>> round(strength(0.5, [0.8, 0.8, 0.3], [0.6]), 4)
0.6
"""

from __future__ import annotations

from agidebate.model import Debate
from agidebate.scoring._aggregate import Discounted
from agidebate.scoring._modular import modular_spec
from agidebate.scoring._result import ScoreResult
from agidebate.scoring._solver import solve

TITLE = "top"
REFERENCE = (
    "top-based modular semantics: Mossakowski and Neuhaus, arXiv:1807.06685, 2018; "
    "influence: Rago et al., KR 2016"
)
AGGREGATION = Discounted(0.0)
SPEC = modular_spec("top", AGGREGATION, AGGREGATION)
strength = SPEC.strength
gradient = SPEC.gradient


def compute(debate: Debate, base: dict[str, float]) -> ScoreResult:
    """Score every claim under top."""
    return solve(SPEC, debate, base)
