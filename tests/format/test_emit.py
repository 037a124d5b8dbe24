"""format/emit: the one YAML emitter; any text it writes reads back exactly."""

from __future__ import annotations

from agidebate.format import nodes
from agidebate.format.emit import block_value, flow_mapping, flow_value, quote


def test_quote() -> None:
    assert quote('a"b\\c\n') == '"a\\"b\\\\c\\n"'
    assert quote("\x07\u2028") == '"\\x07\\u2028"'


def test_flow_mapping_leaves_out_missing_values_and_quotes_text() -> None:
    assert flow_mapping((("title", "A: b"), ("year", 2024), ("note", None))) == (
        '{title: "A: b", year: 2024}'
    )


def test_natural_style_falls_back_to_quoting_what_would_not_read_back() -> None:
    assert block_value("plain words", 80) == ["plain words"]
    assert block_value("no", 80) == ["'no'"]  # a YAML 1.1 boolean: never left plain
    for value in ("a, b", "no", "[x]", "#not a comment", "tab\there", "\u2028"):
        root = nodes.read("[" + flow_value(value) + "]\n", "<test>").root
        assert isinstance(root, nodes.YSeq)
        item = root.items[0]
        assert isinstance(item, nodes.YScalar) and item.value == value
