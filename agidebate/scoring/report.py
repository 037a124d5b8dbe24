"""Everything `agidebate score` reports, as data: scores, verdict, topic balances, robustness.

`score_report()` applies a what-if scenario, scores the debate and reads the
result; `compare_reports()` does it for two perspectives and lists the claims
where they differ most; `report_json()` is the `--json` contract.

How sure a verdict is ("robustness"): the thesis's sensitivity to every claim's
weight is computed in one linear pass (see `sensitivity`), and the exact swing
-- the thesis's score with that one weight at 0 and at 1 -- for the most
sensitive claims. The verdict is *firm* when none of them can carry the thesis
across 0.5 on its own, *fragile* when one can (that claim is named).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agidebate.model import Debate, WeightProfile
from agidebate.scoring import ScoreResult, SemanticsInfo, semantics_info
from agidebate.scoring.sensitivity import Crux, cruxes
from agidebate.scoring.verdict import TopicBalance, Verdict, topic_balances, verdict
from agidebate.scoring.whatif import BASE, Applied, Scenario, apply

ROBUSTNESS_CLAIMS = 5
ROBUSTNESS_BUDGET = 500_000  # claim updates in cycles; beyond it swings are estimated


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
    verdict: Verdict | None
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
    result = info.compute(applied.debate, _base(applied))
    thesis = applied.debate.thesis
    read = verdict(result.scores[thesis]) if thesis is not None else None
    sure = None
    if robustness and thesis is not None and info.spec is not None and len(applied.debate) > 1:
        sure = robustness_of(info, applied, thesis)
    return ScoreReport(
        info, applied, result, read, topic_balances(applied.debate, result.scores), sure
    )


def _base(applied: Applied) -> dict[str, float]:
    from agidebate.scoring import base_weights

    return base_weights(applied.debate, applied.weights)


def robustness_of(info: SemanticsInfo, applied: Applied, thesis: str) -> Robustness:
    """Check whether any of the most decisive claims can flip the thesis across 0.5 alone."""
    assert info.spec is not None
    found, evaluation = cruxes(
        info.spec, applied.debate, _base(applied), thesis, ROBUSTNESS_CLAIMS, ROBUSTNESS_BUDGET
    )
    now = evaluation.strength(thesis)
    leans_for = now > 0.5
    flips = [c for c in found if (c.low > 0.5) != leans_for or (c.high > 0.5) != leans_for]
    return Robustness(now, len(found), found[0] if found else None, flips)


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
        (_name(first), _name(second)), a, b, [d for d in differences if d.change != 0.0]
    )


def _name(profile: WeightProfile | None) -> str:
    return BASE if profile is None else profile.name
