"""`agidebate sources`: every cited work with the claims that cite it."""

from __future__ import annotations

import json

from tests.conftest import DATA, invoke, run_process
from tests.render.helpers import assert_inert, assert_plain_layout, run_both

BIKE = DATA / "valid" / "bike-lane"


def test_every_work_once_most_cited_first_with_its_citing_claims() -> None:
    code, out, err = run_both(["sources"], env={"COLUMNS": "100"})
    assert code == 0 and err == ""
    assert out.splitlines()[2:4] == [
        " [1] Dwarkesh Patel, 2023: Will scaling work?",
        "     https://www.dwarkesh.com/p/will-scaling-work",
    ]
    assert out.count("Will scaling work?") == 1
    cited = [line for line in out.splitlines() if "cited by" in line]
    counts = [int(line.split("cited by ")[1].split()[0]) for line in cited]
    assert counts == sorted(counts, reverse=True)


def test_the_works_under_one_claim_and_the_filters() -> None:
    out = invoke(["sources", "dw-09"]).stdout
    assert "cited by" in out and "dw-09" in out and "dw-01," not in out
    out = invoke(["sources", "--dir", str(BIKE), "--side", "con"]).stdout
    assert out == "None of the 2 claims shown cites a source.\n"
    assert invoke(["sources", "dw-1"]).exit_code == 2


def test_json_lists_works_with_their_claims() -> None:
    code, out, _ = run_both(["sources", "--dir", str(BIKE), "--json"])
    assert code == 0
    assert json.loads(out) == [
        {
            "number": 1,
            "title": "Protected bike lanes and injury rates",
            "author": "A. Researcher",
            "year": 2019,
            "url": "https://example.org/study",
            "note": None,
            "i18n": {},
            "cited_by": ["fewer-injuries"],
        }
    ]


def test_plain_in_a_pipe_and_inert_with_hostile_text() -> None:
    assert_plain_layout(run_process(["sources"], env={"COLUMNS": "80"}).stdout, 80)
    hostile = run_process(
        ["sources", "--dir", str(DATA / "reading" / "hostile")], env={"FORCE_COLOR": "1"}
    )
    assert hostile.returncode == 0
    assert_inert(hostile.stdout)
    assert "Work [link=https://evil.example]x[/link]" in hostile.stdout
