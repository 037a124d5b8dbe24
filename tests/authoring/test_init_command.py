"""`agidebate init`: start a debate from nothing; `new` in a missing folder; empty debates
get sentences, not blanks (issue 19, item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agidebate.format.load import check_debate, load_debate
from agidebate.model import Side
from tests.authoring.conftest import snapshot
from tests.conftest import MakeDebate, invoke


def test_init_creates_a_debate_that_checks_clean_and_says_what_next(tmp_path: Path) -> None:
    folder = tmp_path / "bikes" / "lane"
    result = invoke(
        [
            "init",
            str(folder),
            "--title",
            "Should the town build a bike lane?",
            "--thesis",
            "The town should build a protected bike lane on Main Street.",
        ]
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "arguments.yaml",
        "debate.yaml",
    ]
    debate = load_debate(folder)
    assert debate.title == "Should the town build a bike lane?"
    assert debate.thesis == "thesis"
    assert debate.claims["thesis"].text == (
        "The town should build a protected bike lane on Main Street."
    )
    assert "arguments" in debate.topics
    assert check_debate(folder).problems == ()
    out = result.stdout
    assert f"created {folder / 'debate.yaml'}" in out
    assert f"created {folder / 'arguments.yaml'}" in out
    assert f"agidebate add --dir {folder} --file arguments.yaml --to thesis --pro --text" in out
    assert f"agidebate check --dir {folder}" in out


def test_the_files_explain_themselves(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    assert invoke(["init", str(folder), "--thesis", "Cats beat dogs."]).exit_code == 0
    debate_text = (folder / "debate.yaml").read_text(encoding="utf-8")
    assert debate_text.startswith("# ")
    assert "  id: thesis\n" in debate_text and "  text: Cats beat dogs.\n" in debate_text
    topic = (folder / "arguments.yaml").read_text(encoding="utf-8")
    assert "#   - id: arguments-example" in topic and "claims: []" in topic
    assert load_debate(folder).title == "D", "the title defaults to the folder's name"


def test_then_add_pro_and_con_to_the_thesis(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    assert invoke(["init", str(folder), "--thesis", "Cats beat dogs."]).exit_code == 0
    base = ["add", "--dir", str(folder), "--file", "arguments.yaml", "--to", "thesis"]
    assert invoke([*base, "--pro", "--text", "Cats purr."]).exit_code == 0
    assert invoke([*base, "--con", "--text", "Dogs fetch."]).exit_code == 0
    debate = load_debate(folder)
    sides = {c.id: debate.side(c.id) for c in debate.claims.values() if c.id != "thesis"}
    assert sides == {"cats-purr": Side.PRO, "dogs-fetch": Side.CON}


def test_init_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(["init", "--thesis", "Cats beat dogs."])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "debate.yaml").is_file()
    assert "agidebate add --dir . --file arguments.yaml" in result.stdout


def test_init_refuses_a_folder_that_already_holds_a_debate(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    assert invoke(["init", str(folder), "--thesis", "Cats beat dogs."]).exit_code == 0
    before = snapshot(folder)
    result = invoke(["init", str(folder), "--thesis", "Something else."])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: '{folder}' already holds a debate")
    assert "    hint: " in result.stderr
    assert snapshot(folder) == before


def test_init_gives_a_folder_of_topics_its_thesis(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {"costs.yaml": "claims:\n  - {id: cheap, text: Cheap., attacks: thesis}\n"}
    )
    result = invoke(["init", str(folder), "--thesis", "Build it."])
    assert result.exit_code == 0, result.stderr
    assert not (folder / "arguments.yaml").exists()
    debate = load_debate(folder)
    assert debate.thesis is not None and debate.side("cheap") is Side.CON


def test_init_without_a_thesis_off_a_terminal_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke(["init", str(tmp_path / "d")], input="")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --thesis is required when not run on a terminal")
    assert not (tmp_path / "d").exists()


def test_init_refuses_a_thesis_or_title_it_cannot_write(tmp_path: Path) -> None:
    result = invoke(["init", str(tmp_path / "d"), "--thesis", "  "])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: --thesis is empty")
    assert not (tmp_path / "d").exists()


def test_init_dry_run_writes_nothing(tmp_path: Path) -> None:
    result = invoke(["init", str(tmp_path / "d"), "--thesis", "Cats.", "--dry-run"])
    assert result.exit_code == 0
    assert "would create" in result.stdout and "text: Cats." in result.stdout
    assert not (tmp_path / "d").exists()


# -- new in a missing folder ------------------------------------------------------------


def test_new_creates_a_missing_folder_and_says_the_debate_has_no_thesis(tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    result = invoke(["new", "costs", "--dir", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert (folder / "costs.yaml").is_file()
    assert f"created folder {folder}" in result.stdout
    assert f'agidebate init {folder} --thesis "..."' in result.stderr


def test_add_to_a_missing_thesis_points_at_init(make_debate: MakeDebate) -> None:
    folder = make_debate({"costs.yaml": "claims:\n  - {id: cheap, text: Cheap.}\n"})
    result = invoke(["add", "--dir", str(folder), "--to", "thesis", "--con", "--text", "No."])
    assert result.exit_code == 1
    assert "this debate has no thesis" in result.stderr
    assert f"agidebate init {folder}" in result.stderr


# -- empty debates get sentences ----------------------------------------------------------


def test_an_empty_debate_gets_sentences_not_blanks(make_debate: MakeDebate) -> None:
    folder = make_debate({"costs.yaml": "topic: costs\nclaims: []\n"})
    for command in (["show"], ["list", "--table"]):
        result = invoke([*command, "--dir", str(folder)])
        assert result.exit_code == 0
        assert "matches ." not in result.stdout
        assert result.stdout.startswith("The debate has no claims yet"), result.stdout
        assert "agidebate add" in result.stdout
    stats = invoke(["stats", "--dir", str(folder)]).stdout
    assert "( )" not in stats and "level )" not in stats and "()" not in stats
    assert "1 claims" not in stats
    for command in (["score"], ["sources"]):
        result = invoke([*command, "--dir", str(folder)])
        assert result.exit_code == 0
        assert result.stdout.startswith("The debate has no claims yet"), result.stdout


def test_a_thesis_alone_reads_well(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    assert invoke(["init", str(folder), "--thesis", "Cats beat dogs."]).exit_code == 0
    stats = invoke(["stats", "--dir", str(folder)]).stdout
    assert "level )" not in stats and "1 claims" not in stats
    assert "1 claim cites none" in stats


def test_a_folder_without_argument_files_has_no_line_and_column(tmp_path: Path) -> None:
    result = invoke(["check", "--dir", str(tmp_path)])
    assert result.exit_code == 1
    assert ":1:1:" not in result.stdout
    assert f"error: no .yaml or .yml files in '{tmp_path}'" in result.stdout
    assert "agidebate init" in result.stdout
