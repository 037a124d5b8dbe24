"""Kialo import: both export forms, links, multi-thesis discussions, sources, real files."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from agidebate.format.load import check_debate
from agidebate.importers import InputError, import_file
from agidebate.importers.from_kialo import read
from agidebate.importers.writer import write_debate
from agidebate.model import Relation
from tests.importers.conftest import FIXTURES, count, sources_table

S, A = Relation.SUPPORT, Relation.ATTACK


def edges(path: Path) -> set[tuple[str, str, Relation]]:
    return {(e.source, e.target, e.relation) for e in import_file("kialo", path).debate.edges}


@pytest.mark.parametrize("name", ["legacy.txt", "legacy-lf.txt"])
def test_legacy_form(name: str) -> None:
    result = import_file("kialo", FIXTURES / name)
    debate = result.debate
    assert debate.title == "Should the town build a bike lane?"
    assert debate.claims["thesis"].text.endswith("Street (the old parking lane).")
    assert set(debate.claims) == {"thesis", "1.1", "1.1.1", "1.2", "1.2.1", "1.3", "1.4"}
    assert debate.claims["1.1.1"].text == (
        "Few cyclists use Main Street.\nA second line inside the claim.\n\n"
        "1. A numbered line inside the claim, not a record."
    )
    assert debate.claims["1.2"].text == "Shops lose forty parking spaces > 30 @ peak times."
    injuries = debate.claims["1.1"]
    assert injuries.text == "Protected lanes cut injuries, see the study."
    assert injuries.sources[0].url == "https://example.org/study_(2019)"
    assert debate.claims["1.4"].text == "See discussion #16093: Parking should be free"
    assert debate.claims["1.4"].tags == ("kialo-discussion-link",)
    assert edges(FIXTURES / name) == {
        ("1.1", "thesis", S),
        ("1.1.1", "1.1", A),
        ("1.3", "1.1.1", A),  # a forward link
        ("1.2.1", "1.1", S),  # a forward link
        ("1.2", "thesis", A),
        ("1.2.1", "1.2", S),
        ("1.3", "1.2", A),  # a link to a link
        ("1.3", "thesis", S),
        ("1.4", "thesis", A),
    }
    assert result.notes == ()


def test_multi_thesis_discussion_has_one_root_per_option() -> None:
    debate = import_file("kialo", FIXTURES / "multi.txt").debate
    assert debate.thesis is None and debate.title == "The best way to get to work is..."
    assert debate.roots == ("1.1", "1.2")
    assert debate.claims["1.2"].text == "Bus: the number 7"
    assert edges(FIXTURES / "multi.txt") == {
        ("1.1.1", "1.1", S),
        ("1.1.2", "1.1", A),
        ("1.1.1", "1.2", S),
    }


def test_current_form_with_sources_and_multiline_excerpts() -> None:
    debate = import_file("kialo", FIXTURES / "current.txt").debate
    injuries = debate.claims["1.1"]
    assert injuries.text == "Protected lanes cut injuries [1].\nInjury counts fell in three cities."
    assert injuries.sources[0].url == "https://example.org/study_(2019)"
    assert injuries.sources[0].note == (
        "A quoted excerpt\n\n1. Reading Might Harm Your Eyesight\nthat spans lines."
    )
    parking = debate.claims["1.2"]
    assert parking.text == "Shops lose parking [2] in front of their doors"
    assert [s.url for s in parking.sources] == [
        "https://example.org/parking",
        "https://example.org/doors",
    ]
    assert edges(FIXTURES / "current.txt") == {
        ("1.1", "thesis", S),
        ("1.2", "1.1", A),
        ("1.2.1", "1.2", S),
        ("1.2", "thesis", A),
    }


def test_current_form_multi_thesis() -> None:
    debate = import_file("kialo", FIXTURES / "current-multi.txt").debate
    assert debate.thesis is None and debate.roots == ("1.1", "1.2")
    assert debate.summary == "What is the best way to get to work?"
    assert {(e.source, e.target) for e in debate.edges} == {("1.1.1", "1.1"), ("1.1.1", "1.2")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Hello\r\n", "not a Kialo export"),
        ("Discussion Title: x\r\n\r\n1. t\r\n1.2.1. Pro: orphan", "before its parent 1.2."),
        ("Discussion Title: x\r\n\r\n1. t\r\nnot a claim", "expected a claim such as"),
        ("Discussion Name:\r\nx\r\n\r\nrubbish", "expected a claim label"),
    ],
)
def test_broken_input_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        read(text, "in.txt")
    assert str(caught.value).startswith("in.txt:")


def test_link_loops_and_self_links_are_skipped_with_a_note() -> None:
    text = "\r\n".join(
        [
            "Discussion Title: x",
            "",
            "1. t",
            "1.1. Pro: -> See 1.2.",
            "1.2. Con: -> See 1.1.",
            "1.3. Pro: a",
            "1.3.1. Con: -> See 1.3.",
        ]
    )
    result = read(text, "loop.txt")
    assert set(result.debate.claims) == {"thesis", "1.3"}
    assert any("a loop of links" in n for n in result.notes)
    assert any("cannot attack itself" in n for n in result.notes)


REAL = sources_table("kialo/")


@pytest.mark.parametrize("path", sorted(REAL), ids=lambda p: p.name[:40])
def test_real_export_imports_checks_clean_and_keeps_its_shape(path: Path, tmp_path: Path) -> None:
    cell = REAL[path]
    result = import_file("kialo", path)
    debate = result.debate
    multi = count(cell, "question") > 0 or count(cell, "unlabelled") > 0
    records, links = count(cell, "claims"), count(cell, "links")
    assert len(debate.claims) == records - links - multi
    relations = Counter(e.relation for e in debate.edges)
    assert relations[S] == count(cell, "pro") and relations[A] == count(cell, "con")
    depth = max(c.count(".") for c in debate.claims if c != "thesis")
    assert depth == count(cell, "depth")
    for claim_id in debate.claims:  # each claim hangs under the claim its number names
        parent = claim_id.rsplit(".", 1)[0] if claim_id.count(".") > 1 else "thesis"
        if claim_id != "thesis" and not (multi and parent == "thesis"):
            assert {e.target for e in debate.targets(claim_id)} & {parent}, claim_id
    raw = path.read_bytes().decode("utf-8")
    urls = {
        re.sub(r"\\(.)", r"\1", u).strip() for u in re.findall(r"^\[\d+\] (.+?)\r?$", raw, re.M)
    }
    urls |= {re.sub(r"\\(.)", r"\1", u) for u in re.findall(r"\]\(((?:\\.|[^)\\\s])+)\)", raw)}
    if count(cell, "sources"):
        assert len(re.findall(r"^\[\d+\] ", raw, re.M)) == count(cell, "sources")
    kept = {s.url for c in debate for s in c.sources if s.url}
    kept |= {s.title for c in debate for s in c.sources if s.title}
    assert urls <= kept
    write_debate(debate, tmp_path / "out")
    report = check_debate(tmp_path / "out")
    assert report.ok, report.errors[:3]
    assert len(report.debate.claims) == len(debate.claims)  # type: ignore[union-attr]


MULTI_LINE = [
    p for p, cell in REAL.items() if count(cell, "multi-line") and p.stat().st_size < 400_000
]


@pytest.mark.parametrize("path", MULTI_LINE, ids=lambda p: p.name[:40])
def test_a_real_export_saved_with_lf_only_imports_the_same(path: Path, tmp_path: Path) -> None:
    lf = tmp_path / "lf.txt"
    lf.write_bytes(path.read_bytes().replace(b"\r\n", b"\n"))
    assert edges(lf) == edges(path)
    original = {c.id: c.text for c in import_file("kialo", path).debate}
    assert {c.id: c.text for c in import_file("kialo", lf).debate} == original
