"""Kialo: the debate in Kialo's current plain-text export form.

Written the way Kialo writes it (see ../shared/external/SOURCES.md, "Current
format", and the reader in `agidebate.importers.from_kialo`): CRLF line ends,
`Discussion Name:` and the title, then one block per claim, an indented label
line `1.2. Pro:` and the text below it, blocks separated by an empty line,
and a closing `Sources:` list of footnotes `[N] url`, each cited by a `[N]`
marker at the end of its claim and followed by the source's note as a quoted
excerpt. A claim reached a second time becomes a link block `-> See 1.2.`.

Kialo is a tree under one thesis, so: without a thesis the debate is written
as a multi-thesis discussion (`1. Question:` with one `Thesis:` per root);
claims that reach no root are left out (`agidebate check` warns about them);
titles, weights, figures and scores have no place in the format, nor have
link impacts, editorial marks, kinds, quotes, notes and dates. Kialo has no
undercut: an undercut is written as a Con of the cut link's source (under its
parent, the link's target), its text followed by `text.UNDERCUT_NOTE`, which
`agidebate import kialo` reads back as an undercut. A claim's
text cannot contain an empty line (that ends a block), so paragraph breaks
become single line breaks; a text that would read as a link starts with a
backslash (`\\-> See`) and a literal `[1]` in a text is written `\\[1]`, so it
is not taken for a footnote; `agidebate import kialo` removes both again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agidebate.export import ExportOptions
from agidebate.export._outline import one_line, relation_word, text
from agidebate.model import Debate, Edge, Relation, Source
from agidebate.text import UNDERCUT_NOTE, inert

CRLF = "\r\n"
_LITERAL_MARKER = re.compile(r"(\[\d+\])")


@dataclass
class _Writer:
    debate: Debate
    options: ExportOptions

    def __post_init__(self) -> None:
        self.blocks: list[str] = []
        self.sources: list[Source] = []
        self.number: dict[str, str] = {}

    def claim_lines(self, claim_id: str, undercut: bool = False) -> list[str]:
        claim = self.debate.claim(claim_id)
        body = inert(text(claim, self.options.lang))
        lines = [line.strip() for line in body.splitlines()]
        lines = [line for line in lines if line] or [claim.id]
        lines = [_LITERAL_MARKER.sub(r"\\\1", line) for line in lines]
        if lines[0].startswith("->"):
            lines[0] = "\\" + lines[0]
        lines += [UNDERCUT_NOTE] if undercut else []
        markers = []
        for source in claim.sources:
            self.sources.append(source)
            markers.append(f"[{len(self.sources)}]")
        if markers:
            lines[-1] += " " + " ".join(markers)
        return lines

    def block(self, number: str, label: str, body: list[str]) -> None:
        pad = "  " * number.count(".")
        self.blocks.append(CRLF.join([f"{pad}{number}. {label}:", *(pad + b for b in body)]))

    def tree(self, root: str, number: str, label: str) -> None:
        """Write `root` and everything under it, depth first (iteratively)."""
        stack: list[tuple[str, str, str, Edge | None]] = [(root, number, label, None)]
        while stack:
            claim_id, num, lab, edge = stack.pop()
            if claim_id in self.number:
                self.block(num, lab, [f"-> See {self.number[claim_id]}."])
                continue
            self.number[claim_id] = num
            undercut = edge is not None and edge.relation is Relation.UNDERCUT
            self.block(num, lab, self.claim_lines(claim_id, undercut))
            kids = self.replies(claim_id, edge)
            for index in range(len(kids), 0, -1):
                kid = kids[index - 1]
                stack.append((kid.source, f"{num}.{index}", _label(kid), kid))

    def replies(self, claim_id: str, edge: Edge | None) -> list[Edge]:
        """The claim's pros and cons, after the undercuts of its link to the parent above."""
        cut = edge is not None and edge.link_source is None
        undercuts = self.debate.undercutters(claim_id, edge.target) if edge and cut else []
        return [*undercuts, *self.debate.children(claim_id)]

    def footnotes(self) -> list[str]:
        lines = ["Sources:"]
        for index, source in enumerate(self.sources, 1):
            target = source.url or source.label
            lines.append(f"[{index}] {one_line(target)}")
            if source.note:
                lines.append('"' + one_line(source.note) + '"')
        return lines


def _label(edge: Edge) -> str:
    """Pro or Con; an undercut is a Con of the link's source (Kialo has no undercut)."""
    return "Con" if edge.relation is Relation.UNDERCUT else relation_word(edge.relation)


def export(debate: Debate, options: ExportOptions) -> str:
    """The debate as a Kialo plain-text export."""
    writer = _Writer(debate, options)
    if debate.thesis is not None:
        name = debate.title or debate.claim(debate.thesis).label
        writer.tree(debate.thesis, "1", "Thesis")
    else:
        name = debate.title or "Debate"
        writer.block("1", "Question", [one_line(name)])
        for index, root in enumerate(debate.roots, 1):
            writer.tree(root, f"1.{index}", "Thesis")
    head = ["Discussion Name:", one_line(name)]
    parts = [CRLF.join(head), *writer.blocks]
    if writer.sources:
        parts.append(CRLF.join(writer.footnotes()))
    return (CRLF * 2).join(parts) + CRLF
