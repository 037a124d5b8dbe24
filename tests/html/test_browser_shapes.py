"""Debates of awkward shapes in a real headless Chromium: very deep chains, no thesis,
claims that reach no thesis, cycles. Every claim still gets exactly one full node."""

from __future__ import annotations

from pathlib import Path

import pytest

from agidebate.model import Claim, Debate, Edge, Relation
from tests.html.conftest import PHONE, Open, write_page
from tests.html.test_page_data import chain

pytestmark = pytest.mark.external
DEPTH = 3000


def test_a_very_deep_chain_opens_expands_and_links(open_page: Open, tmp_path: Path) -> None:
    visit = open_page(write_page(tmp_path, "deep.html", chain(DEPTH)), viewport=PHONE)
    last = f"c{DEPTH - 1}"
    assert visit.js("document.querySelectorAll('#tree .node').length") == DEPTH
    assert not visit.visible(last)
    visit.page.click("#expand-all")
    assert visit.visible(last)
    assert visit.no_horizontal_scroll()
    visit.page.click("#collapse-all")
    visit.page.evaluate(f"location.hash = '#claim-{last}'")
    visit.page.wait_for_selector(f"[id='claim-{last}'].target")
    assert visit.visible(last) and visit.visible("c0")
    assert f"level {DEPTH}" in (visit.page.text_content(f"#claim-{last} .meta") or "")
    visit.page.fill("#search", last)
    visit.page.wait_for_selector("#status:not(:empty)")
    assert (visit.page.text_content("#status") or "").startswith(f"1 of {DEPTH + 1} claims match")
    assert visit.js("document.querySelectorAll('.node.hit').length") == 1
    assert visit.errors == []


def test_a_debate_without_thesis_shows_each_root(open_page: Open, tmp_path: Path) -> None:
    claims = {cid: Claim(cid, f"Claim {cid}") for cid in ("r1", "r2", "a", "b")}
    edges = (
        Edge("a", "r1", Relation.SUPPORT),
        Edge("a", "r2", Relation.ATTACK),
        Edge("b", "a", Relation.ATTACK),
    )
    visit = open_page(write_page(tmp_path, "roots.html", Debate(claims=claims, edges=edges)))
    assert visit.js("[...document.querySelectorAll('#tree .node')].map(n => n.id)") == [
        "claim-r1",
        "claim-a",
        "claim-b",
        "claim-r2",
    ]
    assert visit.js("document.querySelectorAll(\"#tree .ref a[href='#claim-a']\").length") == 1
    assert visit.page.text_content("#claim-r1 > .card .badge") == "◆ root"
    assert visit.visible("a") and not visit.visible("b")
    assert visit.page.is_hidden("#loose") and visit.page.is_hidden("#thesis .thesis-card")
    assert visit.errors == []


def test_claims_that_reach_no_thesis_get_their_own_section(open_page: Open, tmp_path: Path) -> None:
    claims = {cid: Claim(cid, f"Claim {cid}") for cid in ("t", "a", "lone", "under", "x", "y")}
    edges = (
        Edge("a", "t", Relation.SUPPORT),
        Edge("under", "lone", Relation.ATTACK),
        Edge("x", "y", Relation.ATTACK),
        Edge("y", "x", Relation.ATTACK),
    )
    visit = open_page(
        write_page(tmp_path, "loose.html", Debate(claims=claims, edges=edges, thesis="t"))
    )
    assert visit.page.is_visible("#loose")
    assert visit.js("[...document.querySelectorAll('#loose-tree .node')].map(n => n.id)") == [
        "claim-lone",
        "claim-under",
        "claim-x",
        "claim-y",
    ]
    assert visit.js(
        "[...document.querySelectorAll('#loose-tree .ref a')].map(a => a.getAttribute('href'))"
    ) == ["#claim-x"]
    assert visit.page.text_content("#claim-lone > .card .badge") == "○ not connected"
    visit.page.click("#expand-all")
    assert all(visit.visible(cid) for cid in claims)
    assert visit.errors == []
