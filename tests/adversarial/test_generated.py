"""Hostile inputs too big or too regular to keep as files: built here, run through every command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from agidebate.format import nodes
from agidebate.format.load import check_debate, load_debate
from tests.adversarial.harness import THESIS, reader_commands
from tests.conftest import MakeDebate, invoke

COMMANDS = reader_commands()


def chain(n: int) -> str:
    lines = ["claims:", "  - {id: c0, text: C0, attacks: thesis}"]
    lines += [f"  - {{id: c{i}, text: C{i}, attacks: c{i - 1}}}" for i in range(1, n)]
    return "\n".join(lines) + "\n"


def lattice(layers: int) -> str:
    """Two claims per layer, each attacking both claims of the layer above: 2**layers paths."""
    lines = [
        "claims:",
        "  - {id: l0-a, text: A0, attacks: thesis}",
        "  - {id: l0-b, text: B0, attacks: thesis}",
    ]
    lines += [
        f"  - {{id: l{i}-{side}, text: {side}{i}, attacks: [l{i - 1}-a, l{i - 1}-b]}}"
        for i in range(1, layers)
        for side in "ab"
    ]
    return "\n".join(lines) + "\n"


def cycles(longest: int) -> str:
    """One cycle of every length from 2 to `longest`, each hanging off the thesis."""
    lines = ["claims:"]
    for n in range(2, longest + 1):
        ids = [f"k{n}-{i}" for i in range(n)]
        for i, cid in enumerate(ids):
            targets = [ids[(i + 1) % n]] + (["thesis"] if i == 0 else [])
            lines.append(f"  - {{id: {cid}, text: {cid}, attacks: [{', '.join(targets)}]}}")
    return "\n".join(lines) + "\n"


def fan(n: int) -> str:
    return "claims:\n" + "".join(
        f"  - {{id: f{i}, text: F{i}, attacks: thesis}}\n" for i in range(n)
    )


SHAPES: dict[str, tuple[Callable[[int], str], int, int]] = {
    # name: (builder, size, number of claims it makes)
    "chain-10000": (chain, 10_000, 10_000),
    "lattice-40-layers": (lattice, 40, 80),
    "cycles-2-to-60": (cycles, 60, sum(range(2, 61))),
    "fan-5000": (fan, 5_000, 5_000),
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("shape", list(SHAPES))
def test_graph_shapes_finish_in_output_proportional_to_claims(
    shape: str, command: str, make_debate: MakeDebate
) -> None:
    build, size, claims = SHAPES[shape]
    folder = make_debate({"debate.yaml": THESIS, "g.yaml": build(size)})
    result = invoke([*COMMANDS[command], "--dir", str(folder)])
    assert result.exit_code == 0, result.stdout + result.stderr
    page = page_overhead() if command == "export html" else ""
    assert len(result.stdout.splitlines()) <= 20 * (claims + 1) + 200 + page.count("\n")
    if command != "export kialo":  # Kialo numbers a claim by its path: 1.1.1... (docs/exports.md)
        fixed = 20_000 + len(page)
        assert len(result.stdout) <= 1_000 * (claims + 1) + fixed  # no line grows with depth


def page_overhead() -> str:
    """The HTML page for a debate of one claim: its scripts and styles, the part of every
    page that does not grow with the debate."""
    from agidebate.export import export
    from agidebate.model import Claim, Debate

    page = export(Debate(claims={"t": Claim("t", "T")}, thesis="t"), "html")
    assert isinstance(page, str)
    return page


def test_explaining_a_deep_chain_to_the_leaves_stays_linear(make_debate: MakeDebate) -> None:
    claims = 3_000
    folder = make_debate({"debate.yaml": THESIS, "g.yaml": chain(claims)})
    result = invoke(["explain", "thesis", "--depth", "0", "--dir", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert "c2999  C2999  (pro, level 3000)" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_deep_flow_nesting_is_refused(make_debate: MakeDebate) -> None:
    depth = 100_000
    folder = make_debate({"t.yaml": "claims: " + "[" * depth + "]" * depth + "\n"})
    (error,) = check_debate(folder).errors
    assert (error.code, error.location and error.location.line) == ("too-deep", 1)


def test_deep_block_nesting_is_refused(make_debate: MakeDebate) -> None:
    depth = nodes.MAX_DEPTH + 10
    text = (
        "claims:\n"
        + "".join("  " * (i + 1) + "x:\n" for i in range(depth))
        + "  " * (depth + 1)
        + "end\n"
    )
    (error,) = check_debate(make_debate({"t.yaml": text})).errors
    assert error.code == "too-deep"


def test_a_multi_megabyte_text_loads_exactly(make_debate: MakeDebate) -> None:
    body = "word " * 1_000_000
    folder = make_debate({"t.yaml": f'claims:\n  - id: big\n    text: "{body}"\n'})
    assert load_debate(folder).claims["big"].text == body


def test_a_file_over_the_size_limit_is_refused_before_parsing(make_debate: MakeDebate) -> None:
    folder = make_debate({"t.yaml": "# " + "x" * nodes.MAX_FILE_BYTES + "\n"})
    (error,) = check_debate(folder).errors
    assert error.code == "file-too-large" and "split the topic" in (error.hint or "")


def test_many_files(make_debate: MakeDebate) -> None:
    files = {"debate.yaml": THESIS}
    files.update(
        {
            f"t{i:03d}.yaml": f"claims:\n  - {{id: c{i}, text: C, attacks: thesis}}\n"
            for i in range(500)
        }
    )
    report = check_debate(make_debate(files))
    assert (
        report.ok
        and report.files == 501
        and report.debate is not None
        and len(report.debate) == 501
    )


def test_alias_expansion_just_under_the_limit_still_loads(make_debate: MakeDebate) -> None:
    tags = "[" + ", ".join(["x"] * 999) + "]"
    text = f"claims:\n  - {{id: b, text: B, tags: &a {tags}}}\n  - {{id: c, text: C, tags: *a}}\n"
    claims = load_debate(make_debate({"t.yaml": text})).claims
    assert len(claims["c"].tags) == 999 and claims["c"].tags == claims["b"].tags


def test_invalid_bytes_everywhere_never_crash(make_debate: MakeDebate, tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    for index in range(200):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
        folder = make_debate({"t.yaml": b"claims:\n  - id: a\n    text: " + data + b"\n"})
        report = check_debate(folder)
        assert all(p.location is not None for p in report.problems), index


def test_search_hitting_every_claim_of_a_deep_chain_stays_proportional(
    make_debate: MakeDebate,
) -> None:
    folder = make_debate({"debate.yaml": THESIS, "g.yaml": chain(3000)})
    result = invoke(["search", "C", "--dir", str(folder), "--no-scores"])
    assert result.exit_code == 0
    assert len(result.stdout) < 3000 * 600  # each hit shows at most a dozen steps of its path
    assert "2,988 more" in result.stdout  # the deepest hit: 3,000 steps, 12 shown
