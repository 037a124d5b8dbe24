"""Euler-based semantics (Amgoud and Ben-Naim, ECSQARU 2017 / IJAR 2018)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from agidebate.model import Debate
from agidebate.scoring import score
from agidebate.scoring.euler import strength
from tests.scoring.graphs import (
    A,
    S,
    build,
    e_democracy,
    ref_euler,
    reference_strengths,
    stock_example,
)


def test_formula_by_hand() -> None:
    # s = 1 - (1 - w^2) / (1 + w e^E)
    assert strength(0.5, [1.0], []) == pytest.approx(1 - 0.75 / (1 + 0.5 * math.e))
    assert strength(0.5, [], [1.0]) == pytest.approx(1 - 0.75 / (1 + 0.5 / math.e))
    assert strength(0.3, [0.4], [0.4]) == pytest.approx(0.3)  # E = 0 leaves w


def test_bounds_from_the_paper() -> None:
    # Without pros and cons the strength is the weight; attacks never push it below w^2;
    # a claim with weight 0 stays at 0 whatever supports it (Amgoud and Ben-Naim 2017).
    for w in (0.0, 0.3, 0.9, 1.0):
        assert strength(w, [], []) == pytest.approx(w)
        assert strength(w, [], [1.0] * 50) >= w * w - 1e-12
    assert strength(0.0, [1.0] * 1000, []) == 0.0
    assert strength(0.9, [1.0] * 1000, []) == pytest.approx(1.0)  # no overflow


def test_many_attackers_on_one_claim() -> None:
    attackers = {f"a{i}": 1.0 for i in range(40)}
    debate = build({"t": 0.6, **attackers}, [(a, "t", A) for a in attackers], thesis="t")
    expected = 1 - (1 - 0.36) / (1 + 0.6 * math.exp(-40))
    assert score(debate, "euler").scores["t"] == pytest.approx(expected, abs=1e-15)


@pytest.mark.parametrize("example", [e_democracy, stock_example])
def test_matches_an_independent_rk4_integration(example: Callable[[], Debate]) -> None:
    # The reference transcribes Uncertainpy's ContinuousEulerBasedModel and integrates by RK4.
    debate = example()
    expected = reference_strengths(debate, ref_euler)
    result = score(debate, "euler")
    assert result.converged
    for claim_id, value in expected.items():
        assert result.scores[claim_id] == pytest.approx(value, abs=1e-8), claim_id


def test_supports_count() -> None:
    debate = build({"t": 0.5, "p": 0.8}, [("p", "t", S)], thesis="t")
    assert score(debate, "euler").scores["t"] > 0.5
