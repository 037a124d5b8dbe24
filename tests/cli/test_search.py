"""`agidebate search`: claims that mention words, with the path from each to the thesis."""

from __future__ import annotations

import json

from tests.conftest import DATA, invoke, run_process
from tests.render.helpers import assert_inert, assert_plain_layout, run_both

BIKE = DATA / "valid" / "bike-lane"


def test_the_data_wall_argument_comes_first() -> None:
    code, out, err = run_both(["search", "data", "wall", "--no-scores"], env={"COLUMNS": "100"})
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].endswith("match data wall") and lines[1] == ""
    assert lines[2:5] == [
        "▼ con     Good text runs out in 2024  dw-01 · Dwarkesh Patel (Skeptic)",
        "          path  dw-01 attacks thesis",
        "          topic data-wall: The data wall",
    ]


def test_each_hit_shows_its_chain_and_what_matched() -> None:
    out = invoke(
        ["search", "unsafe", "--dir", str(BIKE), "--no-scores"], env={"COLUMNS": "100"}
    ).stdout
    assert out.splitlines() == [
        "1 claim matches unsafe",
        "",
        "▲ pro     Nobody rides where it is unsafe  latent-demand",
        "          path  latent-demand supports fewer-injuries supports thesis",
    ]
    out = invoke(["search", "researcher", "--dir", str(BIKE)]).stdout
    assert "source A. Researcher, 2019: Protected bike lanes and injury rates" in out


def test_nothing_found_is_said_plainly_and_the_query_stays_text() -> None:
    out = invoke(["search", "[red]zebra\x1b[5;7m", "--dir", str(BIKE)]).stdout
    assert out == "0 claims match [red]zebra\\x1b[5;7m\n"
    assert invoke(["search"]).exit_code == 2


def test_filters_and_translations() -> None:
    out = invoke(["search", "data", "--side", "pro", "--topic", "data-wall"]).stdout
    assert "▼ con" not in out and "dw-09" in out
    out = invoke(["search", "保护性", "--dir", str(BIKE), "--lang", "zh"]).stdout
    assert "保护性车道减少受伤" in out and "translation" not in out.splitlines()[2]


def test_json_lists_hits_with_fields_snippets_and_paths() -> None:
    code, out, _ = run_both(["search", "unsafe", "--dir", str(BIKE), "--json"])
    hits = json.loads(out)
    assert code == 0 and len(hits) == 1
    assert hits[0]["id"] == "latent-demand" and hits[0]["matched"] == ["title", "text"]
    assert hits[0]["path"] == ["latent-demand", "fewer-injuries", "thesis"]
    assert hits[0]["snippet"] is None


def test_plain_in_a_pipe_and_inert_with_hostile_text() -> None:
    out = run_process(["search", "scaling"], env={"COLUMNS": "80"}).stdout
    assert_plain_layout(out, 80)
    hostile = run_process(
        ["search", "a", "--dir", str(DATA / "reading" / "hostile")], env={"FORCE_COLOR": "1"}
    )
    assert hostile.returncode == 0
    assert_inert(hostile.stdout)
