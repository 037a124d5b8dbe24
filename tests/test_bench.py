"""The benchmark script works (at a smoke size; benchmarks are not tests of speed)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from agidebate.format.load import check_debate
from bench.generate import SHAPES, generate
from bench.run import reading_commands
from tests.conftest import REPO, MakeDebate


@pytest.mark.parametrize("shape", SHAPES)
def test_generator_is_deterministic_and_valid(make_debate: MakeDebate, shape: str) -> None:
    first, argdown = generate(300, 4, 25, seed=5, shape=shape)
    second, _ = generate(300, 4, 25, seed=5, shape=shape)
    assert first == second
    report = check_debate(make_debate(first))
    assert report.ok and not report.warnings and report.debate is not None
    assert len(report.debate) == 301
    assert argdown.count("[t") >= 300


def test_the_wide_shape_is_shallow_and_cites_title_only_sources(make_debate: MakeDebate) -> None:
    files, _ = generate(1_000, 6, 25, seed=2, shape="wide")
    debate = check_debate(make_debate(files)).debate
    assert debate is not None
    assert max(d for c in debate if (d := debate.depth(c.id)) is not None) <= 3
    cited = [c for c in debate if c.sources]
    assert cited and all(s.url is None and s.title for c in cited for s in c.sources)
    assert len(cited) == len([c for c in debate if c.id.endswith("0") and c.id != "thesis"])


def test_the_benchmark_runs_every_command_that_reads_a_debate() -> None:
    from agidebate.cli import COMMANDS

    readers = {command.name for command in COMMANDS if command.reads_debate}
    measured = {args[0] for args in reading_commands("x", "y").values()}
    assert measured - readers == {"add"}  # `add --dry-run`: it reads, and writes nothing
    assert readers <= measured


def test_benchmark_script_runs_at_smoke_size() -> None:
    result = subprocess.run(
        [sys.executable, "bench/run.py", "--smoke", "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert "load average" in report["load"]
    rows = report["rows"]
    for shape in SHAPES:
        names = [row["name"] for row in rows if row["shape"] == shape]
        assert any(name.startswith("floor") for name in names)
        assert any("cold" in name for name in names) and any("warm" in name for name in names)
        assert any("time per claim" in name for name in names)
        assert any(name.startswith("cruxes, exact swing of every claim") for name in names)
    pages = [row for row in rows if row["name"].startswith("html page")]
    assert len(pages) >= 2 and all(row["median"] > 0 for row in pages)
    assert any(row["name"] == "agidebate --lang zh --help" for row in rows)
    assert any(row["name"].startswith("cruxes --between believer skeptic") for row in rows)
    timed = [row for row in rows if row["name"].startswith(("floor", "export json,"))]
    assert timed and all(row["median"] > 0 for row in timed)
