"""`agidebate test`: do the scores still say what the debate's perspectives expect?

A perspective file (and debate.yaml, for the debate's own weights) may carry
`expect:` ranges (`model.Expect`): the thesis under the default semantics
(`verdict`), the thesis under named semantics, and single claims under the default
semantics. Each range becomes one row: who expects it, what, the range, the score
the debate gives, and whether it holds. Scoring reads no files: the perspectives
are read first (`format.perspectives`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from agidebate.errors import Location
from agidebate.model import Debate, Expect, Perspective, Range
from agidebate.scoring import DEFAULT_SEMANTICS, SEMANTICS, base_weights, semantics_info
from agidebate.scoring.whatif import BASE, Scenario, apply

# Why an expectation cannot be scored (`Row.problem`).
NO_THESIS, NO_CLAIM, NO_SEMANTICS = "no-thesis", "no-claim", "no-semantics"


@dataclass(frozen=True, slots=True)
class Row:
    """One expectation and what the debate gives: `got` is None when it cannot be scored,
    and `problem` says why (`NO_THESIS`, `NO_CLAIM`, `NO_SEMANTICS`)."""

    perspective: str
    semantics: str
    claim: str | None  # None: the thesis
    expected: Range
    got: float | None
    location: Location | None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.got is not None and self.expected.holds(self.got)


def expectations(debate: Debate, perspectives: Iterable[Perspective]) -> list[Row]:
    """Every expectation of debate.yaml (`base`) and of `perspectives`, in that order."""
    rows: list[Row] = []
    readers: list[tuple[str, Perspective | None, Expect | None]] = [(BASE, None, debate.expect)]
    readers += [(p.name, p, p.expect) for p in perspectives]
    for name, profile, expect in readers:
        if expect is not None:
            rows += _rows(debate, name, profile, expect)
    return rows


def _rows(debate: Debate, name: str, profile: Perspective | None, expect: Expect) -> list[Row]:
    wanted: list[tuple[str, str | None, Range]] = []
    if expect.verdict is not None:
        wanted.append((DEFAULT_SEMANTICS, None, expect.verdict))
    wanted += [(semantics, None, r) for semantics, r in expect.semantics.items()]
    wanted += [(DEFAULT_SEMANTICS, claim, r) for claim, r in expect.claims.items()]
    known = {semantics for semantics, _, _ in wanted if semantics in SEMANTICS}
    scores = _scores(debate, profile, known)
    rows = []
    for semantics, claim, expected in wanted:
        target = claim if claim is not None else debate.thesis
        problem = (
            NO_SEMANTICS
            if semantics not in SEMANTICS
            else NO_THESIS
            if target is None
            else NO_CLAIM
            if target not in debate.claims
            else None
        )
        got = scores[semantics][target] if problem is None and target is not None else None
        location = expected.location or expect.location
        rows.append(Row(name, semantics, claim, expected, got, location, problem))
    return rows


def _scores(
    debate: Debate, profile: Perspective | None, names: set[str]
) -> dict[str, dict[str, float]]:
    """Every claim's score under each semantics in `names`, with `profile`'s weights."""
    applied = apply(debate, Scenario(perspective=profile))
    base = base_weights(applied.debate, applied.weights)
    return {name: semantics_info(name).compute(applied.debate, base).scores for name in names}
