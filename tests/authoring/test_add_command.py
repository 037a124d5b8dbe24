"""`agidebate add` on the command line: what it writes, what it prints, and what it refuses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from agidebate.format.load import load_debate
from agidebate.model import Relation, Side
from tests.authoring.conftest import assert_refused, snapshot
from tests.conftest import EXAMPLES, MakeDebate, invoke, run_process

TEXT = "Counts are low because riding there is unsafe."


def add(folder: Path, *args: str) -> list[str]:
    return ["add", "--dir", str(folder), *args]


def test_adds_a_rebuttal_under_its_target(debate: Path) -> None:
    result = invoke(add(debate, "--to", "few-cyclists", "--con", "--text", TEXT, "--weight", "0.6"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"added counts-low-because-riding to {debate / 'safety.yaml'}, lines 32-34\n"
        "  attacks few-cyclists; side: pro (it argues for the thesis)\n"
    )
    loaded = load_debate(debate)
    claim = loaded.claims["counts-low-because-riding"]
    assert (claim.text, claim.weight, claim.weight_stated) == (TEXT, 0.6, True)
    assert loaded.side(claim.id) is Side.PRO
    assert [(e.source, e.relation) for e in loaded.children("few-cyclists")] == [
        ("latent-demand", Relation.ATTACK),
        ("counts-low-because-riding", Relation.ATTACK),
    ]


def test_every_field_from_the_command_line(debate: Path) -> None:
    args = ["--to", "fewer-injuries", "--pro", "--id", "second-study", "--title", "A second study"]
    args += ["--text", TEXT, "--by", "Me", "--source", "https://a.example/1"]
    args += ["--source", "https://b.example/2", "--weight", "0.75"]
    assert invoke(add(debate, *args)).exit_code == 0
    claim = load_debate(debate).claims["second-study"]
    assert (claim.title, claim.by, claim.weight) == ("A second study", "Me", 0.75)
    assert [s.url for s in claim.sources] == ["https://a.example/1", "https://b.example/2"]
    assert "    pro:\n      - id: second-study\n        title: A second study\n" in (
        debate / "safety.yaml"
    ).read_text(encoding="utf-8")


def test_under_the_thesis_in_debate_yaml(debate: Path) -> None:
    result = invoke(add(debate, "--to", "thesis", "--con", "--text", "Too expensive."))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"added too-expensive to {debate / 'debate.yaml'}, lines 5-7",
        "  attacks thesis; side: con (it argues against the thesis)",
        "  note: claims in debate.yaml belong to no topic; --file FILE puts a claim in a topic file",
    ]
    assert (
        (debate / "debate.yaml")
        .read_text(encoding="utf-8")
        .endswith("  con:\n    - id: too-expensive\n      text: Too expensive.\n")
    )


def test_dry_run_prints_yaml_and_diff_and_writes_nothing(debate: Path) -> None:
    before = snapshot(debate)
    result = invoke(add(debate, "--to", "parking-loss", "--con", "--text", TEXT, "--dry-run"))
    assert result.exit_code == 0
    path = debate / "replies" / "parking.yaml"
    assert result.stdout.splitlines() == [
        f"would add counts-low-because-riding to {path}, lines 9-11",
        "  attacks parking-loss; side: pro (it argues for the thesis)",
        "  (dry run: nothing was written)",
        "",
        "    con:",
        "      - id: counts-low-because-riding",
        "        text: Counts are low because riding there is unsafe.",
        "",
        f"--- {path}",
        f"+++ {path}",
        "@@ -6,3 +6,6 @@",
        "     attacks: thesis",
        "     figures:",
        "       - {value: 40, unit: spaces, what: parking spaces removed}",
        "+    con:",
        "+      - id: counts-low-because-riding",
        "+        text: Counts are low because riding there is unsafe.",
    ]
    assert snapshot(debate) == before  # not even a lock file


def test_json_output(debate: Path) -> None:
    result = invoke(
        add(debate, "--to", "thesis", "--con", "--text", TEXT, "--json", "--file", "r.yaml")
    )
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report == {
        "id": "counts-low-because-riding",
        "target": "thesis",
        "relation": "attack",
        "side": "con",
        "file": str(debate / "r.yaml"),
        "created": True,
        "written": True,
        "lines": [1, 4],
        "yaml": f"claims:\n  - id: counts-low-because-riding\n    text: {TEXT}\n    attacks: thesis\n",
        "diff": report["diff"],
        "warnings": [],
    }
    assert report["diff"].startswith(f"--- /dev/null\n+++ {debate / 'r.yaml'}\n@@ -0,0 +1,4 @@\n")


def test_a_new_file_in_new_folders(debate: Path) -> None:
    result = invoke(
        add(debate, "--to", "thesis", "--pro", "--text", TEXT, "--file", "a/b/mine.yml")
    )
    assert result.exit_code == 0
    assert "(a new file)" in result.stdout
    assert (debate / "a" / "b" / "mine.yml").read_text(encoding="utf-8") == (
        f"claims:\n  - id: counts-low-because-riding\n    text: {TEXT}\n    supports: thesis\n"
    )
    assert load_debate(debate).topics["mine"].files == (str(debate / "a" / "b" / "mine.yml"),)


def test_warnings_are_shown_but_do_not_stop_the_add(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {"debate.yaml": "thesis:\n  text: T\n", "t.yaml": "claims:\n  - {id: lone, text: L}\n"}
    )
    result = invoke(add(folder, "--to", "lone", "--con", "--text", TEXT))
    assert result.exit_code == 0
    assert "side: none (it does not reach the thesis)" in result.stdout
    assert (
        "warning: claim 'counts-low-because-riding' does not connect to the thesis" in result.stderr
    )


def test_a_debate_with_errors_is_not_edited(tmp_path: Path) -> None:
    folder = tmp_path / "my-debate"
    shutil.copytree(EXAMPLES / "my-debate", folder)
    before = snapshot(folder)
    result = invoke(add(folder, "--to", "fewer-injuries", "--con", "--text", TEXT))
    assert result.exit_code == 1
    assert "error: claim 'fewer-injuries' has no text" in result.stderr
    assert (
        "the debate has 4 errors; agidebate changes only a debate that checks clean"
        in result.stderr
    )
    assert snapshot(folder) == before


CON = ["--to", "thesis", "--con", "--text", TEXT]


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["--to", "few-cyclistz", "--con", "--text", TEXT], 1, "--to: no claim with id 'few-cyclistz'"),
        ([*CON, "--id", "few-cyclists"], 1, "--id 'few-cyclists' is already used at"),
        ([*CON, "--id", "Bad Id"], 1, "--id 'Bad Id' is not a valid id"),
        ([*CON, "--id", "../escape"], 1, "--id '../escape' is not a valid id"),
        ([*CON, "--id", "/etc/passwd"], 1, "--id '/etc/passwd' is not a valid id"),
        ([*CON, "--id", "a\x00b"], 1, "--id 'a\\x00b' is not a valid id"),
        ([*CON, "--weight", "1.5"], 1, "--weight 1.5 is outside [0, 1]"),
        ([*CON, "--weight", "yes"], 1, "--weight must be a number between 0 and 1"),
        ([*CON, "--weight", "nan"], 1, "--weight must be a number"),
        ([*CON, "--source", "not a url"], 1, "--source 'not a url' is not a URL"),
        ([*CON[:4], "   "], 1, "--text is empty"),
        ([*CON[:4], "bell\x07"], 1, "--text contains the control character U+0007"),
        ([*CON, "--title", "two\nlines"], 1, "--title contains the control character U+000A"),
        ([*CON, "--pro"], 2, "--con and --pro exclude each other"),
        (["--to", "thesis", "--text", TEXT], 2, "--con or --pro is required when not run on a terminal"),
        (CON[:3], 2, "--text is required when not run on a terminal"),
        (CON[2:], 2, "--to ID is required when not run on a terminal"),
    ],
)  # fmt: skip
def test_bad_requests_change_nothing(
    debate: Path, args: list[str], status: int, message: str
) -> None:
    """A request the debate cannot take exits 1; a malformed command line exits 2."""
    assert_refused(debate, add(debate, *args), status, message)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../escape.yaml", "goes up with '..'"),
        ("replies/../../escape.yaml", "goes up with '..'"),
        ("/tmp/escape.yaml", "is an absolute path"),
        ("C:/escape.yaml", "is an absolute path"),
        ("a\\b.yaml", "contains a backslash"),
        ("nul\x00.yaml", "contains a NUL byte"),
        (".hidden.yaml", "names starting with '.' are skipped"),
        ("replies/.drafts/mine.yaml", "names starting with '.' are skipped"),
        ("perspectives/mine.yaml", "'perspectives/' is reserved"),
        ("notes.txt", "does not end in .yaml or .yml"),
        ("debate.yaml", "the debate's title-and-thesis file"),
        ("./debate.yml", "the debate's title-and-thesis file"),
        ("safety.yaml/x.yaml", "'safety.yaml' is not a folder"),
        ("replies", "does not end in .yaml"),
    ],
)
def test_file_names_that_escape_or_would_not_be_read(debate: Path, name: str, message: str) -> None:
    assert_refused(debate, add(debate, *CON, "--file", name), 1, message)


def test_without_a_folder_it_refuses_to_touch_the_bundled_debate() -> None:
    result = invoke(["add", "--to", "thesis", "--con", "--text", TEXT])
    assert result.exit_code == 2
    assert "say which debate folder to change: --dir DIR (or set $AGIDEBATE_DIR)" in result.stderr
    assert "copy it first: cp -r " in result.stderr


def test_the_environment_variable_names_the_folder(debate: Path) -> None:
    result = invoke(
        ["add", "--to", "thesis", "--con", "--text", TEXT], env={"AGIDEBATE_DIR": str(debate)}
    )
    assert result.exit_code == 0
    assert "counts-low-because-riding" in load_debate(debate).claims


def test_derived_ids_stay_unique(debate: Path) -> None:
    for _ in range(3):
        assert invoke(add(debate, "--to", "thesis", "--con", "--text", TEXT)).exit_code == 0
    ids = set(load_debate(debate).claims)
    assert {
        "counts-low-because-riding",
        "counts-low-because-riding-2",
        "counts-low-because-riding-3",
    } <= ids


def test_a_real_process_writes_the_claim(debate: Path) -> None:
    result = run_process(add(debate, "--to", "latent-demand", "--pro", "--text", TEXT))
    assert result.returncode == 0, result.stderr
    assert "counts-low-because-riding" in load_debate(debate).claims
    assert "Traceback" not in result.stderr


def test_without_a_thesis_the_side_is_relative_to_the_root(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "claims:\n  - {id: a, text: Root.}\n  - {id: b, text: Reply., attacks: a}\n"
    )
    result = invoke(add(tmp_path, "--to", "b", "--con", "--text", "Rebuts the reply."))
    assert result.exit_code == 0, result.stderr
    assert "side: pro (it argues for root a)" in result.stdout


def test_an_unknown_target_names_the_closest_ids(debate: Path) -> None:
    result = invoke(add(debate, "--to", "Few-Cyclists", "--con", "--text", TEXT))
    assert result.exit_code == 1
    assert "did you mean 'few-cyclists'?" in result.stderr
    nothing_close = invoke(add(debate, "--to", "zzz", "--con", "--text", TEXT))
    assert "`agidebate list` shows every id" in nothing_close.stderr
