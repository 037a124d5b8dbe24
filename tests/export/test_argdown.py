"""Argdown export: the real Argdown CLI parses it with no error and the same counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from agidebate.export.to_argdown import escape
from tests.export.conftest import SMALL, argdown_json, debates, exported, loaded


@pytest.mark.external
@pytest.mark.parametrize("folder", debates())
def test_real_argdown_cli_reads_every_statement_and_relation(folder: Path, tmp_path: Path) -> None:
    debate = loaded(folder)
    data = argdown_json(exported(folder, "argdown"), tmp_path)
    assert len(data["statements"]) == len(debate.claims)
    assert len(data["relations"]) == len(debate.edges)
    kinds = sorted(r["relationType"] for r in data["relations"])
    assert kinds == sorted(e.relation.value for e in debate.edges)
    ids = {s["data"]["id"] for s in data["statements"].values() if s.get("data")}
    assert ids == set(debate.claims)


@pytest.mark.external
def test_escaped_text_reads_back_as_written(tmp_path: Path) -> None:
    nasty = "a #tag [ref] <arg> {data: 1} x//y /* z */ *b* _i_ \\N :heart: .A. === end"
    data = argdown_json(f"[T]: {escape(nasty)}\n", tmp_path)
    text = data["statements"]["T"]["members"][0]["text"].strip()
    assert text == nasty


def test_newline_followed_by_a_relation_stays_in_one_statement() -> None:
    assert "\n" not in escape("one\n  + [B]: two")
    text = exported(SMALL, "argdown")
    assert '#thesis {"id": "thesis", "thesis": true, "side": "thesis"}' in text
    assert "\n  + [Protected lanes cut injuries]: Cities" in text
