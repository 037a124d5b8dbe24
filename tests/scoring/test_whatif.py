"""What-if scenarios: overrides, removals, perspectives and weights files with positioned errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from agidebate.errors import UsageError
from agidebate.format.load import load_debate
from agidebate.format.perspectives import load_perspective, read_weights
from agidebate.model import Debate
from agidebate.scoring import score
from agidebate.scoring.whatif import Scenario, apply, parse_assignment, without
from tests.conftest import EXAMPLES, MakeDebate
from tests.scoring.graphs import A, S, build

MAIN_STREET = EXAMPLES / "main-street"


@pytest.fixture
def debate() -> Debate:
    return load_debate(MAIN_STREET)


def test_parse_assignment_checks_ids_and_values(debate: Debate) -> None:
    assert parse_assignment("parking-loss=0.25", debate) == ("parking-loss", 0.25)
    assert parse_assignment(" parking-loss = 1 ", debate) == ("parking-loss", 1.0)
    cases = {
        "parking-los=0.3": "did you mean 'parking-loss'",
        "parking-loss=1.5": "outside [0, 1]",
        "parking-loss=high": "'high' is not a number",
        "parking-loss=.nan": "is not a number",
        "parking-loss": "expects ID=VALUE",
        "=0.4": "expects ID=VALUE",
    }
    for text, message in cases.items():
        with pytest.raises(UsageError) as caught:
            parse_assignment(text, debate)
        assert message in str(caught.value) + (caught.value.hint or ""), text


def test_without_removes_what_hangs_only_on_the_claim() -> None:
    # r argues only about c; s argues about c and t, so it stays (its link to c goes).
    debate = build(
        {"t": 0.5, "c": 0.5, "r": 0.5, "s": 0.5, "q": 0.5},
        [("c", "t", A), ("r", "c", A), ("s", "c", S), ("s", "t", S), ("q", "r", S)],
        thesis="t",
    )
    smaller, removed = without(debate, ["c"])
    assert removed == ["c", "r", "q"]
    assert sorted(smaller.claims) == ["s", "t"]
    assert [(e.source, e.target) for e in smaller.edges] == [("s", "t")]


def test_without_refuses_the_thesis_and_unknown_ids() -> None:
    debate = build({"t": 0.5, "a": 0.5}, [("a", "t", A)], thesis="t")
    with pytest.raises(UsageError, match="thesis cannot be removed"):
        without(debate, ["t"])
    with pytest.raises(UsageError) as caught:
        without(debate, ["b"])
    assert "--without: no claim with id 'b'" in str(caught.value)


def test_without_handles_cycles() -> None:
    debate = build(
        {"t": 0.5, "a": 0.5, "b": 0.5}, [("a", "t", A), ("b", "a", A), ("a", "b", A)], thesis="t"
    )
    smaller, removed = without(debate, ["a"])
    assert removed == ["a", "b"] and list(smaller.claims) == ["t"]


def test_scenario_order_perspective_then_file_then_set(debate: Debate, tmp_path: Path) -> None:
    own = tmp_path / "mine.yaml"
    own.write_text("parking-loss: 0.4\nsurvey-doubt: 0.6\n", encoding="utf-8")
    scenario = Scenario(
        perspective=load_perspective(MAIN_STREET, debate, "shopkeeper"),
        own=read_weights(own, debate),
        overrides=(("survey-doubt", 0.1),),
    )
    applied = apply(debate, scenario)
    assert applied.weights["few-cyclists"] == 0.8  # from the perspective
    assert applied.weights["parking-loss"] == 0.4  # the file overrides the perspective
    assert applied.weights["survey-doubt"] == 0.1  # --set has the last word
    assert applied.perspective is not None and applied.perspective.title == "A shopkeeper"
    assert applied.describe()[-1] == "Set: survey-doubt=0.1."


def test_perspective_file_format(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": "thesis: {text: T}\n",
            "a.yaml": "claims:\n  - {id: x, text: X, attacks: thesis}\n",
            "perspectives/doubter.yaml": "title: Doubter\nby: Me\nweights:\n  x: 0.9\n",
        }
    )
    debate = load_debate(folder)
    applied = apply(debate, Scenario(perspective=load_perspective(folder, debate, "doubter")))
    assert applied.weights == {"x": 0.9}
    assert score(applied.debate, weights=applied.weights).scores["thesis"] < 0.5
