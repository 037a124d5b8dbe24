"""Command-line conventions: one error style (click's usage errors included), usage lines
without braces, -V, shell completion (issue 19, items 8 and 9)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from agidebate import __version__
from tests.conftest import DATA, EXAMPLES, invoke, run_process

VALID = DATA / "valid" / "bike-lane"

# Command lines that click itself refuses, before any agidebate code runs.
USAGE_ERRORS = [
    ["show", "--side", "sideways"],
    ["list", "--sort", "nonsense"],
    ["show", "--frobnicate"],
    ["export", "--formt", "json"],
    ["new"],
    ["show", "--depth", "-3"],
    ["show", "--depth", "many"],
    ["nosuchcommand"],
    ["expotr"],
    ["show", "a", "b", "c"],
    ["export", "--format"],
    ["--frobnicate"],
]


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=" ".join)
def test_click_usage_errors_speak_the_project_style(args: list[str]) -> None:
    result = invoke(args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("error: "), result.stderr
    assert all(line.startswith("    hint: ") for line in lines[1:]), result.stderr
    assert len(lines) >= 2, "every usage error says how to fix it"
    assert "Error" not in result.stderr and "Usage:" not in result.stderr
    assert result.stdout == ""


def test_an_unknown_choice_names_the_choices() -> None:
    result = invoke(["show", "--side", "sideways"])
    assert result.stderr.splitlines()[0] == (
        "error: invalid value for '--side': 'sideways' is not one of 'pro', 'con'"
    )


def test_a_misspelt_option_gets_did_you_mean() -> None:
    result = invoke(["export", "--formt", "json"])
    assert result.stderr.splitlines() == [
        "error: no such option: --formt",
        "    hint: did you mean --format?",
    ]


def test_a_misspelt_command_gets_did_you_mean() -> None:
    result = invoke(["expotr"])
    assert result.stderr.splitlines() == [
        "error: no such command 'expotr'",
        "    hint: did you mean 'export'?",
    ]


def test_a_missing_argument_names_it_and_shows_the_usage() -> None:
    result = invoke(["new"])
    assert result.stderr.splitlines() == [
        "error: missing argument TOPIC",
        "    hint: usage: agidebate new [OPTIONS] TOPIC (`agidebate new -h` explains it)",
    ]


def test_the_real_console_script_speaks_the_same_style() -> None:
    result = run_process(["show", "--side", "sideways"])
    assert result.returncode == 2
    assert result.stderr.startswith("error: invalid value for '--side'")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["new", "show", "export", "rename", "remove", "init"])
def test_usage_lines_have_no_braces(command: str) -> None:
    result = invoke([command, "--help"])
    assert result.exit_code == 0
    usage = result.stdout.splitlines()[0]
    assert usage.startswith(f"Usage: agidebate {command} ")
    assert not re.search(r"[{}]", usage), usage


def test_dash_v_is_the_version() -> None:
    for flag in ("-V", "--version"):
        result = invoke([flag])
        assert result.exit_code == 0
        assert result.stdout == f"agidebate {__version__}\n"


def test_shell_completion_is_on() -> None:
    result = invoke(["--help"])
    assert "--install-completion" in result.stdout
    assert "--show-completion" in result.stdout


def test_completion_completes_commands_and_options() -> None:
    script = Path(sys.executable).parent / "agidebate"
    env = {**os.environ, "_AGIDEBATE_COMPLETE": "complete_bash", "COMP_CWORD": "1"}
    result = subprocess.run(
        [str(script)], env={**env, "COMP_WORDS": "agidebate sh"}, capture_output=True, text=True
    )
    assert (result.returncode, result.stdout.split()) == (0, ["show"])
    env["COMP_CWORD"] = "2"
    result = subprocess.run(
        [str(script)],
        env={**env, "COMP_WORDS": "agidebate show --si"},
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["--side"]


def complete(words: str) -> list[str]:
    """What bash completion offers for the last word of `words` (the console script)."""
    script = Path(sys.executable).parent / "agidebate"
    env = {
        **os.environ,
        "_AGIDEBATE_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    done = subprocess.run([str(script)], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stderr == ""
    return done.stdout.split()


def test_completion_offers_claim_ids_topics_and_formats() -> None:
    assert complete("agidebate show dw-0")[:3] == ["dw-01", "dw-02", "dw-03"]
    examples = str(EXAMPLES / "my-debate-ok")
    assert complete(f"agidebate list --dir {examples} --topic s") == ["safety"]
    assert complete(f"agidebate path --dir {examples} few") == ["few-cyclists", "fewer-injuries"]
    assert complete("agidebate export --format m") == ["markdown", "md", "mermaid", "mmd"]
    assert complete("agidebate show --dir /no/such/folder x") == []
