"""Docs are part of the feature: examples run, every command and format is documented.

Console examples in README.md and docs/*.md (```console blocks) are executed:
each `$ command` line runs in tests/data/docs/ with agidebate on PATH, and its
output must match the lines below it. A line `...` matches any lines up to
the next expected one.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from agidebate.cli._reference import cli_reference, command_names
from agidebate.export import FORMATS
from tests.conftest import DATA, REPO

DOCS = sorted((REPO / "docs").glob("*.md"))
PAGES = [REPO / "README.md", *DOCS]
_BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def examples() -> list[tuple[str, str, list[str]]]:
    """(page, command, expected output lines) for every console example."""
    found = []
    for page in PAGES:
        for block in _BLOCK.findall(page.read_text(encoding="utf-8")):
            command: str | None = None
            expected: list[str] = []
            for line in block.splitlines():
                if line.startswith("$ "):
                    if command is not None:
                        found.append((page.name, command, expected))
                    command, expected = line[2:], []
                else:
                    expected.append(line)
            if command is not None:
                found.append((page.name, command, expected))
    return found


def matches(actual: list[str], expected: list[str]) -> bool:
    """Line-by-line match, where an expected `...` line skips any number of lines."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == "...":
        return any(matches(actual[i:], rest) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == head and matches(actual[1:], rest)


EXAMPLES = examples()


def test_docs_have_examples() -> None:
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize(
    ("page", "command", "expected"), EXAMPLES, ids=[f"{p}: {c}" for p, c, _ in EXAMPLES]
)
def test_console_example_runs_as_documented(page: str, command: str, expected: list[str]) -> None:
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
        cwd=DATA / "docs",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    actual = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
    assert "Traceback" not in result.stderr
    assert matches(actual, [line.rstrip() for line in expected]), "\n".join(actual)


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
