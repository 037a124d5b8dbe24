"""`agidebate path`: the chain from a claim up to the thesis, with each step's author."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import DATA, invoke, run_process
from tests.render.helpers import assert_inert, assert_plain_layout, run_both

BIKE = DATA / "valid" / "bike-lane"


def test_every_step_up_to_the_thesis_with_its_relation_and_author() -> None:
    code, out, err = run_both(["path", "er-03", "--no-scores"], env={"COLUMNS": "100"})
    assert code == 0 and err == ""
    steps = [line.split("  ")[-1] for line in out.splitlines() if line and line[0] in "▲▼◆"]
    assert [s.split(" · ")[0] for s in steps] == [
        "er-03",
        "er-02",
        "dw-16",
        "dw-07",
        "dw-02",
        "dw-01",
        "thesis",
    ]
    assert "dw-16 · Dwarkesh Patel (Skeptic)" in out and "dw-07 · Dwarkesh Patel (Believer)" in out
    relations = [line.strip()[2:] for line in out.splitlines() if line.startswith("  │ ")]
    assert relations == ["supports", "attacks", "attacks", "attacks", "supports", "attacks"]
    assert out.rstrip().endswith(
        "er-03 counts for the thesis: it supports er-02, which counts for the thesis."
    )


def test_other_relations_are_listed_after_the_chain() -> None:
    out = invoke(["path", "latent-demand", "--dir", str(BIKE)]).stdout
    assert "Also attacks few-cyclists (which makes it pro on that path)." in out


def test_a_claim_that_reaches_no_thesis_says_where_it_stops() -> None:
    out = invoke(["path", "orphan-a", "--dir", str(DATA / "reading" / "tangled")]).stdout
    assert "orphan-a does not reach the thesis: the chain stops at orphan-a." in out
    thesis = invoke(["path", "thesis", "--dir", str(BIKE)]).stdout
    assert thesis.rstrip().endswith("thesis is the thesis.")


def test_unknown_ids_are_usage_errors() -> None:
    result = invoke(["path", "dw-1"])
    assert result.exit_code == 2 and "did you mean 'dw-01'?" in result.stderr
    assert "did you mean 'dw-07'?" in invoke(["path", "DW-07"]).stderr


def test_without_a_thesis_sides_are_relative_to_the_root(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "claims:\n"
        "  - {id: a, text: Root claim.}\n"
        "  - {id: b, text: Attacks a., attacks: a}\n"
        "  - {id: c, text: Supports b., supports: b}\n"
    )
    out = invoke(["path", "c", "--dir", str(tmp_path)]).stdout
    assert "c counts against root a: it supports b, which counts against root a." in out
    assert "thesis" not in out


def test_json_gives_each_step() -> None:
    code, out, _ = run_both(["path", "latent-demand", "--dir", str(BIKE), "--json"])
    data = json.loads(out)
    assert code == 0 and data["reaches_thesis"] and data["side"] == "pro"
    assert [(s["from"]["id"], s["relation"], s["to"]["id"]) for s in data["steps"]] == [
        ("latent-demand", "support", "fewer-injuries"),
        ("fewer-injuries", "support", "thesis"),
    ]
    link: dict[str, object] = {"source": "latent-demand", "target": "few-cyclists"}
    link |= {"type": "attack", "impact": 1.0, "editorial": False, "note": None}
    assert data["other_relations"] == [{"relation": "attack", "to": "few-cyclists", "link": link}]


def test_plain_in_a_pipe_and_inert_with_hostile_text() -> None:
    assert_plain_layout(run_process(["path", "dw-16"], env={"COLUMNS": "60"}).stdout, 60)
    hostile = run_process(
        ["path", "reply", "--dir", str(DATA / "reading" / "hostile")], env={"FORCE_COLOR": "1"}
    )
    assert hostile.returncode == 0
    assert_inert(hostile.stdout)


def test_without_a_thesis_relations_into_another_root_are_not_a_second_side(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.yaml").write_text(
        "claims:\n"
        "  - {id: r1, text: Root one.}\n"
        "  - {id: r2, text: Root two.}\n"
        "  - {id: a, text: Attacks r1., attacks: r1}\n"
        "  - {id: d, text: Supports r2., supports: r2}\n"
        "  - {id: e, text: Attacks a and d., attacks: [a, d]}\n"
    )
    out = " ".join(invoke(["path", "e", "--dir", str(tmp_path)]).stdout.split())
    assert "e counts for root r1: it attacks a, which counts against root r1." in out
    assert "Also attacks d (in the tree of root r2, where sides are counted apart)." in out
    assert "both sides" not in out
    stats = invoke(["stats", "--dir", str(tmp_path)]).stdout
    assert "no claim counts both ways" in stats
