"""Mermaid: the debate as a flowchart that GitHub renders inside a ```mermaid block.

One node per claim, `-->` for supports and `-.->` for attacks (labelled), a
class per side for colour, one subgraph per topic. Node ids are generated
(`c1`, `c2`, ...) because claim ids may contain `.` and `-`, and words such
as `end` break the parser; the claim id is kept in a comment above its node.

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
from agidebate.export._outline import clusters, label_lines, one_line
from agidebate.model import Debate, Relation

WRAP = 40
_ENTITY = re.compile(r"[\"#&<>;`|\[\]{}%\\]")
_CLASSES = {
    "thesis": "fill:#e8eaf6,stroke:#3949ab,stroke-width:2px",
    "root": "fill:#e8eaf6,stroke:#3949ab,stroke-width:2px",
    "pro": "fill:#e3f4e1,stroke:#2e7d32",
    "con": "fill:#fde4e1,stroke:#c62828",
}


def escape(value: str) -> str:
    """Label text with every character Mermaid could read as syntax written as `#code;`.

    >>> escape('a "b" <c> #1;')
    'a #34;b#34; #60;c#62; #35;1#59;'
    """
    return _ENTITY.sub(lambda m: f"#{ord(m.group())};", value)


def _comment(value: str) -> str:
    return one_line(value).replace("%%", "% %")


def _label(debate: Debate, claim_id: str, options: ExportOptions) -> str:
    lines = label_lines(debate, claim_id, options, WRAP)
    return "<br/>".join(escape(line) for line in lines)


def export(debate: Debate, options: ExportOptions) -> str:
    """The debate as a Mermaid flowchart."""
    node = {cid: f"c{index}" for index, cid in enumerate(debate.claims, 1)}
    lines = ["flowchart BT"]
    if debate.title:
        lines.insert(0, f"%% {_comment(debate.title)}")
    for index, topic, claim_ids in clusters(debate):
        pad = "  "
        if topic is not None:
            lines.append(f'  subgraph t{index}["{escape(one_line(topic.title or topic.id))}"]')
            pad = "    "
        for cid in claim_ids:
            lines.append(f"{pad}%% {_comment(cid)}")
            lines.append(f'{pad}{node[cid]}["{_label(debate, cid, options)}"]')
        if topic is not None:
            lines.append("  end")
    for edge in debate.edges:
        arrow = _arrow(edge.relation)
        lines.append(f"  {node[edge.source]} {arrow} {node[edge.target]}")
    for side, style in _CLASSES.items():
        members = [node[c] for c in debate.claims if debate.side_label(c) == side]
        if members:
            lines.append(f"  classDef {side} {style}")
            lines.append(f"  class {','.join(members)} {side}")
    lines.append("")  # a final newline without copying the whole text again
    return "\n".join(lines)


def _arrow(relation: Relation) -> str:
    """A solid arrow for a support, a dotted one for an attack, each labelled."""
    match relation:
        case Relation.SUPPORT:
            return "-->|supports|"
        case Relation.ATTACK:
            return "-.->|attacks|"
        case _:
            assert_never(relation)
