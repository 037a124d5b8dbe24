"""Building small debates in code and drawing views to plain text, for the render tests."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from rich.console import Console, RenderableType

from agidebate.model import Claim, Debate, Edge, Relation

# The bike-lane debate of docs/format.md as relations: (source, "+" supports / "-" attacks, target).
BIKE = [
    ("parking", "-", "t"),
    ("injuries", "+", "t"),
    ("few", "-", "injuries"),
    ("latent", "-", "few"),
    ("latent", "+", "injuries"),
]
SGR = re.compile(r"\x1b\[[0-9;]*m")
# What user text must never put on a terminal, raw: controls, escapes, bidi overrides.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def debate_of(
    relations: Iterable[tuple[str, str, str]], *, thesis: str | None = "t", **claims: Claim
) -> Debate:
    """A debate from `(source, "+" or "-", target)` triples; every id mentioned becomes a claim."""
    edges = tuple(
        Edge(source, target, Relation.SUPPORT if sign == "+" else Relation.ATTACK)
        for source, sign, target in relations
    )
    ids = dict.fromkeys(
        [*([thesis] if thesis else []), *(x for e in edges for x in (e.source, e.target))]
    )
    made = {
        cid: claims.get(cid, Claim(cid, f"Text of {cid}.", title=f"Title {cid}")) for cid in ids
    }
    return Debate(claims=made, edges=edges, thesis=thesis)


def draw(renderable: RenderableType, width: int = 80, color: bool = False) -> str:
    """What a console of `width` columns prints for `renderable`."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="truecolor" if color else None,
        force_terminal=color,
        markup=False,
        highlight=False,
        emoji=False,
    )
    console.print(renderable)
    return buffer.getvalue()


def assert_plain_layout(output: str, width: int) -> None:
    """No escape codes, no line wider than `width`, no trailing spaces."""
    from rich.cells import cell_len

    assert "\x1b" not in output
    for line in output.splitlines():
        assert cell_len(line) <= width, line
        assert line == line.rstrip(), repr(line)


def assert_inert(output: str) -> None:
    """User text from the hostile fixture came out literally and harmlessly.

    Colour codes the view itself draws (SGR sequences) are allowed; nothing
    else that a terminal would act on may remain.
    """
    assert "\x1b[5;7m" not in output and "\x1b]" not in output
    assert not FORBIDDEN.search(SGR.sub("", output)), repr(FORBIDDEN.search(SGR.sub("", output)))
    assert "\\x1b[5;7m" in output or "\\x1b]0;" in output


def run_both(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run the command in-process (CliRunner) and as a real subprocess; both must agree.

    Returns the exit code, stdout and stderr of the subprocess, which writes to
    a pipe: plain text, 80 columns unless COLUMNS says otherwise.
    """
    from tests.conftest import invoke, run_process

    full = {"COLUMNS": "80", **(env or {})}
    inside = invoke(args, env=full)
    outside = run_process(args, env=full)
    assert "Traceback" not in outside.stderr
    assert inside.exit_code == outside.returncode, (inside.stderr, outside.stderr)
    assert inside.stdout == outside.stdout
    return outside.returncode, outside.stdout, outside.stderr
