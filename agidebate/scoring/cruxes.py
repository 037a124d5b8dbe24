"""Cruxes: the claims whose base weight decides the thesis, under a what-if scenario.

The method (see `sensitivity` for the details): one backward pass gives the
derivative of the thesis's score with respect to every claim's weight, in time
linear in claims plus relations; for the claims with the steepest derivatives
(three times as many as asked for, at least 20 more) the exact swing is
computed -- the thesis's score with the claim's weight at 0 and at 1 -- by
re-solving only what lies downstream of the claim. When cycles make those
re-solves costly, a work budget
caps them and the remaining swings are estimated from the slope, and marked
so (`exact: false`). Cruxes are ranked by the
size of the swing. Neither the thesis itself nor claims that do not move it
at all are listed. Under the grounded
semantics weights play no part, so there are no cruxes to rank.
"""

from __future__ import annotations

from dataclasses import dataclass

from agidebate.errors import UsageError
from agidebate.model import Debate
from agidebate.scoring import SemanticsInfo, base_weights, semantics_info
from agidebate.scoring.sensitivity import Crux, cruxes
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


def crux_report(
    debate: Debate, semantics: str, scenario: Scenario | None = None, top: int = 10
) -> CruxReport:
    """The `top` cruxes of `debate` under `semantics` and `scenario`."""
    info = semantics_info(semantics)
    if info.spec is None:
        raise UsageError(
            f"the {semantics} semantics ignores weights, so no claim's weight can be a crux",
            "use a gradual semantics: qe, dfquad, euler or hcat",
        )
    if debate.thesis is None:
        raise UsageError(
            "this debate has no thesis; cruxes are ranked by their effect on the thesis",
            "add `thesis:` to debate.yaml",
        )
    applied = apply(debate, scenario or Scenario())
    base = base_weights(applied.debate, applied.weights)
    found, evaluation = cruxes(info.spec, applied.debate, base, debate.thesis, top)
    return CruxReport(
        info,
        applied,
        debate.thesis,
        evaluation.strength(debate.thesis),
        evaluation.converged,
        found,
    )
