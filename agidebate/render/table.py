"""Plain tables: fixed columns on the left, one wrapping column on the right.

rich's Table measures every cell of every row twice and took 5 s for 10,000
rows; this one measures each column once and streams the rows, so a listing of
any size prints in time linear in its cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from agidebate.render import theme
from agidebate.render.lines import Block, Para

GAP = "  "


@dataclass
class PlainTable:
    """Rows of cells; every column but the last is padded, the last wraps beside them."""

    headers: Sequence[str]
    rows: Sequence[Sequence[Text]]
    right: frozenset[int] = frozenset()  # columns aligned to the right (numbers)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fixed = len(self.headers) - 1
        widths = [len(h) for h in self.headers[:fixed]]
        for row in self.rows:
            for column in range(fixed):
                widths[column] = max(widths[column], row[column].cell_len)
        head = Text(style=theme.META)
        for column, title in enumerate(self.headers[:fixed]):
            head.append(self._pad(Text(title), widths[column], column) + GAP)
        blank = " " * sum(w + len(GAP) for w in widths)
        paras = [Para(head, blank, Text(self.headers[-1], style=theme.META))]
        for row in self.rows:
            lead = Text()
            for column in range(fixed):
                lead.append_text(self._pad(row[column], widths[column], column))
                lead.append(GAP)
            paras.append(Para(lead, blank, row[-1]))
        yield Block(paras)

    def _pad(self, cell: Text, width: int, column: int) -> Text:
        padded = cell.copy()
        gap = " " * (width - cell.cell_len)
        if column in self.right:
            padded = Text(gap) + padded
        else:
            padded.append(gap)
        return padded
