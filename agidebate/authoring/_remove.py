"""`remove_claim`: take a claim out of the debate, refusing while anything still names it.

Without `cascade`, a claim goes only when nothing else names it: no claim supports,
attacks or undercuts it or one of its links, none is nested under it, and no
perspective or `expect:` names it. With `cascade`, what names it goes with it and is
listed: the claims nested under it, the claims whose every relation led to a claim
that goes (and so on), the relations of other claims to those claims (a claim that
also argues with a claim that stays keeps that relation and stays), and the
perspectives' and `expect:`'s entries for them. The thesis is never removed.

The edited debate is read back first and must be the old one without exactly those
claims and relations; the files are written as `rename` writes them.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from agidebate.authoring._add import require_known, require_valid
from agidebate.authoring._change import Change
from agidebate.authoring._cut import Cutter
from agidebate.authoring._edits import FileText, change, perspective_files
from agidebate.authoring._paths import writable_debate_dir
from agidebate.authoring._plan import Edit
from agidebate.authoring._refs import Ref, RefKind, argument_refs, claim_nodes, perspective_refs
from agidebate.authoring._same import is_perspective, require_renamed_weights, require_same
from agidebate.authoring._verify import Reading, check_reading, read_folder, require_clean
from agidebate.authoring._write import replace_files
from agidebate.errors import RequestRefused, UsageError
from agidebate.fileio import folder_lock
from agidebate.format.schema import DEBATE_FILE_NAMES
from agidebate.i18n import _, ngettext
from agidebate.model import Debate


@dataclass(frozen=True, slots=True)
class Removal:
    """What `remove_claim` did (or would do): the claims that went, in file order, the
    references to them that other claims and perspectives lost, and a change per file."""

    claim_id: str
    gone: tuple[str, ...]
    dropped: tuple[str, ...]  # "few-cyclists (attacks)", "perspectives/a.yaml (credence)"
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class _Found:
    """One file and every id it writes."""

    file: FileText
    refs: list[Ref]
    nested: dict[str, str]  # claim id -> the claim it is written under (pro:/con:)
    entries: dict[str, Ref]  # claim id -> its `id:` (the claim's whole mapping goes)


def remove_claim(
    directory: str | os.PathLike[str] | None,
    claim_id: str,
    *,
    cascade: bool = False,
    dry_run: bool = False,
    cache: bool = True,
) -> Removal:
    """Remove claim `claim_id`; `RequestRefused` while anything names it (without
    `cascade`), for the thesis, or for an unknown id."""
    folder = writable_debate_dir(directory)
    try:
        plan = _plan(folder, claim_id, cascade, cache)
        if not dry_run:
            with folder_lock(folder):
                plan = _plan(folder, claim_id, cascade, cache)
                replace_files([(f.path, f.data, f.encode(text)) for f, text, _e in plan[1]])
    except UsageError as error:
        raise RequestRefused.of(error) from None
    gone, files, dropped = plan
    changes = tuple(change(f, text, edits, not dry_run) for f, text, edits in files)
    return Removal(claim_id, gone, dropped, changes)


Edited = tuple[FileText, str, list[Edit]]  # a file, its new text, the edits that made it
_Plan = tuple[tuple[str, ...], list[Edited], tuple[str, ...]]


def _plan(folder: Path, claim_id: str, cascade: bool, cache: bool) -> _Plan:
    reading = read_folder(folder, cache)
    debate = require_valid(check_reading(reading))
    require_known(debate, claim_id, option="ID")
    if claim_id == debate.thesis:
        raise UsageError(
            _("'{id}' is the thesis; the debate is about it", id=claim_id),
            _("to change the thesis, edit debate.yaml"),
        )
    found = _read(reading) + [_perspective(file) for file in perspective_files(folder)]
    nested = {child: parent for f in found for child, parent in f.nested.items()}
    gone = _doomed(debate, nested, claim_id, cascade)
    naming = [(f, r) for f in found for r in f.refs if _names(r, gone) and not _inside(r, gone)]
    if not cascade:
        _refuse_if_named(claim_id, debate, nested, naming)
    files, dropped = _edits(found, gone, naming)
    _verify(reading, debate, files, gone)
    order = [c for c in debate.claims if c in gone]
    return tuple(order), files, tuple(dropped)


def _read(reading: Reading) -> list[_Found]:
    found = []
    for path, rel in reading.files:
        file = FileText.of(path, rel, reading.data.get(rel, b""))
        root = file.spans()
        debate_file = rel in DEBATE_FILE_NAMES
        nodes = list(claim_nodes(root, debate_file))
        nested = {
            c.claim_id: c.parent.claim_id
            for c in nodes
            if c.claim_id and c.parent is not None and c.parent.claim_id
        }
        refs = list(argument_refs(root, debate_file))
        entries = {r.owner: r for r in refs if r.kind is RefKind.DEFINITION and r.owner}
        found.append(_Found(file, [r for r in refs if r.kind is not RefKind.DEFINITION],
                            nested, entries))  # fmt: skip
    return found


def _perspective(file: FileText) -> _Found:
    return _Found(file, list(perspective_refs(file.spans())), {}, {})


def _doomed(debate: Debate, nested: dict[str, str], claim_id: str, cascade: bool) -> set[str]:
    """The claims that go: `claim_id`, and with `cascade` what stands only on it."""
    gone = {claim_id}
    if not cascade:
        return gone
    leaning: dict[str, set[str]] = defaultdict(set)  # id -> claims that argue with it
    for edge in debate.edges:
        for end in (edge.target, edge.link_source):
            if end is not None:
                leaning[end].add(edge.source)
    for child, parent in nested.items():
        leaning[parent].add(child)
    queue = [claim_id]
    while queue:
        for candidate in leaning[queue.pop()]:
            if candidate not in gone and _falls(debate, nested, candidate, gone):
                gone.add(candidate)
                queue.append(candidate)
    return gone


def _falls(debate: Debate, nested: dict[str, str], claim_id: str, gone: set[str]) -> bool:
    """A claim goes when it is written under one that goes, or when every relation it
    has leads to one that goes."""
    if nested.get(claim_id) in gone:
        return True
    relations = debate.targets(claim_id)
    return bool(relations) and all(
        e.target in gone or (e.link_source is not None and e.link_source in gone) for e in relations
    )


def _names(ref: Ref, gone: set[str]) -> bool:
    return ref.value in gone


def _inside(ref: Ref, gone: set[str]) -> bool:
    """A reference written inside a claim that goes leaves with it."""
    return ref.owner is not None and ref.owner in gone


def _refuse_if_named(
    claim_id: str, debate: Debate, nested: dict[str, str], naming: list[tuple[_Found, Ref]]
) -> None:
    under = [child for child, parent in nested.items() if parent == claim_id]
    places = [_("{id} (written under it)", id=child) for child in under]
    places += [_place(found, ref) for found, ref in naming]
    if places:
        shown = ", ".join(places[:8]) + (", ..." if len(places) > 8 else "")
        raise UsageError(
            ngettext(
                "'{id}' is still named in {n} place: {places}",
                "'{id}' is still named in {n} places: {places}",
                len(places),
                id=claim_id,
                places=shown,
            ),
            _(
                "--cascade takes these out with it (see what goes first with --cascade "
                "--dry-run), or change them by hand"
            ),
        )


def _place(found: _Found, ref: Ref) -> str:
    if ref.owner is not None:
        return f"{ref.owner} ({ref.kind.value})"
    return f"{found.file.rel} ({ref.kind.value})"


def _edits(
    found: Iterable[_Found], gone: set[str], naming: list[tuple[_Found, Ref]]
) -> tuple[list[Edited], list[str]]:
    cutters: dict[str, Cutter] = {}
    for entry in found:
        for claim_id, ref in entry.entries.items():
            if claim_id in gone and entry.nested.get(claim_id) not in gone:
                cutters.setdefault(entry.file.rel, Cutter(entry.file)).cut(ref.entry)
    dropped = []
    for entry, ref in naming:
        cutters.setdefault(entry.file.rel, Cutter(entry.file)).cut(ref.entry)
        if ref.owner not in gone:
            dropped.append(_place(entry, ref))
    files: list[Edited] = []
    for cutter in cutters.values():
        edits = cutter.edits()
        files.append((cutter.file, cutter.file.edited(edits), edits))
    return files, dropped


def _verify(reading: Reading, debate: Debate, files: list[Edited], gone: set[str]) -> None:
    changed = {f.rel: f.encode(text) for f, text, _e in files if not is_perspective(f.rel)}
    after = require_clean(check_reading(reading, changes=changed), _("the debate without them"))
    require_same(debate, after, {}, frozenset(gone))
    for file, text, _edits in files:
        if is_perspective(file.rel):
            require_renamed_weights(file, file.encode(text), debate, after, {}, frozenset(gone))
