"""One palette: every drawing takes a side's colours from agidebate/palette.py."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from agidebate.palette import PALETTE, css_variables
from tests.conftest import BUNDLED
from tests.export.conftest import SMALL, argdown_program, exported, loaded
from tests.html.conftest import html


def test_the_page_the_pictures_and_graphml_use_the_palette() -> None:
    debate = loaded(SMALL)
    page = html(debate)
    assert css_variables() in page
    for side in ("pro", "con", "thesis"):
        colours = PALETTE[side]
        assert f"--{side}: {colours.line};" in page and f"--{side}-bg: {colours.fill};" in page
        assert colours.line in exported(SMALL, "dot") and colours.fill in exported(SMALL, "dot")
        assert f"fill:{colours.fill},stroke:{colours.line}" in exported(SMALL, "mermaid")
        assert colours.fill.upper() in exported(SMALL, "graphml")
        assert f'{side}: {{color: "{colours.line}", priority: 100}}' in exported(SMALL, "argdown")


def test_page_css_names_no_side_colour_of_its_own() -> None:
    css = (Path(__file__).parents[2] / "agidebate" / "export" / "html" / "page.css").read_text()
    assert not re.search(r"--(pro|con|thesis)(-bg)?\s*:", css)


@pytest.mark.external
def test_argdown_map_colours_each_statement_by_its_side(tmp_path: Path) -> None:
    """The real `argdown map` draws pro statements green, con red, the thesis indigo."""
    debate = loaded(BUNDLED)
    source = tmp_path / "debate.argdown"
    source.write_text(exported(BUNDLED, "argdown"), encoding="utf-8")
    done = subprocess.run(
        [argdown_program(), "map", "--format", "dot", str(source), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    dot = (tmp_path / "debate.dot").read_text(encoding="utf-8")
    colours = re.findall(r'type="statement-map-node"', dot)
    assert len(colours) == len(debate.claims)
    found = re.findall(r'style="filled,rounded,bold", color="(#[0-9a-f]{6})"', dot)
    sides = [debate.side_label(c) for c in debate.claims]
    for side in ("pro", "con", "thesis"):
        assert found.count(PALETTE[side].line) == sides.count(side), side
    edges = re.findall(r'\[type="(support|attack)", color="(#[0-9a-f]{6})"\]', dot)
    assert len(edges) == len(debate.edges)
    line = {"support": PALETTE["pro"].line, "attack": PALETTE["con"].line}
    assert all(colour == line[kind] for kind, colour in edges)
