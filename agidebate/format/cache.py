"""The parse cache: one snapshot per debate folder of what the loader made of each file.

Re-reading a debate mostly repeats work: parsing YAML and checking each file's
fields. The snapshot keeps, for every argument file of a folder, the checked
result (`ParsedFile`: claims, relations, problems), in
`$XDG_CACHE_HOME/agidebate` (default `~/.cache/agidebate`). A warm load reads
one file, checks it, and builds the debate from it; a changed file is parsed
again, and only that file.

It is never trusted over the files:

- an entry is used only when its file has the same size, modification time
  (in nanoseconds) and inode as when it was read; a file changed less than two
  seconds before it was read could change again within its clock tick, so for
  such a file the digest of its bytes (BLAKE2b, kept with every entry) is
  checked by reading it, until it is older;
- the snapshot is used only when it was written by this exact agidebate: the
  version, Python, PyYAML, the size and modification time of every module of
  `agidebate/format/` and of the `agidebate/model/` package and `errors.py`, and the fields of every
  class it stores (`codec.schema`), so no change to the parser or the model can
  leave a stale result;
- it is data only (`marshal` of plain tuples, never pickle, never code), with a
  digest of its own bytes: a damaged, truncated, foreign or hand-edited snapshot,
  or one with a value of the wrong type anywhere (`codec` checks each), is
  ignored and rebuilt. Writing it goes through `fileio.atomic_write`, readable by
  the user only, and is best effort: a read-only or full disk never makes a
  command fail.

Callers switch it off with `load_debate(..., cache=False)`; the command line passes
`--no-cache` (or `AGIDEBATE_NO_CACHE=1`) that way.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agidebate.format import codec
from agidebate.format.parsed import ParsedFile

LAYOUT = 4
MAGIC = b"agidebate snapshot 4\n"
_DIGEST = 20  # bytes of BLAKE2b
# A file whose modification time is this close to the moment its entry is written
# may change again without a new time stamp (coarse clocks): its bytes are checked too.
RACY_NS = 2_000_000_000
# Besides every module of agidebate/format/, the cached values are built from these
# (every module of the model package, and errors.py).
_MODEL_MODULES = ("model", "errors.py")

Stamp = tuple[int, int, int]  # size, modification time in ns, inode


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "agidebate"


def _file_stamp(path: Path) -> str:
    with contextlib.suppress(OSError):
        stat = path.stat()
        return f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}"
    return f"{path.name}:missing"


@functools.cache
def fingerprint() -> str:
    """Changes whenever agidebate, Python, PyYAML (or its C extension) or the model changes.

    PyYAML is identified by its files rather than imported, so a warm load never
    pays for importing it.
    """
    import importlib.util

    from agidebate._version import __version__

    here = Path(__file__).resolve().parent
    parts = [__version__, sys.version, f"layout {LAYOUT}", repr(codec.schema(ParsedFile))]
    parts += sorted(_file_stamp(p) for p in here.iterdir() if p.suffix == ".py")
    for name in _MODEL_MODULES:
        path = here.parent / name
        modules = sorted(path.glob("*.py")) if path.is_dir() else [path]
        parts += [f"{name}/{_file_stamp(p)}" for p in modules]
    spec = importlib.util.find_spec("yaml")
    if spec is not None and spec.origin:
        yaml_dir = Path(spec.origin).parent
        parts += sorted(
            _file_stamp(p) for p in yaml_dir.iterdir() if p.suffix in (".py", ".so", ".pyd")
        )
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def stamp(path: Path) -> Stamp | None:
    """What tells a file changed: size, modification time and inode (None if unreadable)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=_DIGEST).digest()


@dataclass(slots=True)
class _Entry:
    stamp: Stamp
    digest: bytes  # of the file's bytes
    racy: bool  # changed just before it was read: the stamp alone cannot be trusted
    data: Any  # the ParsedFile, encoded by `codec`


@dataclass
class Snapshot:
    """The parse cache of one debate folder, as read; `save()` writes what changed.

    `key` names the folder as the command gave it (the paths in messages are built
    from it), `entries` hold each file's result by relative path.
    """

    key: str
    entries: dict[str, _Entry] = field(default_factory=dict)
    used: dict[str, _Entry] = field(default_factory=dict)
    changed: bool = False

    def get(self, rel: str, path: Path, current: Stamp) -> ParsedFile | None:
        """The cached result for file `rel` if it is unchanged (by its stamp), else None."""
        entry = self.entries.get(rel)
        if entry is None or entry.stamp != current:
            return None
        if entry.racy:
            try:
                if digest(path.read_bytes()) != entry.digest:
                    return None
            except OSError:
                return None
            if not _racy(current):
                entry.racy = False  # old enough now: the stamp will do
                self.changed = True
        return self._decode(rel, entry)

    def get_bytes(self, rel: str, data: bytes) -> ParsedFile | None:
        """The cached result for file `rel` if it held exactly `data`, else None."""
        entry = self.entries.get(rel)
        if entry is None or entry.digest != digest(data):
            return None
        return self._decode(rel, entry)

    def _decode(self, rel: str, entry: _Entry) -> ParsedFile | None:
        try:
            parsed: ParsedFile = codec.decode(ParsedFile, entry.data)
        except codec.Unreadable:
            return None
        self.used[rel] = entry
        return parsed

    def put(self, rel: str, current: Stamp, data: bytes, parsed: ParsedFile) -> None:
        """Keep the result of a file just parsed from `data`, read after its stamp was taken."""
        encoded = codec.encode(ParsedFile, parsed)
        self.used[rel] = _Entry(current, digest(data), _racy(current), encoded)
        self.changed = True

    def save(self) -> None:
        """Write the snapshot when a file was added, changed or removed (best effort)."""
        if not self.changed and self.used.keys() == self.entries.keys():
            return
        from agidebate.errors import OperationError
        from agidebate.fileio import atomic_write

        entries = tuple((rel, e.stamp, e.digest, e.racy, e.data) for rel, e in self.used.items())
        body = marshal.dumps((LAYOUT, fingerprint(), self.key, entries))
        target = _snapshot_path(self.key)
        with contextlib.suppress(OSError, OperationError, ValueError):
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, MAGIC + digest(body) + body, mode=0o600, durable=False)


def _racy(current: Stamp) -> bool:
    return current[1] >= time.time_ns() - RACY_NS


def _same_bytes(path: Path, expected: bytes) -> bool:
    try:
        return digest(path.read_bytes()) == expected
    except OSError:
        return False


def _snapshot_path(key: str) -> Path:
    name = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return cache_dir() / f"snapshots-{LAYOUT}" / f"{name}.snap"


def open_snapshot(folder: Path) -> Snapshot:
    """The snapshot of `folder` (empty when there is none or it cannot be trusted)."""
    key = f"{os.path.abspath(folder)}\0{folder}"
    snapshot = Snapshot(key)
    with contextlib.suppress(OSError):
        snapshot.entries = _read(_snapshot_path(key).read_bytes(), key)
    return snapshot


def _read(raw: bytes, key: str) -> dict[str, _Entry]:
    """The entries of a snapshot's bytes; empty for anything not written by us for `key`."""
    head = len(MAGIC) + _DIGEST
    if not raw.startswith(MAGIC) or len(raw) < head:
        return {}
    body = raw[head:]
    if digest(body) != raw[len(MAGIC) : head]:
        return {}
    try:
        layout, stored_fingerprint, stored_key, entries = marshal.loads(body)
        if (layout, stored_fingerprint, stored_key) != (LAYOUT, fingerprint(), key):
            return {}
        return {rel: _entry(rel, *rest) for rel, *rest in entries}
    except (ValueError, TypeError, EOFError, codec.Unreadable):
        return {}


def _entry(rel: object, stamp: object, check: object, racy: object, data: object) -> _Entry:
    if (
        type(rel) is not str
        or type(stamp) is not tuple
        or len(stamp) != 3
        or any(type(n) is not int for n in stamp)
        or type(check) is not bytes
        or len(check) != _DIGEST
        or type(racy) is not bool
    ):
        raise codec.Unreadable("not a snapshot entry")
    return _Entry(stamp, check, racy, data)
