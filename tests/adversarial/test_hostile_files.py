"""Hostile and broken argument files: each gets its verdict, at its place, from every command."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from agidebate.format import compose, forked, load
from agidebate.format.load import check_debate, load_debate
from tests.adversarial.harness import Case, all_cases, reader_commands
from tests.conftest import invoke

CASES = all_cases()
COMMANDS = reader_commands()
# What a terminal must never receive from user text: C0/C1 controls (ESC starts
# ANSI and OSC sequences) and bidirectional overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def folder_for(case: Case, tmp_path: Path) -> Path:
    folder = tmp_path / "debate"
    case.write(folder)
    return folder


def test_enough_cases_in_every_group() -> None:
    groups = {c.path.parent.name for c in CASES}
    assert groups == {"parser", "meaning", "graph", "output", "fields", "debate", "perspective"}
    assert len(CASES) >= 60
    new_fields = [c for c in CASES if c.group in ("fields", "debate", "perspective")]
    assert len(new_fields) >= 30  # issue 15: the new fields each meet hostile input


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with libyaml, then again as if PyYAML had no C extension."""
    if request.param == "pure-python":
        monkeypatch.setattr(compose, "c_available", lambda: False)
    return str(request.param)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_verdict_and_location(case: Case, tmp_path: Path, parser: str) -> None:
    report = check_debate(folder_for(case, tmp_path), cache=False)
    assert report.ok == (case.verdict != "error"), "\n".join(map(str, report.problems))
    if case.code is not None:
        found = [
            p
            for p in report.problems
            if p.code == case.code
            and p.location is not None
            and p.location.path.endswith(case.file_name)
            and (p.location.line, p.location.column) == (case.line, case.column)
        ]
        assert found, f"expected {case.code} at {case.line}:{case.column}:\n" + "\n".join(
            map(str, report.problems)
        )
        assert found[0].severity.value == case.verdict


def test_every_case_that_loads_states_its_values() -> None:
    assert [c.name for c in CASES if c.verdict != "error" and c.values is None] == []


@pytest.mark.parametrize("case", [c for c in CASES if c.values is not None], ids=lambda c: c.name)
def test_loaded_values_are_exact(case: Case, tmp_path: Path, parser: str) -> None:
    debate = load_debate(folder_for(case, tmp_path), cache=False)
    assert case.values is not None
    if all(set(fields) >= {"text"} for fields in case.values.values()):
        assert set(debate.claims) - {"thesis"} == set(case.values) - {"thesis"}
    for claim_id, fields in case.values.items():
        claim = debate.claims[claim_id]
        for name, expected in fields.items():
            actual = getattr(claim, name)
            if name == "tags":
                actual = list(actual)
            if name == "figures":
                actual = [[f.value, f.unit] for f in actual]
            assert actual == expected, (claim_id, name)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_same_verdict_without_the_c_parser(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_for(case, tmp_path)
    with_c = [str(p) for p in check_debate(folder, cache=False).problems]
    monkeypatch.setattr(compose, "c_available", lambda: False)
    assert [str(p) for p in check_debate(folder, cache=False).problems] == with_c


@pytest.mark.skipif(not forked.can_fork(), reason="needs os.fork and two cores")
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_same_verdict_when_a_forked_child_parses_every_file(
    case: Case, tmp_path: Path, parser: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large folder is parsed on two cores (format/forked.py): every file of each case,
    given to the child, comes back with the same problems and values."""
    folder = folder_for(case, tmp_path)
    (folder / "zz-second.yaml").write_text("claims:\n  - {id: zz-second, text: Z}\n")
    with_second = check_debate(folder, cache=False)
    monkeypatch.setattr(load, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(forked, "_share", lambda sizes: list(range(len(sizes))))
    answered: list[bool] = []
    original = forked._receive

    def spy(data: bytes | None, count: int, receive: Any) -> Any:
        answered.append(data is not None)
        return original(data, count, receive)

    monkeypatch.setattr(forked, "_receive", spy)
    in_child = check_debate(folder, cache=False)
    assert answered == [True]
    assert [str(p) for p in in_child.problems] == [str(p) for p in with_second.problems]
    if with_second.debate is not None:
        assert in_child.debate is not None
        assert list(in_child.debate) == list(with_second.debate)


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_command_gives_the_verdict_without_a_traceback(
    case: Case, command: str, tmp_path: Path
) -> None:
    folder = folder_for(case, tmp_path)
    args, applies = case.arguments(command, COMMANDS[command])
    result = invoke([*args, "--dir", str(folder)])
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "internal error" not in output
    expected = 1 if case.verdict == "error" and applies else 0
    assert result.exit_code == expected, output
    if case.verdict == "error" and applies and case.line is not None:
        assert f"{case.file_name}:{case.line}:{case.column}: error:" in output
    assert_error_style(result.stderr)
    if not command.startswith("export"):
        assert not _UNSAFE.search(output), repr(_UNSAFE.search(output))


# One error style (issue 19): each message on stderr is `error: ...` (or `warning: `,
# `note: `), after its `path:line:col: ` when it has one, and each hint is indented under it.
_STYLED = re.compile(r"^(\S.*:\d+:\d+: )?(error|warning|note): \S|^    hint: \S")


def assert_error_style(stderr: str) -> None:
    odd = [line for line in stderr.splitlines() if not _STYLED.match(line)]
    assert odd == [], f"not in the error style: {odd}"


def test_the_harness_runs_every_command_that_reads_a_debate() -> None:
    """The command registry says which commands read a debate; each one meets every case."""
    from agidebate.cli import COMMANDS as REGISTRY

    readers = {command.name for command in REGISTRY if command.reads_debate}
    assert {name.split()[0] for name in COMMANDS} == readers
