"""GraphML: the claim graph for yEd, Gephi, Cytoscape and networkx.

A node per claim and an edge per relation, with GraphML `<key>` declarations
for every attribute (graphml.graphdrawing.org, "GraphML Primer": keys with
`attr.name` / `attr.type`): `label`, `title`, `text`, `side`, `topic`, `by`,
`tags` (joined with "; "), `weight`, `depth`, `kind`, `editorial`, `note`,
`date`, then `quote`, `i18n`, `sources` and `figures` as JSON text, and
`score` when scores are given; edges carry `relation` (support, attack or
undercut), `impact`, `editorial` and `note`. A link that is undercut is drawn
through a small link node (`kind` "link", id `SOURCE->TARGET`): the link's two
halves carry its relation and attributes, and each undercut is an edge into
that node; every other link is one edge. The graph's own data are the title,
the thesis, and the debate's translations, authors and expectations as JSON
text. Gephi takes the `label` attribute as the node label. For yEd, each node
and edge also carries yWorks'
`nodegraphics` / `edgegraphics` data (a ShapeNode with fill colour and
NodeLabel, a PolyLineEdge with colour and arrow; yWorks, "yFiles GraphML
extensions", docs.yworks.com/yfiles/doc/developers-guide/graphml.html, and the
files yEd itself writes: `<key for="node" yfiles.type="nodegraphics"/>`),
which networkx's `read_graphml` also understands.

A missing value is left out rather than written as an empty string, and so
are an edge's impact of 1 and editorial mark of false (the keys' declared
`<default>`s). XML 1.0
cannot hold most control characters even as references, so those are shown
as visible escapes; everything else is escaped by the XML rules.
"""

from __future__ import annotations

import json
import re
from typing import assert_never
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr

from agidebate.export import ExportOptions
from agidebate.export._outline import label, score, text, title
from agidebate.model import Debate, Edge, Relation
from agidebate.palette import PALETTE
from agidebate.query.parts import (
    expect_dict,
    figure_dict,
    quote_dict,
    source_dict,
    translations,
)
from agidebate.text import inert, link_marks

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
    ("d10", "kind", "string"),
    ("d11", "editorial", "boolean"),
    ("d12", "note", "string"),
    ("d13", "date", "string"),
    ("d14", "quote", "string"),
    ("d15", "i18n", "string"),
    ("d16", "sources", "string"),
    ("d17", "figures", "string"),
)
EDGE_KEYS = (
    ("e0", "relation", "string"),
    ("e1", "impact", "double"),
    ("e2", "editorial", "boolean"),
    ("e3", "note", "string"),
)
EDGE_DEFAULTS = {"impact": "1.0", "editorial": "false"}
GRAPH_KEYS = (
    ("g0", "title", "string"),
    ("g1", "thesis", "string"),
    ("g2", "i18n", "string"),
    ("g3", "authors", "string"),
    ("g4", "expect", "string"),
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


def as_json(value: object) -> str | None:
    """A list or mapping as compact JSON text (GraphML values are scalars); None if empty."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) if value else None


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
        claim.kind.value,
        claim.editorial,
        claim.note,
        claim.date,
        as_json([quote_dict(q) for q in claim.quotes]),
        as_json(translations(claim.i18n)),
        as_json([source_dict(s) for s in claim.sources]),
        as_json([figure_dict(f) for f in claim.figures]),
    ]


def _data(keys: tuple[tuple[str, str, str], ...], values: list[object | None]) -> list[str]:
    """`<data>` lines for the values given (None: left out), typed by their key."""
    lines = []
    for (key, _name, kind), value in zip(keys, values, strict=True):
        if value is None:
            continue
        if kind == "boolean":
            shown = "true" if value else "false"
        elif isinstance(value, int | float) and kind == "double":
            shown = repr(float(value))
        else:
            shown = str(value)
        lines.append(f'<data key="{key}">{_text(shown)}</data>')
    return lines


def _node(debate: Debate, claim_id: str, options: ExportOptions) -> list[str]:
    lines = [f"    <node id={_attr(claim_id)}>"]
    lines += ["      " + line for line in _data(NODE_KEYS, _values(debate, claim_id, options))]
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


def _link_node(edge: Edge) -> list[str]:
    """The small node a cut link is drawn through, labelled with the link's marks."""
    marks = ", ".join(link_marks(edge))
    return [
        f"    <node id={_attr(link_id(edge.source, edge.target))}>",
        f'      <data key="d0">{_text(marks)}</data>' if marks else "",
        '      <data key="d10">link</data>',
        '      <data key="yn"><y:ShapeNode><y:Geometry height="8.0" width="8.0"/>'
        '<y:Fill color="#9E9E9E"/><y:Shape type="ellipse"/></y:ShapeNode></data>',
        "    </node>",
    ]


def link_id(source: str, target: str) -> str:
    """The id of the node a cut link is drawn through (`>` is in no claim id)."""
    return f"{source}->{target}"


def _edge(index: int, source: str, target: str, edge: Edge) -> str:
    color, arrow = _line(edge.relation)
    values: list[object | None] = [  # the keys' defaults (impact 1, not editorial) left out
        edge.relation.value,
        edge.impact if edge.impact != 1 else None,
        True if edge.editorial else None,
        edge.note,
    ]
    style = "dashed" if edge.editorial else "line"
    return "\n".join(
        [
            f'    <edge id="r{index}" source={_attr(source)} target={_attr(target)}>',
            *("      " + line for line in _data(EDGE_KEYS, values)),
            f'      <data key="ye"><y:PolyLineEdge><y:LineStyle color="{color}" type="{style}"'
            f' width="{1.5 * max(edge.impact, 0.2):.2f}"/>'
            f'<y:Arrows source="none" target="{arrow}"/></y:PolyLineEdge></data>',
            "    </edge>",
        ]
    )


def _edges(debate: Debate) -> list[str]:
    """Every relation; a cut link in two halves through its link node, undercuts into it."""
    cut = {e.cut_link for e in debate.edges if e.cut_link is not None}
    ends: list[tuple[str, str, Edge]] = []
    nodes: list[str] = []
    for edge in debate.edges:
        if edge.cut_link is not None:
            ends.append((edge.source, link_id(*edge.cut_link), edge))
        elif (edge.source, edge.target) in cut:
            middle = link_id(edge.source, edge.target)
            nodes.append("\n".join(line for line in _link_node(edge) if line))
            ends += [(edge.source, middle, edge), (middle, edge.target, edge)]
        else:
            ends.append((edge.source, edge.target, edge))
    return nodes + [_edge(index, *end) for index, end in enumerate(ends)]


def _graph_data(debate: Debate) -> list[str]:
    authors = {name: translations(a.i18n) for name, a in debate.authors.items()}
    values: list[object | None] = [
        debate.title or None,
        debate.thesis,
        as_json(translations(debate.i18n)),
        as_json(authors),
        as_json(expect_dict(debate.expect)),
    ]
    return ["    " + line for line in _data(GRAPH_KEYS, values)]


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
        f'  <key id="{key}" for="{domain}" attr.name="{name}" attr.type="{kind}"'
        + (f"><default>{EDGE_DEFAULTS[name]}</default></key>" if name in EDGE_DEFAULTS else "/>")
        for domain, keys in (("edge", EDGE_KEYS), ("graph", GRAPH_KEYS))
        for key, name, kind in keys
    ]
    lines += [
        '  <key id="yn" for="node" yfiles.type="nodegraphics"/>',
        '  <key id="ye" for="edge" yfiles.type="edgegraphics"/>',
        '  <graph id="debate" edgedefault="directed">',
        *_graph_data(debate),
    ]
    # One string per node and per edge (not per line) keeps memory flat on huge debates.
    lines.extend("\n".join(_node(debate, claim.id, options)) for claim in debate)
    lines.extend(_edges(debate))
    lines += ["  </graph>", "</graphml>"]
    lines.append("")  # a final newline without copying the whole text again
    return "\n".join(lines)


def _line(relation: Relation) -> tuple[str, str]:
    """yEd's line colour and arrow head: green and an arrow, red and a bar, or for an
    undercut purple and a bar (into the link node)."""
    match relation:
        case Relation.SUPPORT:
            return PALETTE["pro"].line.upper(), "standard"
        case Relation.ATTACK:
            return PALETTE["con"].line.upper(), "t_shape"
        case Relation.UNDERCUT:
            return PALETTE["undercut"].line.upper(), "t_shape"
        case _:
            assert_never(relation)
