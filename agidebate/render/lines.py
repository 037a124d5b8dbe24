"""Laying text out in lines: hanging prefixes, wrapping, no trailing spaces.

Every view is built from paragraphs that wrap in the space beside a prefix
(tree guides, a label column, an indent). Rendering them here, rather than
through rich's Table or Tree, keeps the work linear in the text and leaves no
padding at line ends, which matters when output is piped or copied.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment, Segments
from rich.style import Style
from rich.text import Text

from agidebate.render import theme

MIN_TEXT_WIDTH = 32
"""Indentation stops growing when less than this many columns would be left for text."""


@dataclass(frozen=True, slots=True)
class Lead:
    """A prefix already turned into segments (table cells), with its width in cells."""

    segments: tuple[Segment, ...]
    width: int

    def rstripped(self) -> Lead:
        """The same lead without the spaces at its end."""
        kept = list(self.segments)
        while kept and not kept[-1].text.strip():
            kept.pop()
        if kept:
            last = kept[-1]
            kept[-1] = Segment(last.text.rstrip(), last.style)
        return Lead(tuple(kept), sum(cell_len(segment.text) for segment in kept))


Prefix = str | Text | Lead
"""A line's lead-in: a plain string is drawn in the guide style, a Text as it is styled."""


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph: its text, the prefix of its first line and of the lines after.

    With a `tail`, the paragraph reads `body  tail` when that fits on one line;
    otherwise the tail starts a line of its own, so it is never split oddly.
    """

    first: Prefix
    rest: Prefix
    body: Text
    tail: Text | None = None
    joiner: str = "  "  # between body and tail when they share a line


def prefix_width(prefix: Prefix) -> int:
    if isinstance(prefix, Lead):
        return prefix.width
    return prefix.cell_len if isinstance(prefix, Text) else len(prefix)


def text_space(width: int, first: Prefix, rest: Prefix) -> int:
    """Columns left for text beside the prefixes (a few at least, on absurdly narrow screens)."""
    return max(width - max(prefix_width(first), prefix_width(rest)), min(8, width))


_NULL = Style.null()
_WORD = re.compile(r"\S+\s*|\s+")


def _runs(console: Console, text: Text) -> list[tuple[int, int, Style]]:
    """The text as (start, end, style) runs, each span's style laid over the base style.

    Resolving the few spans of a line directly is much cheaper than rich's
    general span stack, and gives the same styles: later spans win.
    """
    plain = text.plain

    def resolve(style: str | Style) -> Style:
        if isinstance(style, str):
            return console.get_style(style) if style else _NULL
        return style

    base = resolve(text.style)
    spans = [(span.start, span.end, resolve(span.style)) for span in text.spans]
    if not spans:
        return [(0, len(plain), base)] if plain else []
    if all(b <= c for (_, b, _), (c, _, _) in itertools.pairwise(spans)):
        return _sequential(base, spans, len(plain))
    cuts = sorted({0, len(plain), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    runs = []
    for start, end in itertools.pairwise(cuts):
        if start >= end or end > len(plain):
            continue
        style = base
        for a, b, span_style in spans:
            if a <= start and end <= b:
                style = style + span_style
        runs.append((start, end, style))
    return runs


def _sequential(
    base: Style, spans: list[tuple[int, int, Style]], length: int
) -> list[tuple[int, int, Style]]:
    """Runs for spans that follow one another without overlapping."""
    runs = []
    position = 0
    for start, end, style in spans:
        if start > position:
            runs.append((position, start, base))
        if end > start:
            runs.append((start, end, base + style))
        position = max(position, end)
    if position < length:
        runs.append((position, length, base))
    return runs


def _breaks(plain: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line when `plain` is wrapped greedily at spaces to `width`.

    A word wider than the line is cut at the width (CJK text has no spaces), and a
    run of CJK text that does not fit fills the rest of the line first, breaking
    where `chop_word` may.

    >>> [plain[a:b] for plain in ["ab 到2040年将造出AGI。"] for a, b in _breaks(plain, 10)]
    ['ab 到2040', '年将造出', 'AGI。']
    """
    lines: list[tuple[int, int]] = []
    offset = 0
    for paragraph_text in plain.split("\n"):
        start, used = offset, 0
        for match in _WORD.finditer(paragraph_text):
            word_start, word = offset + match.start(), match.group()
            size = cell_len(word.rstrip())
            if used and used + size > width:
                cut = _fitting_break(word.rstrip(), width - used)
                lines.append((start, word_start + cut))
                start, used = word_start + cut, 0
                word_start, word = word_start + cut, word[cut:]
                size = cell_len(word.rstrip())
            if size > width:
                for piece in chop_word(word.rstrip(), width)[:-1]:
                    lines.append((start, start + len(piece)))
                    start += len(piece)
                used = cell_len(paragraph_text[start - offset : match.end()])
                continue
            used += cell_len(word)
        lines.append((start, offset + len(paragraph_text)))
        offset += len(paragraph_text) + 1
    return lines


def _fitting_break(word: str, room: int) -> int:
    """Where a word with CJK text may break so that its first part fits in `room` cells
    (0: nowhere; a word of Latin letters never breaks here, `well-known` stays whole)."""
    if word.isascii() or all(cell_len(char) < 2 for char in word):
        return 0
    used, found = 0, 0
    for index, char in enumerate(word):
        if index and not _keeps_together(word[index - 1], char):
            found = index
        used += cell_len(char)
        if used > room:
            break
    return found


_NO_BREAK_BEFORE = frozenset("，。、；：！？）》」』】〕…”’,.;:!?)]}%")
_NO_BREAK_AFTER = frozenset("（《「『【〔“‘([{")


def _keeps_together(left: str, right: str) -> bool:
    """True where a line may not break between `left` and `right`.

    Latin letters and digits stay together ('2040', 'GPT-4'), closing punctuation
    stays with what it closes and opening punctuation with what it opens, as in
    the usual rules for breaking Chinese and Japanese text.
    """
    if left.isascii() and right.isascii() and (left.isalnum() or left in "-.") and right.isalnum():
        return True
    return right in _NO_BREAK_BEFORE or left in _NO_BREAK_AFTER


def chop_word(word: str, width: int) -> list[str]:
    """`word` (a run without spaces) cut into pieces at most `width` cells wide.

    Cuts go at the last place allowed by `_keeps_together`; a run that allows
    none within the width is cut at the width.

    >>> chop_word("到2040年将造出AGI。", 5)
    ['到', '2040', '年将', '造出', 'AGI。']
    >>> chop_word("%" + "a" * 19 + "。", 20)  # never wider than the line
    ['%', 'aaaaaaaaaaaaaaaaaaa', '。']
    """
    pieces: list[str] = []
    start, used, last_break = 0, 0, -1
    for index, char in enumerate(word):
        size = cell_len(char)
        if index > start and not _keeps_together(word[index - 1], char):
            last_break = index
        if used + size > width and index > start:
            cut = last_break if last_break > start else index
            pieces.append(word[start:cut])
            used = cell_len(word[cut:index])
            start, last_break = cut, -1
            if used + size > width and index > start:  # the carried run and this one: too wide
                pieces.append(word[start:index])
                start, used = index, 0
        used += size
    pieces.append(word[start:])
    return pieces


def wrap_plain(text: str, width: int) -> list[str]:
    """`text` wrapped to `width` cells, at spaces or where `chop_word` may cut.

    >>> wrap_plain("到2040年将造出 AGI", 8)
    ['到2040年', '将造出', 'AGI']
    """
    return [text[start:end].rstrip() for start, end in _breaks(text, max(width, 1))]


def segments_of(console: Console, text: Text) -> list[Segment]:
    """One line of text as segments, without rich's general (slower) span handling."""
    runs = _runs(console, text)
    plain = text.plain
    return [Segment(plain[a:b], style) for a, b, style in runs]


def _fast_lines(console: Console, body: Text, space: int, fits: bool) -> list[list[Segment]]:
    runs = _runs(console, body)
    plain = body.plain
    ranges = [(0, len(plain))] if fits else _breaks(plain, space)
    result = []
    for start, end in ranges:
        end = start + len(plain[start:end].rstrip())
        result.append(
            [
                Segment(plain[max(a, start) : min(b, end)], style)
                for a, b, style in runs
                if max(a, start) < min(b, end)
            ]
        )
    return result


def _lines(
    console: Console, body: Text, first: Prefix, rest: Prefix, width: int
) -> Iterator[Segment]:
    space = text_space(width, first, rest)
    fits = body.cell_len <= space and "\n" not in body.plain
    for index, segments in enumerate(_fast_lines(console, body, space, fits)):
        prefix = first if index == 0 else rest
        if not segments:  # an empty line: no trailing spaces from the prefix either
            prefix = _rstripped(prefix)
        if isinstance(prefix, Lead):
            yield from prefix.segments
        elif isinstance(prefix, Text):
            yield from segments_of(console, prefix)
        elif prefix:
            yield Segment(prefix, theme.GUIDE if prefix.strip() else None)
        yield from segments
        yield Segment.line()


def _rstripped(prefix: Prefix) -> Prefix:
    if isinstance(prefix, str):
        return prefix.rstrip()
    if isinstance(prefix, Lead):
        return prefix.rstripped()
    text = prefix.copy()
    text.rstrip()
    return text


def render_para(console: Console, para: Para, width: int) -> Iterator[Segment]:
    """The paragraph's segments, wrapped to `width`, line by line."""
    if para.tail is None:
        yield from _lines(console, para.body, para.first, para.rest, width)
        return
    space = text_space(width, para.first, para.rest)
    joined_width = para.body.cell_len + len(para.joiner) + para.tail.cell_len
    if joined_width <= space and "\n" not in para.body.plain:
        joined = Text.assemble(para.body, para.joiner, para.tail)
        yield from _lines(console, joined, para.first, para.rest, width)
        return
    yield from _lines(console, para.body, para.first, para.rest, width)
    yield from _lines(console, para.tail, para.rest, para.rest, width)


@dataclass
class Block:
    """Paragraphs drawn one after another."""

    paras: Iterable[Para]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for para in self.paras:
            yield from render_para(console, para, options.max_width)


def labelled(items: Iterable[tuple[str, Text]], indent: str = "", right: bool = False) -> Block:
    """`label text` items with the labels in one column and the text hanging past it."""
    items = list(items)
    width = max((len(label) for label, _ in items), default=0)
    paras = []
    for label, body in items:
        first = indent + (label.rjust(width) if right else label.ljust(width)) + " "
        paras.append(Para(first, " " * len(first), body))
    return Block(paras)


def stream(console: Console, renderable: RenderableType, batch: int = 4000) -> None:
    """Print `renderable` a few thousand segments at a time, so memory stays flat.

    `console.print` renders the whole renderable before it writes anything; the
    views here make their lines lazily, so writing them in batches lets a
    200,000-claim listing print without holding every line at once.
    """
    pending: list[Segment] = []
    for segment in console.render(renderable, console.options):
        pending.append(segment)
        if len(pending) >= batch and segment.text.endswith("\n"):
            console.print(Segments(pending), end="", crop=False)
            pending = []
    if pending:
        console.print(Segments(pending), end="", crop=False)


def paragraph(body: Text, indent: str = "") -> Block:
    """Text wrapped to the width with no trailing spaces (rich pads wrapped Text)."""
    return Block([Para(indent, indent, body)])
