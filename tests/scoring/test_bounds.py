"""Every scoring command's cost is bounded (issue 21): hostile debates under resource limits.

Each command runs in a fresh process limited to `CPU_SECONDS` of CPU time and `MEMORY` of
address space. Before the bounds, `explain` on 100 claims that all attack each other took
36 s, `score -s hcat` on 300 of them 56 s and `score` 122 s; the documented bounds
(docs/scoring.md, "What every command costs") keep each of these to a few seconds, and the
output says where numbers are approximate.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MakeDebate

CPU_SECONDS = 30
MEMORY = 2 * 1024**3


def clique(n: int) -> dict[str, str]:
    """A thesis and `n` claims, each attacking the thesis and every other claim."""
    claims = "".join(
        f"  - id: c{i}\n    text: Claim {i}.\n    attacks: [thesis, "
        + ", ".join(f"c{j}" for j in range(n) if j != i)
        + "]\n"
        for i in range(n)
    )
    return {
        "debate.yaml": "title: clique\nthesis:\n  id: thesis\n  text: The thesis.\n",
        "clique.yaml": "topic: clique\nclaims:\n" + claims,
    }


def chain(n: int) -> dict[str, str]:
    """A chain of `n` certain attacks: every change reaches the thesis undiminished."""
    claims = "".join(
        f"  - {{id: c{i}, text: C{i}, weight: 1, attacks: {'thesis' if i == 0 else f'c{i - 1}'}}}\n"
        for i in range(n)
    )
    return {
        "debate.yaml": "thesis: {id: thesis, text: T}\n",
        "chain.yaml": "topic: chain\nclaims:\n" + claims,
    }


def limited() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run(folder: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "agidebate", "--no-cache", *args, "--dir", str(folder)],
        capture_output=True,
        text=True,
        preexec_fn=limited,
        timeout=10 * CPU_SECONDS,
        check=False,
        env={"COLUMNS": "100", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    return " ".join(result.stdout.split())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("size", "args", "flag"),
    [
        (300, ["score"], "did not settle"),
        (300, ["score", "-s", "hcat"], "did not settle"),
        (300, ["score", "--all-semantics"], "did not settle"),
        (100, ["explain", "c1"], "solving this cycle again once per relation would take too long"),
        (100, ["explain", "thesis", "--depth", "0"], "would take too long"),
        (300, ["cruxes"], "did not settle"),
        (100, ["cruxes", "--flip"], "work bound"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else str(value),
)
def test_a_clique_is_scored_within_the_bounds(
    make_debate: MakeDebate, size: int, args: list[str], flag: str
) -> None:
    out = run(make_debate(clique(size)), *args)
    assert flag in out


@pytest.mark.slow
def test_a_chain_whose_changes_never_die_out_gets_estimated_swings(
    make_debate: MakeDebate,
) -> None:
    # Exact swings would re-evaluate the whole chain for each of its claims: 10,000 x 10,000.
    out = run(make_debate(chain(10_000)), "cruxes", "--json", "--top", "10000")
    assert '"exact": false' in out and '"exact": true' in out
