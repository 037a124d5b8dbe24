"""`agidebate check`: exit codes, messages, JSON, environment, and a real subprocess."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import DATA, MakeDebate, invoke, run_process

VALID = DATA / "valid" / "bike-lane"
BROKEN = {"debate.yaml": "thesis:\n  text: T\n", "t.yaml": "claims:\n  - {id: a, txt: A}\n"}


def test_valid_debate_exits_0_with_a_summary() -> None:
    result = invoke(["check", "--dir", str(VALID)])
    assert result.exit_code == 0
    assert "3 files, 5 claims, 5 relations; no problems" in result.stdout
    assert result.stderr == ""


def test_invalid_debate_exits_1_and_lists_every_problem(make_debate: MakeDebate) -> None:
    folder = make_debate(BROKEN)
    result = invoke(["check", "--dir", str(folder)])
    assert result.exit_code == 1
    assert f"{folder / 't.yaml'}:2:13: error: unknown field 'txt' in claim" in result.stdout
    assert "hint: did you mean 'text'?" in result.stdout
    assert f"{folder / 't.yaml'}:2:5: error: claim 'a' has no text" in result.stdout
    assert "2 errors" in result.stdout


def test_missing_folder_is_a_usage_error() -> None:
    result = invoke(["check", "--dir", "/no/such/folder"])
    assert result.exit_code == 2
    assert "folder '/no/such/folder' does not exist" in result.stderr


def test_unknown_option_is_a_usage_error() -> None:
    assert invoke(["check", "--frobnicate"]).exit_code == 2


def test_environment_variable_chooses_the_folder(make_debate: MakeDebate) -> None:
    folder = make_debate(BROKEN)
    assert invoke(["check"], env={"AGIDEBATE_DIR": str(folder)}).exit_code == 1
    assert invoke(["check", "--dir", str(VALID)], env={"AGIDEBATE_DIR": str(folder)}).exit_code == 0


def test_json_report(make_debate: MakeDebate) -> None:
    folder = make_debate(BROKEN)
    result = invoke(["check", "--dir", str(folder), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["files"] == 2
    first = report["problems"][0]
    assert set(first) == {"file", "line", "column", "severity", "code", "message", "hint"}
    assert (first["line"], first["column"], first["severity"]) == (2, 5, "error")


def test_strict_turns_warnings_into_failure(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {"debate.yaml": "thesis:\n  text: T\n", "t.yaml": "claims:\n  - {id: a, text: A}\n"}
    )
    assert invoke(["check", "--dir", str(folder)]).exit_code == 0
    assert invoke(["check", "--dir", str(folder), "--strict"]).exit_code == 1


def test_user_text_in_messages_is_inert(make_debate: MakeDebate) -> None:
    folder = make_debate({"t.yaml": 'claims:\n  - {id: a, text: A, "[red]\\e[31m": x}\n'})
    result = invoke(["check", "--dir", str(folder)])
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout
    assert "[red]\\x1b[31m" in result.stdout


def test_real_subprocess_exit_codes_and_plain_output(
    make_debate: MakeDebate, tmp_path: Path
) -> None:
    ok = run_process(["check", "--dir", str(VALID)])
    assert ok.returncode == 0, ok.stderr
    assert "\x1b" not in ok.stdout
    bad = run_process(["check", "--dir", str(make_debate(BROKEN))])
    assert bad.returncode == 1 and "unknown field 'txt'" in bad.stdout
    assert "Traceback" not in bad.stderr
    usage = run_process(["check", "--dir", str(tmp_path / "missing")])
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_version_and_help() -> None:
    from agidebate import __version__

    assert invoke(["--version"]).stdout.strip() == f"agidebate {__version__}"
    result = invoke(["--help"])
    assert result.exit_code == 0 and "check" in result.stdout
    commands = result.stdout.split("Commands:")[1].splitlines()[1:]
    from agidebate.cli._reference import command_names

    assert len(commands) == len(command_names()) == 20
    assert not any(line.endswith("...") for line in commands), commands


def test_check_reads_the_perspectives_too(make_debate: MakeDebate) -> None:
    import shutil

    folder = make_debate({"perspectives/bad.yaml": "weights:\n  nope: 0.3\n  few-cyclists: 7\n"})
    shutil.copytree(VALID, folder, dirs_exist_ok=True)
    result = invoke(["check", "--dir", str(folder)])
    assert result.exit_code == 1
    bad = folder / "perspectives" / "bad.yaml"
    assert f"{bad}:2:3: error: no claim with id 'nope'" in result.stdout
    assert f"{bad}:3:17: error: the weight of 'few-cyclists' is 7" in result.stdout
    assert invoke(["show", "--dir", str(folder)]).exit_code == 0  # reading does not need them


def test_expectations_must_name_known_semantics(make_debate: MakeDebate) -> None:
    """`expect:` is read by the format layer; only check, above scoring, knows the names."""
    folder = make_debate(
        {
            "debate.yaml": "expect:\n  qe: [0.2, 0.9]\n  dfqaud: [0, 1]\nthesis:\n  text: T\n",
            "perspectives/p.yaml": "credence: {}\nexpect:\n  zzzz: [0, 1]\n",
        }
    )
    result = invoke(["check", "--dir", str(folder)])
    assert result.exit_code == 1, result.stdout
    debate, perspective = folder / "debate.yaml", folder / "perspectives" / "p.yaml"
    assert f"{debate}:3:11: error: expect names unknown semantics 'dfqaud'" in result.stdout
    assert "hint: did you mean 'dfquad'? semantics: dtop, top, qe, dfquad, euler" in result.stdout
    assert f"{perspective}:3:9: error: expect names unknown semantics 'zzzz'" in result.stdout
    assert "2 errors" in result.stdout
    ok = make_debate({"debate.yaml": "expect:\n  grounded: [0, 1]\nthesis:\n  text: T\n"})
    assert invoke(["check", "--dir", str(ok)]).exit_code == 0
