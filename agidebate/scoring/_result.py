"""What scoring returns: strengths by claim id, and how they were computed."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ScoreResult:
    """Strengths in [0, 1] by claim id, and how they were computed.

    `base` holds the base weights used (after perspectives and overrides);
    `converged` is False when a cycle did not settle within the step cap, and
    then `residual` says how far from settled it was; `iterations` counts the
    integration steps of the slowest cycle (1 for a graph without cycles);
    `labels` maps ids to `in`, `out` or `undec` under the grounded semantics;
    `cycles` counts the groups of claims that argue about each other in a circle.
    """

    semantics: str
    scores: dict[str, float]
    base: dict[str, float]
    converged: bool = True
    iterations: int = 1
    labels: dict[str, str] | None = field(default=None)
    residual: float = 0.0
    cycles: int = 0
