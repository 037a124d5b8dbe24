"""Whole-debate pictures that fit a screen, drawn by the real Graphviz and Mermaid CLI.

The bundled debate drawn whole used to be a strip (16,752 x 1,581 px from `dot`,
2,384 x 290 from Mermaid). Now: no wider than 3:1 (and no taller than 1:3), a
legend, text of at least 12 px at 100%, every relation one edge, every claim one
box drawn in full. PNGs land in tests/artifacts/ for people to look at.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from agidebate.export import ExportOptions, export
from agidebate.export.picture import picture
from agidebate.format.load import load_debate
from agidebate.scoring import score
from tests.conftest import BUNDLED, REPO, invoke
from tests.export.conftest import dot_program, mermaid_svg

SVG = "{http://www.w3.org/2000/svg}"
ARTIFACTS = REPO / "tests" / "artifacts"
LEGEND_WORDS = ("counts for the thesis", "counts against the thesis", "supports the claim")


def bundled_export(fmt: str) -> str:
    debate = load_debate(BUNDLED)
    result = score(debate)
    text = export(debate, fmt, ExportOptions(scores=result.scores, semantics=result.semantics))
    assert isinstance(text, str)
    return text


def view_box(svg: str) -> tuple[float, float]:
    match = re.search(r'viewBox="([-\d.]+)[ ,]+([-\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)"', svg)
    assert match, svg[:300]
    return float(match.group(3)), float(match.group(4))


def dot_svg(source: str) -> str:
    done = subprocess.run(
        [dot_program(), "-Tsvg"], input=source.encode(), capture_output=True, timeout=300
    )
    assert done.returncode == 0 and not done.stderr, done.stderr.decode()
    return done.stdout.decode()


@pytest.mark.external
def test_dot_draws_the_whole_bundled_debate_within_3_to_1_with_a_legend() -> None:
    svg = dot_svg(bundled_export("dot"))
    width, height = view_box(svg)
    print(f"dot -Tsvg of the bundled debate: {width:.0f} x {height:.0f} pt")
    assert width / height <= 3 and height / width <= 3
    root = ElementTree.fromstring(svg)
    texts = list(root.iter(f"{SVG}text"))
    words = " ".join(t.text or "" for t in texts)
    assert all(w in words for w in LEGEND_WORDS), words[:400]
    sizes = [float(t.get("font-size", "0")) for t in texts]
    # SVG user units are points here: 12 pt is 16 px at 100%.
    assert min(sizes) >= 12, sorted(set(sizes))
    assert svg.count('<g id="edge') == len(load_debate(BUNDLED).edges)
    # Each column holds its topics in the debate's order, from the top down.
    clusters = picture(load_debate(BUNDLED))[1:]  # the thesis alone heads the picture
    tops = {
        int((g.findtext(f"{SVG}title") or "")[8:]): float(g.find(f"{SVG}text").get("y", "0"))  # type: ignore[union-attr]
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "cluster"
    }
    for column in {c.column for c in clusters}:
        ys = [tops[i] for i, c in enumerate(clusters) if c.column == column]
        assert ys == sorted(ys) and len(ys) > 1, (column, ys)
    png = subprocess.run(
        [dot_program(), "-Tpng"], input=bundled_export("dot").encode(), capture_output=True
    )
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "bundled-dot.png").write_bytes(png.stdout)


@pytest.mark.external
@pytest.mark.slow
def test_mermaid_cli_draws_the_whole_bundled_debate_within_3_to_1(tmp_path: Path) -> None:
    svg = mermaid_svg(bundled_export("mermaid"), tmp_path)
    width, height = view_box(svg)
    print(f"mmdc of the bundled debate: {width:.0f} x {height:.0f} px")
    assert width / height <= 3 and height / width <= 3
    assert "counts for the thesis" in svg and "supports" in svg
    sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)px", svg)]
    assert sizes and min(sizes) >= 12, sorted(set(sizes))
    debate = load_debate(BUNDLED)
    assert svg.count("flowchart-link") >= len(debate.edges)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "bundled-mermaid.svg").write_text(svg, encoding="utf-8")


def test_every_relation_is_one_link_and_every_claim_one_full_box() -> None:
    debate = load_debate(BUNDLED)
    clusters = picture(debate)
    links = [(link.source, link.target) for c in clusters for link in c.links]
    assert len(links) == len(debate.edges)
    full = [box.claim for c in clusters for box in c.boxes if not box.ref]
    assert sorted(full) == sorted(debate.claims)
    keys = [box.key for c in clusters for box in c.boxes]
    assert len(keys) == len(set(keys))
    assert max(c.column for c in clusters) >= 1  # the bundled debate needs more than one column


def test_reference_keys_never_collide_with_claim_ids() -> None:
    from agidebate.model import Claim, Debate, Edge, Relation, Topic

    claims = {
        "t": Claim("t", "T"),
        "ref:1": Claim("ref:1", "a claim whose id looks like a reference key", topic="x"),
        "b": Claim("b", "B", topic="y"),
    }
    edges = (
        Edge("ref:1", "t", Relation.SUPPORT),
        Edge("b", "ref:1", Relation.ATTACK),
        Edge("b", "t", Relation.ATTACK),
    )
    debate = Debate(claims, edges, thesis="t", topics={"x": Topic("x"), "y": Topic("y")})
    keys = [box.key for c in picture(debate) for box in c.boxes]
    assert len(keys) == len(set(keys)) and "ref:1" in keys


@pytest.mark.parametrize("fmt", ["dot", "mermaid", "json"])
def test_depth_and_topic_limit_the_picture(fmt: str) -> None:
    debate = load_debate(BUNDLED)
    shallow = invoke(["export", "--format", "json", "--depth", "1"])
    assert shallow.exit_code == 0, shallow.stderr
    import json

    ids = {c["id"] for c in json.loads(shallow.stdout)["claims"]}
    assert ids == {c for c in debate.claims if (d := debate.depth(c)) is not None and d <= 1}
    topic = invoke(["export", "--format", fmt, "--topic", "data-wall"])
    assert topic.exit_code == 0, topic.stderr
    members = [c.id for c in debate if c.topic == "data-wall"]
    outsiders = [c.id for c in debate if c.topic != "data-wall" and c.id != debate.thesis]
    if fmt == "dot":
        assert all(f'"{cid}" [' in topic.stdout for cid in members)
        kept = [cid for cid in outsiders if f'"{cid}" [' in topic.stdout]
        # the only other claims are the steps from a data-wall claim up to the thesis
        paths = {e.target for cid in members for e in debate.path_to_root(cid)}
        assert set(kept) <= paths


def test_an_unknown_topic_is_a_usage_error_naming_close_ones() -> None:
    result = invoke(["export", "--format", "dot", "--topic", "data-wal"])
    assert result.exit_code == 2
    assert "no topic 'data-wal'" in result.stderr and "data-wall" in result.stderr


def test_scores_of_a_limited_picture_are_those_of_the_whole_debate() -> None:
    import json

    whole = json.loads(invoke(["export", "--format", "json"]).stdout)
    part = json.loads(invoke(["export", "--format", "json", "--depth", "1"]).stdout)
    scores = {c["id"]: c["score"] for c in whole["claims"]}
    assert all(c["score"] == scores[c["id"]] for c in part["claims"])
