"""A page of terminal output built line by line and printed in one go.

Printing every line through rich separately is slow (explaining 10,000 claims
took seconds of rendering alone); a `Page` collects `Text` lines and prints
them in batches. Tables are plain aligned columns, measured once (linear in
their cells); their last column is cut to the console width. Paragraphs wrap
to the width. User text must already be made inert (`text.inert`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from agidebate.render import theme
from agidebate.render.lines import wrap_plain
from agidebate.render.table import page_rows

if TYPE_CHECKING:
    from rich.console import Console

BATCH = 2_000
T = TypeVar("T")


class Page:
    """Lines waiting to be printed on `out`."""

    def __init__(self, out: Console) -> None:
        self.out = out
        self.width = out.width
        self.glyphs = theme.unicode_ok(out)
        self.lines: list[Text] = []

    def add(self, line: Text | str = "", style: str = "") -> None:
        """One line (a `Text` keeps its own styles); a plain one wider than the page wraps."""
        if isinstance(line, str) and len(line) * 2 > self.width and cell_len(line) > self.width:
            lead = line[: len(line) - len(line.lstrip())]
            body = line.strip()
            first = wrap_plain(body, self.width - len(lead))[0]
            self._append(Text(lead + first, style=style))
            for chunk in wrap_plain(body[len(first) :].lstrip(), self.width - len(lead) - 2):
                self._append(Text(lead + "  " + chunk, style=style))
            return
        if isinstance(line, Text) and line.cell_len > self.width:  # a styled heading: rare
            for part in line.wrap(self.out, self.width):
                self._append(part)
            return
        self._append(line if isinstance(line, Text) else Text(line, style=style))

    def _append(self, line: Text) -> None:
        self.lines.append(line)
        if len(self.lines) >= BATCH:
            self.flush()

    def para(self, text: str, indent: int = 2, style: str = "") -> None:
        """A paragraph wrapped to the console width, every line indented."""
        width = max(self.width - indent, 30)
        chunks = [chunk for chunk in wrap_plain(text, width) if chunk]
        for chunk in chunks or [""]:
            self.add(" " * indent + chunk, style)

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        right: set[int],
        indent: int = 2,
    ) -> None:
        """Aligned columns, indented; `right` lists the right-aligned ones (numbers)."""
        if not rows:
            return
        for line, heading, below in page_rows(headers, rows, right, self.width, indent, self._cut):
            style = theme.STRONG if heading else ""
            if below:
                self.add(line, style)  # a last cell below its row wraps to the page
            else:
                self._append(Text(line, style=style))

    def _cut(self, cell: str, room: int) -> str:
        if cell_len(cell) <= room:
            return cell
        return set_cell_size(cell, room - 1).rstrip() + ("…" if self.glyphs else "~")

    def bar(self, share: float, width: int = 10) -> str:
        """A bar of `width` cells, `share` of them filled."""
        filled = round(share * width)
        full, empty = ("█", "░") if self.glyphs else ("#", ".")
        return full * filled + empty * (width - filled)

    def arrow(self) -> str:
        return "→" if self.glyphs else "->"

    def flush(self) -> None:
        """Print what is waiting."""
        if self.lines:
            self.out.print(Text("\n").join(self.lines), soft_wrap=True, no_wrap=True)
            self.lines = []


def show(out: Console, render: Callable[[Page, T], None], report: T) -> None:
    """Render `report` on a page of `out` and print it."""
    page = Page(out)
    render(page, report)
    page.flush()
