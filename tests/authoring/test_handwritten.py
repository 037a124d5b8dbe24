"""A rebuttal written by hand, as docs/authoring.md teaches, takes part in everything.

The tutorial's file (tests/data/docs/bike-lane/replies/my-rebuttal.yaml) must be
the file the page shows; the claim in it must appear in `check`, in the JSON
export, in `agidebate.scoring.score`, and in `show` and `score` once those
commands exist on the command line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from agidebate.cli._reference import command_names
from agidebate.format.load import load_debate
from agidebate.model import Relation, Side
from agidebate.scoring import score
from tests.conftest import DATA, REPO, invoke

FOLDER = DATA / "docs" / "bike-lane"
FILE = FOLDER / "replies" / "my-rebuttal.yaml"


def test_the_page_shows_the_fixture_file() -> None:
    page = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", page, re.S)
    assert FILE.read_text(encoding="utf-8") in blocks


def test_it_checks_clean_and_joins_the_graph() -> None:
    debate = load_debate(FOLDER)
    claim = debate.claims["parking-half-empty"]
    assert (claim.topic, claim.weight, claim.by) == ("my-rebuttal", 0.6, "A reader")
    assert [(e.target, e.relation) for e in debate.targets(claim.id)] == [
        ("parking-loss", Relation.ATTACK)
    ]
    assert debate.side(claim.id) is Side.PRO  # a rebuttal of a con claim


def test_it_is_in_the_json_export() -> None:
    result = invoke(["export", "--dir", str(FOLDER), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    claim = next(c for c in data["claims"] if c["id"] == "parking-half-empty")
    assert claim["file"] == "replies/my-rebuttal.yaml" and claim["side"] == "pro"
    assert {
        "source": "parking-half-empty",
        "target": "parking-loss",
        "type": "attack",
        "impact": 1.0,
        "editorial": False,
        "note": None,
    } in data["edges"]


def test_it_lowers_the_score_of_the_claim_it_rebuts(tmp_path: Path) -> None:
    with_it = load_debate(FOLDER)
    without = tmp_path / "without"
    for path in FOLDER.rglob("*.yaml"):
        if path != FILE:
            target = without / path.relative_to(FOLDER)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    scores = score(with_it).scores
    assert "parking-half-empty" in scores
    assert scores["parking-loss"] < score(load_debate(without)).scores["parking-loss"]


@pytest.mark.skipif("show" not in command_names(), reason="`agidebate show` is not on this branch")
def test_it_is_shown() -> None:
    result = invoke(["show", "--dir", str(FOLDER), "parking-loss"])
    assert result.exit_code == 0
    assert "The spaces are rarely full" in result.stdout


@pytest.mark.skipif(
    "score" not in command_names(), reason="`agidebate score` is not on this branch"
)
def test_it_is_scored() -> None:
    result = invoke(["score", "--dir", str(FOLDER), "--json"])
    assert result.exit_code == 0
    assert "parking-half-empty" in json.loads(result.stdout)["scores"]
