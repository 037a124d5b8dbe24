"""A parse cache: each file's checked result, stored as plain JSON.

Re-reading a large debate mostly repeats work: parsing YAML and checking each
file's fields. The cache keeps what `format.load.parse_text` made of each file, in
`$XDG_CACHE_HOME/agidebate` (default `~/.cache/agidebate`), one JSON file per
argument file.

It is never trusted over the files:

- an entry is used only when the file's bytes hash to the digest stored with it
  (BLAKE2b), and when it was written by this exact agidebate (version, Python,
  PyYAML, and the size and mtime of every module of `agidebate/format/`, of the
  `agidebate/model/` package and of `errors.py`, so no edit to the parser can leave
  a stale entry);
- an entry holds the problems' messages in one language, and is used only in
  that language;
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

from agidebate.format import codec
from agidebate.format.parsed import ParsedFile
from agidebate.i18n import language

LAYOUT = 4
# Besides every module of agidebate/format/, the cached values are built from these
# (every module of the model package, and errors.py).
_MODEL_MODULES = ("model", "errors.py")


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
    for name in _MODEL_MODULES:
        path = here.parent / name
        modules = sorted(path.glob("*.py")) if path.is_dir() else [path]
        parts += [f"{name}/{_stamp(p)}" for p in modules]
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
            or header["language"] != language()
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
    header = {
        "fingerprint": fingerprint(),
        "digest": data_digest,
        "check": digest(body),
        "language": language(),  # the problems' messages are in the reader's language
    }
    target = _entry_path(absolute)
    with contextlib.suppress(OSError, OperationError, ValueError):
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, json.dumps(header).encode("ascii") + b"\n" + body, durable=False)


# -- encoding ------------------------------------------------------------------
#
# Every record is stored by field name (a claim's, a source's, a figure's, a
# relation's), with enums by their values (`format.codec`), so that an entry written
# by another version of the model cannot be read into the wrong fields: a renamed,
# added or removed field makes the entry fail to decode and it is rebuilt.


def _encode(parsed: ParsedFile) -> dict[str, Any]:
    data: dict[str, Any] = codec.encode(parsed)
    return data


def _decode(data: dict[str, Any], shown: str) -> ParsedFile:
    parsed: ParsedFile = codec.decode(ParsedFile, data, shown)
    parsed.path = shown  # the file as named now (the entry may come from another folder)
    return parsed
