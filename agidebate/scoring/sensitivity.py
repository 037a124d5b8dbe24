"""How much the thesis's strength depends on each claim's base weight: exact swings.

The swing of a claim is the thesis's strength with that claim's base weight at 1
minus the thesis's strength with it at 0, everything else as is. It is computed
exactly for every claim, by evaluating again only what the claim reaches (its
path to the thesis, in a tree) and stopping where a value comes out the same
(see `_evaluation`). That is linear in the claims times the length of the paths
they change: on a debate 25 levels deep, 10,000 claims take about a second.

What bounds it: cycles are solved again whole, and a chain whose changes never
die out makes every claim's path long. So exact swings are computed in the
order of the slopes (d thesis / d weight, one linear backward pass), steepest
first, while the work spent plus what the next claim would cost (its cycles
downstream, as the first solve measured them) stays within `SWING_BUDGET`
input reads; every other claim gets a swing estimated from its slope (a
straight line through today's value), marked `exact=False`. Acyclic debates of
the sizes the benchmarks use never reach the budget.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from agidebate.model import Debate
from agidebate.scoring._evaluation import Evaluation
from agidebate.scoring._solver import TOLERANCE
from agidebate.scoring._spec import Spec

# Input reads that exact swings may cost in all: 2 to 3 s on the machine that runs the
# benchmarks (docs/performance.md).
SWING_BUDGET = 5_000_000


@dataclass(frozen=True, slots=True)
class Crux:
    """One claim's hold on the thesis: the slope, and the thesis at weight 0 and 1."""

    id: str
    weight: float
    score: float
    slope: float
    low: float
    high: float
    exact: bool = True

    @property
    def swing(self) -> float:
        """How far the thesis moves as this claim's weight goes from 0 to 1 (signed)."""
        return self.high - self.low


def swings(
    evaluation: Evaluation, target: str, budget: int | None = None, count: int | None = None
) -> tuple[list[Crux], int]:
    """Every claim's swing on `target` (the target itself excluded), and the work spent.

    Exact while the work stays within `budget` (default `SWING_BUDGET`), in the order
    of the steepest slopes; estimated from the slope after that. With `count`, only
    the `count` claims with the steepest slopes.
    """
    net = evaluation.net
    slopes = evaluation.slopes(target)
    target_node = net.index[target]
    order = sorted(
        (node for node in range(len(net)) if node != target_node),
        key=lambda node: (-abs(slopes[node]), net.ids[node]),
    )
    if count is not None:
        order = order[:count]
    limit = SWING_BUDGET if budget is None else budget
    spent = 0
    found: list[Crux] = []
    now = evaluation.strengths[target_node]
    for node in order:
        weight = evaluation.base[node]
        if spent + 2 * evaluation.cost_of_changing(node) <= limit:
            low, low_work = evaluation.what_if({node: 0.0}, target_node)
            high, high_work = evaluation.what_if({node: 1.0}, target_node)
            spent += low_work + high_work
            exact = True
        else:
            low = min(max(now - slopes[node] * weight, 0.0), 1.0)
            high = min(max(now + slopes[node] * (1.0 - weight), 0.0), 1.0)
            exact = False
        found.append(
            Crux(
                net.ids[node],
                weight,
                evaluation.strengths[node],
                slopes[node],
                low,
                high,
                exact,
            )
        )
    return found, spent


def rank(found: list[Crux]) -> list[Crux]:
    """Claims that move the thesis (by more than numerical noise), widest swing first."""
    kept = [c for c in found if abs(c.swing) > TOLERANCE]
    kept.sort(key=lambda c: (-abs(c.swing), -abs(c.slope), c.id))
    return kept


def cruxes(
    spec: Spec,
    debate: Debate,
    base: Mapping[str, float],
    target: str,
    top: int,
    budget: int | None = None,
) -> tuple[list[Crux], Evaluation]:
    """The `top` claims whose base weight moves `target` most, by swing."""
    evaluation = Evaluation(spec, debate, base)
    found, _ = swings(evaluation, target, budget)
    return rank(found)[:top], evaluation
