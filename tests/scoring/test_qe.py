"""Quadratic energy (Potyka, KR 2018): literature examples and an independent implementation."""

from __future__ import annotations

import pytest

from agidebate.scoring import score
from agidebate.scoring.qe import h, strength
from tests.scoring.graphs import (
    A,
    S,
    build,
    cyras_example_4_1,
    ref_qe,
    reference_strengths,
    stock_example,
)


def test_cyras_example_4_1() -> None:
    scores = score(cyras_example_4_1(), "qe").scores
    assert scores["a"] == pytest.approx(0.51875517241626, abs=1e-12)
    assert scores["b"] == pytest.approx(0.172413793103448, abs=1e-12)
    assert scores["c"] == pytest.approx(0.625, abs=1e-12)
    assert (scores["d"], scores["e"], scores["f"]) == (0.65, 0.4, 1.0)


def test_stock_example_matches_uncertainpy() -> None:
    # Uncertainpy's QuadraticEnergyModel with RK4 (delta 0.1, epsilon 1e-3), as printed in
    # examples/gradual/gradual_argumentation_examples.ipynb; its stopping rule leaves an
    # error of about 1e-3, hence the tolerance.
    printed = {
        "buy": 0.8208178793031596,
        "sell": 0.36345378093100583,
        "1": 0.20494963930535626,
        "2": 0.8050136080030856,
        "3": 0.165776045953347,
        "4": 0.9,
        "5": 0.9,
    }
    result = score(stock_example(), "qe")
    assert result.converged and result.cycles == 1
    for claim_id, value in printed.items():
        assert result.scores[claim_id] == pytest.approx(value, abs=2e-3), claim_id


def test_stock_example_matches_an_independent_rk4_integration() -> None:
    debate = stock_example()
    expected = reference_strengths(debate, ref_qe)
    scores = score(debate, "qe").scores
    for claim_id, value in expected.items():
        assert scores[claim_id] == pytest.approx(value, abs=1e-8), claim_id


def test_one_certain_attacker_or_supporter() -> None:
    # E = -1: h(1) = 1/2, so s = w - w/2; E = +1: s = w + (1 - w)/2 (Potyka 2018, Def. of QE).
    assert strength(0.5, [], [1.0]) == 0.25
    assert strength(0.5, [1.0], []) == 0.75
    assert strength(0.8, [], []) == 0.8


def test_many_attackers_and_supporters_on_one_claim() -> None:
    attackers = {f"a{i}": 1.0 for i in range(100)}
    debate = build({"t": 0.5, **attackers}, [(a, "t", A) for a in attackers], thesis="t")
    # E = -100: s = w (1 - h(100)) = w / (1 + 100^2)
    assert score(debate, "qe").scores["t"] == pytest.approx(0.5 / 10_001, rel=1e-12)
    supporters = {f"s{i}": 1.0 for i in range(100)}
    balanced = build(
        {"t": 0.3, **attackers, **supporters},
        [(a, "t", A) for a in attackers] + [(s, "t", S) for s in supporters],
        thesis="t",
    )
    assert score(balanced, "qe").scores["t"] == pytest.approx(0.3)  # balance: E = 0 leaves w
    # every extra pro still moves the score (no saturation at any finite count)
    few = build({"t": 0.5, "x": 1.0, "y": 1.0}, [("x", "t", S), ("y", "t", S)], thesis="t")
    assert (
        score(few, "qe").scores["t"]
        < score(
            build(
                {"t": 0.5, "x": 1.0, "y": 1.0, "z": 1.0},
                [("x", "t", S), ("y", "t", S), ("z", "t", S)],
                thesis="t",
            ),
            "qe",
        ).scores["t"]
    )


def test_attacks_and_supports_act_symmetrically() -> None:
    # Duality (Potyka, AAMAS 2019): an attacker pulls w towards 0 as far as the same
    # supporter pushes 1 - w towards 1.
    for weight in (0.2, 0.5, 0.9):
        for x in (0.1, 0.6, 1.0):
            down = weight - strength(weight, [], [x])
            up = strength(1 - weight, [x], []) - (1 - weight)
            assert down == pytest.approx(up)


def test_h_is_the_published_impact_function() -> None:
    assert h(-3.0) == 0.0 and h(0.0) == 0.0
    assert h(1.0) == 0.5 and h(3.0) == pytest.approx(0.9)
