"""Plain tables: fixed columns on the left, one wrapping column on the right.

rich's Table measures every cell of every row twice and took 5 s for 10,000
rows; this one measures each fixed column in one pass and then draws the rows
one by one, so a listing of any size prints in time linear in its cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text

from agidebate.render import theme
from agidebate.render.lines import Block, Lead, Para, segments_of

GAP = "  "
NARROW = 16  # fewer columns than this left for the last column: it goes below the others
STACK_INDENT = "    "
T = TypeVar("T")


@dataclass
class PlainTable(Generic[T]):
    """One row per item: fixed cells padded into columns, then a last cell that wraps.

    Cells are made on demand from each item (twice for the fixed ones: once to
    measure the columns, once to draw), so a table of any length needs memory
    for one row at a time.
    """

    headers: Sequence[str]
    items: Sequence[T]
    fixed: Callable[[T], Sequence[Text]]  # the cells of every column but the last
    last: Callable[[T], Text]  # the wrapping cell
    right: frozenset[int] = frozenset()  # columns aligned to the right (numbers)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = [len(h) for h in self.headers[:-1]]
        for item in self.items:
            widths = [
                max(w, cell.cell_len) for w, cell in zip(widths, self.fixed(item), strict=True)
            ]
        blank = " " * sum(w + len(GAP) for w in widths)
        head = [Text(title, style=theme.META) for title in self.headers[:-1]]
        if options.max_width - len(blank) < NARROW:  # the last column goes below the others
            yield Block(
                self._stacked(console, widths, head, Text(self.headers[-1], style=theme.META))
            )
            yield Block(
                para
                for item in self.items
                for para in self._stacked(console, widths, self.fixed(item), self.last(item))
            )
            return
        yield Block(
            [
                Para(
                    self._lead(console, head, widths),
                    blank,
                    Text(self.headers[-1], style=theme.META),
                )
            ]
        )
        yield Block(
            Para(self._lead(console, self.fixed(item), widths), blank, self.last(item))
            for item in self.items
        )

    def _stacked(
        self, console: Console, widths: Sequence[int], cells: Sequence[Text], last: Text
    ) -> list[Para]:
        """A row as two lines: the fixed cells, then the last cell indented below."""
        lead = self._lead(console, cells, widths).rstripped()
        paras = [Para(lead, "", Text())]
        if last.cell_len:
            paras.append(Para(STACK_INDENT, STACK_INDENT, last))
        return paras

    def _lead(self, console: Console, cells: Sequence[Text], widths: Sequence[int]) -> Lead:
        """The fixed cells of a row, padded to their columns, as ready segments."""
        segments: list[Segment] = []
        for column, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            pad = Segment(" " * (width - cell.cell_len))
            if column in self.right:
                segments.append(pad)
            segments.extend(segments_of(console, cell))
            if column not in self.right:
                segments.append(pad)
            segments.append(Segment(GAP))
        return Lead(tuple(segments), sum(widths) + len(GAP) * len(widths))
