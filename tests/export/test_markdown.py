"""Markdown export: renders as a document, and claim text never becomes markup or HTML."""

from __future__ import annotations

import re
from html import unescape

from markdown_it import MarkdownIt

from agidebate.export._outline import one_line
from agidebate.export.to_markdown import escape, paragraph
from tests.export.conftest import HOSTILE, SCORES, SMALL, exported, loaded


def render(text: str) -> str:
    html: str = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)
    return html


def test_every_claim_has_an_anchor_and_scores_show() -> None:
    text = exported(SMALL, "markdown", SCORES)
    for claim_id in loaded(SMALL).claims:
        assert f'<a id="{claim_id}"></a>' in text
    assert "score 0.72" in text and "[\\[1\\]](#source-1)" in text


def test_hostile_text_stays_text() -> None:
    html = render(exported(HOSTILE, "markdown"))
    assert "<script" not in html and "<b>" not in html
    assert 'href="javascript' not in html
    assert "**stars**" in html and "<em>stars" not in html and "<strong>stars" not in html
    assert "<table" not in html and "<del>" not in html and "<code>" not in html
    assert "<h1>Hostile | *debate* # &lt;script&gt;alert(1)&lt;/script&gt;" in html
    plain = unescape(re.sub(r"<[^>]+>", "", html))
    for claim in loaded(HOSTILE):
        assert one_line(claim.text).split("\\")[0][:30] in " ".join(plain.split())


def test_headings_and_lists_cannot_be_opened_by_text() -> None:
    html = render(exported(HOSTILE, "markdown"))
    assert html.count("<h1>") == 1 and '<ol start="1986">' not in html
    assert "<p>- starts like a list" in html


def test_escape_functions() -> None:
    assert escape("a|b*c_d`e[f](g)<h>&#") == "a\\|b\\*c\\_d\\`e\\[f\\](g)&lt;h&gt;&amp;\\#"
    assert paragraph("# heading") == "\\# heading"
    assert paragraph("- item") == "\\- item" and paragraph("2) two") == "2\\) two"


def test_lang_picks_translations() -> None:
    from agidebate.export import ExportOptions, export

    text = export(loaded(SMALL), "markdown", ExportOptions(lang="zh"))
    assert isinstance(text, str) and "保护性车道减少受伤" in text
