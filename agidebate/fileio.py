"""The one place that writes files: atomic replace, exclusive create, and a folder lock.

Every write goes through a temporary file in the target's folder that is written,
flushed and (for durable writes) fsynced before it takes the target's name:

- `atomic_write` renames it over the target (`os.replace`), keeping the old file's
  permissions; a crash, a full disk or an exception at any step leaves the old
  file as it was;
- `create_new` links it into place (`os.link`), which fails with
  `FileExistsError` instead of overwriting a file that appeared meanwhile;
- `folder_lock` holds an exclusive lock on a hidden file in a folder (an `flock`
  on POSIX, `msvcrt.locking` on Windows), so two writers never both read the old
  file and one overwrite the other's change. The lock file is empty and left in
  place: deleting it while another process waits on it would let a third lock a
  different file. The lock is released when the process ends, even if killed.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from agidebate.errors import OperationError, file_error


def atomic_write(
    path: str | os.PathLike[str], data: bytes, mode: int | None = None, durable: bool = True
) -> None:
    """Replace `path` with `data` atomically; keep the old file's permissions if it exists.

    `durable=False` skips the fsyncs, for files that may be lost (caches).
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OperationError(f"cannot write '{target}': folder '{folder}' does not exist")
    if mode is None:
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = _default_mode()
        except OSError as err:
            raise file_error("write", target, err) from None
    tmp = _temporary(target, data, mode, durable)
    try:
        os.replace(tmp, target)
    except OSError as err:
        raise file_error("write", target, err) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    if durable:
        _fsync_folder(folder)


def create_new(path: Path, data: bytes) -> None:
    """Create `path` holding `data`, durably; `FileExistsError` if the name is taken."""
    tmp = _temporary(path, data, _default_mode(), durable=True)
    try:
        _link(tmp, path)
    except FileExistsError:
        raise
    except OSError as err:
        raise file_error("write", path, err) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    _fsync_folder(path.parent)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _temporary(target: Path, data: bytes, mode: int, durable: bool) -> str:
    """A temporary file beside `target` holding `data` (removed again if writing fails)."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise file_error("write", target, err) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(error, OSError):
            raise file_error("write", target, error) from None
        raise
    return tmp


def _link(tmp: str, path: Path) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links on this file system (FAT, some network shares): the caller holds
        # the folder lock and the name was free a moment ago, so fall back to a rename.
        if os.path.lexists(path):
            raise FileExistsError(path) from None
        os.replace(tmp, path)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- the folder lock ----------------------------------------------------------------

LOCK_NAME = ".agidebate.lock"
WAIT_SECONDS = 60.0
_POLL = 0.02


@contextmanager
def folder_lock(folder: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the folder's write lock; waits up to `wait` seconds for another writer."""
    path = folder / LOCK_NAME
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o666)
    except OSError as err:
        raise OperationError(
            f"cannot lock the debate folder: {path}: {err.strerror or err}",
            "agidebate writes a small lock file there; check that you may write to the folder",
        ) from None
    try:
        _acquire(fd, path, wait)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _acquire(fd: int, path: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            raise OperationError(
                f"another agidebate command has held {path} for {wait:.0f} seconds",
                "wait for it to finish and try again",
            )
        time.sleep(_POLL)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as err:
            raise OperationError(f"cannot lock the debate folder: {err.strerror or err}") from None
        return True
