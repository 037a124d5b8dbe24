"""GraphML export: networkx reads it back with labels, sides, scores; XML stays well formed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

import pytest

if TYPE_CHECKING:
    import networkx as nx

from tests.conftest import EXAMPLES
from tests.export.conftest import HOSTILE, SCORES, SMALL, debates, exported, loaded

COMPLETE = EXAMPLES / "complete"


def read(folder: Path, tmp_path: Path, scores: dict[str, float] | None = None) -> nx.DiGraph:
    path = tmp_path / "map.graphml"
    path.write_text(exported(folder, "graphml", scores), encoding="utf-8")
    import networkx

    graph: nx.DiGraph = networkx.read_graphml(path)
    return graph


@pytest.mark.parametrize("folder", debates())
def test_networkx_reads_nodes_edges_and_attributes(folder: Path, tmp_path: Path) -> None:
    debate = loaded(folder)
    scores = dict.fromkeys(debate.claims, 0.25)
    graph = without_link_nodes(read(folder, tmp_path, scores))
    assert set(graph.nodes) == set(debate.claims)
    assert graph.number_of_edges() == len(debate.edges)
    for claim in debate:
        node = graph.nodes[claim.id]
        assert node["side"] == debate.side_label(claim.id)
        assert node["score"] == 0.25 and node["weight"] == claim.weight
        assert node["label"]
    for edge in debate.edges:
        if edge.cut_link is None:
            assert graph.edges[edge.source, edge.target]["relation"] == edge.relation.value


def test_missing_values_are_left_out_and_lists_joined(tmp_path: Path) -> None:
    graph = read(SMALL, tmp_path, SCORES)
    assert "by" not in graph.nodes["latent-demand"]
    assert graph.nodes["fewer-injuries"]["tags"] == "safety; evidence"
    assert graph.nodes["fewer-injuries"]["score"] == pytest.approx(0.7234)
    assert "score" not in read(SMALL, tmp_path).nodes["thesis"]


def test_control_characters_never_reach_the_xml(tmp_path: Path) -> None:
    text = exported(HOSTILE, "graphml")
    ElementTree.fromstring(text.encode("utf-8"))
    assert "\x07" not in text and "\\x07 bell" in text
    graph = read(HOSTILE, tmp_path)
    assert graph.nodes["ctrl"]["by"] == "\\x01 sender"


@pytest.mark.parametrize("folder", [*debates(), COMPLETE])
def test_graphml_reads_back_as_the_graph_to_networkx_builds(folder: Path, tmp_path: Path) -> None:
    """Same nodes, same edges with the same relations, and every attribute GraphML carries
    equal to the one `agidebate.graph.to_networkx` gives (XML-safe text, tags joined, lists
    and mappings as JSON text), once each link node is taken out again."""
    from agidebate.export.to_graphml import NODE_KEYS, as_json, clean
    from agidebate.graph import to_networkx

    debate = loaded(folder)
    scores = {cid: round(0.1 + i / (2 * len(debate)), 6) for i, cid in enumerate(debate.claims)}
    got = without_link_nodes(read(folder, tmp_path, scores))
    want = to_networkx(debate, scores)
    assert set(got.nodes) == set(want.nodes)
    assert sorted((u, v, d["relation"]) for u, v, d in got.edges(data=True)) == sorted(
        (u, v, d["relation"]) for u, v, d in want.edges(data=True)
    )
    assert got.graph.get("title") == want.graph["title"]
    assert got.graph.get("thesis") == want.graph["thesis"]
    for node, data in want.nodes(data=True):
        expected = {
            **data,
            "tags": "; ".join(data["tags"]) or None,
            "quote": as_json(data["quotes"]),
            "i18n": as_json(data["i18n"]),
            "sources": as_json(data["sources"]),
            "figures": as_json(data["figures"]),
        }
        for name in (name for _key, name, _kind in NODE_KEYS):
            value = expected[name]
            if isinstance(value, str):
                value = clean(value)
            assert got.nodes[node].get(name) == value, (node, name)
    for u, v, data in want.edges(data=True):
        edge = got.edges[u, v]
        assert (edge.get("impact", 1.0), edge.get("editorial", False), edge.get("note")) == (
            data["impact"],
            data["editorial"],
            data["note"],
        )


def without_link_nodes(graph: nx.DiGraph) -> nx.DiGraph:
    """The graph with each link node (`kind` link) taken out: its two halves joined into
    the link, each undercut into it pointing at the link's target (as `to_networkx` has)."""
    links = [n for n, d in graph.nodes(data=True) if d.get("kind") == "link"]
    for node in links:
        (source,) = [
            u for u, _ in graph.in_edges(node) if graph.edges[u, node]["relation"] != "undercut"
        ]
        (target,) = list(graph.successors(node))
        graph.add_edge(source, target, **graph.edges[source, node])
        for u, _ in list(graph.in_edges(node)):
            if graph.edges[u, node]["relation"] == "undercut":
                graph.add_edge(u, target, **graph.edges[u, node])
        graph.remove_node(node)
    return graph


def test_an_undercut_is_drawn_into_the_link_it_cuts(tmp_path: Path) -> None:
    graph = read(COMPLETE, tmp_path)
    link = graph.nodes["parking-loss->thesis"]
    assert link["kind"] == "link"
    assert graph.edges["parking-loss", "parking-loss->thesis"]["relation"] == "attack"
    assert graph.edges["parking-loss->thesis", "thesis"]["relation"] == "attack"
    assert graph.edges["customers-walk", "parking-loss->thesis"]["relation"] == "undercut"
    assert graph.edges["garage-nearby", "parking-loss"]["impact"] == 0.8
    assert graph.nodes["committee-case"]["kind"] == "summary"
    assert graph.graph["authors"].startswith('{"Transport committee"')
