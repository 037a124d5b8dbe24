"""The fields of a perspective file (or a reader's own weights file), checked against the
debate with located problems: credences, link impacts, the prior, the bottom line,
sources, expectations and translations.
"""

from __future__ import annotations

from agidebate.errors import Location, Problem
from agidebate.format import scalars
from agidebate.format.expect import ExpectReader
from agidebate.format.join import unknown_ids
from agidebate.format.nodes import YMap, YNode, YScalar, is_plain
from agidebate.format.schema import PERSPECTIVE_FIELDS, PERSPECTIVE_I18N_FIELDS
from agidebate.format.undercuts import missing_link_hint
from agidebate.i18n import N_, _
from agidebate.model import BottomLine, Debate, Perspective
from agidebate.suggest import id_hint, similar

_IMPACT = N_("an impact (how far a claim bears on its target, for this reader)")


class PerspectiveReader(ExpectReader):
    """Reads one weights or perspective file's root node into a `Perspective`."""

    def __init__(self, path: str, problems: list[Problem], source: str, debate: Debate) -> None:
        super().__init__(path, problems, source)
        self.debate = debate

    def perspective(self, root: YNode | None, name: str) -> Perspective:
        empty = Perspective(name, self.path, location=Location(self.path))
        if root is None:
            self.file_error(
                None, _("the file is empty"), _("write one `claim-id: weight` line per claim")
            )
            return empty
        if not isinstance(root, YMap):
            self.file_error(
                root,
                _("a weights file must be a mapping of claim ids to weights"),
                _("write one `claim-id: weight` line per claim, e.g. `dw-01: 0.3`"),
            )
            return empty
        if not any(key in PERSPECTIVE_FIELDS for key in root.items):
            return Perspective(name, self.path, self.weights(root), location=Location(self.path))
        return self.full(root, name)

    def file_error(self, node: YNode | None, message: str, hint: str | None = None) -> None:
        where = self.loc(node) if node is not None else Location(self.path)
        self.problems.append(Problem("weights-file", message, where, hint))

    def full(self, root: YMap, name: str) -> Perspective:
        for key, key_node in root.keys.items():
            if key not in PERSPECTIVE_FIELDS:
                self.unknown(key, key_node)
        sources = self.sources(root)
        bottom_line = self.bottom_line(root, len(sources))
        expect = self.expect(root)
        if expect is not None:
            self.problems.extend(unknown_ids(self.debate, expect.claims))
        i18n, bottom_i18n = self.translations(root)
        if bottom_line is not None and bottom_i18n:
            bottom_line = BottomLine(
                bottom_line.text, bottom_line.value, bottom_line.quote, bottom_i18n
            )
        elif bottom_i18n and "bottom_line" not in root.items:
            self.error(
                "no-bottom-line",
                _("i18n translates a bottom_line, but the perspective has none"),
                root.items["i18n"],  # i18n: verbatim
                _("add `bottom_line: {text: ...}`, or remove the translation"),
            )
        return Perspective(
            name,
            self.path,
            self.credence(root),
            title=self.string(root, "title"),
            summary=self.string(root, "summary"),
            by=self.string(root, "by"),
            impact=self.impacts(root),
            prior=self.fraction(root, "prior", N_("a prior (the thesis's base weight)")),
            bottom_line=bottom_line,
            expect=expect,
            sources=sources,
            i18n=i18n,
            location=Location(self.path),
        )

    def unknown(self, key: str, node: YScalar) -> None:
        if key in self.debate.claims:
            hint = _("put credences under `credence:` (credence: {{{key}: ...}})", key=key)
        else:
            close = self.closest(key)
            hint = (
                _("did you mean '{name}'?", name=close)
                if close
                else _("allowed fields: {fields}", fields=", ".join(PERSPECTIVE_FIELDS))
            )
        self.file_error(node, _("unknown field '{key}' in a perspective", key=key), hint)

    @staticmethod
    def closest(key: str) -> str | None:
        close = similar(key, PERSPECTIVE_FIELDS, n=1)
        return close[0] if close else None

    def credence(self, root: YMap) -> dict[str, float]:
        found: dict[str, float] = {}
        given = [k for k in ("credence", "weights") if k in root.items]
        if len(given) == 2:
            self.file_error(
                root.keys["weights"],  # i18n: verbatim
                _(
                    "a perspective gives either 'credence' or 'weights' (its earlier name), "
                    "not both"
                ),
                _("merge the two mappings under `credence:`"),
            )
        for key in given:
            node = root.items[key]
            if isinstance(node, YMap):
                found.update(self.weights(node))
            elif not self._is_null(node):
                self.file_error(
                    node, _("'{key}' must be a mapping of claim ids to weights", key=key)
                )
        return found

    def weights(self, node: YMap) -> dict[str, float]:
        found: dict[str, float] = {}
        for claim_id, value in node.items.items():
            if claim_id not in self.debate.claims:
                hint = id_hint(self.debate, claim_id)
                self.file_error(
                    node.keys[claim_id],
                    _("no claim with id '{id}' in this debate", id=claim_id),
                    hint,
                )
                continue
            weight = self.weight_value(claim_id, value)
            if weight is not None:
                found[claim_id] = weight
        return found

    def weight_value(self, claim_id: str, node: YNode) -> float | None:
        hint = _("write a plain number between 0 and 1, e.g. {id}: 0.7", id=claim_id)
        if not isinstance(node, YScalar) or not is_plain(node):
            message = (
                _("the weight of '{id}' must be a number, not text", id=claim_id)
                if isinstance(node, YScalar)
                else _("the weight of '{id}' must be a number, not a list or mapping", id=claim_id)
            )
            self.file_error(node, message, hint)
            return None
        value = scalars.parse_number(node.value)
        if value is None:
            why = (
                _("it is empty")
                if scalars.is_null(node.value)
                else scalars.number_surprise(node.value)
                or scalars.text_surprise(node.value)
                or _("{value!r} is not a number", value=node.value)
            )
            message = _("the weight of '{id}' must be a number; {why}", id=claim_id, why=why)
            self.file_error(node, message, hint)
            return None
        if not 0 <= value <= 1:
            self.file_error(
                node,
                _("the weight of '{id}' is {value}, outside [0, 1]", id=claim_id, value=node.value),
                hint,
            )
            return None
        return float(value)

    def impacts(self, root: YMap) -> dict[tuple[str, str], float]:
        """`impact:` FROM: {TO: value}, each naming a support or attack of the debate."""
        raw = root.items.get("impact")
        if raw is None or self._is_null(raw):
            return {}
        if not isinstance(raw, YMap):
            self.error(
                "wrong-type",
                _("'impact' must map claim ids to their links"),
                raw,
                _("e.g. impact: {se-01: {thesis: 0.3}}"),
            )
            return {}
        found: dict[tuple[str, str], float] = {}
        for source, targets in raw.items.items():
            if not self.known(source, raw.keys[source]):
                continue
            if not isinstance(targets, YMap):
                first = next((e.target for e in self.debate.targets(source)), "ID")
                self.error(
                    "wrong-type",
                    _(
                        "the impact of '{id}' must map the ids it supports or attacks to values",
                        id=source,
                    ),
                    targets,
                    _("e.g. {id}: {{{first}: 0.5}}", id=source, first=first),
                )
                continue
            for target in targets.items:
                if self.known(target, targets.keys[target]) and self.is_link(
                    source, target, targets.keys[target]
                ):
                    impact = self.fraction(targets, target, _IMPACT, "impact")
                    if impact is not None:
                        found[(source, target)] = impact
        return found

    def known(self, claim_id: str, node: YScalar) -> bool:
        if claim_id in self.debate.claims:
            return True
        self.error(
            "unknown-id",
            _("no claim with id '{id}' in this debate", id=claim_id),
            node,
            id_hint(self.debate, claim_id),
        )
        return False

    def is_link(self, source: str, target: str, node: YScalar) -> bool:
        if self.debate.link(source, target) is not None:
            return True
        links = [e.target for e in self.debate.targets(source) if e.cut_link is None]
        swapped = _("write {target}: {{{source}: ...}}", target=target, source=source)
        hint = missing_link_hint((source, target), self.debate.link(target, source), links, swapped)
        message = _(
            "impact for the link '{source}' -> '{target}', but '{source}' neither supports "
            "nor attacks '{target}'",
            source=source,
            target=target,
        )
        self.error("unknown-link", message, node, hint)
        return False

    def translations(
        self, root: YMap
    ) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
        """`i18n:` of a perspective: title and summary, and the bottom line's text apart."""
        raw = root.items.get("i18n")
        if raw is None or self._is_null(raw):
            return {}, {}
        if not isinstance(raw, YMap):
            self.error(
                "wrong-type",
                _("'i18n' must be a mapping of language codes"),
                raw,
                _("e.g. i18n: {zh: {title: ..., bottom_line: {text: ...}}}"),
            )
            return {}, {}
        own: dict[str, dict[str, str]] = {}
        bottom: dict[str, dict[str, str]] = {}
        for lang, value in raw.items.items():
            if not self.language(lang, raw.keys[lang]):
                continue
            mapping = self.mapping(
                value, f"i18n.{lang}", PERSPECTIVE_I18N_FIELDS, "title, summary, bottom_line"
            )
            if mapping is None:
                continue
            found = {k: v for k in ("title", "summary") if (v := self.string(mapping, k))}
            if found:
                own[lang] = found
            text = self.translated_bottom_line(mapping)
            if text:
                bottom[lang] = text
        return own, bottom
