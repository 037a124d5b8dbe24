"""AIF: the Argument Interchange Format as AIFdb JSON, for AIFdb, OVA and arguebuf.

The shape is that of AIFdb's JSON download (and of the samples in
../shared/external/aif/): a top-level object with `nodes`, `edges` and
`locutions`. Each claim is an I-node (information: `type` "I", `text`); each
relation gets its own scheme node between the two claims, an RA-node
("Default Inference", schemeID 72) for support and a CA-node ("Default
Conflict", schemeID 71) for attack, with edges `fromID` claim -> scheme node
and scheme node -> target claim; an undercut is a CA-node too, from the
undercutting claim to the scheme node of the link it cuts (AIF lets a conflict
target any node, an inference included: Rahwan & Reed, "The Argument
Interchange Format", in Argumentation in Artificial Intelligence, 2009)
(Chesñevar et al. 2006, "Towards an Argument
Interchange Format", Knowledge Engineering Review 21(4); the field lists of
AIFdb's web services, arg.dundee.ac.uk/?page_id=749: nodes `nodeID`, `text`,
`type`; edges `edgeID`, `fromID`, `toID`, `formEdgeID`). Node and edge ids are
strings of digits, as AIFdb writes them; `formEdgeID` is null. There are no locutions
(the debate is not a dialogue), no timestamps (exports stay reproducible) and
no scores, and none of a link's impact, editorial mark or note, nor a claim's
kind, quotes, date, note or translations (AIF has no place for them).
"""

from __future__ import annotations

import json
from typing import Any, assert_never

from agidebate.export import ExportOptions
from agidebate.export._outline import text
from agidebate.model import Debate, Relation


def scheme(relation: Relation) -> dict[str, str]:
    """The AIF scheme node of `relation`: an inference (RA) or a conflict (CA)."""
    match relation:
        case Relation.SUPPORT:
            return {"text": "Default Inference", "type": "RA", "schemeID": "72"}
        case Relation.ATTACK | Relation.UNDERCUT:
            return {"text": "Default Conflict", "type": "CA", "schemeID": "71"}
        case _:
            assert_never(relation)


def to_data(debate: Debate, options: ExportOptions) -> dict[str, Any]:
    """The AIF document as Python data."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    node_id: dict[str, str] = {}
    for claim in debate:
        node_id[claim.id] = str(len(nodes) + 1)
        nodes.append({"nodeID": node_id[claim.id], "text": text(claim, options.lang), "type": "I"})
    link_id: dict[tuple[str, str], str] = {}
    # Links first, so that each undercut finds the scheme node of the link it cuts.
    for edge in sorted(debate.edges, key=lambda e: e.cut_link is not None):
        kind = scheme(edge.relation)
        middle = str(len(nodes) + 1)
        nodes.append(
            {
                "nodeID": middle,
                "text": kind["text"],
                "type": kind["type"],
                "scheme": kind["text"],
                "schemeID": kind["schemeID"],
            }
        )
        cut = edge.cut_link
        end = link_id[cut] if cut else node_id[edge.target]
        link_id.setdefault((edge.source, edge.target), middle)
        for source, target in ((node_id[edge.source], middle), (middle, end)):
            edges.append(
                {
                    "edgeID": str(len(edges) + 1),
                    "fromID": source,
                    "toID": target,
                    "formEdgeID": None,
                }
            )
    return {"nodes": nodes, "edges": edges, "locutions": []}


def export(debate: Debate, options: ExportOptions) -> str:
    """The debate as AIFdb JSON, one node or edge per line (AIFdb's own files are compact)."""
    data = to_data(debate, options)
    lines = ["{"]
    for key in ("nodes", "edges"):
        items = [json.dumps(item, ensure_ascii=False) for item in data[key]]
        lines.append(f'  "{key}": [')
        lines += [f"    {item}," for item in items[:-1]] + [f"    {item}" for item in items[-1:]]
        lines.append("  ],")
    lines += ['  "locutions": []', "}"]
    lines.append("")  # a final newline without copying the whole text again
    return "\n".join(lines)
