"""Benchmarks: agidebate against the floor (PyYAML's C parser + json) and against Argdown.

    python bench/run.py                 # 10,000 claims, 5 runs per measurement
    python bench/run.py --large         # also 200,000 claims in 1,200 files
    python bench/run.py --smoke         # a tiny size, to prove the script works (CI)

Every measurement is a fresh process. Commands that are compared run
interleaved (A, B, A, B, ...) so that a noisy machine affects both alike, and
the table quotes medians and the ratio to the reference measured in the same
run. Peak memory is the child's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.generate import generate, write  # noqa: E402
from bench.overview import median as median_ms  # noqa: E402
from bench.overview import pages  # noqa: E402

PYTHON = sys.executable
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
MEASURE = """
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


def measure(command: Sequence[str], env: dict[str, str]) -> Sample:
    """Wall time and peak memory of one fresh process."""
    out = subprocess.run(
        [PYTHON, "-c", MEASURE, *command], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"benchmark command failed ({out[2]}): {' '.join(command)}")
    return Sample(float(out[0]), int(out[1]))


@dataclass
class Row:
    name: str
    median: float
    peak_kb: int
    reference: str | None = None
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None


def interleaved(
    commands: Mapping[str, Sequence[str]],
    runs: int,
    env: dict[str, str],
    before: Callable[[str], None] | None = None,
) -> dict[str, list[Sample]]:
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            if before:
                before(name)
            samples[name].append(measure(command, env))
    return samples


def median(samples: list[Sample]) -> float:
    return statistics.median(s.seconds for s in samples)


def peak(samples: list[Sample]) -> int:
    return max(s.peak_kb for s in samples)


def agidebate(*args: str) -> list[str]:
    return [PYTHON, "-m", "agidebate", *args]


def argdown_command() -> list[str] | None:
    for candidate in (
        HERE.parent / ".ci" / "argdown" / "node_modules" / ".bin" / "argdown",
        shutil.which("argdown"),
    ):
        if candidate and Path(candidate).exists():
            return [str(candidate)]
    return None


def debate_folder(work: Path, claims: int, files: int) -> tuple[Path, Path]:
    folder = work / f"debate-{claims}"
    argdown = work / f"debate-{claims}.argdown"
    if not folder.exists():
        yaml_files, argdown_text = generate(claims - 1, files - 1, 25, seed=1)
        write(folder, yaml_files)
        argdown.write_text(argdown_text, encoding="utf-8")
    return folder, argdown


def run_size(work: Path, claims: int, files: int, runs: int, env: dict[str, str]) -> list[Row]:
    """The 10,000-claim targets: export cold and warm, show, memory, Argdown."""
    folder, argdown_file = debate_folder(work, claims, files)
    env = {**env, "XDG_CACHE_HOME": str(work / "cache")}
    d = ["--dir", str(folder)]
    commands: dict[str, Sequence[str]] = {
        "floor": [PYTHON, "-c", FLOOR, str(folder)],
        "cold": agidebate("--no-cache", "export", "--format", "json", *d),
        "warm": agidebate("export", "--format", "json", *d),
        "show": agidebate("show", *d),
        "show --all": agidebate("show", "--all", *d),
    }
    argdown = argdown_command()
    if argdown:
        commands["argdown"] = [*argdown, "json", str(argdown_file), str(work / "argdown-out")]
    subprocess.run(commands["warm"], env=env, stdout=subprocess.DEVNULL, check=True)
    samples = interleaved(commands, runs, env)
    floor = median(samples["floor"])
    label = f"{claims:,} claims"
    rows = [
        Row(f"floor: PyYAML C parser + json ({label})", floor, peak(samples["floor"])),
        ratio_row(f"export json, cold ({label})", samples["cold"], floor, "floor", 1.5),
        ratio_row(f"export json, warm cache ({label})", samples["warm"], floor, "floor", 0.5),
        ratio_row(f"show, default view, warm ({label})", samples["show"], floor, "floor", 1.0),
        Row(
            f"show --all, warm ({label})",
            median(samples["show --all"]),
            peak(samples["show --all"]),
        ),
    ]
    cold_peak, floor_peak = peak(samples["cold"]), peak(samples["floor"])
    ratio = cold_peak / floor_peak
    rows.append(
        Row(
            f"peak memory, cold export ({label})", 0, cold_peak, "floor", ratio, "<= 2x", ratio <= 2
        )
    )
    if "argdown" in samples:
        theirs = median(samples["argdown"])
        rows.append(Row(f"argdown json ({label})", theirs, peak(samples["argdown"])))
        speedup = theirs / median(samples["cold"])
        rows.append(
            Row(
                f"argdown json / our cold export ({label})",
                0,
                0,
                "ours",
                speedup,
                ">= 3x",
                speedup >= 3,
            )
        )
    rows.append(show_scaling(work, claims, files, runs, env, median(samples["show --all"])))
    return rows


def show_scaling(
    work: Path, claims: int, files: int, runs: int, env: dict[str, str], base: float
) -> Row:
    """show --all on twice the claims: linear means twice the time (ratio per claim ~1)."""
    folder, _ = debate_folder(work, 2 * claims, 2 * files)
    command = agidebate("show", "--all", "--dir", str(folder))
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    doubled = median([measure(command, env) for _ in range(runs)])
    ratio = doubled / (2 * base)
    return Row(
        f"show --all, {2 * claims:,} vs {claims:,} claims, time per claim",
        doubled,
        0,
        "half size",
        ratio,
        "<= 1.25x",
        ratio <= 1.25,
    )


# Every command that reads a debate, at 200,000 claims (warm cache unless named cold).
LARGE_COMMANDS: dict[str, list[str]] = {
    "check": ["check"],
    "show": ["show"],
    "show --all": ["show", "--all"],
    "list": ["list"],
    "search": ["search", "synthetic"],
    "path": ["path", "t0-0"],
    "sources": ["sources"],
    "stats": ["stats"],
    "score (qe)": ["score"],
    "score --semantics dfquad": ["score", "--semantics", "dfquad"],
    "score --semantics euler": ["score", "--semantics", "euler"],
    "score --semantics hcat": ["score", "--semantics", "hcat"],
    "score --semantics grounded": ["score", "--semantics", "grounded"],
    "explain thesis": ["explain", "thesis"],
    "cruxes": ["cruxes"],
    "add --dry-run": ["add", "--to", "thesis", "--con", "--text", "A new objection.", "--dry-run"],
    **{
        f"export {fmt}": ["export", "--format", fmt]
        for fmt in (
            "json",
            "markdown",
            "argdown",
            "dot",
            "mermaid",
            "graphml",
            "kialo",
            "aif",
            "html",
        )
    },
}


def run_large(work: Path, claims: int, files: int, env: dict[str, str]) -> list[Row]:
    """The 200,000-claim targets: every command completes within 2x the floor, under 1 GB."""
    folder, _ = debate_folder(work, claims, files)
    env = {**env, "XDG_CACHE_HOME": str(work / "cache")}
    floor_command = [PYTHON, "-c", FLOOR, str(folder)]
    cold = agidebate("--no-cache", "export", "--format", "json", "--dir", str(folder))
    pair = interleaved({"floor": floor_command, "cold": cold}, 2, env)
    floor = median(pair["floor"])
    label = f"{claims:,} claims"
    rows = [
        Row(f"floor ({label})", floor, peak(pair["floor"])),
        ratio_row(f"export json, cold ({label})", pair["cold"], floor, "floor", 2.0),
    ]
    subprocess.run(agidebate("check", "--dir", str(folder)), env=env, stdout=subprocess.DEVNULL)
    for name, args in LARGE_COMMANDS.items():
        sample = measure(agidebate(*args, "--dir", str(folder)), env)
        limit = 1.0 if name == "score (qe)" else 2.0
        ratio = sample.seconds / floor
        ok = ratio <= limit and sample.peak_kb < 1024 * 1024
        rows.append(
            Row(
                f"{name}, warm ({label})",
                sample.seconds,
                sample.peak_kb,
                "floor",
                ratio,
                f"<= {limit:g}x, < 1 GB",
                ok,
            )
        )
    return rows


def run_scoring(work: Path, claims: int, files: int, runs: int, env: dict[str, str]) -> list[Row]:
    """Scoring targets: score and cruxes on the bundled debate under 0.5 s each, exact cruxes
    (every claim's swing) on a generated debate of `claims` claims under 10 s; warm cache."""
    folder, _ = debate_folder(work, claims, files)
    env = {**env, "XDG_CACHE_HOME": str(work / "cache")}
    big = ["--dir", str(folder)]
    commands: dict[str, Sequence[str]] = {
        "score": agidebate("score"),
        "cruxes": agidebate("cruxes"),
        "cruxes --between": agidebate("cruxes", "--between", "believer", "skeptic"),
        "big cruxes": agidebate("cruxes", *big),
    }
    for command in commands.values():
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    samples = interleaved(commands, runs, env)
    label = f"{claims:,} claims"

    def timed(name: str, key: str, limit: float) -> Row:
        value = median(samples[key])
        return Row(name, value, peak(samples[key]), None, None, f"< {limit:g} s", value < limit)

    return [
        timed("score, bundled debate, warm", "score", 0.5),
        timed("cruxes, bundled debate, warm", "cruxes", 0.5),
        timed("cruxes --between believer skeptic, bundled, warm", "cruxes --between", 0.5),
        timed(f"cruxes, exact swing of every claim ({label}), warm", "big cruxes", 10.0),
    ]


def ratio_row(
    name: str, samples: list[Sample], reference: float, ref_name: str, limit: float
) -> Row:
    value = median(samples)
    ratio = value / reference
    return Row(name, value, peak(samples), ref_name, ratio, f"<= {limit}x", ratio <= limit)


def run_startup(runs: int, env: dict[str, str]) -> list[Row]:
    """Start-up against a minimal typer app, and in Chinese against English (the catalog
    is read only when a language needs it: issue 18 allows it 10%)."""
    commands = {
        "typer": [PYTHON, "-c", MINIMAL_TYPER, "--help"],
        "help": agidebate("--lang", "en", "--help"),
        "help_zh": agidebate("--lang", "zh", "--help"),
        "score_help": agidebate("score", "--lang", "en", "--help"),
        "score_help_zh": agidebate("score", "--lang", "zh", "--help"),
        "version": agidebate("--version"),
    }
    samples = interleaved(commands, runs, env)
    base = median(samples["typer"])
    english, score_english = median(samples["help"]), median(samples["score_help"])
    return [
        Row("minimal two-command typer app --help", base, peak(samples["typer"])),
        ratio_row("agidebate --help", samples["help"], base, "typer", 1.3),
        ratio_row("agidebate --version", samples["version"], base, "typer", 1.3),
        ratio_row("agidebate --lang zh --help", samples["help_zh"], english, "--help", 1.1),
        ratio_row(
            "agidebate score --lang zh --help",
            samples["score_help_zh"],
            score_english,
            "score --help",
            1.1,
        ),
    ]


def run_overview(work: Path, claims: int, runs: int, env: dict[str, str]) -> list[Row]:
    """The HTML page with its overview map: size, export time, and opening in Chromium
    (issue 20: 2,000 claims in under 5 MB, open in under 2 s)."""
    rows = []
    for page in pages(work, [claims], runs, env):
        label = f"html page, {page.label} ({page.claims:,} claims)"
        big = page.label != "bundled"
        size_ok = page.bytes < 5_000_000 if big else None
        rows.append(
            Row(
                f"{label}: {page.bytes / 1e6:.2f} MB",
                page.export_seconds,
                0,
                None,
                None,
                "< 5 MB" if big else "",
                size_ok,
            )
        )
        if page.ready_ms:
            ready = median_ms(page.ready_ms) / 1000
            rows.append(
                Row(
                    f"{label}: map built in Chromium",
                    ready,
                    0,
                    None,
                    None,
                    "< 2 s" if big else "",
                    ready < 2 if big else None,
                )
            )
            rows.append(Row(f"{label}: load event", median_ms(page.load_ms) / 1000, 0))
        else:
            rows.append(Row(f"{label}: not opened (no Playwright or /usr/bin/chromium)", 0, 0))
    return rows


def print_table(rows: list[Row]) -> None:
    print(f"{'measurement':58} {'median':>9} {'peak MB':>8} {'ratio':>7} {'target':>12}  ok")
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        ok = "" if row.ok is None else ("yes" if row.ok else "NO")
        value = f"{row.median:.3f}s" if row.median else ""
        memory = f"{row.peak_kb / 1024:.0f}" if row.peak_kb else ""
        print(f"{row.name:58} {value:>9} {memory:>8} {ratio:>7} {row.target:>12}  {ok}")


def compile_package(env: dict[str, str]) -> None:
    """Byte-compile agidebate first, as `pip install` does for an installed package.

    Without it, a checkout run with PYTHONDONTWRITEBYTECODE set (or a read-only
    one) compiles every module from source in every measured process: about 30 ms
    that no installed copy pays.
    """
    package = str(HERE.parent / "agidebate")
    subprocess.run([PYTHON, "-m", "compileall", "-q", package], env=env, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large", action="store_true", help="also 200,000 claims")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run (for CI)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--work", type=Path, help="keep generated debates here")
    args = parser.parse_args()
    unset = ("AGIDEBATE_NO_CACHE", "AGIDEBATE_DIR", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    compile_package(env)
    work = args.work or Path(tempfile.mkdtemp(prefix="agidebate-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    runs = 1 if args.smoke else args.runs
    sizes = [(200, 5)] if args.smoke else [(10_000, 59)]
    rows = run_startup(runs, env)
    for claims, files in sizes:
        rows += run_size(work, claims, files, runs, env)
        rows += run_scoring(work, claims, files, runs, env)
    rows += run_overview(work, 200 if args.smoke else 2_000, runs, env)
    if args.large:
        rows += run_large(work, 200_000, 1200, env)
    if args.json:
        print(json.dumps([row.__dict__ for row in rows], indent=2))
    else:
        print_table(rows)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
