"""The benchmark script works (at a smoke size; benchmarks are not tests of speed)."""

from __future__ import annotations

import json
import subprocess
import sys

from agidebate.format.load import check_debate
from bench.generate import generate
from tests.conftest import REPO, MakeDebate


def test_generator_is_deterministic_and_valid(make_debate: MakeDebate) -> None:
    first, argdown = generate(300, 4, 25, seed=5)
    second, _ = generate(300, 4, 25, seed=5)
    assert first == second
    report = check_debate(make_debate(first))
    assert report.ok and not report.warnings and report.debate is not None
    assert len(report.debate) == 301
    assert argdown.count("[t") >= 300


def test_benchmark_script_runs_at_smoke_size() -> None:
    result = subprocess.run(
        [sys.executable, "bench/run.py", "--smoke", "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    names = [row["name"] for row in rows]
    assert any(name.startswith("floor") for name in names)
    assert any("cold" in name for name in names) and any("warm" in name for name in names)
    pages = [row for row in rows if row["name"].startswith("html page")]
    assert len(pages) >= 2 and all(row["median"] > 0 for row in pages)
    timed = [row for row in rows if row["name"].startswith(("floor", "export json"))]
    assert len(timed) == 3 and all(row["median"] > 0 for row in timed)
