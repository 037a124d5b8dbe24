"""`agidebate rename`: change a claim's id, and every reference to it, in every file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from agidebate.cli._common import JsonOption, console, handles_errors, json_dump, use_cache
from agidebate.cli._complete import claim_ids
from agidebate.cli.add import DryRunOption, WriteDirOption
from agidebate.errors import DebateError
from agidebate.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from agidebate.authoring import Change, Renaming


@handles_errors
def rename(
    old: Annotated[
        str,
        typer.Argument(metavar="OLD", help=N_("The claim's id now."), autocompletion=claim_ids),
    ],
    new: Annotated[str, typer.Argument(metavar="NEW", help=N_("The id it gets."))],
    dry_run: DryRunOption = False,
    directory: WriteDirOption = None,
    as_json: JsonOption = False,
) -> None:
    """Rename claim OLD to NEW, and every reference to it in every file.

    Changed: the claim's own id, every supports:, attacks: and undercuts: that
    names it (written as an id, a list or a link mapping), expect: entries, and
    the perspectives' credence, weights and impact entries. Everything else in
    every file stays byte for byte: comments, quoting, blank lines, line endings.
    The renamed debate is read back and compared with the old one before anything
    is written; the files are written atomically, under the folder's lock.

    Exit status: 0 when renamed; 1 when refused, with nothing changed (an unknown
    OLD, a NEW that is not an id or is taken, a debate that does not check clean);
    2 when the command line itself is wrong (no --dir).

    Examples:

      agidebate rename few-cyclists low-counts --dir my-debate

      agidebate rename thesis build-the-lane --dir my-debate --dry-run
    """
    from agidebate.authoring import rename_claim
    from agidebate.cli.add import broken_debate

    try:
        done = rename_claim(directory, old, new, dry_run=dry_run, cache=use_cache())
    except DebateError as error:
        raise broken_debate(error) from None
    if as_json:
        json_dump(
            {
                "old": done.old,
                "new": done.new,
                "places": done.places,
                "written": not dry_run,
                "files": [change_record(c) for c in done.changes],
            }
        )
        return
    _print(done, dry_run)


def change_record(change: Change) -> dict[str, object]:
    """One file's change for --json: the file, its lines, whether it was written, the diff."""
    return {
        "file": str(change.path),
        "lines": [change.first_line, change.last_line],
        "written": change.written,
        "diff": change.diff(),
    }


def _print(done: Renaming, dry_run: bool) -> None:
    from rich.text import Text

    from agidebate.cli.add import print_diff
    from agidebate.render import theme
    from agidebate.text import inert

    out = console()
    files = ngettext("{n} file", "{n} files", len(done.changes))
    places = ngettext("{n} place", "{n} places", done.places)
    head = (
        _(
            "would rename {old} to {new}: {places} in {files}",
            old=done.old,
            new=done.new,
            places=places,
            files=files,
        )
        if dry_run
        else _(
            "renamed {old} to {new}: {places} in {files}",
            old=done.old,
            new=done.new,
            places=places,
            files=files,
        )
    )
    out.print(Text(inert(head), style=theme.STRONG if dry_run else theme.SUCCESS), soft_wrap=True)
    for change in done.changes:
        lines = (
            _("line {n}", n=change.first_line)
            if change.first_line == change.last_line
            else _("lines {first}-{last}", first=change.first_line, last=change.last_line)
        )
        out.print(Text("  " + inert(f"{change.path}: {lines}"), style=theme.ASIDE), soft_wrap=True)
    if dry_run:
        out.print(Text(_("  (dry run: nothing was written)"), style=theme.ASIDE))
        for change in done.changes:
            out.print()
            print_diff(out, change)
