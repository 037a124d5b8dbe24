"""`agidebate remove ID [--cascade]`: a claim out of the debate, refused while anything
names it unless --cascade, which lists what goes (issue 19)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from agidebate.format.load import check_debate, load_debate
from agidebate.format.perspectives import load_perspective
from tests.authoring.conftest import assert_refused, snapshot
from tests.conftest import EXAMPLES, MakeDebate, invoke

DEBATE = "title: T\nthesis:\n  text: Build it.\nexpect:\n  claims:\n    dear: [0, 1]\n"
TOPIC = """\
claims:
  - id: cheap          # stays
    text: It is cheap.
    supports: thesis
  - id: dear
    text: It is dear.
    attacks: thesis
    con:
      - id: not-dear
        text: Not that dear.
  - {id: both, text: Both., attacks: [dear, cheap]}
  - id: only-dear
    text: Only dear.
    supports:
      - dear
  - id: cut
    text: Cut.
    undercuts: {from: dear, to: thesis}
  - id: list-cut
    text: Also cut.
    undercuts:
      - {from: cheap, to: thesis}
      - {from: dear, to: thesis}
"""
READER = (
    "title: R\ncredence:\n  dear: 0.2\nimpact:\n  dear: {thesis: 0.5}\n  cheap: {thesis: 0.9}\n"
)
PLAIN = "dear: 0.4\n"


@pytest.fixture
def folder(make_debate: MakeDebate) -> Path:
    return make_debate(
        {
            "debate.yaml": DEBATE,
            "t.yaml": TOPIC,
            "perspectives/reader.yaml": READER,
            "perspectives/plain.yaml": PLAIN,
        }
    )


def test_a_claim_nothing_names_goes_alone(folder: Path) -> None:
    result = invoke(["remove", "only-dear", "--dir", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "removed 1 claim: only-dear"
    assert (folder / "t.yaml").read_text(encoding="utf-8") == TOPIC.replace(
        "  - id: only-dear\n    text: Only dear.\n    supports:\n      - dear\n", ""
    )
    assert check_debate(folder).errors == []


def test_a_named_claim_is_refused_with_the_list(folder: Path) -> None:
    assert_refused(
        folder,
        ["remove", "dear", "--dir", str(folder)],
        1,
        "error: 'dear' is still named in 9 places: not-dear (written under it), debate.yaml "
        "(expect), both (target), only-dear (target), cut (undercut), list-cut (undercut), "
        "perspectives/plain.yaml (credence), perspectives/reader.yaml (credence), ...",
    )
    result = invoke(["remove", "dear", "--dir", str(folder)])
    assert "    hint: --cascade takes these out with it" in result.stderr


def test_the_thesis_is_never_removed(folder: Path) -> None:
    assert_refused(
        folder,
        ["remove", "thesis", "--dir", str(folder), "--cascade"],
        1,
        "error: 'thesis' is the thesis",
    )


def test_cascade_takes_out_what_stands_on_it_and_says_what(folder: Path) -> None:
    result = invoke(["remove", "dear", "--cascade", "--dir", str(folder)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "removed 4 claims: dear, not-dear, only-dear, cut"
    assert lines[1] == (
        "  and the references to them in: debate.yaml (expect), both (target), list-cut "
        "(undercut), perspectives/plain.yaml (credence), perspectives/reader.yaml (credence), "
        "perspectives/reader.yaml (impact)"
    )
    assert (
        (folder / "t.yaml").read_text(encoding="utf-8")
        == """\
claims:
  - id: cheap          # stays
    text: It is cheap.
    supports: thesis
  - {id: both, text: Both., attacks: [cheap]}
  - id: list-cut
    text: Also cut.
    undercuts:
      - {from: cheap, to: thesis}
"""
    )
    assert (folder / "debate.yaml").read_text(encoding="utf-8") == DEBATE.replace(
        "  claims:\n    dear: [0, 1]\n", "  claims: {}\n"
    )
    assert (folder / "perspectives" / "reader.yaml").read_text(encoding="utf-8") == (
        "title: R\ncredence: {}\nimpact:\n  cheap: {thesis: 0.9}\n"
    )
    assert (folder / "perspectives" / "plain.yaml").read_text(encoding="utf-8") == "{}\n"
    debate = load_debate(folder)
    assert set(debate.claims) == {"thesis", "cheap", "both", "list-cut"}
    assert check_debate(folder).errors == []
    reader = load_perspective(folder, debate, "reader")
    assert dict(reader.credence) == {} and dict(reader.impact) == {("cheap", "thesis"): 0.9}


def test_every_claim_of_a_file_removed_leaves_an_empty_list(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": DEBATE.split("expect")[0],
            "a.yaml": "claims:\n  - id: a\n    text: A\n    supports: thesis\n",
            "b.yaml": "# b\nclaims:\n  - {id: b, text: B, attacks: a}\n",
        }
    )
    result = invoke(["remove", "a", "--cascade", "--dir", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert (folder / "a.yaml").read_text(encoding="utf-8") == "claims: []\n"
    assert (folder / "b.yaml").read_text(encoding="utf-8") == "# b\nclaims: []\n"
    assert check_debate(folder).errors == []


def test_dry_run_and_json(folder: Path) -> None:
    before = snapshot(folder)
    result = invoke(["remove", "dear", "--cascade", "--dry-run", "--json", "--dir", str(folder)])
    assert result.exit_code == 0
    assert snapshot(folder) == before
    data = json.loads(result.stdout)
    assert data["removed"] == ["dear", "not-dear", "only-dear", "cut"]
    assert data["written"] is False
    assert {Path(f["file"]).name for f in data["files"]} == {
        "t.yaml",
        "debate.yaml",
        "reader.yaml",
        "plain.yaml",
    }


def test_the_complete_example(tmp_path: Path) -> None:
    folder = tmp_path / "complete"
    shutil.copytree(EXAMPLES / "complete", folder)
    result = invoke(["remove", "few-cyclists", "--cascade", "--dir", str(folder)])
    assert result.exit_code == 0, result.stderr
    debate = load_debate(folder)
    assert {"few-cyclists", "latent-demand"}.isdisjoint(debate.claims)
    assert check_debate(folder).errors == []


def test_an_unknown_id_gets_did_you_mean(folder: Path) -> None:
    assert_refused(folder, ["remove", "deer", "--dir", str(folder)], 1, "did you mean 'dear'")
