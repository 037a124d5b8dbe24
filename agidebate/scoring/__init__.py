"""Scoring: each claim's strength under a published argumentation semantics.

>>> from agidebate.model import Claim, Debate, Edge, Relation
>>> d = Debate(claims={"t": Claim("t", "T"), "a": Claim("a", "A", weight=1.0)},
...            edges=(Edge("a", "t", Relation.ATTACK),), thesis="t")
>>> round(score(d, "qe").scores["t"], 4)
0.25

The public surface is `score()`, `ScoreResult` and `SEMANTICS`; each semantics
lives in its own module.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from agidebate.errors import UsageError

if TYPE_CHECKING:
    from agidebate.model import Debate

DEFAULT_SEMANTICS = "qe"


@dataclass(frozen=True)
class ScoreResult:
    """Strengths in [0, 1] by claim id, and how they were computed."""

    semantics: str
    scores: dict[str, float]
    base: dict[str, float]
    converged: bool = True
    iterations: int = 1
    labels: dict[str, str] | None = field(default=None)


class Semantics(Protocol):
    def __call__(self, debate: Debate, base: Mapping[str, float]) -> ScoreResult: ...


SEMANTICS: dict[str, str] = {
    "qe": "agidebate.scoring.qe",
}


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
    module = SEMANTICS.get(semantics)
    if module is None:
        raise UsageError(
            f"unknown semantics '{semantics}'", "choose one of: " + ", ".join(SEMANTICS)
        )
    compute: Semantics = importlib.import_module(module).compute
    return compute(debate, base_weights(debate, weights))
