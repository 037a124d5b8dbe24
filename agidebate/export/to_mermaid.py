"""Mermaid: the debate as a flowchart that GitHub renders inside a ```mermaid block.

The whole debate is drawn to fit a screen (see `picture`): one subgraph per
topic with its claims as trees growing left to right (`direction LR`, kept
because no claim links out of its subgraph), the subgraphs in columns held by
invisible links between subgraphs, and a legend subgraph first, titled with
the debate's title. Boxes are coloured by side from the one palette and start
with the side's glyph (▲ pro, ▼ con, ◆ thesis); con boxes have a dashed
border, a claim drawn in full in another subgraph appears as a dotted
reference box (↻). Supports are solid green arrows, attacks dotted red
arrows (`-.->`). Node ids are generated (`c1`, `r1`, `t1`, ...) because claim
ids may contain `.` and `-`, and words such as `end` break the parser; the
claim id is kept in a comment above its node.

Labels are quoted strings in which Mermaid reads `#name;` and `#123;` as
entity codes (mermaid.js.org, "Flowcharts syntax", "Entity codes to escape
characters"; introduced in mermaid 0.5.2 for mermaid-js/mermaid issue #193,
whose example is `A["A double quote:#quot;"]`) and renders the rest as HTML,
so `"`, `#`, `&`, `<`, `>`, `;`, `` ` ``, `|`, `[`, `]`, `{`, `}`, `%` and `\\` are
written as `#code;` entities.
"""

from __future__ import annotations

import re
from typing import assert_never

from agidebate.export import ExportOptions
from agidebate.export._outline import one_line
from agidebate.export.picture import MERMAID, Box, Cluster, box_lines, picture
from agidebate.model import Debate, Relation
from agidebate.palette import PALETTE
from agidebate.text import link_marks

WRAP = 34
_ENTITY = re.compile(r"[\"#&<>;`|\[\]{}%\\]")
_CLASSES = {
    side: f"fill:{PALETTE[side].fill},stroke:{PALETTE[side].line}"
    + {
        "thesis": ",stroke-width:3px",
        "root": ",stroke-width:3px",
        "con": ",stroke-dasharray:6 3",
    }.get(side, "")
    for side in ("thesis", "root", "pro", "con", "unlinked")
}
_CLASSES["ref"] = "fill:#ffffff,stroke:#757575,stroke-dasharray:2 3"
_CLASSES["cut"] = f"fill:{PALETTE['undercut'].line},stroke:{PALETTE['undercut'].line}"
# Labels are wrapped here (WRAP characters); Mermaid's own wrapping must not cut them again.
CONFIG = ("---", "config:", "  flowchart:", "    wrappingWidth: 320", "---")
LEGEND = (
    ("pro", "▲ pro: counts for the thesis"),
    ("con", "▼ con: counts against the thesis (dashed border)"),
    ("thesis", "◆ thesis: what the debate is about"),
    ("ref", "↻ a claim drawn in full in another box"),
)


def escape(value: str) -> str:
    """Label text with every character Mermaid could read as syntax written as `#code;`.

    >>> escape('a "b" <c> #1;')
    'a #34;b#34; #60;c#62; #35;1#59;'
    """
    return _ENTITY.sub(lambda m: f"#{ord(m.group())};", value)


def _comment(value: str) -> str:
    return one_line(value).replace("%%", "% %")


class _Ids:
    """Mermaid node ids: `c1`... for claims, `r1`... for reference boxes."""

    def __init__(self, debate: Debate) -> None:
        self.claims = {cid: f"c{index}" for index, cid in enumerate(debate.claims, 1)}
        self.refs: dict[str, str] = {}

    def __call__(self, box: Box) -> str:
        if not box.ref:
            return self.claims[box.claim]
        return self.refs.setdefault(box.key, f"r{len(self.refs) + 1}")


def _legend(debate: Debate, options: ExportOptions) -> list[str]:
    title = escape(one_line(debate.title)) if debate.title else "Legend"
    lines = [f'  subgraph legend["{title}"]', "    direction TB"]
    for index, (side, words) in enumerate(LEGEND, 1):
        lines.append(f'    lg{index}["{escape(words)}"]:::{side}')
    lines.append('    lg5["a claim"] -->|supports| lg6["the claim it supports"]')
    lines.append('    lg7["a claim"] -.->|attacks| lg8["the claim it attacks"]')
    if options.scores is not None:
        how = escape(one_line(options.semantics or "given"))
        lines.append(f'    lg9["score: the claim\'s strength from 0 to 1 ({how})"]')
    lines.append("  end")
    return lines


def _cluster(
    debate: Debate,
    index: int,
    cluster: Cluster,
    ids: _Ids,
    options: ExportOptions,
    written: list[Relation],
) -> list[str]:
    name = cluster.topic.title or cluster.topic.id if cluster.topic else "Thesis"
    lines = [f'  subgraph t{index}["{escape(one_line(name))}"]', "    direction RL"]
    names = {box.key: ids(box) for box in cluster.boxes}
    for box in cluster.boxes:
        side = "ref" if box.ref else debate.side_label(box.claim) or "unlinked"
        label = "<br/>".join(escape(line) for line in box_lines(debate, box, options, WRAP))
        lines.append(f"    %% {_comment(box.claim)}")
        lines.append(f'    {names[box.key]}["{label}"]:::{side}')
    lines += _links(cluster, names, written)
    lines.append("  end")
    return lines


def _links(cluster: Cluster, names: dict[str, str], written: list[Relation]) -> list[str]:
    """The cluster's relations; a cut link through a small circle (`p1`, ...), each undercut
    a dotted cross into it. `written` gets each link's relation, in Mermaid's numbering."""
    cut = {link.cut: f"{names[link.cut[0]]}p" for link in cluster.links if link.cut is not None}
    lines = [f'    {point}((" ")):::cut' for point in cut.values()]
    for link in cluster.links:
        arrow, _ = _arrow(link.relation)
        marks = link_marks(link.edge) if link.edge is not None else []
        label = f"|{escape(', '.join(marks))}|" if marks else ""
        source, target = names[link.source], names[link.target]
        if link.cut is not None:
            lines.append(f"    {source} {arrow}{label} {cut[link.cut]}")
        elif link.ends in cut:
            half = "---" if link.relation is Relation.SUPPORT else "-.-"
            lines.append(f"    {source} {half} {cut[link.ends]}")
            lines.append(f"    {cut[link.ends]} {arrow}{label} {target}")
            written.append(link.relation)
        else:
            lines.append(f"    {source} {arrow}{label} {target}")
        written.append(link.relation)
    return lines


def export(debate: Debate, options: ExportOptions) -> str:
    """The debate as a Mermaid flowchart (see the module docstring)."""
    ids = _Ids(debate)
    clusters = picture(debate, MERMAID)
    lines = [*CONFIG, "flowchart LR"]
    if debate.title:
        lines.insert(len(CONFIG), f"%% {_comment(debate.title)}")
    written: list[Relation] = []  # Mermaid numbers links in the order they are written
    for index, cluster in enumerate(clusters, 1):
        lines += _cluster(debate, index, cluster, ids, options, written)
    relations: dict[Relation, list[str]] = {}
    for count, relation in enumerate(written):
        relations.setdefault(relation, []).append(str(count))
    count = len(written)
    lines += _legend(debate, options)  # last: dagre stacks it at the top of the first column
    relations.setdefault(Relation.SUPPORT, []).append(str(count))  # the legend's examples
    relations.setdefault(Relation.ATTACK, []).append(str(count + 1))
    firsts: dict[int, int] = {}
    for index, cluster in enumerate(clusters, 1):  # a later column sits right of the one before
        firsts.setdefault(cluster.column, index)
        if cluster.column > 0:
            lines.append(f"  t{firsts[cluster.column - 1]} ~~~ t{index}")
    for side, style in _CLASSES.items():
        lines.append(f"  classDef {side} {style}")
    for relation in Relation:  # in the model's order, whichever came first
        if relation in relations:
            lines.append(f"  linkStyle {','.join(relations[relation])} {_arrow(relation)[1]}")
    lines.append("")  # a final newline without copying the whole text again
    return "\n".join(lines)


def _arrow(relation: Relation) -> tuple[str, str]:
    """The arrow and its style: solid green for a support, dotted red for an attack, a
    dotted purple cross for an undercut."""
    match relation:
        case Relation.SUPPORT:
            return "-->", f"stroke:{PALETTE['pro'].line},stroke-width:1.5px"
        case Relation.ATTACK:
            return "-.->", f"stroke:{PALETTE['con'].line},stroke-width:1.5px"
        case Relation.UNDERCUT:
            return "-.-x", f"stroke:{PALETTE['undercut'].line},stroke-width:1.5px"
        case _:
            assert_never(relation)
