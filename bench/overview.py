"""Benchmarks for the HTML page with its overview map: its size, and how fast it opens.

    python bench/overview.py                # the bundled debate and 2,000 generated claims
    python bench/overview.py --claims 10000 # another size

Each page is exported by a fresh `agidebate export --format html` (every perspective
under every semantics, as users get it), then opened in headless Chromium (Debian's
/usr/bin/chromium through Playwright) `--runs` times in fresh contexts. "ready" is
when the page has built the outline and the overview (`body[data-ready]`), "load"
the load event. Targets (issue 20): a 2,000-claim page under 5 MB, open in under 2 s.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.generate import generate, write  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
BUNDLED = HERE.parent / "arguments"


@dataclass
class PageTiming:
    label: str
    claims: int
    bytes: int
    gzipped: int
    export_seconds: float
    ready_ms: list[float]
    load_ms: list[float]


def export_page(folder: Path, out: Path, env: dict[str, str]) -> float:
    """Export the page with a fresh process; its wall time in seconds."""
    import time

    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "agidebate",
            "export",
            "--format",
            "html",
            "--dir",
            str(folder),
            "-o",
            str(out),
        ],
        env=env,
        check=True,
    )
    return time.perf_counter() - start


def open_times(page: Path, runs: int) -> tuple[list[float], list[float]] | None:
    """(ready, load) in ms for each run, or None without Playwright or Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(CHROMIUM).exists():
        return None
    ready: list[float] = []
    load: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            tab = context.new_page()
            tab.goto(page.as_uri())
            tab.wait_for_selector("body[data-ready]", state="attached", timeout=60_000)
            tab.wait_for_load_state("load")
            found = tab.evaluate(
                """() => ({ready: Number(document.body.dataset.ready),
                   load: performance.getEntriesByType('navigation')[0].loadEventEnd})"""
            )
            ready.append(float(found["ready"]))
            load.append(float(found["load"]))
            context.close()
        browser.close()
    return ready, load


def measure(label: str, folder: Path, work: Path, runs: int, env: dict[str, str]) -> PageTiming:
    out = work / f"{label.replace(' ', '-')}.html"
    seconds = export_page(folder, out, env)
    data = out.read_bytes()
    times = open_times(out, runs) or ([], [])
    claims = data.count(b'"kids":')
    return PageTiming(label, claims, len(data), len(gzip.compress(data)), seconds, *times)


def generated(work: Path, claims: int) -> Path:
    folder = work / f"debate-{claims}"
    if not folder.exists():
        files, _ = generate(claims - 1, max(2, claims // 170), 25, seed=1)
        write(folder, files)
    return folder


def pages(work: Path, sizes: list[int], runs: int, env: dict[str, str]) -> list[PageTiming]:
    found = [measure("bundled", BUNDLED, work, runs, env)]
    found += [measure(f"{n} claims", generated(work, n), work, runs, env) for n in sizes]
    return found


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--claims", type=int, action="append", help="generated sizes")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("AGIDEBATE_DIR",)}
    with tempfile.TemporaryDirectory(prefix="agidebate-overview-") as tmp:
        for page in pages(Path(tmp), args.claims or [2000], args.runs, env):
            print(
                f"{page.label:12} {page.claims:>6} claims  {page.bytes / 1e6:6.2f} MB "
                f"({page.gzipped / 1e6:.2f} MB gzipped)  export {page.export_seconds:.2f} s  "
                f"ready {median(page.ready_ms):6.0f} ms  load {median(page.load_ms):6.0f} ms"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
