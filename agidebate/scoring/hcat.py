"""The weighted h-categorizer, on attacks only.

References: Philippe Besnard, Anthony Hunter, "A logic-based theory of
deductive arguments", Artificial Intelligence 128, 2001 (the h-categorizer on
trees); Leila Amgoud, Jonathan Ben-Naim, Dragan Doder, Srdjan Vesic,
"Acceptability Semantics for Weighted Argumentation Frameworks", IJCAI 2017
(the weighted version, and its convergence on every graph).

A claim's strength is its base weight divided by one plus the sum of its
attackers' strengths:

    s = w / (1 + sum of the attackers' strengths)

Supports are ignored. On cycles the function is iterated from the base weights
until it settles (its own fixpoint, which exists and is unique).

>>> strength(1.0, [], [1.0])
0.5
>>> strength(0.8, [0.9], [0.5, 0.5])  # the supporter does not count
0.4
"""

from __future__ import annotations

from collections.abc import Sequence

from agidebate.model import Debate
from agidebate.scoring._result import ScoreResult
from agidebate.scoring._solver import solve
from agidebate.scoring._spec import Gradient, Spec

TITLE = "weighted h-categorizer"
REFERENCE = "Besnard and Hunter, AIJ 2001; weighted: Amgoud, Ben-Naim, Doder, Vesic, IJCAI 2017"


def strength(weight: float, supporters: Sequence[float], attackers: Sequence[float]) -> float:
    """s = w / (1 + sum(attackers)); `supporters` are ignored."""
    return weight / (1.0 + sum(attackers))


def gradient(weight: float, supporters: Sequence[float], attackers: Sequence[float]) -> Gradient:
    """Partial derivatives of `strength`; zero for every supporter."""
    total = 1.0 + sum(attackers)
    return Gradient(1.0 / total, [0.0] * len(supporters), [-weight / total**2] * len(attackers))


SPEC = Spec("hcat", strength, gradient, gain=1.0, uses_supports=False, fixpoint=True)


def compute(debate: Debate, base: dict[str, float]) -> ScoreResult:
    """Score every claim under the weighted h-categorizer."""
    return solve(SPEC, debate, base)
