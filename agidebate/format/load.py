"""Load a debate folder: find the files, parse each one, join them, report problems.

`load_debate(folder)` returns a `Debate` or raises `DebateError`;
`check_debate(folder)` returns a `CheckReport` with every problem, errors and
warnings, and never raises for bad content.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agidebate.errors import DebateError, Location, Problem, Severity, UsageError, file_error
from agidebate.format import cache as parse_cache
from agidebate.format import codec
from agidebate.format.join import link
from agidebate.format.parsed import ParsedFile
from agidebate.format.schema import DEBATE_FILE_NAMES, PERSPECTIVES_DIR
from agidebate.i18n import _
from agidebate.model import Debate, Expect, Perspective

ENV_DIR = "AGIDEBATE_DIR"
SUFFIXES = (".yaml", ".yml")


def bundled_debate_dir() -> Path:
    """The debate that ships with agidebate (inside the installed package, or the checkout)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "arguments", package.parent / "arguments"):
        if candidate.is_dir():
            return candidate
    raise UsageError(
        "the bundled debate is missing from this installation",
        "reinstall agidebate, or pass --dir DIR",
    )


def find_debate_dir(directory: str | os.PathLike[str] | None = None) -> Path:
    """The folder to read: `directory`, else $AGIDEBATE_DIR, else the bundled debate."""
    chosen = directory if directory not in (None, "") else os.environ.get(ENV_DIR) or None
    if chosen is None:
        return bundled_debate_dir()
    path = Path(chosen)
    origin = "--dir" if directory not in (None, "") else f"${ENV_DIR}"
    if not path.exists():
        raise UsageError(f"{origin}: folder '{path}' does not exist", "check the path")
    if not path.is_dir():
        raise UsageError(
            f"{origin}: '{path}' is not a folder", "give the folder holding the .yaml files"
        )
    return path


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The outcome of checking a folder: the debate (if it could be built) and every problem."""

    folder: Path
    debate: Debate | None
    problems: tuple[Problem, ...]
    files: int
    perspectives: tuple[Perspective, ...] = ()  # those that read without errors
    claims: int = 0
    relations: int = 0
    # Every `expect:` block read (debate.yaml's and the perspectives'), also when the
    # report comes from the parse cache without its debate and perspectives.
    expects: tuple[Expect, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors


def iter_argument_files(folder: Path) -> Iterator[tuple[Path, str]]:
    """Every argument file under `folder` as (path, relative posix path).

    `debate.yaml` comes first, then every other file sorted by relative path.

    Skips names starting with '.', the reserved top-level `perspectives/`, and
    symlinked folders.
    """
    found: list[tuple[str, Path]] = []
    for current, dirs, names in os.walk(folder):
        here = Path(current)
        top = here == folder
        dirs[:] = [
            d
            for d in dirs
            if not d.startswith(".")
            and not (top and d == PERSPECTIVES_DIR)
            and not (here / d).is_symlink()
        ]
        for name in names:
            if name.startswith(".") or not name.endswith(SUFFIXES):
                continue
            path = here / name
            found.append((path.relative_to(folder).as_posix(), path))
    found.sort(key=lambda item: (item[0] not in DEBATE_FILE_NAMES, item[0]))
    for rel, path in found:
        yield path, rel


Progress = Callable[[int, int], None]


def check_debate(
    directory: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    warnings: bool = True,
    *,
    cache: bool = True,
    need_debate: bool = True,
) -> CheckReport:
    """Read and check a debate folder; never raises for bad content, only for a bad folder.

    `progress(done, total)` is called after each file, for long loads. With
    `warnings=False` the warnings that need the whole graph are not computed,
    nor are the files in `perspectives/` checked. With `cache=False` the parse
    cache is neither read nor written (`--no-cache`). With `need_debate=False` the
    report may come without its debate (`debate` None, the counts filled in):
    when no file changed since the last check, the cache answers at once.
    """
    folder = find_debate_dir(directory)
    files = list(iter_argument_files(folder))
    snapshot = parse_cache.open_snapshot(folder) if cache else None
    views = parse_cache.perspective_stamps(folder) if snapshot is not None and warnings else ()
    if snapshot is not None and warnings and not need_debate:
        stored = snapshot.stored_check(files, views)
        if stored is not None:
            counts = (stored.claims, stored.relations)
            return CheckReport(
                folder, None, stored.problems, len(files), (), *counts, stored.expects
            )
    parsed = parse_files(folder, files, snapshot, progress)
    if not parsed:
        problem = Problem(
            "no-files",
            f"no .yaml or .yml files in '{folder}'",
            None,  # a folder has no line and column
            _(
                "a debate is a folder of argument files: `agidebate init {folder}` starts one "
                "(see docs/format.md)",
                folder=shlex.quote(str(folder)),
            ),
        )
        return CheckReport(folder, None, (problem,), 0)
    report = _checked(folder, parsed, warnings)
    if snapshot is not None:
        if warnings:
            found = parse_cache.Checked(
                report.problems, report.claims, report.relations, report.expects
            )
            snapshot.keep_check(views, found)
        snapshot.save()
    return report


def _checked(folder: Path, parsed: list[ParsedFile], warnings: bool) -> CheckReport:
    """Join the parsed files, and check what needs the whole debate."""
    debate, problems = link(parsed, graph_warnings=warnings)
    perspectives: list[Perspective] = []
    if warnings and not any(p.is_error for p in problems) and (folder / PERSPECTIVES_DIR).is_dir():
        # Perspectives name claim ids: a renamed claim must not break them unseen.
        from agidebate.format.perspectives import check_perspectives

        perspectives, found = check_perspectives(folder, debate)
        problems.extend(found)
    ordered = tuple(sorted(problems, key=Problem.sort_key))
    expects = [p.expect for p in perspectives if p.expect is not None]
    if debate.expect is not None:
        expects.append(debate.expect)
    return CheckReport(
        folder,
        debate,
        ordered,
        len(parsed),
        tuple(perspectives),
        len(debate),
        len(debate.edges),
        tuple(expects),
    )


def load_debate(
    directory: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    *,
    cache: bool = True,
) -> Debate:
    """Load a debate folder; raise `DebateError` listing every error if it is invalid.

    `cache=False` neither reads nor writes the parse cache (see `agidebate.format.cache`).
    """
    report = check_debate(directory, progress, warnings=False, cache=cache)
    if report.errors or report.debate is None:
        raise DebateError(report.problems)
    return report.debate


def _display(folder: Path, rel: str) -> str:
    return os.path.join(str(folder), *rel.split("/"))


# Parse on two cores (see `agidebate.format.forked`) when the files to parse hold at
# least this many bytes (about 700 claims): below it, forking costs more than it saves.
PARALLEL_BYTES = 500_000


def parse_files(
    folder: Path,
    files: list[tuple[Path, str]],
    snapshot: parse_cache.Snapshot | None,
    progress: Progress | None = None,
) -> list[ParsedFile]:
    """Every file's result, in order: from `snapshot` where a file is unchanged, else
    parsed (on two cores when there is enough to parse) and kept in `snapshot`."""
    from agidebate.format import forked

    done = 0
    parent = os.getpid()

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and os.getpid() == parent:  # a forked child draws nothing
            progress(done, len(files))

    found: list[ParsedFile | None] = []
    for path, rel in files:
        found.append(_unparsed(folder, path, rel, snapshot))
        if found[-1] is not None:
            tick()
    todo = [(path, rel) for (path, rel), result in zip(files, found, strict=True) if result is None]
    stamped = snapshot is not None

    def read(job: tuple[Path, str]) -> Outcome:
        outcome = _read(folder, *job, stamped)
        tick()
        return outcome

    sizes = [parse_cache.size(path) for path, _ in todo]
    fresh = iter(forked.run(todo, read, Outcome.send, Outcome.receive, sizes, PARALLEL_BYTES))
    parsed = []
    for (_path, rel), result in zip(files, found, strict=True):
        if result is None:
            outcome = next(fresh)
            result = outcome.parsed
            if snapshot is not None and outcome.stamp is not None:
                snapshot.put(rel, outcome.stamp, outcome.digest, result, outcome.encoded)
        parsed.append(result)
    if progress is not None and todo and done < len(files):
        progress(len(files), len(files))  # the files the child parsed
    return parsed


@dataclass(slots=True)
class Outcome:
    """One file parsed: its result, and what the parse cache keeps of it (the file's
    stamp taken before it was read, the digest of the bytes read, the encoded result)."""

    parsed: ParsedFile
    stamp: parse_cache.Stamp | None = None
    digest: bytes = b""
    encoded: Any = None

    def send(self) -> Any:
        """As plain data, for a forked child to hand over (see `agidebate.format.forked`)."""
        encoded = self.encoded
        if encoded is None:
            encoded = codec.encode(ParsedFile, self.parsed)
        return (encoded, self.stamp, self.digest)

    @classmethod
    def receive(cls, data: Any) -> Outcome:
        """Back from `send`'s data, checked (`codec.Unreadable` when it does not fit)."""
        if type(data) is not tuple or len(data) != 3:
            raise codec.Unreadable("not a parsed file")
        encoded, current, check = data
        if (current is not None and not parse_cache.is_stamp(current)) or type(check) is not bytes:
            raise codec.Unreadable("not a parsed file")
        return cls(codec.decode(ParsedFile, encoded), current, check, encoded)


def _unparsed(
    folder: Path, path: Path, rel: str, snapshot: parse_cache.Snapshot | None
) -> ParsedFile | None:
    """A file's result without parsing it (a link out of the folder, or unchanged since
    `snapshot` was written), else None."""
    escape = _escapes(folder, path)
    if escape:
        shown = _display(folder, rel)
        fix = "copy the file into the debate folder, or remove the link"
        return ParsedFile(path=shown, problems=[Problem("symlink", escape, Location(shown), fix)])
    current = parse_cache.stamp(path) if snapshot is not None else None
    if snapshot is not None and current is not None:
        return snapshot.get(rel, path, current)
    return None


def _read(folder: Path, path: Path, rel: str, stamped: bool) -> Outcome:
    """Read and parse one file; with `stamped`, also what the parse cache keeps of it."""
    shown = _display(folder, rel)
    current = parse_cache.stamp(path) if stamped else None
    try:
        data = path.read_bytes()  # after the stamp: a change in between is seen next time
    except OSError as err:
        hint = file_error("read", shown, err).hint
        problem = Problem(
            "unreadable", f"cannot read file: {err.strerror or err}", Location(shown), hint
        )
        return Outcome(ParsedFile(path=shown, problems=[problem]))
    parsed = parse_text(data, shown, *_role(rel))
    if current is None:
        return Outcome(parsed)
    return Outcome(parsed, current, parse_cache.digest(data))


def parse_path(
    folder: Path, path: Path, rel: str, snapshot: parse_cache.Snapshot | None
) -> ParsedFile:
    """Read and parse one argument file (`rel`: its path relative to `folder`), or take
    its result from `snapshot` (the parse cache) when the file has not changed."""
    return parse_files(folder, [(path, rel)], snapshot)[0]


def parse_bytes(
    folder: Path, rel: str, data: bytes, snapshot: parse_cache.Snapshot | None
) -> ParsedFile:
    """Parse `data` as argument file `rel`, or take the result from `snapshot` when the
    file held exactly these bytes when it was cached."""
    if snapshot is not None:
        cached = snapshot.get_bytes(rel, data)
        if cached is not None:
            return cached
    return parse_text(data, _display(folder, rel), *_role(rel))


def _role(rel: str) -> tuple[str, bool]:
    """The file's default topic id (its name) and whether it is the debate file."""
    return rel.rsplit("/", 1)[-1].rsplit(".", 1)[0], rel in DEBATE_FILE_NAMES


def parse_text(data: bytes, shown: str, stem: str, is_debate_file: bool) -> ParsedFile:
    """Parse one file's bytes (`shown` is the path used in messages)."""
    from agidebate.format import nodes
    from agidebate.format.fields import parse_file

    text, problems = nodes.decode(data, shown)
    if text is None:
        return ParsedFile(path=shown, problems=problems)
    result = nodes.read(text, shown)
    if result.root is None and any(p.is_error for p in result.problems):
        return ParsedFile(path=shown, problems=result.problems)
    parsed = parse_file(result.root, shown, stem, is_debate_file, result.source)
    parsed.problems[:0] = result.problems
    return parsed


def _escapes(folder: Path, path: Path) -> str | None:
    if not path.is_symlink():
        return None
    target = path.resolve()
    try:
        target.relative_to(folder.resolve())
    except ValueError:
        return f"symlink points outside the debate folder (to {target}); it was not read"
    return None
