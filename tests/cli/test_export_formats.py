"""`agidebate export`: the format from -o's extension, aliases, a conflicting --format, and
"did you mean" for an unknown name (issue 19, item 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agidebate.errors import UsageError
from agidebate.export import FORMATS, format_for_path, resolve_format
from tests.conftest import DATA, invoke

VALID = DATA / "valid" / "bike-lane"

BY_EXTENSION = {
    "map.md": "markdown",
    "map.html": "html",
    "map.json": "json",
    "map.argdown": "argdown",
    "map.dot": "dot",
    "map.svg": "svg",
    "map.png": "png",
    "map.mmd": "mermaid",
    "map.graphml": "graphml",
    "map.txt": "kialo",
    "map.aif.json": "aif",
    "out/MAP.HTML": "html",
    "map.markdown": "markdown",
    "map.gv": "dot",
    "map.htm": "html",
}


@pytest.mark.parametrize(("path", "name"), BY_EXTENSION.items())
def test_every_extension_names_its_format(path: str, name: str) -> None:
    found = format_for_path(path)
    assert found is not None and found.name == name
    assert resolve_format(None, path).name == name


def test_every_format_is_reachable_by_its_own_suffix() -> None:
    for spec in FORMATS.values():
        found = format_for_path("debate" + spec.suffix)
        assert found is not None and found.name == spec.name, spec.name


@pytest.mark.parametrize("path", ["debate", "debate.xyz", "notes.yaml.bak"])
def test_an_unknown_extension_without_format_is_an_error(path: str) -> None:
    with pytest.raises(UsageError) as raised:
        resolve_format(None, path)
    assert "--format" in (raised.value.hint or "")


@pytest.mark.parametrize("name", ["html", "HTML", "Html"])
def test_names_are_case_blind(name: str) -> None:
    assert resolve_format(name, None).name == "html"


@pytest.mark.parametrize(
    ("alias", "name"), [("md", "markdown"), ("mmd", "mermaid"), ("ad", "argdown")]
)
def test_aliases(alias: str, name: str) -> None:
    assert resolve_format(alias, None).name == name
    assert resolve_format(alias, f"x{FORMATS[name].suffix}").name == name


def test_no_format_and_no_file_is_json() -> None:
    assert resolve_format(None, None).name == "json"
    assert resolve_format(None, "-").name == "json"


def test_a_format_that_contradicts_the_extension_is_an_error() -> None:
    with pytest.raises(UsageError) as raised:
        resolve_format("markdown", "map.html")
    assert str(raised.value) == (
        "--format markdown does not match -o map.html, whose extension names html"
    )
    assert (
        raised.value.hint == "leave out --format (the extension chooses html), or write to map.md"
    )


def test_a_format_with_a_neutral_or_shared_extension_is_fine() -> None:
    assert resolve_format("aif", "graph.json").name == "aif"
    assert resolve_format("json", "debate.data").name == "json"


def test_an_unknown_name_gets_did_you_mean() -> None:
    with pytest.raises(UsageError) as raised:
        resolve_format("jsn", None)
    assert str(raised.value) == "unknown export format 'jsn'"
    assert (raised.value.hint or "").startswith("did you mean 'json'?")


# -- through the command ----------------------------------------------------------------


def test_export_o_map_html_writes_html(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    result = invoke(["export", "--dir", str(VALID), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("map.md", lambda text: text.startswith("# ")),
        ("map.argdown", lambda text: "===" in text or "[" in text),
        ("map.mmd", lambda text: "flowchart" in text),
        ("map.graphml", lambda text: "<graphml" in text),
        ("map.txt", lambda text: text.startswith("Discussion Name:")),
        ("map.aif.json", lambda text: "nodes" in json.loads(text)),
        ("map.json", lambda text: json.loads(text)["thesis"] == "thesis"),
    ],
)
def test_export_by_extension(tmp_path: Path, name: str, check: object) -> None:
    target = tmp_path / name
    result = invoke(["export", "--dir", str(VALID), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert callable(check) and check(target.read_text(encoding="utf-8"))


def test_export_refuses_a_contradiction_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    result = invoke(["export", "--dir", str(VALID), "--format", "markdown", "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --format markdown does not match -o ")
    assert not target.exists()


def test_export_format_errors_say_did_you_mean() -> None:
    result = invoke(["export", "--dir", str(VALID), "--format", "jsno"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1].startswith("    hint: did you mean 'json'?")


@pytest.mark.parametrize("alias", ["md", "mmd", "ad", "HTML"])
def test_export_takes_aliases(alias: str) -> None:
    result = invoke(["export", "--dir", str(VALID), "--format", alias])
    assert result.exit_code == 0, result.stderr


def test_the_list_shows_aliases_and_extensions() -> None:
    out = invoke(["export", "--list"]).stdout
    assert "markdown" in out and "md" in out and ".aif.json" in out
