"""Bands: how far a verdict could move over every weight the reader has not given.

A perspective weighs some claims; the others keep the debate's written weight,
which is nobody's judgement in particular. The band is the range of the verdict
over every assignment in [0, 1] of the claims the reader leaves *free*: each
claim gets an interval [lo, hi] of strengths, computed in evaluation order by
interval propagation:

- a free claim's base weight is [0, 1], a weighed one's [w, w];
- every gradual semantics here is monotone: a claim's strength increases with
  its base weight and its supporters' effective strengths, and decreases with its
  attackers'; an undercutter lowers the link it cuts (so it helps the target when
  the link is an attack). So lo = f(w_lo, supporters at lo, attackers at hi), and
  hi the other way round, with each link's undercutters at the end that hurts.

This is a proven enclosure: every assignment's verdict lies in the band. On a
tree it is exact (each end is attained with every free claim at 0 or 1); where
claims are shared (several paths to the thesis) it is a sound outer bound,
because the two paths may want the shared claim at opposite ends. A cycle is
enclosed by iterating the interval map from [0, 1] on its members until it stops
shrinking (every fixed point stays inside each iterate, so stopping early is
still sound), within `BAND_BUDGET` input reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agidebate.scoring._aggregate import Aggregation
from agidebate.scoring._network import Links, Network
from agidebate.scoring._solver import group_size
from agidebate.scoring._spec import Spec

BAND_BUDGET = 5_000_000
SHRINK = 1e-12


@dataclass(frozen=True, slots=True)
class Band:
    """The range [low, high] of a strength over every assignment of the free claims."""

    low: float
    high: float

    @property
    def width(self) -> float:
        return self.high - self.low


def bands(
    spec: Spec, net: Network, base: Sequence[float], free: Sequence[bool]
) -> tuple[list[float], list[float]]:
    """Every claim's [lo, hi] (two lists by index) with the `free` claims' weights in [0, 1]."""
    count = len(net)
    lo = [0.0] * count
    hi = [1.0] * count
    budget = BAND_BUDGET
    for number, members in enumerate(net.components):
        if not net.cyclic[number]:
            node = members[0]
            lo[node], hi[node] = _enclose(spec, net, node, base, free, lo, hi)
            continue
        for node in members:
            lo[node], hi[node] = 0.0, 1.0
        size = group_size(net, members)
        while budget > 0:
            budget -= size
            shrunk = 0.0
            for node in members:
                new_lo, new_hi = _enclose(spec, net, node, base, free, lo, hi)
                new_lo, new_hi = max(new_lo, lo[node]), min(new_hi, hi[node])
                shrunk = max(shrunk, new_lo - lo[node], hi[node] - new_hi)
                lo[node], hi[node] = new_lo, new_hi
            if shrunk <= SHRINK:
                break
    return lo, hi


def _enclose(
    spec: Spec,
    net: Network,
    node: int,
    base: Sequence[float],
    free: Sequence[bool],
    lo: Sequence[float],
    hi: Sequence[float],
) -> tuple[float, float]:
    """f at the corner that lowers `node` most, and at the one that raises it most."""
    w_lo, w_hi = (0.0, 1.0) if free[node] else (base[node], base[node])
    cut = spec.cut
    att_lo, att_hi = _side(net.attackers[node], net.attack_links[node], lo, hi, cut)
    if spec.uses_supports:
        sup_lo, sup_hi = _side(net.supporters[node], net.support_links[node], lo, hi, cut)
    else:
        sup_lo = sup_hi = []
    return spec.strength(w_lo, sup_lo, att_hi), spec.strength(w_hi, sup_hi, att_lo)


def _side(
    sources: list[int],
    links: Links | None,
    lo: Sequence[float],
    hi: Sequence[float],
    cut: Aggregation,
) -> tuple[list[float], list[float]]:
    """The lowest and highest effective strengths of one side's inputs."""
    if links is None:
        return [lo[j] for j in sources], [hi[j] for j in sources]
    low: list[float] = []
    high: list[float] = []
    for j, impact, cutters in zip(sources, links.impacts, links.cuts, strict=True):
        most_cut = cut.combine([hi[u] for u in cutters]) if cutters else 0.0
        least_cut = cut.combine([lo[u] for u in cutters]) if cutters else 0.0
        low.append(lo[j] * impact * (1.0 - most_cut))
        high.append(hi[j] * impact * (1.0 - least_cut))
    return low, high
