"""The page re-weighs the debate: for every perspective and every semantics the page
offers, the verdict it shows is the number `agidebate score --perspective P --semantics
S --json` prints, and the bars, topic charts and overview colours follow that pair."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agidebate.format.perspectives import perspective_names
from agidebate.model import Debate
from agidebate.scoring import DEFAULT_SEMANTICS, SEMANTICS
from tests.conftest import BUNDLED, invoke
from tests.html.conftest import Open, Visit

pytestmark = pytest.mark.external


@pytest.fixture
def visit(open_page: Open, weighed_page: Path) -> Visit:
    return open_page(weighed_page)


def score_json(perspective: str, semantics: str) -> dict:  # type: ignore[type-arg]
    args = ["score", "--semantics", semantics, "--json"]
    if perspective != "base":
        args += ["--perspective", perspective]
    result = invoke(args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def options(visit: Visit, select: str) -> list[str]:
    return visit.js(f"[...document.querySelectorAll('#{select} option')].map(o => o.value)")  # type: ignore[no-any-return]


def test_the_control_offers_every_perspective_and_every_registered_semantics(
    visit: Visit, bundled_debate: Debate
) -> None:
    assert options(visit, "perspective") == ["base", *perspective_names(BUNDLED)]
    assert options(visit, "semantics")[0] == DEFAULT_SEMANTICS
    assert sorted(options(visit, "semantics")) == sorted(SEMANTICS)
    assert visit.page.input_value("#perspective") == "base"
    assert visit.page.input_value("#semantics") == DEFAULT_SEMANTICS


def test_every_verdict_shown_is_the_one_score_json_gives(
    visit: Visit, bundled_debate: Debate
) -> None:
    thesis = str(bundled_debate.thesis)
    top = next(e.source for e in bundled_debate.children(thesis))
    checked = 0
    for perspective in options(visit, "perspective"):
        for semantics in options(visit, "semantics"):
            visit.page.select_option("#perspective", perspective)
            visit.page.select_option("#semantics", semantics)
            expected = score_json(perspective, semantics)
            verdict = visit.page.locator("#verdict")
            shown = float(verdict.get_attribute("data-value") or "nan")
            assert shown == expected["thesis"]["score"], (perspective, semantics)
            if "verdict" in expected:  # a richer verdict object, when score --json has one
                assert shown == expected["verdict"].get("value", shown)
            assert visit.page.text_content("#verdict-value") == f"{shown:.2f}"
            assert verdict.get_attribute("data-perspective") == perspective
            assert verdict.get_attribute("data-semantics") == semantics
            # The bars and the overview follow the same scores.
            bar = visit.page.locator(f"[id='claim-{top}'] > .card .bar")
            assert float(bar.get_attribute("aria-valuenow") or "nan") == round(
                expected["scores"][top], 4
            )
            opacity = visit.js(
                "id => Number(document.querySelector(`#overview-svg [data-claim='${id}']`).style.fillOpacity)",
                thesis,
            )
            assert opacity == pytest.approx(0.16 + 0.84 * expected["thesis"]["score"], abs=0.006)
            checked += 1
    assert checked == (1 + len(perspective_names(BUNDLED))) * len(SEMANTICS)
    assert visit.errors == []


def test_the_topic_charts_follow_the_chosen_pair(visit: Visit) -> None:
    visit.page.select_option("#perspective", "skeptic")
    visit.page.select_option("#semantics", "dfquad")
    expected = score_json("skeptic", "dfquad")["topics"]
    visit.page.click("#view-topics")
    for topic_id, row in expected.items():
        chart = visit.page.locator(f"[id='topic-{topic_id}'] .balance").nth(1)
        label = chart.get_attribute("aria-label") or ""
        pro, con = (float(part.split()[0]) for part in label.split(", "))
        assert (pro, con) == pytest.approx((row["pro"], row["con"]), abs=0.0051), label


def test_switching_says_how_the_debate_was_weighed(visit: Visit) -> None:
    visit.page.select_option("#perspective", "skeptic")
    how = visit.page.text_content("#verdict-how") or ""
    assert "The Skeptic (skeptic)" in how and "weighs" in how
    assert visit.page.is_visible("#verdict-about")
    visit.page.select_option("#semantics", "grounded")
    assert (visit.page.text_content("#verdict-phrase") or "").startswith("— ")
    legend = visit.page.text_content("#legend") or ""
    assert "“grounded”" in legend


def test_the_verdict_panel_reads_the_verdict_object_out(visit: Visit) -> None:
    """Under a perspective: the band, Carneades' proof standard and the best argument each
    way, as `score --json` gives them; without one, no band."""
    visit.page.select_option("#perspective", "skeptic")
    visit.page.select_option("#semantics", DEFAULT_SEMANTICS)
    verdict = score_json("skeptic", DEFAULT_SEMANTICS)["verdict"]
    text = visit.page.text_content("#verdict-band") or ""
    if verdict["high"] - verdict["low"] >= 0.005:
        assert f"Band {verdict['low']:.2f}–{verdict['high']:.2f}" in text
    standard = verdict["standard"]
    assert f"Proof standard: {standard['name']}" in text
    assert f"Best for: {verdict['best_pro']['id']} ({verdict['best_pro']['strength']:.2f})" in text
    assert (
        f"Best against: {verdict['best_con']['id']} ({verdict['best_con']['strength']:.2f})" in text
    )
    visit.page.select_option("#perspective", "base")
    assert "Band" not in (visit.page.text_content("#verdict-band") or "")
    assert visit.errors == []
