"""The layers hold: import-linter's contract, docs/architecture.md, module sizes, and the
exhaustive handling of relation types (a new member is a type error everywhere it matters)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "agidebate"
ARCHITECTURE = REPO / "docs" / "architecture.md"
MAX_LINES = 400


def contract_layers() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c for c in contracts if c["type"] == "layers"]
    assert layers["containers"] == ["agidebate"]
    return [str(layer) for layer in layers["layers"]]


def documented_layers() -> list[str]:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text.split("## Layers", 1)[1]
    block = re.search(r"```text\n(.*?)```", section, re.S)
    assert block is not None, "docs/architecture.md: no ```text block under ## Layers"
    return [line.strip() for line in block.group(1).splitlines() if line.strip()]


def test_the_documented_layers_are_the_linters_contract() -> None:
    assert documented_layers() == contract_layers()


def test_every_package_and_top_level_module_is_in_a_layer() -> None:
    named = {part.strip() for layer in contract_layers() for part in layer.split("|")}
    present = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    present |= {p.stem for p in PACKAGE.glob("*.py") if not p.name.startswith("__")}
    assert present == named


def test_lint_imports_keeps_every_contract() -> None:
    executable = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(executable), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout or "broken" not in result.stdout.lower()
    assert result.stdout.count(" KEPT") >= 3


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=[str(m.relative_to(PACKAGE)) for m in MODULES])
def test_no_module_is_over_400_lines(module: Path) -> None:
    lines = module.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module.relative_to(REPO)} has {lines} lines: split it"


def test_no_private_top_level_module_but_the_version() -> None:
    private = sorted(p.name for p in PACKAGE.glob("_*.py") if not p.name.startswith("__"))
    assert private == ["_version.py"]


# What opening a file or building a path looks like in Python source.
_FILE_NAMES = {"open", "Path", "PurePath", "PosixPath", "WindowsPath", "fdopen", "scandir"}
_FILE_ATTRIBUTES = {
    "read_bytes",
    "read_text",
    "write_bytes",
    "write_text",
    "iterdir",
    "glob",
    "rglob",
    "is_file",
    "is_dir",
    "exists",
    "stat",
    "mkdir",
    "unlink",
    "joinpath",
}
_FILE_MODULES = {"pathlib", "os", "io", "shutil", "tempfile", "glob"}


@pytest.mark.parametrize("module", sorted((PACKAGE / "scoring").glob("*.py")), ids=lambda p: p.name)
def test_scoring_opens_no_file_and_builds_no_path(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            found += [n for n in names if n and n.split(".")[0] in _FILE_MODULES]
            found += [n for n in names if n and n.startswith("agidebate.format.perspectives")]
        elif isinstance(node, ast.Name) and node.id in _FILE_NAMES:
            found.append(node.id)
        elif isinstance(node, ast.Attribute) and node.attr in _FILE_ATTRIBUTES:
            found.append(node.attr)
    assert found == [], f"{module.name} touches files: {found}"


# -- a new relation type is a type error wherever it needs a decision ------------------


def documented_sites(marker: str) -> set[tuple[str, str]]:
    """The (module, function) pairs docs/architecture.md lists between `<!-- marker -->`s."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    block = text.split(f"<!-- {marker} -->", 1)[1].split(f"<!-- /{marker} -->", 1)[0]
    sites = set()
    for line in block.strip().splitlines():
        match = re.fullmatch(r"- `([^`]+)`: (.*)", line.strip())
        assert match, f"docs/architecture.md: cannot read {line!r}"
        for name in re.findall(r"`([^`]+)`", match.group(2)):
            sites.add((match.group(1), name))
    return sites


def enclosing_function(source: str, line: int) -> str:
    """The qualified name of the innermost function around `line` (Class.method)."""
    best: tuple[int, str] = (-1, "<module>")

    def visit(node: ast.AST, prefix: str) -> None:
        nonlocal best
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                end = child.end_lineno or child.lineno
                if child.lineno <= line <= end and child.lineno > best[0]:
                    best = (child.lineno, prefix + child.name)
                visit(child, f"{prefix}{child.name}.")

    visit(ast.parse(source), "")
    return best[1]


# One new member for each enum matched exhaustively, added to a copy of the package:
# (file, the line it follows, the new line, how mypy names its type).
_NEW_MEMBERS = (
    (
        "model/relations.py",
        '    UNDERCUT = "undercut"\n',
        '    REBUT = "rebut"\n',
        "Relation",
        "relation-sites",
    ),
    (
        "model/claims.py",
        '    SUMMARY = "summary"',
        '\n    NOTE = "note"',
        "ClaimKind",
        "claimkind-sites",
    ),
)


@pytest.mark.slow
def test_a_new_enum_member_is_a_type_error_at_every_documented_place(tmp_path: Path) -> None:
    """Copy the package, add a member to `Relation` and one to `ClaimKind`, and run strict
    mypy: it must fail exactly at the places docs/architecture.md lists for each (so every
    relation the model has, UNDERCUT included, is handled everywhere), and nowhere else."""
    copy = tmp_path / "agidebate"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    for path, after, added, _enum, _marker in _NEW_MEMBERS:
        module = copy / path
        text = module.read_text(encoding="utf-8")
        patched = text.replace(after, after + added, 1)
        assert patched != text, path
        module.write_text(patched, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "agidebate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    errors = re.findall(r"^(agidebate/[\w/]+\.py):(\d+): error: (.*)$", result.stdout, re.M)
    assert result.returncode == 1 and errors, result.stdout + result.stderr
    assert all("assert_never" in message for _, _, message in errors), result.stdout
    for _path, _after, _added, enum, marker in _NEW_MEMBERS:
        sites = {
            (path, enclosing_function((tmp_path / path).read_text(encoding="utf-8"), int(line)))
            for path, line, message in errors
            if f"Literal[{enum}." in message
        }
        assert sites == documented_sites(marker), enum
