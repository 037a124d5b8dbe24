"""Progress feedback on long loads: shown on a terminal, never in pipes."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate import generate, write
from tests.conftest import run_process


@pytest.fixture(scope="module")
def big_debate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    files, _ = generate(600, 30, 25, seed=3)
    write(folder, files)
    return folder


def test_no_progress_in_pipes(big_debate: Path) -> None:
    result = run_process(["--no-cache", "check", "--dir", str(big_debate)])
    assert result.returncode == 0
    assert result.stderr == ""
    assert "Reading argument files" not in result.stdout


def test_progress_on_a_terminal(big_debate: Path) -> None:
    controller, terminal = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    process = subprocess.Popen(
        [sys.executable, "-m", "agidebate", "--no-cache", "check", "--dir", str(big_debate)],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env={**env, "TERM": "xterm", "AGIDEBATE_PROGRESS_DELAY": "0"},
        close_fds=True,
    )
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=120) == 0
    os.close(controller)
    assert b"Reading argument files" in output
    assert b"no problems" in output
