"""Claims and what hangs on them: sources, figures, quotes, relations, topics, authors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import assert_never

from agidebate.errors import Location
from agidebate.model.relations import Relation

DEFAULT_WEIGHT = 0.5
THESIS_ID = "thesis"

# Translations by language code, then by field: {"zh": {"title": "...", "text": "..."}}.
# An `i18n` field is compared but left out of the hash (a mapping has none), so that
# sources and figures can still be de-duplicated in sets.
Translations = Mapping[str, Mapping[str, str]]


class ClaimKind(StrEnum):
    """What a claim is for. Matched exhaustively, like `Relation`."""

    ARGUMENT = "argument"
    SUMMARY = "summary"  # restates other claims or an author's bottom line: shown, never counted

    @property
    def counted(self) -> bool:
        """Whether claims of this kind count in scoring (a summary's links carry nothing)."""
        match self:
            case ClaimKind.ARGUMENT:
                return True
            case ClaimKind.SUMMARY:
                return False
            case _:
                assert_never(self)


@dataclass(frozen=True, slots=True)
class Source:
    """A cited work: a bare URL or a reference with some of its fields."""

    title: str | None = None
    url: str | None = None
    author: str | None = None
    year: int | str | None = None
    note: str | None = None
    i18n: Translations = field(default_factory=dict, hash=False)  # the note in other languages

    @property
    def label(self) -> str:
        """A one-line description: author (year), title, or the URL."""
        head = self.title or self.url or "untitled source"
        who = ", ".join(str(x) for x in (self.author, self.year) if x not in (None, ""))
        return f"{who}: {head}" if who else head

    def key(self) -> tuple[str, ...]:
        """Identity for de-duplicating citations across claims: the URL when there is one.

        >>> Source("A", "https://x.org/p", "Ng et al.").key() == Source("A.", "https://x.org/p/").key()
        True
        """
        if self.url:
            return ("url", self.url.strip().rstrip("/"))
        return ("work", self.title or "", self.author or "", str(self.year or ""))


@dataclass(frozen=True, slots=True)
class Figure:
    """A number a claim rests on. `value` is a number, or text for a range or estimate."""

    value: int | float | str
    unit: str | None = None
    what: str | None = None
    note: str | None = None
    i18n: Translations = field(default_factory=dict, hash=False)  # `what` and `note`


@dataclass(frozen=True, slots=True)
class Quote:
    """A passage a claim stands on, verbatim, in the source's own language."""

    text: str
    source: int | None = None  # 1-based index into the claim's (or perspective's) sources
    at: str | None = None  # a locator: section, paragraph, page, footnote


@dataclass(frozen=True, slots=True)
class Edge:
    """A relation from one claim (`source`) to the claim it supports or attacks (`target`).

    For `Relation.UNDERCUT` the source attacks the link `link_source -> target`
    (an existing support or attack), not a claim.
    """

    source: str
    target: str
    relation: Relation
    location: Location | None = None
    impact: float = 1.0  # the link's relevance in [0, 1]
    editorial: bool = False  # drawn by the map's editor, not by the author
    note: str | None = None  # the editor's comment on the link
    link_source: str | None = None  # UNDERCUT only: the cut link's source claim

    @property
    def upstream(self) -> str:
        """The claim this relation leads to on the way to the thesis: the target, or for
        an undercut the cut link's source (an undercutter hangs under the link it cuts)."""
        match self.relation:
            case Relation.SUPPORT | Relation.ATTACK:
                return self.target
            case Relation.UNDERCUT:
                assert self.link_source is not None, "an undercut names the link it cuts"
                return self.link_source
            case _:
                assert_never(self.relation)

    @property
    def cut_link(self) -> tuple[str, str] | None:
        """For an undercut, the link it cuts as (source, target); else None."""
        return (self.link_source, self.target) if self.link_source is not None else None


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim of the debate, with where it was written."""

    id: str
    text: str
    title: str | None = None
    by: str | None = None
    weight: float = DEFAULT_WEIGHT
    sources: tuple[Source, ...] = ()
    figures: tuple[Figure, ...] = ()
    tags: tuple[str, ...] = ()
    i18n: Translations = field(default_factory=dict, hash=False)  # title, text, note
    topic: str | None = None
    location: Location | None = None
    weight_stated: bool = False  # the file states `weight` (else it is DEFAULT_WEIGHT)
    kind: ClaimKind = ClaimKind.ARGUMENT
    quotes: tuple[Quote, ...] = ()
    editorial: bool = False  # written by the map's editor: it is in no source
    note: str | None = None  # the editor's comment, kept apart from the author's text
    # "YYYY", "YYYY-MM" or "YYYY-MM-DD": as written, else the loader's default, the
    # year of the first source (when it has one).
    date: str | None = None

    @property
    def label(self) -> str:
        """The short label: the title if there is one, else the text."""
        return self.title or self.text

    def translated(self, lang: str | None, key: str) -> str | None:
        """The `title`, `text` or `note` in language `lang`, if the claim has it."""
        if not lang:
            return None
        return self.i18n.get(lang, {}).get(key)


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic: the claims of one or more files that share a topic id."""

    id: str
    title: str | None = None
    summary: str | None = None
    files: tuple[str, ...] = ()
    location: Location | None = None
    i18n: Translations = field(default_factory=dict, hash=False)  # title and summary


@dataclass(frozen=True, slots=True)
class Author:
    """A name as claims write it in `by:`, with its display name in other languages
    (`debate.yaml`'s `authors:` table): `i18n: {zh: {name: ...}}`."""

    name: str
    i18n: Translations = field(default_factory=dict, hash=False)
    location: Location | None = None
