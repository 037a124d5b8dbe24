"""Docs are part of the feature: examples run, every command and format is documented.

Console examples in README.md and docs/*.md (```console blocks) are executed:
each `$ command` line runs in tests/data/docs/ with agidebate on PATH, and its
output must match the lines below it. A line `...` matches any lines up to
the next expected one.

Examples that change files (`agidebate add`, `agidebate new`) go in a block
opened with ```console writes (markdown shows it as a console block all the
same): its commands run in order in a fresh temporary copy of tests/data/docs/,
so each one sees what the previous one wrote and the fixtures stay as they are.
A plain ```console example that changes tests/data/docs/ fails.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from agidebate.cli._reference import cli_reference, command_names
from agidebate.export import FORMATS
from agidebate.importers import IMPORTERS
from agidebate.scoring import SEMANTICS
from tests.conftest import DATA, REPO

DOCS = sorted((REPO / "docs").glob("*.md"))
PAGES = [REPO / "README.md", *DOCS]
_BLOCK = re.compile(r"```console\n(.*?)```", re.S)
_WRITING_BLOCK = re.compile(r"```console writes\n(.*?)```", re.S)

Step = tuple[str, list[str]]


def steps(block: str) -> list[Step]:
    """The (command, expected output lines) of one console block."""
    found: list[Step] = []
    command: str | None = None
    expected: list[str] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            if command is not None:
                found.append((command, expected))
            command, expected = line[2:], []
        else:
            expected.append(line)
    if command is not None:
        found.append((command, expected))
    return found


def examples() -> list[tuple[str, str, list[str]]]:
    """(page, command, expected output lines) for every console example."""
    return [
        (page.name, command, expected)
        for page in PAGES
        for block in _BLOCK.findall(page.read_text(encoding="utf-8"))
        for command, expected in steps(block)
    ]


def writing_examples() -> list[tuple[str, list[Step]]]:
    """(page, steps) for every ```console writes block."""
    return [
        (page.name, steps(block))
        for page in PAGES
        for block in _WRITING_BLOCK.findall(page.read_text(encoding="utf-8"))
    ]


def matches(actual: list[str], expected: list[str]) -> bool:
    """Line-by-line match, where an expected `...` line skips any number of lines."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == "...":
        return any(matches(actual[i:], rest) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == head and matches(actual[1:], rest)


EXAMPLES = examples()
WRITING = writing_examples()


def test_docs_have_examples() -> None:
    assert len(EXAMPLES) >= 2


def run_example(command: str, cwd: Path) -> list[str]:
    """Run one documented command as a user would; its output lines, right-stripped."""
    env = {k: v for k, v in os.environ.items() if k not in ("AGIDEBATE_DIR", "FORCE_COLOR")}
    env.update(
        NO_COLOR="1",
        COLUMNS="100",
        PATH=str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", ""),
        AGIDEBATE_NO_CACHE="1",
    )
    result = subprocess.run(
        command,
        shell=True,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("page", "command", "expected"), EXAMPLES, ids=[f"{p}: {c}" for p, c, _ in EXAMPLES]
)
def test_console_example_runs_as_documented(page: str, command: str, expected: list[str]) -> None:
    before = snapshot(DATA / "docs")
    actual = run_example(command, DATA / "docs")
    assert matches(actual, [line.rstrip() for line in expected]), "\n".join(actual)
    assert snapshot(DATA / "docs") == before, (
        "this example changes files: put it in a ```console writes block"
    )


@pytest.mark.parametrize(("page", "block"), WRITING, ids=[f"{p}: {b[0][0]}" for p, b in WRITING])
def test_writing_example_runs_in_a_copy(page: str, block: list[Step], tmp_path: Path) -> None:
    work = tmp_path / "docs"
    shutil.copytree(DATA / "docs", work)
    for command, expected in block:
        actual = run_example(command, work)
        assert matches(actual, [line.rstrip() for line in expected]), f"$ {command}\n" + "\n".join(
            actual
        )


def test_cli_reference_is_current(update_golden: bool) -> None:
    path = REPO / "docs" / "cli-reference.md"
    generated = cli_reference()
    if update_golden:
        path.write_text(generated, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == generated, (
        "docs/cli-reference.md is stale: run `python -m agidebate.cli._reference > docs/cli-reference.md`"
    )


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_readme_and_a_guide(name: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"`agidebate {name}" in readme
    guides = [p for p in DOCS if p.name != "cli-reference.md"]
    assert any(f"agidebate {name}" in p.read_text(encoding="utf-8") for p in guides)


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_export_format_is_documented(name: str) -> None:
    text = (REPO / "docs" / "exports.md").read_text(encoding="utf-8")
    assert f"--format {name}" in text


def test_python_guide_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/python.md is a doctest: every example runs from the repository root."""
    monkeypatch.chdir(REPO)
    result = doctest.testfile(
        str(REPO / "docs" / "python.md"), module_relative=False, optionflags=doctest.ELLIPSIS
    )
    assert result.attempted >= 20 and result.failed == 0


def test_python_guide_lists_the_public_api() -> None:
    """Every name `agidebate` exports is in docs/python.md's table."""
    import agidebate

    text = (REPO / "docs" / "python.md").read_text(encoding="utf-8")
    missing = [name for name in agidebate.__all__ if f"`{name}" not in text]
    assert missing == ["__version__"]


@pytest.mark.parametrize("name", list(SEMANTICS))
def test_every_semantics_has_a_section_in_the_scoring_guide(name: str) -> None:
    text = (REPO / "docs" / "scoring.md").read_text(encoding="utf-8")
    assert f"### `{name}`" in text


@pytest.mark.parametrize("name", list(IMPORTERS))
def test_every_import_format_is_documented(name: str) -> None:
    text = (REPO / "docs" / "imports.md").read_text(encoding="utf-8")
    assert f"agidebate import {name}" in text
