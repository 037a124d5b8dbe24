"""`agidebate list`: a table of claims, filtered and sorted."""

from __future__ import annotations

import json

from tests.conftest import DATA, invoke, run_process
from tests.render.helpers import assert_inert, assert_plain_layout, run_both

BIKE = DATA / "valid" / "bike-lane"


def ids(output: str) -> list[str]:
    return [line.split()[0] for line in output.splitlines()[1:] if line and not line[0].isspace()]


def test_one_line_per_claim_in_written_order() -> None:
    code, out, err = run_both(["list", "--table", "--dir", str(BIKE)], env={"COLUMNS": "100"})
    assert code == 0 and err == ""
    assert out.splitlines() == [
        "id              side      depth  score  title",
        "thesis          ◆ thesis      0   0.64  Build the bike lane",
        "parking-loss    ▼ con         1   0.50  Shops lose parking",
        "fewer-injuries  ▲ pro         1   0.77  Protected lanes cut injuries · Transport committee",
        "few-cyclists    ▼ con         2   0.25  Few cyclists use Main Street · Shop owners' association",
        "latent-demand   ▲ pro         2   0.50  Nobody rides where it is unsafe",
    ]


def test_sorting_by_score_id_and_depth() -> None:
    by_score = ids(invoke(["list", "--table", "--dir", str(BIKE), "--sort", "score"]).stdout)
    assert by_score == ["fewer-injuries", "thesis", "parking-loss", "latent-demand", "few-cyclists"]
    by_id = ids(invoke(["list", "--table", "--topic", "data-wall", "--sort", "id"]).stdout)
    assert (
        by_id[:3] == ["dw-01", "dw-02", "dw-03"] and by_id.index("dw-9")
        if "dw-9" in by_id
        else True
    )
    assert by_id.index("dw-09") < by_id.index("dw-10")
    depths = [
        int(line.split()[3])
        for line in invoke(["list", "--table", "--sort", "depth"]).stdout.splitlines()[1:]
        if line[:1].strip()
    ]
    assert depths == sorted(depths)
    assert invoke(["list", "--sort", "colour"]).exit_code == 2


def test_filters_and_an_empty_result() -> None:
    out = invoke(
        ["list", "--table", "--topic", "data-wall", "--side", "con", "--by", "skeptic"]
    ).stdout
    assert ids(out) and all(i.startswith("dw-") for i in ids(out))
    assert "▲ pro" not in out and "Believer" not in out
    assert (
        invoke(["list", "--table", "--tag", "no-such-tag"]).stdout
        == "No claim matches tag no-such-tag.\n"
    )
    out = invoke(["list", "--table", "--dir", str(BIKE), "--no-scores", "--lang", "zh"]).stdout
    assert out.splitlines()[0] == "id              side      depth  title"
    assert "保护性车道减少受伤" in out and "Shops lose parking (en)" in out


def test_json_describes_each_claim_the_same_way() -> None:
    code, out, _ = run_both(["list", "--dir", str(BIKE), "--json", "--sort", "id"])
    rows = json.loads(out)
    assert code == 0 and [r["id"] for r in rows][:2] == ["few-cyclists", "fewer-injuries"]
    assert set(rows[0]) == {
        *("id", "side", "depth", "topic", "title", "translated", "by", "score"),
        *("kind", "editorial", "date"),
    }
    assert rows[1]["score"] == rows[1]["score"] and 0 <= rows[1]["score"] <= 1
    unscored = json.loads(invoke(["list", "--dir", str(BIKE), "--json", "--no-scores"]).stdout)
    assert all(r["score"] is None for r in unscored)


def test_plain_in_a_pipe_and_inert_with_hostile_text() -> None:
    out = run_process(["list", "--table"], env={"COLUMNS": "80"}).stdout
    assert_plain_layout(out, 80)
    hostile = run_process(
        ["list", "--dir", str(DATA / "reading" / "hostile")], env={"FORCE_COLOR": "1"}
    )
    assert hostile.returncode == 0
    assert_inert(hostile.stdout)
    assert "[red]not red[/red]" in hostile.stdout
    hostile = run_process(
        ["list", "--table", "--dir", str(DATA / "reading" / "hostile")], env={"FORCE_COLOR": "1"}
    )
    assert hostile.returncode == 0
    assert_inert(hostile.stdout)
    assert "[red]not red[/red]" in hostile.stdout
