"""`agidebate test`: one row per expectation, exit 1 when one fails, 0 when all hold."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLES, MakeDebate, invoke

COMPLETE = EXAMPLES / "complete"


def failing(make_debate: MakeDebate) -> Path:
    """The complete example with one expectation that cannot hold and one of each problem."""
    files = {
        str(path.relative_to(COMPLETE)): path.read_text(encoding="utf-8")
        for path in COMPLETE.rglob("*.yaml")
    }
    files["perspectives/cyclist.yaml"] = files["perspectives/cyclist.yaml"].replace(
        "verdict: [0.5, 1.0]", "verdict: [0.0, 0.2]\n  nonsense: [0, 1]"
    )
    return make_debate(files)


def test_every_expectation_holds_on_the_complete_example() -> None:
    result = invoke(["test", "--dir", str(COMPLETE)])
    assert result.exit_code == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines()[1:] if line.strip()][:-1]
    assert [row[0] for row in rows] == ["base", "base", "base", "cyclist", "cyclist"]
    assert all(row[-2] == "yes" for row in rows)
    assert "All 5 expectations hold." in result.stdout
    assert "verdict under qe" in result.stdout and "claim fewer-injuries" in result.stdout


def test_a_failing_expectation_exits_1_and_says_where(make_debate: MakeDebate) -> None:
    folder = failing(make_debate)
    result = invoke(["test", "--dir", str(folder)])
    assert result.exit_code == 1
    out = " ".join(result.stdout.split())
    assert "2 of 6 expectations fail." in out
    assert "no: no semantics 'nonsense'" in out
    data = json.loads(invoke(["test", "--dir", str(folder), "--json"]).stdout)
    assert data["ok"] is False and len(data["expectations"]) == 6
    verdict = next(
        row
        for row in data["expectations"]
        if row["perspective"] == "cyclist" and row["claim"] is None and row["semantics"] == "dtop"
    )
    assert verdict["expected"] == [0.0, 0.2] and verdict["ok"] is False and verdict["got"] > 0.2
    assert verdict["location"]["file"].endswith("perspectives/cyclist.yaml")
    assert verdict["location"]["line"] > 1
    unknown = next(row for row in data["expectations"] if row["semantics"] == "nonsense")
    assert unknown["problem"] == "no-semantics" and unknown["got"] is None
    assert set(unknown) == {
        "perspective", "semantics", "claim", "expected", "got", "ok", "problem", "location"
    }  # fmt: skip


def test_no_expectations_is_said_plainly() -> None:
    result = invoke(["test", "--dir", str(EXAMPLES / "main-street")])
    assert result.exit_code == 0
    assert "Nothing to test" in result.stdout and "expect:" in result.stdout
    data = json.loads(invoke(["test", "--dir", str(EXAMPLES / "main-street"), "--json"]).stdout)
    assert data == {"ok": True, "expectations": []}


def test_the_values_are_the_scores_of_score() -> None:
    data = json.loads(invoke(["test", "--dir", str(COMPLETE), "--json"]).stdout)
    scored = json.loads(
        invoke(["score", "--dir", str(COMPLETE), "--perspective", "cyclist", "--json"]).stdout
    )
    cyclist = [row for row in data["expectations"] if row["perspective"] == "cyclist"]
    assert cyclist[0]["got"] == scored["thesis"]["score"]
    assert cyclist[1]["got"] == scored["scores"]["fewer-injuries"]
