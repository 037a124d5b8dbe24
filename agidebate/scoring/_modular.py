"""Modular semantics: an aggregation of each side, then DF-QuAD's linear influence.

Mossakowski and Neuhaus (2018) and Potyka (AAMAS 2019) describe a gradual
semantics as two parts: an aggregation that combines the supporters' strengths
into one value P and the attackers' into C (see `_aggregate`), and an influence
function that moves the base weight w by them. The influence used here is
DF-QuAD's, "linear(1)" in Potyka's terms:

    s = w + (1 - w)(P - C)     if P >= C
    s = w - w (C - P)          otherwise

With w = 0.5 this is 0.5 + (P - C) / 2. DF-QuAD is this influence with the
probabilistic aggregation; `dtop` and `top` use the discounted one.

>>> influence(0.5, 0.8, 0.4)
0.7
>>> round(influence(0.5, 0.2, 0.6), 4)
0.3
"""

from __future__ import annotations

from collections.abc import Sequence

from agidebate.scoring._aggregate import Aggregation
from agidebate.scoring._spec import Gradient, Spec


def influence(weight: float, pro: float, con: float) -> float:
    """The base weight moved by the combined pros `pro` and cons `con` (both in [0, 1])."""
    if con >= pro:
        return weight - weight * (con - pro)
    return weight + (1.0 - weight) * (pro - con)


def influence_partials(weight: float, pro: float, con: float) -> tuple[float, float, float]:
    """d s / d w, d s / d P, d s / d C (one-sided at P = C, as the formula is written)."""
    if con >= pro:
        return 1.0 - (con - pro), weight, -weight
    return 1.0 - (pro - con), 1.0 - weight, -(1.0 - weight)


def modular_spec(name: str, aggregation: Aggregation, cut: Aggregation) -> Spec:
    """The spec of "`aggregation` per side, then the linear influence"."""
    combine, partials = aggregation.combine, aggregation.partials

    def strength(weight: float, supporters: Sequence[float], attackers: Sequence[float]) -> float:
        return influence(weight, combine(supporters), combine(attackers))

    def gradient(
        weight: float, supporters: Sequence[float], attackers: Sequence[float]
    ) -> Gradient:
        by_weight, by_pro, by_con = influence_partials(
            weight, combine(supporters), combine(attackers)
        )
        return Gradient(
            by_weight,
            [by_pro * d for d in partials(supporters)],
            [by_con * d for d in partials(attackers)],
        )

    # |d s / d input| <= max(w, 1 - w) x (d P / d x) <= 1
    return Spec(name, strength, gradient, gain=1.0, aggregation=aggregation, cut=cut)
