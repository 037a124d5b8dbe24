"""A parse cache: each file's checked result, stored as plain JSON.

Re-reading a large debate mostly repeats work: parsing YAML and checking each
file's fields. The cache keeps what `format.load.parse_text` made of each file, in
`$XDG_CACHE_HOME/agidebate` (default `~/.cache/agidebate`), one JSON file per
argument file.

It is never trusted over the files:

- an entry is used only when the file's bytes hash to the digest stored with it
  (BLAKE2b), and when it was written by this exact agidebate (version, Python,
  PyYAML, and the size and mtime of every module of `agidebate/format/` and of
  `model.py` and `errors.py`, so no edit to the parser can leave a stale entry);
- an entry carries a digest of its own content, so one that is damaged,
  truncated or edited by hand is ignored and rebuilt, as is one that cannot be
  read or is not JSON;
- it holds data only (JSON, never pickle), and writing it is best effort: a
  read-only or full disk never makes a command fail.

Callers switch it off with `load_debate(..., cache=False)`; the command line passes
`--no-cache` (or `AGIDEBATE_NO_CACHE=1`) that way.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from agidebate.errors import Location, Problem, Severity
from agidebate.format.parsed import ParsedFile
from agidebate.model import Claim, Edge, Figure, Relation, Source

LAYOUT = 3
# Besides every module of agidebate/format/, the cached values are built from these.
_MODEL_MODULES = ("model.py", "errors.py")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "agidebate" / f"parse-{LAYOUT}"


def _stamp(path: Path) -> str:
    with contextlib.suppress(OSError):
        stat = path.stat()
        return f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}"
    return f"{path.name}:missing"


@functools.cache
def fingerprint() -> str:
    """Changes whenever agidebate, Python or PyYAML (or its C extension) changes.

    PyYAML is identified by its files rather than imported, so a warm load never
    pays for importing it.
    """
    import importlib.util

    from agidebate._version import __version__

    here = Path(__file__).resolve().parent
    parts = [__version__, sys.version, f"parse-{LAYOUT}"]
    parts += sorted(_stamp(p) for p in here.iterdir() if p.suffix == ".py")
    parts += [_stamp(here.parent / name) for name in _MODEL_MODULES]
    spec = importlib.util.find_spec("yaml")
    if spec is not None and spec.origin:
        yaml_dir = Path(spec.origin).parent
        parts += sorted(_stamp(p) for p in yaml_dir.iterdir() if p.suffix in (".py", ".so", ".pyd"))
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def _entry_path(absolute: str) -> Path:
    name = hashlib.blake2b(absolute.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return cache_dir() / f"{name}.json"


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def get(absolute: str, data_digest: str, shown: str) -> ParsedFile | None:
    """The cached result for a file with these bytes, or None.

    An entry is two lines: a header (fingerprint, the source file's digest, and
    the digest of the second line) and the file's result as JSON. A damaged,
    truncated or hand-edited entry fails the check and is rebuilt.
    """
    try:
        header_line, _, body = _entry_path(absolute).read_bytes().partition(b"\n")
        header = json.loads(header_line)
        if (
            header["fingerprint"] != fingerprint()
            or header["digest"] != data_digest
            or header["check"] != digest(body)
        ):
            return None
        return _decode(json.loads(body), shown)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def put(absolute: str, data_digest: str, parsed: ParsedFile) -> None:
    """Store a file's result; failures are ignored (the cache is only an optimisation)."""
    from agidebate.errors import OperationError
    from agidebate.fileio import atomic_write

    body = json.dumps(_encode(parsed), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = {"fingerprint": fingerprint(), "digest": data_digest, "check": digest(body)}
    target = _entry_path(absolute)
    with contextlib.suppress(OSError, OperationError, ValueError):
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, json.dumps(header).encode("ascii") + b"\n" + body, durable=False)


# -- encoding ------------------------------------------------------------------
#
# Every record is stored by field name (a claim's, a source's, a figure's, a
# relation's), with its relation as the enum's value, so that an entry written by
# another version of the model cannot be read into the wrong fields: a renamed,
# added or removed field makes the entry fail to decode and it is rebuilt.


def _loc(location: Location | None) -> list[int] | None:
    return [location.line, location.column] if location else None


def _encode(parsed: ParsedFile) -> dict[str, Any]:
    return {
        "is_debate_file": parsed.is_debate_file,
        "title": parsed.title,
        "summary": parsed.summary,
        "topic": parsed.topic,
        "topic_explicit": parsed.topic_explicit,
        "topic_location": _loc(parsed.topic_location),
        "thesis": parsed.thesis,
        "claims": _encode_claims(parsed.claims),
        "edges": _encode_edges(parsed.edges),
        "edge_owners": parsed.edge_owners,
        "problems": [
            {
                "code": p.code,
                "message": p.message,
                "hint": p.hint,
                "severity": p.severity.value,
                "location": _loc(p.location),
            }
            for p in parsed.problems
        ],
    }


def _encode_edges(edges: list[Edge]) -> dict[str, list[Any]]:
    """Relations by field name, one list per field (fast to read back: they are many)."""
    return {
        "source": [e.source for e in edges],
        "target": [e.target for e in edges],
        "relation": [e.relation.value for e in edges],
        "line": [e.location.line if e.location else None for e in edges],
        "column": [e.location.column if e.location else None for e in edges],
    }


CLAIM_COLUMNS = (
    "id",
    "text",
    "title",
    "by",
    "weight",
    "weight_stated",
    "sources",
    "figures",
    "tags",
    "i18n",
    "topic",
    "line",
    "column",
)
_RELATIONS = {relation.value: relation for relation in Relation}


def _encode_claims(claims: list[Claim]) -> dict[str, list[Any]]:
    """Claims by field name, one list per field (fast to read back: they are many)."""
    return {
        "id": [c.id for c in claims],
        "text": [c.text for c in claims],
        "title": [c.title for c in claims],
        "by": [c.by for c in claims],
        "weight": [c.weight for c in claims],
        "weight_stated": [c.weight_stated for c in claims],
        "sources": [[dataclasses.asdict(s) for s in c.sources] for c in claims],
        "figures": [[dataclasses.asdict(f) for f in c.figures] for c in claims],
        "tags": [list(c.tags) for c in claims],
        "i18n": [c.i18n for c in claims],
        "topic": [c.topic for c in claims],
        "line": [c.location.line if c.location else None for c in claims],
        "column": [c.location.column if c.location else None for c in claims],
    }


def _decode_claims(columns: dict[str, list[Any]], shown: str) -> list[Claim]:
    """The claims back from their columns; a column more or less than the model's fields
    (an entry from another version) raises, and the entry is rebuilt."""
    if columns.keys() != _COLUMN_SET:
        raise KeyError(f"claim fields {sorted(columns)}")
    rows = zip(*(columns[name] for name in CLAIM_COLUMNS), strict=True)
    return [
        Claim(
            id=claim_id,
            text=text,
            title=title,
            by=by,
            weight=weight,
            weight_stated=stated,
            sources=tuple([Source(**s) for s in sources]) if sources else (),
            figures=tuple([Figure(**f) for f in figures]) if figures else (),
            tags=tuple(tags),
            i18n=i18n,
            topic=topic,
            location=Location(shown, line, column) if line else None,
        )
        for (
            claim_id,
            text,
            title,
            by,
            weight,
            stated,
            sources,
            figures,
            tags,
            i18n,
            topic,
            line,
            column,
        ) in rows
    ]


_COLUMN_SET = frozenset(CLAIM_COLUMNS)
# Every field of Claim is a column (its location as line and column).
assert {f.name for f in dataclasses.fields(Claim)} == (_COLUMN_SET - {"line", "column"}) | {
    "location"
}


def _decode(data: dict[str, Any], shown: str) -> ParsedFile:
    def at(pair: list[int] | None) -> Location | None:
        return Location(shown, pair[0], pair[1]) if pair else None

    columns = data["edges"]
    relation = _RELATIONS  # an unknown value is a KeyError: the entry is rebuilt
    edges = [
        Edge(source, target, relation[kind], Location(shown, line, column) if line else None)
        for source, target, kind, line, column in zip(
            columns["source"],
            columns["target"],
            columns["relation"],
            columns["line"],
            columns["column"],
            strict=True,
        )
    ]
    problems = [
        Problem(p["code"], p["message"], at(p["location"]), p["hint"], Severity(p["severity"]))
        for p in data["problems"]
    ]
    return ParsedFile(
        path=shown,
        is_debate_file=data["is_debate_file"],
        title=data["title"],
        summary=data["summary"],
        topic=data["topic"],
        topic_explicit=data["topic_explicit"],
        topic_location=at(data["topic_location"]),
        thesis=data["thesis"],
        claims=_decode_claims(data["claims"], shown),
        edges=edges,
        edge_owners=list(data["edge_owners"]),
        problems=problems,
    )
