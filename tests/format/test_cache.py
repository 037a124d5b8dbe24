"""The parse cache: one snapshot per folder, same results as without it, never trusted over
the files, and safe to break in any way."""

from __future__ import annotations

import dataclasses
import marshal
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from agidebate.export import export
from agidebate.format import cache, codec, load
from agidebate.format.load import check_debate, load_debate
from agidebate.format.parsed import ParsedFile
from agidebate.model import Claim, Relation
from tests.conftest import BUNDLED, DATA, EXAMPLES, REPO, MakeDebate, invoke

TWO = "claims:\n  - {id: a, text: A, supports: b}\n  - {id: b, text: B}\n"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("AGIDEBATE_NO_CACHE", raising=False)
    return home


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the loader parses (rather than takes from the cache), in order."""
    seen: list[str] = []
    original = load.parse_text

    def spy(data: bytes, shown: str, stem: str, is_debate_file: bool) -> ParsedFile:
        seen.append(Path(shown).name)
        return original(data, shown, stem, is_debate_file)

    monkeypatch.setattr(load, "parse_text", spy)
    return seen


def snapshots(home: Path) -> list[Path]:
    return sorted((home / "agidebate").rglob("*.snap"))


def read_snapshot(path: Path) -> tuple[list[Any], list[Any]]:
    """The snapshot's header and body, each checked against its digest."""
    raw = path.read_bytes()
    assert raw.startswith(cache.MAGIC)
    header_digest, body_digest, length = cache._HEAD.unpack_from(raw, len(cache.MAGIC))
    start = len(cache.MAGIC) + cache._HEAD.size
    header, body = raw[start : start + length], raw[start + length :]
    assert cache.digest(header) == header_digest and cache.digest(body) == body_digest
    return list(marshal.loads(header)), list(marshal.loads(body))


def write_snapshot(path: Path, header: Any, body: Any) -> None:
    """Replace a snapshot with a well-formed one: magic, matching digests, marshal."""
    head, data = marshal.dumps(tuple(header)), marshal.dumps(tuple(body))
    lengths = cache._HEAD.pack(cache.digest(head), cache.digest(data), len(head))
    path.write_bytes(cache.MAGIC + lengths + head + data)


def age(folder: Path) -> None:
    """Make every file look written long ago (an entry of a just-written file is checked
    by its bytes; these tests are about the stamp)."""
    for path in folder.rglob("*.yaml"):
        info = path.stat()
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - 10 * cache.RACY_NS))


@pytest.mark.parametrize(
    "folder", [BUNDLED, DATA / "valid" / "bike-lane"], ids=["bundled", "bike-lane"]
)
def test_warm_load_equals_cold_load(folder: Path, cache_home: Path) -> None:
    cold = export(load_debate(folder, cache=False), "json")
    assert snapshots(cache_home) == []
    first = export(load_debate(folder), "json")
    assert len(snapshots(cache_home)) == 1  # one snapshot for the whole folder
    warm = export(load_debate(folder), "json")
    assert cold == first == warm
    report_cold, report_warm = check_debate(folder, cache=False), check_debate(folder)
    assert report_cold == report_warm


def two_files(make_debate: MakeDebate) -> Path:
    """A debate of two files, written long ago (see `age`), loaded once."""
    folder = make_debate({"a.yaml": TWO, "b.yaml": "claims:\n  - {id: c, text: C}\n"})
    age(folder)
    load_debate(folder)
    return folder


def test_a_warm_load_parses_nothing(
    make_debate: MakeDebate, cache_home: Path, parses: list[str]
) -> None:
    folder = two_files(make_debate)
    assert parses == ["a.yaml", "b.yaml"]
    parses.clear()
    load_debate(folder)
    assert parses == []


def test_a_changed_file_and_only_it_is_parsed_again(
    make_debate: MakeDebate, cache_home: Path, parses: list[str]
) -> None:
    folder = two_files(make_debate)
    parses.clear()
    (folder / "b.yaml").write_text("claims:\n  - {id: c, text: Changed}\n", encoding="utf-8")
    assert load_debate(folder).claims["c"].text == "Changed"
    assert parses == ["b.yaml"]
    parses.clear()
    assert load_debate(folder).claims["c"].text == "Changed"
    assert parses == []


def test_added_and_removed_files_are_seen(
    make_debate: MakeDebate, cache_home: Path, parses: list[str]
) -> None:
    folder = two_files(make_debate)
    (folder / "b.yaml").unlink()
    (folder / "c.yaml").write_text("claims:\n  - {id: d, text: D}\n", encoding="utf-8")
    parses.clear()
    debate = load_debate(folder)
    assert set(debate.claims) == {"a", "b", "d"} and parses == ["c.yaml"]
    (header,) = [read_snapshot(p)[0] for p in snapshots(cache_home)]
    assert [meta[0] for meta in header[3]] == ["a.yaml", "c.yaml"]


def test_a_file_rewritten_within_its_clock_tick_is_seen(
    make_debate: MakeDebate, cache_home: Path
) -> None:
    """Same size, same modification time, same inode: a file changed just after it was read
    is checked by its bytes until it is older than the clock's resolution."""
    folder = make_debate({"t.yaml": "claims:\n  - {id: a, text: AAAA}\n"})
    assert load_debate(folder).claims["a"].text == "AAAA"
    path = folder / "t.yaml"
    info = path.stat()
    with path.open("r+b") as handle:  # in place: the inode stays
        handle.write(b"claims:\n  - {id: a, text: BBBB}\n")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_ino == info.st_ino and path.stat().st_size == info.st_size
    assert load_debate(folder).claims["a"].text == "BBBB"


def test_problems_come_back_with_the_path_as_given(
    make_debate: MakeDebate, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_debate({"t.yaml": "claims:\n  - {id: a, txt: A}\n"})
    first = [str(p) for p in check_debate(folder).problems]
    monkeypatch.chdir(folder.parent)
    again = [str(p) for p in check_debate(folder.name).problems]
    assert [p.replace(str(folder.parent) + os.sep, "") for p in first] == again
    assert again == [str(p) for p in check_debate(folder.name).problems]  # warm, same paths


@pytest.mark.parametrize("warm", [False, True], ids=["load", "check"])
def test_problems_come_back_in_the_language_of_the_run(
    make_debate: MakeDebate, cache_home: Path, warm: bool
) -> None:
    """The checks' messages are translated where they are found: a snapshot written in
    one language never answers a run in another (a load, or a check of an unchanged
    folder)."""
    folder = make_debate({"t.yaml": "claims:\n  - {id: a, text: A, sources: [example.org]}\n"})
    age(folder)
    english = "a source given as text must be a URL"
    chinese = "以文本给出的来源必须是 URL"
    for _ in range(2 if warm else 1):  # a second check is answered from the snapshot
        english_run = invoke(["--lang", "en", "check", "--dir", str(folder)])
        assert english in english_run.stdout + english_run.stderr
    for _ in range(2):
        result = invoke(["--lang", "zh", "check", "--dir", str(folder)])
        assert result.exit_code == 1
        assert chinese in result.stdout + result.stderr
        assert english not in result.stdout + result.stderr
    assert len(snapshots(cache_home)) == 2  # one a language: switching back rebuilds nothing
    english_run = invoke(["--lang", "en", "check", "--dir", str(folder)])
    assert english in english_run.stdout + english_run.stderr


def test_fingerprint_covers_the_message_catalogs() -> None:
    """A changed translation changes the messages a snapshot holds: it is rebuilt."""
    catalogs = sorted((REPO / "agidebate" / "locale").rglob("*.mo"))
    assert catalogs
    for catalog in [*catalogs, REPO / "agidebate" / "i18n.py"]:
        cache.fingerprint.cache_clear()
        before = cache.fingerprint()
        info = catalog.stat()
        os.utime(catalog, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        try:
            cache.fingerprint.cache_clear()
            assert cache.fingerprint() != before, catalog
        finally:
            os.utime(catalog, ns=(info.st_atime_ns, info.st_mtime_ns))
            cache.fingerprint.cache_clear()


def test_the_snapshot_is_for_the_user_only(make_debate: MakeDebate, cache_home: Path) -> None:
    load_debate(make_debate({"t.yaml": TWO}))
    (snapshot,) = snapshots(cache_home)
    assert stat.S_IMODE(snapshot.stat().st_mode) == 0o600


def test_switched_off_by_flag_and_environment(make_debate: MakeDebate, cache_home: Path) -> None:
    folder = make_debate({"t.yaml": TWO})
    env = {"XDG_CACHE_HOME": str(cache_home)}
    assert invoke(["--no-cache", "check", "--dir", str(folder)], env=env).exit_code == 0
    assert snapshots(cache_home) == []
    env["AGIDEBATE_NO_CACHE"] = "1"
    assert invoke(["check", "--dir", str(folder)], env=env).exit_code == 0
    assert snapshots(cache_home) == []


def test_no_cache_may_follow_the_command(make_debate: MakeDebate, cache_home: Path) -> None:
    from tests.conftest import run_process

    folder = make_debate({"t.yaml": TWO})
    result = run_process(
        ["check", "--no-cache", "--dir", str(folder)], env={"XDG_CACHE_HOME": str(cache_home)}
    )
    assert result.returncode == 0, result.stderr
    assert snapshots(cache_home) == []


def test_the_library_reads_no_environment_variable_for_the_cache(
    make_debate: MakeDebate, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cache=` is the library's switch; AGIDEBATE_NO_CACHE is the command line's."""
    monkeypatch.setenv("AGIDEBATE_NO_CACHE", "1")
    load_debate(make_debate({"t.yaml": TWO}))
    assert len(snapshots(cache_home)) == 1


def test_an_unwritable_cache_never_breaks_a_command(
    make_debate: MakeDebate, cache_home: Path
) -> None:
    cache_home.mkdir()
    (cache_home / "agidebate").write_text("a file where the folder should be", encoding="utf-8")
    assert load_debate(make_debate({"t.yaml": TWO})).claims["a"].text == "A"


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


# -- a broken, foreign or hostile snapshot is ignored and rebuilt ----------------------


def one_snapshot(make_debate: MakeDebate, home: Path) -> tuple[Path, Path]:
    """A debate of one file, loaded once: the folder and its snapshot."""
    folder = make_debate({"t.yaml": TWO})
    age(folder)
    load_debate(folder)
    (snapshot,) = snapshots(home)
    return folder, snapshot


def assert_rebuilt(folder: Path, snapshot: Path, parses: list[str]) -> None:
    parses.clear()
    debate = load_debate(folder)
    assert debate.claims["a"].text == "A" and debate.supports_of("a") == ["b"]
    assert parses == ["t.yaml"]  # not trusted: parsed again
    read_snapshot(snapshot)  # and written anew, well formed


def tamper(
    make_debate: MakeDebate,
    home: Path,
    parses: list[str],
    header: Callable[[list[Any]], None] = lambda header: None,
    body: Callable[[list[Any]], list[Any]] = lambda body: body,
) -> None:
    """Rewrite a fresh snapshot well-formed (magic, digests, marshal) with `header` changed
    in place and the body `body` returns, and check it is ignored and rebuilt."""
    folder, snapshot = one_snapshot(make_debate, home)
    stored_header, stored_body = read_snapshot(snapshot)
    header(stored_header)
    write_snapshot(snapshot, stored_header, body(stored_body))
    assert_rebuilt(folder, snapshot, parses)
    parses.clear()
    load_debate(folder)
    assert parses == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: b"",
        lambda raw: b"not a snapshot",
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: raw[:-1] + bytes([raw[-1] ^ 1]),  # one bit flipped
        lambda raw: raw.replace(cache.MAGIC, b"agidebate snapshot 3\n"),  # another layout
        lambda raw: cache.MAGIC + b"\0" * 20 + raw[len(cache.MAGIC) + 20 :],  # header digest
        lambda raw: raw[: len(cache.MAGIC) + 20] + b"\0" * 20 + raw[len(cache.MAGIC) + 40 :],
        lambda raw: raw[: len(cache.MAGIC) + 40] + b"\xff" * 8 + raw[len(cache.MAGIC) + 48 :],
        lambda raw: raw + b"\0",
    ],
    ids=[
        "empty",
        "garbage",
        "truncated",
        "bit-flip",
        "other-layout",
        "header-digest",
        "body-digest",
        "header-length",
        "trailing",
    ],
)
def test_a_damaged_snapshot_is_ignored_and_rebuilt(
    make_debate: MakeDebate, cache_home: Path, parses: list[str], damage: Callable[[bytes], bytes]
) -> None:
    folder, snapshot = one_snapshot(make_debate, cache_home)
    snapshot.write_bytes(damage(snapshot.read_bytes()))
    assert_rebuilt(folder, snapshot, parses)


def edit_file(body: list[Any], change: Callable[[list[Any]], None]) -> list[Any]:
    """The snapshot's body with the encoded ParsedFile of its (only) file changed."""
    parsed = list(body[0])
    change(parsed)
    return [tuple(parsed), *body[1:]]


CLAIMS = [f.name for f in dataclasses.fields(ParsedFile)].index("claims")
EDGES = [f.name for f in dataclasses.fields(ParsedFile)].index("edges")
CLAIM_FIELDS = [f.name for f in dataclasses.fields(Claim)]


def set_claim_field(name: str, value: Any) -> Callable[[list[Any]], None]:
    def change(parsed: list[Any]) -> None:
        count, columns = parsed[CLAIMS]
        columns = list(columns)
        columns[CLAIM_FIELDS.index(name)] = [value] * count
        parsed[CLAIMS] = (count, tuple(columns))

    return change


@pytest.mark.parametrize(
    "change",
    [
        set_claim_field("id", None),
        set_claim_field("text", 5),
        set_claim_field("weight", "heavy"),
        set_claim_field("weight", True),
        set_claim_field("tags", ["a list, not a tuple"]),
        set_claim_field("sources", (("title", "url"),)),  # a row of the wrong length
        set_claim_field("i18n", {"zh": {"title": 1}}),
        set_claim_field("location", ("t.yaml", "one", 1)),
        set_claim_field("location", (lambda: 0).__code__),  # marshal can hold code: refused
        lambda parsed: parsed.__setitem__(CLAIMS, (5, parsed[CLAIMS][1])),  # wrong count
        lambda parsed: parsed.__setitem__(CLAIMS, (2, parsed[CLAIMS][1][:-1])),  # a field less
        lambda parsed: parsed.__setitem__(CLAIMS, (2, (*parsed[CLAIMS][1], [0, 0]))),  # more
        lambda parsed: parsed.__setitem__(CLAIMS, "claims"),
        lambda parsed: parsed.__setitem__(
            EDGES, (1, (["a"], ["b"], ["undercuts"], [("t.yaml", 1, 1)]))
        ),
        lambda parsed: parsed.pop(),
        lambda parsed: parsed.append(None),
    ],
    ids=[
        "null-id",
        "text-number",
        "weight-text",
        "weight-bool",
        "tags-list",
        "source-short-row",
        "i18n-number",
        "location-text-line",
        "code-object",
        "wrong-count",
        "field-missing",
        "field-extra",
        "claims-text",
        "unknown-relation",
        "short-file",
        "long-file",
    ],
)
def test_a_hostile_snapshot_with_a_valid_digest_is_ignored_and_rebuilt(
    make_debate: MakeDebate,
    cache_home: Path,
    parses: list[str],
    change: Callable[[list[Any]], None],
) -> None:
    tamper(make_debate, cache_home, parses, body=lambda body: edit_file(body, change))


@pytest.mark.parametrize(
    "change",
    [
        lambda head: head.__setitem__(0, cache.LAYOUT + 1),
        lambda head: head.__setitem__(1, "0" * 32),  # another agidebate, Python or PyYAML
        lambda head: head.__setitem__(2, "/somewhere/else\0/somewhere/else"),  # foreign
        lambda head: head.__setitem__(3, (("t.yaml", (1, 2), b"x", False),)),
        lambda head: head.__setitem__(3, (("t.yaml", (1, 2, "3"), b"x" * 20, False),)),
        lambda head: head.__setitem__(3, (("t.yaml", (1, 2, 3), b"x" * 20, "no"),)),
        lambda head: head.__setitem__(3, "entries"),
        lambda head: head.__setitem__(3, (*head[3], head[3][0])),  # more entries than results
        lambda head: head.append("more"),
    ],
    ids=[
        "layout",
        "fingerprint",
        "foreign-folder",
        "bad-stamp",
        "stamp-text",
        "racy-text",
        "entries-text",
        "entries-without-results",
        "extra",
    ],
)
def test_a_snapshot_from_elsewhere_is_ignored_and_rebuilt(
    make_debate: MakeDebate,
    cache_home: Path,
    parses: list[str],
    change: Callable[[list[Any]], None],
) -> None:
    tamper(make_debate, cache_home, parses, header=change)


def test_a_snapshot_of_another_folder_is_never_used(
    make_debate: MakeDebate, cache_home: Path, parses: list[str]
) -> None:
    """Copied over this folder's snapshot, with the same file names and stamps."""
    one = make_debate({"t.yaml": TWO})
    other = make_debate({"t.yaml": TWO.replace("text: A", "text: X")})
    age(one)
    load_debate(one)
    (snapshot,) = snapshots(cache_home)
    stolen = snapshot.read_bytes()
    load_debate(other)
    (target,) = [p for p in snapshots(cache_home) if p != snapshot]
    target.write_bytes(stolen)
    parses.clear()
    assert load_debate(other).claims["a"].text == "X"
    assert parses == ["t.yaml"]


# -- the key: what the snapshot was written by ---------------------------------------------


def test_fingerprint_changes_with_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache.fingerprint()
    cache.fingerprint.cache_clear()
    monkeypatch.setattr("agidebate._version.__version__", "0.0.0-test")
    try:
        assert cache.fingerprint() != before
    finally:
        cache.fingerprint.cache_clear()


def test_fingerprint_names_every_field_of_the_model() -> None:
    cache.fingerprint.cache_clear()
    names = {name.rsplit(".", 1)[-1]: fields for name, fields in codec.schema(ParsedFile)}
    assert names["Claim"] == tuple(CLAIM_FIELDS)
    assert names["Relation"] == tuple(r.value for r in Relation)
    assert {"Source", "Edge", "Problem", "Location"} <= set(names)


FORMAT_MODULES = sorted((REPO / "agidebate" / "format").glob("*.py"))


@pytest.mark.parametrize("module", FORMAT_MODULES, ids=[m.name for m in FORMAT_MODULES])
def test_fingerprint_covers_every_module_of_the_format_package(module: Path) -> None:
    """No edit to any module of agidebate/format/ can leave a stale snapshot."""
    cache.fingerprint.cache_clear()
    before = cache.fingerprint()
    info = module.stat()
    os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    try:
        cache.fingerprint.cache_clear()
        assert cache.fingerprint() != before
    finally:
        os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns))
        cache.fingerprint.cache_clear()


# -- a check of an unchanged folder is answered from the snapshot --------------------------

WARNED = "claims:\n  - {id: a, text: A, supports: thesis}\n  - {id: lone, text: L}\n"


def checked_folder(make_debate: MakeDebate) -> Path:
    folder = make_debate(
        {
            "debate.yaml": "thesis:\n  text: T\n",
            "t.yaml": WARNED,
            "perspectives/p.yaml": "weights:\n  a: 0.9\n",
        }
    )
    age(folder)
    return folder


def test_an_unchanged_folder_is_checked_without_reading_a_file(
    make_debate: MakeDebate, cache_home: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = checked_folder(make_debate)
    cold = check_debate(folder, cache=False)
    assert [p.code for p in cold.warnings] == ["orphan"]
    check_debate(folder)  # the first check stores what it found
    parses.clear()

    def no_decoding(*args: object) -> None:
        raise AssertionError("a file's result was decoded")

    monkeypatch.setattr(cache.Snapshot, "_decode", no_decoding)
    warm = check_debate(folder, need_debate=False)
    assert parses == [] and warm.debate is None
    assert (warm.problems, warm.files, warm.claims, warm.relations) == (
        cold.problems,
        cold.files,
        cold.claims,
        cold.relations,
    )
    result = invoke(["check", "--dir", str(folder)])
    assert result.exit_code == 0 and "3 claims, 1 relation; 1 warning" in result.stdout


@pytest.mark.parametrize(
    "change",
    [
        lambda f: (f / "t.yaml").write_text(WARNED.replace("lone", "alone"), encoding="utf-8"),
        lambda f: (f / "u.yaml").write_text("claims: [{id: u, text: U}]\n", encoding="utf-8"),
        lambda f: (f / "perspectives" / "p.yaml").write_text("weights: {b: 1}\n", "utf-8"),
        lambda f: (f / "perspectives" / "q.yaml").write_text("weights: {a: 1}\n", "utf-8"),
    ],
    ids=["file-changed", "file-added", "perspective-changed", "perspective-added"],
)
def test_any_change_makes_the_check_read_again(
    make_debate: MakeDebate, cache_home: Path, change: Callable[[Path], None]
) -> None:
    folder = checked_folder(make_debate)
    check_debate(folder)
    change(folder)
    assert check_debate(folder, need_debate=False) == check_debate(folder, cache=False)


def test_a_load_alone_stores_no_check(make_debate: MakeDebate, cache_home: Path) -> None:
    """load_debate skips the graph warnings: what it found is not a check's answer."""
    folder = checked_folder(make_debate)
    load_debate(folder)
    report = check_debate(folder, need_debate=False)
    assert report.debate is not None and [p.code for p in report.warnings] == ["orphan"]


def test_a_check_answered_from_the_snapshot_still_checks_the_expectations(
    make_debate: MakeDebate, cache_home: Path
) -> None:
    """`expect:` may name a semantics only the scoring registry knows: the stored check
    keeps every `expect:` block, so an unknown name is an error warm as it is cold."""
    folder = make_debate(
        {
            "debate.yaml": "expect:\n  qee: [0.1, 0.9]\nthesis:\n  text: T\n",
            "t.yaml": "claims:\n  - {id: a, text: A, supports: thesis}\n",
        }
    )
    age(folder)
    cold = invoke(["--no-cache", "check", "--dir", str(folder)])
    assert cold.exit_code == 1 and "unknown semantics 'qee'" in cold.stdout
    for _ in range(2):  # the first fills the snapshot, the second is answered from it
        warm = invoke(["check", "--dir", str(folder)])
        assert (warm.exit_code, warm.stdout) == (cold.exit_code, cold.stdout)


def test_a_damaged_body_is_read_once_not_once_per_file(
    make_debate: MakeDebate,
    cache_home: Path,
    parses: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = {f"t{i}.yaml": f"claims:\n  - {{id: c{i}, text: C}}\n" for i in range(20)}
    folder = make_debate(files)
    age(folder)
    load_debate(folder)
    (snapshot,) = snapshots(cache_home)
    raw = snapshot.read_bytes()
    snapshot.write_bytes(raw[:-1] + bytes([raw[-1] ^ 1]))
    hashed: list[int] = []
    original = cache.digest

    def counting(data: bytes) -> bytes:
        hashed.append(len(data))
        return original(data)

    monkeypatch.setattr(cache, "digest", counting)
    parses.clear()
    assert len(load_debate(folder)) == 20 and len(parses) == 20
    body = len(raw) - len(cache.MAGIC) - cache._HEAD.size
    assert sum(1 for n in hashed if n >= body // 2) <= 2  # the body once, the new one once
