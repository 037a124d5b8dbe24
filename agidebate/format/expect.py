"""`expect:` blocks (in `debate.yaml` and perspective files) and a perspective's
`bottom_line:`, read with located problems.

The names of semantics in an `expect:` block are checked against the registry by
`agidebate.query.expectations` (the format layer does not know the scoring
registry); ids of claims are checked once the debate is joined.
"""

from __future__ import annotations

from agidebate.format.nodes import YMap, YNode, YScalar, YSeq
from agidebate.format.provenance import ProvenanceReader
from agidebate.format.schema import (
    BOTTOM_LINE_FIELDS,
    BOTTOM_LINE_I18N_FIELDS,
    ID_RE,
)
from agidebate.i18n import N_, _
from agidebate.model import BottomLine, Expect, Range

_RANGE_HINT = N_("write [low, high] with 0 <= low <= high <= 1, e.g. [0.6, 0.8]")


class ExpectReader(ProvenanceReader):
    """Reads `expect:` and `bottom_line:`."""

    def expect(self, parent: YMap) -> Expect | None:
        raw = parent.items.get("expect")
        if raw is None or self._is_null(raw):
            return None
        if not isinstance(raw, YMap):
            self.error(
                "wrong-type",
                _("'expect' must be a mapping"),
                raw,
                _("e.g. expect: {verdict: [0.6, 0.8], claims: {some-id: [0.5, 1]}}"),
            )
            return None
        verdict: Range | None = None
        semantics: dict[str, Range] = {}
        claims: dict[str, Range] = {}
        for key, node in raw.items.items():
            if key == "verdict":
                verdict = self.range(node, "verdict")
            elif key == "claims":
                claims = self.claim_ranges(node)
            elif not ID_RE.match(key):
                self.error(
                    "unknown-field",
                    _("unknown field {key!r} in expect", key=key),
                    raw.keys[key],
                    _("expect holds verdict, claims, or the name of a semantics (e.g. qe)"),
                )
            elif (found := self.range(node, key)) is not None:
                semantics[key] = found
        if not raw.items:
            self.warn(
                "empty-expect",
                _("'expect' expects nothing"),
                raw,
                _("add verdict: [low, high], or remove `expect:`"),
            )
        return Expect(verdict, semantics, claims, self.loc(raw))

    def claim_ranges(self, node: YNode) -> dict[str, Range]:
        if not isinstance(node, YMap):
            self.error(
                "wrong-type",
                _("'claims' in expect must map claim ids to ranges"),
                node,
                _("e.g. claims: {dw-01: [0.6, 1.0]}"),
            )
            return {}
        found: dict[str, Range] = {}
        for claim_id, value in node.items.items():
            if self.ident(node.keys[claim_id], "claims") is None:
                continue
            expected = self.range(value, claim_id)
            if expected is not None:
                found[claim_id] = expected
        return found

    def range(self, node: YNode, key: str) -> Range | None:
        """`[low, high]`: two numbers in [0, 1], low <= high."""
        if not isinstance(node, YSeq):
            if isinstance(node, YScalar):
                message = _(
                    "'{key}' must be a range [low, high], not {value}", key=key, value=node.value
                )
                hint = _(
                    "{hint}; for one value write it twice, e.g. [0.7, 0.7]", hint=_(_RANGE_HINT)
                )
            else:
                message = _("'{key}' must be a range [low, high], not a mapping", key=key)
                hint = _(_RANGE_HINT)
            self.error("bad-range", message, node, hint)
            return None
        if len(node.items) != 2:
            self.error(
                "bad-range",
                _(
                    "'{key}' must be two numbers [low, high], not {count}",
                    key=key,
                    count=len(node.items),
                ),
                node,
                _(_RANGE_HINT),
            )
            return None
        ends = [self.range_end(item, key) for item in node.items]
        low, high = ends
        if low is None or high is None:
            return None
        if low > high:
            self.error(
                "bad-range",
                _("'{key}' goes from {low:g} down to {high:g}", key=key, low=low, high=high),
                node,
                _("write the low end first: [{high:g}, {low:g}]", high=high, low=low),
            )
            return None
        return Range(low, high, self.loc(node))

    def range_end(self, node: YNode, key: str) -> float | None:
        value = self.number(node, key, allow_text=False)
        if value is None:
            return None
        if not 0 <= value <= 1:
            message = _("'{key}': {value:g} is outside [0, 1]", key=key, value=value)
            self.error("bad-range", message, node, _(_RANGE_HINT))
            return None
        return float(value)

    def bottom_line(self, parent: YMap, sources: int) -> BottomLine | None:
        raw = parent.items.get("bottom_line")
        if raw is None or self._is_null(raw):
            return None
        mapping = self.mapping(raw, "bottom_line", BOTTOM_LINE_FIELDS, "text, value, quote")
        if mapping is None:
            return None
        text = self.string(mapping, "text")
        if text is None:
            self.error(
                "missing-text",
                _("bottom_line has no text"),
                mapping.keys.get("text", mapping),  # i18n: verbatim
                _("add `text:` with the author's conclusion"),
            )
        value = self.fraction(mapping, "value", N_("a bottom line's value (a probability)"))
        quotes = self.quotes(mapping, sources, "perspective")
        if len(quotes) > 1:
            self.error(
                "wrong-type",
                _("a bottom line has one quote"),
                mapping.items["quote"],  # i18n: verbatim
                _("keep the one passage that states the conclusion"),
            )
        if text is None:
            return None
        return BottomLine(text, value, quotes[0] if quotes else None)

    def translated_bottom_line(self, node: YMap) -> dict[str, str]:
        """`bottom_line: {text: ...}` inside a perspective's `i18n.LANG`."""
        raw = node.items.get("bottom_line")
        if raw is None or self._is_null(raw):
            return {}
        mapping = self.mapping(raw, "i18n bottom_line", BOTTOM_LINE_I18N_FIELDS, "text")
        if mapping is None:
            return {}
        text = self.string(mapping, "text")
        return {"text": text} if text is not None else {}
