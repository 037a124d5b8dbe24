"""The last step: put the new bytes in place, or leave everything as it was.

An existing file is replaced with `agidebate.fileio.atomic_write` (a temporary
file in the same folder, flushed, fsynced, renamed over the old one; the old
file's permissions kept), after checking it still holds the bytes the edit was
planned from. A new file is created the same way, but linked into place with
`os.link`, which fails instead of overwriting a file that appeared meanwhile.
Folders created for a new file are removed again if the write fails.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from agidebate.errors import OperationError, file_error
from agidebate.fileio import _fsync_folder, atomic_write


def replace_file(path: Path, planned_from: bytes, data: bytes) -> None:
    """Atomically replace `path` with `data`, if it still holds `planned_from`."""
    try:
        current = path.read_bytes()
    except OSError as err:
        raise file_error("read", path, err) from None
    if current != planned_from:
        raise OperationError(
            f"'{path}' changed while the claim was being added; nothing was written",
            "run the command again",
        )
    try:
        atomic_write(path, data)
    except OSError as err:  # atomic_write turns most OSErrors into messages, not all
        raise file_error("write", path, err) from None


def create_file(folder: Path, rel: str, data: bytes) -> None:
    """Create `folder/rel` (and missing folders on the way) holding `data`; never overwrite."""
    created = _make_folders(folder, rel)
    try:
        _create_exclusive(folder / rel, data)
    except BaseException:
        for made in reversed(created):
            with contextlib.suppress(OSError):
                made.rmdir()
        raise


def _make_folders(folder: Path, rel: str) -> list[Path]:
    created: list[Path] = []
    current = folder
    for part in rel.split("/")[:-1]:
        current = current / part
        try:
            current.mkdir()
        except FileExistsError:
            if current.is_symlink() or not current.is_dir():
                raise OperationError(f"'{current}' is not a folder") from None
            continue
        except OSError as err:
            raise file_error("create folder", current, err) from None
        created.append(current)
    return created


def _create_exclusive(path: Path, data: bytes) -> None:
    umask = os.umask(0)
    os.umask(umask)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise file_error("write", path, err) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~umask)
        _link(tmp, path)
    except OSError as err:
        raise file_error("write", path, err) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    _fsync_folder(path.parent)


def _link(tmp: str, path: Path) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OperationError(
            f"'{path}' appeared while the claim was being added; nothing was written",
            "run the command again",
        ) from None
    except OSError:
        # No hard links on this file system (FAT, some network shares): the folder is
        # locked and the name was free a moment ago, so fall back to a plain rename.
        if os.path.lexists(path):
            raise OperationError(f"'{path}' appeared while the claim was being added") from None
        os.replace(tmp, path)
