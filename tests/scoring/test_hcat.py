"""The weighted h-categorizer (Besnard and Hunter 2001; Amgoud, Ben-Naim, Doder, Vesic 2017)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from agidebate.model import Debate
from agidebate.scoring import score
from tests.scoring.graphs import A, S, baumeister_example, build


def bisect(f: Callable[[float], float], low: float, high: float) -> float:
    """The root of a continuous `f` with a sign change on [low, high]."""
    for _ in range(200):
        middle = (low + high) / 2
        if (f(low) > 0) == (f(middle) > 0):
            low = middle
        else:
            high = middle
    return (low + high) / 2


def tweety_jacobi(debate: Debate) -> dict[str, float]:
    """Tweety's CategorizerRankingReasoner algorithm (TweetyProject, arg.rankings): start every
    value at 0 and apply v = 1 / (1 + sum of attackers' v) to all at once until it settles."""
    values = dict.fromkeys(debate.claims, 0.0)
    for _ in range(10_000):
        new = {
            c: 1 / (1 + sum(values[e.source] for e in debate.children(c) if e.relation is A))
            for c in debate.claims
        }
        if max(abs(new[c] - values[c]) for c in values) < 1e-13:
            return new
        values = new
    raise AssertionError("did not settle")


def bonzon_example_1() -> Debate:
    """Example 1 of Bonzon, Delobelle, Konieczny, Maudet, "A Comparative Study of
    Ranking-Based Semantics for Abstract Argumentation", AAAI 2016 (as encoded in
    TweetyProject's RankingSemanticsExample)."""
    ones = dict.fromkeys("abcde", 1.0)
    links = [
        ("a", "e", A),
        ("d", "a", A),
        ("e", "d", A),
        ("c", "e", A),
        ("b", "c", A),
        ("b", "a", A),
    ]
    return build(ones, links)


def test_bonzon_example_1_cyclic() -> None:
    result = score(bonzon_example_1(), "hcat")
    assert result.converged and result.cycles == 1
    # b = 1, c = 1/2; on the cycle a -> e -> d -> a: e = 1/(1.5 + a), d = 1/(1 + e),
    # a = 1/(2 + d): one equation in a, solved by bisection.
    a = bisect(lambda x: 1 / (2 + 1 / (1 + 1 / (1.5 + x))) - x, 0.0, 1.0)
    e = 1 / (1.5 + a)
    expected = {"a": a, "b": 1.0, "c": 0.5, "d": 1 / (1 + e), "e": e}
    for claim_id, value in expected.items():
        assert result.scores[claim_id] == pytest.approx(value, abs=1e-9), claim_id
    for claim_id, value in tweety_jacobi(bonzon_example_1()).items():
        assert result.scores[claim_id] == pytest.approx(value, abs=1e-9), claim_id


def test_baumeister_example_golden_ratio() -> None:
    # d and e attack each other, so d = e = 1/(1 + d): the golden ratio conjugate.
    debate = baumeister_example()
    scores = score(debate, "hcat").scores
    golden = (math.sqrt(5) - 1) / 2
    assert scores["d"] == pytest.approx(golden, abs=1e-9)
    assert scores["e"] == pytest.approx(golden, abs=1e-9)
    assert scores["b"] == 0.5
    assert scores["c"] == pytest.approx(1 / (1.5 + golden), abs=1e-9)
    assert scores["f"] == pytest.approx(1 / (1 + 1 / (1.5 + golden)), abs=1e-9)


def test_weighted_formula_and_many_attackers() -> None:
    attackers = {f"a{i}": 0.5 for i in range(200)}
    debate = build({"t": 0.8, **attackers}, [(x, "t", A) for x in attackers], thesis="t")
    assert score(debate, "hcat").scores["t"] == pytest.approx(0.8 / (1 + 100))


def test_supports_are_ignored() -> None:
    debate = build({"t": 0.6, "p": 1.0, "c": 0.5}, [("p", "t", S), ("c", "t", A)], thesis="t")
    assert score(debate, "hcat").scores["t"] == pytest.approx(0.4)
