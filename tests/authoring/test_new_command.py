"""`agidebate new TOPIC`: a commented template that checks clean, never over an existing file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agidebate.authoring import template
from agidebate.format.load import check_debate, load_debate
from tests.authoring.conftest import assert_refused, snapshot
from tests.conftest import MakeDebate, invoke


def test_creates_a_template_that_checks_clean_without_warnings(debate: Path) -> None:
    result = invoke(["new", "costs", "--dir", str(debate), "--title", "What the lane costs"])
    assert result.exit_code == 0, result.stderr
    path = debate / "costs.yaml"
    assert result.stdout.splitlines() == [
        f"created {path} (topic 'costs')",
        f'  next: agidebate add --dir {debate} --file costs.yaml --to ID --con --text "..."  '
        "(or edit the file)",
    ]
    assert path.read_text(encoding="utf-8") == template("costs", "What the lane costs")
    report = check_debate(debate)
    assert report.problems == ()
    assert (
        report.debate is not None and report.debate.topics["costs"].title == "What the lane costs"
    )
    assert invoke(["check", "--strict", "--dir", str(debate)]).exit_code == 0


def test_the_template_explains_itself() -> None:
    text = template("costs", "Costs")
    assert text.startswith("# Topic 'costs'")
    assert "topic: costs\ntitle: Costs\n" in text
    assert text.endswith("claims: []\n")
    assert "agidebate add --dir DEBATE-FOLDER --file costs.yaml" in text
    assert "#   - id: costs-example" in text


def test_then_add_fills_it_as_a_block_list(debate: Path) -> None:
    assert invoke(["new", "costs", "--dir", str(debate)]).exit_code == 0
    args = ["add", "--dir", str(debate), "--file", "costs.yaml", "--to", "thesis", "--pro"]
    assert invoke([*args, "--text", "Cheaper than a garage."]).exit_code == 0
    text = (debate / "costs.yaml").read_text(encoding="utf-8")
    assert text == template("costs", "Costs").replace(
        "claims: []\n",
        "claims:\n  - id: cheaper-garage\n    text: Cheaper than a garage.\n    supports: thesis\n",
    )
    assert load_debate(debate).claims["cheaper-garage"].topic == "costs"


def test_a_default_title_and_a_title_that_needs_quotes(debate: Path) -> None:
    assert invoke(["new", "data-wall", "--dir", str(debate)]).exit_code == 0
    assert "title: Data wall\n" in (debate / "data-wall.yaml").read_text(encoding="utf-8")
    assert invoke(["new", "odd", "--dir", str(debate), "--title", "no"]).exit_code == 0
    assert load_debate(debate).topics["odd"].title == "no"


def test_works_in_an_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    folder.mkdir()
    assert invoke(["new", "first", "--dir", str(folder)]).exit_code == 0
    assert check_debate(folder).problems == ()


def test_dry_run_and_json(debate: Path) -> None:
    before = snapshot(debate)
    result = invoke(["new", "costs", "--dir", str(debate), "--dry-run"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"would create {debate / 'costs.yaml'} (topic 'costs')\n")
    assert "  (dry run: nothing was written)\n\n# Topic 'costs'" in result.stdout
    assert snapshot(debate) == before
    report = json.loads(invoke(["new", "costs", "--dir", str(debate), "--json"]).stdout)
    assert (report["topic"], report["created"], report["written"]) == ("costs", True, True)
    assert report["yaml"] == template("costs", "Costs")


@pytest.mark.parametrize(
    ("topic", "message"),
    [
        ("safety", "topic 'safety' already exists (in safety.yaml)"),
        ("parking", "topic 'parking' already exists (in replies/parking.yaml)"),
        ("debate", "TOPIC 'debate' would be debate.yaml"),
        ("Costs", "TOPIC 'Costs' is not a valid id"),
        ("../costs", "TOPIC '../costs' is not a valid id"),
        ("a/b", "TOPIC 'a/b' is not a valid id"),
        ("/abs", "TOPIC '/abs' is not a valid id"),
        ("nul\x00", "TOPIC 'nul\\x00' is not a valid id"),
    ],
)
def test_refusals_change_nothing(debate: Path, topic: str, message: str) -> None:
    assert_refused(debate, ["new", topic, "--dir", str(debate)], 1, message)


def test_never_overwrites_a_file(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {"debate.yaml": "thesis:\n  text: T\n", "notes.yml": "# not a topic yet\n"}
    )
    result = invoke(["new", "notes", "--dir", str(folder)])
    assert result.exit_code == 1
    assert "'notes.yml' already exists" in result.stderr
    assert (folder / "notes.yml").read_text(encoding="utf-8") == "# not a topic yet\n"
