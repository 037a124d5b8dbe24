"""Cruxes: slopes in one linear pass, exact swings, and work that stays linear at 10,000 claims."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence

import pytest

from agidebate.model import Debate
from agidebate.scoring import dfquad, dtop, qe, score, sensitivity
from agidebate.scoring._evaluation import Evaluation
from agidebate.scoring._spec import Gradient, Spec
from agidebate.scoring.sensitivity import cruxes, swings
from tests.scoring.graphs import A, S, build


class Counting:
    """A spec wrapper that counts evaluations of the local strength and gradient."""

    def __init__(self, spec: Spec) -> None:
        self.calls = 0
        inner = spec

        def strength(w: float, sup: Sequence[float], att: Sequence[float]) -> float:
            self.calls += 1
            return inner.strength(w, sup, att)

        def gradient(w: float, sup: Sequence[float], att: Sequence[float]) -> Gradient:
            self.calls += 1
            return inner.gradient(w, sup, att)

        self.spec = dataclasses.replace(spec, strength=strength, gradient=gradient)


def random_tree(n: int, seed: int = 7) -> Debate:
    """A thesis and n - 1 claims, each arguing about an earlier one, some linking twice."""
    rng = random.Random(seed)
    weights = {"c0": 0.5, **{f"c{i}": rng.random() for i in range(1, n)}}
    links = []
    for i in range(1, n):
        links.append((f"c{i}", f"c{rng.randrange(max(0, i - 50), i)}", rng.choice([S, A])))
        if i % 20 == 0 and i > 60:
            links.append((f"c{i}", f"c{rng.randrange(0, i - 55)}", rng.choice([S, A])))
    return build(weights, links, thesis="c0")


def chain(n: int) -> Debate:
    weights = {f"c{i}": 0.9 for i in range(n)}
    return build(weights, [(f"c{i + 1}", f"c{i}", A) for i in range(n - 1)], thesis="c0")


@pytest.mark.parametrize("debate", [random_tree(10_000), chain(10_000)], ids=["tree", "chain"])
def test_exact_swings_on_ten_thousand_claims_stay_within_the_budget(debate: Debate) -> None:
    # Each claim's swing evaluates again only what it changes: on a tree its path to the
    # thesis, never the whole debate (that would be 10,000 x 10,000 evaluations).
    counter = Counting(qe.SPEC)
    base = {c.id: c.weight for c in debate}
    evaluation = Evaluation(counter.spec, debate, base)
    found, spent = swings(evaluation, "c0")
    n = len(debate)
    assert len(found) == n - 1 and all(c.exact for c in found)
    assert spent <= sensitivity.SWING_BUDGET
    assert counter.calls < n * n / 50


def test_beyond_the_budget_swings_are_estimated_from_the_slope() -> None:
    debate = chain(2_000)
    base = {c.id: 1.0 for c in debate}  # s = 1 - s': every change reaches the thesis
    evaluation = Evaluation(dtop.SPEC, debate, base)
    found, spent = swings(evaluation, "c0", budget=100_000)
    exact = [c for c in found if c.exact]
    assert 0 < len(exact) < len(found) and spent <= 100_000 + 2 * 2 * 3 * 2_000
    assert all(abs(c.slope) <= abs(e.slope) for c in found if not c.exact for e in exact)


def test_swing_is_the_thesis_at_weight_zero_and_one() -> None:
    debate = build(
        {"t": 0.5, "p": 0.6, "c": 0.4, "r": 0.7},
        [("p", "t", S), ("c", "t", A), ("r", "c", A)],
        thesis="t",
    )
    found, _ = cruxes(dfquad.SPEC, debate, {c.id: c.weight for c in debate}, "t", 3)
    for crux in found:
        assert crux.low == pytest.approx(
            score(debate, "dfquad", weights={crux.id: 0.0}).scores["t"]
        )
        assert crux.high == pytest.approx(
            score(debate, "dfquad", weights={crux.id: 1.0}).scores["t"]
        )
    swings = [abs(c.swing) for c in found]
    assert swings == sorted(swings, reverse=True)
    assert "t" not in {c.id for c in found}


def test_a_rebuttal_of_a_con_helps_the_thesis() -> None:
    debate = build({"t": 0.5, "c": 0.8, "r": 0.5}, [("c", "t", A), ("r", "c", A)], thesis="t")
    found = {c.id: c for c in cruxes(qe.SPEC, debate, {c.id: c.weight for c in debate}, "t", 2)[0]}
    assert found["c"].swing < 0 < found["r"].swing
    assert found["r"].slope > 0 > found["c"].slope


def test_the_budget_caps_exact_swings_in_cycles() -> None:
    debate = build(
        {"t": 0.5, "a": 0.7, "b": 0.4, "c": 0.6, "d": 0.3},
        [("a", "b", A), ("b", "a", A), ("b", "t", S), ("a", "t", A), ("c", "a", S), ("d", "b", S)],
        thesis="t",
    )
    base = {c.id: c.weight for c in debate}
    exact, evaluation = cruxes(qe.SPEC, debate, base, "t", 4)
    assert all(c.exact for c in exact)
    capped, _ = cruxes(qe.SPEC, debate, base, "t", 4, budget=0)
    assert not any(c.exact for c in capped)  # every swing would solve the cycle again
    now = evaluation.strength("t")
    for crux in capped:
        if not crux.exact:
            assert crux.low == pytest.approx(now - crux.slope * crux.weight)
            assert crux.high == pytest.approx(now + crux.slope * (1 - crux.weight))
