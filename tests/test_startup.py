"""Start-up stays light: heavy modules are imported only by the commands that use them."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import BUNDLED, after_main


def loaded(args: list[str], modules: list[str], env: dict[str, str] | None = None) -> list[str]:
    """Which of `modules` running `args` imported."""
    found = after_main(args, f"sorted(m for m in {modules!r} if m in sys.modules)", env)
    return list(ast.literal_eval(found))


HEAVY = [
    "yaml",
    "networkx",
    "rich.console",
    "agidebate.format.load",
    "agidebate.export.to_html",
    "watchfiles",
    "http.server",
]


def test_help_and_version_import_nothing_heavy() -> None:
    assert loaded(["--help"], HEAVY) == []
    assert loaded(["--version"], HEAVY) == []


def test_help_in_chinese_imports_nothing_heavy_either() -> None:
    """The catalog is a small file read by the standard library's gettext."""
    assert loaded(["score", "--lang", "zh", "--help"], HEAVY) == []
    assert loaded(["--help"], HEAVY, {"AGIDEBATE_LANG": "", "LANG": "zh_CN.UTF-8"}) == []


def test_a_warm_load_needs_no_yaml(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path), "AGIDEBATE_NO_CACHE": ""}
    args = ["score", "--dir", str(BUNDLED)]
    loaded(args, [], env)  # fills the cache
    assert "yaml" not in loaded(args, ["yaml"], env)
    assert "yaml" not in loaded(
        ["export", "--format", "json", "--dir", str(BUNDLED)], ["yaml"], env
    )


def test_only_serve_imports_the_file_watcher() -> None:
    assert "watchfiles" not in loaded(
        ["export", "--format", "html", "--dir", str(BUNDLED)], ["watchfiles"]
    )
    assert loaded(["serve", "--help"], ["watchfiles", "http.server"]) == []
