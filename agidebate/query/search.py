"""Finding claims by words in their id, title, text, sources, tags, author or topic. No rich.

Every word of the query must appear somewhere in the claim (any case). Claims
whose id, title or topic name hold more of the words come first; among equals,
claims nearer the thesis come first, then the order they were written in.

>>> from agidebate.model import Claim, Debate
>>> d = Debate(claims={"a": Claim("a", "Data runs out", title="Wall"),
...                    "b": Claim("b", "Synthetic data", tags=("wall",))})
>>> [(h.claim_id, h.fields) for h in search(d, "wall DATA")]
[('a', ('title', 'text')), ('b', ('text', 'tag'))]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from agidebate.model import Claim, Debate

SNIPPET = 120


@dataclass(frozen=True)
class SearchHit:
    """A matching claim, the fields that matched, and a piece of text to show."""

    claim_id: str
    fields: tuple[str, ...]
    snippet: tuple[str, str] | None  # (field, text around the first match) beyond the title
    headline: int = 0  # how many of the words the id, title or topic name hold


def query_terms(query: str) -> list[str]:
    """The words of a query, folded for matching."""
    return [term.casefold() for term in query.split()]


def _fields(debate: Debate, claim: Claim) -> Iterator[tuple[str, str]]:
    yield "id", claim.id
    if claim.title:
        yield "title", claim.title
    yield "text", claim.text
    if claim.by:
        yield "by", claim.by
    if claim.note:
        yield "note", claim.note
    for quote in claim.quotes:
        yield "quote", quote.text
    for tag in claim.tags:
        yield "tag", tag
    for source in claim.sources:
        yield (
            "source",
            " ".join(str(part) for part in (source.label, source.url, source.note) if part),
        )
    for translation in claim.i18n.values():
        for value in translation.values():
            yield "translation", value
    topic = debate.topics.get(claim.topic) if claim.topic else None
    if topic is not None:
        yield "topic", f"{topic.id}: {topic.title}" if topic.title else topic.id


def _snippet(value: str, terms: list[str]) -> str:
    """About SNIPPET characters of `value` from a little before the first term it holds.

    The piece starts and ends at spaces, with `…` where it cuts the text.
    """
    value = " ".join(value.split())
    if len(value) <= SNIPPET:
        return value
    folded = value.casefold()
    first = min((folded.find(t) for t in terms if t in folded), default=0)
    start = value.rfind(" ", 0, max(0, first - SNIPPET // 4)) + 1
    end = start + SNIPPET
    if end < len(value):
        end = value.rfind(" ", start, end) if " " in value[start:end] else end
    head = "…" if start else ""
    tail = "…" if end < len(value) else ""
    return head + value[start:end].strip() + tail


def match_claim(debate: Debate, claim: Claim, terms: list[str]) -> SearchHit | None:
    """The hit for `claim`, or None when some term appears nowhere in it."""
    fields = list(_fields(debate, claim))
    folded = [(name, value.casefold()) for name, value in fields]
    if not all(any(t in value for _, value in folded) for t in terms):
        return None
    headline = " ".join(low for name, low in folded if name in ("id", "title"))
    rest = [t for t in terms if t not in headline]  # words the title does not show
    matched: list[str] = []
    best, snippet = 0, None
    for (name, value), (_, low) in zip(fields, folded, strict=True):
        if not any(t in low for t in terms):
            continue
        if name not in matched:
            matched.append(name)
        covered = sum(1 for t in rest if t in low)
        if name not in ("id", "title") and covered > best:
            best, snippet = covered, (name, _snippet(value, rest))
    named = " ".join(low for name, low in folded if name in ("id", "title", "topic"))
    return SearchHit(claim.id, tuple(matched), snippet, sum(1 for t in terms if t in named))


def _rank(debate: Debate, hit: SearchHit) -> tuple[int, int]:
    depth = debate.depth(hit.claim_id)
    return -hit.headline, depth if depth is not None else 1 << 30


def search(debate: Debate, query: str) -> list[SearchHit]:
    """Claims holding every word of `query`, best placed first."""
    terms = query_terms(query)
    if not terms:
        return []
    hits = [hit for claim in debate if (hit := match_claim(debate, claim, terms)) is not None]
    return sorted(hits, key=lambda hit: _rank(debate, hit))
