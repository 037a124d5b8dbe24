"""Failures forced at every step of an add leave the original file byte-identical.

Steps: rendering the YAML (an exception mid-dump), validation (broken YAML, a
meaning that does not match), the temporary file (no space left), fsync, the
rename, an interrupt, another program changing the file meanwhile, and a real
process killed in the middle of its write.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from agidebate.authoring import (
    LOCK_NAME,
    EditRefused,
    NewClaim,
    UnsafeEdit,
    _add,
    add_claim,
    new_topic,
)
from agidebate.errors import OperationError
from agidebate.format import emit as _render
from agidebate.format.emit import Field
from agidebate.format.load import check_debate, load_debate
from agidebate.model import Relation
from tests.authoring.conftest import snapshot
from tests.conftest import REPO, invoke

CLAIM = NewClaim("few-cyclists", Relation.ATTACK, "Counts are low because riding is unsafe.")


def unchanged_but_lock(before: dict[str, bytes | str], folder: Path) -> bool:
    """The folder is as it was, except perhaps for the (empty) lock file."""
    after = snapshot(folder)
    after.pop(LOCK_NAME, None)
    return after == before


def fail_with(error: BaseException) -> Callable[..., Any]:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise error

    return fail


def test_an_exception_mid_dump(debate: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_dump = _render._dump
    calls = iter(range(1000))

    def dump(*args: Any, **kwargs: Any) -> str:
        if next(calls) == 1:  # the second value: half of the claim is rendered
            raise RuntimeError("boom mid-dump")
        return real_dump(*args, **kwargs)

    monkeypatch.setattr(_render, "_dump", dump)
    before = snapshot(debate)
    with pytest.raises(RuntimeError, match="boom mid-dump"):
        add_claim(debate, CLAIM)
    assert snapshot(debate) == before


def test_validation_failure_shows_the_problems(
    debate: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = _render.block_item

    def tabbed(*args: Any, **kwargs: Any) -> list[str]:
        lines = real(*args, **kwargs)
        return [lines[0], "\t" + lines[1].lstrip(), *lines[2:]]

    monkeypatch.setattr("agidebate.authoring._plan.block_item", tabbed)
    before = snapshot(debate)
    with pytest.raises(EditRefused) as caught:
        add_claim(debate, CLAIM)
    assert caught.value.problems and caught.value.problems[0].code == "yaml-syntax"
    assert snapshot(debate) == before
    result = invoke(["add", "--dir", str(debate), "--to", "few-cyclists", "--con", "--text", "T"])
    assert result.exit_code == 1
    assert "error: YAML syntax" in result.stderr
    assert "was not written: the debate would not check clean" in result.stderr
    assert snapshot(debate) == before


def test_a_change_of_meaning_is_caught(debate: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = _render.block_item

    def other_text(fields: list[Field], *args: Any) -> list[str]:
        changed = [Field(f.key, "Something else.") if f.key == "text" else f for f in fields]
        return real(changed, *args)

    monkeypatch.setattr("agidebate.authoring._plan.block_item", other_text)
    before = snapshot(debate)
    with pytest.raises(UnsafeEdit, match="would not read as given"):
        add_claim(debate, CLAIM)
    assert snapshot(debate) == before


def test_a_target_file_the_debate_does_not_read_is_refused_not_retried(
    debate: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on a case-insensitive disk (--file Safety.yaml beside safety.yaml) or in a
    # folder that cannot be listed: the file exists, but reading the folder misses it.
    from agidebate.authoring import _add, _verify

    real = _verify.read_folder

    def missing_safety(folder: Path, cache: bool = True) -> _verify.Reading:
        reading = real(folder, cache)
        files = tuple(item for item in reading.files if item[1] != "safety.yaml")
        data = {rel: raw for rel, raw in reading.data.items() if rel != "safety.yaml"}
        return _verify.Reading(reading.folder, files, data)

    def check_whole(reading: _verify.Reading, *rest: Any) -> Any:  # the debate itself is fine
        return _verify.check_reading(real(reading.folder), *rest)

    monkeypatch.setattr(_add, "read_folder", missing_safety)
    monkeypatch.setattr(_add, "check_reading", check_whole)
    before = snapshot(debate)
    with pytest.raises(OperationError, match="exists, but the debate does not read it"):
        add_claim(debate, CLAIM, file="safety.yaml")
    after = snapshot(debate)
    after.pop(LOCK_NAME, None)  # taken for the final check
    assert after == before


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("tempfile.mkstemp", OSError(errno.ENOSPC, "No space left on device")),
        ("os.fsync", OSError(errno.EIO, "Input/output error")),
        ("os.replace", OSError(errno.EACCES, "Permission denied")),
        ("os.chmod", OSError(errno.EPERM, "Operation not permitted")),
    ],
)
def test_write_failures_leave_the_original(
    debate: Path, monkeypatch: pytest.MonkeyPatch, name: str, error: OSError
) -> None:
    before = snapshot(debate)
    monkeypatch.setattr(name, fail_with(error))
    with pytest.raises(OperationError, match=error.strerror or ""):
        add_claim(debate, CLAIM)
    monkeypatch.undo()
    assert unchanged_but_lock(before, debate)  # no temporary file left either
    assert "counts-low-because-riding" not in load_debate(debate).claims


def test_a_full_disk_while_writing(debate: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class FullDisk:
        def __init__(self, fd: int) -> None:
            self.fd = fd

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            os.close(self.fd)

        def write(self, data: bytes) -> int:
            os.write(self.fd, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    real_fdopen = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        # only the argument file's bytes hit the full disk (the parse cache writes text)
        return FullDisk(fd) if mode == "wb" else real_fdopen(fd, mode, *args, **kwargs)

    before = snapshot(debate)
    monkeypatch.setattr("os.fdopen", fdopen)
    with pytest.raises(OperationError, match="No space left on device"):
        add_claim(debate, CLAIM)
    monkeypatch.undo()
    assert unchanged_but_lock(before, debate)


def test_an_interrupt_while_writing(debate: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(debate)
    monkeypatch.setattr("os.fsync", fail_with(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        add_claim(debate, CLAIM)
    monkeypatch.undo()
    assert unchanged_but_lock(before, debate)


def test_a_file_changed_by_another_program_meanwhile(
    debate: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = _add._write
    path = debate / "safety.yaml"

    def editor_saves_first(*args: Any) -> None:
        with path.open("a", encoding="utf-8") as handle:
            handle.write("# saved by an editor\n")
        real_write(*args)

    monkeypatch.setattr(_add, "_write", editor_saves_first)
    with pytest.raises(OperationError, match="changed while the claim was being added"):
        add_claim(debate, CLAIM)
    assert path.read_text(encoding="utf-8").endswith("# saved by an editor\n")
    assert "counts-low-because-riding" not in load_debate(debate).claims


def test_a_new_file_that_appears_meanwhile_is_not_overwritten(
    debate: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = _add._write

    def someone_creates_it(*args: Any) -> None:
        (debate / "mine.yaml").write_text("# mine\n", encoding="utf-8")
        real_write(*args)

    monkeypatch.setattr(_add, "_write", someone_creates_it)
    with pytest.raises(OperationError, match="appeared while the claim was being added"):
        add_claim(debate, CLAIM, file="mine.yaml")
    assert (debate / "mine.yaml").read_text(encoding="utf-8") == "# mine\n"


def test_a_failed_new_file_removes_the_folders_it_made(
    debate: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(debate)
    monkeypatch.setattr("os.fsync", fail_with(OSError(errno.EIO, "Input/output error")))
    with pytest.raises(OperationError):
        add_claim(debate, CLAIM, file="a/b/mine.yaml")
    with pytest.raises(OperationError):
        new_topic(debate, "costs")
    monkeypatch.undo()
    assert unchanged_but_lock(before, debate)


def test_without_hard_links_a_new_file_is_still_created(
    debate: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("os.link", fail_with(OSError(errno.EPERM, "Operation not permitted")))
    add_claim(debate, CLAIM, file="mine.yaml")
    monkeypatch.undo()
    assert "counts-low-because-riding" in load_debate(debate).claims
    assert sorted(p.name for p in debate.iterdir()) == [
        LOCK_NAME,
        "debate.yaml",
        "mine.yaml",
        "replies",
        "safety.yaml",
    ]


KILL_AT_FSYNC = """
import os, signal, sys
from agidebate.cli import main
os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
sys.argv = ["agidebate", "add", "--dir", sys.argv[1], "--to", "few-cyclists", "--con",
            "--text", "Killed before the rename."]
main()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_process_killed_mid_write_leaves_the_original(debate: Path) -> None:
    original = (debate / "safety.yaml").read_bytes()
    result = subprocess.run(
        [sys.executable, "-c", KILL_AT_FSYNC, str(debate)],
        cwd=REPO,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL
    assert (debate / "safety.yaml").read_bytes() == original
    leftovers = [p.name for p in debate.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1 and leftovers[0].startswith(".safety.yaml.")  # hidden, never read
    assert check_debate(debate).problems == ()
    # the dead process's lock went with it: the next add goes through
    assert add_claim(debate, CLAIM).change.written
