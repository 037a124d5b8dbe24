"""The YAML reader: libyaml composes, one walker checks; the fast walk and the exact walk agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from agidebate.format import compose, nodes, walk
from agidebate.format.spans import read_spans
from bench.generate import generate
from tests.conftest import BUNDLED

pytestmark = pytest.mark.skipif(not compose.c_available(), reason="needs PyYAML's C extension")


def shape(node: nodes.YNode | None) -> object:
    """A comparable picture of a positioned tree: kinds, texts, tags and positions."""
    if node is None:
        return None
    where = (node.start_mark.index, node.end_mark.index)
    if isinstance(node, nodes.YMap):
        keys = [(k, nodes.line_column(v), v.tag) for k, v in node.keys.items()]
        return ("map", where, node.flow, keys, [shape(v) for v in node.items.values()])
    if isinstance(node, nodes.YSeq):
        return ("seq", where, node.flow, [shape(v) for v in node.items])
    return ("scalar", where, node.value, node.tag, node.style or "")


def sample_texts() -> list[str]:
    files, _ = generate(400, 6, 25, seed=3)
    wide, _ = generate(400, 6, 25, seed=3, shape="wide")
    bundled = [p.read_text(encoding="utf-8") for p in sorted(BUNDLED.rglob("*.yaml"))]
    return [*files.values(), *wide.values(), *bundled]


@pytest.mark.parametrize("text", sample_texts())
def test_clean_files_are_composed_in_c_and_walked_fast(text: str) -> None:
    composed = compose.compose(text, "f.yaml", use_c=True)
    assert composed.in_c and composed.root is not None
    fast = walk._fast(composed.root)
    assert fast is not None, "a clean file left the fast path"
    exact, problems = walk._Exact(text, "f.yaml", surrogates=False).run(composed.root)
    assert problems == [] and shape(fast) == shape(exact)


@pytest.mark.parametrize("text", sample_texts()[:4])
def test_the_c_and_the_pure_composers_build_the_same_tree(text: str) -> None:
    in_c = compose.compose(text, "f.yaml", use_c=True)
    pure = compose.compose(text, "f.yaml", use_c=False)
    assert in_c.in_c and not pure.in_c
    assert pure.root is not None and in_c.root is not None
    one, _ = walk.walk(in_c.root, text, "f.yaml", in_c=True)
    other, _ = walk.walk(pure.root, text, "f.yaml", in_c=False)
    assert shape(one) == shape(other)


@pytest.mark.parametrize("depth", [nodes.MAX_DEPTH - 1, nodes.MAX_DEPTH, 100_000])
def test_libyaml_never_recurses_past_the_depth_limit(depth: int) -> None:
    """libyaml's composer recurses in C: past the limit it must stop, not overflow the stack."""
    text = "[" * depth + "]" * depth + "\n"
    result = nodes.read(text, "deep.yaml")
    if depth <= nodes.MAX_DEPTH:
        assert result.root is not None and result.problems == []
    else:
        assert [p.code for p in result.problems] == ["too-deep"]
        assert result.problems[0].location is not None
        assert (result.problems[0].location.line, result.problems[0].location.column) == (
            1,
            nodes.MAX_DEPTH + 1,
        )


def test_an_alias_is_the_anchored_node_walked_once() -> None:
    text = "a: &x {k: [1, 2]}\nb: *x\nc: [*x, *x]\n"
    result = nodes.read(text, "f.yaml")
    root = result.root
    assert isinstance(root, nodes.YMap) and result.problems == []
    c = root.items["c"]
    assert isinstance(c, nodes.YSeq)
    assert root.items["a"] is root.items["b"] is c.items[0] is c.items[1]


def test_aliases_are_counted_by_the_size_they_repeat() -> None:
    """Each alias of a list of 1,000 values adds 1,001; about a thousand pass the limit."""
    lines = ["a: &a [" + ", ".join(["x"] * 1000) + "]", "b: [" + ", ".join(["*a"] * 1200) + "]"]
    text = "\n".join(lines) + "\n"
    result = nodes.read(text, "f.yaml")
    (problem,) = result.problems
    assert problem.code == "yaml-alias" and "expand" in problem.message
    assert problem.location is not None
    # 1,005 values before the first alias (the mapping, two keys, the list of 1,000 and
    # the list of aliases), then 1,001 per alias: the 998th passes 1,000,000.
    column = len("b: [") + 1 + 4 * 997
    assert (problem.location.line, problem.location.column) == (2, column)


def test_without_aliases_a_large_file_is_never_an_alias_bomb() -> None:
    text = "items:\n" + "".join(f"  - [{i}, {i}]\n" for i in range(200_000))
    result = nodes.read(text, "big.yaml")
    assert result.problems == [] and isinstance(result.root, nodes.YMap)


def test_the_non_specific_tag_keeps_a_value_as_text() -> None:
    result = nodes.read("a: ! 0.5\nb: 0.5\nc: &n ! yes\n", "f.yaml")
    root = result.root
    assert isinstance(root, nodes.YMap)
    plain = {k: nodes.is_plain(v) for k, v in root.items.items() if isinstance(v, nodes.YScalar)}
    assert plain == {"a": False, "b": True, "c": False}


def test_spans_of_aliases_are_where_they_are_written() -> None:
    text = "a: &x [1, 2]\nb: *x\nc:\n  - d\n  - *x  # the same list\n"
    root = read_spans(text)
    assert root is not None
    kinds = [(span.kind, text[span.start : span.end]) for span in root.items]
    assert kinds == [("seq", "&x [1, 2]"), ("alias", "*x"), ("seq", "- d\n  - *x")]
    assert root.items[0].anchor == "x" and root.items[2].items[1].kind == "alias"


def test_spans_use_character_indexes_with_wide_characters(tmp_path: Path) -> None:
    text = "title: 数据 🚀\r\nclaims:\r\n  - id: a\r\n    text: é\r\n"
    root = read_spans(text)
    assert root is not None
    claims = root.get("claims")
    assert claims is not None
    item = claims[1].items[0]
    assert text[item.start : item.end] == "id: a\r\n    text: é"
