"""One place for the look: styles, and glyphs with a plain-ASCII fallback.

Meaning never rests on colour alone: every side carries a glyph and a word,
so the views read the same with NO_COLOR, in a pipe, or on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.style import Style

from agidebate.model import Side
from agidebate.palette import GLYPHS, PALETTE

# The sides in the colours of every other output (a terminal with fewer colours shows
# the nearest it has: green, red, blue).
PRO = Style(color=PALETTE["pro"].line, bold=True)
CON = Style(color=PALETTE["con"].line, bold=True)
ROOT = Style(color=PALETTE["thesis"].line, bold=True)
TITLE = Style(bold=True)
CONTEXT = Style(dim=True)
META = Style(dim=True)
GUIDE = Style(color="bright_black")
HINT = Style(color="yellow")
COMMAND = Style(color="cyan")
REF = Style(color="blue")
SCORE = Style(color="magenta")
HEADING = Style(bold=True, underline=True)
MATCH = Style(reverse=True)
BADGE = Style(dim=True, italic=True)  # summary, ed., impact: quiet marks beside a title
QUOTE = Style(italic=True)

# Messages, prompts, change reports and score pages (style strings, as rich takes them).
STRONG = "bold"
ASIDE = "dim"
WARNING = "bold yellow"
ERROR = "bold red"
SUCCESS = "bold green"
NOTE = "yellow"
INVALID = "red"
DIFF_LINES = {"+": "green", "-": "red", "@": "cyan", "\\": "dim"}


@dataclass(frozen=True)
class Glyphs:
    """The characters views draw with."""

    pro: str
    con: str
    pro_context: str  # a claim shown only because a match lies below it
    con_context: str
    root: str
    branch: str  # ├─
    last: str  # └─
    pipe: str  # │
    ref: str  # ↻
    more: str  # +
    up: str  # the arrow of a path step
    dot: str  # separates facts on one line
    ellipsis: str
    rule: str
    arrow: str  # the direction of a link: source -> target


UNICODE = Glyphs(
    pro=GLYPHS["pro"],
    con=GLYPHS["con"],
    pro_context="△",
    con_context="▽",
    root=GLYPHS["thesis"],
    branch="├─ ",
    last="└─ ",
    pipe="│  ",
    ref="↻",
    more="+",
    up="↑",
    dot=" · ",
    ellipsis="…",
    rule="─",
    arrow="→",
)
ASCII = Glyphs(
    pro="+",
    con="-",
    pro_context="~",
    con_context="~",
    root="*",
    branch="|- ",
    last="`- ",
    pipe="|  ",
    ref="@",
    more="+",
    up="^",
    dot=" | ",
    ellipsis="...",
    rule="-",
    arrow="->",
)


def link(url: str) -> Style:
    """A clickable URL (a terminal hyperlink), in the colour of references."""
    return Style(color="blue", link=url)


def unicode_ok(console: Console) -> bool:
    """Whether the console can encode Unicode (the one test every view uses)."""
    return (console.encoding or "").lower().startswith("utf")


def glyphs_for(console: Console) -> Glyphs:
    """Unicode glyphs when the console can encode them, else ASCII."""
    return UNICODE if unicode_ok(console) else ASCII


def side_style(side: Side | None) -> Style:
    if side is None:
        return ROOT
    return PRO if side is Side.PRO else CON


def side_glyph(glyphs: Glyphs, side: Side | None, context: bool = False) -> str:
    """The side's glyph; hollow for a claim that is only context."""
    if side is None:
        return glyphs.root
    if context:
        return glyphs.pro_context if side is Side.PRO else glyphs.con_context
    return glyphs.pro if side is Side.PRO else glyphs.con
