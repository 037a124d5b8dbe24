"""Writing a debate as argument files: exact strings, safe folders, atomic and verified."""

from __future__ import annotations

from pathlib import Path

import pytest

from agidebate.errors import OperationError, UsageError
from agidebate.format.load import load_debate
from agidebate.importers._layout import MAX_NESTING
from agidebate.importers.writer import render_files, verify, write_debate
from agidebate.model import Claim, Debate, Edge, Relation
from tests.conftest import DATA
from tests.export.conftest import HOSTILE

NASTY = [
    "no",
    "2024-01-01",
    "12:30",
    "010",
    "key: value # comment",
    "- a list?",
    "&anchor *alias !!python/object",
    'quote " and backslash \\ and tab\t',
    "bell \x07 nul \x00 del \x7f c1 \x85",
    "line\u2028sep\u2029para\ufeff",
    "emoji 🙂 and 漢字",
    "   padded   ",
    "",
]


def chain(length: int) -> Debate:
    claims = {"thesis": Claim("thesis", "T")}
    edges = []
    for n in range(1, length + 1):
        claims[f"c{n}"] = Claim(f"c{n}", f"claim {n}", topic="chain")
        edges.append(Edge(f"c{n}", "thesis" if n == 1 else f"c{n - 1}", Relation.ATTACK))
    return Debate(claims=claims, edges=tuple(edges), thesis="thesis")


@pytest.mark.parametrize("text", NASTY)
def test_every_string_comes_back_exactly(text: str, tmp_path: Path) -> None:
    claims = {
        "thesis": Claim("thesis", "T", title=text or None),
        "a": Claim("a", text or "x", by=text or None, tags=(text,) if text else (), topic="t"),
    }
    debate = Debate(claims=claims, edges=(Edge("a", "thesis", Relation.SUPPORT),), thesis="thesis")
    write_debate(debate, tmp_path / "out")
    back = load_debate(tmp_path / "out")
    assert back.claims["a"].text == (text or "x") and back.claims["a"].by == (text or None)
    assert back.claims["thesis"].title == (text or None)


def test_deep_chains_nest_to_a_limit_then_point(tmp_path: Path) -> None:
    debate = chain(3 * MAX_NESTING)
    files = render_files(debate)
    deepest = max(len(line) - len(line.lstrip()) for line in files["chain.yaml"].splitlines())
    assert deepest <= 4 * (MAX_NESTING + 1) + 4
    write_debate(debate, tmp_path / "out")
    back = load_debate(tmp_path / "out")
    assert {(e.source, e.target) for e in back.edges} == {
        (e.source, e.target) for e in debate.edges
    }


def test_a_fixture_with_cycles_and_many_parents_round_trips(tmp_path: Path) -> None:
    debate = load_debate(HOSTILE)
    write_debate(debate, tmp_path / "out")
    back = load_debate(tmp_path / "out")
    assert {c.id: (c.text, c.sources, c.figures, c.i18n, c.weight) for c in back} == {
        c.id: (c.text, c.sources, c.figures, c.i18n, c.weight) for c in debate
    }
    assert {(e.source, e.target, e.relation) for e in back.edges} == {
        (e.source, e.target, e.relation) for e in debate.edges
    }


def test_refuses_a_non_empty_folder_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "old.yaml").write_text("claims: []\n", encoding="utf-8")
    with pytest.raises(UsageError, match="is not empty"):
        write_debate(chain(2), out)
    report = write_debate(chain(2), out, force=True)
    assert report.removed == ("old.yaml",) and (out / "notes.txt").exists()
    assert sorted(p.name for p in out.iterdir()) == ["chain.yaml", "debate.yaml", "notes.txt"]
    with pytest.raises(UsageError, match="is not a folder"):
        write_debate(chain(2), out / "notes.txt")


def test_verify_catches_files_that_do_not_load_back() -> None:
    debate = chain(2)
    files = render_files(debate)
    files["chain.yaml"] = files["chain.yaml"].replace('"claim 2"', '"claim two"')
    with pytest.raises(OperationError, match="claim 'c2' differs"):
        verify(files, debate)
    with pytest.raises(OperationError, match="do not load back"):
        verify({"debate.yaml": "thesis: [\n"}, debate)


def test_bike_lane_fixture_round_trips(tmp_path: Path) -> None:
    debate = load_debate(DATA / "valid" / "bike-lane")
    write_debate(debate, tmp_path / "out")
    back = load_debate(tmp_path / "out")
    same = ("text", "title", "by", "weight", "sources", "figures", "tags", "i18n", "topic")
    for claim in debate:
        assert [getattr(back.claims[claim.id], f) for f in same] == [
            getattr(claim, f) for f in same
        ]
    assert {(e.source, e.target, e.relation) for e in back.edges} == {
        (e.source, e.target, e.relation) for e in debate.edges
    }
    assert (back.title, back.summary, back.thesis) == (debate.title, debate.summary, debate.thesis)


def test_force_refuses_a_folder_with_argument_files_in_subfolders(tmp_path: Path) -> None:
    target = tmp_path / "out"
    (target / "replies").mkdir(parents=True)
    (target / "replies" / "old.yaml").write_text("claims:\n  - {id: x, text: X, attacks: thesis}\n")
    debate = Debate(claims={"thesis": Claim("thesis", "T")}, thesis="thesis")
    with pytest.raises(UsageError, match="subfolders"):
        write_debate(debate, target, force=True)
    assert (target / "replies" / "old.yaml").exists() and not (target / "debate.yaml").exists()
