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
  `agidebate/format/` and of the `agidebate/model/` package, `errors.py`, `i18n.py`
  and every message catalog, and the fields of every class it stores
  (`codec.schema`), so no change to the parser, the model or a translation can
  leave a stale result;
- the checks' messages are in the reader's language, so each language has its
  own snapshot of a folder (`agidebate --lang zh check` never shows the English
  of an earlier run);
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
import struct
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agidebate.errors import Problem
from agidebate.format import codec
from agidebate.format.parsed import ParsedFile
from agidebate.model import Expect

LAYOUT = 4
MAGIC = b"agidebate snapshot 4\n"
_DIGEST = 20  # bytes of BLAKE2b
# A file whose modification time is this close to the moment its entry is written
# may change again without a new time stamp (coarse clocks): its bytes are checked too.
RACY_NS = 2_000_000_000
# Besides every module of agidebate/format/, the cached values are built from these:
# every module of the model package, errors.py, and the messages in every language.
_MODEL_MODULES = ("model/*.py", "errors.py", "i18n.py", "locale/*/LC_MESSAGES/*.mo")

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
    for pattern in _MODEL_MODULES:
        modules = sorted(here.parent.glob(pattern))
        parts += [f"{p.relative_to(here.parent)}:{_file_stamp(p)}" for p in modules]
        if not modules:
            parts.append(f"{pattern}:missing")
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


def size(path: Path) -> int:
    """The file's size in bytes (0 if it cannot be read)."""
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=_DIGEST).digest()


@dataclass(slots=True)
class _Entry:
    stamp: Stamp
    digest: bytes  # of the file's bytes
    racy: bool  # changed just before it was read: the stamp alone cannot be trusted
    data: Any = None  # the ParsedFile, encoded by `codec`; None: still in the stored body
    index: int = -1  # its place in the stored body


@dataclass(frozen=True, slots=True)
class Checked:
    """What `agidebate check` found in a folder: every problem, and how many claims and
    relations it has. Kept while no argument file and no perspective file changes."""

    problems: tuple[Problem, ...]
    claims: int
    relations: int
    expects: tuple[Expect, ...] = ()  # every `expect:` block read (checked above this layer)


Perspectives = tuple[tuple[str, Stamp], ...]


@dataclass
class Snapshot:
    """The parse cache of one debate folder, as read; `save()` writes what changed.

    `key` names the folder as the command gave it (the paths in messages are built
    from it); `entries` hold each file's result by relative path, in file order.
    """

    key: str
    entries: dict[str, _Entry] = field(default_factory=dict)
    checked: Any = None  # the stored `Checked`, encoded, with the perspectives' stamps
    body: bytes = b""  # the stored results, read only when one is needed
    body_digest: bytes = b""
    used: dict[str, _Entry] = field(default_factory=dict)
    parsed_any: bool = False
    changed: bool = False
    new_checked: Any = None

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
            parsed: ParsedFile = codec.decode(ParsedFile, self._data(entry))
        except codec.Unreadable:
            return None
        self.used[rel] = entry
        return parsed

    def _data(self, entry: _Entry) -> Any:
        if entry.data is None:
            entry.data = self._stored()[entry.index]
        return entry.data

    def _stored(self) -> tuple[Any, ...]:
        """The stored results, checked against their digest (Unreadable if damaged: then
        every entry is dropped, so that no other file reads the damaged body again)."""
        try:
            if digest(self.body) != self.body_digest:
                raise codec.Unreadable("the snapshot's body does not match its digest")
            try:
                stored = marshal.loads(self.body)
            except (ValueError, TypeError, EOFError) as error:
                raise codec.Unreadable(str(error)) from None
            if type(stored) is not tuple or len(stored) != len(self.entries):
                raise codec.Unreadable("the snapshot's body does not match its entries")
        except codec.Unreadable:
            self.entries, self.checked, self.body = {}, None, b""
            raise
        for entry in self.entries.values():
            entry.data = stored[entry.index]
        return stored

    def put(
        self, rel: str, current: Stamp, check: bytes, parsed: ParsedFile, encoded: Any = None
    ) -> None:
        """Keep the result of a file just parsed from bytes of digest `check`, read after its
        stamp was taken (`encoded`: the result as `codec` encodes it, when at hand)."""
        if encoded is None:
            encoded = codec.encode(ParsedFile, parsed)
        self.used[rel] = _Entry(current, check, _racy(current), encoded)
        self.parsed_any = True

    def stored_check(self, files: list[tuple[Path, str]], views: Perspectives) -> Checked | None:
        """What the last full check found, if no file (nor perspective) changed since."""
        if self.checked is None or [rel for _, rel in files] != list(self.entries):
            return None
        for path, rel in files:
            entry = self.entries[rel]
            if entry.racy or stamp(path) != entry.stamp:
                return None
        stored_views, claims, relations, problems, expects = self.checked
        if stored_views != views or type(claims) is not int or type(relations) is not int:
            return None
        try:
            found = codec.decode(list[Problem], problems)
            expected = codec.decode(list[Expect], expects)
        except codec.Unreadable:
            return None
        return Checked(tuple(found), claims, relations, tuple(expected))

    def keep_check(self, views: Perspectives, checked: Checked) -> None:
        """Store what a full check found (used while nothing changes, see `stored_check`)."""
        if any(_racy(current) for _, current in views):
            return
        problems = codec.encode(list[Problem], list(checked.problems))
        expects = codec.encode(list[Expect], list(checked.expects))
        self.new_checked = (views, checked.claims, checked.relations, problems, expects)

    def save(self) -> None:
        """Write the snapshot when a file was added, changed or removed, or a check is new
        (best effort)."""
        same_files = list(self.used) == list(self.entries)
        check = self.new_checked if all(not e.racy for e in self.used.values()) else None
        if same_files and not self.parsed_any and not self.changed and check is None:
            return
        from agidebate.errors import OperationError
        from agidebate.fileio import atomic_write

        with contextlib.suppress(OSError, OperationError, ValueError, codec.Unreadable):
            if same_files and not self.parsed_any and self.body:
                body = self.body  # the same results: written back as they were read
            else:
                body = marshal.dumps(tuple(self._data(e) for e in self.used.values()))
            metas = tuple((rel, e.stamp, e.digest, e.racy) for rel, e in self.used.items())
            header = marshal.dumps((LAYOUT, fingerprint(), self.key, metas, check))
            head = _HEAD.pack(digest(header), digest(body), len(header))
            target = _snapshot_path(self.key)
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, MAGIC + head + header + body, mode=0o600, durable=False)


# header digest, body digest, header length
_HEAD = struct.Struct(f"<{_DIGEST}s{_DIGEST}sQ")


def _racy(current: Stamp) -> bool:
    return current[1] >= time.time_ns() - RACY_NS


def _snapshot_path(key: str) -> Path:
    name = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return cache_dir() / f"snapshots-{LAYOUT}" / f"{name}.snap"


def perspective_stamps(folder: Path) -> Perspectives:
    """The stamps of the files in `folder/perspectives/` (a check reads them too)."""
    from agidebate.format.schema import PERSPECTIVES_DIR

    views = folder / PERSPECTIVES_DIR
    try:
        names = sorted(n for n in os.listdir(views) if n.endswith((".yaml", ".yml")))
    except OSError:
        return ()
    found = []
    for name in names:
        current = stamp(views / name)
        if current is not None and not name.startswith("."):
            found.append((name, current))
    return tuple(found)


def open_snapshot(folder: Path) -> Snapshot:
    """The snapshot of `folder` in the current language (empty when there is none or it
    cannot be trusted)."""
    from agidebate.i18n import language

    key = f"{os.path.abspath(folder)}\0{folder}\0{language()}"
    snapshot = Snapshot(key)
    with contextlib.suppress(OSError):
        _read(_snapshot_path(key).read_bytes(), snapshot)
    return snapshot


def _read(raw: bytes, snapshot: Snapshot) -> None:
    """Fill `snapshot` from a snapshot's bytes, unless they were not written by us for it."""
    start = len(MAGIC) + _HEAD.size
    if not raw.startswith(MAGIC) or len(raw) < start:
        return
    header_digest, body_digest, length = _HEAD.unpack_from(raw, len(MAGIC))
    header = raw[start : start + length]
    if len(header) != length or digest(header) != header_digest:
        return
    try:
        layout, stored_fingerprint, key, metas, checked = marshal.loads(header)
        if (layout, stored_fingerprint, key) != (LAYOUT, fingerprint(), snapshot.key):
            return
        entries = dict(_entry(meta, index) for index, meta in enumerate(metas))
        if len(entries) != len(metas):
            return  # a file named twice
        if checked is not None and (type(checked) is not tuple or len(checked) != 5):
            return
        if checked is not None and not _views(checked[0]):
            return
    except (ValueError, TypeError, EOFError, codec.Unreadable):
        return
    snapshot.entries, snapshot.checked = entries, checked
    snapshot.body, snapshot.body_digest = raw[start + length :], body_digest


def _views(stored: object) -> bool:
    return type(stored) is tuple and all(
        type(item) is tuple and len(item) == 2 and type(item[0]) is str and is_stamp(item[1])
        for item in stored
    )


def is_stamp(value: object) -> bool:
    return type(value) is tuple and len(value) == 3 and all(type(n) is int for n in value)


def _entry(meta: Any, index: int) -> tuple[str, _Entry]:
    """A file's entry from its stored (path, stamp, digest, racy), checked."""
    if type(meta) is not tuple or len(meta) != 4:
        raise codec.Unreadable("not a snapshot entry")
    rel, current, check, racy = meta
    if (
        type(rel) is not str
        or not is_stamp(current)
        or type(check) is not bytes
        or len(check) != _DIGEST
        or type(racy) is not bool
    ):
        raise codec.Unreadable("not a snapshot entry")
    return rel, _Entry(current, check, racy, None, index)
