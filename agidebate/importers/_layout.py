"""Where `write_debate` puts each claim: the thesis, and the claims of no topic under it,
in debate.yaml; one file per topic; each claim nested under the claim it answers where
that is in the same file (at most `MAX_NESTING` levels deep).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from agidebate.format.schema import DEBATE_FILE_NAMES
from agidebate.model import Debate, Relation

MAX_NESTING = 12
DEBATE_FILE = DEBATE_FILE_NAMES[0]  # "debate.yaml"


@dataclass(frozen=True)
class Plan:
    """Where each claim goes: its file, the claim it is nested under, and how."""

    files: dict[str, list[str]]  # file name -> top-level claim ids, in order
    nested: dict[str, list[tuple[str, Relation]]]  # claim id -> nested children
    parent: dict[str, str]  # nested claim id -> the claim it is nested under
    topic_of_file: dict[str, str | None]


def _file_names(debate: Debate) -> dict[str | None, str]:
    names: dict[str | None, str] = {}
    taken = {DEBATE_FILE, "debate.yml"}
    wanted = [*debate.topics, *(c.topic for c in debate if c.topic not in debate.topics)]
    for topic in dict.fromkeys(wanted):
        stem = topic or "claims"
        name, n = f"{stem}.yaml", 1
        while name in taken:
            n += 1
            name = f"{stem}-{n}.yaml"
        taken.add(name)
        names[topic] = name
    return names


def elsewhere(debate: Debate, folder: str | os.PathLike[str]) -> list[str]:
    """The claims `write_debate` would write into another file than the one in `folder`
    they are in now (it writes the thesis, and the claims of no topic under it, into
    debate.yaml, and one file per topic)."""
    plan = plan_files(debate)
    home = {cid: name for name, top in plan.files.items() for cid in top}
    if debate.thesis is not None:
        home[debate.thesis] = DEBATE_FILE
    root = Path(folder)
    moved: list[str] = []
    for claim in debate:
        top = claim.id
        while top in plan.parent:
            top = plan.parent[top]
        if claim.location is not None and Path(claim.location.path) != root / home[top]:
            moved.append(claim.id)
    return moved


def plan_files(debate: Debate) -> Plan:
    """Each claim in its topic's file, nested under the claim it answers where that is in
    the same file. A claim of no topic goes under the thesis in debate.yaml (the only
    place a claim has no topic), or, when it cannot be nested there, into claims.yaml."""
    names = _file_names(debate)
    file_of = {
        c.id: DEBATE_FILE if c.topic is None else names[c.topic]
        for c in debate
        if c.id != debate.thesis
    }
    level: dict[str, int] = {}
    home = dict(file_of)
    if debate.thesis is not None:
        home[debate.thesis], level[debate.thesis] = DEBATE_FILE, 0
    parent: dict[str, str] = {}
    nested: dict[str, list[tuple[str, Relation]]] = {cid: [] for cid in debate.claims}
    order = sorted(file_of, key=lambda cid: debate.depth(cid) or 0)
    for cid in order:  # parents come before children: depths only grow along tree edges
        edge = debate.parent_edge(cid)
        level[cid] = 0
        if edge is None or edge.link_source is not None:  # an undercut cannot be nested
            continue
        if home.get(edge.target) != file_of[cid] or edge.target not in level:
            continue
        if level[edge.target] + 1 > MAX_NESTING:
            continue
        level[cid] = level[edge.target] + 1
        parent[cid] = edge.target
    for cid in debate.claims:
        for edge in debate.children(cid):
            if parent.get(edge.source) == cid:
                nested[cid].append((edge.source, edge.relation))
    files: dict[str, list[str]] = {name: [] for name in names.values()}
    for cid in debate.claims:
        if cid in file_of and cid not in parent:  # debate.yaml has no list of claims
            files[names[None] if file_of[cid] == DEBATE_FILE else file_of[cid]].append(cid)
    topic_of_file = {name: topic for topic, name in names.items()}
    return Plan({k: v for k, v in files.items() if v}, nested, parent, topic_of_file)
