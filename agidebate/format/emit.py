"""The one YAML emitter: values, claims and flow mappings as argument-file text.

`quote(text)` writes any text as a double-quoted scalar that reads back exactly
(the importers write every string this way, so no text can be read as YAML
syntax, a YAML 1.1 boolean or a date). For a claim added to a hand-written file
(`agidebate add`), PyYAML's emitter first chooses a natural style (plain, or a
`|`/`>` block for long and multi-line text) at the indentation the file already
uses: block style for block lists, flow style for flow lists. Every such value is
read back with the loader's own reader, and kept only if it means exactly what
was given (the same text, and no YAML 1.1 surprise such as an unquoted `no`);
otherwise it is written with `quote`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from agidebate.errors import OperationError
from agidebate.format import nodes, scalars

WRAP_AT = 88
_INFINITE = 1_000_000
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def quote(text: str) -> str:
    """`text` as a double-quoted YAML scalar; everything that is not printable is escaped.

    >>> print(quote('say "no"\\n\\u2028'))
    "say \\"no\\"\\n\\u2028"
    """
    out = ['"']
    for char in text:
        code = ord(char)
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")  # a lone surrogate is not a character
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif char in "\u2028\u2029\ufeff\ufffe\uffff":
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def number(value: int | float) -> str:
    """A number as YAML reads it back: floats by `repr`, so no digit is lost."""
    return repr(value) if isinstance(value, float) else str(value)


def scalar(value: bool | int | float | str) -> str:
    """A number as written, a boolean as `true`/`false`, text double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return quote(value) if isinstance(value, str) else number(value)


FlowValue = bool | int | float | str | Mapping[str, "FlowValue"] | None


def flow_mapping(fields: Iterable[tuple[str, FlowValue]]) -> str:
    """`{key: value, ...}` of the fields that have a value (an empty mapping has none),
    every text double-quoted, a mapping value as a nested flow mapping.

    >>> flow_mapping([("id", "a"), ("impact", 0.5), ("editorial", True), ("note", None)])
    '{id: "a", impact: 0.5, editorial: true}'
    >>> flow_mapping([("note", "n"), ("i18n", {"zh": {"note": "注"}}), ("x", {})])
    '{note: "n", i18n: {"zh": {"note": "注"}}}'
    """
    parts = [f"{key}: {_flow(value)}" for key, value in fields if value is not None and value != {}]
    return "{" + ", ".join(parts) + "}"


def _flow(value: FlowValue) -> str:
    if isinstance(value, Mapping):
        inner = ", ".join(f"{quote(k)}: {_flow(v)}" for k, v in value.items() if v is not None)
        return "{" + inner + "}"
    assert value is not None
    return scalar(value)


@dataclass(frozen=True, slots=True)
class Field:
    """One field of the new claim, in the order it is written.

    `verbatim` marks a value written exactly as given: a number already checked
    to be plain (the weight, as typed), or a flow mapping built by `flow_mapping`.
    """

    key: str
    value: str | tuple[str, ...]
    verbatim: bool = False


@dataclass(frozen=True, slots=True)
class Layout:
    """How a file indents block lists: learned from the file, so new lines look like old ones.

    `seq_indent`: a list's dash column minus its key's column (0 for `key:\\n- x`).
    `item_offset`: an item's content column minus its dash column (2 for `- id: x`).
    """

    seq_indent: int = 2
    item_offset: int = 2


class _Dumper(yaml.SafeDumper):
    """Writes long text as a folded `>` block and multi-line text as a literal `|` block."""

    def represent_str(self, data: str) -> Any:
        # A value ending in a line break would need `|+`, whose kept blank lines run
        # into whatever follows the claim: leave such values to the quoted styles.
        style = None
        if "\n" in data and not data.endswith("\n"):
            style = "|"
        elif len(data) > self.best_width - 10 and not data.endswith("\n"):
            style = ">"
        return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _Dumper.represent_str)


def _dump(data: Any, width: int, flow: bool) -> str:
    return yaml.dump(
        data,
        Dumper=yaml.SafeDumper if flow else _Dumper,
        default_flow_style=flow,
        allow_unicode=True,
        sort_keys=False,
        width=width,
        indent=2,
    )


def _block_scalar(value: str, width: int, quoted: bool) -> list[str]:
    """`value` as written after `key: `; further lines are indented relative to the key."""
    if quoted:
        return [quote(value)]
    out = _dump({"k": value}, width, flow=False)
    lines = out.rstrip("\n").split("\n")
    return [lines[0].removeprefix("k: "), *lines[1:]]


def _self_contained(lines: list[str]) -> bool:
    """False when the value ends the YAML document (`...`): it cannot sit inside a claim."""
    return all(line.rstrip() != "..." for line in lines)


def _flow_scalar(value: str, quoted: bool) -> str:
    if quoted:
        return quote(value)
    out = _dump([value], _INFINITE, flow=True).strip()
    return out[1:-1]


def _reads_back(node: nodes.YNode | None, value: str) -> bool:
    if not isinstance(node, nodes.YScalar) or node.value != value:
        return False
    if not nodes.is_plain(node):
        return True
    return not scalars.is_null(value) and scalars.text_surprise(value) is None


def _check(snippet: str, value: str, flow: bool) -> bool:
    result = nodes.read(snippet, "<new claim>")
    root = result.root
    if flow:
        node = root.items[0] if isinstance(root, nodes.YSeq) and root.items else None
    else:
        node = root.items.get("k") if isinstance(root, nodes.YMap) else None
    return not result.problems and _reads_back(node, value)


def block_value(value: str, width: int, verbatim: bool = False) -> list[str]:
    """The lines of one value in block context (first line goes after `key: ` or `- `)."""
    if verbatim:
        return [value]
    for quoted in (False, True):
        lines = _block_scalar(value, width, quoted)
        snippet = "k: " + "\n".join(lines) + "\nnext: field\n"
        if _self_contained(lines) and _check(snippet, value, flow=False):
            return lines
    raise OperationError(f"cannot write {value!r} as YAML that reads back the same")


def flow_value(value: str, verbatim: bool = False) -> str:
    """One value in flow context (inside `[...]` or `{...}`)."""
    if verbatim:
        return value
    for quoted in (False, True):
        text = _flow_scalar(value, quoted)
        if _check("[" + text + "]\n", value, flow=True):
            return text
    raise OperationError(f"cannot write {value!r} as YAML that reads back the same")


def block_item(fields: list[Field], dash_col: int, layout: Layout) -> list[str]:
    """The claim as a block list item whose dash is at `dash_col` (lines without newlines)."""
    offset = max(2, layout.item_offset)
    col = dash_col + offset
    width = max(40, WRAP_AT - col)
    out: list[str] = []
    for field in fields:
        out.extend(" " * col + line if line else "" for line in _field_lines(field, width, layout))
    out[0] = " " * dash_col + "-" + " " * (offset - 1) + out[0][col:]
    return out


def _field_lines(field: Field, width: int, layout: Layout) -> list[str]:
    if isinstance(field.value, str):
        first, *rest = block_value(field.value, width, field.verbatim)
        return [f"{field.key}: {first}", *rest]
    lines = [f"{field.key}:"]
    dash = " " * layout.seq_indent + "-" + " " * (max(2, layout.item_offset) - 1)
    for item in field.value:
        first, *rest = block_value(item, width - layout.seq_indent - 2)
        lines.append(dash + first)
        lines.extend(" " * layout.seq_indent + line if line else "" for line in rest)
    return lines


def flow_item(fields: list[Field]) -> str:
    """The claim as one flow mapping: `{id: x, text: ..., attacks: y}`."""
    parts = []
    for field in fields:
        if isinstance(field.value, str):
            parts.append(f"{field.key}: {flow_value(field.value, field.verbatim)}")
        else:
            parts.append(f"{field.key}: [" + ", ".join(flow_value(v) for v in field.value) + "]")
    return "{" + ", ".join(parts) + "}"
