"""'Did you mean ...?': the names closest to a misspelt id, field, topic or option.

Ids in a debate tend to come in numbered runs (`dw-01` ... `dw-28`), where plain
`difflib` scores every sibling alike and breaks the tie by sorting backwards, so
`dw-1` would suggest `dw-19`. Matches that differ only in case or in leading zeros
come first here, then names the word starts, then `difflib`'s close matches.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

from agidebate.errors import UsageError
from agidebate.model import Debate
from agidebate.text import natural_key

_NUMBER = re.compile(r"\d+")


def _normal(word: str) -> str:
    return _NUMBER.sub(lambda m: m.group().lstrip("0") or "0", word.strip().lower())


def similar(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to `n` choices closest to `word`, best first.

    >>> ids = [f"dw-{i:02d}" for i in range(1, 29)] + ["thesis"]
    >>> similar("dw-1", ids)[0], similar("DW-07", ids)[0], similar("thesys", ids)
    ('dw-01', 'dw-07', ['thesis'])
    >>> similar("zzz", ids)
    []
    >>> similar("dw-0", ids), similar("n" + "9" * 5000, ["n9"])
    (['dw-01', 'dw-02', 'dw-03'], [])
    """
    options = list(choices)
    key = _normal(word)
    same = [c for c in options if _normal(c) == key and c != word]
    if same:  # a difference of case or zero-padding only: nothing else is as likely
        return same[:n]
    lowered = word.lower()
    starting = [c for c in options if c.startswith(lowered) and c != word] if lowered else []
    prefix = starting if len(starting) == 1 else []
    return list(dict.fromkeys(prefix + _close(lowered, options, n, cutoff)))[:n]


def _close(word: str, options: list[str], n: int, cutoff: float) -> list[str]:
    """difflib's close matches, ties in natural order (dw-08 before dw-10, not after)."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    scored = []
    for option in options:
        matcher.set_seq1(option)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            ratio = matcher.ratio()
            if ratio >= cutoff:
                scored.append((-ratio, natural_key(option), option))
    return [option for _, _, option in sorted(scored)[:n]]


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


def id_hint(debate: Debate, claim_id: str) -> str:
    """'did you mean ...?' naming the debate's ids closest to `claim_id`, or where to look."""
    return did_you_mean(claim_id, debate.claims, "`agidebate list` shows every id")


def unknown_choice(
    what: str, name: str, choices: Iterable[str], aliases: Mapping[str, str] | None = None
) -> UsageError:
    """The usage error for a name a registry does not have (a semantics, an export or
    import format), naming the closest one and every choice. `aliases` maps other
    accepted names to the choice they stand for (`md` -> `markdown`).

    >>> str(unknown_choice("export format", "jsn", ["json", "markdown"]))
    "unknown export format 'jsn'"
    >>> unknown_choice("export format", "jsn", ["json", "markdown"]).hint
    "did you mean 'json'? choose one of: json, markdown"
    >>> unknown_choice("export format", "mdd", ["json", "markdown"], {"md": "markdown"}).hint
    "did you mean 'markdown'? choose one of: json, markdown"
    """
    names = list(choices)
    owner = {**{n: n for n in names}, **(aliases or {})}
    close = [owner[found] for found in similar(name, owner, n=1)]
    hint = f"did you mean '{close[0]}'? " if close else ""
    return UsageError(f"unknown {what} '{name}'", hint + "choose one of: " + ", ".join(names))
