"""Building a `Debate` from an imported file: unique ids, relations our format allows.

Importers add claims and relations here; relations the argument format forbids
(a claim targeting itself, the same relation twice, support and attack of one
target) are dropped with a note instead of producing a debate that fails
`agidebate check`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from agidebate.format.provenance import default_date
from agidebate.format.schema import ID_RE
from agidebate.model import Author, Claim, Debate, Edge, Expect, Relation, Source, Topic
from agidebate.text import relation_verb

_NON_ID = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 40) -> str:
    """A lower-case id fragment from text: ASCII letters and digits joined by '-'.

    >>> slug("Tron: Legacy (2010)!")
    'tron-legacy-2010'
    >>> slug("保护")
    ''
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = _NON_ID.sub("-", ascii_text.lower()).strip("-")
    if len(words) > limit:
        words = words[:limit].rsplit("-", 1)[0] or words[:limit]
    return words.strip("-")


@dataclass
class DebateBuilder:
    """Claims and relations collected in file order, turned into a `Debate` at the end."""

    title: str | None = None
    summary: str | None = None
    thesis: str | None = None
    claims: dict[str, Claim] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    topics: dict[str, Topic] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    i18n: dict[str, dict[str, str]] = field(default_factory=dict)
    authors: dict[str, Author] = field(default_factory=dict)
    expect: Expect | None = None
    _relations: dict[tuple[str, str], Relation] = field(default_factory=dict)
    _used: set[str] = field(default_factory=set)

    def unique_id(self, wanted: str, fallback: str = "claim") -> str:
        """`wanted` if it is a valid, unused id; else a slug of it, numbered when taken."""
        base = wanted if ID_RE.match(wanted) else (slug(wanted) or fallback)
        candidate, n = base, 1
        while candidate in self._used:
            n += 1
            candidate = f"{base}-{n}"
        self._used.add(candidate)
        return candidate

    def add_topic(
        self,
        topic_id: str,
        title: str | None = None,
        summary: str | None = None,
        i18n: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.topics.setdefault(topic_id, Topic(topic_id, title, summary, i18n=i18n or {}))

    def add_claim(
        self,
        claim_id: str,
        text: str,
        *,
        title: str | None = None,
        sources: tuple[Source, ...] = (),
        tags: tuple[str, ...] = (),
        topic: str | None = None,
        by: str | None = None,
    ) -> None:
        self._used.add(claim_id)
        self.claims[claim_id] = Claim(
            claim_id,
            text,
            title=title,
            sources=sources,
            tags=tags,
            topic=topic,
            by=by,
            date=default_date(sources),  # as the loader fills it in
        )

    def relate(self, source: str, target: str, relation: Relation, where: str) -> bool:
        """Add `source` supports/attacks `target`; False (and a note) if the format forbids it."""
        if source == target:
            self.notes.append(f"{where}: a claim cannot {relation.value} itself; relation skipped")
            return False
        known = self._relations.get((source, target))
        if known is relation:
            self.notes.append(
                f"{where}: '{source}' already {relation_verb(relation)} '{target}'; skipped"
            )
            return False
        if known is not None:
            self.notes.append(
                f"{where}: '{source}' would both support and attack '{target}'; "
                f"the {relation.value} was skipped"
            )
            return False
        self._relations[(source, target)] = relation
        self.edges.append(Edge(source, target, relation))
        return True

    def undercut(self, source: str, link: tuple[str, str], where: str) -> bool:
        """Add `source` undercuts the link `link` (a support or attack already added)."""
        if link not in self._relations:
            self.notes.append(f"{where}: no link {link[0]} -> {link[1]} to undercut; skipped")
            return False
        if source in link:
            self.notes.append(f"{where}: '{source}' cannot undercut its own link; skipped")
            return False
        edge = Edge(source, link[1], Relation.UNDERCUT, link_source=link[0])
        if edge in self.edges:
            self.notes.append(f"{where}: '{source}' already undercuts that link; skipped")
            return False
        self.edges.append(edge)
        return True

    def build(self) -> Debate:
        return Debate(
            claims=dict(self.claims),
            edges=tuple(self.edges),
            thesis=self.thesis,
            title=self.title,
            summary=self.summary,
            topics=dict(self.topics),
            expect=self.expect,
            i18n=dict(self.i18n),
            authors=dict(self.authors),
        )
