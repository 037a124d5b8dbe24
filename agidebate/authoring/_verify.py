"""Before anything is written: read the whole debate as it would be, and compare.

`read_folder` reads every argument file once; `check_reading` parses and
links them exactly as `check_debate` does, with one file's new bytes in place
of the old. The edit is kept only if that debate has no errors, and if it means what
was asked and nothing else: the same claims, relations, topics and thesis as
before, plus exactly the new claim and its one relation.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from agidebate.authoring._plan import UnsafeEdit
from agidebate.errors import OperationError, Problem
from agidebate.format.cache import open_snapshot
from agidebate.format.join import link
from agidebate.format.load import (
    CheckReport,
    check_debate,
    iter_argument_files,
    parse_bytes,
    parse_path,
)
from agidebate.format.schema import DEBATE_FILE_NAMES
from agidebate.model import Claim, Debate, Edge


class EditRefused(OperationError):
    """The edited debate would not check clean; `problems` lists why."""

    def __init__(self, message: str, problems: list[Problem], hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a debate folder: its argument files, and their bytes read once.

    Everything an edit decides (is the debate clean, where does the claim go, is
    the result clean) comes from one reading, so that another writer finishing
    meanwhile cannot make the "before" and the "after" disagree.
    """

    folder: Path
    files: tuple[tuple[Path, str], ...]
    data: dict[str, bytes]
    cache: bool = True


def read_folder(folder: Path, cache: bool = True) -> Reading:
    """Read every argument file of `folder` (links and unreadable files are left to the loader)."""
    files = tuple(iter_argument_files(folder))
    data: dict[str, bytes] = {}
    for path, rel in files:
        if path.is_symlink():
            continue
        try:
            data[rel] = path.read_bytes()
        except OSError:
            continue
    return Reading(folder, files, data, cache)


def check_reading(
    reading: Reading,
    rel: str | None = None,
    new: bytes | None = None,
    changes: Mapping[str, bytes] | None = None,
) -> CheckReport:
    """Check the debate as read, or as it would be if file `rel` held `new` (a new file
    too), and each file of `changes` its bytes."""
    folder = reading.folder
    fresh = dict(changes or {})
    if rel is not None and new is not None:
        fresh[rel] = new
    files = list(reading.files)
    known = {name for _, name in files}
    added = [(folder / name, name) for name in fresh if name not in known]
    if added:
        files += added
        files.sort(key=lambda item: (item[1] not in DEBATE_FILE_NAMES, item[1]))
    if not files:
        return check_debate(folder, cache=reading.cache)  # says why an empty folder is not a debate
    snapshot = open_snapshot(folder) if reading.cache else None
    parsed = []
    for path, name in files:
        data = fresh.get(name, reading.data.get(name))
        if data is None:
            parsed.append(parse_path(folder, path, name, snapshot))
        else:  # the bytes as read (or to be written) decide, not the file on disk now
            parsed.append(parse_bytes(folder, name, data, snapshot))
    debate, problems = link(parsed)
    ordered = tuple(sorted(problems, key=Problem.sort_key))
    return CheckReport(
        folder, debate, ordered, len(parsed), claims=len(debate), relations=len(debate.edges)
    )


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


def _relations(edges: tuple[Edge, ...]) -> Counter[Edge]:
    """Every relation with all it says (but not where it is written)."""
    return Counter(dataclasses.replace(e, location=None) for e in edges)


def _heading(debate: Debate) -> tuple[object, ...]:
    """What debate.yaml says besides the thesis claim."""
    return (
        debate.thesis,
        debate.title,
        debate.summary,
        debate.expect,
        debate.i18n,
        debate.authors,
    )


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
    if _heading(after) != _heading(before):
        return "the debate's thesis, title or expectations would change"
    for topic_id, topic in before.topics.items():
        other = after.topics.get(topic_id)
        if other is None or (other.title, other.summary, other.i18n) != (
            topic.title,
            topic.summary,
            topic.i18n,
        ):
            return f"topic '{topic_id}' would change"
    extra = set(after.topics) - set(before.topics) - ({new_topic} if new_topic else set())
    if extra:
        return "a topic would appear: " + ", ".join(sorted(extra))
    return None
