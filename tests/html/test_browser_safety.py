"""A hostile debate in a real headless Chromium: its text is shown, nothing of it runs.

Every payload sets `window.__pwned` and calls `alert()` if it ever executes, so the
proof is that the flag stays unset and no dialog opens. Each test runs twice: with
the page's Content-Security-Policy, and with Chromium told to ignore it, which shows
that the escaping alone keeps the page safe (the policy is a second wall).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from agidebate.format.load import load_debate
from agidebate.model import Claim, Debate, Edge, Relation
from tests.conftest import MakeDebate
from tests.html.conftest import CENTROID, PHONE, Open, Visit, cli_options, write_page

pytestmark = pytest.mark.external

SCRIPT_END = "</script><script>window.__pwned = 'script-end'; alert('script-end')</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">"
SVG = "<svg onload=\"window.__pwned = 'svg'\"><title>t</title></svg>"
COMMENT = "<!-- <script>window.__pwned = 'comment'</script>"
STYLE = "<style>body { display: none }</style>"
JS_URL = "javascript:window.__pwned = 'js-url'; alert('js-url')"
SAFE_URL = "https://example.org/fine"
LONG_WORD = "x" * 400
DRAWN = {"defs", "pattern", "marker", "rect", "path", "g", "circle", "text", "tspan", "textPath"}

DEBATE = {
    "title": "Hostile " + SCRIPT_END,
    "summary": IMG,
    "thesis": {"title": STYLE, "text": COMMENT + " " + SCRIPT_END},
}
TOPIC = {
    "topic": "hostile",
    "title": SVG,
    "summary": IMG,
    "claims": [
        {
            "id": "evil",
            "title": IMG,
            "text": SCRIPT_END + "\n" + IMG,
            "supports": "thesis",
            "by": "<b onmouseover=\"window.__pwned = 'by'\">Mallory</b>",
            "sources": [
                JS_URL,
                {"title": "Click me", "url": "JAVASCRIPT:window.__pwned = 'upper'"},
                {"title": "Data", "url": "data:text/html,<script>window.__pwned = 'data'</script>"},
                {
                    "title": "Quoted",
                    "url": 'https://example.org/"><img src=x onerror="window.__pwned = 1">',
                },
                {"title": "Fine", "url": SAFE_URL, "note": IMG},
            ],
            "figures": [{"value": "<i>1</i>", "unit": "<u>", "what": IMG}],
            "tags": ["<b>tag</b>"],
            "i18n": {"zh": {"title": SCRIPT_END, "text": IMG}},
            "con": [
                {
                    "id": "long",
                    "title": LONG_WORD,
                    "text": "https://example.org/" + "a" * 500,
                    "attacks": "thesis",
                }
            ],
        }
    ],
}
CHECK = """() => ({
  pwned: window.__pwned === undefined ? null : String(window.__pwned),
  scripts: document.scripts.length,
  foreign: document.querySelectorAll('img, svg:not(#overview-svg), iframe, object, embed, b, i, u, body style').length,
  drawn: [...new Set([...document.querySelectorAll('#overview-svg *')].map(n => n.localName))].sort(),
  styles: document.querySelectorAll('style').length,
  hrefs: [...document.querySelectorAll('[href]')].map(a => a.getAttribute('href')).filter(h => !h.startsWith('#')),
  handlers: [...document.querySelectorAll('*')].flatMap(n => [...n.attributes].map(a => a.name)).filter(a => a.startsWith('on')),
})"""


@pytest.fixture
def hostile(make_debate: MakeDebate, tmp_path: Path) -> Path:
    folder = make_debate(
        {
            "debate.yaml": yaml.safe_dump(DEBATE, allow_unicode=True, sort_keys=False),
            "hostile.yaml": yaml.safe_dump(TOPIC, allow_unicode=True, sort_keys=False),
        }
    )
    return write_page(tmp_path, "hostile.html", load_debate(folder))


def assert_inert(visit: Visit) -> None:
    found = visit.js(CHECK)
    assert found["pwned"] is None
    assert visit.dialogs == []
    assert found["scripts"] == 2 and found["styles"] == 1 and found["foreign"] == 0
    assert found["hrefs"] == ["data:,", SAFE_URL]  # the empty favicon and the one http(s) source
    assert found["handlers"] == []
    # The overview map is drawn from these shapes only; claim text lives in <text> nodes.
    assert set(found["drawn"]) <= DRAWN, found["drawn"]
    assert visit.requests == [visit.url]
    assert visit.errors == []


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "without-csp"])
def test_hostile_text_is_shown_as_text_and_runs_nothing(
    open_page: Open, hostile: Path, bypass_csp: bool
) -> None:
    visit = open_page(hostile, bypass_csp=bypass_csp)
    page = visit.page
    assert page.text_content("#debate-title") == DEBATE["title"]
    assert page.text_content("#debate-summary") == IMG
    assert page.text_content("#claim-thesis .title") == STYLE
    assert page.text_content("#claim-evil > .card .title") == IMG
    assert page.text_content("#claim-evil > .card .text") == TOPIC["claims"][0]["text"]  # type: ignore[index]
    sources = page.locator("#claim-evil .sources li").all_text_contents()
    assert sources[0] == JS_URL and sources[1].startswith("Click me JAVASCRIPT:")
    assert page.locator("#claim-evil .sources a").count() == 1
    assert_inert(visit)
    # Expanding, searching for the payload, switching language and visiting the
    # topics view rebuild the text: still nothing runs.
    page.click("#expand-all")
    page.fill("#search", "<img src=x")
    page.wait_for_selector("#status:not(:empty)")
    assert page.locator("#claim-evil > .card .title mark").all_text_contents() == ["<img", "src=x"]
    page.select_option("#language", "zh")
    assert page.text_content("#claim-evil > .card .title") == SCRIPT_END
    page.click("#view-topics")
    assert page.text_content("[id='topic-hostile'] h2") == SVG
    assert_inert(visit)


def test_hostile_anchors_do_nothing(open_page: Open, hostile: Path) -> None:
    for hash in (
        "#claim-%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "#claim-%E0%A4%A",
        "#topic-%E0%A4%A",
        "#topic-%3Csvg%20onload%3Dalert(1)%3E",
        "#javascript:alert(1)",
    ):
        visit = open_page(hostile, hash=hash)
        assert_inert(visit)


def test_long_unbroken_words_do_not_widen_a_phone_screen(open_page: Open, hostile: Path) -> None:
    visit = open_page(hostile, viewport=PHONE)
    visit.page.click("#expand-all")
    assert visit.no_horizontal_scroll()


def test_odd_ids_and_line_separators_from_the_library_stay_data(
    open_page: Open, tmp_path: Path
) -> None:
    odd = '"><img src=x onerror=alert(1)>'
    claims = {
        "t": Claim("t", "Thesis\u2028with a line separator\u2029and a paragraph separator"),
        odd: Claim(odd, SCRIPT_END, title="</script>"),
    }
    debate = Debate(claims=claims, edges=(Edge(odd, "t", Relation.ATTACK),), thesis="t")
    visit = open_page(write_page(tmp_path, "odd.html", debate))
    assert (
        visit.js(
            "id => document.getElementById('claim-' + id).querySelector('.title').textContent", odd
        )
        == "</script>"
    )
    assert (
        visit.js("document.getElementById('claim-t').querySelector('.title').textContent")
        == claims["t"].text
    )
    found = visit.js(CHECK)
    assert (
        found["pwned"] is None
        and found["foreign"] == 0
        and visit.dialogs == []
        and visit.errors == []
    )


PERSPECTIVE = {
    "title": SCRIPT_END,
    "summary": IMG,
    "by": "<b onmouseover=\"window.__pwned = 'by'\">Mallory</b>",
    "weights": {"evil": 0.9, "long": 0.1},
}


@pytest.fixture
def hostile_weighed(make_debate: MakeDebate, tmp_path: Path) -> Path:
    """The hostile debate with a hostile perspective, exported as `agidebate export` does:
    every perspective under every semantics, and the overview map."""
    folder = make_debate(
        {
            "debate.yaml": yaml.safe_dump(DEBATE, allow_unicode=True, sort_keys=False),
            "hostile.yaml": yaml.safe_dump(TOPIC, allow_unicode=True, sort_keys=False),
            "perspectives/mallory.yaml": yaml.safe_dump(PERSPECTIVE, allow_unicode=True),
        }
    )
    debate = load_debate(folder)
    return write_page(tmp_path, "weighed.html", debate, cli_options(debate, folder))


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "without-csp"])
def test_hostile_text_stays_text_in_the_overview_and_under_every_perspective(
    open_page: Open, hostile_weighed: Path, bypass_csp: bool
) -> None:
    visit = open_page(hostile_weighed, bypass_csp=bypass_csp)
    page = visit.page
    assert_inert(visit)
    # The overview draws every claim; its texts are the payloads, as text.
    assert visit.js("document.querySelectorAll('#overview-svg [data-claim]').length") == 3
    page.locator("#overview").scroll_into_view_if_needed()
    page.mouse.move(*visit.js(CENTROID, "evil"))
    page.wait_for_selector("#overview-tip:not([hidden])")
    assert page.text_content("#overview-tip strong") == "▲ " + IMG
    region = visit.js(
        "[...document.querySelectorAll('#overview-svg textPath')].map(t => t.textContent)"
    )
    assert region and all(SVG.startswith(text.rstrip("…")) for text in region)
    page.click("#cross-links")
    assert_inert(visit)
    names = visit.js(
        "[...document.querySelectorAll('#perspective option')].map(o => o.textContent)"
    )
    assert f"{SCRIPT_END} (mallory)" in names
    for perspective in visit.js(
        "[...document.querySelectorAll('#perspective option')].map(o => o.value)"
    ):
        for semantics in visit.js(
            "[...document.querySelectorAll('#semantics option')].map(o => o.value)"
        ):
            page.select_option("#perspective", perspective)
            page.select_option("#semantics", semantics)
            assert page.get_attribute("#verdict", "data-value") is not None
            assert_inert(visit)
    page.select_option("#perspective", "mallory")
    page.click("#verdict-about summary")
    assert page.text_content("#verdict-summary") == IMG
    assert SCRIPT_END in (page.text_content("#verdict-about summary") or "")
    page.select_option("#language", "zh")  # relabels the overview from the translations
    page.locator("#overview").scroll_into_view_if_needed()
    page.mouse.move(0, 0)
    page.mouse.move(*visit.js(CENTROID, "evil"))
    assert page.text_content("#overview-tip strong") == "▲ " + SCRIPT_END
    assert_inert(visit)
