"""`agidebate cruxes`: ranked by swing, --top, --json, and refusals."""

from __future__ import annotations

import json

import pytest

from agidebate.scoring import sensitivity
from tests.conftest import DATA, EXAMPLES, invoke

MAIN_STREET = str(EXAMPLES / "main-street")


def test_cruxes_are_ranked_by_swing() -> None:
    result = invoke(["cruxes", "--dir", MAIN_STREET, "--top", "4"])
    assert result.exit_code == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines() if line[:3].strip().isdigit()]
    assert [row[0] for row in rows] == ["1", "2", "3", "4"]
    swings = [abs(float(row[6])) for row in rows]
    assert swings == sorted(swings, reverse=True)
    assert rows[0][1] == "traffic-diverts"  # under dtop: it alone can tip the verdict


def test_json() -> None:
    result = invoke(["cruxes", "--dir", MAIN_STREET, "--json", "-n", "2", "-s", "dfquad"])
    data = json.loads(result.stdout)
    assert data["semantics"] == "dfquad" and len(data["cruxes"]) == 2
    crux = data["cruxes"][0]
    assert set(crux) == {
        "id", "weight", "score", "thesis_at_0", "thesis_at_1", "swing", "slope", "exact"
    }  # fmt: skip
    assert crux["exact"] is True
    assert abs(crux["thesis_at_1"] - crux["thesis_at_0"] - crux["swing"]) < 1e-5


def test_grounded_has_no_cruxes() -> None:
    result = invoke(["cruxes", "--dir", MAIN_STREET, "--semantics", "grounded"])
    assert result.exit_code == 2 and "ignores weights" in result.stderr


def test_bundled_debate() -> None:
    result = invoke(["cruxes", "--top", "3"])
    assert result.exit_code == 0, result.stderr
    assert "Thesis: Scaling will deliver AGI by 2040" in result.stdout


def test_swings_beyond_the_budget_are_estimated_and_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sensitivity, "SWING_BUDGET", 0)
    result = invoke(["cruxes", "--dir", MAIN_STREET, "--top", "12"])
    assert result.exit_code == 0, result.stderr
    assert "≈" in result.stdout or "~" in result.stdout
    assert "estimated from the slope" in result.stdout


def test_the_last_line_says_whether_one_claim_can_tip_the_verdict() -> None:
    main_street = " ".join(invoke(["cruxes", "--dir", MAIN_STREET, "-s", "qe"]).stdout.split())
    assert "None of these can carry the thesis across 0.5 on its own" in main_street
    bike = invoke(["cruxes", "--dir", str(DATA / "valid" / "bike-lane")]).stdout
    assert (
        "can each carry the thesis across 0.5 on its own (parking-loss, fewer-injuries, "
        "latent-demand)"
    ) in " ".join(bike.split())
