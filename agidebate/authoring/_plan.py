"""The insertion planner: where the new claim goes in a file, and the exact text to insert.

Everything the user wrote stays byte for byte; the plan only inserts text:

- a block list (`con:` then `- id: ...` lines): a new item after the last one,
  with the same dash column and item indentation, and a blank line before it
  when the items are separated by blank lines;
- a flow list (`con: [...]`): `, {id: ..., text: ...}` after the last item (on
  its own line when the items are on separate lines);
- no list yet: `con:` and the new item after the claim's last field;
- `con:` with nothing after it: the new item on the next line.

The one exception is an empty `[]` written as a block mapping's value on the
key's own line (`con: []`, the template `agidebate new` writes): YAML cannot
continue `[]` with block lines, so the `[]` is removed and the list is written
in block style below the key.

Comment lines after the last item that are indented at least as far as the
items belong to it, and the new item goes after them; blank lines and comments
further left stay after the new item. New lines use the file's line ending
(CRLF or LF), and a file without a final newline keeps having none.

When the file's shape leaves no safe place (an anchored claim, `con: ~`, a lone
CR line ending), the planner refuses with `UnsafeEdit`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from agidebate.errors import OperationError
from agidebate.format.emit import Field, Layout, block_item, flow_item
from agidebate.format.spans import Span, read_spans

_SUGGEST_FILE = "use --file FILE to put the new claim in another file, pointing at the target"


class UnsafeEdit(OperationError):
    """The file's shape leaves no place to insert the claim safely."""

    def __init__(self, message: str, hint: str | None = _SUGGEST_FILE) -> None:
        super().__init__(message, hint)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with `text` (an insertion when start == end)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Plan:
    """The edits to one file; the last one inserts the claim."""

    edits: tuple[Edit, ...]

    def apply(self, text: str) -> tuple[str, int, int]:
        """The new text, and where the inserted claim starts and ends in it."""
        out: list[str] = []
        done = 0
        start = end = 0
        for edit in self.edits:
            out.append(text[done : edit.start])
            start = sum(len(part) for part in out)
            out.append(edit.text)
            end = start + len(edit.text)
            done = edit.end
        out.append(text[done:])
        return "".join(out), start, end


# -- text positions ---------------------------------------------------------------


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _column(text: str, index: int) -> int:
    return index - _line_start(text, index)


def _next_line(text: str, end: int) -> int:
    """The start of the line after the one holding text[end - 1] (len(text) at the end)."""
    if end > 0 and text[end - 1] == "\n":
        return end
    newline = text.find("\n", end)
    return len(text) if newline < 0 else newline + 1


def _insertion_point(text: str, end: int, min_col: int) -> int:
    """After the content ending at `end` and the comment lines indented >= min_col after it."""
    pos = last = _next_line(text, end)
    while pos < len(text):
        following = _next_line(text, pos + 1)
        line = text[pos:following]
        body = line.strip()
        if body.startswith("#") and len(line) - len(line.lstrip(" ")) >= min_col:
            pos = last = following
        elif not body:
            pos = following
        else:
            break
    return last


def newline_of(text: str) -> str:
    """The file's line ending: CRLF when most lines end so, else LF."""
    crlf = text.count("\r\n")
    if "\r" in text.replace("\r\n", ""):
        raise UnsafeEdit(
            "the file has a line ending agidebate does not edit (a lone CR, old Mac style)",
            "save it with LF or CRLF line endings, or use --file FILE",
        )
    return "\r\n" if crlf * 2 > text.count("\n") else "\n"


def _insert_lines(text: str, at: int, lines: list[str], newline: str, blank: bool) -> Edit:
    body = newline.join(lines)
    if blank:
        body = newline + body
    if at == len(text) and text and not text.endswith("\n"):
        return Edit(at, at, newline + body)  # the file had no final newline; keep it so
    return Edit(at, at, body + newline)


# -- layout -----------------------------------------------------------------------


def _walk(root: Span) -> Iterator[Span]:
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(node.keys)
        stack.extend(node.items)


def _item_offset(text: str, seq: Span) -> int | None:
    """How far an item's content sits right of its dash in this block list, if it shows."""
    dash = _column(text, seq.start)
    for item in reversed(seq.items):
        before = text[_line_start(text, item.start) : item.start]
        if item.kind == "map" and not item.flow and before.strip() == "-":
            return _column(text, item.start) - dash
    return None


def learn_layout(text: str, root: Span | None) -> Layout:
    """The indentation the file uses most for block lists, defaulting to 2 and 2."""
    indents: Counter[int] = Counter()
    offsets: Counter[int] = Counter()
    for node in _walk(root) if root is not None else ():
        if node.kind == "map" and not node.flow:
            for key, value in zip(node.keys, node.items, strict=True):
                if value.kind == "seq" and not value.flow:
                    indents[_column(text, value.start) - _column(text, key.start)] += 1
        if node.kind == "seq" and not node.flow:
            offset = _item_offset(text, node)
            if offset is not None:
                offsets[offset] += 1
    default = Layout()
    return Layout(
        seq_indent=indents.most_common(1)[0][0] if indents else default.seq_indent,
        item_offset=offsets.most_common(1)[0][0] if offsets else default.item_offset,
    )


# -- finding the target claim -----------------------------------------------------


def _claim_maps(root: Span, is_debate_file: bool) -> Iterator[tuple[Span, str | None]]:
    """Every claim mapping in the file with its id (the thesis's id defaults to `thesis`)."""
    stack: list[tuple[Span, str | None]] = []
    if root.kind == "map":
        pair = root.get("thesis" if is_debate_file else "claims")
        if pair is not None and pair[1].kind == "map":
            stack.append((pair[1], "thesis"))
        elif pair is not None and pair[1].kind == "seq":
            stack.extend((item, None) for item in reversed(pair[1].items))
    while stack:
        node, default = stack.pop()
        if node.kind != "map":
            continue
        yield node, node.scalar("id") or default
        for key in ("con", "pro"):
            pair = node.get(key)
            if pair is not None and pair[1].kind == "seq":
                stack.extend((item, None) for item in reversed(pair[1].items))


def _find_claim(root: Span | None, claim_id: str, is_debate_file: bool) -> Span:
    found = (
        [node for node, found_id in _claim_maps(root, is_debate_file) if found_id == claim_id]
        if root is not None
        else []
    )
    if len(found) != 1:
        raise UnsafeEdit(
            f"cannot find where claim '{claim_id}' is written in this file"
            + (" (it appears more than once)" if found else "")
        )
    return found[0]


# -- plans ------------------------------------------------------------------------


def plan_nested(
    text: str, claim_id: str, key: str, fields: list[Field], is_debate_file: bool
) -> Plan:
    """Insert the claim under `key` (`con` or `pro`) of claim `claim_id` in this file."""
    root = read_spans(text)
    owner = _find_claim(root, claim_id, is_debate_file)
    return _Planner(text, root).into_list(owner, key, fields, f"claim '{claim_id}'")


def plan_top_level(text: str, fields: list[Field]) -> Plan:
    """Append the claim to the file's `claims:` list (creating the list when missing)."""
    root = read_spans(text)
    planner = _Planner(text, root)
    if root is None:
        lines = ["claims:", *block_item(fields, planner.layout.seq_indent, planner.layout)]
        return Plan((_insert_lines(text, len(text), lines, planner.newline, blank=False),))
    if root.kind != "map":
        raise UnsafeEdit("the file is not a mapping with `claims:`", None)
    return planner.into_list(root, "claims", fields, "the file")


class _Planner:
    def __init__(self, text: str, root: Span | None) -> None:
        self.text = text
        self.newline = newline_of(text)
        self.layout = learn_layout(text, root)

    def into_list(self, owner: Span, key: str, fields: list[Field], what: str) -> Plan:
        if owner.anchored():
            raise UnsafeEdit(f"{what} is inside a YAML anchor (&name) that may be reused elsewhere")
        pair = owner.get(key)
        if pair is None:
            return self._new_key(owner, key, fields)
        key_span, value = pair
        if value.kind == "seq" and not value.flow:
            return self._append_block(value, fields)
        if value.kind == "seq" and not value.items and self._alone_on_key_line(key_span, value):
            return self._replace_empty(key_span, value, fields)
        if value.kind == "seq":
            return self._append_flow(value, fields)
        if value.is_empty_scalar and not owner.flow:
            return self._list_after_key(key_span, value.end, fields, ())
        raise UnsafeEdit(
            f"`{key}:` of {what} is not a list agidebate can add to",
            f"write `{key}:` with nothing after it, or `{key}: []`; or use --file FILE",
        )

    def _append_block(self, seq: Span, fields: list[Field]) -> Plan:
        dash = _column(self.text, seq.start)
        offset = _item_offset(self.text, seq) or self.layout.item_offset
        layout = Layout(self.layout.seq_indent, offset)
        at = _insertion_point(self.text, seq.end, dash)
        lines = block_item(fields, dash, layout)
        return Plan((_insert_lines(self.text, at, lines, self.newline, self._spaced(seq)),))

    def _spaced(self, seq: Span) -> bool:
        """True when the list's items are separated by blank lines."""
        for before, after in zip(seq.items, seq.items[1:], strict=False):
            gap = self.text[_next_line(self.text, before.end) : _line_start(self.text, after.start)]
            if any(not line.strip() for line in gap.splitlines()):
                return True
        return False

    def _new_key(self, owner: Span, key: str, fields: list[Field]) -> Plan:
        if owner.flow:
            if not owner.items:
                raise UnsafeEdit("an empty flow mapping `{}` cannot hold a claim list", None)
            addition = f", {key}: [{flow_item(fields)}]"
            return Plan((Edit(owner.items[-1].end, owner.items[-1].end, addition),))
        col = _column(self.text, owner.start)
        at = _insertion_point(self.text, owner.end, col)
        dash = col + self.layout.seq_indent
        lines = [" " * col + key + ":", *block_item(fields, dash, self.layout)]
        return Plan((_insert_lines(self.text, at, lines, self.newline, blank=False),))

    def _alone_on_key_line(self, key_span: Span, value: Span) -> bool:
        """`key: []` (maybe with a comment after) in a block mapping."""
        text = self.text
        if key_span.parent is None or key_span.parent.flow:
            return False
        line_end = _next_line(text, value.end)
        rest = text[value.end : line_end].strip()
        same_line = _line_start(text, key_span.start) == _line_start(text, value.start)
        return same_line and "\n" not in text[value.start : value.end] and rest[:1] in ("", "#")

    def _replace_empty(self, key_span: Span, value: Span, fields: list[Field]) -> Plan:
        start = value.start
        rest = self.text[value.end : _next_line(self.text, value.end)].strip()
        if not rest:  # nothing after `[]`: drop the space before it too
            while start > key_span.end and self.text[start - 1] in " \t":
                start -= 1
        removal = Edit(start, value.end, "")
        return self._list_after_key(key_span, value.end, fields, (removal,))

    def _list_after_key(
        self, key_span: Span, end: int, fields: list[Field], before: tuple[Edit, ...]
    ) -> Plan:
        dash = _column(self.text, key_span.start) + self.layout.seq_indent
        at = _next_line(self.text, end)
        lines = block_item(fields, dash, self.layout)
        return Plan((*before, _insert_lines(self.text, at, lines, self.newline, blank=False)))

    def _append_flow(self, seq: Span, fields: list[Field]) -> Plan:
        item = flow_item(fields)
        if not seq.items:
            return Plan((Edit(seq.start + 1, seq.start + 1, item),))
        last = seq.items[-1]
        previous = seq.items[-2].start if len(seq.items) > 1 else seq.start
        if _line_start(self.text, last.start) != _line_start(self.text, previous):
            item = "," + self.newline + " " * _column(self.text, last.start) + item
        else:
            item = ", " + item
        return Plan((Edit(last.end, last.end, item),))
