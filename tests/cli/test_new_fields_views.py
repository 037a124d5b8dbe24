"""How the reading commands show issue 15's fields: undercuts under the link they cut,
summaries counted apart, editorial badges, link impact, `--quotes` and `--authors-only`.

All on the complete example of docs/format.md (docs/examples/complete).
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLES, invoke

COMPLETE = str(EXAMPLES / "complete")
WIDE = {"COLUMNS": "160"}
EDITORIAL = {"customers-walk", "latent-demand"}  # the claims the map's editor added


def run(*args: str) -> str:
    result = invoke([*args, "--dir", COMPLETE, "--no-scores"], env=WIDE)
    assert result.exit_code == 0, result.stdout + result.stderr
    return result.stdout


def tree(output: str) -> list[str]:
    return [line for line in output.splitlines() if "├─ " in line or "└─ " in line]


def test_an_undercut_sits_under_the_source_of_the_link_it_cuts() -> None:
    lines = tree(run("show"))
    parking = next(i for i, line in enumerate(lines) if "parking-loss" in line)
    undercut = lines[parking + 1]
    assert "▲ pro undercut Customers arrive on foot [ed.]" in undercut
    assert undercut.index("├─") > lines[parking].index("├─")  # one level below the link source
    out = run("show")
    assert "cuts parking-loss → thesis · ed." in out
    legend = " ".join(out.split())
    assert "an undercut attacks the link above it, not the claim" in legend


def test_summaries_are_counted_apart_and_listed_last() -> None:
    out = run("show")
    assert "7 arguments: ▲ 5 pro, ▼ 2 con; 1 summary" in out
    last = tree(out)[-1]
    assert last.startswith("└─ ▲ pro The committee's case in one line [summary]")
    assert "[summary] restates other claims and is never counted" in out


def test_link_impact_and_editorial_links_are_badged() -> None:
    out = run("show")
    assert "garage-nearby · Transport committee · link impact 0.8" in out
    assert "latent-demand · Map editor · link ed., impact 0.5" in out
    legend = " ".join(out.split())
    assert "impact is how far a claim bears on the one above (1 when not shown)" in legend


def test_quotes_are_shown_only_when_asked() -> None:
    quote = "“Forty spaces in front of our shops would disappear.”"
    for command in (["show"], ["list"], ["search", "forty"]):
        assert quote not in run(*command)
        assert quote in run(*command, "--quotes"), command
    card = run("show", "fewer-injuries", "--depth", "0")
    assert "quotes" in card and "— [1], p. 4" in card  # the card always has them
    assert "Cycling injuries dropped after the lanes opened." in card


def test_authors_only_leaves_out_what_the_editor_added() -> None:
    listed = json.loads(run("list", "--json", "--authors-only"))
    assert {row["id"] for row in listed} == {
        "thesis",
        "parking-loss",
        "garage-nearby",
        "fewer-injuries",
        "drivers-slow-down",
        "few-cyclists",
        "committee-case",
    }
    everything = {row["id"] for row in json.loads(run("list", "--json"))}
    assert everything - {row["id"] for row in listed} == EDITORIAL
    shown = run("show", "--authors-only", "--all")
    assert "5 arguments: ▲ 3 pro, ▼ 2 con; 1 summary" in shown
    assert not any(claim in shown for claim in EDITORIAL)
    assert "[ed.]" not in shown and "undercut" not in shown
    searched = run("search", "unsafe", "--authors-only")
    assert "latent-demand" not in searched


def test_authors_only_scores_the_authors_own_map() -> None:
    """Without latent-demand, nothing answers few-cyclists: it keeps its base weight."""
    base = invoke(["explain", "few-cyclists", "--dir", COMPLETE], env=WIDE).stdout
    assert "moved -0.25 by 1 attacker" in base and "latent-demand" in base
    own = invoke(["explain", "few-cyclists", "--dir", COMPLETE, "--authors-only"], env=WIDE)
    assert own.exit_code == 0
    assert "score 0.50 = its base weight; nothing argues about it." in own.stdout


@pytest.mark.parametrize("command", [["path", "latent-demand"], ["explain", "latent-demand"]])
def test_an_editorial_claim_named_with_authors_only_is_refused(command: list[str]) -> None:
    result = invoke([*command, "--dir", COMPLETE, "--authors-only"], env=WIDE)
    assert result.exit_code == 2
    assert (
        "claim 'latent-demand' was written by the map's editor, and --authors-only leaves it out"
        in result.stderr
    )
    assert "leave out --authors-only to see it" in result.stderr


def test_path_names_the_link_an_undercut_cuts() -> None:
    out = run("path", "customers-walk")
    assert "│ undercuts the link parking-loss → thesis (ed.)" in out
    assert (
        "customers-walk counts for the thesis: it undercuts the link from parking-loss to the "
        "thesis, and parking-loss counts against the thesis." in " ".join(out.split())
    )
    steps = json.loads(run("path", "customers-walk", "--json"))["steps"]
    assert steps[0]["relation"] == "undercut"
    assert steps[0]["link"]["target"] == {"source": "parking-loss", "target": "thesis"}


def test_json_rows_carry_kind_editorial_date_and_the_link() -> None:
    rows = {r["id"]: r for r in json.loads(run("show", "--json"))["rows"] if r["kind"] == "claim"}
    cut = rows["customers-walk"]
    assert cut["relation"] == "undercut" and cut["claim"]["editorial"] is True
    assert cut["link"]["note"] == "the loss is real; whether it bears on the lane is the question"
    assert rows["garage-nearby"]["link"]["impact"] == 0.8
    assert rows["committee-case"]["claim"]["kind"] == "summary"
    assert rows["fewer-injuries"]["claim"]["date"] == "2024-03-12"
