"""JSON: the machine-readable contract of a debate (keys are stable)."""

from __future__ import annotations

import functools
import json
import json.encoder
import os
from collections.abc import Callable, Iterable
from typing import Any

from agidebate.export import ExportOptions
from agidebate.model import Claim, Debate
from agidebate.query.parts import (
    edge_dict,
    expect_dict,
    figure_dict,
    quote_dict,
    source_dict,
    translations,
)

SCHEMA_VERSION = 2  # 2: edges may be undercuts, whose target is the cut link


def _unencodable(value: object) -> None:
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _record_encoder() -> Callable[[Any], str]:
    """The C encoder of the json module, made once: `json.dumps(record, ensure_ascii=False)`
    without building a JSONEncoder and its C twin for each of 10,000 records (the
    output is the same; Python builds without the C accelerator use json.dumps)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return json.JSONEncoder(ensure_ascii=False).encode
    encode = make(
        None, _unencodable, json.encoder.encode_basestring, None, ": ", ", ", False, False, True
    )
    return lambda record: "".join(encode(record, 0))


_ENCODE = _record_encoder()


def relative_file(folder: str | None, claim: Claim) -> str | None:
    """The claim's file relative to the debate folder, with '/' separators."""
    if claim.location is None:
        return None
    return _relative(folder, claim.location.path)


@functools.lru_cache(maxsize=4096)
def _relative(root: str | None, path: str) -> str:
    if root and path.startswith(root.rstrip(os.sep) + os.sep):
        path = path[len(root.rstrip(os.sep)) + 1 :]
    return path.replace(os.sep, "/")


def claim_dict(debate: Debate, claim: Claim, options: ExportOptions) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": claim.id,
        "title": claim.title,
        "text": claim.text,
        "topic": claim.topic,
        "file": relative_file(options.folder, claim),
        "line": claim.location.line if claim.location else None,
        "column": claim.location.column if claim.location else None,
        "by": claim.by,
        "weight": claim.weight,
        "side": debate.side_label(claim.id),
        "depth": debate.depth(claim.id),
        "supports": debate.supports_of(claim.id),
        "attacks": debate.attacks_of(claim.id),
        "undercuts": [
            {"source": e.link_source, "target": e.target} for e in debate.undercuts_of(claim.id)
        ],
        "sources": [source_dict(s) for s in claim.sources],
        "figures": [figure_dict(f) for f in claim.figures],
        "tags": list(claim.tags),
        "i18n": translations(claim.i18n),
        "kind": claim.kind.value,
        "quote": [quote_dict(q) for q in claim.quotes],
        "editorial": claim.editorial,
        "note": claim.note,
        "date": claim.date,
    }
    if options.scores is not None:
        data["score"] = options.scores.get(claim.id)
    return data


def _header(debate: Debate, options: ExportOptions) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "agidebate",
        "version": SCHEMA_VERSION,
        "title": debate.title,
        "summary": debate.summary,
        "thesis": debate.thesis,
        "i18n": translations(debate.i18n),
        "authors": {name: translations(a.i18n) for name, a in debate.authors.items()},
        "expect": expect_dict(debate.expect),
    }
    if options.scores is not None:
        data["semantics"] = options.semantics
    return data


def _records(debate: Debate, options: ExportOptions) -> dict[str, Iterable[dict[str, Any]]]:
    return {
        "topics": (
            {"id": t.id, "title": t.title, "summary": t.summary, "i18n": translations(t.i18n)}
            for t in debate.topics.values()
        ),
        "claims": (claim_dict(debate, c, options) for c in debate),
        "edges": (edge_dict(e) for e in debate.edges),
    }


def to_data(debate: Debate, options: ExportOptions) -> dict[str, Any]:
    """The JSON document as Python data."""
    data = _header(debate, options)
    data.update((key, list(rows)) for key, rows in _records(debate, options).items())
    return data


def dumps(header: dict[str, Any], records: dict[str, Iterable[dict[str, Any]]]) -> str:
    """JSON with one top-level key per line and one record per line.

    Readable and diff-friendly, and fast: records go one by one through the C
    encoder and are never all held as Python data at once.

    >>> print(dumps({"a": 1}, {"items": [{"x": 1}, {"x": 2}], "empty": []}), end="")
    {
      "a": 1,
      "items": [
        {"x": 1},
        {"x": 2}
      ],
      "empty": []
    }
    """
    lines = ["{"]
    lines.extend(
        f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in header.items()
    )
    last = len(records) - 1
    for index, (key, rows) in enumerate(records.items()):
        comma = "," if index < last else ""
        body = ",\n".join("    " + _ENCODE(row) for row in rows)
        lines.append(
            f"  {json.dumps(key)}: [\n{body}\n  ]{comma}"
            if body
            else f"  {json.dumps(key)}: []{comma}"
        )
    lines.append("}")
    lines.append("")  # a final newline without copying the whole text again
    return "\n".join(lines)


def export(debate: Debate, options: ExportOptions) -> str:
    return dumps(_header(debate, options), _records(debate, options))
