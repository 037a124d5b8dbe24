"""The `--json` shapes of the reading commands: plain dicts, stable keys. No rich.

Every listing describes a claim the same way (`claim_record`), so scripts can
use one parser for `list`, `search`, `path` and `show`; a cited work has the
shape it has in `export --format json`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from agidebate.export.to_json import source_dict
from agidebate.model import Debate
from agidebate.render.citations import CitedWork, SourceIndex
from agidebate.render.outline import Outline, RowKind
from agidebate.render.paths import ClaimPath
from agidebate.render.search import SearchHit
from agidebate.render.stats import DebateStats
from agidebate.text import localized


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
        "score": round(scores[claim.id], 6) if scores and claim.id in scores else None,
    }


def outline_record(
    debate: Debate, outline: Outline, scores: Mapping[str, float] | None, lang: str | None
) -> dict[str, Any]:
    """The rows of a tree view, flat (each with its depth), and the works they cite."""
    index = SourceIndex()
    rows: list[dict[str, Any]] = []
    for row in outline.rows:
        record: dict[str, Any] = {"kind": row.kind.value, "id": row.claim_id, "depth": row.depth}
        if row.kind is RowKind.MORE:
            pro, con = row.hidden
            record["hidden"] = {"pro": pro, "con": con, "elsewhere": row.hidden_refs}
        else:
            record["relation"] = row.relation.value if row.relation else None
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
                "to": claim_record(debate, e.target, scores, lang),
            }
            for e in chain.steps
        ],
        "other_relations": [
            {"relation": e.relation.value, "to": e.target} for e in chain.other_relations
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
            "path": [chain.claim_id, *(e.target for e in chain.steps)],
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
