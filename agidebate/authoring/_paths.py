"""Where a write may go: inside the debate folder, never through a symbolic link.

A file name from the command line is a path relative to the debate folder. It
is refused when it is absolute, contains `..`, a NUL byte or a backslash, has a
part starting with `.` (the loader skips those), sits in the reserved
`perspectives/` folder, is not `.yaml`/`.yml`, or names `debate.yaml`.

Symbolic links are refused, not followed: a file, or a folder on the way to
it, that is a link is never written through. Replacing a link atomically
would replace the link itself and leave its target as it was (the debate
would then hold both), and following it could write outside the debate. The
debate folder itself may be a link: it is the folder the user chose.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from agidebate.errors import OperationError, UsageError, file_error
from agidebate.format.load import ENV_DIR, SUFFIXES, bundled_debate_dir, find_debate_dir
from agidebate.format.schema import DEBATE_FILE_NAMES, PERSPECTIVES_DIR


@dataclass(frozen=True, slots=True)
class Target:
    """A file in the debate folder: its path, its path relative to the folder, whether it exists."""

    path: Path
    rel: str
    exists: bool


def writable_debate_dir(directory: str | os.PathLike[str] | None, missing_ok: bool = False) -> Path:
    """The folder a write goes to: --dir or $AGIDEBATE_DIR, never implicitly the bundled one.

    With `missing_ok`, a folder that does not exist yet is returned too (`new` creates it).
    """
    chosen = directory if directory not in (None, "") else os.environ.get(ENV_DIR) or None
    if chosen is None:
        raise UsageError(
            "say which debate folder to change: --dir DIR (or set $AGIDEBATE_DIR)",
            "commands that write never change the bundled debate implicitly; to extend it, "
            f"copy it first: cp -r {_bundled()} my-debate",
        )
    if missing_ok and not os.path.lexists(chosen):
        return Path(chosen)
    return find_debate_dir(chosen)


def _bundled() -> str:
    try:
        return str(bundled_debate_dir())
    except UsageError:
        return "arguments"


def parse_relative(name: str) -> str:
    """A file name from the command line as a clean relative posix path, or `UsageError`."""
    shown = repr(name)
    if "\x00" in name:
        raise UsageError(f"--file {shown} contains a NUL byte")
    if "\\" in name:
        raise UsageError(f"--file {shown} contains a backslash", "separate folders with '/'")
    path = PurePosixPath(name)
    if path.is_absolute() or (len(name) > 1 and name[1] == ":"):
        raise UsageError(
            f"--file {shown} is an absolute path",
            "give a path inside the debate folder, relative to it, e.g. replies/mine.yaml",
        )
    parts = [part for part in path.parts if part != "."]
    if not parts:
        raise UsageError("--file is empty", "give a file name such as replies/mine.yaml")
    if ".." in parts:
        raise UsageError(
            f"--file {shown} goes up with '..'; files stay inside the debate folder",
            "give a path relative to the debate folder, e.g. replies/mine.yaml",
        )
    _check_parts(parts, shown)
    return "/".join(parts)


def _check_parts(parts: list[str], shown: str) -> None:
    if any(part.startswith(".") for part in parts):
        raise UsageError(
            f"--file {shown}: names starting with '.' are skipped when the debate is read",
            "choose a name that does not start with '.'",
        )
    if len(parts) > 1 and parts[0] == PERSPECTIVES_DIR:
        raise UsageError(
            f"--file {shown}: '{PERSPECTIVES_DIR}/' is reserved for weight profiles",
            "put claims in another folder, e.g. replies/",
        )
    if not parts[-1].endswith(SUFFIXES):
        raise UsageError(
            f"--file {shown} does not end in .yaml or .yml, so it would not be read",
            f"e.g. --file {'/'.join([*parts[:-1], parts[-1].rsplit('.', 1)[0] + '.yaml'])}",
        )
    if "/".join(parts) in DEBATE_FILE_NAMES:
        raise UsageError(
            f"--file {shown} is the debate's title-and-thesis file, which holds no claim list",
            "put the claim in a topic file, e.g. --file replies/mine.yaml",
        )


def locate(folder: Path, rel: str, from_user: bool) -> Target:
    """The file `rel` inside `folder`, checked for links; it may not exist yet.

    Problems with a name from the command line are usage errors (exit 2); with a
    file the debate already uses (where the target claim lives), operation errors.
    """
    error = UsageError if from_user else OperationError
    hint = (
        "give a plain file inside the debate folder"
        if from_user
        else "use --file FILE to put the new claim in another file"
    )
    current = folder
    parts = rel.split("/")
    for index, part in enumerate(parts):
        current = current / part
        shown = "/".join(parts[: index + 1])
        try:
            info = current.lstat()
        except FileNotFoundError:
            return Target(folder / rel, rel, exists=False)
        except OSError as err:
            raise file_error("look at", shown, err) from None
        last = index == len(parts) - 1
        if stat.S_ISLNK(info.st_mode):
            raise error(
                f"'{shown}' is a symbolic link; agidebate does not write through links", hint
            )
        if not last and not stat.S_ISDIR(info.st_mode):
            raise error(f"'{shown}' is not a folder", hint)
        if last and not stat.S_ISREG(info.st_mode):
            raise error(f"'{shown}' is not a regular file", hint)
        if last and info.st_nlink > 1:
            raise error(
                f"'{shown}' has {info.st_nlink} hard links; replacing it would split them", hint
            )
    return Target(folder / rel, rel, exists=True)


def relative_in(folder: Path, shown_path: str) -> str:
    """The path, relative to `folder`, of a file the loader read (`shown_path` from a Location)."""
    return Path(shown_path).relative_to(folder).as_posix()
