"""Shared fixtures: paths, a CLI runner, tiny debates written on the fly, external tools."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from agidebate.cli import app

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
BUNDLED = REPO / "arguments"
# The example debates the docs use (their examples say `cd docs/examples`).
EXAMPLES = REPO / "docs" / "examples"
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the parse cache of the whole test session (and its subprocesses) out of ~/.cache."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


@pytest.fixture(autouse=True, scope="session")
def _english_interface() -> None:
    """Run the suite in English whatever the machine's locale; the tests of other
    languages (tests/i18n) set AGIDEBATE_LANG, LANG or --lang themselves."""
    os.environ["AGIDEBATE_LANG"] = "en"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files from the current output instead of comparing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def invoke(
    args: list[str], env: Mapping[str, str] | None = None, input: str | None = None
) -> Result:
    """Run the CLI in-process; stdout and stderr are kept apart."""
    runner = CliRunner()
    full_env = {"NO_COLOR": "", "AGIDEBATE_DIR": "", **(env or {})}
    return runner.invoke(app, args, env=full_env, input=input, catch_exceptions=False)


def run_process(
    args: list[str], env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m agidebate ARGS` as a real subprocess."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "AGIDEBATE_DIR")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "agidebate", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=120,
        check=False,
    )


_AFTER_MAIN = """
import sys
from agidebate.cli import main
sys.argv = ["agidebate", *{args!r}]
try:
    main()
except SystemExit:
    pass
print("AFTER:" + repr({expression}))
"""


def after_main(args: list[str], expression: str, env: Mapping[str, str] | None = None) -> str:
    """Run the command line `args` in a fresh interpreter, then evaluate `expression`
    there (what it imported, what it read) and return its repr."""
    result = subprocess.run(
        [sys.executable, "-c", _AFTER_MAIN.format(args=args, expression=expression)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
        timeout=120,
    )
    line = [x for x in result.stdout.splitlines() if x.startswith("AFTER:")][-1]
    return line.removeprefix("AFTER:")


MakeDebate = Callable[[Mapping[str, str | bytes]], Path]


@pytest.fixture
def make_debate(tmp_path: Path) -> MakeDebate:
    """Write a debate folder from {relative path: content} and return its path."""
    counter = iter(range(1_000_000))

    def make(files: Mapping[str, str | bytes]) -> Path:
        folder = tmp_path / f"debate{next(counter)}"
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        folder.mkdir(exist_ok=True)
        return folder

    return make


def require_tool(name: str) -> str:
    """The path of an external program; fails under CI when missing, else skips."""
    found = shutil.which(name)
    if found:
        return found
    message = f"external program '{name}' is not installed"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set: .ci/run must install it)")
    pytest.skip(message)


def shared_dir(*parts: str) -> Path:
    """A path under ../shared, or skip when that folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is absent)")
    return path
