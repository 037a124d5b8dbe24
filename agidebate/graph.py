"""The debate as a networkx `DiGraph`: a node per claim, an edge per relation.

Edges point from a claim to the claim it supports or attacks and carry
`type` = "support" or "attack". Node attributes are the claim's fields plus its
derived `side` and `depth`.

>>> from agidebate.model import Claim, Debate, Edge, Relation
>>> d = Debate(claims={"t": Claim("t", "T"), "a": Claim("a", "A")},
...            edges=(Edge("a", "t", Relation.ATTACK),), thesis="t")
>>> g = to_networkx(d)
>>> g.edges["a", "t"]["type"], g.nodes["a"]["side"]
('attack', 'con')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from agidebate.model import Claim, Debate

if TYPE_CHECKING:
    import networkx as nx


def node_attributes(debate: Debate, claim: Claim) -> dict[str, Any]:
    """The attributes stored on a claim's node."""
    return {
        "claim": claim,
        "title": claim.title,
        "text": claim.text,
        "label": claim.label,
        "by": claim.by,
        "weight": claim.weight,
        "topic": claim.topic,
        "tags": list(claim.tags),
        "side": debate.side_label(claim.id),
        "depth": debate.depth(claim.id),
    }


def to_networkx(debate: Debate) -> nx.DiGraph:
    """Build the claim/relation graph of `debate`."""
    import networkx as nx

    graph = nx.DiGraph(title=debate.title, thesis=debate.thesis)
    graph.add_nodes_from((c.id, node_attributes(debate, c)) for c in debate)
    graph.add_edges_from(
        (e.source, e.target, {"type": e.relation.value, "relation": e.relation})
        for e in debate.edges
    )
    return graph
