"""JSON: the machine-readable contract of a debate (keys are stable)."""

from __future__ import annotations

import json
import os
from typing import Any

from agidebate.export import ExportOptions
from agidebate.model import Claim, Debate, Figure, Source

SCHEMA_VERSION = 1


def relative_file(debate: Debate, claim: Claim) -> str | None:
    """The claim's file relative to the debate folder, with '/' separators."""
    if claim.location is None:
        return None
    path = claim.location.path
    if debate.root and path.startswith(debate.root.rstrip(os.sep) + os.sep):
        path = path[len(debate.root.rstrip(os.sep)) + 1 :]
    return path.replace(os.sep, "/")


def source_dict(source: Source) -> dict[str, Any]:
    return {
        "title": source.title,
        "url": source.url,
        "author": source.author,
        "year": source.year,
        "note": source.note,
    }


def figure_dict(figure: Figure) -> dict[str, Any]:
    return {"value": figure.value, "unit": figure.unit, "what": figure.what, "note": figure.note}


def claim_dict(debate: Debate, claim: Claim, options: ExportOptions) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": claim.id,
        "title": claim.title,
        "text": claim.text,
        "topic": claim.topic,
        "file": relative_file(debate, claim),
        "line": claim.location.line if claim.location else None,
        "column": claim.location.column if claim.location else None,
        "by": claim.by,
        "weight": claim.weight,
        "side": debate.side_label(claim.id),
        "depth": debate.depth(claim.id),
        "supports": debate.supports_of(claim.id),
        "attacks": debate.attacks_of(claim.id),
        "sources": [source_dict(s) for s in claim.sources],
        "figures": [figure_dict(f) for f in claim.figures],
        "tags": list(claim.tags),
        "i18n": {lang: dict(fields) for lang, fields in claim.i18n.items()},
    }
    if options.scores is not None:
        data["score"] = options.scores.get(claim.id)
    return data


def to_data(debate: Debate, options: ExportOptions) -> dict[str, Any]:
    """The JSON document as Python data."""
    data: dict[str, Any] = {
        "format": "agidebate",
        "version": SCHEMA_VERSION,
        "title": debate.title,
        "summary": debate.summary,
        "thesis": debate.thesis,
        "topics": [
            {"id": t.id, "title": t.title, "summary": t.summary} for t in debate.topics.values()
        ],
        "claims": [claim_dict(debate, c, options) for c in debate],
        "edges": [
            {"source": e.source, "target": e.target, "type": e.relation.value} for e in debate.edges
        ],
    }
    if options.scores is not None:
        data["semantics"] = options.semantics
    return data


def export(debate: Debate, options: ExportOptions) -> str:
    return json.dumps(to_data(debate, options), ensure_ascii=False, indent=2) + "\n"
