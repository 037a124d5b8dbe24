"""Taking pieces out of a YAML file's text: a list item, a mapping's entry, and what
follows when nothing is left in a list or mapping (`remove`).

Each piece is cut as whole lines in block style (from the line of its `-` or key to
the end of its last line, with the comment on that line) and with its comma in flow
style (`[a, b]` -> `[b]`). A list or mapping left empty is written as `[]` or `{}`
where the format needs it to stay (`claims:`, `credence:`, `impact:`, `expect:`
claims, a weights file), and loses its key everywhere else (`con:`, `attacks:`,
`undercuts:`, a claim's entry under `impact:`). Everything else stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agidebate.authoring._edits import FileText
from agidebate.authoring._plan import Edit, UnsafeEdit
from agidebate.format.spans import Span
from agidebate.i18n import _

# Keys whose list or mapping stays, written empty, when nothing is left in it.
KEPT_EMPTY = frozenset({"claims", "credence", "weights", "impact"})


@dataclass
class Cutter:
    """Collects the pieces to take out of one file, then makes the edits."""

    file: FileText
    pieces: set[int] = field(default_factory=set)  # id() of each entry span to cut
    spans: dict[int, Span] = field(default_factory=dict)

    def cut(self, entry: Span) -> None:
        """Take out `entry`: a list item, a mapping's key, or a mapping's value (its key
        and value go)."""
        self.pieces.add(id(entry))
        self.spans[id(entry)] = entry

    def edits(self) -> list[Edit]:
        """The edits. A container the cuts empty is written empty where it must stay,
        else its key goes too (which may empty the mapping that holds it, and so on)."""
        cuts: dict[int, tuple[Span, dict[int, Span]]] = {}
        for entry in self.spans.values():
            container, unit = _unit(entry)
            cuts.setdefault(id(container), (container, {}))[1][id(unit)] = unit
        emptied: dict[int, Span] = {}
        changed = True
        while changed:
            changed = False
            for container, units in list(cuts.values()):
                if id(container) in emptied or len(units) < len(_units(container)):
                    continue
                emptied[id(container)] = container
                key = _key_of(container)
                if _dropped_with_key(container, key):
                    assert key is not None and container.parent is not None
                    owner = container.parent
                    cuts.setdefault(id(owner), (owner, {}))[1][id(key)] = key
                    changed = True
        edits: list[Edit] = []
        for container, units in cuts.values():
            inside_emptied = _within(container, emptied)
            if inside_emptied:
                continue
            if id(container) in emptied:
                if not _dropped_with_key(container, _key_of(container)):
                    edits.append(self._empty(container))
                continue
            edits += [self._take(container, unit) for unit in units.values()]
        return edits

    # -- one piece ------------------------------------------------------------------------

    def _take(self, container: Span, unit: Span) -> Edit:
        if container.flow:
            return self._take_flow(container, unit)
        lead = _lead(self.file, container, unit)
        start = self.file.line_start(lead)
        if self.file.text[start:lead].strip():  # `- attacks: x`: the key shares the dash
            raise UnsafeEdit(
                _(
                    "'{path}', line {line}: the entry to take out shares its line with the "
                    "list item's dash; nothing was written",
                    path=self.file.path,
                    line=self.file.line_of(lead),
                ),
                _("move `id:` first in that claim, or edit the file by hand"),
            )
        return Edit(start, self._line_end(_last(container, unit).end), "")

    def _take_flow(self, container: Span, unit: Span) -> Edit:
        units = _units(container)
        at = next(n for n, u in enumerate(units) if u is unit)
        last = _last(container, unit)
        if at + 1 < len(units):
            return Edit(unit.start, units[at + 1].start, "")
        previous = _last(container, units[at - 1])
        return Edit(previous.end, last.end, "")

    def _line_end(self, index: int) -> int:
        found = self.file.text.find("\n", index)
        return len(self.file.text) if found < 0 else found + 1

    # -- a container left empty -------------------------------------------------------------

    def _empty(self, container: Span) -> Edit:
        """Nothing is left in `container`, which must stay: write it `[]` or `{}`."""
        empty = "[]" if container.kind == "seq" else "{}"
        key = _key_of(container)
        if container.parent is None or key is None:  # the file's top mapping: `{}`
            start = self.file.line_start(container.start)
            return Edit(start, self._line_end(container.end), empty + self.file.newline)
        if container.flow:
            return Edit(container.start, container.end, empty)
        colon = self.file.text.index(":", key.end)
        return Edit(colon + 1, self._line_end(container.end), " " + empty + self.file.newline)


def _dropped_with_key(container: Span, key: Span | None) -> bool:
    """An emptied container whose key goes too (`con:`, `attacks:`, an impact entry)."""
    return key is not None and key.value not in KEPT_EMPTY and not _expected(key)


def _within(container: Span, emptied: dict[int, Span]) -> bool:
    """Whether `container` lies inside a container that is emptied or taken out whole."""
    node = container.parent
    while node is not None:
        if id(node) in emptied:
            return True
        node = node.parent
    return False


def _units(container: Span) -> list[Span]:
    """The pieces a container is cut into: its items, or its keys."""
    return container.items if container.kind == "seq" else container.keys


def _unit(entry: Span) -> tuple[Span, Span]:
    """(container, unit) for an entry: a value of a mapping is cut with its key."""
    parent = entry.parent
    assert parent is not None, "the whole document is never cut"
    if parent.kind == "map" and any(v is entry for v in parent.items):
        at = next(n for n, v in enumerate(parent.items) if v is entry)
        return parent, parent.keys[at]
    return parent, entry


def _last(container: Span, unit: Span) -> Span:
    """What ends a unit: an item itself, or a key's value."""
    if container.kind == "map":
        at = next(n for n, k in enumerate(container.keys) if k is unit)
        return container.items[at]
    return unit


def _lead(file: FileText, container: Span, unit: Span) -> int:
    """Where a block unit starts: its key, or the `-` before a list item."""
    if container.kind == "map":
        return unit.start
    dash = file.text.rfind("-", 0, unit.start)
    return dash if dash >= 0 else unit.start


def _key_of(container: Span) -> Span | None:
    owner = container.parent
    if owner is None or owner.kind != "map":
        return None
    at = next((n for n, v in enumerate(owner.items) if v is container), None)
    return None if at is None else owner.keys[at]


def _expected(key: Span) -> bool:
    """`claims:` under `expect:` stays, written empty."""
    owner = key.parent
    outer = _key_of(owner) if owner is not None else None
    return key.value == "claims" and outer is not None and outer.value == "expect"
