"""Docs are part of the feature: examples run, every command and format is documented.

Console examples in README.md and docs/*.md (```console blocks) are executed:
each `$ command` line runs in docs/examples/ (the pages say `cd docs/examples`,
which the tests take as read) with agidebate on PATH, and its output must
match the lines below it. A line `...` matches any lines up to the next
expected one.

Examples that change files (`agidebate add`, `agidebate new`) go in a block
opened with ```console writes (markdown shows it as a console block all the
same): its commands run in order in a fresh temporary copy of docs/examples/,
so each one sees what the previous one wrote and the examples stay as they are.
A plain ```console example that changes docs/examples/ fails.

A tutorial page (marked `<!-- doctest: top to bottom -->`) is followed the way
a reader follows it: every console block of the page, writing or not, runs in
order in ONE copy of docs/examples/, and a ```yaml block right after
`<!-- file: PATH -->` is saved as PATH when the reader reaches it.
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
from tests.conftest import EXAMPLES as FOLDER
from tests.conftest import REPO

DOCS = sorted((REPO / "docs").glob("*.md"))
PAGES = [REPO / "README.md", *DOCS]
_BLOCK = re.compile(r"```console\n(.*?)```", re.S)
_WRITING_BLOCK = re.compile(r"```console writes\n(.*?)```", re.S)
TUTORIAL = "<!-- doctest: top to bottom -->"
# In order: a console block (plain or writing), or a file the reader saves.
_TUTORIAL_PART = re.compile(
    r"```console(?: writes)?\n(?P<console>.*?)```|<!-- file: (?P<path>\S+) -->\n```yaml\n(?P<yaml>.*?)```",
    re.S,
)
CD = "cd docs/examples"

Step = tuple[str, list[str]]


def steps(block: str) -> list[Step]:
    """The (command, expected output lines) of one console block; `cd docs/examples`, where
    every example runs, is taken as read."""
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
    return [(c, e) for c, e in found if c != CD]


def is_tutorial(page: Path) -> bool:
    return TUTORIAL in page.read_text(encoding="utf-8")


def examples() -> list[tuple[str, str, list[str]]]:
    """(page, command, expected output lines) for every console example outside tutorials."""
    return [
        (page.name, command, expected)
        for page in PAGES
        if not is_tutorial(page)
        for block in _BLOCK.findall(page.read_text(encoding="utf-8"))
        for command, expected in steps(block)
    ]


def writing_examples() -> list[tuple[str, list[Step]]]:
    """(page, steps) for every ```console writes block outside tutorials."""
    return [
        (page.name, steps(block))
        for page in PAGES
        if not is_tutorial(page)
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


CONSOLE = examples()
WRITING = writing_examples()
TUTORIALS = [page for page in PAGES if is_tutorial(page)]


def test_docs_have_examples() -> None:
    assert len(CONSOLE) >= 2
    assert [page.name for page in TUTORIALS] == ["authoring.md", "first-hour.md"]


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_pages_with_examples_say_where_they_run(page: Path) -> None:
    """A reader pasting the examples must be where they run: docs/examples/."""
    text = page.read_text(encoding="utf-8")
    names = [entry.name for entry in FOLDER.iterdir()]
    runs_examples = any(
        re.search(rf"(^|[\s=/]){re.escape(name)}(\s|/|$)", command) and f"/{name}" not in command
        for block in _BLOCK.findall(text) + _WRITING_BLOCK.findall(text)
        for command, _expected in steps(block)
        for name in names
    )
    if runs_examples:
        where = CD in text or (is_tutorial(page) and "cp -r docs/examples " in text)
        assert where, f"{page.name} uses the example folders: say `{CD}` first"


def run_example(command: str, cwd: Path) -> list[str]:
    """Run one documented command as a user would; its output lines, right-stripped."""
    result = run_shell(command, cwd)
    assert "Traceback" not in result.stderr
    return output_lines(result)


def output_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]


def run_shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command line in a shell, with the installed `agidebate` first on PATH, no
    colour and 100 columns (piped, as a reader's terminal would not be)."""
    env = {k: v for k, v in os.environ.items() if k not in ("AGIDEBATE_DIR", "FORCE_COLOR")}
    env.update(
        NO_COLOR="1",
        COLUMNS="100",
        PATH=str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", ""),
        AGIDEBATE_NO_CACHE="1",
    )
    return subprocess.run(
        command,
        shell=True,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("page", "command", "expected"), CONSOLE, ids=[f"{p}: {c}" for p, c, _ in CONSOLE]
)
def test_console_example_runs_as_documented(page: str, command: str, expected: list[str]) -> None:
    before = snapshot(FOLDER)
    actual = run_example(command, FOLDER)
    assert matches(actual, [line.rstrip() for line in expected]), "\n".join(actual)
    assert snapshot(FOLDER) == before, (
        "this example changes files: put it in a ```console writes block"
    )


@pytest.mark.parametrize(("page", "block"), WRITING, ids=[f"{p}: {b[0][0]}" for p, b in WRITING])
def test_writing_example_runs_in_a_copy(page: str, block: list[Step], tmp_path: Path) -> None:
    work = tmp_path / "docs"
    shutil.copytree(FOLDER, work)
    for command, expected in block:
        actual = run_example(command, work)
        assert matches(actual, [line.rstrip() for line in expected]), f"$ {command}\n" + "\n".join(
            actual
        )


@pytest.mark.parametrize("page", TUTORIALS, ids=[page.name for page in TUTORIALS])
def test_a_tutorial_followed_top_to_bottom_in_one_folder(page: Path, tmp_path: Path) -> None:
    """Every step of the page, in order, in one copy of the examples: each sees what the
    steps before it wrote, and prints exactly what the page says."""
    work = tmp_path / "examples"
    shutil.copytree(FOLDER, work)
    ran = 0
    for part in _TUTORIAL_PART.finditer(page.read_text(encoding="utf-8")):
        if part.group("path"):
            saved = work / part.group("path")
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_text(part.group("yaml"), encoding="utf-8")
            continue
        for command, expected in steps(part.group("console")):
            actual = run_example(command, work)
            ran += 1
            assert matches(actual, [line.rstrip() for line in expected]), (
                f"{page.name}, step {ran}: $ {command}\n" + "\n".join(actual)
            )
    assert ran >= 5


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
