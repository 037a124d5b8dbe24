"""Fixtures for authoring tests: a writable copy of a small valid debate, and folder snapshots."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, invoke

BIKE_LANE = DATA / "valid" / "bike-lane"


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder`, hidden ones included: file bytes, or a link's target."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[rel] = "-> " + str(path.readlink())
        elif path.is_file():
            found[rel] = path.read_bytes()
        else:
            found[rel] = "<dir>"
    return found


def assert_refused(folder: Path, args: list[str], code: int, message: str) -> None:
    """Running `args` exits with `code`, says `message` on stderr, and changes nothing in `folder`."""
    before = snapshot(folder)
    result = invoke(args)
    assert result.exit_code == code, result.stdout + result.stderr
    assert message in result.stderr
    assert snapshot(folder) == before


@pytest.fixture
def debate(tmp_path: Path) -> Path:
    """A fresh copy of the bike-lane debate: debate.yaml, safety.yaml, replies/parking.yaml."""
    folder = tmp_path / "bike-lane"
    shutil.copytree(BIKE_LANE, folder)
    return folder
