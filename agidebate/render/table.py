"""Plain tables: fixed columns on the left, one wrapping column on the right.

rich's Table measures every cell of every row twice and took 5 s for 10,000
rows; this one measures each column once and streams the rows, so a listing of
any size prints in time linear in its cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text

from agidebate.render import theme
from agidebate.render.lines import Block, Lead, Para, segments_of

GAP = "  "


@dataclass
class PlainTable:
    """Rows of cells; every column but the last is padded, the last wraps beside them."""

    headers: Sequence[str]
    rows: Sequence[Sequence[Text]]
    right: frozenset[int] = frozenset()  # columns aligned to the right (numbers)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fixed = len(self.headers) - 1
        sizes = [[cell.cell_len for cell in row[:fixed]] for row in self.rows]
        widths = [len(h) for h in self.headers[:fixed]]
        for row_sizes in sizes:
            widths = [max(w, size) for w, size in zip(widths, row_sizes, strict=True)]
        head = [Text(title, style=theme.META) for title in self.headers[:fixed]]
        blank = " " * sum(w + len(GAP) for w in widths)
        paras = [
            Para(
                self._lead(console, head, [len(h) for h in self.headers[:fixed]], widths),
                blank,
                Text(self.headers[-1], style=theme.META),
            )
        ]
        for row, row_sizes in zip(self.rows, sizes, strict=True):
            paras.append(Para(self._lead(console, row[:fixed], row_sizes, widths), blank, row[-1]))
        yield Block(paras)

    def _lead(
        self, console: Console, cells: Sequence[Text], sizes: Sequence[int], widths: Sequence[int]
    ) -> Lead:
        """The fixed cells of a row, padded to their columns, as ready segments."""
        segments: list[Segment] = []
        for column, (cell, size, width) in enumerate(zip(cells, sizes, widths, strict=True)):
            pad = Segment(" " * (width - size))
            if column in self.right:
                segments.append(pad)
            segments.extend(segments_of(console, cell))
            if column not in self.right:
                segments.append(pad)
            segments.append(Segment(GAP))
        return Lead(tuple(segments), sum(widths) + len(GAP) * len(widths))
