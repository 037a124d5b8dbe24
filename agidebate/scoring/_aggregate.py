"""How a semantics combines one side's arguments (all supporters, or all attackers) into one value.

The modular view of gradual semantics (Mossakowski and Neuhaus 2018; Potyka
2019) splits a semantics into an *aggregation* of each side's strengths and an
*influence* function that moves the base weight by the result. Three
aggregations are used here:

- `SUM`: s1 + s2 + ... (QE, Euler-based, h-categorizer): every argument adds.
- `PROBABILISTIC`: 1 - (1 - s1)(1 - s2)... (DF-QuAD): independent chances.
- `Discounted(lam)`: sort the side's strengths x1 >= x2 >= ..., then
  1 - (1 - x1)(1 - lam x2)(1 - lam^2 x3)...: the strongest argument counts fully
  and each further one lam times as much as the one before. lam = 0 is the
  "top" aggregation (only the strongest counts); lam = 1 is DF-QuAD's.

Every aggregation here combines a one-element list [x] to x, so a combined
value can stand in for the arguments it combines (`leave_one_out` relies on it).

>>> round(Discounted(0.25).combine([0.5, 0.8]), 4)
0.825
>>> Discounted(0.0).combine([0.3, 0.9, 0.2])
0.9
>>> PROBABILISTIC.combine([0.5, 0.5])
0.75
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Below this coefficient a further argument cannot change a double (1 - c x rounds to 1).
NEGLIGIBLE = 2.0**-60


@dataclass(frozen=True)
class Sum:
    """s1 + s2 + ...: every argument adds its full strength."""

    name: str = "sum"

    def combine(self, values: Sequence[float]) -> float:
        return sum(values)

    def partials(self, values: Sequence[float]) -> list[float]:
        return [1.0] * len(values)

    def leave_one_out(self, values: Sequence[float]) -> tuple[float, list[float]]:
        total = sum(values)
        return total, [total - v for v in values]


@dataclass(frozen=True)
class Probabilistic:
    """1 - prod(1 - s): the chance that at least one of independent arguments holds."""

    name: str = "probabilistic"

    def combine(self, values: Sequence[float]) -> float:
        rest = 1.0
        for value in values:
            rest *= 1.0 - value
        return 1.0 - rest

    def partials(self, values: Sequence[float]) -> list[float]:
        """prod over j != i of (1 - s_j), without dividing by zero."""
        prefix, suffix = _prefix_suffix([1.0 - v for v in values])
        return [prefix[i] * suffix[i + 1] for i in range(len(values))]

    def leave_one_out(self, values: Sequence[float]) -> tuple[float, list[float]]:
        prefix, suffix = _prefix_suffix([1.0 - v for v in values])
        return 1.0 - prefix[-1], [1.0 - prefix[i] * suffix[i + 1] for i in range(len(values))]


@dataclass(frozen=True)
class Discounted:
    """1 - (1 - x1)(1 - lam x2)(1 - lam^2 x3)... over the values sorted from the strongest."""

    lam: float
    name: str = "discounted"

    def _sorted(self, values: Sequence[float]) -> list[int]:
        return sorted(range(len(values)), key=lambda i: -values[i])

    def combine(self, values: Sequence[float]) -> float:
        if len(values) <= 1:
            return values[0] if values else 0.0
        if self.lam == 0.0:
            return max(values)
        rest = 1.0
        coefficient = 1.0
        for value in sorted(values, reverse=True):
            rest *= 1.0 - coefficient * value
            coefficient *= self.lam
            if coefficient < NEGLIGIBLE:
                break
        return 1.0 - rest

    def _factors(self, values: Sequence[float]) -> tuple[list[int], list[float]]:
        """The order (strongest first) and each position's coefficient lam^k."""
        order = self._sorted(values)
        coefficients = [1.0] * len(order)
        for k in range(1, len(order)):
            coefficients[k] = coefficients[k - 1] * self.lam
        return order, coefficients

    def partials(self, values: Sequence[float]) -> list[float]:
        """d combine / d x_i = lam^k prod over the other positions (k: x_i's rank).

        Where values tie the function has a kink; this is the derivative along the
        order `sorted` gives them (the one-sided derivative of raising the earlier one).
        """
        if len(values) <= 1:  # the common case: one argument counts fully
            return [1.0] * len(values)
        order, coefficients = self._factors(values)
        terms = [1.0 - c * values[i] for c, i in zip(coefficients, order, strict=True)]
        prefix, suffix = _prefix_suffix(terms)
        result = [0.0] * len(values)
        for k, i in enumerate(order):
            result[i] = coefficients[k] * prefix[k] * suffix[k + 1]
        return result

    def leave_one_out(self, values: Sequence[float]) -> tuple[float, list[float]]:
        """Without the value at rank k, every later value moves up a rank (lam^(j-1))."""
        order, coefficients = self._factors(values)
        count = len(order)
        terms = [1.0 - c * values[i] for c, i in zip(coefficients, order, strict=True)]
        prefix, _ = _prefix_suffix(terms)
        shifted = [1.0] * (count + 1)  # shifted[k] = prod over ranks j >= k of (1 - lam^(j-1) x)
        for k in range(count - 1, 0, -1):
            shifted[k] = shifted[k + 1] * (1.0 - coefficients[k - 1] * values[order[k]])
        without = [0.0] * count
        for k, i in enumerate(order):
            without[i] = 1.0 - prefix[k] * shifted[k + 1]
        return 1.0 - prefix[count], without


Aggregation = Sum | Probabilistic | Discounted

SUM = Sum()
PROBABILISTIC = Probabilistic()


def _prefix_suffix(terms: Sequence[float]) -> tuple[list[float], list[float]]:
    """prefix[k] = prod(terms[:k]), suffix[k] = prod(terms[k:])."""
    count = len(terms)
    prefix = [1.0] * (count + 1)
    for i, term in enumerate(terms):
        prefix[i + 1] = prefix[i] * term
    suffix = [1.0] * (count + 1)
    for i in range(count - 1, -1, -1):
        suffix[i] = suffix[i + 1] * terms[i]
    return prefix, suffix
