"""Domain errors and the problems a debate can have.

The library raises these; the command-line layer turns them into messages and
exit codes in one place (`agidebate.cli`). Nothing here prints.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is: errors make a debate invalid, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file: 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a debate, where it is, and how to fix it.

    >>> where = Location("a.yaml", 3, 5)
    >>> str(Problem("unknown-field", "unknown field 'txt'", where, "did you mean 'text'?"))
    "a.yaml:3:5: error: unknown field 'txt' (hint: did you mean 'text'?)"
    """

    code: str
    message: str
    location: Location | None = None
    hint: str | None = None
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def headline(self) -> str:
        """The first line of the message: `path:line:col: severity: message`."""
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.severity.value}: {self.message}"

    def __str__(self) -> str:
        return self.headline() + (f" (hint: {self.hint})" if self.hint else "")

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code) if loc else ("", 0, 0, self.code)


class AgidebateError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code = 1


class DebateError(AgidebateError):
    """The debate folder is invalid; `problems` says where and why."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: Sequence[Problem] = tuple(problems)
        errors = [p for p in self.problems if p.is_error]
        first = str(errors[0]) if errors else "invalid debate"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)


class UsageError(AgidebateError):
    """The caller asked for something that cannot be: a missing folder, an unknown id."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.hint = hint
        super().__init__(message)


class RequestRefused(UsageError):
    """A change the debate cannot take: an unknown target, an id already used, a bad
    value, a file outside the folder. Nothing is changed.

    Exit status 1, like every change that is refused or fails; a malformed command
    line (an unknown option, conflicting flags, no folder named) stays a plain
    `UsageError`, status 2. A subclass, so callers that catch `UsageError` still do.
    """

    exit_code = 1

    @classmethod
    def of(cls, error: UsageError) -> RequestRefused:
        return error if isinstance(error, RequestRefused) else cls(str(error), error.hint)


class OperationError(AgidebateError):
    """A valid request that failed: an external program missing, a write refused."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.hint = hint
        super().__init__(message)


def file_error(action: str, path: object, err: OSError) -> OperationError:
    """An `OperationError` for a failed file operation, with a hint on what to do about it.

    >>> import errno
    >>> e = file_error("write", "out/a.yaml", PermissionError(errno.EACCES, "Permission denied"))
    >>> str(e)
    "cannot write 'out/a.yaml': Permission denied"
    >>> e.hint
    'check that you may write there, or choose another place'
    """
    reason = err.strerror or str(err)
    hint: str | None
    if err.errno in (errno.EPERM, errno.EACCES):
        reading = action in ("read", "look at")
        hint = "check that you may read it" if reading else _FILE_HINTS[errno.EACCES]
    else:
        hint = _FILE_HINTS.get(err.errno or 0)
    return OperationError(f"cannot {action} '{path}': {reason}", hint)


_FILE_HINTS = {
    errno.ENOENT: "check the path: a folder on the way does not exist",
    errno.EACCES: "check that you may write there, or choose another place",
    errno.ENOTDIR: "check the path: part of it is a file, not a folder",
    errno.EISDIR: "that is a folder; name a file inside it",
    errno.ENOSPC: "the disk is full; free some space and run the command again",
    errno.EROFS: "the file system is read-only; choose another place",
    errno.ENAMETOOLONG: "the name is too long; choose a shorter path",
    errno.EDQUOT: "the disk quota is used up; free some space and run the command again",
}


class WeightsFileError(AgidebateError):
    """A weights or perspective file is unreadable or wrong; `problems` says where."""

    def __init__(self, path: str, problems: Iterable[Problem]) -> None:
        self.path = path
        self.problems: Sequence[Problem] = tuple(problems)
        count = len(self.problems)
        super().__init__(f"{path}: {count} problem{'s' * (count != 1)} in the weights file")
