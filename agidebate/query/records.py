"""Every `--json` record shape, in one module (with the parts of a debate they share,
`query.parts`): plain dicts, stable keys. No rich.

Every listing describes a claim the same way (`claim_record`), so scripts can
use one parser for `list`, `search`, `path` and `show`; a cited work has the
shape it has in `export --format json` (`source_dict`); a problem has one shape
in `check`, `add` and `new` (`problem_dict`); `score`, `explain` and `cruxes`
documents round scores to `JSON_DIGITS` decimals (`rounded`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from agidebate.query.parts import edge_dict, source_dict
from agidebate.scoring import JSON_DIGITS
from agidebate.text import localized

if TYPE_CHECKING:
    # Annotations only: each command imports this module, and no more than it needs.
    from pathlib import Path

    from agidebate.errors import Problem
    from agidebate.format.load import CheckReport
    from agidebate.model import Claim, Debate, Edge, Side
    from agidebate.query.citations import CitedWork
    from agidebate.query.outline import Outline
    from agidebate.query.paths import ClaimPath
    from agidebate.query.search import SearchHit
    from agidebate.query.stats import DebateStats


class FileChange(Protocol):
    """What a written (or planned) change of one file tells: `add` and `new` report it."""

    @property
    def path(self) -> Path: ...
    @property
    def created(self) -> bool: ...
    @property
    def written(self) -> bool: ...
    @property
    def first_line(self) -> int: ...
    @property
    def last_line(self) -> int: ...
    @property
    def inserted(self) -> str: ...
    def diff(self) -> str: ...


class ClaimAdded(Protocol):
    """What `add` reports: the new claim, its relation, its side, the change, the warnings."""

    @property
    def claim(self) -> Claim: ...
    @property
    def edge(self) -> Edge: ...
    @property
    def side(self) -> Side | None: ...
    @property
    def change(self) -> FileChange: ...
    @property
    def warnings(self) -> tuple[Problem, ...]: ...


def rounded(value: float) -> float:
    """A score as JSON shows it: `JSON_DIGITS` decimals."""
    return round(value, JSON_DIGITS)


def claim_record(
    debate: Debate, claim_id: str, scores: Mapping[str, float] | None, lang: str | None = None
) -> dict[str, Any]:
    """A claim as every reading command reports it."""
    claim = debate.claims[claim_id]
    title = localized(claim, lang, "label")
    return {
        "id": claim.id,
        "side": debate.side_label(claim.id),
        "depth": debate.depth(claim.id),
        "topic": claim.topic,
        "title": title.text,
        "translated": None if lang is None else not title.fallback,
        "by": claim.by,
        "score": rounded(scores[claim.id]) if scores and claim.id in scores else None,
        "kind": claim.kind.value,
        "editorial": claim.editorial,
        "date": claim.date,
    }


def outline_record(
    debate: Debate, outline: Outline, scores: Mapping[str, float] | None, lang: str | None
) -> dict[str, Any]:
    """The rows of a tree view, flat (each with its depth), and the works they cite."""
    from agidebate.query.citations import SourceIndex
    from agidebate.query.outline import RowKind

    index = SourceIndex()
    rows: list[dict[str, Any]] = []
    for row in outline.rows:
        record: dict[str, Any] = {"kind": row.kind.value, "id": row.claim_id, "depth": row.depth}
        if row.kind is RowKind.MORE:
            pro, con = row.hidden
            record["hidden"] = {"pro": pro, "con": con, "elsewhere": row.hidden_refs}
        else:
            record["relation"] = row.relation.value if row.relation else None
            record["link"] = edge_dict(row.edge) if row.edge else None
            record["side"] = row.side.value if row.side else None
            record["context"] = row.context
        if row.kind is RowKind.CLAIM:
            claim = debate.claims[row.claim_id]
            record["claim"] = claim_record(debate, row.claim_id, scores, lang)
            record["sources"] = index.numbers(claim)
        rows.append(record)
    return {
        "roots": list(outline.roots),
        "depth": outline.depth,
        "claims": outline.total,
        "matched": outline.matched,
        "shown": outline.shown,
        "unreachable": list(outline.unreachable),
        "rows": rows,
        "sources": [{"number": n, **source_dict(s)} for n, s in enumerate(index.works, start=1)],
    }


def path_record(
    chain: ClaimPath, scores: Mapping[str, float] | None, lang: str | None
) -> dict[str, Any]:
    debate = chain.debate
    return {
        "id": chain.claim_id,
        "side": debate.side_label(chain.claim_id),
        "reaches_thesis": chain.reaches_root,
        "because": chain.because(),
        "steps": [
            {
                "from": claim_record(debate, e.source, scores, lang),
                "relation": e.relation.value,
                "to": claim_record(debate, e.upstream, scores, lang),
                "link": edge_dict(e),
            }
            for e in chain.steps
        ],
        "other_relations": [
            {"relation": e.relation.value, "to": e.upstream, "link": edge_dict(e)}
            for e in chain.other_relations
        ],
        "both_sides": chain.both_sides,
    }


def search_record(
    debate: Debate,
    hits: Sequence[SearchHit],
    paths: Sequence[ClaimPath],
    scores: Mapping[str, float] | None,
    lang: str | None,
) -> list[dict[str, Any]]:
    return [
        {
            **claim_record(debate, hit.claim_id, scores, lang),
            "matched": list(hit.fields),
            "snippet": {"field": hit.snippet[0], "text": hit.snippet[1]} if hit.snippet else None,
            "path": [chain.claim_id, *(e.upstream for e in chain.steps)],
            "path_length": len(chain.steps) + chain.elided,
        }
        for hit, chain in zip(hits, paths, strict=True)
    ]


def works_record(works: Sequence[CitedWork]) -> list[dict[str, Any]]:
    return [
        {"number": n, **source_dict(w.source), "cited_by": w.cited_by}
        for n, w in enumerate(works, start=1)
    ]


def stats_record(stats: DebateStats) -> dict[str, Any]:
    return {
        "claims": stats.claims,
        "relations": {
            "total": stats.relations,
            "supports": stats.supports,
            "attacks": stats.attacks,
        },
        "sides": {"pro": stats.pro, "con": stats.con, "pro_share": stats.pro_share},
        "top_level": {"pro": stats.top_pro, "con": stats.top_con},
        "depth": {
            "max": stats.max_depth,
            "claims_per_level": {str(k): v for k, v in stats.depths.items()},
        },
        "topics": [
            {
                "id": t.id,
                "title": t.title,
                "claims": t.claims,
                "pro": t.pro,
                "con": t.con,
                "max_depth": t.max_depth,
            }
            for t in stats.topics
        ],
        "unreachable": list(stats.unreachable),
        "both_sides": list(stats.both_sides),
        "several_targets": stats.several_targets,
        "unanswered": stats.unanswered,
        "works": stats.works,
        "unsourced": stats.unsourced,
        "authors": stats.authors,
    }


def problem_dict(problem: Problem) -> dict[str, Any]:
    loc = problem.location
    return {
        "file": loc.path if loc else None,
        "line": loc.line if loc else None,
        "column": loc.column if loc else None,
        "severity": problem.severity.value,
        "code": problem.code,
        "message": problem.message,
        "hint": problem.hint,
    }


def problems_json(problems: Sequence[Problem]) -> list[dict[str, Any]]:
    return [problem_dict(p) for p in problems]


def addition_json(added: ClaimAdded) -> dict[str, Any]:
    change = added.change
    return {
        "id": added.claim.id,
        "target": edge_dict(added.edge)["target"],
        "relation": added.edge.relation.value,
        "side": added.side.value if added.side else None,
        **change_json(change),
        "warnings": problems_json(added.warnings),
    }


def change_json(change: FileChange) -> dict[str, Any]:
    return {
        "file": str(change.path),
        "created": change.created,
        "written": change.written,
        "lines": [change.first_line, change.last_line],
        "yaml": change.inserted + "\n",
        "diff": change.diff(),
    }


def check_json(report: CheckReport, ok: bool) -> dict[str, Any]:
    """The `agidebate check --json` document (`ok`: whether the check passed)."""
    return {
        "ok": ok,
        "folder": str(report.folder),
        "files": report.files,
        "claims": report.claims,
        "relations": report.relations,
        "problems": problems_json(report.problems),
    }
