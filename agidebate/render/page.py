"""A page of terminal output built line by line and printed in one go.

Printing every line through rich separately is slow (explaining 10,000 claims
took seconds of rendering alone); a `Page` collects `Text` lines and prints
them in batches. Tables are plain aligned columns, measured once (linear in
their cells); their last column is cut to the console width. Paragraphs wrap
to the width. User text must already be made inert (`render.safe.inert`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from agidebate.render import theme
from agidebate.render.lines import wrap_plain

if TYPE_CHECKING:
    from rich.console import Console

GAP = "  "
BATCH = 2_000
NARROW = 16  # fewer columns than this left for a table's last column: it goes below
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
        fixed = len(headers) - 1
        widths = [len(h) for h in headers[:fixed]]
        for row in rows:
            for column in range(fixed):
                widths[column] = max(widths[column], len(row[column]))
        lead_width = sum(widths) + len(GAP) * len(widths)
        stacked = self.width - indent - lead_width < NARROW
        for n, row in enumerate([headers, *rows]):
            style = theme.STRONG if n == 0 else ""
            if stacked:  # too narrow for the last column beside the others: it goes below
                self._append(Text(self._lead(row, widths, right, indent).rstrip(), style=style))
                if row[fixed]:
                    self.add(" " * (indent + 4) + row[fixed], style)
            else:
                self._append(Text(self._row(row, widths, right, indent), style=style))

    def _lead(self, cells: Sequence[str], widths: list[int], right: set[int], indent: int) -> str:
        return " " * indent + GAP.join(
            cell.rjust(widths[n]) if n in right else cell.ljust(widths[n])
            for n, cell in enumerate(cells[: len(widths)])
        )

    def _row(self, cells: Sequence[str], widths: list[int], right: set[int], indent: int) -> str:
        lead = self._lead(cells, widths, right, indent)
        room = max(self.width - len(lead) - len(GAP), 10)
        last = cells[len(widths)]
        if cell_len(last) > room:
            last = set_cell_size(last, room - 1).rstrip() + ("…" if self.glyphs else "~")
        return (lead + GAP + last).rstrip()

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
