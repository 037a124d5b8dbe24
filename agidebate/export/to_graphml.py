"""GraphML: the claim graph for yEd, Gephi, Cytoscape and networkx.

A node per claim and an edge per relation, with GraphML `<key>` declarations
for every attribute (graphml.graphdrawing.org, "GraphML Primer": keys with
`attr.name` / `attr.type`): `label`, `title`, `text`, `side`, `topic`, `by`,
`tags` (joined with "; "), `weight`, `depth` and, when scores are given,
`score`; edges carry `relation` (support or attack). Gephi takes the `label`
attribute as the node label. For yEd, each node and edge also carries yWorks'
`nodegraphics` / `edgegraphics` data (a ShapeNode with fill colour and
NodeLabel, a PolyLineEdge with colour and arrow; yWorks, "yFiles GraphML
extensions", docs.yworks.com/yfiles/doc/developers-guide/graphml.html, and the
files yEd itself writes: `<key for="node" yfiles.type="nodegraphics"/>`),
which networkx's `read_graphml` also understands.

A missing value is left out rather than written as an empty string. XML 1.0
cannot hold most control characters even as references, so those are shown
as visible escapes; everything else is escaped by the XML rules.
"""

from __future__ import annotations

import re
from typing import assert_never
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr

from agidebate.export import ExportOptions
from agidebate.export._outline import label, score, text, title
from agidebate.export.palette import PALETTE
from agidebate.model import Debate, Relation
from agidebate.text import inert

# (key id, attr.name, attr.type) for node attributes, in file order.
NODE_KEYS = (
    ("d0", "label", "string"),
    ("d1", "title", "string"),
    ("d2", "text", "string"),
    ("d3", "side", "string"),
    ("d4", "topic", "string"),
    ("d5", "by", "string"),
    ("d6", "tags", "string"),
    ("d7", "weight", "double"),
    ("d8", "depth", "int"),
    ("d9", "score", "double"),
)
_FILL = {side: PALETTE[side].fill.upper() for side in ("thesis", "root", "pro", "con")}
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def clean(value: str) -> str:
    """Text XML 1.0 can carry: control characters made visible, non-characters replaced."""
    return _NOT_XML.sub("\ufffd", inert(value))


def _text(value: str) -> str:
    return _xml_escape(clean(value), {'"': "&quot;"})


def _attr(value: str) -> str:
    return quoteattr(clean(value))


def _values(debate: Debate, claim_id: str, options: ExportOptions) -> list[object | None]:
    claim = debate.claim(claim_id)
    return [
        label(claim, options.lang),
        title(claim, options.lang),
        text(claim, options.lang),
        debate.side_label(claim_id),
        claim.topic,
        claim.by,
        "; ".join(claim.tags) if claim.tags else None,
        claim.weight,
        debate.depth(claim_id),
        score(options, claim_id),
    ]


def _node(debate: Debate, claim_id: str, options: ExportOptions) -> list[str]:
    lines = [f"    <node id={_attr(claim_id)}>"]
    for (key, _name, kind), value in zip(
        NODE_KEYS, _values(debate, claim_id, options), strict=True
    ):
        if value is None:
            continue
        shown = (
            repr(float(value))
            if isinstance(value, int | float) and kind == "double"
            else str(value)
        )
        lines.append(f'      <data key="{key}">{_text(shown)}</data>')
    fill = _FILL.get(debate.side_label(claim_id) or "", "#FFFFFF")
    name = _text(label(debate.claim(claim_id), options.lang))
    lines += [
        '      <data key="yn"><y:ShapeNode>'
        '<y:Geometry height="60.0" width="220.0"/>'
        f'<y:Fill color="{fill}"/><y:Shape type="roundrectangle"/>'
        f"<y:NodeLabel>{name}</y:NodeLabel></y:ShapeNode></data>",
        "    </node>",
    ]
    return lines


def export(debate: Debate, options: ExportOptions) -> str:
    """The debate as a GraphML document."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xmlns:y="http://www.yworks.com/xml/graphml"'
        ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
        ' http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">',
    ]
    lines += [
        f'  <key id="{key}" for="node" attr.name="{name}" attr.type="{kind}"/>'
        for key, name, kind in NODE_KEYS
        if name != "score" or options.scores is not None
    ]
    lines += [
        '  <key id="e0" for="edge" attr.name="relation" attr.type="string"/>',
        '  <key id="g0" for="graph" attr.name="title" attr.type="string"/>',
        '  <key id="g1" for="graph" attr.name="thesis" attr.type="string"/>',
        '  <key id="yn" for="node" yfiles.type="nodegraphics"/>',
        '  <key id="ye" for="edge" yfiles.type="edgegraphics"/>',
        '  <graph id="debate" edgedefault="directed">',
    ]
    if debate.title:
        lines.append(f'    <data key="g0">{_text(debate.title)}</data>')
    if debate.thesis:
        lines.append(f'    <data key="g1">{_text(debate.thesis)}</data>')
    # One string per node and per edge (not per line) keeps memory flat on huge debates.
    lines.extend("\n".join(_node(debate, claim.id, options)) for claim in debate)
    for index, edge in enumerate(debate.edges):
        color, arrow = _line(edge.relation)
        lines.append(
            f'    <edge id="r{index}" source={_attr(edge.source)} target={_attr(edge.target)}>\n'
            f'      <data key="e0">{edge.relation.value}</data>\n'
            f'      <data key="ye"><y:PolyLineEdge><y:LineStyle color="{color}" width="1.5"/>'
            f'<y:Arrows source="none" target="{arrow}"/></y:PolyLineEdge></data>\n'
            "    </edge>"
        )
    lines += ["  </graph>", "</graphml>"]
    lines.append("")  # a final newline without copying the whole text again
    return "\n".join(lines)


def _line(relation: Relation) -> tuple[str, str]:
    """yEd's line colour and arrow head: green and an arrow, or red and a bar."""
    match relation:
        case Relation.SUPPORT:
            return PALETTE["pro"].line.upper(), "standard"
        case Relation.ATTACK:
            return PALETTE["con"].line.upper(), "t_shape"
        case _:
            assert_never(relation)
