"""The rich-free queries behind the listings: search, paths, stats, citations, filters."""

from __future__ import annotations

import pytest

from agidebate.errors import UsageError
from agidebate.format.load import load_debate
from agidebate.model import Claim, Side, Source, Topic
from agidebate.query.citations import SourceIndex, cited_works
from agidebate.query.filters import ClaimFilter, select
from agidebate.query.paths import claim_path
from agidebate.query.search import search
from agidebate.query.stats import debate_stats
from agidebate.text import localized, natural_key
from tests.conftest import BUNDLED, DATA
from tests.render.helpers import debate_of


def test_search_needs_every_word_and_ranks_names_first() -> None:
    debate = debate_of(
        [("a", "-", "t"), ("b", "-", "a"), ("c", "+", "t")],
        a=Claim("a", "Models run out of text.", title="Data runs out"),
        b=Claim("b", "The data wall is near.", title="Soon", tags=("wall",)),
        c=Claim("c", "Nothing here about data."),
    )
    hits = search(debate, "DATA wall")
    assert [h.claim_id for h in hits] == ["b"]
    hits = search(debate, "data")
    assert [h.claim_id for h in hits] == ["a", "c", "b"]  # a's title holds the word; c is higher
    assert hits[1].snippet == ("text", "Nothing here about data.")
    assert search(debate, "   ") == []


def test_search_finds_the_data_wall_argument_by_its_topic_name() -> None:
    hits = search(load_debate(BUNDLED), "data wall")
    assert hits[0].claim_id == "dw-01"
    assert "topic" in hits[0].fields


def test_search_looks_in_sources_translations_and_authors() -> None:
    work = Source(title="Chinchilla", author="Hoffmann")
    debate = debate_of(
        [("a", "-", "t")],
        a=Claim("a", "Text.", by="Ann Lee", sources=(work,), i18n={"zh": {"title": "数据"}}),
    )
    for word in ("chinchilla", "hoffmann", "数据", "lee"):
        assert [h.claim_id for h in search(debate, word)] == ["a"], word


def test_a_path_explains_the_side_step_by_step() -> None:
    debate = debate_of([("a", "-", "t"), ("c", "+", "t"), ("b", "-", "a"), ("b", "+", "c")])
    chain = claim_path(debate, "b")
    assert [(e.source, e.target) for e in chain.steps] == [("b", "a"), ("a", "t")]
    assert chain.side is Side.PRO
    assert (
        chain.because() == "b counts for the thesis: it attacks a, which counts against the thesis."
    )
    assert [e.target for e in chain.other_relations] == ["c"]
    assert not chain.both_sides


def test_a_path_notices_a_claim_on_both_sides() -> None:
    debate = debate_of([("a", "-", "t"), ("b", "+", "a"), ("b", "+", "t")])
    chain = claim_path(debate, "b")
    assert chain.both_sides
    assert claim_path(debate, "t").because() == "t is the thesis."


def test_a_path_from_a_stray_claim_stops_where_the_chain_ends() -> None:
    debate = debate_of([("a", "-", "t"), ("x", "-", "y"), ("y", "-", "x")])
    chain = claim_path(debate, "x")
    assert not chain.reaches_root
    assert [(e.source, e.target) for e in chain.steps] == [("x", "y"), ("y", "x")]
    assert "does not reach the thesis" in chain.because()


def test_stats_count_topics_sides_depth_and_loose_ends() -> None:
    stats = debate_stats(load_debate(DATA / "reading" / "tangled"))
    assert (stats.claims, stats.relations) == (10, 13)
    assert stats.unreachable == ("orphan-a", "orphan-b")
    assert stats.max_depth == 3
    assert stats.several_targets == 4  # loop-b, both-ways, d3, and the cycle's loop-a
    assert [(t.id, t.claims, t.pro, t.con) for t in stats.topics] == [("tangled", 9, 3, 4)]


def test_citations_are_numbered_once_and_listed_most_cited_first() -> None:
    one, two = Source(title="One", url="https://example.org/1"), Source(title="Two")
    debate = debate_of(
        [("a", "-", "t"), ("b", "-", "a")],
        a=Claim("a", "A.", sources=(two, one)),
        b=Claim("b", "B.", sources=(one, Source(title="One", url="https://example.org/1"))),
    )
    index = SourceIndex()
    assert index.numbers(debate.claims["a"]) == [1, 2]
    assert index.numbers(debate.claims["b"]) == [2]
    assert [(w.source.title, w.cited_by) for w in cited_works(debate)] == [
        ("One", ["a", "b"]),
        ("Two", ["a"]),
    ]


def test_filters_combine_and_reject_unknown_topics() -> None:
    debate = debate_of(
        [("a", "-", "t"), ("b", "-", "a")],
        a=Claim("a", "A.", by="Dwarkesh Patel (Skeptic)", tags=("Data",), topic="x"),
        b=Claim("b", "B.", by="Dwarkesh Patel (Believer)", topic="x"),
    )
    debate = type(debate)(
        claims=debate.claims, edges=debate.edges, thesis="t", topics={"x": Topic("x")}
    )
    assert [c.id for c in select(debate, ClaimFilter(by="skeptic", tag="data"))] == ["a"]
    assert [c.id for c in select(debate, ClaimFilter(topic="x", side="pro"))] == ["b"]
    with pytest.raises(UsageError, match="no topic 'y'"):
        ClaimFilter(topic="y").validate(debate)


def test_titles_fall_back_to_the_original_and_ids_sort_naturally() -> None:
    claim = Claim("a", "Only text", i18n={"zh": {"text": "只有正文"}})
    assert localized(claim, "zh") == ("只有正文", False)
    assert localized(claim, "en") == ("Only text", False)
    assert localized(Claim("b", "T", title="Title"), "zh", "text") == ("T", True)
    assert sorted(["se-10", "se-2", "dw-1"], key=natural_key) == ["dw-1", "se-2", "se-10"]
