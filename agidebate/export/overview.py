"""The HTML page's overview map: a sunburst of the whole debate, laid out at export time.

The thesis is the disc at the centre; each ring outwards is one more step
from it. Every claim is one sector of its ring, inside the sector of the
claim it is shown under (`to_html.Placement`: its shortest path to the
thesis), and as wide as its share of its siblings' claims counted with
everything below them, so big branches get big sectors. The claims answering
the thesis are grouped by topic, so each topic is one region of the circle
(a wedge, labelled at the rim); claims that reach no thesis get a region of
their own. A relation not drawn by nesting (a claim answering two claims)
is a cross-link, drawn on demand as a curve between the two sectors.

Rings keep one width for the first `FULL_RINGS` levels and then narrow
geometrically, so a chain thousands of claims deep still fits in a bounded
radius. Everything here is iterative and linear in claims plus relations;
the page only turns the angles into SVG paths.

>>> from agidebate.model import Claim, Debate, Edge, Relation
>>> d = Debate(claims={"t": Claim("t", "T"), "a": Claim("a", "A"), "b": Claim("b", "B"),
...     "c": Claim("c", "C")}, edges=(Edge("a", "t", Relation.SUPPORT),
...     Edge("b", "t", Relation.ATTACK), Edge("c", "a", Relation.ATTACK)), thesis="t")
>>> from agidebate.export.to_html import placement
>>> [(s.claim, s.ring, round(s.end - s.start)) for s in layout(d, placement(d)).sectors]
[('a', 1, 240), ('c', 2, 240), ('b', 1, 120)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from agidebate.export.to_html import Placement
    from agidebate.model import Debate

CORE = 70.0  # radius of the centre disc
RING = 58.0  # width of each of the first FULL_RINGS rings
FULL_RINGS = 8
SHRINK = 0.8  # each ring after that is this much narrower than the one before
GAP = 0.8  # degrees between two regions
_DIGITS = 3


@dataclass(frozen=True, slots=True)
class Sector:
    """One claim's place: ring `ring` (1 = answering the centre), angles in degrees."""

    claim: str
    ring: int
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class Region:
    """A wedge of the circle: the branches of one topic, or the claims reaching no thesis."""

    topic: str | None
    start: float
    end: float
    loose: bool = False


@dataclass(frozen=True)
class Layout:
    """The whole sunburst: the centre claim (None: the debate itself), sectors, regions,
    ring radii (`radii[k]` is the outer radius of ring k; `radii[0]` the disc) and the
    cross-links (source, target, relation)."""

    centre: str | None
    sectors: list[Sector]
    regions: list[Region]
    radii: list[float]
    links: list[tuple[str, str, str]]


def radii(rings: int) -> list[float]:
    """Outer radius of the disc and of each ring up to `rings`.

    >>> radii(2), round(radii(400)[-1])
    ([70.0, 128.0, 186.0], 766)
    """
    out = [CORE]
    width = RING
    for ring in range(1, rings + 1):
        if ring > FULL_RINGS:
            width *= SHRINK
        out.append(out[-1] + width)
    return out


def _tree(debate: Debate, placed: Placement) -> dict[str, list[str]]:
    """Each claim's children as shown: the claims placed in full under it, in file order."""
    kids: dict[str, list[str]] = {}
    for claim in debate:
        for edge in debate.children(claim.id):
            if placed.is_full(edge):
                kids.setdefault(claim.id, []).append(edge.source)
    return kids


def _sizes(tops: Iterable[str], kids: dict[str, list[str]]) -> dict[str, int]:
    """Claims in each subtree (the claim itself included), without recursion."""
    size: dict[str, int] = {}
    for top in tops:
        order = [top]
        for node in order:  # breadth first: order grows while it is walked
            order.extend(kids.get(node, ()))
        for node in reversed(order):
            size[node] = 1 + sum(size[k] for k in kids.get(node, ()))
    return size


def _groups(
    debate: Debate, first_ring: Sequence[str], loose: Sequence[str]
) -> list[tuple[Region, list[str]]]:
    """Regions in drawing order with their claims: topics in the debate's order, then
    claims without a topic, then the claims that reach no thesis (angles set later)."""
    order = {topic: index for index, topic in enumerate(debate.topics)}
    members: dict[str | None, list[str]] = {}
    for cid in first_ring:
        members.setdefault(debate.claim(cid).topic, []).append(cid)
    keys = sorted(
        members, key=lambda t: (t is None or t not in order, order.get(t or "", 0), t or "")
    )
    groups = [(Region(topic, 0.0, 0.0), members[topic]) for topic in keys]
    if loose:
        groups.append((Region(None, 0.0, 0.0, loose=True), list(loose)))
    return groups


def layout(debate: Debate, placed: Placement) -> Layout:
    """The sunburst of `debate` as the page shows it (see the module docstring)."""
    kids = _tree(debate, placed)
    roots = list(placed.roots)
    centre = roots[0] if len(roots) == 1 else None
    first_ring = kids.get(centre, []) if centre is not None else roots
    loose = list(placed.orphans)
    size = _sizes([*first_ring, *loose], kids)
    groups = _groups(debate, first_ring, loose)
    total = sum(size[c] for _, claims in groups for c in claims) or 1
    gap = GAP if len(groups) > 1 else 0.0
    scale = (360.0 - gap * len(groups)) / total
    sectors: list[Sector] = []
    regions: list[Region] = []
    deepest = 0
    at = gap / 2
    for group, claims in groups:
        start = at
        for cid in claims:
            span = size[cid] * scale
            deepest = max(deepest, _place(cid, at, at + span, kids, size, sectors))
            at += span
        regions.append(Region(group.topic, _round(start), _round(at), group.loose))
        at += gap
    links = [(e.source, e.target, e.relation.value) for e in debate.edges if not placed.is_full(e)]
    return Layout(centre, sectors, regions, [_round(r) for r in radii(deepest)], links)


def _place(
    top: str,
    start: float,
    end: float,
    kids: dict[str, list[str]],
    size: dict[str, int],
    sectors: list[Sector],
) -> int:
    """Sectors for `top` (ring 1) and everything under it, depth first in reading order;
    returns the deepest ring used."""
    deepest = 1
    stack = [(top, 1, start, end)]
    while stack:
        claim, ring, a0, a1 = stack.pop()
        sectors.append(Sector(claim, ring, _round(a0), _round(a1)))
        deepest = max(deepest, ring)
        below = kids.get(claim, [])
        weight = sum(size[k] for k in below)
        at = a0
        placed = []
        for kid in below:
            span = (a1 - a0) * size[kid] / weight
            placed.append((kid, ring + 1, at, at + span))
            at += span
        stack.extend(reversed(placed))
    return deepest


def _round(value: float) -> float:
    return round(value, _DIGITS)


def layout_json(found: Layout, name: Callable[[str], str] = str) -> dict[str, Any]:
    """The layout as the page reads it: compact arrays, angles in degrees; `name` is
    applied to every claim id and topic id (the page shows ids as `_visible` made them)."""
    return {
        "centre": None if found.centre is None else name(found.centre),
        "radii": found.radii,
        "sectors": [[name(s.claim), s.ring, s.start, s.end] for s in found.sectors],
        "regions": [
            [None if r.topic is None else name(r.topic), r.start, r.end, r.loose]
            for r in found.regions
        ],
        "links": [[name(source), name(target), kind] for source, target, kind in found.links],
    }
