"""Graphviz export: `dot` draws it; svg and png go through `dot`; quoting is literal."""

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from agidebate.errors import OperationError
from agidebate.export import ExportOptions, export
from agidebate.export.to_dot import quote
from tests.conftest import invoke
from tests.export.conftest import COMPLETE, SMALL, debates, dot_program, exported, loaded


@pytest.mark.external
@pytest.mark.parametrize("folder", debates())
def test_dot_draws_the_export(folder: Path) -> None:
    done = subprocess.run(
        [dot_program(), "-Tsvg"],
        input=exported(folder, "dot").encode("utf-8"),
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    svg = ElementTree.fromstring(done.stdout)
    ns = "{http://www.w3.org/2000/svg}"
    names = [
        g.findtext(f"{ns}title") or ""
        for g in svg.iter(f"{ns}g")
        if g.get("class") == "node" and g.findtext(f"{ns}title") != "start"
    ]
    debate = loaded(folder)
    claims = sorted(name for name in names if name in debate.claims)
    points = [name for name in names if " -> " in name]  # a cut link's point
    refs = [name for name in names if name not in debate.claims and name not in points]
    # Each claim in full exactly once (a thesis with nothing beside it heads the picture
    # instead); every other box is a reference.
    everything = sorted(debate.claims)
    assert claims in (everything, sorted(c for c in everything if c != debate.thesis))
    assert all(ref.startswith("ref:") for ref in refs)
    edges = [g for g in svg.iter(f"{ns}g") if g.get("class") == "edge"]
    cut = {e.cut_link for e in debate.edges if e.cut_link is not None}
    assert len(points) == len(cut)
    assert len(edges) == len(debate.edges) + len(cut)  # a cut link is drawn in two halves


def test_an_undercut_is_drawn_into_the_link_it_cuts() -> None:
    text = exported(COMPLETE, "dot")
    point = '"parking-loss -> ref:1"'
    assert f"{point} [shape=point" in text
    assert f'{point} -> "customers-walk" [color="#6a1b9a", arrowtail=tee, style=dashed' in text
    assert f'"ref:1" -> {point} [color="#c62828", arrowtail=tee, style=dashed];' in text
    assert f'{point} -> "parking-loss" [color="#c62828", arrowtail=none, style=dashed];' in text
    assert (
        f'{point} -> "customers-walk" [color="#6a1b9a", arrowtail=tee, style=dashed, label="ed."'
        in text
    )
    assert 'label="impact 0.8"' in text  # garage-nearby's link
    # an editorial support says so in its label, as in Mermaid
    assert '-> "latent-demand" [color="#2e7d32", arrowtail=normal, label="ed., impact 0.5"' in text
    assert "[summary]" in text and "[ed.]" in text


@pytest.mark.external
def test_svg_and_png_formats(tmp_path: Path) -> None:
    dot_program()
    svg = export(loaded(SMALL), "svg")
    assert isinstance(svg, str) and svg.lstrip().startswith("<?xml") and "</svg>" in svg
    target = tmp_path / "map.png"
    result = invoke(["export", "--format", "png", "--dir", str(SMALL), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_missing_dot_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(OperationError, match="needs Graphviz's `dot` program"):
        export(loaded(SMALL), "svg", ExportOptions())
    result = invoke(["export", "--format", "svg", "--dir", str(SMALL)])
    assert result.exit_code == 1 and "apt-get install graphviz" in result.stderr


def test_quote_keeps_escapes_literal() -> None:
    assert quote('a "b" \\N \\l') == '"a \\"b\\" \\\\N \\\\l"'
    assert quote("bell\x07") == '"bell\\\\x07"'
    text = exported(SMALL, "dot")
    assert (
        '"fewer-injuries" -> "few-cyclists" [color="#c62828", arrowtail=tee, style=dashed];' in text
    )
