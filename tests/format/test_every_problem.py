"""`check` reports every problem of a claim at once: an invalid id does not hide the
claim's other fields, and a duplicate claim's relations are checked too (issue 19,
item 5)."""

from __future__ import annotations

from agidebate.format.load import check_debate
from tests.conftest import MakeDebate, invoke

DEBATE = "thesis:\n  text: T\n"


def codes(folder: object) -> list[tuple[str, int]]:
    report = check_debate(str(folder), cache=False)
    return [(p.code, p.location.line if p.location else 0) for p in report.problems]


def test_an_invalid_id_does_not_hide_the_claims_other_problems(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": DEBATE,
            "t.yaml": (
                "claims:\n"
                "  - id: Bad Id\n"  # 2
                "    text: A claim\n"
                "    weight: high\n"  # 4
                "    attacks: no-such-claim\n"  # 5
                "    sources: [not-a-url]\n"  # 6
                "    tags: 7\n"  # 7
            ),
        }
    )
    found = codes(folder)
    lines = sorted(line for _code, line in found)
    assert 2 in lines, found  # the id
    assert {4, 6, 7} <= set(lines), found  # weight, source, tags: reported in the same run
    assert ("unknown-id", 5) in found, found
    result = invoke(["check", "--dir", str(folder)])
    assert result.exit_code == 1
    assert "'weight' must be a number" in result.stdout
    assert "claim 'Bad Id' attacks unknown id 'no-such-claim'" in result.stdout


def test_a_duplicate_claims_relations_are_checked(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": DEBATE,
            "a.yaml": "claims:\n  - {id: a, text: A, attacks: thesis}\n",
            "b.yaml": (
                "claims:\n"
                "  - id: a\n"  # 2: duplicate
                "    text: Again\n"
                "    attacks: no-such-claim\n"  # 4
                "    supports: a\n"  # 5: itself
            ),
        }
    )
    found = codes(folder)
    assert ("duplicate-id", 2) in found
    assert ("unknown-id", 4) in found, found
    assert ("self-target", 5) in found, found


def test_a_duplicate_claim_adds_no_relation_and_no_false_twice(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": DEBATE,
            "a.yaml": "claims:\n  - {id: a, text: A, attacks: thesis}\n",
            "b.yaml": "claims:\n  - {id: a, text: Again, attacks: thesis}\n",
        }
    )
    report = check_debate(str(folder), cache=False)
    assert [p.code for p in report.errors] == ["duplicate-id"]
    assert report.debate is not None and len(report.debate.edges) == 1
