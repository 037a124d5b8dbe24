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

from agidebate.model import Debate
from agidebate.scoring._aggregate import PROBABILISTIC
from agidebate.scoring._modular import modular_spec
from agidebate.scoring._result import ScoreResult
from agidebate.scoring._solver import solve

TITLE = "DF-QuAD"
REFERENCE = (
    "Rago, Toni, Aurisicchio, Baroni, KR 2016; continuous model for cycles: Potyka, AAMAS 2019"
)

combined = PROBABILISTIC.combine
SPEC = modular_spec("dfquad", PROBABILISTIC, PROBABILISTIC)
strength = SPEC.strength
gradient = SPEC.gradient


def compute(debate: Debate, base: dict[str, float]) -> ScoreResult:
    """Score every claim under DF-QuAD."""
    return solve(SPEC, debate, base)
