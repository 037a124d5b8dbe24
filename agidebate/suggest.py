"""'Did you mean ...?': the names closest to a misspelt id, field, topic or option.

Ids in a debate tend to come in numbered runs (`dw-01` ... `dw-28`), where plain
`difflib` scores every sibling alike and breaks the tie by sorting backwards, so
`dw-1` would suggest `dw-19`. Matches that differ only in case or in leading zeros
come first here, then names the word starts, then `difflib`'s close matches.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_NUMBER = re.compile(r"\d+")


def _normal(word: str) -> str:
    return _NUMBER.sub(lambda m: str(int(m.group())), word.strip().lower())


def similar(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to `n` choices closest to `word`, best first.

    >>> ids = [f"dw-{i:02d}" for i in range(1, 29)] + ["thesis"]
    >>> similar("dw-1", ids)[0], similar("DW-07", ids)[0], similar("thesys", ids)
    ('dw-01', 'dw-07', ['thesis'])
    >>> similar("zzz", ids)
    []
    """
    options = list(choices)
    key = _normal(word)
    same = [c for c in options if _normal(c) == key and c != word]
    if same:  # a difference of case or zero-padding only: nothing else is as likely
        return same[:n]
    lowered = word.lower()
    starting = [c for c in options if c.startswith(lowered) and c != word] if lowered else []
    close = difflib.get_close_matches(lowered, options, n=n, cutoff=cutoff)
    prefix = starting if len(starting) == 1 else []
    return list(dict.fromkeys(prefix + close))[:n]


def did_you_mean(word: str, choices: Iterable[str], otherwise: str, n: int = 3) -> str:
    """A hint naming the closest choices, or `otherwise` when none is close.

    >>> did_you_mean("txt", ["text", "title"], "see docs/format.md")
    "did you mean 'text'?"
    >>> did_you_mean("q", ["text"], "see docs/format.md")
    'see docs/format.md'
    """
    close = similar(word, choices, n)
    if not close:
        return otherwise
    return "did you mean " + ", ".join(f"'{c}'" for c in close) + "?"
