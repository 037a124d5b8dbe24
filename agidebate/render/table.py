"""The one table: fixed columns on the left, one last column on the right.

rich's Table measures every cell of every row twice and took 5 s for 10,000
rows; this one measures each fixed column in one pass and then draws the rows
one by one, so a listing of any size prints in time linear in its cells. When
fewer than `NARROW` columns are left for the last column, it goes below the
others. Two front ends share the measuring, stacking and alignment:
`PlainTable`, a rich renderable whose last cell wraps (the reading commands),
and `page_rows`, plain-text rows whose last cell is cut to the width (the
score pages of `render.page`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text

from agidebate.render import theme
from agidebate.render.lines import Block, Lead, Para, segments_of

GAP = "  "
NARROW = 16  # fewer columns than this left for the last column: it goes below the others
STACK_INDENT = "    "
T = TypeVar("T")


def lead_width(widths: Sequence[int]) -> int:
    """The width of the fixed columns with the gap after each."""
    return sum(widths) + len(GAP) * len(widths)


def stacks(room: int, widths: Sequence[int]) -> bool:
    """Whether the last column goes below the others: too little room beside them."""
    return room - lead_width(widths) < NARROW


def widen(widths: list[int], lengths: Iterable[int]) -> list[int]:
    """Column widths grown to fit one more row's fixed cells."""
    return [max(w, n) for w, n in zip(widths, lengths, strict=True)]


def align(cell: str, width: int, right: bool) -> str:
    """A plain cell padded to its column (in terminal cells: 中 takes two), numbers to the right."""
    pad = " " * (width - cell_len(cell))
    return pad + cell if right else cell + pad


def page_rows(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    right: set[int],
    width: int,
    indent: int,
    cut: Callable[[str, int], str],
) -> Iterator[tuple[str, bool, bool]]:
    """Plain rows of a table `width` columns wide: (line, is the heading, is a last cell
    stacked below its row, which the caller may wrap).

    Rows are indented by `indent`; a last cell wider than its room is shortened
    by `cut(cell, room)`; stacked, it goes on a line of its own below its row.
    """
    fixed = len(headers) - 1
    widths = [cell_len(h) for h in headers[:fixed]]
    for row in rows:
        widths = widen(widths, (cell_len(cell) for cell in row[:fixed]))
    stacked = stacks(width - indent, widths)
    for n, row in enumerate([headers, *rows]):
        lead = " " * indent + GAP.join(
            align(cell, widths[c], c in right) for c, cell in enumerate(row[:fixed])
        )
        if stacked:
            yield lead.rstrip(), n == 0, False
            if row[fixed]:
                yield " " * indent + STACK_INDENT + row[fixed], n == 0, True
            continue
        room = max(width - cell_len(lead) - len(GAP), 10)
        yield (lead + GAP + cut(row[fixed], room)).rstrip(), n == 0, False


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
        widths = [cell_len(h) for h in self.headers[:-1]]
        for item in self.items:
            widths = widen(widths, (cell.cell_len for cell in self.fixed(item)))
        blank = " " * lead_width(widths)
        head = [Text(title, style=theme.META) for title in self.headers[:-1]]
        if stacks(options.max_width, widths):  # the last column goes below the others
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
        return Lead(tuple(segments), lead_width(widths))
