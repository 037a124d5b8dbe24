"""One argument file's nodes -> claims, relations and problems.

Checks everything that can be checked inside one file: the fields and their
types, id patterns, weights, YAML 1.1 surprises. What needs the whole debate
(duplicate ids across files, unknown references, links that exist, sides) is
`format.join`'s job; reading each field's value is the readers' (`format.values`,
`format.provenance`, `format.links`, `format.expect`).
"""

from __future__ import annotations

from dataclasses import dataclass

from agidebate.errors import Location, Problem, Severity
from agidebate.format import scalars
from agidebate.format.expect import ExpectReader
from agidebate.format.links import LinkReader
from agidebate.format.nodes import YMap, YNode, YScalar, YSeq, is_plain
from agidebate.format.parsed import UNKEPT, ParsedFile
from agidebate.format.provenance import default_date
from agidebate.format.schema import (
    AUTHOR_FIELDS,
    AUTHOR_I18N_FIELDS,
    CLAIM_FIELDS,
    DEBATE_FIELDS,
    HEADING_I18N_FIELDS,
    I18N_FIELDS,
    MISPLACED,
    TOPIC_FIELDS,
    relation_keys,
)
from agidebate.i18n import _
from agidebate.model import THESIS_ID, Author, Claim, Edge, Relation

# Each relation with its two keys, worked out once: every claim looks up all of them.
_RELATION_KEYS = tuple((relation, *relation_keys(relation)) for relation in Relation)


def parse_file(
    root: YNode | None, path: str, stem: str, is_debate_file: bool, source: str = ""
) -> ParsedFile:
    """Convert a file's root node; `stem` is the default topic id, `source` the file's text."""
    out = ParsedFile(path=path, is_debate_file=is_debate_file)
    converter = _Converter(out, source)
    if isinstance(root, YScalar) and is_plain(root) and scalars.is_null(root.value):
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


def _raw_id(node: YMap) -> str:
    """The id as written, for messages about a claim whose id is not valid."""
    given = node.items.get("id")
    return given.value if isinstance(given, YScalar) else "(no id)"


@dataclass(slots=True)
class _Pending:
    node: YNode
    parent: str | None
    relation: Relation | None
    where: str


class _Converter(LinkReader, ExpectReader):
    """Turns one file's nodes into claims and relations."""

    def __init__(self, out: ParsedFile, source: str = "") -> None:
        super().__init__(out.path, out.problems, source)
        self.out = out

    def debate_file(self, root: YNode) -> None:
        top = self.mapping(root, "debate.yaml", DEBATE_FIELDS, "title, summary and thesis")
        if top is None:
            return
        self.out.title = self.string(top, "title")
        self.out.summary = self.string(top, "summary")
        self.out.i18n = self.i18n(top, HEADING_I18N_FIELDS)
        self.out.expect = self.expect(top)
        self.out.authors = self.authors(top)
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
        self.out.i18n = self.i18n(top, HEADING_I18N_FIELDS)
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

    def claims(self, pending: list[_Pending], default_id: str | None = None) -> None:
        """Convert claims and everything nested under them, in file order, iteratively."""
        stack = list(reversed(pending))
        while stack:
            item = stack.pop()
            nested = self.claim(item, default_id if item.where == "thesis" else None)
            stack.extend(reversed(nested))

    def authors(self, top: YMap) -> dict[str, Author]:
        """`authors:` in debate.yaml: names as `by:` writes them, with their translations."""
        raw = top.items.get("authors")
        if raw is None or self._is_null(raw):
            return {}
        if not isinstance(raw, YMap):
            self.error(
                "wrong-type",
                _("'authors' must map names (as `by:` writes them) to their translations"),
                raw,
                _('e.g. authors: {"Dan Fu": {i18n: {zh: {name: 傅丹}}}}'),
            )
            return {}
        found: dict[str, Author] = {}
        for name, value in raw.items.items():
            mapping = self.mapping(value, f"author '{name}'", AUTHOR_FIELDS, "i18n")
            if mapping is not None:
                translations = self.i18n(mapping, AUTHOR_I18N_FIELDS)
                found[name] = Author(name, translations, self.loc(raw.keys[name]))
        return found

    def claim(self, item: _Pending, default_id: str | None) -> list[_Pending]:
        node = self.mapping(item.node, item.where, CLAIM_FIELDS, "id, text, ...", MISPLACED)
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
        # Recorded even without text (already reported), so that claims pointing at it
        # do not cascade into "unknown id" errors; without a valid id (also reported),
        # read all the same, so that every other problem of the claim shows at once.
        shown = claim_id or _raw_id(node)
        self.record(node, shown, text or "", item, keep=claim_id is not None)
        nested: list[_Pending] = []
        for relation, key, _target in _RELATION_KEYS:
            child = node.items.get(key) if key is not None else None
            if key is not None and child is not None:
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

    def record(
        self, node: YMap, claim_id: str, text: str, item: _Pending, keep: bool = True
    ) -> None:
        """Read the claim's fields and relations, reporting what is wrong with them; keep
        the claim and its relations unless `keep` is False."""
        weight, weight_stated = self.weight(node)
        sources = self.sources(node)
        claim = Claim(
            id=claim_id,
            text=text,
            title=self.string(node, "title"),
            by=self.string(node, "by"),
            weight=weight,
            weight_stated=weight_stated,
            sources=sources,
            figures=self.figures(node),
            tags=self.strings(node, "tags"),
            i18n=self.i18n(node, I18N_FIELDS),
            topic=self.out.topic,
            location=self.loc(node),
            kind=self.kind(node),
            quotes=self.quotes(node, len(sources), "claim"),
            editorial=self.boolean(node, "editorial"),
            note=self.string(node, "note"),
            date=self.date(node) or default_date(sources),
        )
        edges: list[Edge] = []
        link = self.nested_link(node, item.parent is not None)
        if item.parent is not None and item.relation is not None:
            edges.append(
                Edge(
                    claim_id,
                    item.parent,
                    item.relation,
                    self.loc(node),
                    link.impact,
                    link.editorial,
                    link.note,
                )
            )
        for relation, _nested, key in _RELATION_KEYS:
            target_node = node.items.get(key)
            if target_node is None:
                continue
            if relation is Relation.UNDERCUT:
                edges.extend(self.undercuts(claim_id, target_node))
            else:
                edges.extend(self.targets(claim_id, relation, target_node, key))
        owner = len(self.out.claims) if keep else UNKEPT
        if keep:
            self.out.claims.append(claim)
        self.out.edges.extend(edges)
        self.out.edge_owners.extend([owner] * len(edges))
