"""The shape every gradual semantics has: a local strength function and its gradient.

A gradual semantics says how one claim's strength follows from its base weight
and the current strengths of its supporters and attackers. The solver applies
it over the whole graph; the sensitivity pass uses the gradient.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from agidebate.scoring._aggregate import PROBABILISTIC, SUM, Aggregation


@dataclass(frozen=True, slots=True)
class Gradient:
    """Partial derivatives of one claim's strength: by its weight, each supporter, each attacker."""

    weight: float
    supporters: list[float]
    attackers: list[float]


Strength = Callable[[float, Sequence[float], Sequence[float]], float]
GradientFn = Callable[[float, Sequence[float], Sequence[float]], Gradient]


@dataclass(frozen=True)
class Spec:
    """A gradual semantics as the solver needs it.

    `gain` bounds |d strength / d input| for one relation; the continuous
    model's step size is derived from it. `uses_supports` is False for
    semantics that look at attacks only. `fixpoint` means cycles are solved by
    iterating the strength function itself (the h-categorizer's own
    convention) instead of integrating the continuous model.
    """

    name: str
    strength: Strength
    gradient: GradientFn
    gain: float
    uses_supports: bool = True
    fixpoint: bool = False
    # How the strength function combines one side's inputs (see `_aggregate`), and how
    # the undercutters of one link combine into the share of the link they cut away.
    aggregation: Aggregation = SUM
    cut: Aggregation = PROBABILISTIC
