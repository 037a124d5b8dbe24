"""A claim's relations as written: target ids or `{id, impact, editorial, note}` mappings,
a nested claim's `link:`, and `undercuts:`; each with its own located problems.

What needs the whole debate (ids that exist, links that exist, cycles) is
`format.join`'s job; here each relation is read into an `Edge`.
"""

from __future__ import annotations

from dataclasses import dataclass

from agidebate.format import scalars
from agidebate.format.nodes import YMap, YNode, YScalar, is_plain
from agidebate.format.schema import LINK_FIELDS, TARGET_FIELDS, UNDERCUT_FIELDS
from agidebate.format.values import ValueReader
from agidebate.i18n import N_, _
from agidebate.model import Edge, Relation

_IMPACT = N_("a link's impact (how far the claim bears on its target)")


@dataclass(frozen=True, slots=True)
class LinkAttributes:
    """What a file may say about one link besides its ends."""

    impact: float = 1.0
    editorial: bool = False
    note: str | None = None


class LinkReader(ValueReader):
    """Reads relations with their attributes into edges."""

    def attributes(self, mapping: YMap) -> LinkAttributes:
        impact = self.fraction(mapping, "impact", _IMPACT)
        return LinkAttributes(
            impact=1.0 if impact is None else impact,
            editorial=self.boolean(mapping, "editorial"),
            note=self.string(mapping, "note"),
        )

    def nested_link(self, node: YMap, has_parent: bool) -> LinkAttributes:
        """`link:` of a claim nested under `pro:`/`con:`: its link to the parent."""
        raw = node.items.get("link")
        if raw is None or self._is_null(raw):
            return LinkAttributes()
        if not has_parent:
            self.error(
                "link-without-parent",
                _(
                    "'link' describes the link to the claim this one is nested under, "
                    "and this claim is not nested under pro: or con:"
                ),
                node.keys["link"],  # i18n: verbatim
                _(
                    "put the attributes on the target instead: "
                    "supports: [{id: ID, impact: 0.5, editorial: true}]"
                ),
            )
            return LinkAttributes()
        mapping = self.mapping(raw, "link", LINK_FIELDS, "impact, editorial, note")
        return self.attributes(mapping) if mapping is not None else LinkAttributes()

    def targets(self, claim_id: str, relation: Relation, node: YNode, key: str) -> list[Edge]:
        """`supports:` or `attacks:`: an id, a mapping, or a list of these."""
        edges: list[Edge] = []
        for item in self.items(node, key):
            if isinstance(item, YScalar):
                if is_plain(item) and scalars.is_null(item.value):
                    continue
                if self.ident(item, key) is not None:
                    edges.append(Edge(claim_id, item.value, relation, self.loc(item)))
                continue
            what = _("a target in '{key}'", key=key)
            mapping = self.mapping(item, what, TARGET_FIELDS, "id, impact, ...")
            if mapping is None:
                continue
            target = self.required_id(mapping, "id", what)
            if target is None:
                continue
            attributes = self.attributes(mapping)
            edges.append(
                Edge(
                    claim_id,
                    target.value,
                    relation,
                    self.loc(target),
                    attributes.impact,
                    attributes.editorial,
                    attributes.note,
                )
            )
        return edges

    def undercuts(self, claim_id: str, node: YNode) -> list[Edge]:
        """`undercuts:` a {from, to, editorial, note} mapping or a list of them."""
        edges: list[Edge] = []
        for item in self.items(node, "undercuts"):
            if isinstance(item, YScalar) and is_plain(item) and scalars.is_null(item.value):
                continue
            if isinstance(item, YScalar):
                self.error(
                    "wrong-type",
                    _("an undercut names a link, not a claim"),
                    item,
                    _(
                        "write undercuts: {{from: ID, to: {id}}} for the link from ID to {id}, "
                        "or attacks: {id} to attack the claim",
                        id=item.value,
                    ),
                )
                continue
            what = _("an undercut")
            mapping = self.mapping(item, what, UNDERCUT_FIELDS, "from, to, ...")
            if mapping is None:
                continue
            start = self.required_id(mapping, "from", what)
            end = self.required_id(mapping, "to", what)
            if start is None or end is None:
                continue
            edges.append(
                Edge(
                    claim_id,
                    end.value,
                    Relation.UNDERCUT,
                    self.loc(mapping),
                    editorial=self.boolean(mapping, "editorial"),
                    note=self.string(mapping, "note"),
                    link_source=start.value,
                )
            )
        return edges

    def items(self, node: YNode, key: str) -> list[YNode]:
        """One value or a list of values."""
        return self.sequence(node, key) if not isinstance(node, YScalar | YMap) else [node]

    def required_id(self, mapping: YMap, key: str, what: str) -> YScalar | None:
        node = mapping.items.get(key)
        if node is None or self._is_null(node):
            self.error(
                "missing-id",
                _("{what} has no '{key}'", what=what, key=key),
                mapping.keys.get(key, mapping),
                _("add `{key}:` with a claim id", key=key),
            )
            return None
        if self.ident(node, key) is None:
            return None
        assert isinstance(node, YScalar)
        return node
