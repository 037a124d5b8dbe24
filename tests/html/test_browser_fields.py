"""The complete example of docs/format.md as an HTML page in a real Chromium: undercuts,
summaries, editorial badges, link impact and notes, quotes and dates on the cards."""

from __future__ import annotations

from pathlib import Path

import pytest

from agidebate.format.load import load_debate
from tests.conftest import EXAMPLES
from tests.html.conftest import Open, Visit, cli_options, write_page

pytestmark = pytest.mark.external
COMPLETE = EXAMPLES / "complete"


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    debate = load_debate(COMPLETE)
    folder = tmp_path_factory.mktemp("complete")
    return write_page(folder, "complete.html", debate, cli_options(debate, COMPLETE))


@pytest.fixture
def visit(open_page: Open, page_file: Path) -> Visit:
    opened = open_page(page_file)
    opened.page.click("#expand-all")
    return opened


def head(visit: Visit, claim_id: str) -> str:
    return visit.page.locator(f"#claim-{claim_id} > .card .head").inner_text()


def body(visit: Visit, claim_id: str) -> str:
    return visit.page.locator(f"#claim-{claim_id} > .card .body").inner_text()


def test_an_undercut_is_shown_under_the_link_source_and_says_so(visit: Visit) -> None:
    rows = visit.js(
        "[...document.querySelectorAll('#tree .node')]"
        ".map(n => [n.id, n.style.getPropertyValue('--level')])"
    )
    at = rows.index(["claim-parking-loss", "0"])
    assert rows[at + 1] == ["claim-customers-walk", "1"]  # first under its link's source
    assert visit.visible("customers-walk")
    assert "undercuts ↑ link" in head(visit, "customers-walk")
    title = visit.page.locator("#claim-customers-walk > .card .rel > span").first
    assert title.get_attribute("title") == (
        "attacks the link from the claim above to “Build the bike lane”, not the claim"
    )
    # its link's note is on the card, not only in a tooltip
    assert "Editor's note on the link: the loss is real; whether it bears on the lane" in (
        body(visit, "customers-walk")
    )
    assert visit.errors == []


def test_badges_mark_summaries_editorial_claims_and_impact(visit: Visit) -> None:
    assert "summary" in head(visit, "committee-case")
    assert "ed." in head(visit, "latent-demand")
    assert "impact 0.8" in head(visit, "garage-nearby")
    assert "ed." not in head(visit, "garage-nearby") and "summary" not in head(
        visit, "parking-loss"
    )
    # summaries come after the arguments among the thesis's replies
    order = visit.js(
        "[...document.querySelectorAll('#tree .node')].filter(n => n.style.getPropertyValue('--level') === '0').map(n => n.id)"
    )
    assert order[-1] == "claim-committee-case", order


def test_quotes_notes_and_dates_are_on_the_card(visit: Visit) -> None:
    text = body(visit, "fewer-injuries")
    assert "“Injuries fell by a third on every street that got a protected lane.”" in text
    assert "— A. Researcher, 2019: Protected bike lanes and injury rates, p. 4" in text
    assert "2024-03-12" in text
    note = body(visit, "latent-demand")
    assert "Editor's note: The committee did not answer this objection" in note
    visit.page.select_option("#language", "zh")
    assert "编者注:委员会没有回应这条反对意见" in body(visit, "latent-demand")
    assert "编者" in head(visit, "latent-demand")
