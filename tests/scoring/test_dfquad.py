"""DF-QuAD (Rago, Toni, Aurisicchio, Baroni, KR 2016): literature examples, independent code."""

from __future__ import annotations

import pytest

from agidebate.scoring import score
from agidebate.scoring.dfquad import combined, gradient, strength
from tests.scoring.graphs import A, S, build, e_democracy, ref_dfquad, reference_strengths


def test_e_democracy_example() -> None:
    # By the definitions of Rago et al. 2016: P2 = 0.5 - 0.5 (1 - 0.8 * 0.4 * 0.5) = 0.08,
    # A1 = 0.5 + 0.5 (1 - 0.3 * 0.92) = 0.862, A2 = 0.5 + 0.5 (0.9 - 0.2) = 0.85. Uncertainpy's
    # forward propagation prints the same (gradual_argumentation_examples.ipynb).
    scores = score(e_democracy(), "dfquad").scores
    assert scores["P2"] == pytest.approx(0.08, abs=1e-12)
    assert scores["A1"] == pytest.approx(0.862, abs=1e-12)
    assert scores["A2"] == pytest.approx(0.85, abs=1e-12)


def test_e_democracy_matches_the_continuous_model() -> None:
    # Uncertainpy's continuous DF-QuAD (RK4, epsilon 1e-3) prints A1 = 0.86205, A2 = 0.84921;
    # integrated to 1e-12 the continuous model reaches the exact acyclic values.
    expected = reference_strengths(e_democracy(), ref_dfquad)
    scores = score(e_democracy(), "dfquad").scores
    assert scores["A1"] == pytest.approx(0.8620500122573919, abs=2e-3)
    assert scores["A2"] == pytest.approx(0.84921499196052, abs=2e-3)
    for claim_id, value in expected.items():
        assert scores[claim_id] == pytest.approx(value, abs=1e-9), claim_id


def test_mutual_attack_matches_qbaf_py() -> None:
    # TimKam/Quantitative-Bipolar-Argumentation tests/test_cycles.py: a (1.0) and b (0.5)
    # attack each other; its DF-QuAD solver gives a = 0.9999999990686774, b = 0.0. The unique
    # fixed point is a = 1 - b, b = 0.5 - 0.5 a, i.e. a = 1, b = 0.
    result = score(build({"a": 1.0, "b": 0.5}, [("a", "b", A), ("b", "a", A)]), "dfquad")
    assert result.converged
    assert result.scores["a"] == pytest.approx(1.0, abs=1e-8)
    assert result.scores["b"] == pytest.approx(0.0, abs=1e-8)


def test_many_attackers_and_supporters_on_one_claim() -> None:
    attackers = {f"a{i}": 0.5 for i in range(3)}
    three = build({"t": 0.8, **attackers}, [(a, "t", A) for a in attackers], thesis="t")
    assert score(three, "dfquad").scores["t"] == pytest.approx(0.8 * 0.125)  # v_con = 0.875
    # one certain attacker wins outright; a hundred more change nothing
    many = {f"m{i}": 0.3 for i in range(100)}
    certain = build(
        {"t": 0.9, "k": 1.0, **many}, [("k", "t", A)] + [(m, "t", A) for m in many], thesis="t"
    )
    assert score(certain, "dfquad").scores["t"] == 0.0
    # pros and cons of equal combined strength cancel exactly
    even = build(
        {"t": 0.4, "p": 0.6, "c": 0.6, "q": 0.0},
        [("p", "t", S), ("c", "t", A), ("q", "t", S)],
        thesis="t",
    )
    assert score(even, "dfquad").scores["t"] == pytest.approx(0.4)


def test_combined_strength_is_a_probabilistic_sum() -> None:
    assert combined([]) == 0.0
    assert combined([0.5, 0.5]) == 0.75
    assert combined([1.0, 0.2]) == 1.0


def test_gradient_with_a_certain_attacker() -> None:
    # d v_con / d a_i is the product of (1 - a_j) over the other attackers: 0 beside a certain one
    grad = gradient(0.5, [], [1.0, 0.4])
    assert grad.attackers == [pytest.approx(-0.5 * 0.6), 0.0]
    assert grad.weight == pytest.approx(1.0 - 1.0)
    assert strength(0.5, [], [1.0, 0.4]) == 0.0
