"""Round trips: export then import gives back the debate; import then export keeps the shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from agidebate.export import export
from agidebate.format.load import load_debate
from agidebate.importers import import_file
from agidebate.model import Debate, Relation
from agidebate.text import inert
from tests.conftest import BUNDLED, DATA, EXAMPLES, MakeDebate, invoke, shared_dir
from tests.export.conftest import HOSTILE
from tests.importers.conftest import FIXTURES, sources_table

FOLDERS = [
    pytest.param(BUNDLED, id="bundled"),
    pytest.param(HOSTILE, id="hostile"),
    pytest.param(DATA / "valid" / "bike-lane", id="bike-lane"),
]


def graph_by_text(debate: Debate) -> tuple[set[str], set[tuple[str, str, Relation]]]:
    """Claims and relations named by claim text (Kialo keeps texts, not ids)."""
    text = {c.id: _lines(c.text) for c in debate}
    edges = {(text[e.source], text[e.target], e.relation) for e in debate.edges}
    return set(text.values()), edges


def _lines(text: str) -> str:
    """Kialo cannot hold an empty line inside a claim, and control characters are shown
    as escapes: compare that way."""
    return "\n".join(line.strip() for line in inert(text).splitlines() if line.strip())


def through(fmt: str, debate: Debate, tmp_path: Path) -> Debate:
    path = tmp_path / f"debate.{fmt}"
    data = export(debate, fmt)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return import_file(fmt, path).debate


@pytest.mark.parametrize("folder", FOLDERS)
def test_argdown_export_then_import_gives_the_same_graph(folder: Path, tmp_path: Path) -> None:
    debate = load_debate(folder)
    back = through("argdown", debate, tmp_path)
    assert back.thesis == debate.thesis and back.title == debate.title
    # Text Argdown cannot hold on one line and tags #(...) cannot hold come back from
    # the data block: everything comes back as it was.
    fields = {c.id: (c.text, c.tags, c.by, c.weight) for c in debate}
    assert {c.id: (c.text, c.tags, c.by, c.weight) for c in back} == fields
    assert set(back.claims) == set(debate.claims)
    assert {(e.source, e.target, e.relation) for e in back.edges} == {
        (e.source, e.target, e.relation) for e in debate.edges
    }


@pytest.mark.parametrize("folder", FOLDERS)
def test_kialo_export_then_import_gives_the_same_graph(folder: Path, tmp_path: Path) -> None:
    debate = load_debate(folder)
    back = through("kialo", debate, tmp_path)
    assert graph_by_text(back) == graph_by_text(debate)
    urls = {_lines(c.text): [s.url or s.label for s in c.sources] for c in debate}
    assert {_lines(c.text): [s.url or s.title for s in c.sources] for c in back} == urls


@pytest.mark.parametrize("name", ["legacy.txt", "current.txt", "multi.txt", "current-multi.txt"])
def test_kialo_import_then_export_then_import_keeps_the_structure(
    name: str, tmp_path: Path
) -> None:
    first = import_file("kialo", FIXTURES / name).debate
    second = through("kialo", first, tmp_path)
    assert graph_by_text(second) == graph_by_text(first)
    assert second.thesis == first.thesis and len(second.roots) == len(first.roots)


def test_argdown_import_then_export_then_import_keeps_the_structure(tmp_path: Path) -> None:
    first = import_file("argdown", FIXTURES / "map.argdown").debate
    second = through("argdown", first, tmp_path)
    assert {c.id: c.text for c in second} == {c.id: c.text for c in first}
    assert {(e.source, e.target, e.relation) for e in second.edges} == {
        (e.source, e.target, e.relation) for e in first.edges
    }


def test_real_kialo_files_survive_a_round_trip(tmp_path: Path) -> None:
    shared_dir("external", "kialo")
    for path in sorted(sources_table("kialo/"))[:8]:
        first = import_file("kialo", path).debate
        second = through("kialo", first, tmp_path)
        assert graph_by_text(second) == graph_by_text(first), path.name


COMPLETE = EXAMPLES / "complete"


def _claim_fields(debate: Debate) -> dict[str, tuple[object, ...]]:
    return {
        c.id: (
            c.title, c.text, c.by, c.weight, c.kind, c.quotes, c.editorial, c.note, c.date,
            c.sources, c.figures, c.tags, dict(c.i18n), c.topic,
        )
        for c in debate
    }  # fmt: skip


def _edge_fields(debate: Debate) -> set[tuple[object, ...]]:
    return {
        (e.source, e.target, e.relation, e.impact, e.editorial, e.note, e.link_source)
        for e in debate.edges
    }


def _ranges(debate: Debate) -> dict[str, tuple[float, float]]:
    """The debate's expectations without where they were written."""
    expect = debate.expect
    if expect is None:
        return {}
    found = {name: (r.low, r.high) for name, r in expect.semantics.items()}
    found |= {f"claim {name}": (r.low, r.high) for name, r in expect.claims.items()}
    if expect.verdict is not None:
        found["verdict"] = (expect.verdict.low, expect.verdict.high)
    return found


def test_argdown_keeps_every_field_of_the_complete_example(tmp_path: Path) -> None:
    """Undercuts (`<_` plus the link they cut), link impact and notes, kinds, quotes,
    dates, editorial marks, translations, authors and expectations all come back."""
    debate = load_debate(COMPLETE)
    back = through("argdown", debate, tmp_path)
    assert _claim_fields(back) == _claim_fields(debate)
    assert _edge_fields(back) == _edge_fields(debate)
    assert any(e.relation is Relation.UNDERCUT for e in back.edges)
    assert (back.title, back.summary, back.thesis) == (debate.title, debate.summary, debate.thesis)
    assert back.i18n == debate.i18n
    assert {n: a.i18n for n, a in back.authors.items()} == {
        n: a.i18n for n, a in debate.authors.items()
    }
    assert _ranges(back) == _ranges(debate) != {}
    # An untitled topic's heading shows its id; its data block says it has no title.
    topics = {t.id: (t.title, t.summary, t.i18n) for t in debate.topics.values()}
    assert None in {title for title, _summary, _i18n in topics.values()}
    assert {t.id: (t.title, t.summary, t.i18n) for t in back.topics.values()} == topics


def test_kialo_keeps_an_undercut_as_its_note(tmp_path: Path) -> None:
    """Kialo has no undercut: the export says which link a claim cuts in a note Kialo
    keeps, and the importer reads the note back into an undercut of that link."""
    debate = load_debate(COMPLETE)
    back = through("kialo", debate, tmp_path)
    texts = {c.id: _lines(c.text) for c in debate}
    back_texts = {c.id: _lines(c.text) for c in back}

    def cuts(d: Debate, text: dict[str, str]) -> set[tuple[str, str, str]]:
        return {
            (text[e.source], text[e.link_source or ""], text[e.target])
            for e in d.edges
            if e.relation is Relation.UNDERCUT
        }

    assert cuts(back, back_texts) == cuts(debate, texts) != set()
    assert graph_by_text(back) == graph_by_text(debate)


# Where a claim was written (file, line, column) follows the importer's layout, one file
# per topic: docs/exports.md lists it among what the Argdown file does not carry.
WHERE = ("file", "line", "column")


def json_export(folder: Path) -> dict[str, Any]:
    """The JSON export of a folder, with each list of records keyed by what names it and
    without where each claim was written."""
    result = invoke(["export", "--format", "json", "--dir", str(folder)])
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    data["claims"] = {
        c["id"]: {k: v for k, v in c.items() if k not in WHERE} for c in data["claims"]
    }
    data["topics"] = {t["id"]: t for t in data["topics"]}
    data["edges"] = {json.dumps([e["source"], e["target"]]): e for e in data["edges"]}
    return data


def differences(before: Any, after: Any, path: str = "") -> list[str]:
    """Every field that differs, by its path (`claims/dw-01/sources`)."""
    if isinstance(before, dict) and isinstance(after, dict):
        return [
            found
            for key in sorted(before.keys() | after.keys())
            for found in differences(before.get(key), after.get(key), f"{path}/{key}")
        ]
    return [] if before == after else [f"{path}: {before!r} != {after!r}"]


@pytest.mark.parametrize("fmt", ["argdown", "json"])
@pytest.mark.parametrize(
    "folder",
    [
        pytest.param(BUNDLED, id="bundled"),
        pytest.param(COMPLETE, id="complete"),
        pytest.param(HOSTILE, id="hostile"),
        pytest.param(DATA / "valid" / "bike-lane", id="bike-lane"),
    ],
)
def test_round_trip_gives_the_same_json_export(fmt: str, folder: Path, tmp_path: Path) -> None:
    """export -o debate.FMT, import FMT into a new folder, export JSON again: every field
    of every claim, topic and relation is the same (titles, texts with their line breaks,
    tags, topic ids, sources with URLs, figures, translations, weights, quotes, dates,
    kinds, editorial marks, notes, impacts, undercuts, the order of each list)."""
    exported_file = tmp_path / f"debate.{fmt}"
    exported = invoke(["export", "--dir", str(folder), "-o", str(exported_file)])
    assert exported.exit_code == 0, exported.stderr
    imported = invoke(["import", fmt, str(exported_file), "-o", str(tmp_path / "back")])
    assert imported.exit_code == 0, imported.stderr
    assert imported.stderr == ""  # nothing left out, nothing to note
    assert differences(json_export(folder), json_export(tmp_path / "back")) == []


@pytest.mark.parametrize("fmt", ["argdown", "json"])
def test_claims_of_no_topic_come_back_under_the_thesis(
    fmt: str, make_debate: MakeDebate, tmp_path: Path
) -> None:
    """`add --to thesis` without --file nests a claim under the thesis in debate.yaml, where
    it has no topic: the import puts it back there (and a topic file's reply to it stays
    in the topic file), so even the files are the same."""
    folder = make_debate(
        {
            "debate.yaml": "thesis:\n  id: thesis\n  text: T\n  pro:\n    - id: p\n"
            "      text: P\n      con:\n        - id: q\n          text: Q\n",
            "costs.yaml": "claims:\n  - id: r\n    text: R\n    attacks: q\n",
        }
    )
    exported_file = tmp_path / f"debate.{fmt}"
    assert invoke(["export", "--dir", str(folder), "-o", str(exported_file)]).stderr == ""
    assert invoke(["import", fmt, str(exported_file), "-o", str(tmp_path / "back")]).exit_code == 0
    before, after = json_export(folder), json_export(tmp_path / "back")
    assert differences(before, after) == []
    assert before["claims"]["q"]["topic"] is None
    assert sorted(p.name for p in (tmp_path / "back").iterdir()) == ["costs.yaml", "debate.yaml"]
