"""Cruxes: the claims whose base weight decides the thesis, under a what-if scenario.

Every claim's swing -- the thesis's score with the claim's weight at 1 minus its
score at 0, everything else as is -- is computed exactly, by evaluating again
only what the claim reaches (see `sensitivity`), and the claims are ranked by the
size of the swing. Neither the thesis itself nor claims that do not move it at
all are listed. Under the grounded semantics weights play no part, so there are
no cruxes to rank. `disagreement` builds on this: `cruxes --between A B` and
`cruxes --flip`.
"""

from __future__ import annotations

from dataclasses import dataclass

from agidebate.errors import UsageError
from agidebate.i18n import _
from agidebate.model import Debate
from agidebate.scoring import SEMANTICS, SemanticsInfo, base_weights, semantics_info
from agidebate.scoring._evaluation import Evaluation
from agidebate.scoring.sensitivity import Crux, rank, swings
from agidebate.scoring.whatif import Applied, Scenario, apply


@dataclass(frozen=True)
class CruxReport:
    """The ranked cruxes of a scenario, and the thesis's score they move."""

    info: SemanticsInfo
    applied: Applied
    thesis: str
    score: float
    converged: bool
    cruxes: list[Crux]
    moving: int = 0  # how many claims move the thesis at all


def gradual(semantics: str, debate: Debate) -> tuple[SemanticsInfo, str]:
    """The semantics and the thesis, or the usage error that says why there are no cruxes."""
    info = semantics_info(semantics)
    if info.spec is None:
        gradual_names = [name for name in SEMANTICS if semantics_info(name).gradual]
        raise UsageError(
            _(
                "the {semantics} semantics ignores weights, so no claim's weight can be a crux",
                semantics=semantics,
            ),
            _("use a gradual semantics: {names}", names=", ".join(gradual_names)),
        )
    if debate.thesis is None:
        raise UsageError(
            _("this debate has no thesis; cruxes are ranked by their effect on the thesis"),
            _("add `thesis:` to debate.yaml"),
        )
    return info, debate.thesis


def evaluate(info: SemanticsInfo, applied: Applied) -> Evaluation:
    """The scenario solved under a gradual semantics, ready for what-if questions."""
    assert info.spec is not None
    return Evaluation(info.spec, applied.debate, base_weights(applied.debate, applied.weights))


def crux_report(
    debate: Debate, semantics: str, scenario: Scenario | None = None, top: int = 10
) -> CruxReport:
    """The `top` cruxes of `debate` under `semantics` and `scenario`."""
    info, thesis = gradual(semantics, debate)
    applied = apply(debate, scenario or Scenario())
    evaluation = evaluate(info, applied)
    found, _ = swings(evaluation, thesis)
    ranked = rank(found)
    return CruxReport(
        info,
        applied,
        thesis,
        evaluation.strength(thesis),
        evaluation.converged,
        ranked[:top],
        len(ranked),
    )
