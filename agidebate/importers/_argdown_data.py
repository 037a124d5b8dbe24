"""What `agidebate export --format argdown` writes in data blocks, read back defensively.

Argdown has no syntax for a claim's kind, date, editorial mark, note, quotes,
sources, figures, translations or a link's attributes, so the exporter writes
them in the statement's data block `{...}`: `id`, `by`, `weight`, `thesis: true`,
`kind`, `date`, `editorial`, `note`, `quote`, `sources`, `figures`, `i18n`,
`links` (by target: `impact`, `editorial`, `note`) and `undercuts` (`from`, `to`,
`editorial`, `note`), and what the statement line could not say exactly: `title`
(`null`: none), `text`, `tags`, `topic` (`null`: none) and `order` (the claims it
supports or attacks, in order); a heading's `id`, `title`, `summary` and `i18n`; the front matter's
`i18n`, `authors` and `expect`. A data block is any YAML a person may have
written, so every value is checked here: what does not fit the format is left
out, with a note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from agidebate.format.provenance import normal_date
from agidebate.format.schema import HEADING_I18N_FIELDS, I18N_FIELDS, ID_RE, KINDS, LANG_RE
from agidebate.importers._build import DebateBuilder
from agidebate.model import (
    Author,
    Claim,
    ClaimKind,
    Edge,
    Expect,
    Figure,
    Quote,
    Range,
    Relation,
    Source,
)


@dataclass
class Reader:
    """Reads checked values out of one data block; `ignored` names what did not fit."""

    where: str
    ignored: list[str] = field(default_factory=list)
    holder: str = "data"  # what holds the values: a data block, or a JSON record's "field"

    def drop(self, key: str) -> None:
        self.ignored.append(
            f"{self.where}: {self.holder} '{key}' does not fit the format; left out"
        )

    def text(self, data: dict[str, Any], key: str) -> str | None:
        value = data.get(key)
        if value is None or (isinstance(value, str) and value.strip()):
            return value
        self.drop(key)
        return None

    def optional(self, data: dict[str, Any], key: str, default: str | None) -> str | None:
        """A text the data block may set, even to nothing (`null`); else `default`."""
        if key not in data:
            return default
        value = data[key]
        if value is None or (isinstance(value, str) and value.strip()):
            return value
        self.drop(key)
        return default

    def strings(self, data: dict[str, Any], key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        """A list of texts the data block may set (`tags`); else `default`."""
        value = data.get(key)
        if value is None:
            return default
        if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
            return tuple(dict.fromkeys(value))
        self.drop(key)
        return default

    def topic_id(self, data: dict[str, Any], default: str | None) -> str | None:
        """The claim's topic when the data block names it (`null`: none); else `default`,
        the heading above it."""
        if "topic" not in data:
            return default
        value = data["topic"]
        if value is None or (isinstance(value, str) and ID_RE.match(value)):
            return value
        self.drop("topic")
        return default

    def flag(self, data: dict[str, Any], key: str) -> bool:
        value = data.get(key, False)
        if isinstance(value, bool):
            return value
        self.drop(key)
        return False

    def fraction(self, data: dict[str, Any], key: str) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if _is_number(value) and 0 <= value <= 1:
            return float(value)
        self.drop(key)
        return None

    def front_matter(self, builder: DebateBuilder, data: dict[str, Any]) -> None:
        """The debate's translations, authors and expectations, from the front matter."""
        builder.i18n = self.translations(data, tuple(HEADING_I18N_FIELDS))
        builder.authors = self.authors(data)
        builder.expect = self.expect(data)
        builder.notes += self.ignored

    def topic(self, builder: DebateBuilder, title: str, data: dict[str, Any], slug: str) -> str:
        """Add the topic a heading starts (its id, summary and translations from its data
        block; topic ids are apart from claim ids: `end` may name both); its id."""
        wanted = data.get("id")
        topic = wanted if isinstance(wanted, str) and ID_RE.match(wanted) else ""
        if not topic or topic in builder.topics:
            topic = builder.unique_id(slug or "section", "section")
        summary = self.text(data, "summary")
        builder.add_topic(
            topic,
            self.optional(data, "title", title),
            summary,
            self.translations(data, tuple(HEADING_I18N_FIELDS)),
        )
        builder.notes += self.ignored
        return topic

    def claim(self, claim: Claim, data: dict[str, Any]) -> Claim:
        """`claim` with the fields Argdown has no syntax for, from its data block."""
        return replace(
            claim,
            kind=self.kind(data),
            date=self.date(data) or claim.date,
            editorial=self.flag(data, "editorial"),
            note=self.text(data, "note"),
            quotes=self.records(data, "quote", self.quote),
            figures=self.records(data, "figures", self.figure),
            i18n=self.translations(data, tuple(I18N_FIELDS)),
        )

    def kind(self, data: dict[str, Any]) -> ClaimKind:
        value = data.get("kind", ClaimKind.ARGUMENT.value)
        if value in KINDS:
            return ClaimKind(value)
        self.drop("kind")
        return ClaimKind.ARGUMENT

    def date(self, data: dict[str, Any]) -> str | None:
        value = data.get("date")
        if value is None:
            return None
        date = normal_date(str(value)) if isinstance(value, str | int) else None
        if date is None:
            self.drop("date")
        return date

    def translations(
        self, data: Any, fields: tuple[str, ...], key: str = "i18n"
    ) -> dict[str, dict[str, str]]:
        value = data.get(key) if isinstance(data, dict) else None
        if value is None:
            return {}
        found = (
            {
                lang: {k: v for k, v in texts.items() if k in fields and isinstance(v, str)}
                for lang, texts in value.items()
                if isinstance(lang, str) and LANG_RE.match(lang) and isinstance(texts, dict)
            }
            if isinstance(value, dict)
            else {}
        )
        found = {lang: texts for lang, texts in found.items() if texts}
        if not isinstance(value, dict) or len(found) != len(value):
            self.drop(key)
        return found

    def records(
        self, data: dict[str, Any], key: str, read: Callable[[Any], Any]
    ) -> tuple[Any, ...]:
        """A list of records, each read by `read` (None: it does not fit)."""
        value = data.get(key)
        if value is None:
            return ()
        items = [read(item) for item in value] if isinstance(value, list) else [None]
        if any(item is None for item in items):
            self.drop(key)
        return tuple(item for item in items if item is not None)

    def quote(self, item: Any) -> Quote | None:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            return None
        source, at = item.get("source"), item.get("at")
        if source is not None and not (isinstance(source, int) and source >= 1):
            return None
        return Quote(item["text"], source, at if isinstance(at, str) else None)

    def source(self, item: Any) -> Source | None:
        if not isinstance(item, dict):
            return None
        texts = {k: item.get(k) for k in ("title", "url", "author", "note")}
        if not all(v is None or isinstance(v, str) for v in texts.values()):
            return None
        year = item.get("year")
        if not (year is None or isinstance(year, str) or _is_number(year)):
            return None
        source = Source(**texts, year=year, i18n=self.translations(item, ("note",)))
        return source if source.title or source.url else None

    def figure(self, item: Any) -> Figure | None:
        if not isinstance(item, dict):
            return None
        value = item.get("value")
        texts = {k: item.get(k) for k in ("unit", "what", "note")}
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            return None
        if not all(v is None or isinstance(v, str) for v in texts.values()):
            return None
        return Figure(value, **texts, i18n=self.translations(item, ("what", "note")))

    def expect(self, data: dict[str, Any]) -> Expect | None:
        value = data.get("expect")
        if value is None:
            return None
        if not isinstance(value, dict):
            self.drop("expect")
            return None
        given = value.get("claims")
        claims: dict[Any, Any] = given if isinstance(given, dict) else {}
        named = {k: v for k, v in value.items() if k not in ("verdict", "claims")}
        read = {k: _range(v) for k, v in {**named, **claims}.items()}
        if any(r is None or not ID_RE.match(str(k)) for k, r in read.items()):
            self.drop("expect")
        semantics = {k: r for k, r in read.items() if k in named and r and ID_RE.match(k)}
        claim_ranges = {k: r for k, r in read.items() if k in claims and r and ID_RE.match(k)}
        return Expect(_range(value.get("verdict")), semantics, claim_ranges)

    def authors(self, data: dict[str, Any]) -> dict[str, Author]:
        value = data.get("authors")
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.drop("authors")
            return {}
        return {
            str(name): Author(str(name), self.translations({"i18n": names}, ("name",)))
            for name, names in value.items()
        }


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _range(value: Any) -> Range | None:
    if not isinstance(value, list) or len(value) != 2 or not all(map(_is_number, value)):
        return None
    low, high = float(value[0]), float(value[1])
    return Range(low, high) if 0 <= low <= high <= 1 else None


def add_undercuts(
    builder: DebateBuilder,
    data: dict[str, dict[str, Any]],
    pending: list[tuple[str, str, tuple[str, str] | None, int]],
    name: str,
) -> list[int]:
    """Add each (undercutter, undercut claim, link shown by the tree, line); the lines of
    those whose link cannot be told, which are added as attacks."""
    unresolved: list[int] = []
    for source, cut, shown, line in pending:
        link = shown or named_link(builder, data, source, cut)
        where = f"{name}:{line}"
        if link is None:
            builder.relate(source, cut, Relation.ATTACK, where)
            unresolved.append(line)
        else:
            builder.undercut(source, link, where)
    return unresolved


def named_link(
    builder: DebateBuilder, data: dict[str, dict[str, Any]], source: str, cut: str
) -> tuple[str, str] | None:
    """The link of `cut` that `source` undercuts: the one its data names, or `cut`'s only one."""
    named = data[source].get("undercuts")
    for item in named if isinstance(named, list) else []:
        if isinstance(item, dict) and item.get("from") == cut and isinstance(item.get("to"), str):
            return cut, item["to"]
    links = [e.target for e in builder.edges if e.source == cut and e.link_source is None]
    return (cut, links[0]) if len(links) == 1 else None


def link_attributes(builder: DebateBuilder, data: dict[str, dict[str, Any]], name: str) -> None:
    """Impact, editorial marks and notes of links, from the `links` and `undercuts` data."""
    for index, edge in enumerate(builder.edges):
        found = data.get(edge.source, {})
        reader = Reader(f"{name}: '{edge.source}'")
        if edge.link_source is None:
            links = found.get("links")
            attributes = links.get(edge.target) if isinstance(links, dict) else None
        else:
            cuts = found.get("undercuts")
            attributes = next(
                (
                    c
                    for c in (cuts if isinstance(cuts, list) else [])
                    if isinstance(c, dict) and (c.get("from"), c.get("to")) == edge.cut_link
                ),
                None,
            )
        if isinstance(attributes, dict):
            impact = reader.fraction(attributes, "impact") if edge.link_source is None else None
            builder.edges[index] = replace(
                edge,
                impact=1.0 if impact is None else impact,
                editorial=reader.flag(attributes, "editorial"),
                note=reader.text(attributes, "note"),
            )
            builder.notes += reader.ignored


def reorder(builder: DebateBuilder, data: dict[str, dict[str, Any]]) -> None:
    """Each claim's links in the order its data block gives (`order` for the claims it
    supports or attacks, `undercuts` for the links it cuts), where the relation lines
    wrote them in another; each keeps the places its links had among all."""
    places: dict[tuple[str, bool], list[int]] = {}
    for index, edge in enumerate(builder.edges):
        places.setdefault((edge.source, edge.link_source is not None), []).append(index)
    for (source, cut), indexes in places.items():
        if len(indexes) > 1:
            rank = _ranks(data.get(source, {}), cut)
            edges = sorted((builder.edges[i] for i in indexes), key=rank)
            for index, edge in zip(indexes, edges, strict=True):
                builder.edges[index] = edge


def _ranks(found: dict[str, Any], cut: bool) -> Callable[[Edge], int]:
    listed = found.get("undercuts" if cut else "order")
    keys: list[object] = []
    for item in listed if isinstance(listed, list) else []:
        if cut and isinstance(item, dict):
            keys.append((str(item.get("from")), str(item.get("to"))))
        elif isinstance(item, str):
            keys.append(item)
    rank = {key: n for n, key in reversed(list(enumerate(keys)))}
    if cut:
        return lambda edge: rank.get(edge.cut_link, len(rank))
    return lambda edge: rank.get(edge.target, len(rank))
