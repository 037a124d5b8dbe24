"""`agidebate check --format github`: GitHub Actions annotations (issue 19, item 9)."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import DATA, REPO, MakeDebate, invoke

VALID = DATA / "valid" / "bike-lane"


def test_every_problem_is_an_annotation_with_file_line_and_column(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": "thesis:\n  text: T\n",
            "t.yaml": "claims:\n  - {id: a, txt: A}\n  - {id: b, text: B}\n",
        }
    )
    result = invoke(["check", "--dir", str(folder), "--format", "github"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    path = folder / "t.yaml"
    assert (
        f"::error file={path},line=2,col=13,title=unknown-field::unknown field 'txt' in claim"
        "%0Ahint: did you mean 'text'?"
    ) in lines
    assert (
        f"::error file={path},line=2,col=5,title=missing-text::claim 'a' has no text"
        in "\n".join(lines)
    )
    assert any(
        line.startswith(f"::warning file={path},line=3,col=5,title=orphan::") for line in lines
    )
    assert lines[-1].startswith("✗ ") or lines[-1].startswith("invalid: ")


def test_a_clean_debate_prints_no_annotation() -> None:
    result = invoke(["check", "--dir", str(VALID), "--format", "github"])
    assert result.exit_code == 0
    assert not any(line.startswith("::") for line in result.stdout.splitlines())


def test_text_in_an_annotation_cannot_start_another_workflow_command(
    make_debate: MakeDebate,
) -> None:
    folder = make_debate(
        {
            "debate.yaml": "thesis:\n  text: T\n",
            "evil,name:x.yaml": 'claims:\n  - {id: a, text: A, attacks: "x\\n::set-output name=x::1%0A"}\n',
        }
    )
    result = invoke(["check", "--dir", str(folder), "--format", "github"])
    lines = result.stdout.splitlines()
    assert sum(line.startswith("::") for line in lines) == sum(
        line.startswith(("::error", "::warning")) for line in lines
    )
    annotation = next(line for line in lines if line.startswith("::error"))
    assert "%2C" in annotation.split("::")[1] and "%3A" in annotation.split("::")[1]
    assert "%250A" in annotation


def test_a_problem_without_a_place_is_an_annotation_without_file(tmp_path: Path) -> None:
    result = invoke(["check", "--dir", str(tmp_path), "--format", "github"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("::error title=no-files::no .yaml or .yml")


def test_json_stays_the_same_as_format_json() -> None:
    assert (
        invoke(["check", "--dir", str(VALID), "--json"]).stdout
        == invoke(["check", "--dir", str(VALID), "--format", "json"]).stdout
    )


def test_pre_commit_hooks_are_declared() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert set(by_id) == {"agidebate-check", "agidebate-test"}
    check = by_id["agidebate-check"]
    assert check["entry"] == "agidebate check" and check["language"] == "python"
    assert check["pass_filenames"] is False and "yaml" in check["files"]
    assert by_id["agidebate-test"]["entry"] == "agidebate test"
