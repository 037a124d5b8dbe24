"""One argument file's nodes -> claims, relations and problems.

Checks everything that can be checked inside one file: the fields and their
types, id patterns, weights, YAML 1.1 surprises. What needs the whole debate
(duplicate ids across files, unknown references, sides) is `_link`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agidebate.errors import Location, Problem, Severity
from agidebate.format import scalars
from agidebate.format.nodes import YMap, YNode, YScalar, YSeq
from agidebate.format.parsed import ParsedFile
from agidebate.format.schema import (
    CLAIM_FIELDS,
    DEBATE_FIELDS,
    FIGURE_FIELDS,
    I18N_FIELDS,
    ID_RE,
    LANG_RE,
    MISPLACED,
    SOURCE_FIELDS,
    TOPIC_FIELDS,
    URL_SCHEME_RE,
)
from agidebate.model import DEFAULT_WEIGHT, THESIS_ID, Claim, Edge, Figure, Relation, Source
from agidebate.suggest import similar


def parse_file(
    root: YNode | None, path: str, stem: str, is_debate_file: bool, source: str = ""
) -> ParsedFile:
    """Convert a file's root node; `stem` is the default topic id, `source` the file's text."""
    out = ParsedFile(path=path, is_debate_file=is_debate_file)
    converter = _Converter(out, source)
    if isinstance(root, YScalar) and root.plain and scalars.is_null(root.text):
        root = None  # `---` alone, or `~`: an empty document
    if root is None:
        out.problems.append(
            Problem(
                "empty-file",
                "file is empty",
                Location(path),
                "add `claims:` with at least one claim, or delete the file",
                Severity.WARNING,
            )
        )
    elif is_debate_file:
        converter.debate_file(root)
    else:
        converter.topic_file(root, stem)
    return out


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


@dataclass(slots=True)
class _Pending:
    node: YNode
    parent: str | None
    relation: Relation | None
    where: str


# Fields holding prose, where YAML's comment and anchor syntax can swallow text.
_PROSE = frozenset({"text", "title", "summary", "by"})
_COMMENT_AFTER = re.compile(r"[ \t]+#")


class _Converter:
    def __init__(self, out: ParsedFile, source: str = "") -> None:
        self.out = out
        self.path = out.path
        self.raw = source
        self.checked_prose: set[int] = set()  # ids of scalars checked (an alias repeats one)

    # -- problems -------------------------------------------------------------

    def loc(self, node: YNode | YScalar) -> Location:
        return Location(self.path, node.line, node.column)

    def error(self, code: str, message: str, node: YNode, hint: str | None = None) -> None:
        self.out.problems.append(Problem(code, message, self.loc(node), hint))

    # -- files ----------------------------------------------------------------

    def debate_file(self, root: YNode) -> None:
        top = self.mapping(root, "debate.yaml", DEBATE_FIELDS, "title, summary and thesis")
        if top is None:
            return
        self.out.title = self.string(top, "title")
        self.out.summary = self.string(top, "summary")
        thesis = top.items.get("thesis")
        if thesis is not None and not self._is_null(thesis):
            self.claims([_Pending(thesis, None, None, "thesis")], default_id=THESIS_ID)

    def topic_file(self, root: YNode, stem: str) -> None:
        if isinstance(root, YSeq):
            self.error(
                "file-shape",
                "a topic file is a mapping, not a list",
                root,
                "start the file with `claims:` and indent the list under it",
            )
            return
        top = self.mapping(root, "topic file", TOPIC_FIELDS, "topic, title, summary and claims")
        if top is None:
            return
        topic_node = top.items.get("topic")
        topic = self.ident(topic_node, "topic") if topic_node is not None else None
        self.out.topic = topic or stem
        self.out.topic_explicit = topic is not None
        self.out.topic_location = self.loc(topic_node if topic_node is not None else top)
        self.out.title = self.string(top, "title")
        self.out.summary = self.string(top, "summary")
        claims = top.items.get("claims")
        if claims is None or self._is_null(claims):
            self.out.problems.append(
                Problem(
                    "no-claims",
                    "topic file has no claims",
                    self.loc(top),
                    "add `claims:` with a list of claims",
                    Severity.WARNING,
                )
            )
            return
        items = self.sequence(claims, "claims")
        self.claims([_Pending(n, None, None, "claim") for n in items])

    # -- structure helpers ----------------------------------------------------

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

    # -- claims ---------------------------------------------------------------

    def claims(self, pending: list[_Pending], default_id: str | None = None) -> None:
        """Convert claims and everything nested under them, in file order, iteratively."""
        stack = list(reversed(pending))
        while stack:
            item = stack.pop()
            nested = self.claim(item, default_id if item.where == "thesis" else None)
            stack.extend(reversed(nested))

    def claim(self, item: _Pending, default_id: str | None) -> list[_Pending]:
        node = self.mapping(item.node, item.where, CLAIM_FIELDS, "id, text, ...")
        if node is None:
            return []
        claim_id = self.claim_id(node, default_id)
        text = self.string(node, "text")
        given = node.items.get("text")
        if text is None and (given is None or isinstance(given, YScalar)):  # else reported
            self.error(
                "missing-text",
                f"claim '{claim_id}' has no text" if claim_id else "claim has no text",
                node.keys.get("text", node),
                "add `text:` with the claim in full",
            )
        if claim_id is not None:
            # Recorded even without text (already reported), so that claims
            # pointing at it do not cascade into "unknown id" errors.
            self.record(node, claim_id, text or "", item)
        nested: list[_Pending] = []
        for key, relation in (("pro", Relation.SUPPORT), ("con", Relation.ATTACK)):
            child = node.items.get(key)
            if child is not None:
                nested.extend(
                    _Pending(n, claim_id, relation, f"claim under '{key}'")
                    for n in self.sequence(child, key)
                )
        return nested

    def claim_id(self, node: YMap, default_id: str | None) -> str | None:
        if "id" in node.items:
            return self.ident(node.items["id"], "id")
        if default_id is not None:
            return default_id
        self.error("missing-id", "claim has no id", node, "add `id: a-short-unique-id`")
        return None

    def record(self, node: YMap, claim_id: str, text: str, item: _Pending) -> None:
        weight, weight_stated = self.weight(node)
        claim = Claim(
            id=claim_id,
            text=text,
            title=self.string(node, "title"),
            by=self.string(node, "by"),
            weight=weight,
            weight_stated=weight_stated,
            sources=self.sources(node),
            figures=self.figures(node),
            tags=self.tags(node),
            i18n=self.i18n(node),
            topic=self.out.topic,
            location=self.loc(node),
        )
        owner = len(self.out.claims)
        self.out.claims.append(claim)
        edges: list[Edge] = []
        if item.parent is not None and item.relation is not None:
            edges.append(Edge(claim_id, item.parent, item.relation, self.loc(node)))
        for key, relation in (("supports", Relation.SUPPORT), ("attacks", Relation.ATTACK)):
            target_node = node.items.get(key)
            if target_node is not None:
                edges.extend(
                    Edge(claim_id, ref.text, relation, self.loc(ref))
                    for ref in self.references(target_node, key)
                )
        self.out.edges.extend(edges)
        self.out.edge_owners.extend([owner] * len(edges))

    def references(self, node: YNode, key: str) -> list[YScalar]:
        items: list[YNode] = [node] if isinstance(node, YScalar) else self.sequence(node, key)
        refs: list[YScalar] = []
        for ref in items:
            if isinstance(ref, YScalar) and ref.plain and scalars.is_null(ref.text):
                continue
            if self.ident(ref, key) is not None:
                assert isinstance(ref, YScalar)
                refs.append(ref)
        return refs

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
