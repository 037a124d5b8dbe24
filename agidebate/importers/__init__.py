"""Import formats behind one small registry: each format is one module with
`read(text, name) -> ImportResult`, turning another tool's file into a `Debate`.

`write_debate` (in `agidebate.importers.writer`) then turns that debate into
argument files. A new format is one new module and one line in `IMPORTERS`.

>>> sorted(IMPORTERS)
['argdown', 'json', 'kialo']
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from agidebate.errors import OperationError, UsageError, file_error

if TYPE_CHECKING:
    from agidebate.model import Debate


@dataclass(frozen=True)
class ImportResult:
    """The imported debate and what the import left out or changed, for the user to read."""

    debate: Debate
    notes: tuple[str, ...] = field(default_factory=tuple)


class Reader(Protocol):
    def __call__(self, text: str, name: str) -> ImportResult: ...


@dataclass(frozen=True)
class ImportFormat:
    """A registered import format."""

    name: str
    module: str
    description: str

    def load(self) -> Reader:
        reader: Reader = importlib.import_module(self.module).read
        return reader


IMPORTERS: dict[str, ImportFormat] = {
    f.name: f
    for f in (
        ImportFormat(
            "kialo", "agidebate.importers.from_kialo", "Kialo's plain-text discussion export"
        ),
        ImportFormat(
            "argdown", "agidebate.importers.from_argdown", "Argdown: statements, arguments, +/-"
        ),
        ImportFormat(
            "json", "agidebate.importers.from_json", "agidebate's own JSON export, back to files"
        ),
    )
}


def get_importer(name: str) -> ImportFormat:
    try:
        return IMPORTERS[name]
    except KeyError:
        from agidebate.suggest import unknown_choice

        raise unknown_choice("import format", name, IMPORTERS) from None


class InputError(OperationError):
    """The file to import is not what its format says: names the file and line."""

    def __init__(self, name: str, line: int | None, message: str, hint: str | None = None):
        where = f"{name}:{line}" if line is not None else name
        super().__init__(f"{where}: {message}", hint)


def read_text(path: str | os.PathLike[str]) -> str:
    """A file's text as UTF-8 (a byte-order mark is dropped); line endings kept as they are."""
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"'{file}' is not a file", "give the path of the file to import")
    try:
        data = file.read_bytes()
    except OSError as err:
        raise file_error("read", file, err) from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise InputError(
            str(file), data.count(b"\n", 0, err.start) + 1, "not UTF-8 text", "save it as UTF-8"
        ) from None


def import_file(fmt: str, path: str | os.PathLike[str]) -> ImportResult:
    """Read the file at `path` in format `fmt` into a debate."""
    importer = get_importer(fmt)
    return importer.load()(read_text(path), str(path))
