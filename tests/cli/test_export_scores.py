"""`agidebate export --semantics NAME / --no-scores`: scores in the JSON export."""

from __future__ import annotations

import json

from tests.conftest import EXAMPLES, invoke

MAIN_STREET = str(EXAMPLES / "main-street")


def export(*args: str) -> dict:  # type: ignore[type-arg]
    result = invoke(["export", "--dir", MAIN_STREET, *args])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_scores_join_the_export_by_default() -> None:
    data = export()
    assert data["semantics"] == "dtop"
    scores = {c["id"]: c["score"] for c in data["claims"]}
    expected = json.loads(invoke(["score", "--dir", MAIN_STREET, "--json"]).stdout)["scores"]
    assert scores == expected


def test_another_semantics_and_no_scores() -> None:
    data = export("--semantics", "grounded")
    assert data["semantics"] == "grounded"
    assert {c["id"]: c["score"] for c in data["claims"]}["garage-nearby"] == 1.0
    bare = export("--no-scores")
    assert "semantics" not in bare and all("score" not in c for c in bare["claims"])


def test_unknown_semantics_is_a_usage_error() -> None:
    result = invoke(["export", "--dir", MAIN_STREET, "--semantics", "nope"])
    assert result.exit_code == 2 and "unknown semantics 'nope'" in result.stderr
