"""The `--json` documents of `score`, `explain`, `cruxes` and `test`: plain dicts, stable keys.

Scores are rounded to `JSON_DIGITS` decimals (`records.rounded`), as everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from agidebate.query.records import rounded

if TYPE_CHECKING:
    from agidebate.scoring.cruxes import CruxReport
    from agidebate.scoring.disagreement import BetweenReport, FlipReport
    from agidebate.scoring.expectations import Row
    from agidebate.scoring.explain import ExplainReport
    from agidebate.scoring.report import Comparison, ScoreReport
    from agidebate.scoring.thesis import BestArgument, ThesisVerdict


def report_json(report: ScoreReport) -> dict[str, object]:
    """The `agidebate score --json` document."""
    result, thesis = report.result, report.thesis
    data: dict[str, object] = {
        "semantics": result.semantics,
        "scores": {cid: rounded(v) for cid, v in result.scores.items()},
    }
    if result.labels is not None:
        data["labels"] = dict(result.labels)
    data["thesis"] = {"id": thesis, "score": rounded(result.scores[thesis])} if thesis else None
    data["verdict"] = verdict_json(report.verdict) if report.verdict is not None else None
    data["topics"] = {
        t.id: {
            "title": t.title,
            "pro": rounded(t.pro),
            "con": rounded(t.con),
            "balance": rounded(t.balance),
            "pro_claims": t.pro_claims,
            "con_claims": t.con_claims,
        }
        for t in report.topics
    }
    data["converged"] = result.converged
    data["iterations"] = result.iterations
    return data


def verdict_json(read: ThesisVerdict) -> dict[str, object]:
    """The `verdict` object: the number, its band, the proof standard, the best each way."""
    standard = read.standard
    return {
        "value": rounded(read.value),
        "low": rounded(read.low),
        "high": rounded(read.high),
        "phrase": read.phrase,
        "standard": {"name": standard.name, "side": standard.side},
        "best_pro": _best_json(read.best_pro),
        "best_con": _best_json(read.best_con),
    }


def _best_json(best: BestArgument | None) -> dict[str, object] | None:
    if best is None:
        return None
    return {
        "id": best.id,
        "strength": rounded(best.strength),
        "path": [
            {
                "from": step.source,
                "to": step.target,
                "relation": step.relation.value,
                "impact": rounded(step.impact),
            }
            for step in best.path
        ],
    }


def all_semantics_json(reports: Sequence[ScoreReport]) -> dict[str, object]:
    """The `agidebate score --all-semantics --json` document: one verdict per semantics."""
    return {
        "thesis": reports[0].thesis if reports else None,
        "verdicts": {
            r.info.name: verdict_json(r.verdict) if r.verdict is not None else None for r in reports
        },
    }


def between_json(report: BetweenReport) -> dict[str, object]:
    """The `agidebate cruxes --between A B --json` document."""
    return {
        "semantics": report.info.name,
        "perspectives": list(report.names),
        "thesis": {"id": report.thesis, "a": rounded(report.value_a), "b": rounded(report.value_b)},
        "disagreements": [
            {
                "kind": "link" if d.link else "prior" if d.id == report.thesis else "claim",
                "id": d.id,
                **({"target": d.target} if d.link else {}),
                "a": rounded(d.a),
                "b": rounded(d.b),
                "effect": rounded(d.effect),
            }
            for d in report.disagreements
        ],
    }


def flip_json(report: FlipReport) -> dict[str, object]:
    """The `agidebate cruxes --flip --json` document."""
    return {
        "semantics": report.info.name,
        "thesis": {"id": report.thesis, "score": rounded(report.start)},
        "method": "greedy",
        "crossed": report.crossed,
        "bounded": report.bounded,
        "steps": [
            {"id": s.id, "from": rounded(s.before), "to": s.after, "thesis": rounded(s.verdict)}
            for s in report.steps
        ],
    }


def comparison_json(comparison: Comparison) -> dict[str, object]:
    """The `agidebate score --compare A B --json` document."""
    return {
        "semantics": comparison.a.result.semantics,
        "perspectives": list(comparison.names),
        "a": report_json(comparison.a),
        "b": report_json(comparison.b),
        "differences": [
            {"id": d.id, "a": rounded(d.a), "b": rounded(d.b), "change": rounded(d.change)}
            for d in comparison.differences
        ],
    }


def cruxes_json(report: CruxReport) -> dict[str, object]:
    """The `agidebate cruxes --json` document."""
    return {
        "semantics": report.info.name,
        "thesis": {"id": report.thesis, "score": rounded(report.score)},
        "converged": report.converged,
        "cruxes": [
            {
                "id": c.id,
                "weight": rounded(c.weight),
                "score": rounded(c.score),
                "thesis_at_0": rounded(c.low),
                "thesis_at_1": rounded(c.high),
                "swing": rounded(c.swing),
                "slope": rounded(c.slope),
                "exact": c.exact,
            }
            for c in report.cruxes
        ],
    }


def explanations_json(report: ExplainReport) -> dict[str, object]:
    """The `agidebate explain --json` document: one entry per explained claim, in reading order."""
    return {
        "semantics": report.info.name,
        "converged": report.result.converged,
        "claims": [
            {
                "id": e.claim,
                "level": e.level,
                "base": rounded(e.base),
                "score": rounded(e.score),
                **({"label": e.label} if e.label is not None else {}),
                "in_cycle": e.in_cycle,
                "influences": [
                    {
                        "id": i.source,
                        "relation": i.relation.value,
                        "score": rounded(i.score),
                        "contribution": rounded(i.contribution),
                        "ignored": i.ignored,
                        "exact": i.exact,
                        **({"link_source": i.link_source} if i.link_source is not None else {}),
                    }
                    for i in e.influences
                ],
            }
            for e in report.entries
        ],
    }


def expectations_json(rows: Sequence[Row]) -> dict[str, object]:
    """The `agidebate test --json` document: one record per expectation."""
    return {
        "ok": all(row.ok for row in rows),
        "expectations": [
            {
                "perspective": row.perspective,
                "semantics": row.semantics,
                "claim": row.claim,
                "expected": [row.expected.low, row.expected.high],
                "got": rounded(row.got) if row.got is not None else None,
                "ok": row.ok,
                "problem": row.problem,
                "location": (
                    {
                        "file": row.location.path,
                        "line": row.location.line,
                        "column": row.location.column,
                    }
                    if row.location is not None
                    else None
                ),
            }
            for row in rows
        ],
    }
