"""Properties from the papers, checked on random graphs with hypothesis.

- Every semantics keeps strengths in [0, 1] and gives the same answer twice.
- Monotonicity, on acyclic graphs, where the papers prove it (QE: Potyka 2018; DF-QuAD:
  Rago et al. 2016; Euler-based: Amgoud and Ben-Naim 2018; weighted h-categorizer: Amgoud
  et al. 2017): adding an attacker never raises a claim's strength, adding a supporter never
  lowers it. Under grounded, a new unattacked attacker puts its target out, on any graph.
- The exact acyclic pass and the continuous model agree on acyclic graphs.
- A converged cycle is a fixed point of the semantics' own update.
- Grounded labels match Dung's definition: the least fixed point of the characteristic
  function, computed here directly from the definition.
- An explanation's share is exactly the score with the relation minus the score without it.
- The slopes from the backward pass match finite differences; the swing's partial re-solve
  matches scoring the whole debate again.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from agidebate.model import Debate, Relation
from agidebate.scoring import SEMANTICS, _solver, score, semantics_info
from agidebate.scoring._evaluation import Evaluation
from agidebate.scoring._network import Network
from agidebate.scoring.explain import explain
from tests.scoring.graphs import A, S, build

GRADUAL = ["qe", "dfquad", "euler", "hcat"]
SMOOTH = ["qe", "euler", "hcat"]
WEIGHT = st.floats(0.0, 1.0, allow_nan=False)
FAST = settings(deadline=None, max_examples=60)


@st.composite
def graphs(draw: st.DrawFn, acyclic: bool, weight: st.SearchStrategy[float] = WEIGHT) -> Debate:
    """Up to 9 claims, c0 first; acyclic graphs only point from higher to lower index."""
    n = draw(st.integers(1, 9))
    ids = [f"c{i}" for i in range(n)]
    weights = {cid: draw(weight) for cid in ids}
    pairs = [(s, t) for s in range(n) for t in range(n) if s != t and (s > t or not acyclic)]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=3 * n)) if pairs else []
    links = [(ids[s], ids[t], draw(st.sampled_from([S, A]))) for s, t in chosen]
    return build(weights, links, thesis="c0")


def with_new_claim(debate: Debate, target: str, relation: Relation, weight: float) -> Debate:
    weights = {c.id: c.weight for c in debate}
    links = [(e.source, e.target, e.relation) for e in debate.edges]
    weights["new"] = weight
    return build(weights, [*links, ("new", target, relation)], thesis=debate.thesis)


@FAST
@given(graphs(acyclic=False), st.sampled_from(list(SEMANTICS)))
def test_strengths_stay_in_the_unit_interval_and_are_deterministic(
    debate: Debate, name: str
) -> None:
    first = score(debate, name)
    assert all(0.0 <= v <= 1.0 for v in first.scores.values())
    assert score(debate, name) == first


@FAST
@given(graphs(acyclic=True), st.sampled_from(GRADUAL), st.data())
def test_an_attacker_never_raises_and_a_supporter_never_lowers(
    debate: Debate, name: str, data: st.DataObject
) -> None:
    target = data.draw(st.sampled_from(sorted(debate.claims)))
    weight = data.draw(WEIGHT)
    before = score(debate, name).scores[target]
    attacked = score(with_new_claim(debate, target, A, weight), name).scores[target]
    supported = score(with_new_claim(debate, target, S, weight), name).scores[target]
    assert attacked <= before + 1e-12
    assert supported >= before - 1e-12


@FAST
@given(graphs(acyclic=False), st.data())
def test_grounded_an_unattacked_attacker_puts_its_target_out(
    debate: Debate, data: st.DataObject
) -> None:
    target = data.draw(st.sampled_from(sorted(debate.claims)))
    result = score(with_new_claim(debate, target, A, 0.5), "grounded")
    assert result.labels is not None and result.labels[target] == "out"


@FAST
@given(graphs(acyclic=True), st.sampled_from(GRADUAL))
def test_exact_pass_and_continuous_model_agree_on_acyclic_graphs(debate: Debate, name: str) -> None:
    spec = semantics_info(name).spec
    assert spec is not None
    net = Network.of(debate)
    exact = score(debate, name).scores
    continuous, converged, _ = _solver.integrate(
        spec, net, [debate.claims[c].weight for c in net.ids]
    )
    assert converged
    for cid, value in zip(net.ids, continuous, strict=True):
        assert abs(value - exact[cid]) <= 1e-7


@FAST
@given(graphs(acyclic=False), st.sampled_from(GRADUAL))
def test_a_converged_result_is_a_fixed_point(debate: Debate, name: str) -> None:
    info = semantics_info(name)
    assert info.spec is not None
    result = score(debate, name)
    if not result.converged:
        return
    net = Network.of(debate)
    strengths = [result.scores[c] for c in net.ids]
    for node, cid in enumerate(net.ids):
        again = _solver.local_strength(info.spec, net, node, result.base[cid], strengths)
        assert abs(again - strengths[node]) <= 1e-7


def dung_grounded(debate: Debate) -> set[str]:
    """The least fixed point of F(X) = {a : every attacker of a is attacked by X}."""
    attackers = {
        c: {e.source for e in debate.children(c) if e.relation is A} for c in debate.claims
    }
    extension: set[str] = set()
    while True:
        beaten = {c for c in debate.claims if attackers[c] & extension}
        grown = {c for c in debate.claims if attackers[c] <= beaten}
        if grown == extension:
            return extension
        extension = grown


@FAST
@given(graphs(acyclic=False))
def test_grounded_labels_match_dungs_definition(debate: Debate) -> None:
    labels = score(debate, "grounded").labels
    assert labels is not None
    extension = dung_grounded(debate)
    assert {c for c, label in labels.items() if label == "in"} == extension
    beaten = {
        c
        for c in debate.claims
        if any(e.source in extension and e.relation is A for e in debate.children(c))
    }
    assert {c for c, label in labels.items() if label == "out"} == beaten


@FAST
@given(graphs(acyclic=True, weight=st.floats(0.05, 0.95)), st.sampled_from(SMOOTH))
def test_slopes_match_finite_differences(debate: Debate, name: str) -> None:
    spec = semantics_info(name).spec
    assert spec is not None
    base = {c.id: c.weight for c in debate}
    slopes = Evaluation(spec, debate, base).slopes("c0")
    eps = 1e-6
    for node, cid in enumerate(Network.of(debate).ids):
        up = score(debate, name, weights={cid: base[cid] + eps}).scores["c0"]
        down = score(debate, name, weights={cid: base[cid] - eps}).scores["c0"]
        assert abs(slopes[node] - (up - down) / (2 * eps)) <= 1e-5


@FAST
@given(graphs(acyclic=False), st.sampled_from(GRADUAL), st.data())
def test_a_partial_re_solve_matches_scoring_again(
    debate: Debate, name: str, data: st.DataObject
) -> None:
    spec = semantics_info(name).spec
    assert spec is not None
    claim = data.draw(st.sampled_from(sorted(debate.claims)))
    weight = data.draw(WEIGHT)
    evaluation = Evaluation(spec, debate, {c.id: c.weight for c in debate})
    again = score(debate, name, weights={claim: weight})
    if not again.converged:
        return
    for target in debate.claims:
        assert abs(evaluation.with_weight(claim, weight, target) - again.scores[target]) <= 1e-9


@FAST
@given(graphs(acyclic=False), st.sampled_from(list(SEMANTICS)), st.data())
def test_shares_are_the_change_without_each_relation(
    debate: Debate, name: str, data: st.DataObject
) -> None:
    claim = data.draw(st.sampled_from(sorted(debate.claims)))
    (entry,), result = explain(debate, claim, semantics_info(name))
    if not result.converged:
        return
    for influence in entry.influences:
        edges = tuple(e for e in debate.edges if (e.source, e.target) != (influence.source, claim))
        smaller = Debate(claims=debate.claims, edges=edges, thesis=debate.thesis)
        again = score(smaller, name)
        if again.converged:
            assert (
                abs(influence.contribution - (result.scores[claim] - again.scores[claim])) <= 1e-8
            )
