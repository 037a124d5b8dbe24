"""Benchmarks: agidebate against the floor (PyYAML's C parser + json) and against Argdown.

    python bench/run.py                 # 10,000 claims, both shapes; the bundled debate
    python bench/run.py --large         # also every command on 200,000 claims
    python bench/run.py --huge          # also check and export at 50,000 and 500,000
    python bench/run.py --shape wide    # one shape only
    python bench/run.py --smoke         # a tiny size, one run: proves the script works (CI)

Two shapes of debate (`bench/generate.py`): `deep` (long chains, URL sources,
figures) and `wide` (shallow and bushy, every tenth claim citing title-only
sources). Each target is measured on both, against the floor measured in the
same rounds. See bench/measure.py for how, and docs/performance.md for results.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.generate import SHAPES, generate, write  # noqa: E402
from bench.measure import (  # noqa: E402
    GB,
    MINIMAL_TYPER,
    PYTHON,
    Row,
    agidebate,
    argdown_command,
    environment,
    floor_command,
    interleaved,
    load_average,
    measure,
    median,
    peak,
    plain_row,
    print_markdown,
    print_table,
    ratio_row,
    warm_up,
)
from bench.overview import median as median_ms  # noqa: E402
from bench.overview import pages  # noqa: E402

# Files (debate.yaml included) of each size measured: about 170 claims a file.
FILES = {10_000: 59, 50_000: 301, 200_000: 1_201, 500_000: 3_001}


def debate_folder(work: Path, claims: int, shape: str) -> tuple[Path, Path]:
    """A generated debate of `claims` claims (thesis included), and its Argdown twin."""
    folder = work / f"{shape}-{claims}"
    argdown = work / f"{shape}-{claims}.argdown"
    if not folder.exists():
        files = FILES.get(claims, max(2, round(claims / 170) + 1))
        yaml_files, argdown_text = generate(claims - 1, files - 1, 25, seed=1, shape=shape)
        write(folder, yaml_files)
        argdown.write_text(argdown_text, encoding="utf-8")
    return folder, argdown


def reading_commands(claim: str, word: str) -> dict[str, list[str]]:
    """Every command that reads a debate (one line each in the registry), and every export."""
    from agidebate.export import FORMATS
    from agidebate.scoring import DEFAULT_SEMANTICS, SEMANTICS

    commands = {
        "check": ["check"],
        "show": ["show"],
        "show --all": ["show", "--all"],
        "list": ["list"],
        "search": ["search", word],
        "path": ["path", claim],
        "sources": ["sources"],
        "stats": ["stats"],
        f"score ({DEFAULT_SEMANTICS})": ["score"],
    }
    commands.update(
        {f"score --semantics {s}": ["score", "--semantics", s] for s in SEMANTICS
         if s != DEFAULT_SEMANTICS}
    )  # fmt: skip
    commands |= {
        "explain thesis": ["explain", "thesis"],
        "cruxes": ["cruxes"],
        "test": ["test"],
        "add --dry-run": ["add", "--to", "thesis", "--con", "--text", "A new one.", "--dry-run"],
    }
    external = {"svg", "png"}  # need Graphviz; measured by the export tests, not here
    commands.update(
        {f"export {f}": ["export", "--format", f] for f in FORMATS if f not in external}
    )
    return commands


def run_medium(work: Path, shape: str, runs: int, claims: int) -> list[Row]:
    """10,000 claims: cold and warm export against the floor and Argdown; show; exact
    cruxes."""
    folder, argdown_file = debate_folder(work, claims, shape)
    env = environment(work / "cache")
    d = ["--dir", str(folder)]
    commands: dict[str, Sequence[str]] = {
        "floor": floor_command(folder),
        "cold": agidebate("--no-cache", "export", "--format", "json", *d),
        "warm": agidebate("export", "--format", "json", *d),
        "check": agidebate("check", *d),
        "show": agidebate("show", *d),
        "cruxes": agidebate("cruxes", *d),
    }
    argdown = argdown_command()
    if argdown:
        commands["argdown"] = [*argdown, "json", str(argdown_file), str(work / "argdown-out")]
    warm_up(commands["warm"], env)
    samples = interleaved(commands, runs, env)
    floor = median(samples["floor"])
    label = f"{claims:,} claims"
    rows = [
        plain_row(f"floor: PyYAML C parser + json ({label})", samples["floor"], shape),
        ratio_row(f"export json, cold ({label})", samples["cold"], floor, "floor", 1.0, shape),
        ratio_row(f"export json, warm ({label})", samples["warm"], floor, "floor", 0.3, shape),
        ratio_row(f"check, warm ({label})", samples["check"], floor, "floor", 0.5, shape),
        ratio_row(f"show, warm ({label})", samples["show"], floor, "floor", 0.5, shape),
    ]
    # Exact cruxes (every claim's swing; issue 16's target): under 10 s at 10,000 claims.
    crux = median(samples["cruxes"])
    rows.append(
        Row(f"cruxes, exact swing of every claim, warm ({label})", crux, peak(samples["cruxes"]),
            target="< 10 s", ok=crux < 10, shape=shape)
    )  # fmt: skip
    ratio = peak(samples["cold"]) / peak(samples["floor"])
    rows.append(
        Row(f"peak memory, cold export ({label})", 0, peak(samples["cold"]), "floor", ratio,
            "<= 2x", ratio <= 2, shape)
    )  # fmt: skip
    if "argdown" in samples:
        theirs = median(samples["argdown"])
        rows.append(plain_row(f"argdown json ({label})", samples["argdown"], shape))
        speedup = theirs / median(samples["cold"])
        rows.append(
            Row(f"argdown json / our cold export ({label})", 0, 0, "ours", speedup, ">= 3x",
                speedup >= 3, shape)
        )  # fmt: skip
    return rows


def run_large(work: Path, shape: str, runs: int, claims: int) -> list[Row]:
    """200,000 claims: cold export against the floor, then every command warm."""
    folder, _ = debate_folder(work, claims, shape)
    env = environment(work / "cache")
    d = ["--dir", str(folder)]
    commands: dict[str, Sequence[str]] = {
        "floor": floor_command(folder),
        "cold export json": agidebate("--no-cache", "export", "--format", "json", *d),
    }
    word = "synthetic"
    for name, args in reading_commands("t0-0", word).items():
        commands[f"{name}, warm"] = agidebate(*args, *d)
    warm_up(agidebate("check", *d), env)
    samples = interleaved(commands, runs, env)
    floor = median(samples.pop("floor"))
    label = f"{claims:,} claims"
    rows = [Row(f"floor ({label})", floor, 0, shape=shape)]
    for name, found in samples.items():
        limit = 1.0 if name.startswith("cold") else 0.1 if name == "check, warm" else 0.5
        rows.append(ratio_row(f"{name} ({label})", found, floor, "floor", limit, shape, GB))
    return rows


def run_huge(work: Path, shape: str, small: int, big: int) -> list[Row]:
    """check and export json at `small` and `big` claims: they complete, in memory, linearly."""
    rows: list[Row] = []
    env = environment(work / "cache")
    for name, args in {
        "check": ["--no-cache", "check"],
        "export json": ["--no-cache", "export", "--format", "json"],
    }.items():
        times = {}
        for claims in (small, big):
            folder, _ = debate_folder(work, claims, shape)
            sample = measure(agidebate(*args, "--dir", str(folder)), env)
            times[claims] = sample.seconds
            ok = sample.peak_kb < 2.5 * GB
            rows.append(
                Row(f"{name}, cold ({claims:,} claims)", sample.seconds, sample.peak_kb,
                    target="< 2.5 GB", ok=ok, shape=shape)
            )  # fmt: skip
        ratio = (times[big] / big) / (times[small] / small)
        rows.append(
            Row(f"{name}: time per claim, {big:,} vs {small:,}", 0, 0, "smaller", ratio,
                "<= 1.25x", ratio <= 1.25, shape)
        )  # fmt: skip
    return rows


def run_bundled(runs: int, work: Path) -> list[Row]:
    """Start-up against a minimal typer app, and every command on the bundled debate, warm."""
    from agidebate.format.load import bundled_debate_dir, load_debate

    env = environment(work / "cache")
    folder = bundled_debate_dir()
    debate = load_debate(folder, cache=False)
    claim = next(c.id for c in debate if c.id != debate.thesis)
    commands: dict[str, Sequence[str]] = {
        "typer": [PYTHON, "-c", MINIMAL_TYPER, "--help"],
        "help": agidebate("--lang", "en", "--help"),
        "help_zh": agidebate("--lang", "zh", "--help"),
        "score_help": agidebate("score", "--lang", "en", "--help"),
        "score_help_zh": agidebate("score", "--lang", "zh", "--help"),
        "version": agidebate("--version"),
    }
    views = reading_commands(claim, "scaling")
    views["cruxes --between believer skeptic"] = ["cruxes", "--between", "believer", "skeptic"]
    for name, args in views.items():
        commands[name] = agidebate(*args, "--dir", str(folder))
    warm_up(agidebate("check", "--dir", str(folder)), env)
    samples = interleaved(commands, runs, env)
    base = median(samples.pop("typer"))
    english, score_english = median(samples["help"]), median(samples["score_help"])
    rows = [
        Row("minimal two-command typer app --help", base, 0, shape="-"),
        ratio_row("agidebate --help", samples.pop("help"), base, "typer", 1.3, "-"),
        ratio_row("agidebate --version", samples.pop("version"), base, "typer", 1.3, "-"),
        # The catalog is read only when a language needs it: issue 18 allows it 10%.
        ratio_row(
            "agidebate --lang zh --help", samples.pop("help_zh"), english, "--help", 1.1, "-"
        ),
        ratio_row(
            "agidebate score --lang zh --help",
            samples.pop("score_help_zh"),
            score_english,
            "score --help",
            1.1,
            "-",
        ),
    ]
    samples.pop("score_help")
    for name, found in samples.items():
        value = median(found)
        rows.append(
            Row(f"{name}, warm (bundled debate)", value, peak(found), target="<= 0.25 s",
                ok=value <= 0.25, shape="-")
        )  # fmt: skip
    return rows


def run_overview(work: Path, claims: int, runs: int) -> list[Row]:
    """The HTML page with its overview map: size, export time, and opening in Chromium
    (issue 20: 2,000 claims in under 5 MB, open in under 2 s)."""
    rows = []
    for page in pages(work, [claims], runs, environment(work / "cache")):
        label = f"html page, {page.label} ({page.claims:,} claims)"
        big = page.label != "bundled"
        size_ok = page.bytes < 5_000_000 if big else None
        target = "< 5 MB" if big else ""
        name = f"{label}: {page.bytes / 1e6:.2f} MB"
        rows.append(Row(name, page.export_seconds, 0, None, None, target, size_ok, "-"))
        if page.ready_ms:
            ready = median_ms(page.ready_ms) / 1000
            ok = ready < 2 if big else None
            name = f"{label}: map built in Chromium"
            rows.append(Row(name, ready, 0, None, None, "< 2 s" if big else "", ok, "-"))
            load = median_ms(page.load_ms) / 1000
            rows.append(Row(f"{label}: load event", load, 0, shape="-"))
        else:
            name = f"{label}: not opened (no Playwright or /usr/bin/chromium)"
            rows.append(Row(name, 0, 0, shape="-"))
    return rows


def compile_package() -> None:
    """Byte-compile agidebate first, as `pip install` does for an installed package.

    Without it, a checkout run with PYTHONDONTWRITEBYTECODE set (or a read-only
    one) compiles every module from source in every measured process: about 30 ms
    that no installed copy pays.
    """
    import subprocess

    package = str(HERE.parent / "agidebate")
    subprocess.run([PYTHON, "-m", "compileall", "-q", package], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shape", choices=[*SHAPES, "both"], default="both")
    parser.add_argument("--large", action="store_true", help="also 200,000 claims")
    parser.add_argument("--huge", action="store_true", help="also 50,000 and 500,000 claims")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run (for CI)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--work", type=Path, help="keep generated debates here")
    args = parser.parse_args()
    compile_package()
    work = args.work or Path(tempfile.mkdtemp(prefix="agidebate-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    runs = 1 if args.smoke else args.runs
    shapes = SHAPES if args.shape == "both" else (args.shape,)
    medium, large, small, big = (200, 1_000, 200, 1_000) if args.smoke else (
        10_000, 200_000, 50_000, 500_000)  # fmt: skip
    before = load_average()
    rows = run_bundled(runs, work)
    rows += run_overview(work, 200 if args.smoke else 2_000, runs)
    for shape in shapes:
        rows += run_medium(work, shape, runs, medium)
        if args.large or args.smoke:
            rows += run_large(work, shape, min(runs, 3), large)
        if args.huge or args.smoke:
            rows += run_huge(work, shape, small, big)
    load = f"load average before: {before}; after: {load_average()}"
    if args.json:
        print(json.dumps({"load": load, "rows": [row.__dict__ for row in rows]}, indent=2))
    elif args.markdown:
        print_markdown(rows)
        print(f"\n{load}")
    else:
        print_table(rows)
        print(load)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
