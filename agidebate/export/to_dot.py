"""Graphviz: the debate as a DOT graph, and as SVG or PNG drawn by the `dot` program.

The whole debate is drawn to fit a screen (see `picture`): one cluster per
topic, its claims as trees growing left to right, the clusters in columns
so the drawing stays no wider than 3:1, a legend at the top left. Each box is
coloured by side from the one palette and starts with the side's glyph (▲ pro,
▼ con, ◆ thesis); con boxes have a dashed border, so the sides read without
colour too. A claim drawn in full in another cluster appears as a dotted
reference box (↻). Each relation is one edge with its arrow at the claim
argued with: a green arrow for supports, a dashed red tee for attacks. The
full text of a claim is its tooltip; text is at least 12 points.

Every string is a double-quoted DOT ID. Inside one, Graphviz reads `\\"` as a
quote and gives backslash sequences such as `\\N`, `\\G`, `\\l`, `\\n` a meaning
in labels (graphviz.org, "DOT Language" and the `escString` attribute type),
so every backslash in user text is doubled and every quote escaped; line
breaks come only from the wrapping done here. Control characters are shown
as visible escapes (they are not valid in DOT files). The legend is an
HTML-like label holding only fixed words and the (escaped) semantics name.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from typing import assert_never

from agidebate.errors import OperationError
from agidebate.export import ExportOptions
from agidebate.export._outline import one_line, text
from agidebate.export.picture import Box, Cluster, Link, box_lines, picture
from agidebate.model import Debate, Relation
from agidebate.palette import PALETTE, colours
from agidebate.text import inert, link_marks

WRAP = 30
FONT = 'fontname="Helvetica"'


def _edge_style(relation: Relation) -> str:
    """Green with an arrow for a support, dashed red with a bar for an attack (drawn with
    dir=back: the arrow sits at the claim argued with)."""
    match relation:
        case Relation.SUPPORT:
            return f'color="{PALETTE["pro"].line}", arrowtail=normal'
        case Relation.ATTACK:
            return f'color="{PALETTE["con"].line}", arrowtail=tee, style=dashed'
        case Relation.UNDERCUT:
            return f'color="{PALETTE["undercut"].line}", arrowtail=tee, style=dashed'
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


def _node(debate: Debate, box: Box, options: ExportOptions) -> str:
    side = debate.side_label(box.claim)
    paint = colours(side)
    style = "rounded,filled" + (",dotted" if box.ref else ",dashed" if side == "con" else "")
    attributes = [
        f'label="{_label(box_lines(debate, box, options, WRAP))}"',
        f"tooltip={quote(one_line(text(debate.claim(box.claim), options.lang)))}",
        f'style="{style}", color="{paint.line}"',
        f'fillcolor="{"#ffffff" if box.ref else paint.fill}"',
    ]
    if side in ("thesis", "root") and not box.ref:
        attributes.append("penwidth=2.5, fontsize=14")
    return f"{quote(box.key)} [{', '.join(attributes)}];"


def heading(debate: Debate, options: ExportOptions, thesis: bool) -> str:
    """The graph's label: the debate's title, the thesis when `thesis` (it is drawn here
    when no claim is drawn beside it), and the legend: what colours, glyphs, borders and
    edges mean (an HTML-like label)."""
    rows = [
        ("pro", "▲ pro", "counts for the thesis"),
        ("con", "▼ con", "counts against the thesis (dashed border)"),
        ("thesis", "◆ thesis", "what the debate is about"),
    ]
    cells = "".join(
        f'<TD BGCOLOR="{PALETTE[side].fill}" BORDER="1" COLOR="{PALETTE[side].line}">{word}</TD>'
        f'<TD ALIGN="LEFT">{meaning}</TD>'
        for side, word, meaning in rows
    )
    pro, con = PALETTE["pro"].line, PALETTE["con"].line
    edges = (
        f'<TD><FONT COLOR="{pro}">◀────</FONT></TD><TD ALIGN="LEFT">supports the claim it '
        f'points at</TD><TD><FONT COLOR="{con}">┤- - -</FONT></TD><TD ALIGN="LEFT">attacks '
        'the claim it points at</TD><TD BORDER="1" STYLE="dotted">↻ ref</TD>'
        '<TD ALIGN="LEFT">a claim drawn in full elsewhere</TD>'
    )
    if any(e.cut_link for e in debate.edges):
        under = PALETTE["undercut"].line
        edges += (
            f'</TR><TR><TD><FONT COLOR="{under}">●┤- -</FONT></TD><TD ALIGN="LEFT" COLSPAN="5">'
            "undercuts the link it points at: that claim does not bear on the next</TD>"
        )
    note = "Each topic is a box; its claims grow left to right from the claim they argue with."
    if options.scores is not None:
        how = html.escape(inert(options.semantics or "given", newlines=False))
        note += f" score: the claim's strength from 0 to 1 ({how})."
    title = html.escape(inert(debate.title, newlines=False)) if debate.title else "Debate map"
    top = ""
    if thesis and debate.thesis is not None:
        lines = box_lines(debate, Box(debate.thesis, debate.thesis), options, 90)
        shown = "".join(html.escape(line) + '<BR ALIGN="LEFT"/>' for line in lines)
        paint = PALETTE["thesis"]
        top = (
            f'<TR><TD COLSPAN="6" ALIGN="LEFT" BORDER="2" COLOR="{paint.line}" '
            f'BGCOLOR="{paint.fill}"><FONT POINT-SIZE="15">{shown}</FONT></TD></TR>'
        )
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="3">'
        f'<TR><TD COLSPAN="6" ALIGN="LEFT"><FONT POINT-SIZE="22">{title}</FONT></TD></TR>'
        f"{top}<TR>{cells}</TR><TR>{edges}</TR>"
        f'<TR><TD COLSPAN="6" ALIGN="LEFT">{note}</TD></TR></TABLE>>'
    )


def _cluster(debate: Debate, index: int, cluster: Cluster, options: ExportOptions) -> list[str]:
    name = cluster.topic.title or cluster.topic.id if cluster.topic else None
    lines = [f"  subgraph cluster_{index} {{"]
    if name is not None:
        lines.append(f'    label={quote(name)}; labeljust=l; style="rounded"; color="#9e9e9e";')
    else:
        lines.append('    label=""; style=invis;')
    lines += ["    " + _node(debate, box, options) for box in cluster.boxes]
    points = dict.fromkeys(link.cut for link in cluster.links if link.cut is not None)
    colour = PALETTE["undercut"].line
    lines += [
        f'    {_point(cut)} [shape=point, width=0.08, label="", color="{colour}"];'
        for cut in points
    ]
    lines.append("  }")
    return lines


def _point(link: tuple[str, str]) -> str:
    """The point node a cut link is drawn through (a DOT ID no box key can equal)."""
    return quote(f"{link[0]} -> {link[1]}")


def _link(link: Link, cut: set[tuple[str, str]]) -> list[str]:
    """One relation as DOT edges (drawn with dir=back): a cut link in two halves through
    its point, an undercut into that point; labelled with its badges (`ed.` when the
    editor drew it, its impact when not 1), as in Mermaid."""
    style = _edge_style(link.relation)
    edge = link.edge
    marks = link_marks(edge) if edge is not None else []
    label = f", label={quote(', '.join(marks))}, fontsize=10" if marks else ""
    source, target = quote(link.source), quote(link.target)
    if link.cut is not None:
        return [f"  {_point(link.cut)} -> {source} [{style}{label}];"]
    if link.ends in cut:
        point = _point(link.ends)
        plain = re.sub(r"arrowtail=\w+", "arrowtail=none", style)  # no arrow mid-link
        return [
            f"  {target} -> {point} [{style}{label}];",
            f"  {point} -> {source} [{plain}];",
        ]
    return [f"  {target} -> {source} [{style}{label}];"]


def _columns(clusters: list[Cluster]) -> list[str]:
    """Invisible edges that hold the columns: each cluster's trees start at its column's
    level, counted from an invisible start node, whose `ordering=out` keeps the
    clusters of a column in the debate's order from top to bottom. A box with no
    relation at all (a claim alone in its cluster) would drift to the emptiest
    level, so it sits on the start node's level instead.
    """
    lines = ['  "start" [shape=point, style=invis, width=0, ordering=out];']
    alone = [c.boxes[0].key for c in clusters if len(c.boxes) == 1]
    if alone:
        lines.append('  {rank=same; "start"; ' + "; ".join(quote(k) for k in alone) + ";}")
    for cluster in clusters:
        if len(cluster.boxes) > 1:
            lines += [
                f'  "start" -> {quote(head)} [style=invis, minlen={cluster.rank + 1}, weight=0];'
                for head in cluster.heads
            ]
    return lines


def export(debate: Debate, options: ExportOptions) -> str:
    """The debate as a DOT digraph (see the module docstring)."""
    clusters = picture(debate)
    alone = bool(clusters) and clusters[0].boxes == [Box(str(debate.thesis), str(debate.thesis))]
    if alone:  # the thesis with nothing drawn beside it: it heads the picture instead
        clusters = clusters[1:]
    lines = ["digraph debate {"]
    lines += [
        f"  label={heading(debate, options, alone)}; labelloc=t; labeljust=l;",
        f"  graph [rankdir=LR, newrank=true, {FONT}, nodesep=0.12, ranksep=0.45];",
        f'  node [shape=box, {FONT}, fontsize=12, margin="0.1,0.05"];',
        f"  edge [{FONT}, dir=back, arrowsize=0.8];",
    ]
    for index, cluster in enumerate(clusters):
        lines += _cluster(debate, index, cluster, options)
    cut = {link.cut for cluster in clusters for link in cluster.links if link.cut is not None}
    for cluster in clusters:
        for link in cluster.links:
            lines += _link(link, cut)
    lines += _columns(clusters)
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
