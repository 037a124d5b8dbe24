"""Discounted top (`dtop`), the default: the best argument on each side counts, the rest less.

A modular semantics (Mossakowski and Neuhaus, "Modular semantics and
characteristics for bipolar weighted argumentation graphs", arXiv:1807.06685,
2018; Potyka, "Extending Modular Semantics for Bipolar Weighted
Argumentation", AAMAS 2019). Each side's effective strengths are sorted,
x1 >= x2 >= ..., and combined with each further argument discounted by
`LAMBDA` relative to the one before:

    P = 1 - (1 - x1)(1 - lam x2)(1 - lam^2 x3)...      over the supporters
    C = the same over the attackers

then DF-QuAD's linear influence moves the base weight w:

    s = w + (1 - w)(P - C)   if P >= C,   else   s = w - w (C - P)

lam = 0 is the top-based semantics of Mossakowski and Neuhaus (`top`); lam = 1
is DF-QuAD. With lam = 1/4 the strongest argument decides, a second one as
strong adds at most a quarter of what is left, and padding a side with
weaker arguments moves a claim by at most

    max(w, 1 - w) (1 - x1) x1 lam / (1 - lam)

(docs/scoring.md derives it), while every argument keeps a nonzero slope, so
explanations and cruxes stay meaningful.

>>> round(strength(0.5, [0.8, 0.8], []), 4)  # the same 0.8 pro written twice
0.92
>>> round(strength(0.5, [0.9], [0.5] * 5), 4)  # one strong pro against five middling cons
0.6598
"""

from __future__ import annotations

from agidebate.model import Debate
from agidebate.scoring._aggregate import Discounted
from agidebate.scoring._modular import modular_spec
from agidebate.scoring._result import ScoreResult
from agidebate.scoring._solver import solve

TITLE = "discounted top"
REFERENCE = (
    "modular semantics: Mossakowski and Neuhaus, arXiv:1807.06685, 2018; Potyka, AAMAS 2019; "
    "influence: Rago et al., KR 2016"
)
LAMBDA = 0.25
AGGREGATION = Discounted(LAMBDA)
SPEC = modular_spec("dtop", AGGREGATION, AGGREGATION)
strength = SPEC.strength
gradient = SPEC.gradient


def padding_bound(weight: float, strongest: float, lam: float = LAMBDA) -> float:
    """How far adding supporters no stronger than `strongest` (x1) can move a claim, at most.

    Before, P >= x1. After adding any number of them, every rank below the first
    holds at most x1, so P <= 1 - (1 - x1) prod_k (1 - lam^k x1) <= 1 - (1 - x1)(1 -
    x1 lam / (1 - lam)) = x1 + (1 - x1) x1 lam / (1 - lam). The influence is linear in
    P with slope w or 1 - w. The same holds for attackers.

    >>> round(padding_bound(0.5, 0.5), 4)
    0.0417
    """
    return max(weight, 1.0 - weight) * (1.0 - strongest) * strongest * lam / (1.0 - lam)


def compute(debate: Debate, base: dict[str, float]) -> ScoreResult:
    """Score every claim under discounted top."""
    return solve(SPEC, debate, base)
