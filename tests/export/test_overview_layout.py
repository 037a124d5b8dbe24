"""The overview's sunburst layout, computed at export time: checked as geometry."""

from __future__ import annotations

import pytest

from agidebate.export.overview import CORE, GAP, Layout, layout, radii
from agidebate.export.to_html import placement
from agidebate.format.load import load_debate
from agidebate.model import Debate
from tests.conftest import BUNDLED
from tests.export.test_deep import chain


@pytest.fixture(scope="module")
def bundled() -> Debate:
    return load_debate(BUNDLED)


def test_every_claim_but_the_centre_has_one_sector_inside_its_parents(bundled: Debate) -> None:
    found = layout(bundled, placement(bundled))
    assert found.centre == bundled.thesis
    sectors = {s.claim: s for s in found.sectors}
    assert len(sectors) == len(found.sectors) == len(bundled) - 1
    placed = placement(bundled)
    for s in found.sectors:
        assert 0 <= s.start < s.end <= 360
        parent = placed.parent[s.claim].target
        assert s.ring == (bundled.depth(s.claim) or 0)  # one ring per step from the thesis
        if parent != bundled.thesis:
            p = sectors[parent]
            assert p.ring == s.ring - 1 and p.start - 1e-3 <= s.start and s.end <= p.end + 1e-3


def test_sectors_are_as_wide_as_their_subtrees(bundled: Debate) -> None:
    found = layout(bundled, placement(bundled))
    first = [s for s in found.sectors if s.ring == 1]
    sizes = {
        s.claim: 1 + sum(1 for t in found.sectors if t.ring > 1 and under(found, t.claim, s.claim))
        for s in first
    }
    unit = [(s.end - s.start) / sizes[s.claim] for s in first]
    assert max(unit) == pytest.approx(min(unit), rel=1e-3)  # one width per claim below
    total = sum(s.end - s.start for s in first) + GAP * len(found.regions)
    assert total == pytest.approx(360, abs=0.01)


def under(found: Layout, claim: str, top: str) -> bool:
    spans = {s.claim: s for s in found.sectors}
    s, t = spans[claim], spans[top]
    return t.start - 1e-6 <= s.start and s.end <= t.end + 1e-6 and s.ring > t.ring


def test_topics_are_contiguous_regions_in_the_debates_order(bundled: Debate) -> None:
    found = layout(bundled, placement(bundled))
    order = list(bundled.topics)
    topics = [r.topic for r in found.regions]
    assert topics == sorted(topics, key=lambda t: order.index(t) if t in order else len(order))
    for region in found.regions:
        members = [
            s for s in found.sectors if s.ring == 1 and bundled.claim(s.claim).topic == region.topic
        ]
        assert members and all(
            region.start <= s.start and s.end <= region.end + 1e-3 for s in members
        )


def test_cross_links_are_exactly_the_relations_nesting_does_not_draw(bundled: Debate) -> None:
    placed = placement(bundled)
    found = layout(bundled, placed)
    assert len(found.links) == sum(1 for e in bundled.edges if not placed.is_full(e)) > 0


def test_a_chain_ten_thousand_deep_stays_within_a_bounded_radius() -> None:
    debate = chain(10_000)
    found = layout(debate, placement(debate))
    assert len(found.sectors) == 10_000
    assert found.radii[0] == CORE and found.radii[-1] < 800
    assert radii(8)[-1] == pytest.approx(CORE + 8 * 58)
