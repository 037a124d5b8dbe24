"""Before anything is written: read the whole debate as it would be, and compare.

`check_with` parses every file of the folder, with one file's new bytes taken
from memory instead of the disk, and links them exactly as `check_debate`
does. The edit is kept only if that debate has no errors, and if it means what
was asked and nothing else: the same claims, relations, topics and thesis as
before, plus exactly the new claim and its one relation.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

from agidebate._fileparse import ParsedFile
from agidebate._link import link
from agidebate.authoring._plan import UnsafeEdit
from agidebate.errors import OperationError, Problem
from agidebate.loader import CheckReport, _parse_path, iter_argument_files, parse_text
from agidebate.model import Claim, Debate, Edge
from agidebate.schema import DEBATE_FILE_NAMES


class EditRefused(OperationError):
    """The edited debate would not check clean; `problems` lists why."""

    def __init__(self, message: str, problems: list[Problem], hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.problems = problems


def check_with(folder: Path, rel: str, data: bytes) -> CheckReport:
    """Check the debate in `folder` as if file `rel` held `data` (it may not exist yet)."""
    files = list(iter_argument_files(folder))
    if all(known != rel for _, known in files):
        files.append((folder / rel, rel))
        files.sort(key=lambda item: (item[1] not in DEBATE_FILE_NAMES, item[1]))
    parsed = [
        _parse_new(folder, known, data) if known == rel else _parse_path(folder, path, known)
        for path, known in files
    ]
    debate, problems = link(parsed, str(folder))
    return CheckReport(folder, debate, tuple(sorted(problems, key=Problem.sort_key)), len(parsed))


def _parse_new(folder: Path, rel: str, data: bytes) -> ParsedFile:
    stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return parse_text(data, str(folder / rel), stem, rel in DEBATE_FILE_NAMES)


def new_warnings(before: CheckReport, after: CheckReport) -> list[Problem]:
    """Warnings the edit would add (compared by code and message; lines may have moved)."""
    seen = Counter((p.code, p.message) for p in before.warnings)
    fresh = []
    for problem in after.warnings:
        key = (problem.code, problem.message)
        if seen[key]:
            seen[key] -= 1
        else:
            fresh.append(problem)
    return fresh


def require_clean(after: CheckReport, what: str) -> Debate:
    """The edited debate, or `EditRefused` listing its errors."""
    if after.errors or after.debate is None:
        raise EditRefused(
            f"{what} was not written: the debate would not check clean",
            after.errors,
            "the problems above are in the text that would have been written; "
            "see it with --dry-run",
        )
    return after.debate


def _plain(claim: Claim) -> Claim:
    return dataclasses.replace(claim, location=None, topic=None)


def _relations(edges: tuple[Edge, ...]) -> Counter[tuple[str, str, str]]:
    return Counter((e.source, e.target, e.relation.value) for e in edges)


def require_same_meaning(
    before: Debate, after: Debate, claim: Claim | None, edge: Edge | None, new_topic: str | None
) -> None:
    """`after` is `before` plus `claim` and `edge` (and topic `new_topic`), nothing else."""
    problem = _difference(before, after, claim, edge, new_topic)
    if problem is not None:
        raise UnsafeEdit(
            f"the edited file would not read back as intended ({problem}); nothing was written",
            "use --file FILE to put the claim in a file of its own; "
            "please report this, with the file, as a bug",
        )


def _difference(
    before: Debate, after: Debate, claim: Claim | None, edge: Edge | None, new_topic: str | None
) -> str | None:
    expected_ids = set(before.claims) | ({claim.id} if claim else set())
    if set(after.claims) != expected_ids:
        changed = sorted(set(after.claims) ^ expected_ids)
        return "claims would appear or vanish: " + ", ".join(changed[:5])
    for claim_id, old in before.claims.items():
        if _plain(after.claims[claim_id]) != _plain(old):
            return f"claim '{claim_id}' would change"
    if claim is not None and _plain(after.claims[claim.id]) != _plain(claim):
        return f"the new claim '{claim.id}' would not read as given"
    expected = _relations(before.edges) + _relations((edge,) if edge else ())
    if _relations(after.edges) != expected:
        return "the relations between claims would change"
    if (after.thesis, after.title, after.summary) != (before.thesis, before.title, before.summary):
        return "the debate's thesis or title would change"
    for topic_id, topic in before.topics.items():
        other = after.topics.get(topic_id)
        if other is None or (other.title, other.summary) != (topic.title, topic.summary):
            return f"topic '{topic_id}' would change"
    extra = set(after.topics) - set(before.topics) - ({new_topic} if new_topic else set())
    if extra:
        return "a topic would appear: " + ", ".join(sorted(extra))
    return None
