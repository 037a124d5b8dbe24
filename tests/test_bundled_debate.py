"""The bundled debate (arguments/): valid, complete, sourced, translated, and true to the brief."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from agidebate.format.load import check_debate, load_debate
from agidebate.model import Debate, Relation
from tests.conftest import BUNDLED, shared_dir

REQUIRED_TOPICS = ("data-wall", "scaling-evidence", "world-models", "physical-limits")


@pytest.fixture(scope="module")
def debate() -> Debate:
    return load_debate(BUNDLED)


def test_checks_clean_without_warnings() -> None:
    report = check_debate(BUNDLED)
    assert report.ok and not report.warnings, "\n".join(map(str, report.problems))


def test_thesis_and_size(debate: Debate) -> None:
    assert debate.thesis == "thesis"
    assert "2040" in debate.claims["thesis"].text
    assert len(debate) >= 100
    assert all(debate.is_reachable(c.id) for c in debate)


def test_every_claim_is_complete(debate: Debate) -> None:
    for claim in debate:
        assert claim.title and len(claim.title) <= 80, claim.id
        assert claim.by, claim.id
        assert claim.sources, claim.id
        assert claim.i18n.get("zh", {}).get("title"), claim.id
        assert re.search(r"[\u4e00-\u9fff]", claim.i18n["zh"]["title"]), claim.id


@pytest.mark.parametrize("topic", REQUIRED_TOPICS)
def test_required_topics_have_both_sides(debate: Debate, topic: str) -> None:
    assert topic in debate.topics
    assert (BUNDLED / f"{topic}.yaml").exists()
    sides = {debate.side_label(c.id) for c in debate if c.topic == topic}
    assert {"pro", "con"} <= sides


def longest_attack_chain(debate: Debate, topic: str) -> list[str]:
    """The longest chain a_n -> ... -> a_1 -> x of attacks whose attackers are all in `topic`."""
    members = {c.id for c in debate if c.topic == topic}
    best: dict[str, list[str]] = {}
    # Chains ending at a claim: iterate by depth so cycles cannot loop forever.
    frontier = {
        e.source: [e.source, e.target]
        for e in debate.edges
        if e.relation is Relation.ATTACK and e.source in members
    }
    best.update(frontier)
    for _ in range(len(members)):
        grown: dict[str, list[str]] = {}
        for claim_id, chain in frontier.items():
            for edge in debate.children(claim_id):
                if (
                    edge.relation is Relation.ATTACK
                    and edge.source in members
                    and edge.source not in chain
                ):
                    candidate = [edge.source, *chain]
                    if len(candidate) > len(grown.get(edge.source, [])):
                        grown[edge.source] = candidate
        if not grown:
            break
        frontier = grown
        for claim_id, chain in grown.items():
            if len(chain) > len(best.get(claim_id, [])):
                best[claim_id] = chain
    return max(best.values(), key=len, default=[])


@pytest.mark.parametrize("topic", REQUIRED_TOPICS)
def test_required_topics_argue_back_and_forth_four_deep(debate: Debate, topic: str) -> None:
    chain = longest_attack_chain(debate, topic)
    assert len(chain) - 1 >= 4, f"{topic}: longest attack chain {chain}"


def test_bottom_lines_are_claims(debate: Debate) -> None:
    assert {"tl-01", "tl-02", "tl-10", "hw-10"} <= set(debate.claims)
    figures = {(f.value, f.unit) for f in debate.claims["tl-01"].figures}
    assert (70, "% probability") in figures and (30, "% probability") in figures


def test_set_weights_carry_a_reason_comment() -> None:
    for path in sorted(BUNDLED.glob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = re.match(r"\s*weight:\s*([0-9.]+)\s*(#.*)?$", line)
            if match and float(match.group(1)) != 0.5:
                assert match.group(2), f"{path.name}:{number}: weight without a reason comment"


def brief_claims() -> dict[str, tuple[str, str]]:
    """Brief id (lower case) -> (stance, claim text) from ../shared/sources/brief.md."""
    text = (shared_dir("sources") / "brief.md").read_text(encoding="utf-8")
    found = {}
    for match in re.finditer(
        r"^#### ([A-Z]{2}-\d+) · (PRO|CON) ·.*?\n\n- \*\*Claim:\*\* (.*?)$", text, re.M | re.S
    ):
        found[match.group(1).lower()] = (match.group(2).lower(), match.group(3))
    return found


def test_every_brief_claim_is_present_on_its_side(debate: Debate) -> None:
    brief = brief_claims()
    assert len(brief) == 148
    for claim_id, (stance, _) in brief.items():
        assert claim_id in debate.claims, claim_id
        assert debate.side_label(claim_id) == stance, claim_id


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def test_claims_are_in_our_own_words(debate: Debate) -> None:
    """No claim repeats eight consecutive words of the brief's wording of it."""
    for claim_id, (_, brief_text) in brief_claims().items():
        source = words(brief_text)
        shingles = {tuple(source[i : i + 8]) for i in range(len(source) - 7)}
        ours = words(debate.claims[claim_id].text)
        copied = [
            " ".join(ours[i : i + 8])
            for i in range(len(ours) - 7)
            if tuple(ours[i : i + 8]) in shingles
        ]
        assert not copied, f"{claim_id} copies the brief: {copied[0]!r}"


def normalise(value: object) -> str:
    if isinstance(value, int | float):
        return repr(float(value))
    return str(value)


def test_every_figure_of_the_facts_table_is_on_its_claim(debate: Debate) -> None:
    table = shared_dir("sources") / "facts.tsv"
    with table.open(encoding="utf-8") as handle:
        rows = [
            r
            for r in csv.DictReader(handle, delimiter="\t")
            if not r["claim_id"].startswith("SRC-")
        ]
    assert len(rows) > 200
    missing = []
    for row in rows:
        claim = debate.claims.get(row["claim_id"].lower())
        try:
            expected = repr(float(row["figure"]))
        except ValueError:
            expected = row["figure"]
        present = claim is not None and any(
            normalise(f.value) == expected and f.unit == row["unit"] for f in claim.figures
        )
        if not present:
            missing.append(f"{row['claim_id']}: {row['figure']} {row['unit']}")
    assert not missing, missing


def test_perspectives_name_real_claims(debate: Debate) -> None:
    import yaml

    folder = BUNDLED / "perspectives"
    names = sorted(p.stem for p in folder.glob("*.yaml"))
    assert names == ["believer", "patel-2023", "skeptic"]
    for name in names:
        data = yaml.safe_load((folder / f"{name}.yaml").read_text(encoding="utf-8"))
        assert data["title"] and data["weights"]
        unknown = set(data["weights"]) - set(debate.claims)
        assert not unknown, (name, unknown)
        assert all(0 <= w <= 1 for w in data["weights"].values())


def test_sources_name_the_essays(debate: Debate) -> None:
    cited: defaultdict[str, int] = defaultdict(int)
    for claim in debate:
        for source in claim.sources:
            cited[source.title or ""] += 1
    for essay in ("Will scaling work?", "Why AGI Will Not Happen", "Yes, AGI can happen"):
        assert cited[essay] > 0, essay
    assert any(t.startswith("Situational Awareness") for t in cited)
    urls = [s.url for c in debate for s in c.sources if s.url]
    assert all(u.startswith(("https://", "http://")) for u in urls)


def test_files_are_one_per_topic() -> None:
    names = {p.stem for p in Path(BUNDLED).glob("*.yaml")} - {"debate"}
    assert set(REQUIRED_TOPICS) <= names
    assert len(names) >= 12
