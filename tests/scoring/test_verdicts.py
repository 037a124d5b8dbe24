"""The verdict object: bands (checked by brute force), best arguments, proof standards."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agidebate.model import Debate, WeightProfile
from agidebate.query.score_records import report_json
from agidebate.scoring import SEMANTICS, score, semantics_info
from agidebate.scoring._evaluation import Evaluation
from agidebate.scoring._network import Network
from agidebate.scoring.band import bands
from agidebate.scoring.report import all_semantics, score_report
from agidebate.scoring.standards import ALPHA, BETA, GAMMA, meets
from agidebate.scoring.whatif import Scenario
from tests.scoring.graphs import A, S, build

GRADUAL = [name for name in SEMANTICS if semantics_info(name).gradual]
FAST = settings(deadline=None, max_examples=40)


@st.composite
def debates(draw: st.DrawFn, tree: bool, cyclic: bool = False) -> Debate:
    """Up to 8 claims; a tree gives every claim one target, an earlier claim."""
    n = draw(st.integers(2, 8))
    ids = [f"c{i}" for i in range(n)]
    weights = {cid: draw(st.floats(0.0, 1.0)) for cid in ids}
    if tree:
        links = [
            (ids[i], ids[draw(st.integers(0, i - 1))], draw(st.sampled_from([S, A])))
            for i in range(1, n)
        ]
    else:
        pairs = [(s, t) for s in range(n) for t in range(n) if t < s or (cyclic and t != s)]
        chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=2 * n))
        links = [(ids[s], ids[t], draw(st.sampled_from([S, A]))) for s, t in chosen]
    return build(weights, links, thesis="c0")


def band_of(name: str, debate: Debate, free: set[str]) -> tuple[float, float]:
    """The thesis's band under `name` with the `free` claims' weights anywhere in [0, 1]."""
    spec = semantics_info(name).spec
    assert spec is not None and debate.thesis is not None
    net = Network.of(debate)
    base = [debate.claims[c].weight for c in net.ids]
    low, high = bands(spec, net, base, [c in free for c in net.ids])
    node = net.index[debate.thesis]
    return low[node], high[node]


def thesis_with(name: str, debate: Debate, assignment: dict[str, float]) -> float:
    return score(debate, name, weights=assignment).scores["c0"]


@FAST
@given(debates(tree=True), st.sampled_from(GRADUAL), st.data())
def test_on_a_tree_the_band_is_exact_and_attained_at_corners(
    debate: Debate, name: str, data: st.DataObject
) -> None:
    others = sorted(set(debate.claims) - {"c0"})
    free = set(data.draw(st.lists(st.sampled_from(others), unique=True, max_size=6)))
    low, high = band_of(name, debate, free)
    corners = [
        thesis_with(name, debate, dict(zip(sorted(free), corner, strict=True)))
        for corner in itertools.product([0.0, 1.0], repeat=len(free))
    ]
    assert min(corners) == pytest.approx(low, abs=1e-9)
    assert max(corners) == pytest.approx(high, abs=1e-9)


@FAST
@given(debates(tree=False, cyclic=True), st.sampled_from(GRADUAL), st.integers(0, 2**16))
def test_every_assignment_lies_in_the_band(debate: Debate, name: str, seed: int) -> None:
    rng = random.Random(seed)
    free = {c for c in debate.claims if c != "c0" and rng.random() < 0.6}
    low, high = band_of(name, debate, free)
    for _ in range(20):
        assignment = {c: rng.choice([0.0, 1.0, rng.random()]) for c in free}
        result = score(debate, name, weights=assignment)
        if result.converged:
            assert low - 1e-7 <= result.scores["c0"] <= high + 1e-7


def test_a_shared_claim_makes_the_band_an_outer_bound() -> None:
    # x supports the thesis directly and attacks its other supporter: no assignment puts x at
    # both ends at once, so the interval is wider than the attained range (still sound).
    debate = build(
        {"c0": 0.5, "p": 0.6, "x": 0.5}, [("p", "c0", S), ("x", "c0", S), ("x", "p", A)], "c0"
    )
    low, high = band_of("dtop", debate, {"x"})
    reached = [thesis_with("dtop", debate, {"x": v / 100}) for v in range(101)]
    assert low <= min(reached) and max(reached) <= high
    assert (high - low) > (max(reached) - min(reached)) + 0.01


def test_a_perspective_gets_a_band_and_the_debate_as_written_does_not() -> None:
    debate = build(
        {"t": 0.5, "p": 0.6, "c": 0.5, "r": 0.5},
        [("p", "t", S), ("c", "t", A), ("r", "c", A)],
        thesis="t",
    )
    plain = score_report(debate, "dtop")
    assert plain.verdict is not None and not plain.verdict.banded
    assert plain.verdict.low == plain.verdict.high == plain.verdict.value
    reader = WeightProfile("reader", "reader.yaml", {"p": 0.9, "c": 0.7})
    weighed = score_report(debate, "dtop", Scenario(perspective=reader))
    read = weighed.verdict
    assert read is not None and read.banded
    # r is free: at 0 the con c stands at 0.7, at 1 it falls to 0.35
    at_zero = score(debate, "dtop", weights={"p": 0.9, "c": 0.7, "r": 0.0}).scores["t"]
    at_one = score(debate, "dtop", weights={"p": 0.9, "c": 0.7, "r": 1.0}).scores["t"]
    assert (read.low, read.high) == pytest.approx((at_zero, at_one))


def test_best_arguments_and_their_paths() -> None:
    debate = build(
        {"t": 0.5, "p": 0.6, "q": 0.8, "c": 0.5, "r": 0.5},
        [("p", "t", S), ("q", "t", S), ("c", "t", A), ("r", "q", A)],
        thesis="t",
    )
    report = score_report(debate, "dtop")
    read = report.verdict
    assert read is not None and read.best_pro is not None and read.best_con is not None
    scores = report.result.scores
    assert read.best_pro.id == max(("p", "q"), key=lambda c: scores[c])
    assert read.best_pro.strength == pytest.approx(max(scores["p"], scores["q"]))
    assert read.best_con.id == "c" and read.best_con.strength == pytest.approx(0.5)
    (step,) = read.best_con.path
    assert (step.source, step.target, step.relation, step.impact) == ("c", "t", A, 1.0)
    data = report_json(report)["verdict"]
    assert isinstance(data, dict)
    assert data["best_con"] == {
        "id": "c",
        "strength": 0.5,
        "path": [{"from": "c", "to": "t", "relation": "attack", "impact": 1.0}],
    }
    assert set(data) == {"value", "low", "high", "phrase", "standard", "best_pro", "best_con"}


def test_a_readers_link_impact_scales_what_reaches_the_thesis() -> None:
    debate = build({"t": 0.5, "p": 0.8}, [("p", "t", S)], thesis="t")
    from agidebate.scoring.whatif import with_impacts

    weaker = with_impacts(debate, {("p", "t"): 0.5})
    assert score(weaker, "dtop").scores["t"] == pytest.approx(0.5 + 0.5 * 0.4)
    read = score_report(weaker, "dtop").verdict
    assert read is not None and read.best_pro is not None
    assert read.best_pro.strength == pytest.approx(0.4)
    assert read.best_pro.path[0].impact == 0.5
    # every count-based semantics scales the same input: qe's energy is 0.4
    assert score(weaker, "qe").scores["t"] == pytest.approx(0.5 + 0.5 * 0.16 / 1.16)


def test_undercutters_cut_the_link_not_the_claim() -> None:
    # u cuts half of p's support of t: the effective input is 0.8 x (1 - 0.5) = 0.4.
    debate = build({"t": 0.5, "p": 0.8, "u": 0.5}, [("p", "t", S)], thesis="t")
    spec = semantics_info("dtop").spec
    assert spec is not None
    plain = Network.of(debate)
    i = plain.index
    net = plain.with_cuts([(i["u"], i["p"], i["t"])])
    evaluation = Evaluation(spec, debate, {c.id: c.weight for c in debate}, net)
    assert evaluation.strength("t") == pytest.approx(0.7)
    assert evaluation.strength("p") == pytest.approx(0.8)  # the claim itself is untouched
    # the undercutter lowers a support: negative slope, exact swing, and the band knows it
    slopes = dict(zip(net.ids, evaluation.slopes("t"), strict=True))
    assert slopes["u"] == pytest.approx(-0.5 * 0.8)
    assert evaluation.with_weight("u", 1.0, "t") == pytest.approx(0.5)
    low, high = bands(spec, net, evaluation.base, [c == "u" for c in net.ids])
    assert (low[i["t"]], high[i["t"]]) == pytest.approx((0.5, 0.9))


@pytest.mark.parametrize(
    ("pro", "con", "name", "side"),
    [
        (0.9, 0.1, "beyond reasonable doubt", "for"),
        (0.9, 0.3, "clear and convincing", "for"),
        (0.6, 0.4, "preponderance", "for"),
        (0.45, 0.1, "preponderance", "for"),  # ahead by 0.35 but not above alpha = 0.5
        (0.1, 0.95, "beyond reasonable doubt", "against"),
        (0.5, 0.5, "undecided", None),
        (0.0, 0.0, "undecided", None),
    ],
)
def test_carneades_standards_both_ways(pro: float, con: float, name: str, side: str | None) -> None:
    assert (ALPHA, BETA, GAMMA) == (0.5, 0.3, 0.2)
    standard = meets(pro, con)
    assert (standard.name, standard.side) == (name, side)


def test_every_semantics_reads_the_same_debate() -> None:
    debate = build({"t": 0.5, "p": 0.9, "c": 0.3}, [("p", "t", S), ("c", "t", A)], thesis="t")
    reports = all_semantics(debate)
    assert [r.info.name for r in reports] == list(SEMANTICS)
    for report in reports:
        assert report.verdict is not None
        assert report.verdict.value == report.result.scores["t"]
    assert reports[0].verdict is not None and reports[0].verdict.standard.side == "for"
