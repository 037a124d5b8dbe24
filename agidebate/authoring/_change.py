"""One file's change: its old and new text, where the new lines are, and the diff."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from agidebate.authoring._paths import Target


@dataclass(frozen=True, slots=True)
class Change:
    """One file's old and new text, and where the new lines are (1-based, inclusive)."""

    path: Path
    before: str
    after: str
    first_line: int
    last_line: int
    inserted: str
    created: bool
    written: bool

    def diff(self) -> str:
        """A unified diff of the change (LF line endings; a missing final newline is marked)."""
        name = str(self.path)
        lines = difflib.unified_diff(
            _diff_lines(self.before),
            _diff_lines(self.after),
            "/dev/null" if self.created else name,
            name,
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _diff_lines(text: str) -> list[str]:
    lines = [line.rstrip("\r\n") + "\n" for line in text.splitlines(keepends=True)]
    if lines and not text.endswith(("\n", "\r")):
        lines[-1] = lines[-1][:-1] + "\n\\ No newline at end of file\n"
    return lines


def insertion(
    target: Target, before: str, after: str, span: tuple[int, int], written: bool
) -> Change:
    """The change that inserted after[span[0]:span[1]] into `before`."""
    start, end = span
    inserted = after[start:end]
    first = start + len(inserted) - len(inserted.lstrip("\r\n"))
    last = start + len(inserted.rstrip("\r\n"))
    return Change(
        path=target.path,
        before=before,
        after=after,
        first_line=after.count("\n", 0, first) + 1,
        last_line=after.count("\n", 0, max(first, last - 1)) + 1,
        inserted=inserted.strip("\r\n").replace("\r\n", "\n"),
        created=not target.exists,
        written=written,
    )
