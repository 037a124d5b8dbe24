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

S, A = Relation.SUPPORT, Relation.ATTACK


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
    assert {(e.source, e.target, e.relation) for e in debate.edges} == {
        ("injuries", "lane", S),
        ("few-cyclists", "injuries", A),
        ("latent", "few-cyclists", A),
        ("parking", "lane", A),
        ("parking", "latent", S),
        ("parking", "few-cyclists", A),
        ("lane", "parking", A),  # from the contradiction; parking -> lane was there already
    }
    notes = " ".join(result.notes)
    assert "skipped 1 premise-conclusion structures (line 25)" in notes
    assert "read 1 contradictions (><) as attacks both ways (line 31)" in notes
    assert "'parking' already attacks 'lane'; skipped" in notes
    assert "read 1 undercuts (_> or <_) as attacks (line 19)" in notes


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
