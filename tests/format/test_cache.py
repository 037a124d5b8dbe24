"""The parse cache: same results as without it, never trusted over the files, safe to break."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from agidebate.export import export
from agidebate.format import cache
from agidebate.format.load import check_debate, load_debate
from tests.conftest import BUNDLED, DATA, EXAMPLES, REPO, MakeDebate, invoke


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("AGIDEBATE_NO_CACHE", raising=False)
    return home


def entries(home: Path) -> list[Path]:
    return sorted((home / "agidebate").rglob("*.json"))


def read_entry(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """An entry's header and its body (the file's result)."""
    header, _, body = path.read_bytes().partition(b"\n")
    return json.loads(header), json.loads(body)


def write_entry(path: Path, header: dict[str, Any], body: dict[str, Any]) -> None:
    path.write_bytes(json.dumps(header).encode() + b"\n" + json.dumps(body).encode())


@pytest.mark.parametrize(
    "folder", [BUNDLED, DATA / "valid" / "bike-lane"], ids=["bundled", "bike-lane"]
)
def test_warm_load_equals_cold_load(folder: Path, cache_home: Path) -> None:
    cold = export(load_debate(folder, cache=False), "json")
    assert entries(cache_home) == []
    first = export(load_debate(folder), "json")
    assert len(entries(cache_home)) == len(list(folder.rglob("*.yaml"))) - len(
        list(folder.glob("perspectives/*.yaml"))
    )
    warm = export(load_debate(folder), "json")
    assert cold == first == warm


def test_problems_come_back_from_the_cache_with_the_current_path(
    make_debate: MakeDebate, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_debate({"t.yaml": "claims:\n  - {id: a, txt: A}\n"})
    first = [str(p) for p in check_debate(folder).problems]
    assert entries(cache_home)
    monkeypatch.chdir(folder.parent)
    again = [str(p) for p in check_debate(folder.name).problems]
    assert [p.replace(str(folder.parent) + os.sep, "") for p in first] == again


def test_a_changed_file_is_parsed_again(make_debate: MakeDebate, cache_home: Path) -> None:
    folder = make_debate({"t.yaml": "claims:\n  - {id: a, text: AAAA}\n"})
    assert load_debate(folder).claims["a"].text == "AAAA"
    path = folder / "t.yaml"
    stat = path.stat()
    path.write_text("claims:\n  - {id: a, text: BBBB}\n", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    assert load_debate(folder).claims["a"].text == "BBBB"


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json",
        b"[]",
        b'{"fingerprint": 1}',
        b'{"fingerprint": "x", "digest": "y", "file": {}}',
    ],
    ids=["empty", "garbage", "list", "partial", "stale"],
)
def test_a_broken_entry_is_ignored_and_rebuilt(
    make_debate: MakeDebate, cache_home: Path, damage: bytes
) -> None:
    folder = make_debate({"t.yaml": "claims:\n  - {id: a, text: A}\n"})
    load_debate(folder)
    (entry,) = entries(cache_home)
    entry.write_bytes(damage)
    assert load_debate(folder).claims["a"].text == "A"
    assert read_entry(entry)[1]["claims"]["id"] == ["a"]


def test_an_entry_whose_content_does_not_match_its_digest_is_ignored(
    make_debate: MakeDebate, cache_home: Path
) -> None:
    folder = make_debate({"t.yaml": "claims:\n  - {id: a, text: A}\n"})
    load_debate(folder)
    (entry,) = entries(cache_home)
    header, body = read_entry(entry)
    body["claims"] = [["a"]]
    write_entry(entry, header, body)
    assert load_debate(folder).claims["a"].text == "A"


def test_switched_off_by_flag_and_environment(make_debate: MakeDebate, cache_home: Path) -> None:
    folder = make_debate({"t.yaml": "claims:\n  - {id: a, text: A}\n"})
    assert (
        invoke(
            ["--no-cache", "check", "--dir", str(folder)], env={"XDG_CACHE_HOME": str(cache_home)}
        ).exit_code
        == 0
    )
    assert entries(cache_home) == []
    env = {"XDG_CACHE_HOME": str(cache_home), "AGIDEBATE_NO_CACHE": "1"}
    assert invoke(["check", "--dir", str(folder)], env=env).exit_code == 0
    assert entries(cache_home) == []


def test_the_library_reads_no_environment_variable_for_the_cache(
    make_debate: MakeDebate, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cache=` is the library's switch; AGIDEBATE_NO_CACHE is the command line's."""
    folder = make_debate({"t.yaml": "claims:\n  - {id: a, text: A}\n"})
    monkeypatch.setenv("AGIDEBATE_NO_CACHE", "1")
    load_debate(folder)
    assert len(entries(cache_home)) == 1


def test_an_unwritable_cache_never_breaks_a_command(
    make_debate: MakeDebate, cache_home: Path
) -> None:
    cache_home.mkdir()
    (cache_home / "agidebate").write_text("a file where the folder should be", encoding="utf-8")
    folder = make_debate({"t.yaml": "claims:\n  - {id: a, text: A}\n"})
    assert load_debate(folder).claims["a"].text == "A"


def test_fingerprint_changes_with_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache.fingerprint()
    cache.fingerprint.cache_clear()
    monkeypatch.setattr("agidebate._version.__version__", "0.0.0-test")
    try:
        assert cache.fingerprint() != before
    finally:
        cache.fingerprint.cache_clear()


FORMAT_MODULES = sorted((REPO / "agidebate" / "format").glob("*.py"))


@pytest.mark.parametrize("module", FORMAT_MODULES, ids=[m.name for m in FORMAT_MODULES])
def test_fingerprint_covers_every_module_of_the_format_package(module: Path) -> None:
    """No edit to any module of agidebate/format/ can leave a stale entry: none is left out."""
    cache.fingerprint.cache_clear()
    before = cache.fingerprint()
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    try:
        cache.fingerprint.cache_clear()
        assert cache.fingerprint() != before
    finally:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        cache.fingerprint.cache_clear()


@pytest.mark.parametrize(
    "damage",
    [
        lambda f: f["claims"]["id"].__setitem__(0, None),
        lambda f: f.__setitem__("claims", 5),
        lambda f: f["claims"]["weight"].__setitem__(0, "heavy"),
        lambda f: f["edges"]["source"].append("a"),
        lambda f: f["claims"]["location"].append([1, 1]),
        lambda f: f.__setitem__("problems", [{"code": "x", "severity": "fatal"}]),
    ],
    ids=[
        "null-id",
        "claims-not-a-list",
        "weight-text",
        "edge-without-owner",
        "bad-position",
        "bad-severity",
    ],
)
def test_an_edited_entry_fails_its_own_digest_and_is_rebuilt(
    make_debate: MakeDebate, cache_home: Path, damage: Callable[[dict[str, Any]], None]
) -> None:
    folder = make_debate(
        {"t.yaml": "claims:\n  - {id: a, text: A, supports: b}\n  - {id: b, text: B}\n"}
    )
    load_debate(folder)
    (entry,) = entries(cache_home)
    header, body = read_entry(entry)
    damage(body)
    write_entry(entry, header, body)
    debate = load_debate(folder)
    assert (
        debate.claims["a"].text == "A"
        and debate.attacks_of("a") == []
        and debate.supports_of("a") == ["b"]
    )


def test_no_cache_may_follow_the_command(make_debate: MakeDebate, cache_home: Path) -> None:
    from tests.conftest import run_process

    folder = make_debate({"t.yaml": "claims:\n  - {id: a, text: A}\n"})
    result = run_process(
        ["check", "--no-cache", "--dir", str(folder)], env={"XDG_CACHE_HOME": str(cache_home)}
    )
    assert result.returncode == 0, result.stderr
    assert entries(cache_home) == []


def test_entries_store_claims_and_relations_by_field_name(
    make_debate: MakeDebate, cache_home: Path
) -> None:
    """A claim is a mapping of its fields by name and a relation is its type's value: an
    entry written by another layout of the model cannot land in the wrong fields."""
    folder = make_debate(
        {"t.yaml": "claims:\n  - {id: a, text: A, weight: 0.7, attacks: b}\n  - {id: b, text: B}\n"}
    )
    load_debate(folder)
    (entry,) = entries(cache_home)
    _, body = read_entry(entry)
    claims = body["claims"]
    assert (claims["id"], claims["text"], claims["weight"], claims["weight_stated"]) == (
        ["a", "b"],
        ["A", "B"],
        [0.7, 0.5],
        [True, False],
    )
    assert body["edges"]["relation"] == ["attack"]


def test_every_field_of_a_claim_and_a_relation_is_a_column_of_the_cache(
    make_debate: MakeDebate, cache_home: Path
) -> None:
    """The cache stores records by the model's own fields: a field added to the model needs
    no code in the cache, and is not lost."""
    import dataclasses

    from agidebate.model import Claim, Edge

    folder = make_debate(
        {"t.yaml": "claims:\n  - {id: a, text: A, attacks: b}\n  - {id: b, text: B}\n"}
    )
    load_debate(folder)
    (entry,) = entries(cache_home)
    _, body = read_entry(entry)
    assert set(body["claims"]) == {f.name for f in dataclasses.fields(Claim)}
    assert set(body["edges"]) == {f.name for f in dataclasses.fields(Edge)}


def test_every_new_field_comes_back_from_the_cache(cache_home: Path) -> None:
    """The format guide's complete example uses every field: warm and cold loads agree."""
    folder = EXAMPLES / "complete"
    cold = load_debate(folder, cache=False)
    load_debate(folder)
    warm = load_debate(folder)
    assert warm.claims == cold.claims and warm.edges == cold.edges
    assert (warm.expect, warm.i18n, warm.authors, warm.topics) == (
        cold.expect,
        cold.i18n,
        cold.authors,
        cold.topics,
    )


def test_an_entry_with_a_field_the_model_does_not_have_is_rebuilt(
    make_debate: MakeDebate, cache_home: Path
) -> None:
    folder = make_debate({"t.yaml": "claims:\n  - {id: a, text: A}\n"})
    load_debate(folder)
    (entry,) = entries(cache_home)
    header, body = read_entry(entry)
    body["claims"]["stance"] = ["pro"]  # a field from some other version of the model
    header["check"] = cache.digest(json.dumps(body).encode())  # a well-formed entry otherwise
    write_entry(entry, header, body)
    assert load_debate(folder).claims["a"].text == "A"
    assert "stance" not in read_entry(entry)[1]["claims"]  # rebuilt
