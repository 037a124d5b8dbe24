"""One writer at a time per debate folder.

`debate_lock(folder)` holds an exclusive lock on `.agidebate.lock` inside the
folder (an `flock` on POSIX, `msvcrt.locking` on Windows) from before the files
are read until after the new file is in place, so two `agidebate add` runs
never both read the old file and one of them overwrite the other's claim.

The lock file is hidden (the loader skips names starting with '.'), empty, and
left in place: deleting a lock file while another process waits on it would
let a third process lock a different file. It is safe to delete when no
agidebate command is running. The lock is released when the process ends, even
if it is killed.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from agidebate.errors import OperationError

LOCK_NAME = ".agidebate.lock"
WAIT_SECONDS = 60.0
_POLL = 0.02


@contextmanager
def debate_lock(folder: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
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
