"""The last step: put the new bytes in place, or leave everything as it was.

An existing file is replaced with `agidebate.fileio.atomic_write` after checking
it still holds the bytes the edit was planned from. A new file is created with
`agidebate.fileio.create_new`, which fails instead of overwriting a file that
appeared meanwhile. Folders created for a new file are removed again if the
write fails.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from agidebate.errors import OperationError, file_error
from agidebate.fileio import LOCK_NAME, atomic_write, create_new
from agidebate.i18n import _


def read_file(path: Path) -> bytes:
    """The bytes of `path`; an error that says what went wrong and what to do."""
    try:
        return path.read_bytes()
    except OSError as err:
        raise file_error("read", path, err) from None


def replace_file(path: Path, planned_from: bytes, data: bytes) -> None:
    """Atomically replace `path` with `data`, if it still holds `planned_from`."""
    current = read_file(path)
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
    path = folder / rel
    try:
        create_new(path, data)
    except FileExistsError:
        _remove(created)
        raise OperationError(
            f"'{path}' appeared while the claim was being added; nothing was written",
            "run the command again",
        ) from None
    except BaseException:
        _remove(created)
        raise


def _remove(folders: list[Path]) -> None:
    for made in reversed(folders):
        with contextlib.suppress(OSError):
            made.rmdir()


def _make_folders(folder: Path, rel: str) -> list[Path]:
    created: list[Path] = []
    current = folder
    for part in rel.split("/")[:-1]:
        current = current / part
        if _mkdir(current):
            created.append(current)
    return created


def _mkdir(folder: Path) -> bool:
    """Create `folder`; False if it is there already (as a folder, not a link)."""
    try:
        folder.mkdir()
    except FileExistsError:
        if folder.is_symlink() or not folder.is_dir():
            raise OperationError(_("'{path}' is not a folder", path=folder)) from None
        return False
    except OSError as err:
        raise file_error("create folder", folder, err) from None
    return True


@contextlib.contextmanager
def new_folder(folder: Path) -> Iterator[None]:
    """Create `folder` and its missing parents for what the block writes into it; if the
    block fails, remove them again (with the lock file the block may have left)."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    created: list[Path] = []
    try:
        created.extend(made for made in reversed(missing) if _mkdir(made))  # outermost first
        yield
    except BaseException:
        for made in reversed(created):  # innermost first
            with contextlib.suppress(OSError):
                (made / LOCK_NAME).unlink(missing_ok=True)
                made.rmdir()
        raise


def replace_files(files: list[tuple[Path, bytes, bytes]]) -> None:
    """Replace each (path, planned_from, data) atomically, after checking that every one
    still holds the bytes the edit was planned from. If a write fails, the files already
    replaced get their old bytes back, so that the debate is changed in all its files or
    in none (a crash between two renames can still leave some replaced)."""
    for path, planned_from, _data in files:
        if read_file(path) != planned_from:
            raise OperationError(
                _(
                    "'{path}' changed while the edit was being planned; nothing was written",
                    path=path,
                ),
                _("run the command again"),
            )
    done: list[tuple[Path, bytes]] = []
    try:
        for path, planned_from, data in files:
            atomic_write(path, data)
            done.append((path, planned_from))
    except BaseException:
        for path, old in reversed(done):
            with contextlib.suppress(OSError, OperationError):
                atomic_write(path, old)
        raise
