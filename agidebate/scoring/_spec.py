"""The shape every gradual semantics has: a local strength function and its gradient.

A gradual semantics says how one claim's strength follows from its base weight
and the current strengths of its supporters and attackers. The solver applies
it over the whole graph; the sensitivity pass uses the gradient.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


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
    # How the strength function combines one side's inputs: "sum" (QE, Euler,
    # h-categorizer) or "probabilistic" (DF-QuAD's 1 - prod(1 - s)). Either way a
    # one-element list [x] combines to x, so the combined value of any inputs can
    # stand in for them; `leave_one_out` relies on that.
    aggregate: str = "sum"

    def leave_one_out(self, values: Sequence[float]) -> tuple[float, list[float]]:
        """The combined value of `values`, and of `values` without each one, in O(n).

        >>> Spec("t", lambda w, s, a: w, lambda w, s, a: Gradient(0, [], []), 1).leave_one_out(
        ...     [0.5, 0.25])
        (0.75, [0.25, 0.5])
        """
        if self.aggregate == "sum":
            total = sum(values)
            return total, [total - v for v in values]
        count = len(values)
        prefix = [1.0] * (count + 1)
        for i, v in enumerate(values):
            prefix[i + 1] = prefix[i] * (1.0 - v)
        without = [0.0] * count
        suffix = 1.0
        for i in range(count - 1, -1, -1):
            without[i] = 1.0 - prefix[i] * suffix
            suffix *= 1.0 - values[i]
        return 1.0 - prefix[count], without
