"""The argument format end to end: nesting, cross-file links, multi-target, cycles, debate.yaml."""

from __future__ import annotations

import math

import pytest

from agidebate import load_debate
from agidebate.format.load import check_debate
from agidebate.model import Relation, Side
from tests.conftest import DATA, MakeDebate

THESIS = "title: T\nthesis:\n  text: The thesis.\n"


def test_nested_pro_and_con_give_relations_and_sides(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": THESIS,
            "topic.yaml": """\
claims:
  - id: a
    text: A supports the thesis.
    supports: thesis
    con:
      - id: b
        text: B attacks A.
        con:
          - id: c
            text: C attacks B.
            pro:
              - id: d
                text: D supports C.
""",
        }
    )
    debate = load_debate(folder)
    assert [(e.source, e.target, e.relation) for e in debate.edges] == [
        ("a", "thesis", Relation.SUPPORT),
        ("b", "a", Relation.ATTACK),
        ("c", "b", Relation.ATTACK),
        ("d", "c", Relation.SUPPORT),
    ]
    assert [debate.side(x) for x in "abcd"] == [Side.PRO, Side.CON, Side.PRO, Side.PRO]
    assert [debate.depth(x) for x in "abcd"] == [1, 2, 3, 4]
    assert debate.side("thesis") is None and debate.side_label("thesis") == "thesis"


def test_claims_point_across_files_and_at_several_targets(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": THESIS,
            "one.yaml": "claims:\n  - {id: a, text: A, supports: thesis}\n  - {id: b, text: B, attacks: thesis}\n",
            "two/replies.yaml": "claims:\n  - id: r\n    text: R\n    attacks: [a, b]\n",
        }
    )
    debate = load_debate(folder)
    assert debate.attacks_of("r") == ["a", "b"]
    assert debate.side("r") is Side.CON  # first shortest path: attacks pro claim a
    assert debate.claims["r"].topic == "replies"
    report = check_debate(folder)
    assert [p.code for p in report.warnings] == ["mixed-side"]


def test_cycles_load_and_terminate(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": THESIS,
            "cycle.yaml": """\
claims:
  - {id: a, text: A, attacks: [thesis, b]}
  - {id: b, text: B, attacks: a}
""",
        }
    )
    report = check_debate(folder)
    assert report.ok
    debate = report.debate
    assert debate is not None
    assert debate.side("a") is Side.CON and debate.side("b") is Side.PRO
    assert [e.target for e in debate.path_to_root("b")] == ["a", "thesis"]


def test_cycle_that_reaches_no_root_is_a_warning(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {"t.yaml": "claims:\n  - {id: a, text: A, attacks: b}\n  - {id: b, text: B, attacks: a}\n"}
    )
    report = check_debate(folder)
    assert report.ok
    assert {p.code for p in report.warnings} == {"orphan"}
    assert report.debate is not None and report.debate.roots == ()


def test_without_debate_yaml_every_untargeted_claim_is_a_root(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "t.yaml": "claims:\n  - {id: a, text: A}\n  - {id: b, text: B}\n  - {id: c, text: C, attacks: a}\n"
        }
    )
    debate = load_debate(folder)
    assert debate.thesis is None
    assert debate.roots == ("a", "b")
    assert debate.side("c") is Side.CON
    assert debate.side_label("a") == "root"


def test_thesis_can_name_its_own_id(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": "thesis:\n  id: main\n  text: M\n",
            "t.yaml": "claims:\n  - {id: a, text: A, supports: main}\n",
        }
    )
    debate = load_debate(folder)
    assert debate.thesis == "main" and debate.side("a") is Side.PRO


def test_orphan_claim_is_a_warning_with_a_hint(make_debate: MakeDebate) -> None:
    folder = make_debate({"debate.yaml": THESIS, "t.yaml": "claims:\n  - {id: lonely, text: L}\n"})
    report = check_debate(folder)
    assert report.ok
    (warning,) = report.warnings
    assert warning.code == "orphan" and "supports: thesis" in (warning.hint or "")


def test_files_are_read_recursively_in_sorted_order(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": THESIS,
            "b.yaml": "claims:\n  - {id: b, text: B, supports: thesis}\n",
            "a/z.yml": "claims:\n  - {id: az, text: AZ, supports: thesis}\n",
            "a.yaml": "claims:\n  - {id: a, text: A, supports: thesis}\n",
            ".hidden/x.yaml": "claims:\n  - {id: hidden, text: H}\n",
            "perspectives/p.yaml": "weights: {a: 1}\n",
            "notes.txt": "not yaml",
        }
    )
    debate = load_debate(folder)
    assert list(debate.claims) == ["thesis", "a", "az", "b"]


def test_a_topic_can_span_files(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": THESIS,
            "main.yaml": "topic: data\ntitle: Data\nclaims:\n  - {id: a, text: A, supports: thesis}\n",
            "more.yaml": "topic: data\nclaims:\n  - {id: b, text: B, attacks: a}\n",
        }
    )
    debate = load_debate(folder)
    assert list(debate.topics) == ["data"]
    assert debate.topics["data"].title == "Data" and len(debate.topics["data"].files) == 2
    assert debate.claims["b"].topic == "data"


def test_field_values_keep_their_meaning(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "debate.yaml": THESIS,
            "t.yaml": """\
claims:
  - id: a
    title: "no"
    text: !!str yes
    by: "12:30"
    weight: 0.75
    supports: thesis
    sources:
      - https://example.org/a
      - {title: A book, author: Someone, year: 2019, note: "p. 12"}
    figures:
      - {value: 1e35, unit: FLOP}
      - {value: "~2026", unit: year}
      - {value: 40, unit: spaces, what: parking}
      - {value: hundreds of millions, unit: years}
    tags: [a, "2024", 2024]
    i18n: {zh: {title: 标题, text: 正文}}
""",
        }
    )
    claim = load_debate(folder).claims["a"]
    assert (claim.title, claim.text, claim.by, claim.weight) == ("no", "yes", "12:30", 0.75)
    assert claim.sources[0].url == "https://example.org/a"
    assert claim.sources[1].year == 2019 and claim.sources[1].note == "p. 12"
    values = [f.value for f in claim.figures]
    assert values[0] == 1e35 and isinstance(values[0], float)
    assert values[1:] == ["~2026", 40, "hundreds of millions"]
    assert claim.tags == ("a", "2024", "2024")
    assert claim.i18n == {"zh": {"title": "标题", "text": "正文"}}
    assert claim.weight_stated


def test_default_weight_is_half(make_debate: MakeDebate) -> None:
    folder = make_debate({"t.yaml": "claims:\n  - {id: a, text: A}\n"})
    claim = load_debate(folder).claims["a"]
    assert claim.weight == 0.5 and not claim.weight_stated


def test_aliases_load_with_their_plain_meaning(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "t.yaml": """\
claims:
  - id: a
    text: A
    sources: &shared
      - https://example.org/one
  - id: b
    text: B
    attacks: a
    sources: *shared
""",
        }
    )
    debate = load_debate(folder)
    assert debate.claims["b"].sources == debate.claims["a"].sources


def test_an_aliased_text_is_warned_about_once(make_debate: MakeDebate) -> None:
    text = "claims:\n  - {id: a, text: &t Shared}\n  - {id: b, text: *t, attacks: a}\n"
    warnings = check_debate(make_debate({"t.yaml": text})).warnings
    swallowed = [w.location for w in warnings if w.code == "swallowed-text"]
    assert [(w.line, w.column) for w in swallowed if w is not None] == [(2, 19)]


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbfclaims:\r\n  - id: a\r\n    text: BOM and CRLF\r\n",
        b"claims:\n  - id: a\n    text: |\n      a block\n      scalar\n",
        b"# only a comment first\nclaims: [{id: a, text: flow style}]\n",
    ],
    ids=["bom-crlf", "block-scalar", "flow"],
)
def test_encodings_and_styles(make_debate: MakeDebate, data: bytes) -> None:
    debate = load_debate(make_debate({"t.yaml": data}))
    assert list(debate.claims) == ["a"]


def test_empty_file_is_a_warning(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {"t.yaml": "claims:\n  - {id: a, text: A}\n", "empty.yaml": "# nothing yet\n"}
    )
    report = check_debate(folder)
    assert report.ok and [p.code for p in report.warnings] == ["empty-file"]


def test_empty_folder_is_an_error(make_debate: MakeDebate) -> None:
    report = check_debate(make_debate({}))
    assert not report.ok and report.errors[0].code == "no-files"


def test_every_problem_is_reported_not_only_the_first(make_debate: MakeDebate) -> None:
    folder = make_debate(
        {
            "a.yaml": "claims:\n  - {id: a, txt: A}\n",
            "b.yaml": "claims:\n  - {id: B, text: B}\n",
            "c.yaml": "claims: [\n",
        }
    )
    codes = sorted(p.code for p in check_debate(folder).errors)
    assert codes == ["bad-id", "missing-text", "unknown-field", "yaml-syntax"]


def test_deep_nesting_is_refused_not_crashed(make_debate: MakeDebate) -> None:
    depth = 5000
    folder = make_debate({"t.yaml": "claims: " + "[" * depth + "]" * depth + "\n"})
    (error,) = check_debate(folder).errors
    assert error.code == "too-deep" and error.location is not None
    assert error.location.line == 1


def test_alias_bombs_are_refused(make_debate: MakeDebate) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    lines += ["claims: *a8"]
    folder = make_debate({"t.yaml": "\n".join(lines) + "\n"})
    (error,) = check_debate(folder).errors
    assert error.code == "yaml-alias" and "expand" in error.message


def test_long_chains_are_handled_iteratively(make_debate: MakeDebate) -> None:
    n = 10_000
    claims = ["claims:", "  - {id: c0, text: C0, attacks: thesis}"]
    claims += [f"  - {{id: c{i}, text: C{i}, attacks: c{i - 1}}}" for i in range(1, n)]
    debate = load_debate(make_debate({"debate.yaml": THESIS, "t.yaml": "\n".join(claims) + "\n"}))
    assert debate.depth(f"c{n - 1}") == n
    assert debate.side(f"c{n - 1}") is (Side.CON if n % 2 else Side.PRO)
    assert len(debate.path_to_root(f"c{n - 1}")) == n


def test_example_folder_from_the_docs_loads(make_debate: MakeDebate) -> None:
    debate = load_debate(DATA / "valid" / "bike-lane")
    assert debate.title and debate.thesis == "thesis"
    sides = {c.id: debate.side_label(c.id) for c in debate}
    assert sides == {
        "thesis": "thesis",
        "parking-loss": "con",
        "fewer-injuries": "pro",
        "few-cyclists": "con",
        "latent-demand": "pro",
    }
    assert math.isclose(debate.claims["fewer-injuries"].weight, 0.7)


def test_public_api_imports_in_any_order() -> None:
    from agidebate import ExportOptions, export_debate, load_debate, score

    debate = load_debate(DATA / "valid" / "bike-lane")
    assert str(export_debate(debate, "json", ExportOptions())).startswith("{")
    assert 0 <= score(debate).scores["thesis"] <= 1
