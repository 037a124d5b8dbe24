"""Whole-debate pictures that fit a screen: what the Graphviz and Mermaid exports draw.

A debate drawn as one tree is a strip: hundreds of claims side by side and a
few levels deep (the bundled debate came out 16,752 x 1,581 px). A picture
here follows the outline instead (`_outline.outline`): one cluster per topic,
in it the topic's claims as trees growing left to right, each claim drawn in
full once. Where a claim argues with a claim drawn in another cluster (the
thesis, or a claim of another topic), the cluster starts with a small
reference box for that claim, so no edge runs across the picture; a claim
answering several claims is drawn in full once and as a reference box
elsewhere. Every relation of the debate is exactly one edge.

The clusters are then packed into columns (the thesis and the legend first)
so that the picture's width to height comes near `TARGET` and stays within
`MAX_RATIO`; `rank` is where each cluster's first level sits, counted in
levels from the left. Linear in claims plus relations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from agidebate.export import ExportOptions
from agidebate.export._outline import MAX_DEPTH, Section, label_lines, one_line, outline
from agidebate.model import Debate, Edge, Relation, Topic
from agidebate.palette import GLYPHS
from agidebate.text import claim_marks

TARGET = 1.6  # the width:height the columns aim for
MAX_RATIO = 3.0
MAX_COLUMNS = 64


@dataclass(frozen=True, slots=True)
class Sizes:
    """Roughly how tall a box and how wide a level with its edges come out in one
    drawing tool, for packing (the tool decides the real sizes)."""

    box: float
    level: float


GRAPHVIZ = Sizes(box=62.0, level=290.0)
MERMAID = Sizes(box=100.0, level=340.0)


@dataclass(frozen=True, slots=True)
class Box:
    """One box: a claim drawn in full (`ref` False), or a reference to one drawn elsewhere."""

    key: str
    claim: str
    ref: bool = False


@dataclass(frozen=True, slots=True)
class Link:
    """One relation: `source` supports or attacks `target` (box keys); for an undercut,
    `cut` is the link it attacks (as box keys), and `target` that link's source box."""

    source: str
    target: str
    relation: Relation
    edge: Edge | None = None  # the relation drawn, with its impact and editorial mark
    cut: tuple[str, str] | None = None

    @property
    def ends(self) -> tuple[str, str]:
        return self.source, self.target


@dataclass
class Cluster:
    """One topic's part of the picture (`topic` None: the thesis and claims without a topic)."""

    topic: Topic | None
    boxes: list[Box] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    levels: int = 1
    leaves: int = 0
    column: int = 0
    rank: int = 0
    sizes: Sizes = GRAPHVIZ

    @property
    def heads(self) -> list[str]:
        """The boxes that start a tree (they argue with nothing in this cluster)."""
        sources = {link.source for link in self.links}
        return [box.key for box in self.boxes if box.key not in sources]

    @property
    def height(self) -> float:
        return max(1, self.leaves) * self.sizes.box

    @property
    def width(self) -> float:
        return self.levels * self.sizes.level


def picture(debate: Debate, sizes: Sizes = GRAPHVIZ) -> list[Cluster]:
    """The debate's clusters, packed into columns (see the module docstring)."""
    refs = _RefKeys(debate)
    clusters = [_cluster(debate, section, refs) for section in outline(debate, MAX_DEPTH)]
    clusters = [c for c in clusters if c.boxes]
    for cluster in clusters:
        cluster.sizes = sizes
    pack(clusters)
    return clusters


class _RefKeys:
    """Keys for reference boxes: `ref:N`, never a claim's id."""

    def __init__(self, debate: Debate) -> None:
        self.taken = debate.claims
        self.count = 0

    def new(self) -> str:
        self.count += 1
        key = f"ref:{self.count}"
        while key in self.taken:
            self.count += 1
            key = f"ref:{self.count}"
        return key


def _cluster(debate: Debate, section: Section, refs: _RefKeys) -> Cluster:
    topic = debate.topics.get(section.topic) if section.topic else None
    cluster = Cluster(topic)
    full: dict[str, str] = {}
    for group in section.groups:
        above: list[tuple[int, str]] = []  # (depth, box key) of the entries above
        top = -1
        if group.parent is not None:
            key = full.get(group.parent)
            if key is None:  # drawn in another cluster: a reference box starts the group
                key = refs.new()
                cluster.boxes.append(Box(key, group.parent, ref=True))
            above.append((-1, key))
        for entry in group.entries:
            key = entry.claim if entry.first else refs.new()
            if entry.first:
                full[entry.claim] = key
            cluster.boxes.append(Box(key, entry.claim, ref=not entry.first))
            while above and above[-1][0] >= entry.depth:
                above.pop()
            if entry.edge is not None and above:
                cut = _cut(cluster, above[-1][1]) if entry.edge.cut_link else None
                cluster.links.append(Link(key, above[-1][1], entry.edge.relation, entry.edge, cut))
            above.append((entry.depth, key))
            top = max(top, entry.depth)
        cluster.levels = max(cluster.levels, top + 1 + (group.parent is not None))
    targets = {link.target for link in cluster.links}
    cluster.leaves = sum(1 for box in cluster.boxes if box.key not in targets)
    return cluster


def _cut(cluster: Cluster, source: str) -> tuple[str, str] | None:
    """The link an undercut listed under box `source` attacks: that box's own link (the
    outline lists an undercut under the link's source, which hangs under its target)."""
    link = next((k for k in reversed(cluster.links) if k.source == source and not k.cut), None)
    return link.ends if link is not None else None


def pack(clusters: Sequence[Cluster]) -> None:
    """Put each cluster in a column, in order, so that the whole comes near `TARGET`
    width:height without passing `MAX_RATIO`; set each cluster's `column` and `rank`."""
    if not clusters:
        return
    best: list[int] | None = None
    best_score = float("inf")
    for count in range(1, min(len(clusters), MAX_COLUMNS) + 1):
        columns = _columns(clusters, count)
        width = sum(max(c.width for c in col) for col in _split(clusters, columns))
        height = max(sum(c.height for c in col) for col in _split(clusters, columns))
        ratio = width / height
        score = abs(ratio - TARGET) / TARGET + (10.0 if ratio > MAX_RATIO else 0.0)
        if score < best_score:
            best, best_score = columns, score
    assert best is not None
    rank = 0
    for index, column in enumerate(_split(clusters, best)):
        for cluster in column:
            cluster.column, cluster.rank = index, rank
        rank += max(c.levels for c in column)


def _columns(clusters: Sequence[Cluster], count: int) -> list[int]:
    """The column of each cluster when `count` columns share the height evenly (in order)."""
    share = sum(c.height for c in clusters) / count
    columns: list[int] = []
    column, filled = 0, 0.0
    for cluster in clusters:
        if filled > 0 and filled + cluster.height / 2 > share and column < count - 1:
            column, filled = column + 1, 0.0
        columns.append(column)
        filled += cluster.height
    return columns


def _split(clusters: Sequence[Cluster], columns: list[int]) -> list[list[Cluster]]:
    out: list[list[Cluster]] = [[] for _ in range(max(columns) + 1)]
    for cluster, column in zip(clusters, columns, strict=True):
        out[column].append(cluster)
    return [col for col in out if col]


def box_lines(debate: Debate, box: Box, options: ExportOptions, width: int) -> list[str]:
    """A box's lines: the side's glyph and the claim's label, wrapped, its badges
    (`[summary] [ed.]`), then its score; a reference box says where the claim is drawn in
    full."""
    side = debate.side_label(box.claim) or "unlinked"
    lines = label_lines(debate, box.claim, options, width)
    marks = " ".join(f"[{mark}]" for mark in claim_marks(debate.claim(box.claim)))
    if box.ref:
        lines = [line for line in lines if not line.startswith("score ")]
        topic = debate.topics.get(debate.claim(box.claim).topic or "")
        if box.claim != debate.thesis:
            lines.append(f"(see {one_line(topic.title or topic.id)})" if topic else "(see above)")
        return [
            f"{'↻ ' if box.claim != debate.thesis else ''}{GLYPHS[side]} {lines[0]}",
            *lines[1:],
        ]
    if marks:
        at = len(lines) - 1 if lines[-1].startswith("score ") else len(lines)
        lines.insert(at, marks)
    return [f"{GLYPHS[side]} {lines[0]}", *lines[1:]]
