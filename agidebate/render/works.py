"""Cited works as text: one entry per work, with its link when it has one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from agidebate.model import Source
from agidebate.render import theme
from agidebate.render.lines import labelled
from agidebate.text import inert

_LINKABLE = ("http://", "https://")


def work_text(source: Source) -> Text:
    """`Author, year: title`, then the URL and the note on lines of their own."""
    line = Text(inert(source.label, newlines=False))
    if source.url and source.title:
        url = inert(source.url, newlines=False)
        link = url if url.startswith(_LINKABLE) and url == source.url else None
        line.append("\n")
        line.append(url, style=theme.link(link) if link else theme.META)
    if source.note:
        line.append("\n" + inert(source.note), style=theme.META)
    return line


def works_list(works: Sequence[Source], title: str = "Sources") -> RenderableType | None:
    """The numbered list printed once below a view; None when nothing is cited."""
    if not works:
        return None
    items = [(f"[{n}]", work_text(w)) for n, w in enumerate(works, start=1)]
    return Group(Text(title, style=theme.HEADING), labelled(items, right=True))
