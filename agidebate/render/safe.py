"""Make user-written text inert for a terminal.

Claim text is data. Rich markup is never parsed (consoles are built with
`markup=False` and text goes in as `rich.text.Text`), and this module turns
every character that could drive a terminal into a visible escape: C0 and C1
control characters (ESC starts ANSI and OSC sequences), DEL, and the Unicode
bidirectional overrides and isolates that can reorder what a reader sees.

>>> inert("red\\x1b[31m alert")
'red\\\\x1b[31m alert'
>>> inert("abc\\u202edef")
'abc\\\\u202edef'
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str, newlines: bool = True) -> str:
    """`text` with control and bidi-override characters shown as escapes.

    With `newlines=False`, line breaks and tabs become spaces too (for one-line labels).
    """
    text = _UNSAFE.sub(_escape, text)
    if "\t" in text:
        text = text.replace("\t", "    " if newlines else " ")
    if not newlines and ("\n" in text or "\r" in text):
        text = " ".join(text.split())
    return text.replace("\r", "")
