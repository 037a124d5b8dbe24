"""Reading one field's value from positioned nodes: text, ids, numbers, weights,
sources, figures, tags and translations, each with its own located problems.

`ValueReader` is what `agidebate.format.fields` builds claims with; it knows the
field tables of `agidebate.format.schema` and the YAML 1.1 surprises of
`agidebate.format.scalars`, and reports into the file's `ParsedFile`.
"""

from __future__ import annotations

import re

from agidebate.errors import Location, Problem, Severity
from agidebate.format import scalars
from agidebate.format.nodes import YMap, YNode, YScalar, YSeq
from agidebate.format.parsed import ParsedFile
from agidebate.format.schema import (
    FIGURE_FIELDS,
    I18N_FIELDS,
    ID_RE,
    LANG_RE,
    MISPLACED,
    SOURCE_FIELDS,
    URL_SCHEME_RE,
)
from agidebate.model import DEFAULT_WEIGHT, Figure, Source
from agidebate.suggest import similar

# Fields holding prose, where YAML's comment and anchor syntax can swallow text.
_PROSE = frozenset({"text", "title", "summary", "by"})
_COMMENT_AFTER = re.compile(r"[ \t]+#")


def _text_hint(key: str, kind: str) -> str:
    """How to write a text field that was given as a list or mapping."""
    if key == "by" and kind == "list":
        return 'name several voices in one text: by: "A and B"'
    if kind == "mapping":
        return f"quote the value if it holds ': ' ({key}: \"...\")"
    return (
        f"quote the value if it starts with '[' ({key}: \"...\"), or join the items into one text"
    )


def _suggest(word: str, choices: list[str]) -> str | None:
    close = similar(word, choices, n=1)
    return close[0] if close else None


class ValueReader:
    """Reads field values of one file, reporting problems into its `ParsedFile`."""

    def __init__(self, out: ParsedFile, source: str = "") -> None:
        self.out = out
        self.path = out.path
        self.raw = source
        self.checked_prose: set[int] = set()  # ids of scalars checked (an alias repeats one)

    def loc(self, node: YNode | YScalar) -> Location:
        return Location(self.path, node.line, node.column)

    def error(self, code: str, message: str, node: YNode, hint: str | None = None) -> None:
        self.out.problems.append(Problem(code, message, self.loc(node), hint))

    @staticmethod
    def _is_null(node: YNode) -> bool:
        return isinstance(node, YScalar) and node.plain and scalars.is_null(node.text)

    def mapping(self, node: YNode, what: str, allowed: dict[str, str], summary: str) -> YMap | None:
        if not isinstance(node, YMap):
            self.error(
                "wrong-type",
                f"{what} must be a mapping of fields",
                node,
                f"write it as `key: value` lines ({summary})",
            )
            return None
        for key, key_node in node.keys.items():
            if key not in allowed:
                self.unknown_field(key, key_node, what, list(allowed))
        return node

    def unknown_field(self, key: str, node: YScalar, what: str, allowed: list[str]) -> None:
        close = _suggest(key, allowed)
        if key in MISPLACED:
            hint = MISPLACED[key]
        elif close:
            hint = f"did you mean '{close}'?"
        else:
            hint = "allowed fields: " + ", ".join(allowed)
        self.error("unknown-field", f"unknown field '{key}' in {what}", node, hint)

    def sequence(self, node: YNode, key: str) -> list[YNode]:
        if isinstance(node, YSeq):
            return node.items
        if self._is_null(node):
            return []
        self.error("wrong-type", f"'{key}' must be a list", node, f"write `{key}:` then `- ` items")
        return []

    def scalar_text(self, node: YNode, key: str) -> str | None:
        """A string value as written, or None with a problem reported."""
        if not isinstance(node, YScalar):
            kind = "list" if isinstance(node, YSeq) else "mapping"
            self.error(
                "wrong-type", f"'{key}' must be text, not a {kind}", node, _text_hint(key, kind)
            )
            return None
        if node.plain:
            kind = scalars.yaml11_tag(node.text)
            if kind == "null":
                return None
            surprise = scalars.text_surprise(node.text, kind) if kind != "str" else None
            if surprise:
                self.error(
                    "yaml11-surprise",
                    f"'{key}': {surprise}",
                    node,
                    f'quote it to keep it as text: {key}: "{node.text}"',
                )
            if key in _PROSE:
                self.swallowed(node, key)
        return node.text

    def swallowed(self, node: YScalar, key: str) -> None:
        """Warn where YAML silently drops part of an unquoted text (a comment, an anchor)."""
        if id(node) in self.checked_prose:
            return
        self.checked_prose.add(id(node))
        if node.anchor is not None:
            self.out.problems.append(
                Problem(
                    "swallowed-text",
                    f"'{key}' starts with &{node.anchor}, which YAML reads as an anchor and drops",
                    self.loc(node),
                    f'quote the text if "&{node.anchor}" is part of it',
                    Severity.WARNING,
                )
            )
        if node.end >= 0 and _COMMENT_AFTER.match(self.raw, node.end):
            rest = self.raw[node.end :].split("\n", 1)[0].strip()
            self.out.problems.append(
                Problem(
                    "swallowed-text",
                    f"'{key}' is followed by {rest!r}, which YAML reads as a comment and drops",
                    self.loc(node),
                    f"quote the whole text if {rest!r} is part of it",
                    Severity.WARNING,
                )
            )

    def string(self, parent: YMap, key: str) -> str | None:
        node = parent.items.get(key)
        if node is None:
            return None
        value = self.scalar_text(node, key)
        if value is not None and not value.strip():
            return None
        return value

    def ident(self, node: YNode | None, key: str) -> str | None:
        if node is None:
            return None
        value = self.scalar_text(node, key)
        if value is None:
            return None
        if not ID_RE.match(value):
            fixed = "-".join("".join(c if c.isalnum() else " " for c in value.lower()).split())
            hint = f"try '{fixed}'" if fixed and ID_RE.match(fixed) else None
            self.error(
                "bad-id",
                f"'{key}' {value!r} must be lower-case letters, digits, '.', '_' or '-', "
                "starting with a letter or digit",
                node,
                hint,
            )
            return None
        return value

    def weight(self, node: YMap) -> tuple[float, bool]:
        raw = node.items.get("weight")
        if raw is None:
            return DEFAULT_WEIGHT, False
        value = self.number(raw, "weight", allow_text=False)
        if value is None:
            return DEFAULT_WEIGHT, False
        if not 0 <= value <= 1:
            self.error(
                "weight-range",
                f"weight {raw.text if isinstance(raw, YScalar) else value} is outside [0, 1]",
                raw,
                "a weight is a plausibility between 0 (no weight) and 1 (certain); 0.5 is neutral",
            )
            return DEFAULT_WEIGHT, False
        return float(value), True

    def number(self, node: YNode, key: str, allow_text: bool) -> float | int | None:
        """A plain number; reports booleans, NaN, quoted numbers and ambiguous forms."""
        if not isinstance(node, YScalar):
            self.error("wrong-type", f"'{key}' must be a number", node)
            return None
        if node.plain and scalars.is_null(node.text):
            self.error("wrong-type", f"'{key}' is empty", node, f"write a number, e.g. {key}: 0.5")
            return None
        if not node.plain:
            if not allow_text:
                self.error(
                    "wrong-type",
                    f"'{key}' must be a number, not the text {node.text!r}",
                    node,
                    f"remove the quotes: {key}: {node.text}",
                )
            return None
        value = scalars.parse_number(node.text)
        if value is not None:
            return value
        surprise = scalars.number_surprise(node.text) or scalars.text_surprise(node.text)
        if surprise or not allow_text:
            self.error(
                "not-a-number",
                f"'{key}' must be a number; {surprise or repr(node.text) + ' is not one'}",
                node,
                "write a plain decimal number such as 0.7"
                if not allow_text
                else f'write a plain number, or quote it to keep it as text: "{node.text}"',
            )
        return None

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
                    f"a source given as text must be a URL, not {url!r}",
                    item,
                    "for a work without a URL write a mapping: `- title: ...`, `author:`, `year:`",
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
                f"url {url!r} has no scheme",
                mapping.items["url"],
                "write the full address, e.g. https://example.org/page",
            )
        source = Source(
            title=self.string(mapping, "title"),
            url=url,
            author=self.string(mapping, "author"),
            year=self.year(mapping),
            note=self.string(mapping, "note"),
        )
        if source.title is None and source.url is None:
            self.error("bad-source", "a source needs a title or a url", mapping)
            return None
        return source

    def year(self, mapping: YMap) -> int | str | None:
        node = mapping.items.get("year")
        if isinstance(node, YScalar) and node.plain:
            number = scalars.parse_number(node.text)
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
                )
            )
        return tuple(result)

    def figure_value(self, mapping: YMap) -> int | float | str | None:
        node = mapping.items.get("value")
        if node is None or self._is_null(node):
            self.error("missing-value", "figure has no value", node or mapping, "add `value: 42`")
            return None
        if not isinstance(node, YScalar):
            self.error("wrong-type", "figure 'value' must be a number or text", node)
            return None
        if not node.plain:
            return node.text
        number = scalars.parse_number(node.text)
        if number is not None:
            return number
        surprise = scalars.number_surprise(node.text) or scalars.text_surprise(node.text)
        if surprise:
            self.error(
                "yaml11-surprise",
                f"figure 'value': {surprise}",
                node,
                f'write a plain number, or quote it to keep it as text: value: "{node.text}"',
            )
            return None
        return node.text

    def tags(self, node: YMap) -> tuple[str, ...]:
        raw = node.items.get("tags")
        if raw is None:
            return ()
        result: list[str] = []
        for item in self.sequence(raw, "tags"):
            tag = self.scalar_text(item, "tags")
            if tag is not None and tag.strip():
                result.append(tag)
        return tuple(result)

    def i18n(self, node: YMap) -> dict[str, dict[str, str]]:
        raw = node.items.get("i18n")
        if raw is None or self._is_null(raw):
            return {}
        if not isinstance(raw, YMap):
            self.error(
                "wrong-type",
                "'i18n' must be a mapping of language codes",
                raw,
                "e.g. i18n: {zh: {title: ...}}",
            )
            return {}
        result: dict[str, dict[str, str]] = {}
        for lang, value in raw.items.items():
            if not LANG_RE.match(lang):
                self.error(
                    "bad-language",
                    f"{lang!r} is not a language code",
                    raw.keys[lang],
                    "use a code such as zh, en, de or pt-BR",
                )
                continue
            mapping = self.mapping(value, f"i18n.{lang}", I18N_FIELDS, "title and text")
            if mapping is None:
                continue
            fields = {k: v for k in I18N_FIELDS if (v := self.string(mapping, k)) is not None}
            if fields:
                result[lang] = fields
        return result
