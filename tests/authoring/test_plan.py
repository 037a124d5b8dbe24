"""The insertion planner, shape by shape: the exact text it produces, and when it refuses."""

from __future__ import annotations

import pytest

from agidebate.authoring import UnsafeEdit
from agidebate.authoring._plan import learn_layout, plan_nested, plan_top_level
from agidebate.format.emit import Field, Layout
from agidebate.format.spans import read_spans

NEW = [Field("id", "new"), Field("text", "New text.")]
TOP = [Field("id", "new"), Field("text", "New text."), Field("attacks", "a")]


def nested(text: str, target: str = "a", key: str = "con", debate_file: bool = False) -> str:
    new_text, _, _ = plan_nested(text, target, key, NEW, debate_file).apply(text)
    return new_text


def top(text: str) -> str:
    new_text, _, _ = plan_top_level(text, TOP).apply(text)
    return new_text


def test_appends_to_a_block_list_after_the_last_item() -> None:
    text = "claims:\n  - id: a\n    text: A\n    con:\n      - id: b\n        text: B\n  - id: c\n    text: C\n"
    assert nested(text) == (
        "claims:\n  - id: a\n    text: A\n    con:\n      - id: b\n        text: B\n"
        "      - id: new\n        text: New text.\n"
        "  - id: c\n    text: C\n"
    )


def test_keeps_the_indentation_the_list_uses() -> None:
    text = "claims:\n- id: a\n  text: A\n  con:\n  -   id: b\n      text: B\n"
    assert nested(text) == text + "  -   id: new\n      text: New text.\n"


def test_a_new_list_follows_the_files_indentation() -> None:
    text = "claims:\n- id: a\n  text: A\n- id: c\n  text: C\n  pro:\n  - id: d\n    text: D\n"
    assert nested(text) == (
        "claims:\n- id: a\n  text: A\n  con:\n  - id: new\n    text: New text.\n"
        "- id: c\n  text: C\n  pro:\n  - id: d\n    text: D\n"
    )


def test_four_space_indentation() -> None:
    text = "claims:\n    -   id: a\n        text: A\n        con:\n            -   id: b\n                text: B\n"
    assert nested(text) == text + "            -   id: new\n                text: New text.\n"
    assert learn_layout(text, read_spans(text)) == Layout(seq_indent=4, item_offset=4)


def test_a_blank_line_between_items_is_repeated() -> None:
    text = "claims:\n  - id: a\n    text: A\n\n  - id: b\n    text: B\n"
    new_text, _, _ = plan_top_level(text, TOP).apply(text)
    assert new_text == text + "\n  - id: new\n    text: New text.\n    attacks: a\n"


def test_comments_indented_like_the_items_stay_with_the_last_item() -> None:
    text = (
        "claims:\n  - id: a\n    text: A\n    con:\n      - id: b\n        text: B  # why\n"
        "        # weight: 0.2 (commented out)\n\n# about the next claim\n  - id: c\n    text: C\n"
    )
    assert nested(text) == (
        "claims:\n  - id: a\n    text: A\n    con:\n      - id: b\n        text: B  # why\n"
        "        # weight: 0.2 (commented out)\n      - id: new\n        text: New text.\n"
        "\n# about the next claim\n  - id: c\n    text: C\n"
    )


def test_comments_at_the_end_of_the_file() -> None:
    text = "claims:\n  - id: a\n    text: A\n  # - id: maybe\n# the end\n"
    assert top(text) == (
        "claims:\n  - id: a\n    text: A\n  # - id: maybe\n"
        "  - id: new\n    text: New text.\n    attacks: a\n# the end\n"
    )


def test_a_claim_without_a_con_list_gets_one_after_its_last_field() -> None:
    text = "claims:\n  - id: a\n    text: A\n    tags: [x]   # tags\n\n  - id: b\n    text: B\n"
    assert nested(text) == (
        "claims:\n  - id: a\n    text: A\n    tags: [x]   # tags\n"
        "    con:\n      - id: new\n        text: New text.\n\n  - id: b\n    text: B\n"
    )


def test_an_empty_con_key_gets_the_list_on_the_next_line() -> None:
    text = "claims:\n  - id: a\n    con:    # none yet\n    text: A\n"
    assert nested(text) == (
        "claims:\n  - id: a\n    con:    # none yet\n      - id: new\n        text: New text.\n"
        "    text: A\n"
    )


def test_flow_list_on_one_line() -> None:
    text = "claims:\n  - id: a\n    text: A\n    con: [{id: b, text: B}]  # flow\n"
    assert nested(text) == (
        "claims:\n  - id: a\n    text: A\n"
        "    con: [{id: b, text: B}, {id: new, text: New text.}]  # flow\n"
    )


def test_flow_list_over_several_lines_gets_a_line_of_its_own() -> None:
    text = "claims:\n  - id: a\n    text: A\n    con: [\n      {id: b, text: B},\n    ]\n"
    assert nested(text) == (
        "claims:\n  - id: a\n    text: A\n    con: [\n      {id: b, text: B},\n"
        "      {id: new, text: New text.},\n    ]\n"
    )


def test_a_flow_mapping_claim_gets_a_flow_list() -> None:
    text = "claims:\n  - {id: a, text: A}\n"
    assert nested(text) == "claims:\n  - {id: a, text: A, con: [{id: new, text: New text.}]}\n"


def test_empty_brackets_in_a_flow_mapping_are_filled() -> None:
    text = "claims:\n  - {id: a, text: A, con: []}\n"
    assert nested(text) == "claims:\n  - {id: a, text: A, con: [{id: new, text: New text.}]}\n"


def test_empty_brackets_after_a_block_key_become_a_block_list() -> None:
    assert top("topic: t\nclaims: []\n# end\n") == (
        "topic: t\nclaims:\n  - id: new\n    text: New text.\n    attacks: a\n# end\n"
    )
    assert top("claims: []   # none yet\n") == (
        "claims:    # none yet\n  - id: new\n    text: New text.\n    attacks: a\n"
    )


def test_crlf_files_get_crlf_lines() -> None:
    text = "claims:\r\n  - id: a\r\n    text: A\r\n"
    assert nested(text) == text + "    con:\r\n      - id: new\r\n        text: New text.\r\n"


def test_a_file_without_a_final_newline_keeps_having_none() -> None:
    text = "claims:\n  - id: a\n    text: A"
    assert nested(text) == text + "\n    con:\n      - id: new\n        text: New text."
    assert top("# only a comment") == (
        "# only a comment\nclaims:\n  - id: new\n    text: New text.\n    attacks: a"
    )


def test_block_scalars_keep_their_value() -> None:
    text = (
        "claims:\n  - id: a\n    text: >-\n      A long\n      text.\n\n\n  - id: b\n    text: B\n"
    )
    assert nested(text) == (
        "claims:\n  - id: a\n    text: >-\n      A long\n      text.\n"
        "    con:\n      - id: new\n        text: New text.\n\n\n  - id: b\n    text: B\n"
    )
    keep = "claims:\n  - id: a\n    text: |+\n      kept\n\n  - id: b\n    text: B\n"
    assert nested(keep) == (
        "claims:\n  - id: a\n    text: |+\n      kept\n\n"
        "    con:\n      - id: new\n        text: New text.\n  - id: b\n    text: B\n"
    )


def test_the_thesis_in_debate_yaml() -> None:
    text = "title: T\nthesis:\n  text: The thesis.\n# end\n"
    assert nested(text, "thesis", "pro", debate_file=True) == (
        "title: T\nthesis:\n  text: The thesis.\n  pro:\n    - id: new\n      text: New text.\n# end\n"
    )


def test_an_empty_or_comment_only_file_gets_a_claims_list() -> None:
    assert top("") == "claims:\n  - id: new\n    text: New text.\n    attacks: a\n"
    assert (
        top("topic: t\n") == "topic: t\nclaims:\n  - id: new\n    text: New text.\n    attacks: a\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("claims:\n  - &x {id: a, text: A}\n", "anchor"),
        ("claims:\n  - id: a\n    text: A\n    con: ~\n", "not a list"),
        ("claims:\r  - id: a\r    text: A\r", "lone CR"),
        ("claims:\n  - id: b\n    text: B\n", "cannot find where claim 'a' is written"),
    ],
)
def test_refuses_shapes_it_cannot_edit_safely(text: str, message: str) -> None:
    with pytest.raises(UnsafeEdit, match=message) as caught:
        nested(text)
    assert caught.value.hint is not None and "--file" in caught.value.hint


def test_a_top_level_list_file_is_refused() -> None:
    with pytest.raises(UnsafeEdit, match="not a mapping"):
        top("- id: a\n  text: A\n")
