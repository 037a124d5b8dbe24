"""AIF export: the shape of AIFdb JSON, checked against real AIFdb samples."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import shared_dir
from tests.export.conftest import COMPLETE, debates, exported, loaded


@pytest.mark.parametrize("folder", debates())
def test_i_nodes_scheme_nodes_and_edges(folder: Path) -> None:
    debate = loaded(folder)
    data = json.loads(exported(folder, "aif"))
    types = Counter(n["type"] for n in data["nodes"])
    relations = Counter(e.relation.value for e in debate.edges)
    conflicts = relations["attack"] + relations["undercut"]  # an undercut is a conflict too
    assert types == {"I": len(debate.claims), "RA": relations["support"], "CA": conflicts}
    ids = {n["nodeID"] for n in data["nodes"]}
    assert len(ids) == len(data["nodes"]) and len(data["edges"]) == 2 * len(debate.edges)
    kind = {n["nodeID"]: n["type"] for n in data["nodes"]}
    ins: Counter[str] = Counter(e["toID"] for e in data["edges"])
    outs: Counter[str] = Counter(e["fromID"] for e in data["edges"])
    cut = Counter(e["toID"] for e in data["edges"] if kind[e["fromID"]] == "CA" != kind[e["toID"]])
    cut.update(e["toID"] for e in data["edges"] if kind[e["fromID"]] == kind[e["toID"]] == "CA")
    for node in data["nodes"]:
        if node["type"] != "I":  # one premise, one conclusion, and the undercuts into it
            assert ins[node["nodeID"]] - cut[node["nodeID"]] == outs[node["nodeID"]] == 1
    for edge in data["edges"]:
        ends = (kind[edge["fromID"]], kind[edge["toID"]])
        # a claim and a scheme node; or an undercut's CA-node and the link it cuts
        assert set(ends) in ({"I", "RA"}, {"I", "CA"}) or ends in (("CA", "RA"), ("CA", "CA"))
    into_schemes = [e for e in data["edges"] if kind[e["toID"]] != "I" != kind[e["fromID"]]]
    assert len(into_schemes) == relations["undercut"]


def test_an_undercut_is_a_conflict_with_the_link_it_cuts() -> None:
    data = json.loads(exported(COMPLETE, "aif"))
    text = {n["nodeID"]: n["text"] for n in data["nodes"]}
    into: dict[str, list[str]] = {}
    for edge in data["edges"]:
        into.setdefault(edge["toID"], []).append(edge["fromID"])
    out = {e["fromID"]: e["toID"] for e in data["edges"]}
    walks = next(i for i, t in text.items() if t.startswith("Most shoppers"))
    conflict = out[walks]
    link = out[conflict]
    assert text[conflict] == "Default Conflict" and text[link] == "Default Conflict"
    assert [text[s][:20] for s in into[link] if text[s] != "Default Conflict"] == [
        "Removing the parking"
    ]
    assert text[out[link]].startswith("The town should")


def test_keys_and_schemes_match_the_aifdb_samples(tmp_path: Path) -> None:
    folder = shared_dir("external", "aif")
    ours = json.loads(exported(debates()[0].values[0], "aif"))
    for path in [*folder.glob("*/nodeset*.json"), *folder.glob("*/6064-original.json")]:
        sample = json.loads(path.read_text(encoding="utf-8"))
        assert set(ours) <= set(sample)
        assert set(ours["edges"][0]) == set(sample["edges"][0])
        for kind in ("I", "RA", "CA"):
            theirs = [n for n in sample["nodes"] if n["type"] == kind]
            mine = next(n for n in ours["nodes"] if n["type"] == kind)
            for node in theirs:
                assert set(mine) <= set(node) | {"scheme", "schemeID"}
                if kind != "I" and "scheme" in node:
                    assert (mine["scheme"], mine["schemeID"]) == (node["scheme"], node["schemeID"])
