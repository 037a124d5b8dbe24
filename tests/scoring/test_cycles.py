"""Cycles: the continuous model settles where plain repeated updating oscillates for ever."""

from __future__ import annotations

import dataclasses

import pytest

from agidebate.model import Claim, Debate, Edge
from agidebate.scoring import _solver, dfquad, qe, score
from agidebate.scoring._evaluation import Evaluation
from agidebate.scoring._network import Network
from agidebate.scoring._solver import solve
from agidebate.scoring._spec import Spec
from tests.scoring.graphs import A, S, build, ten_claim_cycle
from tests.scoring.test_hcat import bisect


def naive(spec: Spec) -> Spec:
    """The same semantics updated plainly, s <- f(s), with no damping."""
    return dataclasses.replace(spec, fixpoint=True)


@pytest.mark.parametrize("spec", [qe.SPEC, dfquad.SPEC], ids=["qe", "dfquad"])
def test_naive_iteration_oscillates_on_the_ten_claim_cycle(spec: Spec) -> None:
    debate = ten_claim_cycle()
    net = Network.of(debate)
    base = [debate.claims[c].weight for c in net.ids]
    first = [_solver.local_strength(spec, net, i, base[i], base) for i in range(len(net))]
    second = [_solver.local_strength(spec, net, i, base[i], first) for i in range(len(net))]
    assert first != base  # every claim moves (DF-QuAD: to the other extreme, QE: to 0.5) ...
    assert second == base  # ... and back: a cycle of period 2, for ever
    result = solve(naive(spec), debate, {c: debate.claims[c].weight for c in debate.claims})
    assert not result.converged
    assert result.residual >= 0.5
    assert result.iterations == _solver.MAX_STEPS


def test_continuous_model_settles_the_ten_claim_cycle_under_dfquad() -> None:
    # Even claims (weight 0) are supported by an odd claim y and attacked by an even x:
    # x = y - x. Odd claims (weight 1): y = 1 - (y - x). Hence x = 1/3, y = 2/3 exactly.
    result = score(ten_claim_cycle(), "dfquad")
    assert result.converged and result.residual <= _solver.TOLERANCE and result.cycles == 1
    for i in range(10):
        assert result.scores[f"c{i}"] == pytest.approx(1 / 3 if i % 2 == 0 else 2 / 3, abs=1e-8)


def test_continuous_model_settles_the_ten_claim_cycle_under_qe() -> None:
    # x = h(y - x) for the even claims and y = 1 - h(y - x) for the odd ones, so y = 1 - x and,
    # with d = 1 - 2x, d^3 + d^2 + d - 1 = 0.
    result = score(ten_claim_cycle(), "qe")
    assert result.converged and result.residual <= _solver.TOLERANCE
    d = bisect(lambda t: t**3 + t**2 + t - 1, 0.0, 1.0)
    x = (1 - d) / 2
    for i in range(10):
        assert result.scores[f"c{i}"] == pytest.approx(x if i % 2 == 0 else 1 - x, abs=1e-8)


def test_non_convergence_is_reported_not_hung(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_solver, "MAX_STEPS", 3)
    result = score(ten_claim_cycle(), "qe")
    assert not result.converged
    assert result.iterations == 3
    assert result.residual > _solver.TOLERANCE
    assert all(0.0 <= v <= 1.0 for v in result.scores.values())


def test_huge_cycles_get_fewer_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    # The work cap bounds steps x (claims + relations) for one cycle: 40,000 / 4,000.
    monkeypatch.setattr(_solver, "MAX_WORK", 40_000)
    monkeypatch.setattr(_solver, "PROGRESS_BLOCK", 10)
    n = 2_000
    weights = {f"c{i}": 1.0 for i in range(n)}
    ring = build(weights, [(f"c{i}", f"c{(i + 1) % n}", A) for i in range(n)])
    result = solve(naive(dfquad.SPEC), ring, weights)
    assert not result.converged and result.iterations == 10


def test_groups_are_evaluated_in_order_around_a_cycle() -> None:
    # a feeds the cycle b <-> c, which feeds d: d must see the settled cycle.
    debate = build(
        {"a": 1.0, "b": 0.5, "c": 0.5, "d": 0.5},
        [("a", "b", S), ("b", "c", A), ("c", "b", A), ("c", "d", S)],
        thesis="d",
    )
    result = score(debate, "qe")
    assert result.converged and result.cycles == 1
    s = result.scores
    assert s["b"] == pytest.approx(qe.strength(0.5, [1.0], [s["c"]]), abs=1e-9)
    assert s["c"] == pytest.approx(qe.strength(0.5, [], [s["b"]]), abs=1e-9)
    assert s["d"] == pytest.approx(qe.strength(0.5, [s["c"]], []), abs=1e-12)


def test_ten_thousand_deep_chain_and_cycle_do_not_recurse() -> None:
    n = 10_000
    claims = {f"c{i}": Claim(f"c{i}", "x") for i in range(n)}
    chain = Debate(
        claims=claims, edges=tuple(Edge(f"c{i + 1}", f"c{i}", S) for i in range(n - 1)), thesis="c0"
    )
    assert len(Network.of(chain).components) == n
    assert score(chain).iterations == 1
    ring = Debate(claims=claims, edges=(*chain.edges, Edge("c0", f"c{n - 1}", A)), thesis="c0")
    assert len(Network.of(ring).components) == 1


def test_slopes_inside_a_cycle_match_finite_differences() -> None:
    debate = build(
        {"a": 0.7, "b": 0.4, "c": 0.6, "t": 0.5},
        [("a", "b", A), ("b", "a", A), ("b", "c", S), ("c", "a", S), ("a", "t", S), ("c", "t", A)],
        thesis="t",
    )
    base = {c: debate.claims[c].weight for c in debate.claims}
    evaluation = Evaluation(qe.SPEC, debate, base)
    slopes = dict(zip(evaluation.net.ids, evaluation.slopes("t"), strict=True))
    eps = 1e-5
    for claim_id in base:
        up = score(debate, "qe", weights={claim_id: base[claim_id] + eps}).scores["t"]
        down = score(debate, "qe", weights={claim_id: base[claim_id] - eps}).scores["t"]
        assert slopes[claim_id] == pytest.approx((up - down) / (2 * eps), abs=1e-6), claim_id
