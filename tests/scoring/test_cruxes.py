"""Exact cruxes against brute force, `--between` against its definition, `--flip`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agidebate.model import Debate, WeightProfile
from agidebate.scoring import score
from agidebate.scoring.cruxes import crux_report
from agidebate.scoring.disagreement import between, flip
from agidebate.scoring.whatif import Scenario, with_impacts
from tests.scoring.graphs import A, S, build
from tests.scoring.test_verdicts import debates

FAST = settings(deadline=None, max_examples=40)


def brute_force(debate: Debate, name: str, top: int) -> list[tuple[str, float]]:
    """Every claim's swing by scoring the whole debate again at 0 and at 1."""
    found = []
    for claim in debate:
        if claim.id == debate.thesis:
            continue
        low = score(debate, name, weights={claim.id: 0.0}).scores["c0"]
        high = score(debate, name, weights={claim.id: 1.0}).scores["c0"]
        if abs(high - low) > 1e-9:
            found.append((claim.id, high - low))
    found.sort(key=lambda pair: -abs(pair[1]))
    return found[:top]


@FAST
@given(debates(tree=False, cyclic=True), st.sampled_from(["dtop", "top", "qe", "dfquad"]))
def test_exact_cruxes_equal_brute_force(debate: Debate, name: str) -> None:
    report = crux_report(debate, name, top=8)
    expected = brute_force(debate, name, 8)
    got = [(c.id, c.swing) for c in report.cruxes]
    assert len(got) == len(expected)
    for (gid, gswing), (eid, eswing) in zip(got, expected, strict=True):
        assert gswing == pytest.approx(eswing, abs=1e-7)
        if gid != eid:  # only a tie may order two claims differently
            assert abs(abs(gswing) - abs(eswing)) <= 1e-7


def test_between_is_the_averaged_exact_effect_of_each_disagreement() -> None:
    debate = build(
        {"c0": 0.5, "p": 0.5, "c": 0.5, "r": 0.5},
        [("p", "c0", S), ("c", "c0", A), ("r", "c", A)],
        thesis="c0",
    )
    a = WeightProfile("a", "a.yaml", {"p": 0.9, "c": 0.2, "r": 0.6})
    b = WeightProfile("b", "b.yaml", {"p": 0.3, "c": 0.8})
    report = between(debate, "dtop", a, b)
    va = score(debate, "dtop", weights=a.weights).scores["c0"]
    vb = score(debate, "dtop", weights=b.weights).scores["c0"]
    assert (report.value_a, report.value_b) == pytest.approx((va, vb))
    found = {d.id: d for d in report.disagreements}
    assert set(found) == {"p", "c", "r"}  # r: a says 0.6, b keeps the written 0.5
    for cid, d in found.items():
        a_with_b = score(debate, "dtop", weights={**a.weights, cid: d.b}).scores["c0"]
        b_with_a = score(debate, "dtop", weights={**b.weights, cid: d.a}).scores["c0"]
        assert d.effect == pytest.approx(0.5 * ((va - a_with_b) + (b_with_a - vb)))
    assert found["p"].effect > 0 and found["c"].effect > 0  # a's views favour the thesis
    effects = [abs(d.effect) for d in report.disagreements]
    assert effects == sorted(effects, reverse=True)


def test_between_weighs_link_impacts_too() -> None:
    debate = build({"c0": 0.5, "p": 0.8, "c": 0.4}, [("p", "c0", S), ("c", "c0", A)], "c0")
    impact = with_impacts(debate, {("p", "c0"): 0.25})
    from agidebate.scoring import disagreement
    from agidebate.scoring.cruxes import evaluate

    a = evaluate(*_info_and_applied(debate))
    b = evaluate(*_info_and_applied(impact))
    (link,) = disagreement._link_disagreements(a, b, _applied(debate), _applied(impact), 0)
    assert (link.id, link.target, link.a, link.b) == ("p", "c0", 1.0, 0.25)
    expected = 0.5 * ((score(debate, "dtop").scores["c0"] - score(impact, "dtop").scores["c0"]) * 2)
    assert link.effect == pytest.approx(expected)


def _applied(debate: Debate):  # type: ignore[no-untyped-def]
    from agidebate.scoring.whatif import apply

    return apply(debate, Scenario())


def _info_and_applied(debate: Debate):  # type: ignore[no-untyped-def]
    from agidebate.scoring import semantics_info

    return semantics_info("dtop"), _applied(debate)


def test_flip_is_greedy_and_stops_once_across() -> None:
    debate = build(
        {"c0": 0.7, "p": 0.9, "q": 0.6, "c": 0.3},
        [("p", "c0", S), ("q", "c0", S), ("c", "c0", A)],
        thesis="c0",
    )
    report = flip(debate, "dtop")
    assert len(report.steps) > 1
    assert report.start > 0.5 and report.crossed
    weights: dict[str, float] = {}
    for step in report.steps:
        weights[step.id] = step.after
        assert score(debate, "dtop", weights=weights).scores["c0"] == pytest.approx(step.verdict)
    assert report.steps[-1].verdict < 0.5
    assert all(s.verdict >= 0.5 for s in report.steps[:-1])
    first = report.steps[0]
    single = {
        (cid, v): score(debate, "dtop", weights={cid: v}).scores["c0"]
        for cid in ("p", "q", "c")
        for v in (0.0, 1.0)
    }
    assert (first.id, first.after) == min(single, key=lambda k: single[k])


def test_flip_says_when_it_cannot_cross() -> None:
    # Nothing argues against the thesis and it cannot fall below its base weight of 0.9.
    debate = build({"c0": 0.9, "p": 0.5}, [("p", "c0", S)], thesis="c0")
    report = flip(debate, "dtop")
    assert not report.crossed and [s.id for s in report.steps] == ["p"]
