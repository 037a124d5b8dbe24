"""The outline: which claim goes where, shown once, collapsed where, for any graph shape."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from agidebate.model import Side
from agidebate.query.filters import ClaimFilter
from agidebate.query.outline import Row, RowKind, auto_depth, build_outline
from tests.render.helpers import BIKE, debate_of


def shape(rows: list[Row]) -> list[tuple[str, int, str]]:
    return [(r.claim_id, r.depth, r.kind.value) for r in rows]


def test_tree_shape_follows_the_relations_in_written_order() -> None:
    outline = build_outline(debate_of(BIKE))
    assert shape(outline.rows) == [
        ("t", 0, "claim"),
        ("parking", 1, "claim"),
        ("injuries", 1, "claim"),
        ("few", 2, "claim"),
        ("latent", 3, "ref"),
        ("latent", 2, "claim"),
    ]
    sides = {r.claim_id: r.side for r in outline.rows if r.kind is RowKind.CLAIM}
    assert sides == {
        "t": None,
        "parking": Side.CON,
        "injuries": Side.PRO,
        "few": Side.CON,
        "latent": Side.PRO,
    }
    assert [r.last for r in outline.rows] == [True, False, True, False, True, True]
    assert [r.has_children for r in outline.rows] == [True, False, True, True, False, False]


def test_a_claim_with_two_targets_is_shown_in_full_once_at_its_shortest_place() -> None:
    debate = debate_of([("a", "-", "t"), ("b", "+", "t"), ("x", "+", "a"), ("x", "-", "b")])
    rows = build_outline(debate).rows
    full = [r for r in rows if r.claim_id == "x" and r.kind is RowKind.CLAIM]
    refs = [r for r in rows if r.claim_id == "x" and r.kind is RowKind.REF]
    assert len(full) == 1 and len(refs) == 1
    assert full[0].depth == 2 and debate.parent_edge("x") is not None
    # Along each path the claim counts the way that path makes it count.
    assert full[0].side is Side.CON and refs[0].side is Side.CON


def test_a_cycle_renders_finitely_with_a_reference_back() -> None:
    debate = debate_of([("a", "-", "t"), ("b", "-", "a"), ("a", "-", "b")])
    assert shape(build_outline(debate, expand_all=True).rows) == [
        ("t", 0, "claim"),
        ("a", 1, "claim"),
        ("b", 2, "claim"),
        ("a", 3, "ref"),
    ]


def test_a_claim_that_is_its_own_ancestor_through_a_long_cycle() -> None:
    relations = [("c0", "-", "t")] + [(f"c{i + 1}", "-", f"c{i}") for i in range(50)]
    relations.append(("c0", "+", "c50"))
    rows = build_outline(debate_of(relations), expand_all=True).rows
    assert Counter(r.kind for r in rows) == {RowKind.CLAIM: 52, RowKind.REF: 1}


def test_a_lattice_prints_each_claim_once_not_each_path() -> None:
    # 40 layers of two claims, each attacking both claims of the layer above:
    # 2**40 paths from the bottom to the thesis, 80 claims, 158 relations.
    relations = [("l0a", "-", "t"), ("l0b", "-", "t")]
    for layer in range(1, 40):
        for mine in "ab":
            relations += [(f"l{layer}{mine}", "-", f"l{layer - 1}{up}") for up in "ab"]
    outline = build_outline(debate_of(relations), expand_all=True)
    kinds = Counter(r.kind for r in outline.rows)
    assert kinds[RowKind.CLAIM] == 81  # every claim and the thesis, once
    assert kinds[RowKind.REF] == len(relations) - 80  # every other relation, once
    assert max(r.depth for r in outline.rows) == 40


def test_a_chain_ten_thousand_deep_needs_no_recursion() -> None:
    relations = [("c0", "-", "t")] + [(f"c{i + 1}", "-", f"c{i}") for i in range(9_999)]
    outline = build_outline(debate_of(relations), expand_all=True)
    assert len(outline.rows) == 10_001
    assert outline.rows[-1].depth == 10_000
    assert outline.rows[-1].side is (Side.CON if 10_000 % 2 else Side.PRO)


def test_below_the_depth_limit_a_branch_collapses_into_a_count() -> None:
    debate = debate_of([*BIKE, ("more", "+", "few")])
    outline = build_outline(debate, depth=1)
    assert shape(outline.rows) == [
        ("t", 0, "claim"),
        ("parking", 1, "claim"),
        ("injuries", 1, "claim"),
        ("injuries", 2, "more"),
    ]
    more = outline.rows[-1]
    assert more.hidden == (1, 2)  # latent is pro; few and more are con
    assert outline.collapsed and outline.depth == 1 and outline.shown == 3


def test_a_collapsed_branch_counts_replies_shown_elsewhere() -> None:
    debate = debate_of([("a", "-", "t"), ("b", "+", "t"), ("x", "-", "a"), ("x", "+", "b")])
    rows = build_outline(debate, depth=1).rows
    more = {r.claim_id: r for r in rows if r.kind is RowKind.MORE}
    assert more["a"].hidden == (1, 0) and more["a"].hidden_refs == 0  # x rebuts a con: pro
    assert more["b"].hidden == (0, 0) and more["b"].hidden_refs == 1


def test_the_default_depth_keeps_the_view_within_its_budget() -> None:
    relations = [(f"a{i}", "-", "t") for i in range(10)]
    relations += [(f"b{i}", "+", f"a{i % 10}") for i in range(40)]
    relations += [(f"c{i}", "-", f"b{i % 40}") for i in range(80)]
    debate = debate_of(relations)
    assert build_outline(debate, budget=60).depth == 2
    assert build_outline(debate, budget=10).depth == 1
    assert build_outline(debate, budget=1000).depth is None
    assert not build_outline(debate, budget=1000).collapsed


def test_auto_depth_shows_at_least_one_level() -> None:
    assert auto_depth(Counter({0: 1, 1: 900}), budget=100) == 1
    assert auto_depth(Counter({0: 1}), budget=100) is None


def test_a_filter_keeps_matches_and_the_claims_leading_to_them() -> None:
    debate = debate_of(BIKE)
    outline = build_outline(debate, claim_filter=ClaimFilter(side="con"))
    assert shape(outline.rows) == [
        ("t", 0, "claim"),
        ("parking", 1, "claim"),
        ("injuries", 1, "claim"),
        ("few", 2, "claim"),
    ]
    context = {r.claim_id for r in outline.rows if r.context}
    assert context == {"t", "injuries"}
    assert outline.matched == 2


def test_a_filter_that_matches_nothing_gives_no_rows() -> None:
    outline = build_outline(debate_of(BIKE), claim_filter=ClaimFilter(by="nobody"))
    assert outline.rows == [] and outline.matched == 0


def test_from_a_claim_the_view_counts_sides_on_the_thesis() -> None:
    outline = build_outline(debate_of(BIKE), "few")
    assert [(r.claim_id, r.side) for r in outline.rows] == [("few", Side.CON), ("latent", Side.PRO)]
    assert not outline.whole and outline.unreachable == ()


def test_without_a_thesis_every_root_starts_a_tree_and_strays_are_reported() -> None:
    debate = debate_of(
        [("a", "-", "r1"), ("b", "+", "r2"), ("x", "-", "y"), ("y", "-", "x")], thesis=None
    )
    outline = build_outline(debate)
    assert outline.roots == ("r1", "r2")
    assert [(r.claim_id, r.depth) for r in outline.rows] == [
        ("r1", 0),
        ("a", 1),
        ("r2", 0),
        ("b", 1),
    ]
    assert outline.unreachable == ("x", "y")


graphs = st.lists(
    st.tuples(st.integers(0, 14), st.sampled_from("+-"), st.integers(-1, 14)),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(graphs)
def test_any_graph_shows_each_reachable_claim_once_and_each_other_relation_as_a_reference(
    triples: list[tuple[int, str, int]],
) -> None:
    seen: set[tuple[str, str]] = set()
    relations = []
    for source, sign, target in triples:
        s, t = f"c{source}", "t" if target < 0 else f"c{target}"
        if s != t and (s, t) not in seen:
            seen.add((s, t))
            relations.append((s, sign, t))
    debate = debate_of(relations)
    rows = build_outline(debate, expand_all=True).rows
    reachable = {c.id for c in debate if debate.is_reachable(c.id)}
    full = [r.claim_id for r in rows if r.kind is RowKind.CLAIM]
    assert sorted(full) == sorted(reachable)
    inner = [e for e in debate.edges if e.source in reachable and e.target in reachable]
    assert sum(1 for r in rows if r.kind is RowKind.REF) == len(inner) - (len(reachable) - 1)
