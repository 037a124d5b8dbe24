"""Run `agidebate serve` as a real process for the tests, and stop it by its PID."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "my-debate-ok"


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str
    folder: Path

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 10) -> tuple[int, str, str]:
        """Stop the server by its PID; its exit status, stdout and stderr."""
        os.kill(self.process.pid, sig)
        out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, out, err


def copy_example(tmp_path: Path) -> Path:
    folder = tmp_path / "debate"
    shutil.copytree(EXAMPLE, folder)
    return folder


def start(
    folder: Path, *args: str, timeout: float = 30, env: dict[str, str] | None = None
) -> Served:
    """`agidebate serve --dir FOLDER --port 0 ARGS`, once it says where it listens."""
    env = {k: v for k, v in os.environ.items() if k not in ("AGIDEBATE_DIR", "NO_COLOR")} | (
        env or {}
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "agidebate", "serve", "--dir", str(folder), "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        found = re.search(r" at (http://\S+/)$", line.rstrip())
        if found:
            return Served(process, found.group(1), folder)
        if not line and process.poll() is not None:
            break
    process.kill()
    out, err = process.communicate()
    raise AssertionError(f"agidebate serve did not start: {out}\n{err}")
