"""A rebuttal written by hand, as docs/authoring.md teaches, takes part in everything.

The page's file (the YAML block it tells the reader to save as
`bike-lane/replies/my-rebuttal.yaml`) is written into a copy of
docs/examples/bike-lane; the claim in it must appear in `check`, in the JSON export,
in `agidebate.scoring.score`, and in `show` and `score`.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from agidebate.format.load import load_debate
from agidebate.model import Relation, Side
from agidebate.scoring import score
from tests.conftest import EXAMPLES, REPO, invoke

NAME = "bike-lane/replies/my-rebuttal.yaml"


def page_file() -> str:
    """The YAML block docs/authoring.md tells the reader to save as NAME."""
    page = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- file: {re.escape(NAME)} -->\n```yaml\n(.*?)```", page, re.S)
    assert found is not None, f"docs/authoring.md shows {NAME} after <!-- file: {NAME} -->"
    return found.group(1)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """docs/examples/bike-lane with the page's file saved in it, as the reader does."""
    copy = tmp_path_factory.mktemp("handwritten") / "bike-lane"
    shutil.copytree(EXAMPLES / "bike-lane", copy)
    (copy.parent / NAME).write_text(page_file(), encoding="utf-8")
    return copy


def test_it_checks_clean_and_joins_the_graph(folder: Path) -> None:
    debate = load_debate(folder)
    claim = debate.claims["parking-half-empty"]
    assert (claim.topic, claim.weight, claim.by) == ("my-rebuttal", 0.6, "A reader")
    assert [(e.target, e.relation) for e in debate.targets(claim.id)] == [
        ("parking-loss", Relation.ATTACK)
    ]
    assert debate.side(claim.id) is Side.PRO  # a rebuttal of a con claim


def test_it_is_in_the_json_export(folder: Path) -> None:
    result = invoke(["export", "--dir", str(folder), "--format", "json"])
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


def test_it_lowers_the_score_of_the_claim_it_rebuts(folder: Path) -> None:
    scores = score(load_debate(folder)).scores
    assert "parking-half-empty" in scores
    without = score(load_debate(EXAMPLES / "bike-lane")).scores
    assert scores["parking-loss"] < without["parking-loss"]


def test_it_is_shown(folder: Path) -> None:
    result = invoke(["show", "--dir", str(folder), "parking-loss"])
    assert result.exit_code == 0
    assert "The spaces are rarely full" in result.stdout


def test_it_is_scored(folder: Path) -> None:
    result = invoke(["score", "--dir", str(folder), "--json"])
    assert result.exit_code == 0
    assert "parking-half-empty" in json.loads(result.stdout)["scores"]
