"""Where two readers part ways (`cruxes --between A B`), and what it takes to flip a verdict
(`cruxes --flip`).

**Between.** Readers A and B weigh claims (and links) differently. For each claim
whose credence differs, the exact effect of that one disagreement on the verdict:

    effect(c) = 1/2 [ (V_A - V_A[c := B's credence]) + (V_B[c := A's credence] - V_B) ]

the average of "how much A's verdict drops if A took B's view of c" and "how
much B's verdict rises if B took A's view of c" (positive: A's view of c is the
one that favours the thesis). Links whose impact differs get the same treatment
with the impact in place of the credence. When the verdict is linear in c's
credence (under `dtop`, a claim's strength is linear in its base weight; the
thesis is linear in it when nothing between them sorts or saturates), the
effect equals the credence difference times the swing, (a - b) x swing(c).
Every term is an exact incremental re-evaluation (see `_evaluation`).

**Flip.** Greedy: repeatedly apply the single credence change -- one claim set
to 0 or to 1 -- that moves the verdict furthest towards and past 0.5, until the
verdict crosses 0.5. Greedy is not guaranteed to find the fewest changes; it
finds a short list of changes that suffices, each one the strongest next step.
It stops after `FLIP_STEPS` changes, or when what is left of `FLIP_BUDGET` input
reads cannot pay for the next claim's re-evaluation (its cycles solved again);
the report then says the bound stopped it.
"""

from __future__ import annotations

from dataclasses import dataclass

from agidebate.model import Debate, WeightProfile
from agidebate.scoring import SemanticsInfo
from agidebate.scoring._evaluation import Evaluation
from agidebate.scoring.cruxes import evaluate, gradual
from agidebate.scoring.whatif import Applied, Scenario, apply, profile_name

FLIP_STEPS = 50
FLIP_BUDGET = 20_000_000


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One claim (or link: `target` set) the two readers weigh differently, and its effect."""

    id: str
    a: float
    b: float
    effect: float
    target: str | None = None  # for a link: source `id` -> `target`

    @property
    def link(self) -> bool:
        return self.target is not None


@dataclass(frozen=True)
class BetweenReport:
    """The verdicts of two readers and their disagreements, largest effect first."""

    info: SemanticsInfo
    names: tuple[str, str]
    a: Applied
    b: Applied
    thesis: str
    value_a: float
    value_b: float
    disagreements: list[Disagreement]


def between(
    debate: Debate,
    semantics: str,
    first: WeightProfile | None,
    second: WeightProfile | None,
    scenario: Scenario | None = None,
) -> BetweenReport:
    """Each disagreement between perspectives `first` and `second` (None: the debate's own)."""
    info, thesis = gradual(semantics, debate)
    scenario = scenario or Scenario()
    a = apply(debate, scenario.with_perspective(first))
    b = apply(debate, scenario.with_perspective(second))
    eval_a, eval_b = evaluate(info, a), evaluate(info, b)
    target = eval_a.net.index[thesis]
    value_a, value_b = eval_a.strengths[target], eval_b.strengths[target]
    found = [
        Disagreement(
            cid,
            eval_a.base[node],
            eval_b.base[node],
            0.5
            * (
                (value_a - eval_a.what_if({node: eval_b.base[node]}, target)[0])
                + (eval_b.what_if({node: eval_a.base[node]}, target)[0] - value_b)
            ),
        )
        for node, cid in enumerate(eval_a.net.ids)
        if eval_a.base[node] != eval_b.base[node]
    ]
    found += _link_disagreements(eval_a, eval_b, a, b, target)
    found.sort(key=lambda d: (-abs(d.effect), d.id, d.target or ""))
    names = (profile_name(first), profile_name(second))
    return BetweenReport(info, names, a, b, thesis, value_a, value_b, found)


def _link_disagreements(
    eval_a: Evaluation, eval_b: Evaluation, a: Applied, b: Applied, target: int
) -> list[Disagreement]:
    impacts_a = {(e.source, e.target): e.impact for e in a.debate.edges}
    impacts_b = {(e.source, e.target): e.impact for e in b.debate.edges}
    index = eval_a.net.index
    value_a, value_b = eval_a.strengths[target], eval_b.strengths[target]
    found = []
    for (source, to), impact_a in impacts_a.items():
        impact_b = impacts_b.get((source, to), impact_a)
        if impact_a == impact_b:
            continue
        i, j = index[source], index[to]
        effect = 0.5 * (
            (value_a - eval_a.with_link_impact(i, j, impact_b, target))
            + (eval_b.with_link_impact(i, j, impact_a, target) - value_b)
        )
        found.append(Disagreement(source, impact_a, impact_b, effect, to))
    return found


@dataclass(frozen=True, slots=True)
class FlipStep:
    """One credence change of the greedy flip, and the verdict after it."""

    id: str
    before: float
    after: float
    verdict: float


@dataclass(frozen=True)
class FlipReport:
    """The greedy list of changes that carries the verdict across 0.5 (if it got there)."""

    info: SemanticsInfo
    applied: Applied
    thesis: str
    start: float
    steps: list[FlipStep]
    crossed: bool
    bounded: bool = False  # the work bound stopped the search


def flip(debate: Debate, semantics: str, scenario: Scenario | None = None) -> FlipReport:
    """Greedy credence changes (claims to 0 or 1) until the verdict crosses 0.5."""
    info, thesis = gradual(semantics, debate)
    applied = apply(debate, scenario or Scenario())
    evaluation = evaluate(info, applied)
    target = evaluation.net.index[thesis]
    start = evaluation.strengths[target]
    steps: list[FlipStep] = []
    budget = [FLIP_BUDGET]  # what is left, shared by every step
    down = start > 0.5
    while start != 0.5 and len(steps) < FLIP_STEPS and budget[0] > 0:
        best = _best_change(evaluation, target, down, budget)
        if best is None:
            break
        node, weight, value = best
        steps.append(FlipStep(evaluation.net.ids[node], evaluation.base[node], weight, value))
        budget[0] -= evaluation.commit({node: weight})
        if (value < 0.5) if down else (value > 0.5):
            break
    crossed = bool(steps) and ((steps[-1].verdict < 0.5) if down else (steps[-1].verdict > 0.5))
    return FlipReport(info, applied, thesis, start, steps, crossed, budget[0] <= 0)


def _best_change(
    evaluation: Evaluation, target: int, down: bool, budget: list[int]
) -> tuple[int, float, float] | None:
    """The one claim at 0 or 1 that moves the target furthest the wanted way, if any moves it.

    Claims whose change would cost more than what is left of `budget` (their cycles solved
    again) are passed over; `budget[0]` goes down by what the others cost.
    """
    now = evaluation.strengths[target]
    best: tuple[int, float, float] | None = None
    gain = 0.0
    for node in range(len(evaluation.net)):
        if node == target:
            continue
        for weight in (0.0, 1.0):
            if evaluation.base[node] == weight:
                continue
            if evaluation.cost_of_changing(node) > budget[0]:
                budget[0] = 0
                return best
            value, cost = evaluation.what_if({node: weight}, target)
            budget[0] -= cost
            moved = now - value if down else value - now
            if moved > gain:
                best, gain = (node, weight, value), moved
    return best
