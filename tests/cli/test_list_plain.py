"""Piped or `--plain`, `agidebate list` prints one tab-separated line per claim after a
header, so grep, cut and awk work (issue 19, item 4); `--table` keeps the table."""

from __future__ import annotations

import subprocess

from agidebate.format.load import load_debate
from tests.conftest import BUNDLED, DATA, MakeDebate, invoke, run_process

BIKE = DATA / "valid" / "bike-lane"
HEADER = "id\tside\tdepth\tscore\ttitle\tby"


def test_piped_list_of_the_bundled_debate_is_claims_plus_one_lines() -> None:
    result = run_process(["list"], env={"COLUMNS": "80"})
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    claims = len(load_debate(BUNDLED))
    assert len(lines) == claims + 1 == 151
    assert lines[0] == HEADER
    assert all(line.count("\t") == 5 for line in lines)
    assert [line.split("\t")[0] for line in lines[1:]] == list(load_debate(BUNDLED).claims)


def test_grep_finds_whole_rows_with_their_id() -> None:
    listing = run_process(["list"]).stdout
    found = subprocess.run(
        ["grep", "-i", "skeptic"], input=listing, capture_output=True, text=True, check=False
    ).stdout.splitlines()
    ids = set(load_debate(BUNDLED).claims)
    assert found, "the bundled debate has claims by the Skeptic"
    assert all(line.split("\t")[0] in ids for line in found)


def test_cut_and_awk_read_the_columns() -> None:
    listing = run_process(["list", "--dir", str(BIKE)]).stdout
    cut = subprocess.run(
        ["cut", "-f1,2"], input=listing, capture_output=True, text=True, check=True
    ).stdout
    assert cut.splitlines() == [
        "id\tside",
        "thesis\tthesis",
        "parking-loss\tcon",
        "fewer-injuries\tpro",
        "few-cyclists\tcon",
        "latent-demand\tpro",
    ]
    awk = subprocess.run(
        ["awk", "-F\t", "NR > 1 && $4 > 0.7 {print $1}"],
        input=listing,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert awk.split() == ["fewer-injuries"]


def test_plain_in_process_and_the_exact_rows() -> None:
    result = invoke(["list", "--plain", "--dir", str(BIKE)])
    assert result.stdout.splitlines() == [
        HEADER,
        "thesis\tthesis\t0\t0.64\tBuild the bike lane\t",
        "parking-loss\tcon\t1\t0.50\tShops lose parking\t",
        "fewer-injuries\tpro\t1\t0.77\tProtected lanes cut injuries\tTransport committee",
        "few-cyclists\tcon\t2\t0.25\tFew cyclists use Main Street\tShop owners' association",
        "latent-demand\tpro\t2\t0.50\tNobody rides where it is unsafe\t",
    ]


def test_without_scores_the_column_goes() -> None:
    lines = invoke(["list", "--plain", "--no-scores", "--dir", str(BIKE)]).stdout.splitlines()
    assert lines[0] == "id\tside\tdepth\ttitle\tby"
    assert lines[1] == "thesis\tthesis\t0\tBuild the bike lane\t"


def test_tabs_and_line_breaks_in_text_stay_on_one_line(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "t.yaml": 'claims:\n  - id: a\n    title: "one\\ttwo\\nthree"\n    text: T\n'
            '    by: "Eve\\u2028Mallory"\n'
        }
    )
    lines = invoke(["list", "--plain", "--dir", str(folder)]).stdout.rstrip("\n").split("\n")
    assert len(lines) == 2
    assert lines[1].count("\t") == 5


def test_table_keeps_the_table_when_piped() -> None:
    out = run_process(["list", "--table", "--dir", str(BIKE)], env={"COLUMNS": "100"}).stdout
    assert out.splitlines()[0] == "id              side      depth  score  title"


def test_no_match_is_still_the_header_alone_when_plain() -> None:
    result = invoke(["list", "--plain", "--dir", str(BIKE), "--tag", "nothing-has-this"])
    assert result.exit_code == 0
    assert result.stdout == HEADER + "\n"
