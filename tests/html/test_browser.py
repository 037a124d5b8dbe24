"""The exported bundled debate in a real headless Chromium: what a reader can do with it.

Claims are picked from the loaded debate (a branch, the deepest claim, a claim reached
twice, a translated title), so the tests follow the bundled debate as it grows.
Screenshots and load timings land in tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from agidebate.export import ExportOptions
from agidebate.export.to_html import page_data
from agidebate.format.load import load_debate
from agidebate.model import Debate
from agidebate.scoring import score
from tests.conftest import BUNDLED
from tests.html.conftest import DESKTOP, PHONE, Open, Visit, artifact, write_page

pytestmark = pytest.mark.external
LOAD_BUDGET_MS = 5000  # generous: the page opens in well under a second (docs/html.md)


@pytest.fixture(scope="module")
def debate() -> Debate:
    return load_debate(BUNDLED)


@pytest.fixture(scope="module")
def options(debate: Debate) -> ExportOptions:
    result = score(debate)
    return ExportOptions(scores=result.scores, semantics=result.semantics)


@pytest.fixture(scope="module")
def page_file(
    debate: Debate, options: ExportOptions, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    return write_page(tmp_path_factory.mktemp("html"), "bundled.html", debate, options)


@pytest.fixture
def visit(open_page: Open, page_file: Path) -> Visit:
    return open_page(page_file)


def full_parent(debate: Debate, claim_id: str) -> str | None:
    edge = debate.parent_edge(claim_id)
    return edge.target if edge else None


def ancestors(debate: Debate, claim_id: str) -> list[str]:
    return [edge.target for edge in debate.path_to_root(claim_id)]


def branch(debate: Debate) -> str:
    """A claim right under the thesis that has replies."""
    assert debate.thesis
    return next(
        e.source
        for e in debate.children(debate.thesis)
        if full_parent(debate, e.source) == debate.thesis and debate.children(e.source)
    )


def deepest(debate: Debate) -> str:
    return max(debate.claims, key=lambda cid: debate.depth(cid) or 0)


def reached_twice(debate: Debate) -> str:
    return next(c.id for c in debate if len(debate.targets(c.id)) > 1)


def rare_word(debate: Debate, claim_id: str) -> str:
    """A word of the claim's title that the fewest other claims contain."""
    title = debate.claims[claim_id].label
    words: set[str] = set(re.findall(r"[A-Za-z]{5,}", title))
    everything = [f"{c.title} {c.text}".lower() for c in debate]
    counts = Counter({w: sum(w.lower() in text for text in everything) for w in words})
    return min(counts, key=lambda w: (counts[w], w))


def test_opens_offline_fast_and_cleanly(open_page: Open, page_file: Path, debate: Debate) -> None:
    visit = open_page(page_file)
    visit.page.wait_for_load_state("load")
    timing = visit.js(
        """() => { const nav = performance.getEntriesByType('navigation')[0];
        return {mapBuiltMs: Number(document.body.dataset.ready),
                domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
                loadMs: Math.round(nav.loadEventEnd)}; }"""
    )
    report = {"bytes": page_file.stat().st_size, "claims": len(debate), **timing}
    artifact("html-load.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"bundled debate page: {report}")
    assert 0 < timing["mapBuiltMs"] <= timing["loadMs"] < LOAD_BUDGET_MS
    assert visit.requests == [visit.url]
    assert visit.errors == [] and visit.dialogs == []


def test_expand_and_collapse_a_branch(visit: Visit, debate: Debate) -> None:
    top = branch(debate)
    first = next(e.source for e in debate.children(top) if full_parent(debate, e.source) == top)
    toggle = visit.page.locator(f"#claim-{top} > .card .toggle")
    assert visit.visible(top) and not visit.visible(first)
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert visit.visible(first)
    assert toggle.get_attribute("aria-expanded") == "true"
    toggle.click()
    assert not visit.visible(first)


def test_expand_all_and_collapse_all(visit: Visit, debate: Debate) -> None:
    count_visible = "document.querySelectorAll('#tree .node').length === [...document.querySelectorAll('#tree .node')].filter(n => n.getClientRects().length).length"
    deep = deepest(debate)
    assert (debate.depth(deep) or 0) >= 3
    assert not visit.visible(deep)
    visit.page.click("#expand-all")
    assert visit.visible(deep)
    assert visit.js(count_visible)
    visit.page.click("#collapse-all")
    assert not visit.visible(deep)
    assert debate.thesis
    top_level = [
        e.source
        for e in debate.children(debate.thesis)
        if full_parent(debate, e.source) == debate.thesis
    ]
    assert all(visit.visible(cid) for cid in top_level)
    below = [
        e.source
        for cid in top_level
        for e in debate.children(cid)
        if full_parent(debate, e.source) == cid
    ]
    assert below and not any(visit.visible(cid) for cid in below)


def test_search_highlights_matches_and_reveals_their_path(visit: Visit, debate: Debate) -> None:
    deep = deepest(debate)
    word = rare_word(debate, deep)
    other = branch(debate)
    path = ancestors(debate, deep)
    assert not visit.visible(deep)
    visit.page.fill("#search", word)
    visit.page.wait_for_selector("#status:not(:empty)")
    assert visit.visible(deep)
    assert all(visit.visible(cid) for cid in path)
    marks = visit.page.locator(f"#claim-{deep} > .card .title mark").all_text_contents()
    assert [m.lower() for m in marks] == [word.lower()]
    hits = visit.js("document.querySelectorAll('[id^=\"claim-\"].hit').length")
    assert visit.page.text_content("#status").startswith(f"{hits} of {len(debate)} claims match")  # type: ignore[union-attr]
    if (
        other not in path
        and word.lower() not in f"{debate.claims[other].title} {debate.claims[other].text}".lower()
    ):
        assert not visit.visible(other) or visit.js(
            f"document.querySelector('#claim-{other} .hit') !== null"
        )
    visit.page.press("#search", "Enter")  # jumps to the first match
    first = visit.js("document.querySelector('#tree .node.hit, .thesis-card.hit').id")
    assert visit.js(f"document.getElementById('{first}').classList.contains('target')")
    visit.page.press("#search", "Escape")
    assert visit.js("document.querySelectorAll('mark').length") == 0
    assert not visit.visible(deep)
    assert visit.page.text_content("#status") == ""


def test_enter_walks_the_matches_in_reading_order(visit: Visit) -> None:
    visit.page.fill("#search", "compute")
    visit.page.wait_for_selector("#status:not(:empty)")
    hits = visit.js(
        "[...document.querySelectorAll('.thesis-card.hit, #tree .node.hit')].map(n => n.id)"
    )
    assert len(hits) >= 3
    for expected in (hits[0], hits[1], hits[2]):
        visit.page.press("#search", "Enter")
        assert visit.js("[...document.querySelectorAll('.target')].map(n => n.id)") == [expected]
        assert visit.js("document.activeElement.id") == "search"


def test_a_search_that_matches_nothing_says_so(visit: Visit) -> None:
    visit.page.keyboard.press("/")
    assert visit.js("document.activeElement.id") == "search"
    visit.page.keyboard.type("zzqxj-no-such-word")
    visit.page.wait_for_selector("#status:not(:empty)")
    assert visit.page.text_content("#status").startswith("No claim matches")  # type: ignore[union-attr]
    assert visit.js(
        "[...document.querySelectorAll('#tree .node')].every(n => !n.getClientRects().length)"
    )


def test_claim_reached_twice_is_a_link_to_its_one_full_node(visit: Visit, debate: Debate) -> None:
    twice = reached_twice(debate)
    assert visit.js(f"document.querySelectorAll('[id=\"claim-{twice}\"]').length") == 1
    refs = visit.page.locator(f"li.ref a[href='#claim-{twice}']")
    assert refs.count() == len(debate.targets(twice)) - 1
    visit.page.click("#expand-all")
    visit.page.locator(f"#claim-{twice}").scroll_into_view_if_needed()
    refs.first.click()
    assert visit.page.url.endswith(f"#claim-{twice}")
    visit.page.wait_for_selector(f"[id='claim-{twice}'].target")
    assert visit.page.locator(f"#claim-{twice} > .card").is_visible()
    assert visit.js(
        f"(() => {{ const r = document.getElementById('claim-{twice}').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }})()"
    )


def test_an_anchor_reveals_and_highlights_its_claim(
    open_page: Open, page_file: Path, debate: Debate
) -> None:
    deep = deepest(debate)
    visit = open_page(page_file, hash=f"#claim-{deep}")
    assert visit.visible(deep)
    assert all(visit.visible(cid) for cid in ancestors(debate, deep))
    assert visit.js(f"document.getElementById('claim-{deep}').classList.contains('target')")
    assert visit.js(
        f"(() => {{ const r = document.getElementById('claim-{deep}').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }})()"
    )
    # Following a second anchor moves the highlight.
    other = branch(debate)
    visit.page.evaluate(f"location.hash = '#claim-{other}'")
    visit.page.wait_for_selector(f"[id='claim-{other}'].target")
    assert visit.js("document.querySelectorAll('.target').length") == 1
    assert visit.errors == []


def test_language_switch_shows_chinese_titles(visit: Visit, debate: Debate) -> None:
    claim = next(c for c in debate if c.translated("zh", "title") and debate.depth(c.id) == 1)
    title = visit.page.locator(f"#claim-{claim.id} > .card .title")
    assert title.text_content() == claim.title
    visit.page.select_option("#language", "zh")
    assert title.text_content() == claim.translated("zh", "title")
    assert title.get_attribute("lang") == "zh"
    assert visit.js("document.documentElement.lang") == "zh"
    assert visit.page.text_content("#expand-all") == "全部展开"
    visit.page.select_option("#language", "")
    assert title.text_content() == claim.title
    assert visit.page.text_content("#expand-all") == "Expand all"


def test_topic_summary_shows_each_topics_balance(
    visit: Visit, debate: Debate, options: ExportOptions
) -> None:
    visit.page.click("#view-topics")
    assert visit.page.is_visible("#topics-view") and not visit.page.is_visible("#map-view")
    rows = page_data(debate, options)["topics"]
    assert len(rows) == len(debate.topics)
    for row in rows:
        card = visit.page.locator(f"[id='topic-{row['id']}']")
        assert card.locator("h2").text_content() == (row["title"] or row["id"])
        chart = card.locator(".balance").first
        assert chart.get_attribute("role") == "img"
        assert chart.get_attribute("aria-label") == f"{row['pro']} pro, {row['con']} con"
        widths = {
            side: (chart.locator(f".seg.{side}").bounding_box() or {"width": 0.0})["width"]
            if row[side]
            else 0.0
            for side in ("pro", "con")
        }
        total = row["pro"] + row["con"]
        if total:
            assert widths["pro"] / (widths["pro"] + widths["con"]) == pytest.approx(
                row["pro"] / total, abs=0.05
            )
        assert card.locator(".balance").count() == 2  # by number of claims and by summed scores
    # "Show only this topic" filters the map to the topic's claims.
    row = max(rows, key=lambda r: r["pro"] + r["con"])
    visit.page.locator(f"[id='topic-{row['id']}'] button").click()
    assert visit.page.is_visible("#map-view")
    assert visit.page.input_value("#search") == f"topic:{row['id']}"
    shown_hits = visit.js(
        "[...document.querySelectorAll('#tree .node.hit')].map(n => n.id.slice(6))"
    )
    assert sorted(shown_hits) == sorted(c.id for c in debate if c.topic == row["id"])


def test_pro_and_con_differ_by_more_than_colour(visit: Visit, debate: Debate) -> None:
    pro = next(c.id for c in debate if debate.side_label(c.id) == "pro" and debate.depth(c.id) == 1)
    con = next(c.id for c in debate if debate.side_label(c.id) == "con" and debate.depth(c.id) == 1)
    style = "(id) => { const card = document.querySelector('#claim-' + id + ' > .card'); return getComputedStyle(card).borderLeftStyle; }"
    assert visit.js(style, pro) == "solid"
    assert visit.js(style, con) == "dashed"
    assert visit.page.text_content(f"#claim-{pro} > .card .badge") == "▲ pro"
    assert visit.page.text_content(f"#claim-{con} > .card .badge") == "▼ con"
    visit.page.click("#view-topics")
    background = "(side) => getComputedStyle(document.querySelector('.balance .seg.' + side)).backgroundImage"
    assert visit.js(background, "pro") == "none"
    assert "repeating-linear-gradient" in visit.js(background, "con")


def test_works_at_phone_width(open_page: Open, page_file: Path) -> None:
    visit = open_page(page_file, viewport=PHONE)
    assert visit.no_horizontal_scroll()
    visit.page.click("#expand-all")
    assert visit.no_horizontal_scroll()
    assert (
        visit.js(
            "Math.max(...[...document.querySelectorAll('.card')].map(c => c.getBoundingClientRect().right))"
        )
        <= PHONE["width"]
    )
    visit.page.click("#view-topics")
    assert visit.no_horizontal_scroll()


def test_printing_shows_every_branch(visit: Visit, debate: Debate) -> None:
    deep = deepest(debate)
    assert not visit.visible(deep)
    visit.page.emulate_media(media="print")
    assert visit.visible(deep)
    assert not visit.page.is_visible("#expand-all")


def test_screenshots_for_people_to_look_at(
    open_page: Open, page_file: Path, debate: Debate
) -> None:
    top = branch(debate)
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        visit = open_page(page_file, viewport=viewport)
        visit.page.click(f"#claim-{top} > .card .toggle")
        visit.page.locator(f"#claim-{top}").scroll_into_view_if_needed()
        path = artifact(f"html-{name}.png")
        visit.page.screenshot(path=str(path))
        assert path.stat().st_size > 10_000
        visit.page.click("#view-topics")
        visit.page.screenshot(
            path=str(artifact(f"html-{name}-topics.png")), full_page=name == "desktop"
        )
        visit.page.click("#view-map")
        visit.page.fill("#search", rare_word(debate, deepest(debate)))
        visit.page.wait_for_selector("#status:not(:empty)")
        visit.page.press("#search", "Enter")
        visit.page.screenshot(path=str(artifact(f"html-{name}-search.png")))
