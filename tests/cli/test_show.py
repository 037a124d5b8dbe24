"""`agidebate show`: the tree a reader walks, in-process and as a real subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA, MakeDebate, invoke, run_process
from tests.render.helpers import assert_inert, assert_plain_layout, run_both

BIKE = DATA / "valid" / "bike-lane"
TANGLED = DATA / "reading" / "tangled"
HOSTILE = DATA / "reading" / "hostile"
WIDE = {"COLUMNS": "160"}


def nodes(output: str) -> list[str]:
    """The first line of each node of the tree."""
    return [line for line in output.splitlines() if "├─ " in line or "└─ " in line]


def test_the_bundled_debate_opens_at_its_thesis() -> None:
    code, out, err = run_both(["show"])
    assert code == 0 and err == ""
    assert out.startswith("Will scaling current AI approaches lead to AGI by 2040?\n")
    assert "◆ thesis  Scaling will deliver AGI by 2040" in out
    assert "├─ ▼ con Good text runs out in 2024" in out
    assert "agidebate show dw-" in out  # a collapsed branch names the command that opens it
    assert "\nSources\n" not in out, "the works are listed only with --sources"
    assert out.endswith("\n[1] to [31] are cited works: add --sources to list them.\n")
    code, out, err = run_both(["show", "--sources"])
    assert "\nSources\n" in out and "Dwarkesh Patel, 2023: Will scaling work?" in out
    assert_plain_layout(out, 80)


def test_a_claim_opens_with_its_card_and_every_reply_below() -> None:
    code, out, _ = run_both(["show", "dw-01", "--no-scores"], env=WIDE)
    assert code == 0
    assert out.startswith("▼ con  Good text runs out in 2024\n")
    assert "  why     dw-01 counts against the thesis: it attacks the thesis." in out
    # The data-wall chain to its end: dw-02, dw-07, dw-16, er-02, er-03.
    chain = ["dw-02", "dw-07", "dw-16", "er-02", "er-03"]
    lines = nodes(out)
    where = [next(i for i, line in enumerate(lines) if f" {cid}" in line) for cid in chain]
    assert where == sorted(where)
    indents = [lines[i].index("─") for i in where]
    assert indents == sorted(indents) and len(set(indents)) == len(indents)


def test_the_tree_of_a_small_debate_has_exactly_this_shape() -> None:
    code, out, _ = run_both(["show", "--dir", str(BIKE), "--no-scores"], env=WIDE)
    assert code == 0
    assert nodes(out) == [
        "├─ ▼ con Shops lose parking  parking-loss",
        "└─ ▲ pro Protected lanes cut injuries  fewer-injuries · Transport committee [1]",
        "   ├─ ▼ con Few cyclists use Main Street  few-cyclists · Shop owners' association",
        "   │  └─ ▲ pro Nobody rides where it is unsafe  ↻ see latent-demand below",
        "   └─ ▲ pro Nobody rides where it is unsafe  latent-demand",
    ]


def test_cycles_and_claims_with_several_targets_print_once_and_finitely() -> None:
    code, out, _ = run_both(["show", "--dir", str(TANGLED), "--no-scores"], env=WIDE)
    assert code == 0
    assert nodes(out) == [
        "├─ ▼ con Top-level con  top · Ann",
        "│  ├─ ▲ pro Loop A  loop-a · Bob",
        "│  │  └─ ▼ con Loop B  ↻ see loop-b below",
        "│  ├─ ▼ con Loop B  loop-b · Cy",
        "│  │  └─ ▲ pro Loop A  ↻ see loop-a above",
        "│  ├─ ▲ pro Answers two claims  ↻ see both-ways below",
        "│  ├─ ▼ con Diamond left  d1",
        "│  │  └─ ▲ pro Diamond bottom  d3",
        "│  └─ ▼ con Diamond right  d2",
        "│     └─ ▲ pro Diamond bottom  ↻ see d3 above",
        "└─ ▲ pro Answers two claims  both-ways",
    ]
    assert "Not shown, as no chain leads from them to the thesis: orphan-a, orphan-b" in out
    code, out, _ = run_both(["show", "orphan-a", "--dir", str(TANGLED), "--no-scores"])
    assert code == 0 and "orphan-a does not reach the thesis" in out
    assert nodes(out) == [
        "└─ ▼ con Orphan B  orphan-b",
        "   └─ ▲ pro Orphan A  ↻ see orphan-a above",
    ]


def test_depth_collapses_branches_and_the_hint_keeps_the_readers_options() -> None:
    args = ["show", "--dir", str(BIKE), "--depth", "1", "--lang", "zh", "--no-scores"]
    result = invoke(args)
    assert result.exit_code == 0
    assert "+2 more (1 pro, 1 con):" in result.stdout
    hint = f"agidebate show fewer-injuries --dir {BIKE} --lang zh --no-scores"
    assert hint in " ".join(result.stdout.split())
    assert "more" not in invoke(["show", "--dir", str(BIKE), "--all"]).stdout.replace("(", "")


def test_filters_keep_matches_and_mark_the_claims_that_lead_to_them() -> None:
    out = invoke(["show", "--dir", str(BIKE), "--side", "con", "--no-scores"], env=WIDE).stdout
    assert "2 claims match side con; 1 other (△ ▽) leads to them" in out
    assert nodes(out) == [
        "├─ ▼ con Shops lose parking  parking-loss",
        "└─ △ pro Protected lanes cut injuries  fewer-injuries · Transport committee [1]",
        "   └─ ▼ con Few cyclists use Main Street  few-cyclists · Shop owners' association",
    ]
    assert invoke(["show", "--dir", str(BIKE), "--by", "nobody"]).stdout == (
        "No claim matches by nobody.\n"
    )
    result = invoke(["show", "--topic", "data-walls"])
    assert result.exit_code == 2 and "did you mean 'data-wall'?" in result.stderr
    assert invoke(["show", "--side", "maybe"]).exit_code == 2


def test_chinese_titles_show_where_they_exist_and_english_is_marked() -> None:
    out = invoke(["show", "--dir", str(BIKE), "--lang", "zh", "--no-scores"], env=WIDE).stdout
    assert "└─ ▲ pro 保护性车道减少受伤  fewer-injuries" in out
    assert "├─ ▼ con Shops lose parking (en)  parking-loss" in out
    out = invoke(["show", "--lang", "zh", "--depth", "1"]).stdout
    assert "◆ thesis  持续扩展将在2040年前带来AGI" in out
    result = invoke(["show", "--dir", str(BIKE), "--lang", "fr"])
    assert result.exit_code == 0 and "no claim has a 'fr' translation" in result.stderr
    assert invoke(["show", "--lang", "x y"]).exit_code == 2


def test_scores_show_by_default_and_can_be_hidden() -> None:
    scored = invoke(["show", "--dir", str(BIKE)], env=WIDE).stdout
    assert "fewer-injuries · Transport committee · 0.77 [1]" in scored
    assert "score 0.64  (base weight 0.50)" in scored
    plain = invoke(["show", "--dir", str(BIKE), "--no-scores"]).stdout
    assert "0.70" not in plain and "score" not in plain


def test_an_unknown_claim_is_a_usage_error_with_a_suggestion() -> None:
    result = invoke(["show", "dw-1"])
    assert result.exit_code == 2
    assert "no claim with id 'dw-1'" in result.stderr and "did you mean" in result.stderr


def test_json_gives_the_rows_flat_with_sources_numbered() -> None:
    code, out, _ = run_both(["show", "--dir", str(TANGLED), "--json", "--all"])
    data = json.loads(out)
    assert code == 0 and data["roots"] == ["thesis"] and data["depth"] is None
    full = [row["id"] for row in data["rows"] if row["kind"] == "claim"]
    assert sorted(full) == sorted(
        ["thesis", "top", "loop-a", "loop-b", "both-ways", "d1", "d2", "d3"]
    )
    refs = [row["id"] for row in data["rows"] if row["kind"] == "ref"]
    assert sorted(refs) == ["both-ways", "d3", "loop-a", "loop-b"]
    assert data["unreachable"] == ["orphan-a", "orphan-b"]
    first = data["rows"][1]
    assert set(first) == {
        *("kind", "id", "depth", "relation", "link", "side", "context", "claim", "sources"),
    }
    assert first["claim"]["by"] == "Ann" and first["relation"] == "attack"
    collapsed = json.loads(invoke(["show", "--dir", str(BIKE), "--json", "-L", "1"]).stdout)
    more = [row for row in collapsed["rows"] if row["kind"] == "more"]
    assert more == [
        {
            "kind": "more",
            "id": "fewer-injuries",
            "depth": 2,
            "hidden": {"pro": 1, "con": 1, "elsewhere": 0},
        }
    ]


def test_colour_on_a_terminal_and_never_in_a_pipe_or_with_no_color() -> None:
    coloured = run_process(["show", "--dir", str(BIKE)], env={"FORCE_COLOR": "1"})
    assert "\x1b[" in coloured.stdout
    piped = run_process(["show", "--dir", str(BIKE)])
    assert "\x1b" not in piped.stdout
    refused = run_process(["show", "--dir", str(BIKE)], env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b" not in refused.stdout
    assert refused.stdout == piped.stdout


@pytest.mark.parametrize("width", ["80", "120"])
def test_text_wraps_to_the_terminal_width(width: str) -> None:
    out = run_process(["show", "--text", "--all", "--lang", "zh"], env={"COLUMNS": width}).stdout
    assert_plain_layout(out, int(width))
    assert max(len(line) for line in out.splitlines()) > int(width) - 10


def test_user_text_prints_literally_and_inert() -> None:
    for env in ({}, {"FORCE_COLOR": "1"}):
        for args in (
            ["show", "--all", "--text", "--sources"],
            ["show", "markup", "--lang", "zh", "--sources"],
        ):
            result = run_process([*args, "--dir", str(HOSTILE)], env=env)
            assert result.returncode == 0, result.stderr
            assert_inert(result.stdout)
            assert "[link=https://evil.example]" in result.stdout


def test_a_chain_thousands_deep_prints_every_claim_once(
    make_debate: MakeDebate, tmp_path: Path
) -> None:
    lines = ["claims:", "  - {id: c0, text: C0, attacks: thesis}"]
    lines += [f"  - {{id: c{i}, text: C{i}, attacks: c{i - 1}}}" for i in range(1, 3000)]
    folder = make_debate({"debate.yaml": "thesis: {text: T}\n", "chain.yaml": "\n".join(lines)})
    result = invoke(["show", "--dir", str(folder), "--all", "--no-scores"])
    assert result.exit_code == 0
    assert len(nodes(result.stdout)) == 3000
    assert_plain_layout(result.stdout, 80)


def test_an_output_that_cannot_encode_unicode_gets_ascii_and_escapes() -> None:
    result = run_process(
        ["show", "--dir", str(BIKE), "--lang", "zh"], env={"PYTHONIOENCODING": "ascii"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii()
    assert (
        "`- + pro \\u4fdd\\u62a4" in result.stdout
        and "|- - con Shops lose parking" in result.stdout
    )


def test_another_semantics_is_named_and_kept_in_the_hint() -> None:
    out = invoke(["show", "--dir", str(BIKE), "--semantics", "dfquad", "-L", "1"], env=WIDE).stdout
    assert "Scores (0 to 1, dfquad) weigh each claim against its replies." in " ".join(out.split())
    assert "agidebate show fewer-injuries --dir" in out and "--semantics dfquad" in out
    default = invoke(["show", "--dir", str(BIKE), "-L", "1"], env=WIDE).stdout
    assert "Scores (0 to 1, dtop)" in " ".join(default.split()) and "--semantics" not in default
    result = invoke(["show", "--semantics", "nonsense"])
    assert result.exit_code == 2 and "unknown semantics 'nonsense'" in result.stderr
