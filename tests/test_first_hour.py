"""Acceptance of issue 19: a newcomer's first hour, as docs/first-hour.md tells it, with the
INSTALLED console script in an empty temporary folder.

init -> add (pro and con) -> check -> show -> rename -> export -o map.html (HTML by its
extension) -> export -o debate.argdown -> import argdown -> the same JSON export. Every
step must exit 0 and print exactly what the page shows; then the two folders' JSON exports
must hold the same records, field by field.
"""

from __future__ import annotations

import json
import os
import shlex
import sys
from pathlib import Path
from typing import Any

from tests.conftest import REPO
from tests.test_docs import _TUTORIAL_PART, matches, output_lines, run_shell, steps

PAGE = REPO / "docs" / "first-hour.md"
# The console script pip installed beside this interpreter (`pip install -e .`).
SCRIPT = Path(sys.executable).parent / ("agidebate.exe" if os.name == "nt" else "agidebate")
# A newcomer's chain of commands, in the page's order: each must be one of its steps.
CHAIN = ["init", "add", "add", "check", "show", "rename", "export", "export", "import"]


def page_steps() -> list[tuple[list[str], list[str]]]:
    """(argv, expected output lines) of every step of the page, in order."""
    found = []
    for part in _TUTORIAL_PART.finditer(PAGE.read_text(encoding="utf-8")):
        assert part.group("console"), "first-hour.md saves no files by hand"
        for command, expected in steps(part.group("console")):
            argv = shlex.split(command)
            assert argv[0] == "agidebate", command
            found.append((argv, [line.rstrip() for line in expected]))
    return found


def records(export: str) -> dict[str, Any]:
    """A JSON export with each list keyed by what names its records, and without the line
    and column each claim starts at (the import writes its own layout, without comments)."""
    data: dict[str, Any] = json.loads(export)
    data["claims"] = {
        c["id"]: {k: v for k, v in c.items() if k not in ("line", "column")} for c in data["claims"]
    }
    data["topics"] = {t["id"]: t for t in data["topics"]}
    data["edges"] = {json.dumps([e["source"], e["target"]]): e for e in data["edges"]}
    return data


def test_the_console_script_is_installed() -> None:
    assert SCRIPT.is_file() and os.access(SCRIPT, os.X_OK), (
        f"{SCRIPT} is missing: install the project (pip install -e .), as .ci/run does"
    )


def test_the_page_follows_the_newcomer_s_chain() -> None:
    commands = [argv[1] for argv, _expected in page_steps()]
    at = 0
    for wanted in CHAIN:
        at = commands.index(wanted, at) + 1
    outputs = [argv[-1] for argv, _expected in page_steps() if argv[1] == "export"]
    assert outputs[:2] == ["map.html", "debate.argdown"]


def test_a_newcomer_s_first_hour(tmp_path: Path) -> None:
    test_the_console_script_is_installed()  # run_shell puts its folder first on PATH
    assert run_shell("command -v agidebate", tmp_path).stdout.strip() == str(SCRIPT)
    for argv, expected in page_steps():
        result = run_shell(shlex.join(argv), tmp_path)
        shown = output_lines(result)
        step = f"$ {shlex.join(argv)}\n" + "\n".join(shown)
        assert result.returncode == 0, step
        assert "Traceback" not in result.stderr, step
        assert matches(shown, expected), step
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Protected lanes cut injuries" in page
    before = run_shell("agidebate export --dir lane --format json", tmp_path)
    after = run_shell("agidebate export --dir lane-again --format json", tmp_path)
    assert before.returncode == after.returncode == 0
    assert records(after.stdout) == records(before.stdout)
    assert records(before.stdout)["claims"]["parking-loss"]["file"] == "arguments.yaml"
