"""Long output goes through a pager on a terminal, like git; never when piped (issue 19,
item 3). The terminal is a real pseudo-terminal; the "pager" is a shell command that
saves what it is given."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_process

pty = pytest.importorskip("pty")


def on_terminal(args: list[str], env: dict[str, str], cwd: Path) -> str:
    """Run `agidebate ARGS` with stdin, stdout and stderr on a pseudo-terminal; what the
    terminal showed."""
    master, slave = pty.openpty()
    full = {k: v for k, v in os.environ.items() if k not in ("AGIDEBATE_DIR", "PAGER", "LESS")}
    full.update({"COLUMNS": "100", "LINES": "40", "TERM": "xterm", **env})
    full.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "agidebate", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=cwd,
        env=full,
        close_fds=True,
    )
    os.close(slave)
    shown = b""
    while True:
        ready, _unused, _unused2 = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        shown += data
    process.wait(timeout=60)
    os.close(master)
    assert process.returncode == 0, shown.decode("utf-8", "replace")
    return shown.decode("utf-8", "replace")


def saving_pager(tmp_path: Path) -> tuple[str, Path]:
    saved = tmp_path / "paged.txt"
    return f"cat > {saved}", saved


def test_show_on_a_terminal_goes_through_the_pager_with_its_sources(tmp_path: Path) -> None:
    command, saved = saving_pager(tmp_path)
    shown = on_terminal(["show"], {"AGIDEBATE_PAGER": command}, tmp_path)
    coloured = saved.read_text(encoding="utf-8")
    assert "\x1b[" in coloured, "colours survive (less -R shows them)"
    paged = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert "Scaling will deliver AGI by 2040" in paged
    assert "\nSources\n" in paged, "inside the pager the works follow the tree"
    assert "Scaling will deliver" not in shown, "nothing bypasses the pager"


def test_agidebate_pager_beats_pager(tmp_path: Path) -> None:
    command, saved = saving_pager(tmp_path)
    other = tmp_path / "other.txt"
    on_terminal(["list"], {"AGIDEBATE_PAGER": command, "PAGER": f"cat > {other}"}, tmp_path)
    assert saved.exists() and not other.exists()
    on_terminal(["list"], {"PAGER": f"cat > {other}"}, tmp_path)
    assert "dw-01" in other.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args", [["--no-pager", "show"], ["show", "--no-pager"]], ids=["before", "after"]
)
def test_no_pager_prints_straight_to_the_terminal(tmp_path: Path, args: list[str]) -> None:
    command, saved = saving_pager(tmp_path)
    shown = on_terminal(args, {"AGIDEBATE_PAGER": command}, tmp_path)
    assert not saved.exists()
    assert "Scaling will deliver AGI by 2040" in shown
    assert "add --sources to list them" in shown


@pytest.mark.parametrize("value", ["cat", ""])
def test_a_pager_of_cat_or_nothing_is_no_pager(tmp_path: Path, value: str) -> None:
    shown = on_terminal(["stats"], {"AGIDEBATE_PAGER": value, "PAGER": "false"}, tmp_path)
    assert "claims" in shown


def test_a_pager_that_cannot_run_is_named_and_skipped(tmp_path: Path) -> None:
    shown = on_terminal(["stats"], {"AGIDEBATE_PAGER": "no-such-pager-here -R"}, tmp_path)
    assert "note: cannot run the pager 'no-such-pager-here -R'; printing directly" in shown
    assert "claims" in shown


def test_piped_output_is_never_paged(tmp_path: Path) -> None:
    command, saved = saving_pager(tmp_path)
    result = run_process(["show"], env={"AGIDEBATE_PAGER": command}, cwd=tmp_path)
    assert result.returncode == 0
    assert not saved.exists()
    assert "Scaling will deliver AGI by 2040" in result.stdout


def test_the_reader_quitting_early_is_no_error(tmp_path: Path) -> None:
    shown = on_terminal(["show", "--all"], {"AGIDEBATE_PAGER": "head -n 3"}, tmp_path)
    assert "Traceback" not in shown and "error" not in shown.lower()
    assert len([line for line in shown.splitlines() if line.strip()]) <= 3
