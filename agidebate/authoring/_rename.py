"""`rename_claim`: change a claim's id, and every place that names it, in every file.

The places are those `_refs` finds: the claim's own `id:`, every `supports:`,
`attacks:` and `undercuts:` that names it, `expect:` keys, and the perspectives'
keys. Each is rewritten in its own quoting (a plain id that would not read back as
text in plain YAML is double-quoted); nothing else in any file changes. The thesis
written without `id:` gets one. The renamed debate is read back before anything
is written, and must be the old debate with the one id changed; the files are then
written under the folder's lock, each atomically, all or (as far as a failing
disk allows) none.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from agidebate.authoring._add import require_known, require_valid
from agidebate.authoring._change import Change
from agidebate.authoring._edits import FileText, change, perspective_files, scalar_text
from agidebate.authoring._fields import check_id
from agidebate.authoring._paths import writable_debate_dir
from agidebate.authoring._plan import Edit
from agidebate.authoring._refs import argument_refs, claim_nodes, perspective_refs
from agidebate.authoring._same import is_perspective, require_renamed, require_renamed_weights
from agidebate.authoring._verify import Reading, check_reading, read_folder, require_clean
from agidebate.authoring._write import replace_files
from agidebate.errors import RequestRefused, UsageError
from agidebate.fileio import folder_lock
from agidebate.format.schema import DEBATE_FILE_NAMES
from agidebate.format.spans import Span
from agidebate.i18n import _
from agidebate.model import Debate


@dataclass(frozen=True, slots=True)
class Renaming:
    """What `rename_claim` did (or, for a dry run, would do): a change per file, and how
    many places named the claim."""

    old: str
    new: str
    changes: tuple[Change, ...]
    places: int


@dataclass(frozen=True, slots=True)
class _Plan:
    files: dict[str, tuple[FileText, list[Edit]]]
    places: int


def rename_claim(
    directory: str | os.PathLike[str] | None,
    old: str,
    new: str,
    *,
    dry_run: bool = False,
    cache: bool = True,
) -> Renaming:
    """Rename claim `old` to `new` across the debate folder; `RequestRefused` for an
    unknown OLD, or a NEW that is not an id or is taken."""
    folder = writable_debate_dir(directory)
    try:
        new = check_id(new.strip(), "NEW")
        plan = _plan(folder, old, new, cache)
        if not dry_run:
            with folder_lock(folder):
                plan = _plan(folder, old, new, cache)
                replace_files(
                    [(f.path, f.data, f.encode(f.edited(e))) for f, e in plan.files.values()]
                )
    except UsageError as error:
        raise RequestRefused.of(error) from None
    changes = tuple(
        change(file, file.edited(edits), edits, not dry_run) for file, edits in plan.files.values()
    )
    return Renaming(old, new, changes, plan.places)


def _plan(folder: Path, old: str, new: str, cache: bool) -> _Plan:
    reading = read_folder(folder, cache)
    debate = require_valid(check_reading(reading))
    require_known(debate, old, option="OLD")
    taken = debate.claims.get(new)
    if taken is not None:
        raise UsageError(
            _(
                "NEW '{new}' is already the id of a claim, at {where}",
                new=new,
                where=taken.location,
            ),
            _("ids are unique across the debate: choose another"),
        )
    files: dict[str, tuple[FileText, list[Edit]]] = {}
    for path, rel in reading.files:
        file = FileText.of(path, rel, reading.data.get(rel, b""))
        edits = list(_argument_edits(file, old, new, rel in DEBATE_FILE_NAMES))
        if edits:
            files[rel] = (file, edits)
    for file in perspective_files(folder):
        edits = [
            Edit(r.span.start, r.span.end, scalar_text(r.span, new))
            for r in perspective_refs(file.spans())
            if r.value == old
        ]
        if edits:
            files[file.rel] = (file, edits)
    _verify(reading, debate, files, old, new)
    return _Plan(files, sum(len(edits) for _file, edits in files.values()))


def _argument_edits(file: FileText, old: str, new: str, is_debate_file: bool) -> Iterator[Edit]:
    root = file.spans()
    for ref in argument_refs(root, is_debate_file):
        if ref.value == old:
            yield Edit(ref.span.start, ref.span.end, scalar_text(ref.span, new))
    for claim in claim_nodes(root, is_debate_file):
        if not claim.written and claim.claim_id == old:
            yield _id_line(file, claim.node, new)


def _id_line(file: FileText, node: Span, new: str) -> Edit:
    """`id: NEW` as the first field of the thesis's mapping, which wrote no id."""
    value = scalar_text(Span("scalar", 0, 0), new)
    if node.flow:
        return Edit(node.start + 1, node.start + 1, f"id: {value}, ")
    first = node.keys[0].start
    start = file.line_start(first)
    return Edit(start, start, file.text[start:first] + f"id: {value}" + file.newline)


def _verify(
    reading: Reading,
    debate: Debate,
    files: dict[str, tuple[FileText, list[Edit]]],
    old: str,
    new: str,
) -> None:
    """The renamed files must read as the old debate with `old` called `new`, and each
    perspective as it was with the same change."""
    arguments = {
        rel: f.encode(f.edited(e)) for rel, (f, e) in files.items() if not is_perspective(rel)
    }
    after = require_clean(check_reading(reading, changes=arguments), _("the renamed debate"))
    require_renamed(debate, after, old, new)
    for rel, (file, edits) in files.items():
        if is_perspective(rel):
            renamed = file.encode(file.edited(edits))
            require_renamed_weights(file, renamed, debate, after, {old: new})
