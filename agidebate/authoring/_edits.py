"""Edits of a file's text at exact places, for `rename` and `remove`: everything outside
the edited characters (comments, quoting, blank lines, line endings, a byte-order mark)
stays byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from agidebate.authoring._change import Change
from agidebate.authoring._plan import Edit
from agidebate.errors import OperationError
from agidebate.format.emit import flow_value
from agidebate.format.spans import Span, read_spans
from agidebate.i18n import _

_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class FileText:
    """One file as read: its path, its path in the debate folder, its bytes and its text
    (without a byte-order mark, which `encode` puts back)."""

    path: Path
    rel: str
    data: bytes
    text: str
    bom: bool

    @classmethod
    def of(cls, path: Path, rel: str, data: bytes) -> FileText:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise OperationError(
                _("'{path}' is not UTF-8", path=path), _("run `agidebate check`")
            ) from None
        bom = text.startswith(_BOM)
        return cls(path, rel, data, text[1:] if bom else text, bom)

    def spans(self) -> Span | None:
        return read_spans(self.text)

    def edited(self, edits: Iterable[Edit]) -> str:
        """The text with every edit made (edits may not overlap)."""
        out, at = [], 0
        for edit in sorted(edits, key=lambda e: (e.start, e.end)):
            if edit.start < at:
                raise OperationError(
                    _("two changes of '{path}' overlap; nothing was written", path=self.path),
                    _("please report this, with the file, as a bug"),
                )
            out += [self.text[at : edit.start], edit.text]
            at = edit.end
        out.append(self.text[at:])
        return "".join(out)

    def encode(self, text: str) -> bytes:
        return ((_BOM if self.bom else "") + text).encode("utf-8")

    @property
    def newline(self) -> str:
        """The file's line ending."""
        return "\r\n" if "\r\n" in self.text else "\n"

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def line_of(self, index: int) -> int:
        return self.text.count("\n", 0, index) + 1


def scalar_text(span: Span, value: str) -> str:
    """`value` written where `span` is, in the same quoting: plain stays plain where it
    reads back as the same text (else double quotes), quoted stays quoted."""
    if span.style == "'":
        return "'" + value.replace("'", "''") + "'"
    if span.style == '"':
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return flow_value(value)


def change(file: FileText, text: str, edits: list[Edit], written: bool) -> Change:
    """The `Change` of one edited file: its lines from the first edit to the last, as the
    new text numbers them."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    shift = sum(len(e.text) - (e.end - e.start) for e in ordered[:-1])
    last = ordered[-1]
    end = last.start + shift + len(last.text)
    first_line = file.line_of(ordered[0].start)
    return Change(
        path=file.path,
        before=file.text,
        after=text,
        first_line=first_line,
        last_line=max(first_line, text.count("\n", 0, max(end - 1, 0)) + 1),
        inserted="",
        created=False,
        written=written,
    )


def new_texts(files: Mapping[str, tuple[FileText, list[Edit]]]) -> dict[str, bytes]:
    """Each edited file's new bytes, by its path in the debate folder."""
    return {rel: file.encode(file.edited(edits)) for rel, (file, edits) in files.items() if edits}


def perspective_files(folder: Path) -> list[FileText]:
    """The perspective files of the debate in `folder`, read (a link is refused: rename
    and remove never write through one)."""
    from agidebate.authoring._paths import relative_in
    from agidebate.authoring._write import read_file
    from agidebate.format.perspectives import SUFFIXES, perspectives_dir

    where = perspectives_dir(folder)
    if where is None:
        return []
    found = []
    for path in sorted(where.iterdir()):
        if path.suffix not in SUFFIXES or path.name.startswith(".") or not path.is_file():
            continue
        if path.is_symlink():
            raise OperationError(
                _("'{path}' is a symbolic link; agidebate does not write through links", path=path),
                _("change the ids in it by hand"),
            )
        found.append(FileText.of(path, relative_in(folder, str(path)), read_file(path)))
    return found
