"""`agidebate stats`: counts per topic and side, depth, balance, orphans."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import DATA, invoke, run_process
from tests.render.helpers import assert_inert, assert_plain_layout, run_both

TANGLED = DATA / "reading" / "tangled"


def test_the_numbers_of_a_small_debate() -> None:
    code, out, err = run_both(["stats", "--dir", str(TANGLED)])
    assert code == 0 and err == ""
    assert out.splitlines() == [
        "claims       10 in 1 topic, 13 relations (4 supports, 9 attacks)",
        "balance      ▲ 3 pro / ▼ 4 con  (43% pro)",
        "top level    ▲ 1 pro / ▼ 1 con  (50% pro)",
        "depth        3 levels below the thesis (claims per level 1: 2, 2: 4, 3: 1)",
        "sources      0 distinct works; 10 claims cite none",
        "unanswered   2 claims with no reply yet",
        "multi-target 4 claims answering several",
        "orphans      2: orphan-a, orphan-b",
        "both sides   no claim counts both ways",
        "",
        "topic    claims  pro  con  pro%  depth  title",
        "tangled       9    3    4   43%      3  Tangled",
    ]


def test_the_bundled_debate_per_topic() -> None:
    out = run_process(["stats"], env={"COLUMNS": "80"}).stdout
    assert_plain_layout(out, 80)
    assert "orphans      every claim reaches the thesis" in out
    assert any(line.startswith("data-wall ") for line in out.splitlines())


def test_json_has_every_count() -> None:
    code, out, _ = run_both(["stats", "--dir", str(TANGLED), "--json"])
    data = json.loads(out)
    assert code == 0
    assert data["claims"] == 10 and data["relations"]["attacks"] == 9
    assert data["sides"] == {"pro": 3, "con": 4, "pro_share": round(3 / 7, 4)}
    assert data["depth"]["claims_per_level"] == {"0": 1, "1": 2, "2": 4, "3": 1}
    assert data["unreachable"] == ["orphan-a", "orphan-b"]
    assert data["topics"][0]["id"] == "tangled"


def test_inert_with_hostile_text() -> None:
    hostile = run_process(
        ["stats", "--dir", str(DATA / "reading" / "hostile")], env={"FORCE_COLOR": "1"}
    )
    assert hostile.returncode == 0
    assert_inert(hostile.stdout)


def test_without_a_thesis_the_wording_names_the_roots(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "claims:\n  - {id: a, text: Root.}\n  - {id: b, text: Reply., attacks: a}\n"
    )
    out = invoke(["stats", "--dir", str(tmp_path)]).stdout
    assert "1 level below the roots" in out and "every claim reaches a root" in out
    assert "thesis" not in out


def test_a_narrow_terminal_puts_the_title_column_below() -> None:
    out = invoke(["stats"], env={"COLUMNS": "40"}).stdout
    lines = out.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("timelines "))
    assert lines[row].rstrip().endswith("3") and lines[row + 1].startswith("    Timelines,")
    wide = invoke(["stats"], env={"COLUMNS": "120"}).stdout
    assert any(line.startswith("timelines ") and "Timelines," in line for line in wide.splitlines())
