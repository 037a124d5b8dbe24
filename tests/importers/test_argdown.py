"""Argdown import: the pro/con subset, what is skipped, and the real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from agidebate.format.load import check_debate
from agidebate.importers import InputError, import_file
from agidebate.importers.from_argdown import read
from agidebate.importers.writer import write_debate
from agidebate.model import Relation
from tests.importers.conftest import FIXTURES, count, sources_table

S, A, U = Relation.SUPPORT, Relation.ATTACK, Relation.UNDERCUT


def test_statements_arguments_relations_tags_and_data() -> None:
    result = import_file("argdown", FIXTURES / "map.argdown")
    debate = result.debate
    assert debate.title == "Bike lane" and debate.thesis == "lane"
    assert debate.summary == "A small map in the pro/con subset of Argdown."
    assert set(debate.claims) == {"lane", "injuries", "few-cyclists", "latent", "parking"}
    injuries = debate.claims["injuries"]
    assert injuries.text == "Protected lanes cut injuries, see the study."
    assert injuries.tags == ("road safety",) and injuries.topic == "safety"
    assert injuries.sources[0].url == "https://example.org/study"
    assert debate.claims["latent"].text == "Counts rise once a street is safe [really]."
    parking = debate.claims["parking"]
    assert (parking.by, parking.weight) == ("Shop owners", 0.3)
    assert debate.claims["lane"].tags == ("thesis",)
    assert {(e.source, e.link_source, e.target, e.relation) for e in debate.edges} == {
        ("injuries", None, "lane", S),
        ("few-cyclists", None, "injuries", A),
        ("latent", None, "few-cyclists", A),
        ("parking", None, "lane", A),
        ("parking", None, "latent", S),
        # `_> <Few cyclists>`: the link cut is the only one Few cyclists has
        ("parking", "few-cyclists", "injuries", U),
        ("lane", None, "parking", A),  # from the contradiction; parking -> lane was there already
    }
    notes = " ".join(result.notes)
    assert "skipped 1 premise-conclusion structures (line 25)" in notes
    assert "read 1 contradictions (><) as attacks both ways (line 31)" in notes
    assert "'parking' already attacks 'lane'; skipped" in notes
    assert "undercut" not in notes


def test_undercuts_import_as_undercuts_of_the_link_the_tree_shows() -> None:
    text = (
        "[T]: The thesis. {id: t}\n"
        "  + [A]: A reason. {id: a}\n"
        "    <_ [U]: It does not bear on T. {id: u}\n"
        "  - [B]: An objection. {id: b}\n"
        "    _ [V]: Beside the point. {id: v}\n"
        "\n"
        "[B]\n"
        "  <_ [W]: Which link? B has one. {id: w}\n"
        "\n"
        "[X]: Two links, no data. {id: x}\n"
        "  +> [A]\n"
        "  -> [B]\n"
        "\n"
        "[Y]: Cuts X, whose link is not told. {id: y}\n"
        "  _> [X]\n"
    )
    result = read(text, "u.argdown")
    cuts = {(e.source, e.cut_link) for e in result.debate.edges if e.relation is U}
    assert cuts == {("u", ("a", "t")), ("v", ("b", "t")), ("w", ("b", "t"))}
    assert ("y", "x", A) in {(e.source, e.target, e.relation) for e in result.debate.edges}
    notes = " ".join(result.notes)
    assert "read 1 undercuts (_> or <_) whose link cannot be told, as attacks (line 15)" in notes


def test_not_argdown_at_all() -> None:
    with pytest.raises(InputError, match="no statements or arguments"):
        read("(1) only a premise\n----\n(2) and a conclusion\n", "x.argdown")
    with pytest.raises(InputError, match="front matter opened with === is never closed"):
        read("===\ntitle: x\n", "x.argdown")


REAL = sources_table("argdown/")


@pytest.mark.parametrize("path", sorted(REAL), ids=lambda p: p.name[:40])
def test_real_file_imports_or_fails_cleanly(path: Path, tmp_path: Path) -> None:
    cell = REAL[path]
    try:
        debate = import_file("argdown", path).debate
    except InputError:
        assert count(cell, "statements") + count(cell, "arguments") <= 3  # a lexer fixture
        return
    maps_fully = (
        count(cell, "with PCS") == 0
        and "parser errors" not in cell
        and not any(k in cell for k in ("contrary", "contradictory", "entails"))
    )
    if maps_fully:  # same counts as the official parser reports in SOURCES.md
        assert len(debate.claims) == count(cell, "statements") + count(cell, "arguments")
        assert len(debate.edges) == count(cell, "relations")
        assert sum(e.relation is S for e in debate.edges) == count(cell, "support")
    write_debate(debate, tmp_path / "out")
    assert check_debate(tmp_path / "out").ok


def test_double_slash_inside_a_title_is_text_not_a_comment() -> None:
    from agidebate.importers.from_argdown import read

    debate = read(
        "[T]: The thesis.\n  + [see http://x.org]: A reason. // a real comment\n", "t"
    ).debate
    titles = sorted(c.title or "" for c in debate)
    assert titles == ["T", "see http://x.org"]
    assert any(c.text == "A reason." for c in debate)
