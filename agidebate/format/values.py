"""Reading one field's value from positioned nodes: text, ids, numbers, weights,
fractions, booleans, lists of strings and translations, each with its own located
problems.

`ValueReader` is the base of every reader of a file's fields (`format.fields` for
argument files, `format.perspectives` for perspective files); it knows the YAML 1.1
surprises of `agidebate.format.scalars` and reports into a list of problems.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from agidebate.errors import Location, Problem, Severity
from agidebate.format import scalars
from agidebate.format.nodes import YMap, YNode, YScalar, YSeq, anchor, is_plain
from agidebate.format.schema import ID_RE, LANG_RE
from agidebate.i18n import _
from agidebate.model import DEFAULT_WEIGHT
from agidebate.suggest import similar

# Fields holding prose, where YAML's comment and anchor syntax can swallow text.
_PROSE = frozenset({"text", "title", "summary", "by"})
_COMMENT_AFTER = re.compile(r"[ \t]+#")
_BOOLEANS = frozenset({"true", "True", "TRUE", "false", "False", "FALSE"})


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
    """Reads field values of one file (`path`), reporting into `problems`; `source` is the
    file's text (to see what YAML dropped from an unquoted text)."""

    def __init__(self, path: str, problems: list[Problem], source: str = "") -> None:
        self.path = path
        self.problems = problems
        self.raw = source
        self.checked_prose: set[int] = set()  # ids of scalars checked (an alias repeats one)

    def loc(self, node: YNode) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)

    def error(self, code: str, message: str, node: YNode, hint: str | None = None) -> None:
        self.problems.append(Problem(code, message, self.loc(node), hint))

    def warn(self, code: str, message: str, node: YNode, hint: str | None = None) -> None:
        self.problems.append(Problem(code, message, self.loc(node), hint, Severity.WARNING))

    @staticmethod
    def _is_null(node: YNode) -> bool:
        return isinstance(node, YScalar) and is_plain(node) and scalars.is_null(node.value)

    def mapping(
        self,
        node: YNode,
        what: str,
        allowed: Mapping[str, str],
        summary: str,
        misplaced: Mapping[str, str] | None = None,
    ) -> YMap | None:
        """`node` as a mapping whose keys are among `allowed` (unknown keys are reported,
        with the hint `misplaced` gives for a field people reach for by mistake)."""
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
                self.unknown_field(key, key_node, what, list(allowed), misplaced or {})
        return node

    def unknown_field(
        self,
        key: str,
        node: YScalar,
        what: str,
        allowed: list[str],
        misplaced: Mapping[str, str],
    ) -> None:
        close = _suggest(key, allowed)
        if key in misplaced:
            hint = misplaced[key]
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
        if is_plain(node):
            kind = scalars.yaml11_tag(node.value)
            if kind == "null":
                return None
            surprise = scalars.text_surprise(node.value, kind) if kind != "str" else None
            if surprise:
                self.error(
                    "yaml11-surprise",
                    f"'{key}': {surprise}",
                    node,
                    f'quote it to keep it as text: {key}: "{node.value}"',
                )
            if key in _PROSE:
                self.swallowed(node, key)
        return node.value

    def swallowed(self, node: YScalar, key: str) -> None:
        """Warn where YAML silently drops part of an unquoted text (a comment, an anchor)."""
        if id(node) in self.checked_prose:
            return
        self.checked_prose.add(id(node))
        start = node.start_mark.index
        # Properties (`&anchor`, `!tag`) come first: most texts start with neither.
        name = anchor(self.raw, node) if self.raw[start : start + 1] in ("&", "!") else None
        if name is not None:
            self.warn(
                "swallowed-text",
                _(
                    "'{key}' starts with &{anchor}, which YAML reads as an anchor and drops",
                    key=key,
                    anchor=name,
                ),
                node,
                _('quote the text if "&{anchor}" is part of it', anchor=name),
            )
        end = node.end_mark.index
        if _COMMENT_AFTER.match(self.raw, end):
            rest = self.raw[end:].split("\n", 1)[0].strip()
            self.warn(
                "swallowed-text",
                _(
                    "'{key}' is followed by {rest!r}, which YAML reads as a comment and drops",
                    key=key,
                    rest=rest,
                ),
                node,
                _("quote the whole text if {rest!r} is part of it", rest=rest),
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
                f"weight {raw.value if isinstance(raw, YScalar) else value} is outside [0, 1]",
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
        if is_plain(node) and scalars.is_null(node.value):
            self.error("wrong-type", f"'{key}' is empty", node, f"write a number, e.g. {key}: 0.5")
            return None
        if not is_plain(node):
            if not allow_text:
                self.error(
                    "wrong-type",
                    f"'{key}' must be a number, not the text {node.value!r}",
                    node,
                    f"remove the quotes: {key}: {node.value}",
                )
            return None
        value = scalars.parse_number(node.value)
        if value is not None:
            return value
        surprise = scalars.number_surprise(node.value) or scalars.text_surprise(node.value)
        if surprise or not allow_text:
            self.error(
                "not-a-number",
                f"'{key}' must be a number; {surprise or repr(node.value) + ' is not one'}",
                node,
                "write a plain decimal number such as 0.7"
                if not allow_text
                else f'write a plain number, or quote it to keep it as text: "{node.value}"',
            )
        return None

    def boolean(self, parent: YMap, key: str) -> bool:
        """`true` or `false` (default false); anything else is reported."""
        node = parent.items.get(key)
        if node is None or self._is_null(node):
            return False
        if isinstance(node, YScalar) and is_plain(node) and node.value in _BOOLEANS:
            return node.value.lower() == "true"  # what YAML 1.1 and 1.2 both read as a boolean
        if (
            isinstance(node, YScalar)
            and is_plain(node)
            and scalars.yaml11_tag(node.value) == "bool"
        ):
            why = _(
                "YAML 1.2 tools read an unquoted {value} as text, not a boolean", value=node.value
            )
        elif isinstance(node, YScalar):
            why = (
                _("not {value!r}", value=node.value)
                if is_plain(node)
                else _("not the text {value!r}", value=node.value)
            )
        else:
            why = _("not a list or mapping")
        hint = _("write {key}: true", key=key)
        self.error(
            "wrong-type", _("'{key}' must be true or false, {why}", key=key, why=why), node, hint
        )
        return False

    def fraction(self, parent: YMap, key: str, what: str, field: str | None = None) -> float | None:
        """A number in [0, 1] (None when absent or reported); `what` says what it means,
        `field` names it in messages and the problem's code (default: `key`)."""
        node = parent.items.get(key)
        if node is None:
            return None
        name = field or key
        value = self.number(node, name, allow_text=False)
        if value is None:
            return None
        if not 0 <= value <= 1:
            shown = node.value if isinstance(node, YScalar) else value
            self.error(
                f"{name.replace('_', '-')}-range",  # i18n: verbatim
                _("{key} {value} is outside [0, 1]", key=name, value=shown),
                node,
                _("{what} is a number between 0 and 1", what=_(what)),
            )
            return None
        return float(value)

    def strings(self, parent: YMap, key: str) -> tuple[str, ...]:
        """A list of non-empty strings (`tags:`)."""
        raw = parent.items.get(key)
        if raw is None:
            return ()
        result: list[str] = []
        for item in self.sequence(raw, key):
            text = self.scalar_text(item, key)
            if text is not None and text.strip():
                result.append(text)
        return tuple(result)

    def i18n(
        self, node: YMap, fields: Mapping[str, str], key: str = "i18n"
    ) -> dict[str, dict[str, str]]:
        """Translations by language code, each a mapping of `fields` to text."""
        raw = node.items.get(key)
        if raw is None or self._is_null(raw):
            return {}
        if not isinstance(raw, YMap):
            example = next(iter(fields))
            self.error(
                "wrong-type",
                _("'i18n' must be a mapping of language codes"),
                raw,
                _("e.g. i18n: {{zh: {{{field}: ...}}}}", field=example),
            )
            return {}
        result: dict[str, dict[str, str]] = {}
        for lang, value in raw.items.items():
            if not self.language(lang, raw.keys[lang]):
                continue
            mapping = self.mapping(value, f"i18n.{lang}", fields, " and ".join(fields))
            if mapping is None:
                continue
            found = {k: v for k in fields if (v := self.string(mapping, k)) is not None}
            if found:
                result[lang] = found
        return result

    def language(self, lang: str, node: YScalar) -> bool:
        """Whether `lang` is a language code (else it is reported)."""
        if LANG_RE.match(lang):
            return True
        self.error(
            "bad-language",
            f"{lang!r} is not a language code",
            node,
            "use a code such as zh, en, de or pt-BR",
        )
        return False
