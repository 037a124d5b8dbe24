"""`agidebate score`: the verdict page, --json, what-if options and their errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agidebate.scoring import SEMANTICS, _solver
from tests.conftest import EXAMPLES, MakeDebate, invoke
from tests.scoring.test_report import REPORT_KEYS

MAIN_STREET = str(EXAMPLES / "main-street")
CYCLE = {
    "debate.yaml": "thesis: {text: T}\n",
    "ring.yaml": "claims:\n"
    + "".join(
        f"  - {{id: c{i}, text: C{i}, weight: {i % 2}, supports: c{(i + 1) % 10}, attacks: c{(i + 2) % 10}}}\n"
        for i in range(10)
    )
    + "  - {id: link, text: L, supports: [thesis], attacks: [c0]}\n",
}


def score(*args: str) -> str:
    result = invoke(["score", "--dir", MAIN_STREET, *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def score_json(*args: str) -> dict:  # type: ignore[type-arg]
    return json.loads(score("--json", *args))  # type: ignore[no-any-return]


def test_the_page_reads_as_a_verdict() -> None:
    out = " ".join(score().split())
    assert "Verdict: for the thesis (0.72)" in out
    assert "0.5 would be a draw" in out and "How sure: fragile." in out
    assert 'Best for: fewer-injuries "Protected lanes cut injuries", effective strength 0.77' in out
    assert 'Best against: traffic-diverts "Cars will divert onto side streets"' in out
    assert "Proof standard: clear and convincing for the thesis" in out
    assert "Semantics: dtop, discounted top" in out
    assert "Weights: as written in the debate files." in out
    assert "Topics: each topic's pro and con claims, combined" in out and "business" in out
    assert "Claims by strength" in out and "parking-loss" in out
    qe = " ".join(score("-s", "qe").split())
    assert "Verdict: for the thesis (0.69)" in qe and "How sure: firm." in qe
    assert "Topics: the summed strength" in qe and "a side argued in more claims" in qe


def test_json_has_exactly_the_issue_shape() -> None:
    data = score_json()
    assert list(data) == REPORT_KEYS
    assert data["semantics"] == "dtop" and data["converged"] is True
    verdict = data["verdict"]
    assert verdict["value"] == verdict["low"] == verdict["high"] == data["thesis"]["score"]
    assert verdict["standard"] == {"name": "clear and convincing", "side": "for"}
    assert verdict["best_pro"]["id"] == "fewer-injuries"
    assert verdict["best_con"]["path"] == [
        {"from": "traffic-diverts", "to": "thesis", "relation": "attack", "impact": 1.0}
    ]
    assert data["thesis"] == {"id": "thesis", "score": data["scores"]["thesis"]}
    assert set(data["topics"]) == {"safety", "business"}
    grounded = score_json("--semantics", "grounded")
    assert grounded["labels"]["thesis"] == "undec" and grounded["scores"]["thesis"] == 0.5


@pytest.mark.parametrize("name", list(SEMANTICS))
def test_every_semantics_scores_the_bundled_debate(name: str) -> None:
    result = invoke(["score", "--semantics", name])
    assert result.exit_code == 0, result.stderr
    assert "Verdict: " in result.stdout and "Scaling will deliver AGI by 2040" in result.stdout


def test_what_if_options_change_the_scores(tmp_path: Path) -> None:
    base = score_json()["scores"]
    assert score_json("--set", "parking-loss=0")["scores"]["thesis"] > base["thesis"]
    own = tmp_path / "mine.yaml"
    own.write_text("parking-loss: 1\n", encoding="utf-8")
    assert score_json("--weights", str(own))["scores"]["thesis"] < base["thesis"]
    smaller = score_json("--without", "footfall")["scores"]
    assert {"footfall", "survey-doubt", "independent-study", "different-town"}.isdisjoint(smaller)
    assert score_json("--perspective", "cyclist")["scores"]["thesis"] > base["thesis"]
    out = score("--perspective", "shopkeeper", "--set", "school-route=0.9", "--without", "footfall")
    assert 'Perspective: shopkeeper "A shopkeeper"' in out
    assert "Set: school-route=0.9." in out and "Left out: 4 claims (footfall," in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--set", "parking=0.2"],
            "error: --set: no claim with id 'parking'\n    hint: did you mean 'parking-loss'?",
        ),
        (["--set", "parking-loss=1.2"], "the weight 1.2 is outside [0, 1]"),
        (["--set", "parking-loss"], "--set expects ID=VALUE"),
        (["--without", "footfal"], "did you mean 'footfall'?"),
        (["--perspective", "shop"], "did you mean 'shopkeeper'?"),
        (["--semantics", "quad"], "unknown semantics 'quad'"),
        (["--weights", "no-such-file.yaml"], "weights file 'no-such-file.yaml' does not exist"),
        (["--compare", "cyclist", "shopkeeper", "--perspective", "cyclist"], "not both"),
    ],
)
def test_bad_command_line_values_exit_2(args: list[str], message: str) -> None:
    result = invoke(["score", "--dir", MAIN_STREET, *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_weights_file_lists_every_problem_and_exits_1() -> None:
    result = invoke(
        ["score", "--dir", MAIN_STREET, "--weights", str(EXAMPLES / "bad-weights.yaml")]
    )
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].endswith(
        "bad-weights.yaml:1:1: error: no claim with id 'parking-los' in this debate"
    )
    assert any(
        ":2:15: error: the weight of 'few-cyclists' must be a number" in line for line in lines
    )
    assert any(
        ":3:16: error: the weight of 'garage-nearby' is 1.5, outside [0, 1]" in line
        for line in lines
    )
    assert "error: cannot use the weights in" in result.stderr


def test_a_perspective_that_is_not_a_mapping_exits_1(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": "thesis: {text: T}\n",
            "a.yaml": "claims:\n  - {id: x, text: X, attacks: thesis}\n",
            "perspectives/odd.yaml": "- x\n- 0.5\n",
        }
    )
    result = invoke(["score", "--dir", str(folder), "--perspective", "odd"])
    assert result.exit_code == 1
    assert (
        "odd.yaml:1:1: error: a weights file must be a mapping of claim ids to weights"
        in result.stderr
    )


def test_compare_shows_both_verdicts_and_the_differences() -> None:
    out = score("--compare", "cyclist", "shopkeeper", "--top", "3")
    assert "  cyclist     0.82  strongly for the thesis (A cyclist)" in out
    assert "  shopkeeper  0.56  leans slightly for the thesis (A shopkeeper)" in out
    assert "Where they differ most (3 of" in out
    data = json.loads(score("--compare", "base", "shopkeeper", "--json"))
    assert data["perspectives"] == ["base", "shopkeeper"]
    assert data["differences"][0]["change"] == min(
        (d["change"] for d in data["differences"]), key=lambda c: -abs(c)
    )


def test_cycles_that_do_not_settle_are_shown(
    make_debate: MakeDebate, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = str(make_debate(CYCLE))
    settled = invoke(["score", "--dir", folder, "--json", "-s", "qe"])
    assert json.loads(settled.stdout)["converged"] is True
    # The continuous DF-QuAD-style model oscillates on this ring (a limit cycle of the
    # continuous system itself, not of the step size): said, not hidden.
    unsettled = json.loads(invoke(["score", "--dir", folder, "--json"]).stdout)
    assert unsettled["converged"] is False and unsettled["iterations"] == _solver.MAX_STEPS
    monkeypatch.setattr(_solver, "MAX_STEPS", 2)
    monkeypatch.setattr(_solver, "PROGRESS_BLOCK", 1)
    result = invoke(["score", "--dir", folder])
    assert result.exit_code == 0
    assert "warning: the scores did not settle: after 2 steps" in result.stdout
    data = json.loads(invoke(["score", "--dir", folder, "--json"]).stdout)
    assert data["converged"] is False and data["iterations"] == 2


def test_all_lists_every_claim() -> None:
    out = score("--all")
    assert "Claims by strength\n" in out
    assert out.count("\n   0.") + out.count("\n   1.") >= 13
    assert "(5 of 13" in score("--top", "5")


def test_help_does_not_load_the_scoring_engine() -> None:
    code = (
        "import sys\n"
        "from agidebate.cli import app\n"
        "try:\n"
        "    app(['score', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        # agidebate.scoring itself is the registry of semantics the help text lists;
        # none of the engine (a semantics, the solver, the results) may load.
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('yaml', 'networkx')"
        " or m.startswith('agidebate.scoring.')]\n"
        "print('HEAVY', heavy)\n"
    )
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


def test_a_narrow_terminal_wraps_headings_and_moves_titles_below() -> None:
    out = invoke(["score"], env={"COLUMNS": "40"}).stdout
    assert "Will scaling current AI approaches lead\n  to AGI by 2040?" in out
    assert "  algorithmic-progress    0.89  0.00  ██████████ 100% pro\n      Algorithmic" in out
    prose = out.split("\nTopics:")[0]
    assert max(len(line) for line in prose.splitlines()) <= 40, prose
