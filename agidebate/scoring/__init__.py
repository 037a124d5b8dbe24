"""Scoring: each claim's strength under a published argumentation semantics.

>>> from agidebate.model import Claim, Debate, Edge, Relation
>>> d = Debate(claims={"t": Claim("t", "T"), "a": Claim("a", "A", weight=1.0)},
...            edges=(Edge("a", "t", Relation.ATTACK),), thesis="t")
>>> round(score(d, "qe").scores["t"], 4)
0.25
>>> score(d, "grounded").labels
{'t': 'out', 'a': 'in'}

The public surface is `score()`, `ScoreResult`, `SEMANTICS` and
`semantics_info()`; each semantics lives in its own module (`qe`, `dfquad`,
`euler`, `hcat`, `grounded`) with its formula and reference. What-if
scenarios, explanations, cruxes and verdicts build on `score()` in
`whatif`, `explain`, `cruxes` and `verdict`.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from agidebate.model import Debate
    from agidebate.scoring._result import ScoreResult
    from agidebate.scoring._spec import Spec

__all__ = [
    "DEFAULT_SEMANTICS",
    "SEMANTICS",
    "ScoreResult",
    "SemanticsInfo",
    "base_weights",
    "score",
    "semantics_info",
]

# The one default: every command and the library score with it unless told otherwise.
DEFAULT_SEMANTICS = "dtop"
# Scores in JSON (score --json, export): six decimals.
JSON_DIGITS = 6

SEMANTICS: dict[str, str] = {
    "dtop": "agidebate.scoring.dtop",
    "top": "agidebate.scoring.top",
    "qe": "agidebate.scoring.qe",
    "dfquad": "agidebate.scoring.dfquad",
    "euler": "agidebate.scoring.euler",
    "hcat": "agidebate.scoring.hcat",
    "grounded": "agidebate.scoring.grounded",
}


class _Compute(Protocol):
    def __call__(self, debate: Debate, base: dict[str, float]) -> ScoreResult: ...


@dataclass(frozen=True)
class SemanticsInfo:
    """A semantics' name, what it is called, where it comes from, and its solver spec."""

    name: str
    title: str
    reference: str
    compute: _Compute
    spec: Spec | None

    @property
    def gradual(self) -> bool:
        """True for semantics whose scores depend on the weights (all but grounded)."""
        return self.spec is not None

    @property
    def uses_supports(self) -> bool:
        return self.spec is not None and self.spec.uses_supports

    @property
    def counts_claims(self) -> bool:
        """True for semantics where every extra argument adds (sum or probabilistic sum)."""
        from agidebate.scoring._aggregate import Discounted

        return not (self.spec is not None and isinstance(self.spec.aggregation, Discounted))


def semantics_info(name: str) -> SemanticsInfo:
    """The semantics called `name`; a usage error listing the choices if there is none."""
    module_name = SEMANTICS.get(name)
    if module_name is None:
        from agidebate.suggest import unknown_choice

        raise unknown_choice("semantics", name, SEMANTICS)
    module = importlib.import_module(module_name)
    return SemanticsInfo(
        name, module.TITLE, module.REFERENCE, module.compute, getattr(module, "SPEC", None)
    )


def base_weights(debate: Debate, weights: Mapping[str, float] | None = None) -> dict[str, float]:
    """Each claim's base weight: its `weight`, overridden by `weights`."""
    base = {claim.id: claim.weight for claim in debate}
    if weights:
        base.update((k, v) for k, v in weights.items() if k in base)
    return base


def score(
    debate: Debate,
    semantics: str = DEFAULT_SEMANTICS,
    *,
    weights: Mapping[str, float] | None = None,
) -> ScoreResult:
    """Score every claim of `debate` under `semantics`, with optional base-weight overrides."""
    return semantics_info(semantics).compute(debate, base_weights(debate, weights))


def __getattr__(name: str) -> object:
    # ScoreResult is imported on first use: `--help` reads the registry above and
    # nothing of the engine.
    if name == "ScoreResult":
        from agidebate.scoring._result import ScoreResult

        return ScoreResult
    raise AttributeError(f"module 'agidebate.scoring' has no attribute {name!r}")
