"""`agidebate explain ID`: shares in order of influence, --depth, --json, errors."""

from __future__ import annotations

import json

from tests.conftest import EXAMPLES, invoke

MAIN_STREET = str(EXAMPLES / "main-street")


def explain(*args: str) -> str:
    result = invoke(["explain", "--dir", MAIN_STREET, *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_shares_strongest_first() -> None:
    out = explain("thesis")
    lines = [line for line in out.splitlines() if line.strip().startswith(("+", "-"))]
    shares = [abs(float(line.split()[0])) for line in lines]
    assert shares == sorted(shares, reverse=True) and len(shares) == 5
    assert "score 0.72 = base weight 0.50, moved +0.22 by 3 supporters and 2 attackers." in out
    assert "A share is how much the claim's score would change" in out


def test_depth_goes_down_and_zero_reaches_the_leaves() -> None:
    assert "\n    footfall  Cyclists shop locally" not in explain("thesis")
    assert "\n    footfall  Cyclists shop locally" in explain("thesis", "--depth", "2")
    deep = explain("thesis", "--depth", "0")
    assert "different-town  That study was in a bigger city" in deep
    assert "score 0.50 = its base weight; nothing argues about it." in deep


def test_json_and_cycles() -> None:
    data = json.loads(explain("traffic-diverts", "--json", "--depth", "2"))
    first = data["claims"][0]
    assert first["id"] == "traffic-diverts" and first["in_cycle"] is True
    assert [i["id"] for i in first["influences"]] == ["traffic-evaporates"]
    assert data["claims"][1]["level"] == 1


def test_unknown_claim_and_left_out_claim_are_usage_errors() -> None:
    result = invoke(["explain", "--dir", MAIN_STREET, "parking"])
    assert result.exit_code == 2 and "did you mean 'parking-loss'?" in result.stderr
    result = invoke(["explain", "--dir", MAIN_STREET, "survey-doubt", "--without", "footfall"])
    assert result.exit_code == 2 and "left out by --without" in result.stderr


def test_hcat_marks_ignored_supporters() -> None:
    out = explain("thesis", "--semantics", "hcat")
    assert "ignored  supporter" in out and "hcat looks at attacks only" in out


def test_grounded_says_why_a_share_can_be_zero() -> None:
    out = " ".join(invoke(["explain", "dw-01", "-s", "grounded"]).stdout.split())
    assert "+0.000 attacker dw-09 0.00" in out
    assert "A share of +0.000 means the label stays the same without that attacker" in out
    qe = invoke(["explain", "dw-01"]).stdout
    assert "the label stays the same" not in qe
