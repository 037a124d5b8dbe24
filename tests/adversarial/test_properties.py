"""Property-based fuzzing of the loader: random YAML-ish bytes never crash it, and the
verdict never depends on whether PyYAML's C extension is installed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agidebate.export import export
from agidebate.format import compose
from agidebate.format.load import check_debate, parse_text

# Fragments that exercise YAML's syntax: structure, scalars of every style,
# anchors, tags, comments, directives, odd whitespace and odd characters.
FRAGMENTS = [
    "claims:",
    "\n",
    "\n  ",
    "\n    ",
    "- ",
    "id: ",
    "text: ",
    "title: ",
    "supports: ",
    "attacks: ",
    "pro:",
    "con:",
    "weight: ",
    "tags: ",
    "sources: ",
    "figures: ",
    "value: ",
    "i18n: ",
    "zh: ",
    "a",
    "b",
    "thesis",
    "0.5",
    "1e35",
    "no",
    "yes",
    "on",
    "~",
    "null",
    "12:30",
    "010",
    "0x1F",
    "2024-01-01",
    ".nan",
    ".inf",
    "'",
    '"',
    "\\",
    "\\e",
    "\\u202e",
    "\\x07",
    "\\ud800",
    "[",
    "]",
    "{",
    "}",
    ",",
    ": ",
    "#",
    " #",
    "&x ",
    "*x",
    "&y ",
    "*y",
    "!!str ",
    "!!python/object ",
    "!x ",
    "<<: ",
    "---",
    "...",
    "%YAML 1.1",
    "|",
    ">",
    "|-",
    ">+",
    "?",
    "\t",
    "\r\n",
    " ",
    "é",
    "数据",
    "🚀",
    "\u2028",
    "\x00",
    "\x1b",
    "\ufeff",
]
documents = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
raw_bytes = st.binary(max_size=300)

FAST = settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def problems(text: bytes) -> list[str]:
    parsed = parse_text(text, "t.yaml", "t", False)
    assert all(p.location is not None for p in parsed.problems)
    return [str(p) for p in parsed.problems] + [repr(c) for c in parsed.claims]


@FAST
@given(documents)
def test_yaml_ish_text_never_crashes_and_c_and_pure_agree(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    with_c = problems(data)
    original = compose.c_available
    compose.c_available = lambda: False
    try:
        without_c = problems(data)
    finally:
        compose.c_available = original
    assert with_c == without_c


@FAST
@given(raw_bytes)
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    problems(data)


@st.composite
def debates(draw: st.DrawFn) -> dict[str, str]:
    """A random but well-formed debate: claims with random relations, weights and texts."""
    count = draw(st.integers(1, 5))
    names = ["a", "b", "c", "d", "e"][:count]
    lines = ["claims:"]
    for name in names:
        text = draw(st.text(min_size=1, max_size=30).filter(lambda s: s.strip()))
        lines.append(f"  - id: {name}")
        lines.append(f"    text: {json.dumps(text)}")
        lines.append(f"    weight: {draw(st.integers(0, 10)) / 10}")
        others = [t for t in ["thesis", *names] if t != name]
        targets = draw(st.lists(st.sampled_from(others), max_size=3, unique=True))
        if targets:
            relation = draw(st.sampled_from(["supports", "attacks"]))
            lines.append(f"    {relation}: [{', '.join(targets)}]")
    return {"debate.yaml": "thesis:\n  text: T\n", "t.yaml": "\n".join(lines) + "\n"}


@FAST
@given(debates())
def test_random_debates_load_deterministically_and_export_parses(
    tmp_path_factory: pytest.TempPathFactory, files: dict[str, str]
) -> None:
    folder = tmp_path_factory.mktemp("debate")
    for name, content in files.items():
        (Path(folder) / name).write_text(content, encoding="utf-8")
    first, second = check_debate(folder), check_debate(folder)
    assert [str(p) for p in first.problems] == [str(p) for p in second.problems]
    assert first.ok and first.debate is not None and second.debate is not None
    exported = export(first.debate, "json")
    assert exported == export(second.debate, "json")
    assert {c["id"] for c in json.loads(exported)["claims"]} == set(first.debate.claims)


hostile_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40
).filter(lambda s: s.strip())


@st.composite
def hostile_debates(draw: st.DrawFn) -> dict[str, str]:
    """Random trees of claims whose titles, texts and authors hold any characters at all."""
    count = draw(st.integers(1, 6))
    lines = ["claims:"]
    for index in range(count):
        parent = "thesis" if index == 0 else f"c{draw(st.integers(0, index - 1))}"
        relation = draw(st.sampled_from(["supports", "attacks"]))
        lines += [
            f"  - id: c{index}",
            f"    title: {json.dumps(draw(hostile_text))}",
            f"    text: {json.dumps(draw(hostile_text))}",
            f"    by: {json.dumps(draw(hostile_text))}",
            f"    {relation}: {parent}",
        ]
    return {"debate.yaml": "thesis:\n  text: T\n", "t.yaml": "\n".join(lines) + "\n"}


def _flat(text: str) -> str:
    from agidebate.text import inert

    return " ".join(inert(text).split())


EXPORT_SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


@EXPORT_SETTINGS
@given(hostile_debates())
def test_every_export_of_a_hostile_debate_parses_back(
    tmp_path_factory: pytest.TempPathFactory, files: dict[str, str]
) -> None:
    import io
    import re

    import networkx as nx

    from agidebate.importers import IMPORTERS

    folder = tmp_path_factory.mktemp("hostile")
    for name, content in files.items():
        (Path(folder) / name).write_text(content, encoding="utf-8")
    report = check_debate(folder)
    assert report.ok and report.debate is not None, [str(p) for p in report.problems]
    debate = report.debate
    claims, relations = len(debate), len(debate.edges)

    assert len(json.loads(export(debate, "json"))["claims"]) == claims
    graph = nx.read_graphml(io.StringIO(str(export(debate, "graphml"))))
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (claims, relations)
    aif = json.loads(export(debate, "aif"))
    assert sum(n["type"] == "I" for n in aif["nodes"]) == claims
    for fmt in ("argdown", "kialo", "json"):
        back = IMPORTERS[fmt].load()(str(export(debate, fmt)), "t").debate
        assert (len(back), len(back.edges)) == (claims, relations), fmt
        if fmt == "kialo":  # shows control characters as visible escapes, may join lines
            assert sorted(map(_flat, (c.text for c in back))) == sorted(
                map(_flat, (c.text for c in debate))
            ), fmt
        else:  # argdown and json give every claim back as it was
            assert {c.id: (c.title, c.text, c.tags) for c in back} == {
                c.id: (c.title, c.text, c.tags) for c in debate
            }, fmt
    page = str(export(debate, "html"))
    data = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S)
    assert data is not None and "<" not in data.group(1)
    assert len(json.loads(data.group(1))["claims"]) >= claims - 1
