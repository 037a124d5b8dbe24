"""How the benchmarks measure: fresh processes, interleaved runs, medians, peak memory.

Every measurement is a fresh process. Commands that are compared run
interleaved (A, B, C, A, B, C, ...) so that a noisy machine affects all alike,
and a row quotes the median and its ratio to a reference measured in the same
rounds. Peak memory is the child's maximum resident set size.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
GB = 1024 * 1024  # in kB, as ru_maxrss counts on Linux

FLOOR = """
import json, sys, yaml
from pathlib import Path
docs = [yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)
        for p in sorted(Path(sys.argv[1]).rglob("*.yaml"))]
sys.stdout.write(json.dumps(docs, default=str))
"""
MINIMAL_TYPER = """
import typer
app = typer.Typer()
@app.command()
def one() -> None:
    pass
@app.command()
def two() -> None:
    pass
app()
"""
_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(elapsed, peak, code)
"""


@dataclass
class Sample:
    seconds: float
    peak_kb: int


@dataclass
class Row:
    """One line of the table; `ok` is None for a row without a target."""

    name: str
    median: float = 0.0
    peak_kb: int = 0
    reference: str | None = None
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None
    shape: str = ""


def measure(command: Sequence[str], env: Mapping[str, str]) -> Sample:
    """Wall time and peak memory of one fresh process."""
    out = subprocess.run(
        [PYTHON, "-c", _MEASURE, *command], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"benchmark command failed ({out[2]}): {' '.join(command)}")
    return Sample(float(out[0]), int(out[1]))


def interleaved(
    commands: Mapping[str, Sequence[str]], runs: int, env: Mapping[str, str]
) -> dict[str, list[Sample]]:
    """Each command `runs` times, in rounds: A, B, C, A, B, C, ..."""
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(measure(command, env))
    return samples


def median(samples: list[Sample]) -> float:
    return statistics.median(s.seconds for s in samples)


def peak(samples: list[Sample]) -> int:
    return max(s.peak_kb for s in samples)


def plain_row(name: str, samples: list[Sample], shape: str = "") -> Row:
    return Row(name, median(samples), peak(samples), shape=shape)


def ratio_row(
    name: str,
    samples: list[Sample],
    reference: float,
    ref_name: str,
    limit: float,
    shape: str = "",
    memory_limit_kb: int | None = None,
) -> Row:
    """A row whose target is a ratio to `reference` (and, maybe, a peak memory limit)."""
    value = median(samples)
    ratio = value / reference
    ok = ratio <= limit
    target = f"<= {limit:g}x"
    if memory_limit_kb is not None:
        ok = ok and peak(samples) < memory_limit_kb
        target += f", < {memory_limit_kb / GB:g} GB"
    return Row(name, value, peak(samples), ref_name, ratio, target, ok, shape)


def agidebate(*args: str) -> list[str]:
    return [PYTHON, "-m", "agidebate", *args]


def floor_command(folder: Path) -> list[str]:
    """The floor: every file parsed by PyYAML's C parser, dumped as JSON."""
    return [PYTHON, "-c", FLOOR, str(folder)]


def argdown_command() -> list[str] | None:
    for candidate in (
        HERE.parent / ".ci" / "argdown" / "node_modules" / ".bin" / "argdown",
        shutil.which("argdown"),
    ):
        if candidate and Path(candidate).exists():
            return [str(candidate)]
    return None


def warm_up(command: Sequence[str], env: Mapping[str, str]) -> None:
    """Run once, unmeasured: fills the parse cache."""
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)


def environment(cache: Path) -> dict[str, str]:
    """This process's environment, as an installed copy would run: bytecode on, no
    variables of ours, and the parse cache in `cache`."""
    unset = ("AGIDEBATE_NO_CACHE", "AGIDEBATE_DIR", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env["XDG_CACHE_HOME"] = str(cache)
    return env


def load_average() -> str:
    """The machine's load while the benchmark ran (1, 5 and 15 minutes), for the report."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def print_table(rows: list[Row]) -> None:
    print(
        f"{'shape':5} {'measurement':58} {'median':>9} {'peak MB':>8} {'ratio':>7} "
        f"{'target':>16}  ok"
    )
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        ok = "" if row.ok is None else ("yes" if row.ok else "NO")
        value = f"{row.median:.3f}s" if row.median else ""
        memory = f"{row.peak_kb / 1024:.0f}" if row.peak_kb else ""
        print(
            f"{row.shape:5} {row.name:58} {value:>9} {memory:>8} {ratio:>7} {row.target:>16}  {ok}"
        )


def print_markdown(rows: list[Row]) -> None:
    """The rows as the Markdown table docs/performance.md shows."""
    print("| shape | measurement | median | peak | ratio | target | met |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        ok = "" if row.ok is None else ("yes" if row.ok else "**no**")
        value = f"{row.median:.3f} s" if row.median else ""
        memory = f"{row.peak_kb / 1024:.0f} MB" if row.peak_kb else ""
        cells = [row.shape, row.name, value, memory, ratio, row.target, ok]
        print("| " + " | ".join(cells) + " |")
