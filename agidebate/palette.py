"""The one palette: the colours, glyphs and words every output uses for a claim's side.

Pro and con mean one thing everywhere: the side a claim takes on the thesis.
Green is for (pro), red is against (con), indigo the thesis or a root, grey a
claim that reaches no root. Colour is never the only cue: every side also has
a glyph and a word (▲ pro, ▼ con, ◆ thesis) and a line style (solid pro, dashed
con), so every output reads the same in greyscale, in print, with NO_COLOR and
for colour-blind readers. What a claim does to the claim it answers is said
apart, in words: supports, attacks. The terminal (`render.theme`), the HTML
page, Graphviz, Mermaid, GraphML, Markdown and Argdown all take their colours
and glyphs from here.

>>> PALETTE["pro"].line, GLYPHS["con"]
('#2e7d32', '▼')
>>> ":root {" in css_variables() and "--con: #c62828;" in css_variables()
True
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Colours:
    """One side's colours: its line (text, borders, edges) and fill, light and dark."""

    line: str
    fill: str
    dark_line: str
    dark_fill: str


PALETTE: dict[str, Colours] = {
    "pro": Colours("#2e7d32", "#e3f4e1", "#81c784", "#1c3320"),
    "con": Colours("#c62828", "#fde4e1", "#ef9a9a", "#3d1e1e"),
    "thesis": Colours("#3949ab", "#e8eaf6", "#9fa8da", "#22264a"),
    "root": Colours("#3949ab", "#e8eaf6", "#9fa8da", "#22264a"),
    "unlinked": Colours("#616161", "#eeeeee", "#bdbdbd", "#2c2c2c"),
    # Not a side: the colour of an undercut, which attacks a link (purple, neither side's).
    "undercut": Colours("#6a1b9a", "#f3e5f5", "#ce93d8", "#2a1a30"),
}
GLYPHS: dict[str, str] = {"pro": "▲", "con": "▼", "thesis": "◆", "root": "◆", "unlinked": "○"}
WORDS: dict[str, str] = {
    "pro": "pro",
    "con": "con",
    "thesis": "thesis",
    "root": "root",
    "unlinked": "not connected",
}


def colours(side: str | None) -> Colours:
    """The colours of a side label (`Debate.side_label`); None is a claim reaching no root."""
    return PALETTE.get(side or "unlinked", PALETTE["unlinked"])


def css_variables() -> str:
    """The palette as CSS custom properties, with the dark-mode variant."""
    names = ("pro", "con", "thesis", "unlinked")
    light = " ".join(f"--{n}: {PALETTE[n].line}; --{n}-bg: {PALETTE[n].fill};" for n in names)
    dark = " ".join(
        f"--{n}: {PALETTE[n].dark_line}; --{n}-bg: {PALETTE[n].dark_fill};" for n in names
    )
    return f":root {{ {light} }}\n@media (prefers-color-scheme: dark) {{ :root {{ {dark} }} }}\n"
