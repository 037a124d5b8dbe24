"""A parse cache: each file's checked result, stored as plain JSON.

Re-reading a large debate mostly repeats work: parsing YAML and checking each
file's fields. The cache keeps what `loader.parse_text` made of each file, in
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

LAYOUT = 2
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
    import tempfile

    body = json.dumps(_encode(parsed), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = {"fingerprint": fingerprint(), "digest": data_digest, "check": digest(body)}
    target = _entry_path(absolute)
    with contextlib.suppress(OSError, ValueError):
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(json.dumps(header).encode("ascii") + b"\n" + body)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


# -- encoding ------------------------------------------------------------------


def _loc(location: Location | None) -> list[int] | None:
    return [location.line, location.column] if location else None


def _encode(parsed: ParsedFile) -> dict[str, Any]:
    return {
        "debate": parsed.is_debate_file,
        "title": parsed.title,
        "summary": parsed.summary,
        "topic": parsed.topic,
        "explicit": parsed.topic_explicit,
        "topic_at": _loc(parsed.topic_location),
        "thesis": parsed.thesis,
        "claims": [_encode_claim(c) for c in parsed.claims],
        "edges": [
            [e.source, e.target, e.relation is Relation.SUPPORT, *(_loc(e.location) or [1, 1])]
            for e in parsed.edges
        ],
        "owners": parsed.edge_owners,
        "problems": [
            [p.code, p.message, p.hint, p.severity.value, _loc(p.location)] for p in parsed.problems
        ],
    }


def _encode_claim(claim: Claim) -> list[Any]:
    return [
        claim.id,
        claim.text,
        claim.title,
        claim.by,
        claim.weight,
        claim.weight_set,
        [[s.title, s.url, s.author, s.year, s.note] for s in claim.sources],
        [[f.value, f.unit, f.what, f.note] for f in claim.figures],
        list(claim.tags),
        claim.i18n,
        claim.topic,
        _loc(claim.location),
    ]


def _decode(data: dict[str, Any], shown: str) -> ParsedFile:
    def at(pair: list[int] | None) -> Location | None:
        return Location(shown, pair[0], pair[1]) if pair else None

    # Positional arguments, in Claim's field order: the warm path builds many.
    claims = [
        Claim(
            c[0],
            c[1],
            c[2],
            c[3],
            c[4],
            tuple([Source(*s) for s in c[6]]) if c[6] else (),
            tuple([Figure(*f) for f in c[7]]) if c[7] else (),
            tuple(c[8]),
            c[9],
            c[10],
            Location(shown, c[11][0], c[11][1]) if c[11] else None,
            c[5],
        )
        for c in data["claims"]
    ]
    support, attack = Relation.SUPPORT, Relation.ATTACK
    edges = [
        Edge(e[0], e[1], support if e[2] else attack, Location(shown, e[3], e[4]))
        for e in data["edges"]
    ]
    problems = [Problem(p[0], p[1], at(p[4]), p[2], Severity(p[3])) for p in data["problems"]]
    return ParsedFile(
        path=shown,
        is_debate_file=data["debate"],
        title=data["title"],
        summary=data["summary"],
        topic=data["topic"],
        topic_explicit=data["explicit"],
        topic_location=at(data["topic_at"]),
        thesis=data["thesis"],
        claims=claims,
        edges=edges,
        edge_owners=list(data["owners"]),
        problems=problems,
    )
