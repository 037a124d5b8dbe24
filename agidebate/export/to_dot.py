"""Graphviz: the debate as a DOT graph, and as SVG or PNG drawn by the `dot` program.

One node per claim (its label wrapped, its side as colour, its score when
given, the full text as tooltip), one edge per relation (green arrow for
supports, red tee for attacks), one cluster per topic. Edges point from a
claim to the claim it argues with; the thesis is drawn at the top.

Every string is a double-quoted DOT ID. Inside one, Graphviz reads `\\"` as a
quote and gives backslash sequences such as `\\N`, `\\G`, `\\l`, `\\n` a meaning
in labels (graphviz.org, "DOT Language" and the `escString` attribute type),
so every backslash in user text is doubled and every quote escaped; line
breaks come only from the wrapping done here. Control characters are shown
as visible escapes (they are not valid in DOT files).
"""

from __future__ import annotations

import shutil
import subprocess
from typing import assert_never

from agidebate.errors import OperationError
from agidebate.export import ExportOptions
from agidebate.export._outline import clusters, label_lines, one_line, text
from agidebate.model import Debate, Relation
from agidebate.text import inert

WRAP = 32
_FILL = {"thesis": "#e8eaf6", "root": "#e8eaf6", "pro": "#e3f4e1", "con": "#fde4e1"}


def _edge_style(relation: Relation) -> str:
    """Green with an arrow for a support, red with a bar for an attack."""
    match relation:
        case Relation.SUPPORT:
            return 'color="#2e7d32", arrowhead=normal'
        case Relation.ATTACK:
            return 'color="#c62828", arrowhead=tee'
        case _:
            assert_never(relation)


def quote(value: str) -> str:
    """A double-quoted DOT string showing `value` literally (no escape sequences).

    >>> print(quote('say "hi" \\\\N'))
    "say \\"hi\\" \\\\N"
    """
    value = inert(value, newlines=False)
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _label(lines: list[str]) -> str:
    """A multi-line label: each line quoted literally, joined by DOT's centred line break."""
    return "\\n".join(quote(line)[1:-1] for line in lines)


def _node(debate: Debate, claim_id: str, options: ExportOptions) -> str:
    claim = debate.claim(claim_id)
    lines = label_lines(debate, claim_id, options, WRAP)
    side = debate.side_label(claim_id)
    attributes = [
        f'label="{_label(lines)}"',
        f"tooltip={quote(one_line(text(claim, options.lang)))}",
        f'fillcolor="{_FILL.get(side or "", "#ffffff")}"',
    ]
    if side in ("thesis", "root"):
        attributes.append("penwidth=2")
    return f"{quote(claim_id)} [{', '.join(attributes)}];"


def export(debate: Debate, options: ExportOptions) -> str:
    """The debate as a DOT digraph."""
    lines = ["digraph debate {"]
    if debate.title:
        lines.append(f"  label={quote(debate.title)}; labelloc=t; fontsize=20;")
    lines += [
        '  graph [rankdir=BT, fontname="Helvetica", newrank=true];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica"];',
    ]
    for index, topic, claim_ids in clusters(debate):
        pad = "  "
        if topic is not None:
            lines.append(f"  subgraph cluster_{index} {{")
            lines.append(
                f'    label={quote(topic.title or topic.id)}; style="rounded"; color=grey;'
            )
            pad = "    "
        lines += [pad + _node(debate, cid, options) for cid in claim_ids]
        if topic is not None:
            lines.append("  }")
    for edge in debate.edges:
        style = _edge_style(edge.relation)
        lines.append(f"  {quote(edge.source)} -> {quote(edge.target)} [{style}];")
    lines.append("}")
    lines.append("")  # a final newline without copying the whole text again
    return "\n".join(lines)


def render(source: str, fmt: str) -> bytes:
    """Run Graphviz's `dot -T<fmt>` on DOT source; a clear error when `dot` is missing."""
    program = shutil.which("dot")
    if program is None:
        raise OperationError(
            f"the {fmt} format needs Graphviz's `dot` program, which is not installed",
            "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install "
            "graphviz), or export --format dot and draw it elsewhere",
        )
    try:
        done = subprocess.run(
            [program, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=600,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise OperationError(f"could not run {program}: {err}") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OperationError(
            f"dot failed (exit {done.returncode}): {reason[0] if reason else 'no message'}",
            "export --format dot and run `dot` yourself to see the full error",
        )
    return done.stdout


def export_svg(debate: Debate, options: ExportOptions) -> str:
    """The map as SVG (needs Graphviz)."""
    return render(export(debate, options), "svg").decode("utf-8")


def export_png(debate: Debate, options: ExportOptions) -> bytes:
    """The map as PNG (needs Graphviz)."""
    return render(export(debate, options), "png")
