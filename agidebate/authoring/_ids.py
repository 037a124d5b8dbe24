"""Readable ids for new claims: a few words of the title (or text), unique across the debate.

>>> derive_id("Few cyclists use Main Street today", set())
'few-cyclists-use-main'
>>> derive_id("The numbers are too small", {"numbers-too-small"})
'numbers-too-small-2'
>>> derive_id("Café crème: ça coûte cher", set())
'cafe-creme-ca-coute'
>>> derive_id("数据墙", set(), fallback="dw-01-con")
'dw-01-con'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

MAX_WORDS = 4
MAX_LENGTH = 32

# Letters that Unicode does not decompose into an ASCII base letter.
_FOLD = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "đ": "d",
     "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ı": "i"}
)  # fmt: skip
_APOSTROPHES = re.compile("['’ʼ]")
_STOP_WORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into",
    "onto", "and", "or", "but", "nor", "so", "than", "that", "this", "these", "those", "it",
    "its", "is", "are", "was", "were", "be", "been", "being", "as", "do", "does", "did",
    "will", "would", "can", "could", "shall", "should", "may", "might", "must", "has",
    "have", "had", "there", "their", "they", "them",
})  # fmt: skip


def words(text: str) -> list[str]:
    """The ASCII words of `text`, lower-cased, accents folded, apostrophes dropped."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    return re.findall(r"[a-z0-9]+", _APOSTROPHES.sub("", ascii_text.lower()))


def unique(base: str, taken: Container[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is not taken."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def derive_id(text: str, taken: Container[str], fallback: str = "claim") -> str:
    """A short id from the first few meaningful words of `text`, not in `taken`.

    Stop words are skipped unless nothing else is left; without any ASCII word
    (a text in Chinese, say) the id is `fallback`, numbered if taken.
    """
    found = words(text)
    meaningful = [w for w in found if w not in _STOP_WORDS] or found
    base = ""
    for word in meaningful[:MAX_WORDS]:
        longer = f"{base}-{word}" if base else word
        if len(longer) > MAX_LENGTH:
            break
        base = longer
    if not base and meaningful:
        base = meaningful[0][:MAX_LENGTH]
    return unique(base or fallback, taken)
