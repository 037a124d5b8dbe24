"""Every way to weigh the debate, scored at export time for the page (export/weighings.py)."""

from __future__ import annotations

import json

import pytest

from agidebate.errors import UsageError
from agidebate.export.weighings import weigh
from agidebate.format.load import load_debate
from agidebate.scoring import DEFAULT_SEMANTICS, SEMANTICS
from tests.conftest import BUNDLED, MakeDebate, invoke


def test_every_perspective_under_every_registered_semantics() -> None:
    debate = load_debate(BUNDLED)
    found = weigh(debate, BUNDLED)
    names = [p.name for p in found.perspectives]
    assert names[0] == "base" and len(names) == 4
    assert found.semantics[0].name == DEFAULT_SEMANTICS
    assert sorted(s.name for s in found.semantics) == sorted(SEMANTICS)
    assert len(found.runs) == len(names) * len(SEMANTICS)
    assert found.initial == ("base", DEFAULT_SEMANTICS) and found.partial is None


def test_a_part_is_weighed_with_the_whole_debates_perspectives() -> None:
    debate = load_debate(BUNDLED)
    part = debate.subtree("dw-01")
    found = weigh(part, BUNDLED, perspective="skeptic", full=debate)
    run = found.run("skeptic", "qe")
    assert set(run.scores) == set(part.claims)
    assert run.verdict is not None and run.verdict["value"] == round(run.scores["dw-01"], 6)


def test_a_huge_debate_embeds_only_the_chosen_pair_and_says_so() -> None:
    debate = load_debate(BUNDLED)
    found = weigh(debate, BUNDLED, semantics="dfquad", perspective="believer", limit=100)
    assert [(r.perspective, r.semantics) for r in found.runs] == [("believer", "dfquad")]
    assert found.partial and "150 claims" in found.partial


def test_unknown_start_pairs_are_usage_errors_naming_the_choices() -> None:
    debate = load_debate(BUNDLED)
    with pytest.raises(UsageError, match="no perspective 'skeptik'"):
        weigh(debate, BUNDLED, perspective="skeptik")
    with pytest.raises(UsageError, match="unknown semantics"):
        weigh(debate, BUNDLED, semantics="nope")


def test_a_broken_perspective_file_stops_the_html_export_with_located_errors(
    make_debate: MakeDebate,
) -> None:
    folder = make_debate(
        {
            "debate.yaml": "title: T\nthesis: {id: t, text: A thesis.}\n",
            "perspectives/bad.yaml": "weights:\n  t: seven\n",
        }
    )
    result = invoke(["export", "--format", "html", "--dir", str(folder)])
    assert result.exit_code == 1
    assert "bad.yaml:2:6: error: the weight of 't' must be a number" in result.stderr
    other = invoke(["export", "--format", "json", "--dir", str(folder)])  # not read: fine
    assert other.exit_code == 0 and json.loads(other.stdout)["thesis"] == "t"
