"""dtop, the default: the toy debates of issue 16, the padding bound, the aggregations."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agidebate.scoring import DEFAULT_SEMANTICS, score
from agidebate.scoring._aggregate import PROBABILISTIC, SUM, Discounted
from agidebate.scoring._modular import modular_spec
from agidebate.scoring._solver import solve
from agidebate.scoring.dtop import LAMBDA, padding_bound, strength
from tests.scoring.graphs import A, S, build, e_democracy

STRENGTH = st.floats(0.0, 1.0, allow_nan=False)


def thesis(weights: dict[str, float], pros: list[str], cons: list[str]) -> float:
    links = [(p, "t", S) for p in pros] + [(c, "t", A) for c in cons]
    return score(build({"t": 0.5, **weights}, links, thesis="t")).scores["t"]


def test_dtop_is_the_default() -> None:
    assert DEFAULT_SEMANTICS == "dtop"


def test_neutral_thirteen_pros_against_ten_cons_is_a_draw() -> None:
    pros, cons = [f"p{i}" for i in range(13)], [f"c{i}" for i in range(10)]
    value = thesis(dict.fromkeys(pros + cons, 0.5), pros, cons)
    assert 0.45 <= value <= 0.55
    assert value == pytest.approx(0.5, abs=1e-6)  # both sides combine to ~0.6667


def test_padding_a_side_with_weak_claims_barely_helps() -> None:
    pads = [f"q{i}" for i in range(10)]
    value = thesis({"p": 0.8, "c": 0.8, **dict.fromkeys(pads, 0.3)}, ["p", *pads], ["c"])
    assert value <= 0.55
    assert value - 0.5 <= padding_bound(0.5, 0.8)


def test_writing_the_same_argument_twice_moves_little() -> None:
    once = thesis({"p": 0.8}, ["p"], [])
    twice = thesis({"p": 0.8, "p2": 0.8}, ["p", "p2"], [])
    assert twice - once <= 0.10
    assert twice - once == pytest.approx(0.02)  # 0.5 (1 - 0.2 x 0.8) - 0.5 (0.2) ... = 0.02


def test_one_strong_argument_beats_five_middling_ones() -> None:
    cons = [f"c{i}" for i in range(5)]
    assert thesis({"p": 0.9, **dict.fromkeys(cons, 0.5)}, ["p"], cons) > 0.5


@settings(deadline=None, max_examples=200)
@given(
    st.floats(0.0, 1.0),
    st.lists(STRENGTH, min_size=1, max_size=6),
    st.lists(STRENGTH, max_size=4),
    st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30),
    st.booleans(),
)
def test_adding_arguments_no_stronger_than_the_best_stays_within_the_bound(
    weight: float, side: list[float], other: list[float], shares: list[float], pro: bool
) -> None:
    strongest = max(side)
    added = [strongest * share for share in shares]
    if pro:
        before, after = strength(weight, side, other), strength(weight, side + added, other)
    else:
        before, after = strength(weight, other, side), strength(weight, other, side + added)
    assert abs(after - before) <= padding_bound(weight, strongest) + 1e-12


def test_the_padding_bound_is_approached() -> None:
    # infinitely many copies of x1 reach P = 1 - (1 - x1) prod_k (1 - lam^k x1), close to it
    x1 = 0.5
    many = strength(0.5, [x1] * 60, []) - strength(0.5, [x1], [])
    assert 0.8 * padding_bound(0.5, x1) < many <= padding_bound(0.5, x1)


@settings(deadline=None, max_examples=200)
@given(st.lists(STRENGTH, max_size=7), st.sampled_from([0.0, 0.25, 0.5, 1.0]))
def test_discounted_aggregation_matches_its_definition(values: list[float], lam: float) -> None:
    aggregation = Discounted(lam)
    ordered = sorted(values, reverse=True)
    expected = 1.0 - math.prod(1.0 - lam**k * x for k, x in enumerate(ordered))
    assert aggregation.combine(values) == pytest.approx(expected, abs=1e-12)
    total, without = aggregation.leave_one_out(values)
    assert total == pytest.approx(expected, abs=1e-12)
    for i in range(len(values)):
        rest = values[:i] + values[i + 1 :]
        assert without[i] == pytest.approx(aggregation.combine(rest), abs=1e-12)
    eps = 1e-7
    for i, partial in enumerate(aggregation.partials(values)):
        if any(abs(values[i] - v) < 1e-5 for j, v in enumerate(values) if j != i):
            continue  # a tie: the function has a kink there
        if not eps < values[i] < 1 - eps:
            continue
        up = [*values[:i], values[i] + eps, *values[i + 1 :]]
        down = [*values[:i], values[i] - eps, *values[i + 1 :]]
        numeric = (aggregation.combine(up) - aggregation.combine(down)) / (2 * eps)
        assert partial == pytest.approx(numeric, abs=1e-5)


def test_discounted_is_top_at_zero_and_probabilistic_at_one() -> None:
    for values in itertools.product([0.0, 0.3, 0.9], repeat=3):
        assert Discounted(0.0).combine(values) == max(values)
        assert Discounted(1.0).combine(values) == pytest.approx(PROBABILISTIC.combine(values))
    assert SUM.combine([0.25, 0.5]) == 0.75


def test_with_lambda_one_the_modular_machinery_reproduces_df_quad_e_democracy() -> None:
    # Rago et al. 2016's running example (test_dfquad): P2 = 0.08, A1 = 0.862, A2 = 0.85.
    spec = modular_spec("discounted-1", Discounted(1.0), Discounted(1.0))
    debate = e_democracy()
    scores = solve(spec, debate, {c.id: c.weight for c in debate}).scores
    assert scores["P2"] == pytest.approx(0.08, abs=1e-12)
    assert scores["A1"] == pytest.approx(0.862, abs=1e-12)
    assert scores["A2"] == pytest.approx(0.85, abs=1e-12)


def test_dtop_and_top_on_the_e_democracy_debate_by_hand() -> None:
    # P2's attackers 0.2, 0.6, 0.5 (sorted 0.6, 0.5, 0.2): top C = 0.6; dtop C = 1 - 0.4 x
    # (1 - 0.125) x (1 - 0.0125) = 0.654375. P2 = 0.5 - 0.5 C; A1 = 0.5 + 0.5 (agg(0.7, P2)).
    debate = e_democracy()
    top = score(debate, "top").scores
    assert top["P2"] == pytest.approx(0.2)
    assert top["A1"] == pytest.approx(0.85)  # the 0.7 supporter alone counts
    assert top["A2"] == pytest.approx(0.85)  # 0.5 + 0.5 (0.9 - 0.2)
    dtop = score(debate, "dtop").scores
    c = 1 - 0.4 * (1 - LAMBDA * 0.5) * (1 - LAMBDA**2 * 0.2)
    assert dtop["P2"] == pytest.approx(0.5 - 0.5 * c)
    p = 1 - (1 - 0.7) * (1 - LAMBDA * dtop["P2"])
    assert dtop["A1"] == pytest.approx(0.5 + 0.5 * p)


def test_a_self_attacking_claim_is_solved_as_a_cycle() -> None:
    # qe: s = 0.5 - 0.5 s^2 / (1 + s^2), i.e. s^3 + s - 0.5 = 0 (a single real root)
    root = 0.4238537991
    assert root**3 + root - 0.5 == pytest.approx(0.0, abs=1e-9)
    debate = build({"a": 0.5}, [("a", "a", A)])
    result = score(debate, "qe")
    assert result.cycles == 1 and result.converged and result.iterations > 1
    assert result.scores["a"] == pytest.approx(root, abs=1e-9)
    assert score(debate, "hcat").scores["a"] == pytest.approx((math.sqrt(3) - 1) / 2, abs=1e-9)
    assert score(debate, "dtop").scores["a"] == pytest.approx(1 / 3, abs=1e-9)  # s = 0.5 - 0.5 s
    assert score(debate, "grounded").labels == {"a": "undec"}


def toy_row(name: str) -> list[str]:
    """One semantics' row of the toy-debates table in docs/scoring.md."""
    pros, cons = [f"p{i}" for i in range(13)], [f"c{i}" for i in range(10)]
    pads, five = [f"q{i}" for i in range(10)], [f"c{i}" for i in range(5)]

    def at(weights: dict[str, float], p: list[str], c: list[str]) -> float:
        links = [(x, "t", S) for x in p] + [(x, "t", A) for x in c]
        return score(build({"t": 0.5, **weights}, links, thesis="t"), name).scores["t"]

    neutral = at(dict.fromkeys(pros + cons, 0.5), pros, cons)
    padding = at({"p": 0.8, "c": 0.8, **dict.fromkeys(pads, 0.3)}, ["p", *pads], ["c"])
    duplicate = at({"p": 0.8, "p2": 0.8}, ["p", "p2"], []) - at({"p": 0.8}, ["p"], [])
    quality = at({"p": 0.9, **dict.fromkeys(five, 0.5)}, ["p"], five)
    return [f"`{name}`", f"{neutral:.2f}", f"{padding:.2f}", f"{duplicate:+.2f}", f"{quality:.2f}"]


def test_the_toy_debates_table_in_the_docs_is_what_the_scorer_says() -> None:
    from agidebate.scoring import SEMANTICS
    from tests.conftest import REPO

    text = (REPO / "docs" / "scoring.md").read_text(encoding="utf-8")
    table = text.split("<!-- toy-debates -->")[1].split("<!-- /toy-debates -->")[0]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in table.strip().splitlines()[2:]
    ]
    assert rows == [toy_row(name) for name in SEMANTICS]
