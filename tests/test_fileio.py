"""fileio: the one writer. Replace atomically, create exclusively, leave nothing behind."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from agidebate.errors import OperationError
from agidebate.fileio import atomic_write, create_new, folder_lock


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_atomic_write_replaces_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_a_failed_replace_keeps_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"old")

    def refuse(*args: object) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OperationError, match="cannot write"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_write_that_may_be_lost_skips_fsync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fsync(fd: int) -> None:
        raise AssertionError("fsync called")

    monkeypatch.setattr(os, "fsync", no_fsync)
    atomic_write(tmp_path / "entry.json", b"{}", durable=False)
    assert (tmp_path / "entry.json").read_bytes() == b"{}"


def test_create_new_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    create_new(target, b"first")
    with pytest.raises(FileExistsError):
        create_new(target, b"second")
    assert target.read_bytes() == b"first"
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OperationError, match="does not exist"):
        atomic_write(tmp_path / "nope" / "a.yaml", b"x")


def test_the_folder_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    with (
        folder_lock(tmp_path),
        pytest.raises(OperationError, match="another agidebate"),
        folder_lock(tmp_path, wait=0),
    ):
        pass
    with folder_lock(tmp_path, wait=0):
        pass
