"""Verdicts, topic balances, robustness and the --json contract."""

from __future__ import annotations

import pytest

from agidebate.format.load import load_debate
from agidebate.format.perspectives import load_perspective
from agidebate.query.score_records import report_json
from agidebate.scoring.report import compare_reports, score_report
from agidebate.scoring.topics import topic_balances
from agidebate.scoring.verdict import verdict
from agidebate.scoring.whatif import Scenario
from tests.conftest import EXAMPLES
from tests.scoring.graphs import A, S, build

MAIN_STREET = EXAMPLES / "main-street"


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        (0.97, "strongly for the thesis"),
        (0.8, "strongly for the thesis"),
        (0.7, "for the thesis"),
        (0.57, "leans slightly for the thesis"),
        (0.5, "undecided: the arguments roughly balance"),
        (0.46, "undecided: the arguments roughly balance"),
        (0.42, "leans slightly against the thesis"),
        (0.3, "against the thesis"),
        (0.05, "strongly against the thesis"),
    ],
)
def test_verdict_bands(value: float, phrase: str) -> None:
    assert verdict(value).phrase == phrase


def test_topic_balance_sums_each_side() -> None:
    debate = load_debate(MAIN_STREET)
    report = score_report(debate, "qe")
    balances = {t.id: t for t in report.topics}
    safety = balances["safety"]
    scores = report.result.scores
    assert safety.pro == pytest.approx(
        sum(scores[c] for c in ("fewer-injuries", "latent-demand", "school-route"))
    )
    assert safety.con == pytest.approx(scores["few-cyclists"])
    assert (safety.pro_claims, safety.con_claims) == (3, 1)
    assert 0 <= safety.balance <= 1
    assert topic_balances(build({"t": 0.5}, [], thesis="t"), {"t": 0.5}) == []


def test_robustness_names_a_claim_that_can_flip_the_verdict() -> None:
    fragile = build({"t": 0.5, "p": 0.6, "c": 0.5}, [("p", "t", S), ("c", "t", A)], thesis="t")
    sure = score_report(fragile, "qe").robustness
    assert sure is not None and not sure.firm
    assert {c.id for c in sure.flips} == {"p", "c"}
    firm = build({"t": 0.9, "p": 0.9}, [("p", "t", S)], thesis="t")
    sure = score_report(firm, "qe").robustness
    assert sure is not None and sure.firm and sure.strongest is not None


# The keys of `score --json`, in order (docs/scoring.md).
REPORT_KEYS = ["semantics", "scores", "thesis", "verdict", "topics", "converged", "iterations"]


def test_report_json_has_exactly_the_documented_shape() -> None:
    debate = load_debate(MAIN_STREET)
    data = report_json(score_report(debate, "qe"))
    assert list(data) == REPORT_KEYS
    assert data["thesis"] == {"id": "thesis", "score": data["scores"]["thesis"]}  # type: ignore[index]
    grounded = report_json(score_report(debate, "grounded"))
    assert list(grounded) == [
        "semantics",
        "scores",
        "labels",
        "thesis",
        "verdict",
        "topics",
        "converged",
        "iterations",
    ]
    assert grounded["labels"]["garage-nearby"] == "in"  # type: ignore[index]


def test_compare_lists_the_claims_that_differ_most() -> None:
    debate = load_debate(MAIN_STREET)
    cyclist, shopkeeper = (
        load_perspective(MAIN_STREET, debate, n) for n in ("cyclist", "shopkeeper")
    )
    comparison = compare_reports(debate, "qe", cyclist, shopkeeper)
    changes = [abs(d.change) for d in comparison.differences]
    assert changes == sorted(changes, reverse=True) and changes[0] > 0
    assert comparison.a.result.scores["thesis"] > comparison.b.result.scores["thesis"]
    base = compare_reports(
        debate, "qe", None, cyclist, Scenario(overrides=(("school-route", 0.9),))
    )
    assert base.a.applied.perspective is None
    assert base.a.result.base["school-route"] == base.b.result.base["school-route"] == 0.9
