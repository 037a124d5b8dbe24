"""Explanations: each supporter's and attacker's share, strongest first, down to the leaves."""

from __future__ import annotations

from typing import Any

import pytest

from agidebate.model import Relation
from agidebate.scoring import ScoreResult, score, semantics_info
from agidebate.scoring.explain import explain
from tests.scoring.graphs import A, S, build, ten_claim_cycle


def test_shares_are_the_change_without_each_relation() -> None:
    debate = build(
        {"t": 0.5, "p": 0.9, "c": 0.3, "r": 0.6},
        [("p", "t", S), ("c", "t", A), ("r", "p", A)],
        thesis="t",
    )
    entries, result = explain(debate, "t", semantics_info("qe"))
    (entry,) = entries
    assert entry.claim == "t" and entry.score == result.scores["t"] and entry.base == 0.5
    shares = {i.source: i.contribution for i in entry.influences}
    without_p = score(build({"t": 0.5, "c": 0.3}, [("c", "t", A)], thesis="t"), "qe").scores["t"]
    assert shares["p"] == pytest.approx(result.scores["t"] - without_p)
    assert shares["c"] < 0 < shares["p"]
    assert [i.source for i in entry.influences] == sorted(shares, key=lambda k: -abs(shares[k]))


def test_depth_walks_down_once_per_claim() -> None:
    # d acts on both a and b: explained once, where first met.
    debate = build(
        {"t": 0.5, "a": 0.5, "b": 0.5, "d": 0.5, "e": 0.5},
        [("a", "t", S), ("b", "t", A), ("d", "a", A), ("d", "b", S), ("e", "d", S)],
        thesis="t",
    )
    info = semantics_info("qe")
    assert [e.claim for e in explain(debate, "t", info, depth=1)[0]] == ["t"]
    two = explain(debate, "t", info, depth=2)[0]
    assert two[0].claim == "t"
    assert sorted((e.claim, e.level) for e in two[1:]) == [("a", 1), ("b", 1)]
    everything = explain(debate, "t", info, depth=0)[0]
    assert sorted(e.claim for e in everything) == ["a", "b", "d", "e", "t"]
    assert len(everything) == 5


def test_cycles_and_grounded_are_re_scored_without_the_relation() -> None:
    entries, result = explain(ten_claim_cycle(), "c0", semantics_info("dfquad"))
    assert entries[0].in_cycle and result.converged
    assert all(abs(i.contribution) > 0 for i in entries[0].influences)
    debate = build({"t": 0.5, "x": 0.5, "y": 0.5}, [("x", "t", A), ("y", "x", A)], thesis="t")
    grounded = explain(debate, "t", semantics_info("grounded"), depth=0)[0]
    assert grounded[0].label == "in"
    assert grounded[0].influences[0].contribution == 0.0  # without x, t is still in
    assert grounded[1].label == "out" and grounded[1].influences[0].contribution == -1.0


def test_ignored_supports_are_marked() -> None:
    debate = build({"t": 0.5, "p": 0.9, "c": 0.3}, [("p", "t", S), ("c", "t", A)], thesis="t")
    (entry,) = explain(debate, "t", semantics_info("hcat"))[0]
    supporter = next(i for i in entry.influences if i.relation is Relation.SUPPORT)
    assert supporter.ignored and supporter.contribution == 0.0
    assert entry.influences[-1] is supporter


def test_a_ten_thousand_deep_chain_is_explained_iteratively() -> None:
    n = 10_000
    debate = build(
        {f"c{i}": 0.5 for i in range(n)},
        [(f"c{i + 1}", f"c{i}", S) for i in range(n - 1)],
        thesis="c0",
    )
    entries, _ = explain(debate, "c0", semantics_info("qe"), depth=0)
    assert len(entries) == n and entries[-1].level == n - 1


@pytest.mark.parametrize("semantics", ["qe", "dfquad", "euler", "hcat", "grounded"])
def test_wide_claims_are_explained_without_rescoring(
    semantics: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many direct arguments: each share is a leave-one-out, not a re-score (linear, not quadratic)."""
    import dataclasses

    weights = {"t": 0.5} | {f"a{i}": (i % 10) / 10 for i in range(400)}
    edges = [(f"a{i}", "t", S if i % 3 else A) for i in range(400)]
    debate = build(weights, edges, thesis="t")
    calls: list[str] = []

    def counting_score(*args: Any, **kwargs: Any) -> ScoreResult:
        calls.append(semantics)
        return score(*args, **kwargs)

    monkeypatch.setattr("agidebate.scoring.explain.score", counting_score)
    (entry,), result = explain(debate, "t", semantics_info(semantics))
    assert len(calls) == 1
    shares = {i.source: i.contribution for i in entry.influences}
    for source in ("a0", "a1", "a7", "a9"):
        kept = tuple(e for e in debate.edges if e.source != source)
        fresh = score(dataclasses.replace(debate, edges=kept), semantics).scores["t"]
        assert shares[source] == pytest.approx(result.scores["t"] - fresh, abs=1e-9)
