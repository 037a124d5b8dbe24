"""Where a claim comes from: its sources, figures, quotes, date and kind, each read with
its own located problems.

`ProvenanceReader` extends `format.values.ValueReader`; argument files
(`format.fields`) and perspective files (`format.perspectives`, for a bottom line's
quote and sources) read these fields with it.
"""

from __future__ import annotations

import datetime

from agidebate.format import scalars
from agidebate.format.nodes import YMap, YNode, YScalar, YSeq, is_plain
from agidebate.format.schema import (
    DATE_PATTERN,
    FIGURE_FIELDS,
    FIGURE_I18N_FIELDS,
    KINDS,
    QUOTE_FIELDS,
    SOURCE_FIELDS,
    SOURCE_I18N_FIELDS,
    URL_SCHEME_RE,
)
from agidebate.format.values import ValueReader
from agidebate.i18n import N_, _, ngettext, pgettext
from agidebate.model import ClaimKind, Figure, Quote, Source
from agidebate.suggest import similar

_DATE_HINT = N_('write YYYY, YYYY-MM or YYYY-MM-DD, e.g. date: "2023-12"')


def default_date(sources: tuple[Source, ...]) -> str | None:
    """The date a claim gets when it states none: the year of its first source.

    >>> default_date((Source("A", year=2023),)), default_date((Source("B", year="n.d."),))
    ('2023', None)
    """
    if not sources:
        return None
    year = sources[0].year
    text = f"{year:04d}" if isinstance(year, int) and 0 < year < 10_000 else str(year or "")
    return text if len(text) == 4 and text.isdigit() else None


def normal_date(text: str) -> str | None:
    """`text` as "YYYY", "YYYY-MM" or "YYYY-MM-DD" if it is a real date of that shape.

    >>> normal_date("2023-12"), normal_date("2024-02-29"), normal_date("2023-02-29")
    ('2023-12', '2024-02-29', None)
    """
    import re

    if not re.fullmatch(DATE_PATTERN, text) or text[:4] == "0000":
        return None
    if len(text) == 10:
        try:
            datetime.date.fromisoformat(text)
        except ValueError:
            return None
    return text


class ProvenanceReader(ValueReader):
    """Reads sources, figures, quotes, dates and kinds."""

    def sources(self, node: YMap) -> tuple[Source, ...]:
        raw = node.items.get("sources")
        if raw is None:
            return ()
        result: list[Source] = []
        for item in self.sequence(raw, "sources"):
            source = self.source(item)
            if source is not None:
                result.append(source)
        return tuple(result)

    def source(self, item: YNode) -> Source | None:
        if isinstance(item, YScalar):
            url = self.scalar_text(item, "sources")
            if url is None:
                return None
            if not URL_SCHEME_RE.match(url):
                self.error(
                    "bad-source",
                    _("a source given as text must be a URL, not {url!r}", url=url),
                    item,
                    _(
                        "for a work without a URL write a mapping: `- title: ...`, `author:`, "
                        "`year:`"
                    ),
                )
                return None
            return Source(url=url)
        mapping = self.mapping(item, "source", SOURCE_FIELDS, "title, url, author, year, note")
        if mapping is None:
            return None
        url = self.string(mapping, "url")
        if url is not None and not URL_SCHEME_RE.match(url):
            self.error(
                "bad-source",
                _("url {url!r} has no scheme", url=url),
                mapping.items["url"],  # i18n: verbatim
                _("write the full address, e.g. https://example.org/page"),
            )
        source = Source(
            title=self.string(mapping, "title"),
            url=url,
            author=self.string(mapping, "author"),
            year=self.year(mapping),
            note=self.string(mapping, "note"),
            i18n=self.i18n(mapping, SOURCE_I18N_FIELDS),
        )
        if source.title is None and source.url is None:
            self.error("bad-source", _("a source needs a title or a url"), mapping)
            return None
        return source

    def year(self, mapping: YMap) -> int | str | None:
        node = mapping.items.get("year")
        if isinstance(node, YScalar) and is_plain(node):
            number = scalars.parse_number(node.value)
            if isinstance(number, int):
                return number
        return self.string(mapping, "year")

    def figures(self, node: YMap) -> tuple[Figure, ...]:
        raw = node.items.get("figures")
        if raw is None:
            return ()
        result: list[Figure] = []
        for item in self.sequence(raw, "figures"):
            mapping = self.mapping(item, "figure", FIGURE_FIELDS, "value, unit, what, note")
            if mapping is None:
                continue
            value = self.figure_value(mapping)
            if value is None:
                continue
            result.append(
                Figure(
                    value=value,
                    unit=self.string(mapping, "unit"),
                    what=self.string(mapping, "what"),
                    note=self.string(mapping, "note"),
                    i18n=self.i18n(mapping, FIGURE_I18N_FIELDS),
                )
            )
        return tuple(result)

    def figure_value(self, mapping: YMap) -> int | float | str | None:
        node = mapping.items.get("value")
        if node is None or self._is_null(node):
            self.error(
                "missing-value", _("figure has no value"), node or mapping, _("add `value: 42`")
            )
            return None
        if not isinstance(node, YScalar):
            self.error("wrong-type", _("figure 'value' must be a number or text"), node)
            return None
        if not is_plain(node):
            return node.value
        number = scalars.parse_number(node.value)
        if number is not None:
            return number
        surprise = scalars.number_surprise(node.value) or scalars.text_surprise(node.value)
        if surprise:
            self.error(
                "yaml11-surprise",
                _("figure 'value': {surprise}", surprise=surprise),
                node,
                _(
                    'write a plain number, or quote it to keep it as text: value: "{value}"',
                    value=node.value,
                ),
            )
            return None
        return node.value

    def quotes(self, parent: YMap, sources: int, owner: str) -> tuple[Quote, ...]:
        """`quote:` as a text, a {text, source, at} mapping or a list of these; `sources`
        is how many sources the `owner` (a claim, a perspective) has for `source:` to index."""
        raw = parent.items.get("quote")
        if raw is None:
            return ()
        items = raw.items if isinstance(raw, YSeq) else [raw]
        if not items or self._is_null(raw):
            self.error(
                "empty-quote",
                _("'quote' is empty"),
                raw,
                _('give the passage verbatim (quote: "..."), or remove `quote:`'),
            )
            return ()
        found = (self.quote(item, sources, owner) for item in items)
        return tuple(q for q in found if q is not None)

    def quote(self, node: YNode, sources: int, owner: str) -> Quote | None:
        if isinstance(node, YScalar):
            text = self.quote_text(node)
            return Quote(text) if text is not None else None
        mapping = self.mapping(node, "quote", QUOTE_FIELDS, "text, source, at")
        if mapping is None:
            return None
        text_node = mapping.items.get("text")
        if text_node is None:
            self.error(
                "empty-quote", _("quote has no text"), mapping, _("add `text:` with the passage")
            )
            return None
        text = self.quote_text(text_node)
        index = self.source_index(mapping, sources, owner)
        if text is None:
            return None
        return Quote(text, index, self.string(mapping, "at"))

    def quote_text(self, node: YNode) -> str | None:
        text = self.scalar_text(node, "quote")
        if text is None or not text.strip():
            if isinstance(node, YScalar):
                self.error(
                    "empty-quote",
                    _("the quote's text is empty"),
                    node,
                    _("give the passage verbatim, or remove the quote"),
                )
            return None
        return text

    def source_index(self, mapping: YMap, sources: int, owner: str) -> int | None:
        """`source:` in a quote: a 1-based index into the owner's `sources`."""
        node = mapping.items.get("source")
        if node is None:
            return None
        value = self.number(node, "source", allow_text=False)
        if value is None:
            return None
        if not isinstance(value, int) or value < 1:
            self.error(
                "quote-source",
                _("quote 'source' must be a whole number from 1, not {value}", value=value),
                node,
                _("write the position of the source in `sources:`: 1 for the first"),
            )
            return None
        if value > sources:
            whose = (
                pgettext("quote owner", "perspective")
                if owner == "perspective"
                else pgettext("quote owner", "claim")
            )
            message = (
                ngettext(
                    "quote 'source' is {value}, but the {owner} has {n} source",
                    "quote 'source' is {value}, but the {owner} has {n} sources",
                    sources,
                    value=value,
                    owner=whose,
                )
                if sources
                else _(
                    "quote 'source' is {value}, but the {owner} has no sources",
                    value=value,
                    owner=whose,
                )
            )
            hint = (
                _("use 1 to {n}, the position in `sources:`", n=sources)
                if sources
                else _("add the work under `sources:`, or remove `source:`")
            )
            self.error("quote-source", message, node, hint)
            return None
        return value

    def date(self, parent: YMap) -> str | None:
        """`date:` as "YYYY", "YYYY-MM" or "YYYY-MM-DD", quoted or as YAML reads it."""
        node = parent.items.get("date")
        if node is None or self._is_null(node):
            return None
        if not isinstance(node, YScalar):
            message = _("'date' must be a date, not a list or mapping")
            self.error("bad-date", message, node, _(_DATE_HINT))
            return None
        date = normal_date(node.value.strip())
        if date is None:
            message = _("'date' {value!r} is not a date", value=node.value)
            self.error("bad-date", message, node, _(_DATE_HINT))
        return date

    def kind(self, parent: YMap) -> ClaimKind:
        node = parent.items.get("kind")
        if node is None:
            return ClaimKind.ARGUMENT
        text = self.scalar_text(node, "kind")
        if text is None:
            return ClaimKind.ARGUMENT
        if text in KINDS:
            return ClaimKind(text)
        close = text.strip().lower() if text.strip().lower() in KINDS else None
        close = close or next(iter(similar(text, KINDS, n=1)), None)
        kinds = _("a claim's kind is {kinds}", kinds=" / ".join(KINDS))
        hint = _("did you mean '{name}'? {kinds}", name=close, kinds=kinds) if close else kinds
        self.error("bad-kind", _("unknown kind {value!r}", value=text), node, hint)
        return ClaimKind.ARGUMENT
