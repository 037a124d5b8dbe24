"""`import json`: the project's own JSON export back into a folder (the round trip itself is
in test_round_trip.py); what it refuses, what it leaves out, and with what words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from agidebate.export import export
from agidebate.export.to_json import SCHEMA_VERSION
from agidebate.format.load import load_debate
from agidebate.importers import InputError
from agidebate.importers.from_json import VERSIONS, read
from agidebate.model import Relation
from tests.conftest import EXAMPLES, invoke

COMPLETE = EXAMPLES / "complete"


def exported() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(export(load_debate(COMPLETE), "json"))
    return data


def test_it_reads_the_version_the_export_writes() -> None:
    assert SCHEMA_VERSION in VERSIONS


def test_the_debate_comes_back_with_undercuts_impacts_and_translations() -> None:
    debate = load_debate(COMPLETE)
    back = read(json.dumps(exported()), "x.json")
    assert back.notes == ()
    assert back.debate.thesis == debate.thesis
    assert {c.id: (c.title, c.text, c.sources, c.i18n) for c in back.debate} == {
        c.id: (c.title, c.text, c.sources, c.i18n) for c in debate
    }
    relations = {(e.source, e.link_source, e.target, e.relation, e.impact) for e in debate.edges}
    assert {
        (e.source, e.link_source, e.target, e.relation, e.impact) for e in back.debate.edges
    } == relations
    assert any(e.relation is Relation.UNDERCUT for e in back.debate.edges)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('{\n  "format": "agidebate",\n  "version": 2,,\n}', 3, "not valid JSON"),
        ("[1, 2]", None, "not an agidebate JSON export"),
        ('{"format": "kialo"}', None, "not an agidebate JSON export"),
        ('{"format": "agidebate", "version": 99}', None, "version 99"),
        ('{"format": "agidebate", "version": 2, "claims": {}}', None, "'claims' is not a list"),
        ("[" * 100_000, None, "nested too deeply"),
    ],
)
def test_what_is_not_the_export_is_an_error_naming_where(
    text: str, line: int | None, words: str
) -> None:
    with pytest.raises(InputError) as caught:
        read(text, "x.json")
    message = str(caught.value)
    assert message.startswith(f"x.json:{line}: " if line else "x.json: ")
    assert words in message
    assert caught.value.hint


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["claims"][1].update(id=d["claims"][0]["id"]), "claims[1]: the claim id"),
        (lambda d: d["claims"][0].update(id="Not An Id"), "claims[0]: the claim id 'Not An Id'"),
        (lambda d: d["claims"][0].update(text=" "), "has no text"),
        (lambda d: d["topics"][0].pop("id"), "topics[0]: the topic id None"),
        (lambda d: d.update(thesis="nobody"), "the thesis 'nobody' is none of the claims"),
    ],
)
def test_claims_that_cannot_be_told_apart_are_an_error(change: Any, words: str) -> None:
    data = exported()
    change(data)
    with pytest.raises(InputError, match=words.replace("[", r"\[").replace("]", r"\]")):
        read(json.dumps(data), "x.json")


def test_a_value_that_does_not_fit_is_left_out_with_a_note() -> None:
    data = exported()
    data["claims"][0]["weight"] = 7
    data["claims"][0]["kind"] = "poem"
    data["edges"].append({"source": "nobody", "target": "x", "type": "attack"})
    data["edges"].append({"source": data["claims"][1]["id"], "target": 3, "type": "attack"})
    result = read(json.dumps(data), "x.json")
    claim = result.debate.claims[data["claims"][0]["id"]]
    assert (claim.weight, claim.kind.value) == (0.5, "argument")
    notes = "\n".join(result.notes)
    assert "field 'weight' does not fit the format; left out" in notes
    assert "field 'kind' does not fit the format; left out" in notes
    assert "no claim 'nobody'; relation skipped" in notes
    assert "not a relation between two claims; skipped" in notes


def test_the_command_writes_a_folder_that_checks(tmp_path: Path) -> None:
    source = tmp_path / "debate.json"
    text = export(load_debate(COMPLETE), "json")
    assert isinstance(text, str)
    source.write_text(text, encoding="utf-8")
    result = invoke(["import", "json", str(source), "-o", str(tmp_path / "back")])
    assert result.exit_code == 0, result.stderr
    assert "9 claims, 9 relations" in result.stdout
    assert invoke(["check", "--dir", str(tmp_path / "back")]).exit_code == 0


def test_a_broken_file_is_one_error_with_a_hint(tmp_path: Path) -> None:
    source = tmp_path / "debate.json"
    source.write_text('{"format": "agidebate",\n "version": 2\n', encoding="utf-8")
    result = invoke(["import", "json", str(source), "-o", str(tmp_path / "back")])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"error: {source}:3: not valid JSON"), lines
    assert lines[1] == "    hint: give a file written by `agidebate export --format json`"
    assert not (tmp_path / "back").exists()
