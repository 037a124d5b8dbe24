"""Everything `agidebate score` reports, as data: scores, verdict, topic balances, robustness.

`score_report()` applies a what-if scenario, scores the debate and reads the
result; `all_semantics()` does it under every registered semantics;
`compare_reports()` does it for two perspectives and lists the claims where
they differ most. `query.records.report_json()` is the `--json` contract.

The verdict (`thesis.ThesisVerdict`) carries the band over the claims a reader's
weights leave free (`band`), the best argument each way and Carneades' proof
standard. How sure it is ("robustness"): the exact swing -- the thesis's score
with one claim's weight at 0 and at 1 -- of the claims with the steepest slopes.
The verdict is *firm* when none of them can carry the thesis across 0.5 on its
own, *fragile* when one can (that claim is named).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agidebate.model import Debate, WeightProfile
from agidebate.scoring import SEMANTICS, ScoreResult, SemanticsInfo, base_weights, semantics_info
from agidebate.scoring._aggregate import PROBABILISTIC, SUM
from agidebate.scoring._evaluation import Evaluation
from agidebate.scoring._network import Network
from agidebate.scoring.band import bands
from agidebate.scoring.sensitivity import Crux, swings
from agidebate.scoring.thesis import ThesisVerdict, read_thesis
from agidebate.scoring.topics import TopicBalance, topic_balances
from agidebate.scoring.whatif import Applied, Scenario, apply, profile_name

ROBUSTNESS_CLAIMS = 5
ROBUSTNESS_BUDGET = 1_000_000  # input reads; beyond it swings are estimated from slopes


@dataclass(frozen=True)
class Robustness:
    """Whether a single claim's weight can flip the verdict, and the claim that moves it most."""

    now: float
    checked: int
    strongest: Crux | None
    flips: list[Crux] = field(default_factory=list)

    @property
    def firm(self) -> bool:
        return not self.flips

    def tipping_end(self, crux: Crux) -> tuple[int, float]:
        """The weight (0 or 1) at which `crux` carries the thesis across 0.5, and its score then."""
        leans_for = self.now > 0.5
        return (0, crux.low) if (crux.low > 0.5) != leans_for else (1, crux.high)


@dataclass(frozen=True)
class ScoreReport:
    """A scored scenario and how to read it."""

    info: SemanticsInfo
    applied: Applied
    result: ScoreResult
    verdict: ThesisVerdict | None
    topics: list[TopicBalance]
    robustness: Robustness | None

    @property
    def debate(self) -> Debate:
        return self.applied.debate

    @property
    def thesis(self) -> str | None:
        return self.debate.thesis


def score_report(
    debate: Debate, semantics: str, scenario: Scenario | None = None, *, robustness: bool = True
) -> ScoreReport:
    """Score `debate` under `semantics` and `scenario`, with verdict, balances and robustness."""
    info = semantics_info(semantics)
    applied = apply(debate, scenario or Scenario())
    base = base_weights(applied.debate, applied.weights)
    thesis = applied.debate.thesis
    if info.spec is None:
        result = info.compute(applied.debate, base)
        net = Network.of(applied.debate)
        strengths = [result.scores[cid] for cid in net.ids]
        read = None
        if thesis is not None:
            read = read_thesis(net, strengths, net.index[thesis], PROBABILISTIC, False)
        topics = topic_balances(applied.debate, result.scores, SUM)
        return ScoreReport(info, applied, result, read, topics, None)
    spec = info.spec
    evaluation = Evaluation(spec, applied.debate, base)
    result = evaluation.result(info.name, base)
    read, sure = None, None
    if thesis is not None:
        read = read_thesis(
            evaluation.net,
            evaluation.strengths,
            evaluation.net.index[thesis],
            spec.cut,
            spec.uses_supports,
            thesis_band(evaluation, applied, thesis),
        )
        if robustness and len(applied.debate) > 1:
            sure = robustness_of(evaluation, thesis)
    topics = topic_balances(applied.debate, result.scores, spec.aggregation)
    return ScoreReport(info, applied, result, read, topics, sure)


def thesis_band(
    evaluation: Evaluation, applied: Applied, thesis: str
) -> tuple[float, float] | None:
    """The thesis's band over the claims the reader's weights leave free (None: no reader)."""
    if not applied.reader:
        return None
    net = evaluation.net
    free = [cid != thesis and cid not in applied.weights for cid in net.ids]
    low, high = bands(evaluation.spec, net, evaluation.base, free)
    node = net.index[thesis]
    return low[node], high[node]


def robustness_of(evaluation: Evaluation, thesis: str) -> Robustness:
    """Check whether any of the most decisive claims can flip the thesis across 0.5 alone."""
    found, _ = swings(evaluation, thesis, ROBUSTNESS_BUDGET, ROBUSTNESS_CLAIMS)
    found.sort(key=lambda c: (-abs(c.swing), c.id))
    now = evaluation.strength(thesis)
    leans_for = now > 0.5
    flips = [c for c in found if (c.low > 0.5) != leans_for or (c.high > 0.5) != leans_for]
    return Robustness(now, len(found), found[0] if found else None, flips)


def all_semantics(debate: Debate, scenario: Scenario | None = None) -> list[ScoreReport]:
    """The report under every registered semantics, in registry order (no robustness)."""
    return [score_report(debate, name, scenario, robustness=False) for name in SEMANTICS]


@dataclass(frozen=True, slots=True)
class Difference:
    """One claim's score under two scenarios."""

    id: str
    a: float
    b: float
    base_a: float
    base_b: float

    @property
    def change(self) -> float:
        return self.b - self.a


@dataclass(frozen=True)
class Comparison:
    """Two scored perspectives side by side, and the claims where they differ most."""

    names: tuple[str, str]
    a: ScoreReport
    b: ScoreReport
    differences: list[Difference]


def compare_reports(
    debate: Debate,
    semantics: str,
    first: WeightProfile | None,
    second: WeightProfile | None,
    scenario: Scenario | None = None,
) -> Comparison:
    """Score under perspectives `first` and `second` (None: the debate's own weights)."""
    scenario = scenario or Scenario()
    a = score_report(debate, semantics, scenario.with_perspective(first), robustness=False)
    b = score_report(debate, semantics, scenario.with_perspective(second), robustness=False)
    shared = [cid for cid in a.result.scores if cid in b.result.scores]
    differences = [
        Difference(
            cid, a.result.scores[cid], b.result.scores[cid], a.result.base[cid], b.result.base[cid]
        )
        for cid in shared
    ]
    differences.sort(key=lambda d: (-abs(d.change), d.id))
    return Comparison(
        (profile_name(first), profile_name(second)),
        a,
        b,
        [d for d in differences if d.change != 0.0],
    )
