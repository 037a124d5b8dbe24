"""The debate as a networkx `MultiDiGraph`: a node per claim, an edge per relation.

Edges point from a claim to the claim it supports or attacks (the direction of
`supports:` / `attacks:` in the files), keyed by the relation's value, and carry
`relation` ("support", "attack" or "undercut"), `impact`, `editorial`, `note`
and, for an undercut, `link_source`: an undercut edge points at the cut link's
target, and `link_source` names the link's source. Node attributes are every
field of the claim (`text`, `title`, `by`, `weight`, `weight_stated`, `topic`,
`tags`, `sources`, `figures` and `quotes` as plain dicts, `i18n`, `kind`,
`editorial`, `note`, `date`, and where it was written: `file`, `line`,
`column`), its derived `label`, `side` and `depth`, and `score` when scores are
given. The graph's own attributes are the debate's `title`, `summary`, `thesis`
and `i18n`.

networkx takes about a tenth of a second to import, so it is imported here, when
a graph is built, and never on the command line's start-up path.

>>> from agidebate.model import Claim, Debate, Edge, Relation
>>> d = Debate(claims={"t": Claim("t", "T"), "a": Claim("a", "A")},
...            edges=(Edge("a", "t", Relation.ATTACK),), thesis="t")
>>> g = to_networkx(d, scores={"t": 0.25, "a": 0.5})
>>> g.edges["a", "t", "attack"]["relation"], g.nodes["a"]["side"], g.nodes["t"]["score"]
('attack', 'con', 0.25)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from agidebate.model import Claim, Debate, Edge

if TYPE_CHECKING:
    import networkx as nx


def node_attributes(
    debate: Debate, claim: Claim, scores: Mapping[str, float] | None = None
) -> dict[str, Any]:
    """Every attribute stored on a claim's node."""
    where = claim.location
    data: dict[str, Any] = {
        "id": claim.id,
        "text": claim.text,
        "title": claim.title,
        "label": claim.label,
        "by": claim.by,
        "weight": claim.weight,
        "weight_stated": claim.weight_stated,
        "topic": claim.topic,
        "tags": list(claim.tags),
        "sources": [dataclasses.asdict(s) for s in claim.sources],
        "figures": [dataclasses.asdict(f) for f in claim.figures],
        "i18n": {lang: dict(fields) for lang, fields in claim.i18n.items()},
        "kind": claim.kind.value,
        "quotes": [dataclasses.asdict(q) for q in claim.quotes],
        "editorial": claim.editorial,
        "note": claim.note,
        "date": claim.date,
        "file": where.path if where else None,
        "line": where.line if where else None,
        "column": where.column if where else None,
        "side": debate.side_label(claim.id),
        "depth": debate.depth(claim.id),
    }
    if scores is not None:
        data["score"] = scores.get(claim.id)
    return data


def edge_attributes(edge: Edge) -> dict[str, Any]:
    """Every attribute stored on a relation's edge."""
    where = edge.location
    return {
        "relation": edge.relation.value,
        "impact": edge.impact,
        "editorial": edge.editorial,
        "note": edge.note,
        "link_source": edge.link_source,
        "file": where.path if where else None,
        "line": where.line if where else None,
        "column": where.column if where else None,
    }


def to_networkx(debate: Debate, scores: Mapping[str, float] | None = None) -> nx.MultiDiGraph:
    """Build the claim/relation graph of `debate` (with each claim's `score`, if given)."""
    import networkx as nx

    graph = nx.MultiDiGraph(
        title=debate.title,
        summary=debate.summary,
        thesis=debate.thesis,
        i18n={lang: dict(fields) for lang, fields in debate.i18n.items()},
    )
    graph.add_nodes_from((c.id, node_attributes(debate, c, scores)) for c in debate)
    graph.add_edges_from(
        (e.source, e.target, e.relation.value, edge_attributes(e)) for e in debate.edges
    )
    return graph
