"""`agidebate rename OLD NEW`: a claim's id and every reference to it, in every file and
perspective, changed in place; every other byte kept (issue 19, item 10)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agidebate.authoring import debate_lock
from agidebate.format.load import check_debate, load_debate
from agidebate.format.perspectives import load_perspective
from tests.authoring.conftest import assert_refused, snapshot
from tests.conftest import REPO, MakeDebate, invoke

# Every way a file may name a claim, with comments, quotes, flow and block style, CRLF.
DEBATE = "# the debate\ntitle: T\nthesis:\n  # no id: the thesis\n  text: Build it.\n"
TOPIC = """\
# costs of the lane
claims:
  - id: cheap          # the claim to rename
    text: It is cheap.
    supports: thesis
    pro:
      - {id: cheap-why, text: "Paint is cheap."}
  - id: dear
    text: It is dear.
    attacks: [thesis, 'cheap']
  - {id: other, text: Other., attacks: "cheap"}
  - id: also
    text: Also.
    supports:
      - cheap
  - id: linked
    text: Linked.
    attacks:
      - {id: cheap, impact: 0.5, editorial: true, note: "only the paint"}
  - id: cut
    text: Cut.
    undercuts: {from: dear, to: cheap}
  - id: cut-too
    text: Cut too.
    undercuts:
      - from: cheap
        to: thesis
"""
PERSPECTIVE = "title: A reader\nweights:\n  cheap: 0.8   # believed\n  dear: 0.2\n"
PERSPECTIVE_V2 = """\
title: Another reader
credence: {cheap: 0.7}
impact:
  cheap: {thesis: 0.4}
  dear: {cheap: 0.9}
expect:
  claims:
    cheap: [0.1, 0.9]
"""
PLAIN_WEIGHTS = "cheap: 0.4\n"


@pytest.fixture
def folder(make_debate: MakeDebate) -> Path:
    return make_debate(
        {
            "debate.yaml": DEBATE,
            "costs.yaml": TOPIC,
            "perspectives/reader.yaml": PERSPECTIVE,
            "perspectives/plain.yaml": PLAIN_WEIGHTS,
            "perspectives/other.yaml": PERSPECTIVE_V2,
        }
    )


def test_every_reference_is_renamed_and_nothing_else(folder: Path) -> None:
    result = invoke(["rename", "cheap", "low-cost", "--dir", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert (folder / "costs.yaml").read_text(encoding="utf-8") == (
        TOPIC.replace("id: cheap ", "id: low-cost ")
        .replace("'cheap'", "'low-cost'")
        .replace('"cheap"', '"low-cost"')
        .replace("      - cheap\n", "      - low-cost\n")
        .replace("{id: cheap,", "{id: low-cost,")
        .replace("to: cheap}", "to: low-cost}")
        .replace("      - from: cheap\n", "      - from: low-cost\n")
    )
    assert (folder / "perspectives" / "other.yaml").read_text(encoding="utf-8") == (
        PERSPECTIVE_V2.replace("{cheap:", "{low-cost:")
        .replace("  cheap: {", "  low-cost: {")
        .replace("{cheap: 0.9}", "{low-cost: 0.9}")
        .replace("    cheap: [", "    low-cost: [")
    )
    assert (folder / "perspectives" / "reader.yaml").read_text(encoding="utf-8") == (
        PERSPECTIVE.replace("  cheap: 0.8", "  low-cost: 0.8")
    )
    assert (folder / "perspectives" / "plain.yaml").read_text(encoding="utf-8") == (
        "low-cost: 0.4\n"
    )
    assert (folder / "debate.yaml").read_text(encoding="utf-8") == DEBATE
    debate = load_debate(folder)
    assert "cheap" not in debate.claims and "low-cost" in debate.claims
    assert sorted(
        (e.source, e.target) for e in debate.edges if "low-cost" in (e.source, e.target)
    ) == [
        ("also", "low-cost"),
        ("cheap-why", "low-cost"),
        ("cut", "low-cost"),
        ("dear", "low-cost"),
        ("linked", "low-cost"),
        ("low-cost", "thesis"),
        ("other", "low-cost"),
    ]
    cut = next(e for e in debate.edges if e.source == "cut-too")
    assert cut.cut_link == ("low-cost", "thesis")
    linked = next(e for e in debate.edges if e.source == "linked")
    assert (linked.impact, linked.editorial, linked.note) == (0.5, True, "only the paint")
    other = load_perspective(folder, debate, "other")
    assert dict(other.credence) == {"low-cost": 0.7}
    assert dict(other.impact) == {("low-cost", "thesis"): 0.4, ("dear", "low-cost"): 0.9}
    assert other.expect is not None and set(other.expect.claims) == {"low-cost"}
    assert load_perspective(folder, debate, "reader").weights["low-cost"] == 0.8
    assert check_debate(folder).problems == ()
    assert result.stdout.splitlines()[0] == ("renamed cheap to low-cost: 13 places in 4 files")


def test_the_thesis_without_an_id_gets_one(folder: Path) -> None:
    result = invoke(["rename", "thesis", "build-it", "--dir", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert (folder / "debate.yaml").read_text(encoding="utf-8") == DEBATE.replace(
        "  text:", "  id: build-it\n  text:"
    )
    debate = load_debate(folder)
    assert debate.thesis == "build-it"
    assert {e.source for e in debate.children("build-it")} == {"cheap", "dear"}


def test_crlf_bom_and_quoting_are_kept(make_debate: MakeDebate) -> None:
    topic = "\ufeffclaims:\r\n  - id: 'a'\r\n    text: A\r\n    attacks: thesis\r\n  - {id: b, text: B, attacks: [\"a\"]}\r\n"
    folder = make_debate({"debate.yaml": DEBATE, "t.yaml": topic.encode("utf-8")})
    assert invoke(["rename", "a", "a2", "--dir", str(folder)]).exit_code == 0
    assert (folder / "t.yaml").read_bytes() == topic.replace("'a'", "'a2'").replace(
        '["a"]', '["a2"]'
    ).encode("utf-8")


def test_a_new_id_that_plain_yaml_would_misread_is_quoted(folder: Path) -> None:
    result = invoke(["rename", "dear", "2024-01-01", "--dir", str(folder)])
    assert result.exit_code == 0, result.stderr
    text = (folder / "costs.yaml").read_text(encoding="utf-8")
    assert "  - id: '2024-01-01'\n" in text
    assert "2024-01-01" in load_debate(folder).claims


def test_dry_run_shows_the_diff_and_writes_nothing(folder: Path) -> None:
    before = snapshot(folder)
    result = invoke(["rename", "cheap", "low-cost", "--dir", str(folder), "--dry-run"])
    assert result.exit_code == 0
    assert snapshot(folder) == before
    assert result.stdout.startswith("would rename cheap to low-cost: 13 places in 4 files")
    assert "-  - id: cheap          # the claim to rename" in result.stdout
    assert "+  - id: low-cost          # the claim to rename" in result.stdout


def test_json(folder: Path) -> None:
    result = invoke(["rename", "cheap", "low-cost", "--dir", str(folder), "--json"])
    data = json.loads(result.stdout)
    assert (data["old"], data["new"], data["places"]) == ("cheap", "low-cost", 13)
    assert [f["file"].split("/")[-1] for f in data["files"]] == [
        "costs.yaml",
        "other.yaml",
        "plain.yaml",
        "reader.yaml",
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["cheap", "dear"], 1, "error: NEW 'dear' is already the id of a claim, at "),
        (["cheap", "Not An Id"], 1, "error: NEW 'Not An Id' is not a valid id"),
        (["chaep", "x"], 1, "error: OLD: no claim with id 'chaep'"),
    ],
)
def test_refusals_change_nothing(folder: Path, args: list[str], code: int, message: str) -> None:
    assert_refused(folder, ["rename", *args, "--dir", str(folder)], code, message)


def test_an_unknown_old_gets_did_you_mean(folder: Path) -> None:
    result = invoke(["rename", "chaep", "x", "--dir", str(folder)])
    assert "    hint: did you mean 'cheap'" in result.stderr


def test_no_folder_is_a_usage_error() -> None:
    result = invoke(["rename", "a", "b"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: say which debate folder to change")


def test_a_broken_debate_is_not_renamed(make_debate: MakeDebate) -> None:
    folder = make_debate({"debate.yaml": DEBATE, "t.yaml": "claims:\n  - {id: a, txt: A}\n"})
    assert_refused(folder, ["rename", "a", "b", "--dir", str(folder)], 1, "error: the debate has")


def test_it_waits_for_the_folder_lock(folder: Path) -> None:
    with debate_lock(folder):
        process = subprocess.Popen(
            [sys.executable, "-m", "agidebate", "rename", "cheap", "low", "--dir", str(folder)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(1.0)
        assert process.poll() is None, "rename must wait while another writer holds the lock"
        assert "id: cheap " in (folder / "costs.yaml").read_text(encoding="utf-8")
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "low" in load_debate(folder).claims


def test_the_bundled_debate_renames_across_files(tmp_path: Path) -> None:
    import shutil

    from tests.conftest import BUNDLED

    folder = tmp_path / "agi"
    shutil.copytree(BUNDLED, folder)
    before = load_debate(folder)
    pointing = sum(1 for e in before.edges if e.target == "dw-01")
    result = invoke(["rename", "dw-01", "data-runs-out", "--dir", str(folder)])
    assert result.exit_code == 0, result.stderr
    after = load_debate(folder)
    assert sum(1 for e in after.edges if e.target == "data-runs-out") == pointing
    assert len(after.edges) == len(before.edges) and len(after) == len(before)
    assert check_debate(folder).errors == []


def test_the_complete_example_renames_in_every_form(tmp_path: Path) -> None:
    """docs/format.md's complete example writes every field: rename two of its claims."""
    import shutil

    from tests.conftest import EXAMPLES

    folder = tmp_path / "complete"
    shutil.copytree(EXAMPLES / "complete", folder)
    before = load_debate(folder)
    for old, new in (("fewer-injuries", "lanes-cut-injuries"), ("parking-loss", "lost-parking")):
        result = invoke(["rename", old, new, "--dir", str(folder)])
        assert result.exit_code == 0, result.stderr
    after = load_debate(folder)
    assert check_debate(folder).errors == []
    assert len(after.edges) == len(before.edges) and len(after) == len(before)
    assert after.expect is not None and "lanes-cut-injuries" in after.expect.claims
    cyclist = load_perspective(folder, after, "cyclist")
    assert ("lost-parking", "thesis") in cyclist.impact
    assert "lanes-cut-injuries" in cyclist.credence
    assert {"fewer-injuries", "parking-loss"}.isdisjoint(after.claims)
