"""Line layout: wrapping beside prefixes, wide characters, long words, no trailing spaces."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from agidebate.render import theme
from agidebate.render.lines import Block, Para, labelled, paragraph
from tests.render.helpers import SGR, assert_plain_layout, draw


def test_text_wraps_at_spaces_under_a_hanging_prefix() -> None:
    body = Text("one two three four five six seven eight nine ten")
    output = draw(Block([Para("- ", "  ", body)]), width=20)
    assert output.splitlines() == ["- one two three four", "  five six seven", "  eight nine ten"]


def test_a_tail_shares_the_line_when_it_fits_and_moves_down_when_not() -> None:
    para = Para("", "  ", Text("A title"), Text("id · author"))
    assert draw(Block([para]), width=40) == "A title  id · author\n"
    assert draw(Block([para]), width=12).splitlines() == ["A title", "  id ·", "  author"]


def test_wide_characters_count_as_two_columns_and_fold_without_spaces() -> None:
    output = draw(paragraph(Text("数据差距高达十万倍" * 3)), width=10)
    lines = output.splitlines()
    assert all(cell_len(line) <= 10 for line in lines)
    assert "".join(lines) == "数据差距高达十万倍" * 3


def test_chinese_text_keeps_numbers_and_latin_words_whole_and_punctuation_attached() -> None:
    text = "到2040年将造出能自动完成大部分认知工作的AGI。在GPT-4之后，规模继续扩大。"
    for width in range(8, 30):
        lines = draw(paragraph(Text(text)), width=width).splitlines()
        assert "".join(lines) == text and all(cell_len(line) <= width for line in lines)
        assert not any(a[-1:].isdigit() and b[:1].isdigit() for a, b in itertools.pairwise(lines))
        assert not any(line.startswith(("。", "，", "I", "4")) for line in lines), lines


def test_a_word_longer_than_the_line_is_cut_and_nothing_is_lost() -> None:
    url = "https://example.org/" + "x" * 70
    output = draw(Block([Para("  ", "  ", Text(f"see {url} now"))]), width=30)
    assert_plain_layout(output, 30)
    assert "".join(output.split()) == f"see{url}now"


def test_line_breaks_in_the_text_are_kept() -> None:
    output = draw(paragraph(Text("first\n\nthird")), width=30)
    assert output.splitlines() == ["first", "", "third"]


def test_labels_line_up_and_text_hangs_past_them() -> None:
    block = labelled([("id", Text("dw-01")), ("sources", Text("[1] [2]"))], indent="  ")
    assert draw(block).splitlines() == ["  id      dw-01", "  sources [1] [2]"]


def test_styles_survive_wrapping_and_spans_may_overlap() -> None:
    text = Text("alpha beta gamma", style=theme.META)
    text.stylize(theme.PRO, 0, 10)
    text.stylize(theme.MATCH, 6, 16)
    output = draw(paragraph(text), width=11, color=True)
    assert SGR.sub("", output) == "alpha beta\ngamma\n"
    assert output.count("\x1b[") >= 4  # the pro span, the overlap, the match span, the base


words = st.lists(
    st.text(alphabet=st.sampled_from("ab 数x-\n12。，“”（%"), min_size=1, max_size=24), max_size=30
)


@settings(max_examples=200, deadline=None)
@given(words, st.integers(min_value=18, max_value=60))
def test_any_text_fits_its_width_and_keeps_every_visible_character(
    parts: list[str], width: int
) -> None:
    body = " ".join(parts)
    output = draw(Block([Para("│  ├─ ", "│  │  ", Text(body))]), width=width)
    assert_plain_layout(output, width)
    kept = "".join(line[6:] for line in output.splitlines()).replace(" ", "")
    assert kept == body.replace(" ", "").replace("\n", "")
