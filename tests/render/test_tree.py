"""Drawing the `show` view: the lines a reader sees, at any width, with any text."""

from __future__ import annotations

import pytest

from agidebate.format.load import load_debate
from agidebate.model import Claim
from agidebate.query.outline import RowKind, build_outline
from agidebate.render.show import show_view
from agidebate.render.theme import ASCII, UNICODE
from agidebate.render.tree import NodeStyle
from tests.conftest import BUNDLED, DATA
from tests.render.helpers import BIKE, assert_inert, assert_plain_layout, debate_of, draw


def tree_lines(output: str) -> list[str]:
    """The first line of each node of the tree (the ones with a connector)."""
    connectors = ("├─ ", "└─ ", "|- ", "`- ")
    return [line for line in output.splitlines() if any(c in line for c in connectors)]


def test_the_tree_reads_as_sides_titles_and_facts() -> None:
    debate = debate_of(BIKE, injuries=Claim("injuries", "Text.", title="Fewer injuries", by="Ann"))
    output = draw(show_view(debate, build_outline(debate), NodeStyle(), UNICODE))
    assert tree_lines(output) == [
        "├─ ▼ con Title parking  parking",
        "└─ ▲ pro Fewer injuries  injuries · Ann",
        "   ├─ ▼ con Title few  few",
        "   │  └─ ▲ pro Title latent  ↻ see latent below",
        "   └─ ▲ pro Title latent  latent",
    ]


def test_without_unicode_the_same_tree_is_drawn_in_ascii() -> None:
    debate = debate_of(BIKE)
    output = draw(show_view(debate, build_outline(debate), NodeStyle(), ASCII))
    assert tree_lines(output) == [
        "|- - con Title parking  parking",
        "`- + pro Title injuries  injuries",
        "   |- - con Title few  few",
        "   |  `- + pro Title latent  @ see latent below",
        "   `- + pro Title latent  latent",
    ]
    assert not any(ord(ch) > 127 for ch in output)


def test_a_collapsed_branch_names_the_command_that_opens_it() -> None:
    debate = debate_of(BIKE)
    style = NodeStyle(expand_command=lambda cid: f"agidebate show {cid} --dir x")
    output = draw(show_view(debate, build_outline(debate, depth=1), style, UNICODE))
    assert "   └─ +2 more (1 pro, 1 con): agidebate show injuries --dir x" in output
    assert "showing 1 of 2 levels (--all shows every level)" in output


def test_scores_and_sources_appear_once_each() -> None:
    from agidebate.model import Source

    work = Source(title="A study", author="Lee", year=2020, url="https://example.org/s")
    debate = debate_of(
        [("a", "-", "t"), ("b", "-", "a")],
        a=Claim("a", "T.", title="A", sources=(work,)),
        b=Claim("b", "T.", title="B", sources=(work,)),
    )
    output = draw(show_view(debate, build_outline(debate), NodeStyle(scores={"a": 0.25}), UNICODE))
    assert "├─" not in output and "└─ ▼ con A  a · 0.25 [1]" in output
    assert "   └─ ▲ pro B  b [1]" in output
    assert output.count("Lee, 2020: A study") == 1
    assert output.rstrip().endswith("[1] Lee, 2020: A study\n    https://example.org/s")


def test_a_missing_translation_falls_back_visibly() -> None:
    debate = debate_of(
        [("a", "-", "t"), ("b", "-", "t")],
        a=Claim("a", "T.", title="English", i18n={"zh": {"title": "中文"}}),
        b=Claim("b", "T.", title="Only English"),
    )
    output = draw(show_view(debate, build_outline(debate), NodeStyle(lang="zh"), UNICODE))
    assert "├─ ▼ con 中文  a" in output
    assert "└─ ▼ con Only English (en)  b" in output


@pytest.mark.parametrize("width", [40, 60, 80, 100, 120, 160])
def test_the_bundled_debate_fits_every_width(width: int) -> None:
    debate = load_debate(BUNDLED)
    for style in (NodeStyle(), NodeStyle(text=True, lang="zh")):
        output = draw(
            show_view(debate, build_outline(debate, expand_all=True), style, UNICODE), width
        )
        assert_plain_layout(output, width)
        assert len(tree_lines(output)) >= len(debate) - 1


def test_very_deep_trees_stop_indenting_and_show_the_level() -> None:
    relations = [("c0", "-", "t")] + [(f"c{i + 1}", "-", f"c{i}") for i in range(99)]
    debate = debate_of(relations)
    output = draw(
        show_view(debate, build_outline(debate, expand_all=True), NodeStyle(), UNICODE), 60
    )
    assert_plain_layout(output, 60)
    deepest = tree_lines(output)[-1]
    assert deepest.startswith("100… ") and deepest.endswith("└─ ▲ pro Title c99  c99")
    assert len(tree_lines(output)) == 100


def test_a_chain_ten_thousand_deep_draws_without_recursion() -> None:
    relations = [("c0", "-", "t")] + [(f"c{i + 1}", "-", f"c{i}") for i in range(9_999)]
    debate = debate_of(relations)
    output = draw(show_view(debate, build_outline(debate, expand_all=True), NodeStyle(), UNICODE))
    assert_plain_layout(output, 80)
    assert len(tree_lines(output)) == 10_000


def test_hostile_text_prints_literally_and_inert() -> None:
    debate = load_debate(DATA / "reading" / "hostile")
    for color in (False, True):
        style = NodeStyle(scores={}, text=True)
        output = draw(
            show_view(debate, build_outline(debate, "markup"), style, UNICODE), color=color
        )
        assert_inert(output)
        assert "[red]not red[/red] and [link=https://evil.example]click[/link]" in output
        assert "\\u202eRTL override\\u202c" in output
        output = draw(show_view(debate, build_outline(debate), NodeStyle(lang="zh"), UNICODE))
        assert "中文 \\x1b[5;7m标题" in output


def test_a_branch_holding_only_replies_shown_elsewhere_says_so() -> None:
    debate = debate_of([("a", "-", "t"), ("b", "+", "t"), ("x", "-", "a"), ("x", "+", "b")])
    output = draw(show_view(debate, build_outline(debate, depth=1), NodeStyle(), UNICODE))
    assert "│  └─ +1 more (1 pro): agidebate show a" in output
    assert "   └─ +1 claim placed under other claims: agidebate show b" in output
    assert "+0" not in output


def test_a_collapsed_branch_counts_what_show_id_lists() -> None:
    # y hangs under x, whose home is under a: b's branch holds x and y only by reference.
    edges = [("a", "-", "t"), ("b", "+", "t"), ("x", "-", "a"), ("x", "+", "b"), ("y", "-", "x")]
    edges += [("z", "+", "b")]
    debate = debate_of(edges)
    output = draw(show_view(debate, build_outline(debate, depth=1), NodeStyle(), UNICODE))
    assert "+1 more (1 pro) and 2 placed under other claims: agidebate show b" in output
    below_b = build_outline(debate, "b", expand_all=True).total - 1
    assert below_b == 1 + 2


def test_top_level_arguments_with_replies_are_set_apart() -> None:
    debate = debate_of([("a", "-", "t"), ("b", "+", "t"), ("c", "+", "t"), ("x", "-", "c")])
    lines = draw(show_view(debate, build_outline(debate), NodeStyle(), UNICODE)).splitlines()
    start = lines.index("├─ ▼ con Title a  a")
    assert lines[start : start + 5] == [
        "├─ ▼ con Title a  a",
        "├─ ▲ pro Title b  b",
        "│",
        "└─ ▲ pro Title c  c",
        "   └─ ▼ con Title x  x",
    ]


def test_a_claim_without_a_title_is_not_printed_twice() -> None:
    debate = debate_of([("a", "-", "t")], t=Claim("t", "Only a text"), a=Claim("a", "Also text"))
    output = draw(show_view(debate, build_outline(debate), NodeStyle(text=True), UNICODE))
    assert output.count("Only a text") == 1 and output.count("Also text") == 1
    lonely = debate_of([], t=Claim("t", "Alone"))
    output = draw(show_view(lonely, build_outline(lonely), NodeStyle(), UNICODE))
    assert output == "◆ thesis  Alone\n\nNo arguments yet.\n"


def test_without_a_thesis_each_root_heads_its_own_tree() -> None:
    debate = debate_of(
        [("a", "-", "r1"), ("b", "+", "r2"), ("x", "-", "y"), ("y", "-", "x")], thesis=None
    )
    lines = draw(show_view(debate, build_outline(debate), NodeStyle(), UNICODE)).splitlines()
    assert lines[0] == "No thesis: 2 separate trees, 4 claims"
    assert "counts for the root of its tree" in lines[1]
    start = lines.index("◆ Title r1  r1")
    assert lines[start : start + 5] == [
        "◆ Title r1  r1",
        "└─ ▼ con Title a  a",
        "",
        "◆ Title r2  r2",
        "└─ ▲ pro Title b  b",
    ]
    assert " ".join(lines[-2:]) == (
        "Not shown, as no chain leads from them to a root: x, y (agidebate show ID opens one)"
    )


def test_overlapping_branches_stop_counting_rather_than_go_quadratic() -> None:
    # Every one of 200 top-level claims leads into one shared chain of 300 claims:
    # counting each branch in full would walk the chain 200 times.
    chain = [(f"k{i + 1}", "+", f"k{i}") for i in range(1, 300)]
    edges = [(f"c{i}", "+", "t") for i in range(200)] + [("k1", "+", f"c{i}") for i in range(200)]
    debate = debate_of(edges + chain)
    rows = build_outline(debate, depth=1).rows
    counts = [r.hidden_refs for r in rows if r.kind is RowKind.MORE]
    assert counts[0] == 0 and 300 in counts  # the chain's home branch, then exact counts
    assert counts[-1] is None  # past the shared budget: not counted
    output = draw(show_view(debate, build_outline(debate, depth=1), NodeStyle(), UNICODE))
    assert "└─ +claims placed under other claims: agidebate show c199" in output


def test_a_branch_with_nothing_elsewhere_says_so_even_past_the_budget() -> None:
    chain = [(f"k{i + 1}", "+", f"k{i}") for i in range(1, 300)]
    edges = [(f"c{i}", "+", "t") for i in range(200)] + [("k1", "+", f"c{i}") for i in range(200)]
    edges += [(f"z{i}", "+", "t") for i in range(10)] + [(f"r{i}", "+", f"z{i}") for i in range(10)]
    debate = debate_of(edges + chain)
    rows = build_outline(debate, depth=1).rows
    refs = {r.claim_id: r.hidden_refs for r in rows if r.kind is RowKind.MORE}
    assert refs["c199"] is None and all(refs[f"z{i}"] == 0 for i in range(10))
