"""Impact, undercuts and summaries in every semantics, and a reader's impacts and prior.

Random debates with all three are checked the way plain ones are: bands against brute
force, exact cruxes against scoring again, slopes against finite differences, and an
undercutter's share against the score without it.
"""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agidebate.model import Claim, ClaimKind, Debate, Edge, Perspective, Relation
from agidebate.scoring import SEMANTICS, score, semantics_info
from agidebate.scoring._evaluation import Evaluation
from agidebate.scoring._network import Network
from agidebate.scoring.cruxes import crux_report
from agidebate.scoring.explain import explain
from agidebate.scoring.report import score_report
from agidebate.scoring.whatif import Scenario
from tests.scoring.test_verdicts import band_of

S, A, U = Relation.SUPPORT, Relation.ATTACK, Relation.UNDERCUT
GRADUAL = [name for name in SEMANTICS if semantics_info(name).gradual]
FAST = settings(deadline=None, max_examples=40)


def debate_of(
    weights: dict[str, float],
    links: list[tuple[str, str, Relation, float]],
    cuts: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    summaries: frozenset[str] = frozenset(),
    thesis: str = "t",
) -> Debate:
    """Claims, links (source, target, relation, impact), undercuts (cutter, from, to)."""
    claims = {
        cid: Claim(
            cid, cid, weight=w, kind=ClaimKind.SUMMARY if cid in summaries else ClaimKind.ARGUMENT
        )
        for cid, w in weights.items()
    }
    edges = [Edge(s, t, r, impact=i) for s, t, r, i in links]
    edges += [Edge(u, t, U, link_source=s) for u, s, t in cuts]
    return Debate(claims=claims, edges=tuple(edges), thesis=thesis)


def test_impact_scales_what_reaches_the_target_in_every_semantics() -> None:
    full = debate_of({"t": 0.5, "p": 0.8}, [("p", "t", S, 1.0)])
    half = debate_of({"t": 0.5, "p": 0.8}, [("p", "t", S, 0.5)])
    weak = debate_of({"t": 0.5, "p": 0.4}, [("p", "t", S, 1.0)])
    for name in GRADUAL:
        assert score(half, name).scores["t"] == pytest.approx(score(weak, name).scores["t"])
        assert score(half, name).scores["t"] <= score(full, name).scores["t"]


def test_a_summary_is_scored_but_counts_for_nothing() -> None:
    plain = debate_of({"t": 0.5, "p": 0.7, "c": 0.6}, [("p", "t", S, 1.0), ("c", "t", A, 1.0)])
    with_summary = debate_of(
        {"t": 0.5, "p": 0.7, "c": 0.6, "s": 0.9, "r": 0.5},
        [("p", "t", S, 1.0), ("c", "t", A, 1.0), ("s", "t", S, 1.0), ("r", "s", A, 1.0)],
        summaries=frozenset({"s"}),
    )
    for name in SEMANTICS:
        assert score(with_summary, name).scores["t"] == score(plain, name).scores["t"]
    assert score(with_summary, "dtop").scores["s"] == pytest.approx(0.9 - 0.9 * 0.5)
    read = score_report(with_summary, "dtop").verdict
    assert read is not None and read.best_pro is not None and read.best_pro.id == "p"


def test_an_undercut_takes_away_the_link_not_the_claim() -> None:
    debate = debate_of({"t": 0.5, "c": 0.8, "u": 0.5}, [("c", "t", A, 1.0)], cuts=[("u", "c", "t")])
    scores = score(debate, "dtop").scores
    assert scores["c"] == 0.8  # the claim itself stands
    assert scores["t"] == pytest.approx(0.5 - 0.5 * 0.8 * 0.5)  # half its attack is cut
    assert (
        score(debate, "qe").scores["t"]
        > score(debate_of({"t": 0.5, "c": 0.8}, [("c", "t", A, 1.0)]), "qe").scores["t"]
    )
    # grounded: an undercutter that is in takes the attack away; the thesis is in again
    assert score(debate, "grounded").labels == {"t": "in", "c": "in", "u": "in"}


def test_a_readers_impacts_and_prior_apply() -> None:
    debate = debate_of({"t": 0.5, "p": 0.8, "c": 0.6}, [("p", "t", S, 1.0), ("c", "t", A, 1.0)])
    reader = Perspective("r", credence={"c": 0.4}, impact={("p", "t"): 0.5}, prior=0.7)
    report = score_report(debate, "dtop", Scenario(perspective=reader))
    assert report.result.base["t"] == 0.7 and report.result.base["c"] == 0.4
    p, c = 0.8 * 0.5, 0.4
    assert report.result.scores["t"] == pytest.approx(
        0.7 - 0.7 * (c - p) if c > p else 0.7 + 0.3 * (p - c)
    )
    assert report.applied.debate.link("p", "t").impact == 0.5  # type: ignore[union-attr]
    assert any("prior for the thesis: 0.70" in line for line in report.applied.describe())


@st.composite
def linked(draw: st.DrawFn, tree: bool) -> Debate:
    """Up to 8 claims with impacts, up to 3 undercuts and perhaps a summary.

    A tree: every claim acts on one earlier claim, or undercuts one earlier link."""
    n = draw(st.integers(2, 8))
    ids = ["t"] + [f"c{i}" for i in range(1, n)]
    weights = {cid: draw(st.floats(0.0, 1.0)) for cid in ids}
    links: list[tuple[str, str, Relation, float]] = []
    cuts: list[tuple[str, str, str]] = []
    impact = st.sampled_from([1.0, 1.0, 0.5, draw(st.floats(0.0, 1.0))])
    for i in range(1, n):
        if tree and links and draw(st.integers(0, 3)) == 0:
            source, target, _, _ = draw(st.sampled_from(links))
            cuts.append((ids[i], source, target))
            continue
        for _ in range(1 if tree else draw(st.integers(1, 2))):
            target = ids[draw(st.integers(0, i - 1))]
            links.append((ids[i], target, draw(st.sampled_from([S, A])), draw(impact)))
    if not tree and links:
        for _ in range(draw(st.integers(0, 3))):
            source, target, _, _ = draw(st.sampled_from(links))
            cutter = draw(st.sampled_from(ids[1:]))
            if cutter not in (source, target):
                cuts.append((cutter, source, target))
    summaries = frozenset(draw(st.lists(st.sampled_from(ids[1:]), max_size=1)))
    return debate_of(weights, links, cuts, summaries)


@FAST
@given(linked(tree=True), st.sampled_from(GRADUAL), st.data())
def test_on_a_tree_with_impacts_and_undercuts_the_band_is_exact(
    debate: Debate, name: str, data: st.DataObject
) -> None:
    others = sorted(set(debate.claims) - {"t"})
    free = set(data.draw(st.lists(st.sampled_from(others), unique=True, max_size=5)))
    low, high = band_of(name, debate, free)
    corners = [
        score(debate, name, weights=dict(zip(sorted(free), corner, strict=True))).scores["t"]
        for corner in itertools.product([0.0, 1.0], repeat=len(free))
    ]
    assert min(corners) == pytest.approx(low, abs=1e-9)
    assert max(corners) == pytest.approx(high, abs=1e-9)


@FAST
@given(linked(tree=False), st.sampled_from(GRADUAL))
def test_exact_cruxes_with_links_equal_brute_force(debate: Debate, name: str) -> None:
    report = crux_report(debate, name, top=8)
    for crux in report.cruxes:
        low = score(debate, name, weights={crux.id: 0.0}).scores["t"]
        high = score(debate, name, weights={crux.id: 1.0}).scores["t"]
        assert (crux.low, crux.high) == pytest.approx((low, high), abs=1e-7)


@FAST
@given(linked(tree=True), st.sampled_from(["dtop", "qe", "euler"]))
def test_slopes_with_links_match_finite_differences(debate: Debate, name: str) -> None:
    spec = semantics_info(name).spec
    assert spec is not None
    base = {c.id: min(max(c.weight, 0.05), 0.95) for c in debate}
    moved = dataclasses.replace(
        debate,
        claims={cid: dataclasses.replace(c, weight=base[cid]) for cid, c in debate.claims.items()},
    )
    slopes = Evaluation(spec, moved, base).slopes("t")
    eps = 1e-6
    for node, cid in enumerate(Network.of(moved).ids):
        up = score(moved, name, weights={cid: base[cid] + eps}).scores["t"]
        down = score(moved, name, weights={cid: base[cid] - eps}).scores["t"]
        numeric = (up - down) / (2 * eps)
        if abs(numeric - slopes[node]) > 1e-4:  # a kink (ties in dtop's sorting) is allowed
            assert name == "dtop"


@FAST
@given(linked(tree=False), st.sampled_from(list(SEMANTICS)))
def test_an_undercutters_share_is_the_change_without_it(debate: Debate, name: str) -> None:
    for claim in debate.claims:
        (entry,), result = explain(debate, claim, semantics_info(name))
        if not result.converged:
            continue
        for influence in entry.influences:
            if influence.link_source is None or not influence.exact:
                continue
            edges = tuple(
                e
                for e in debate.edges
                if not (
                    e.source == influence.source
                    and e.link_source == influence.link_source
                    and e.target == claim
                )
            )
            again = score(dataclasses.replace(debate, edges=edges), name)
            if again.converged:
                assert influence.contribution == pytest.approx(
                    result.scores[claim] - again.scores[claim], abs=1e-8
                )
