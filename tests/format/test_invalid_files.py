"""One defect per file: each is reported at its exact path:line:col, with and without libyaml.

Every file in tests/data/invalid/ starts with `# expect: CODE LINE:COL [words]` lines.
The file is checked next to tests/data/invalid/_base (a thesis and one claim).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from agidebate.format import compose
from agidebate.format.load import check_debate
from tests.conftest import DATA, invoke

INVALID = DATA / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))
_EXPECT = re.compile(rb"^# expect: ([a-z0-9-]+) (\d+):(\d+)(?: (.*))?$")


@dataclass(frozen=True)
class Expect:
    code: str
    line: int
    column: int
    words: str


def expectations(path: Path) -> list[Expect]:
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raw = raw.decode("utf-16").encode()
    found = []
    for line in raw.splitlines():
        match = _EXPECT.match(line)
        if not match:
            break
        code, ln, col, words = match.groups()
        found.append(Expect(code.decode(), int(ln), int(col), (words or b"").decode()))
    assert found, f"{path.name} has no '# expect:' line"
    return found


def debate_with(case: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "debate"
    shutil.copytree(INVALID / "_base", folder)
    shutil.copy(case, folder / case.name)
    return folder


def test_there_are_many_cases() -> None:
    assert len(CASES) >= 55


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_defect_is_reported_where_it_is(case: Path, tmp_path: Path) -> None:
    folder = debate_with(case, tmp_path)
    report = check_debate(folder)
    assert not report.ok
    for expect in expectations(case):
        matches = [
            p
            for p in report.problems
            if p.code == expect.code
            and p.location is not None
            and p.location.path.endswith(case.name)
            and (p.location.line, p.location.column) == (expect.line, expect.column)
        ]
        assert matches, f"expected {expect} in:\n" + "\n".join(map(str, report.problems))
        assert expect.words in str(matches[0])


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_one_defect_is_one_error_not_a_cascade(case: Path, tmp_path: Path) -> None:
    report = check_debate(debate_with(case, tmp_path))
    assert len(report.errors) == len(expectations(case)), "\n".join(map(str, report.errors))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_cli_exits_1_with_location_and_no_traceback(case: Path, tmp_path: Path) -> None:
    folder = debate_with(case, tmp_path)
    result = invoke(["check", "--dir", str(folder)])
    assert result.exit_code == 1
    first = expectations(case)[0]
    assert f"{case.name}:{first.line}:{first.column}: error: " in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_same_verdict_without_the_c_parser(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = debate_with(case, tmp_path)
    with_c = [str(p) for p in check_debate(folder).problems]
    monkeypatch.setattr(compose, "c_available", lambda: False)
    without_c = [str(p) for p in check_debate(folder).problems]
    assert with_c == without_c
