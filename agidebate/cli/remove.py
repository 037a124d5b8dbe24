"""`agidebate remove`: take a claim out of the debate, never leaving a reference to it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from agidebate.cli._common import JsonOption, console, handles_errors, json_dump, use_cache
from agidebate.cli._complete import claim_ids
from agidebate.cli.add import DryRunOption, WriteDirOption
from agidebate.errors import DebateError
from agidebate.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from agidebate.authoring import Removal


@handles_errors
def remove(
    claim_id: Annotated[
        str,
        typer.Argument(metavar="ID", help=N_("The claim to remove."), autocompletion=claim_ids),
    ],
    cascade: Annotated[
        bool,
        typer.Option(
            "--cascade",
            help=N_(
                "Also remove what names the claim: the claims written under it, the claims "
                "that argue only with what goes, and the other claims' and perspectives' "
                "references to it. Everything that goes is listed."
            ),
        ),
    ] = False,
    dry_run: DryRunOption = False,
    directory: WriteDirOption = None,
    as_json: JsonOption = False,
) -> None:
    """Remove claim ID from the debate: its entry in its file, and nothing else.

    Refused while anything still names the claim (a claim that supports, attacks
    or undercuts it, one written under it, a perspective or expect: entry), with
    the list; --cascade removes those too and says what went. The thesis is never
    removed. Everything else in every file stays byte for byte; the edited debate
    is read back before anything is written, under the folder's lock.

    Exit status: 0 when removed; 1 when refused, with nothing changed (an unknown
    ID, the thesis, a claim still named without --cascade, a debate that does not
    check clean); 2 when the command line itself is wrong (no --dir).

    Examples:

      agidebate remove latent-demand --dir my-debate

      agidebate remove few-cyclists --cascade --dry-run --dir my-debate
    """
    from agidebate.authoring import remove_claim
    from agidebate.cli.add import broken_debate
    from agidebate.cli.rename import change_record

    try:
        done = remove_claim(
            directory, claim_id, cascade=cascade, dry_run=dry_run, cache=use_cache()
        )
    except DebateError as error:
        raise broken_debate(error) from None
    if as_json:
        json_dump(
            {
                "id": done.claim_id,
                "removed": list(done.gone),
                "references": list(done.dropped),
                "written": not dry_run,
                "files": [change_record(c) for c in done.changes],
            }
        )
        return
    _print(done, dry_run)


def _print(done: Removal, dry_run: bool) -> None:
    from rich.text import Text

    from agidebate.cli.add import print_diff
    from agidebate.render import theme
    from agidebate.text import inert

    out = console()
    claims = ngettext("{n} claim", "{n} claims", len(done.gone))
    head = (
        _("would remove {claims}: {ids}", claims=claims, ids=", ".join(done.gone))
        if dry_run
        else _("removed {claims}: {ids}", claims=claims, ids=", ".join(done.gone))
    )
    out.print(Text(inert(head), style=theme.STRONG if dry_run else theme.SUCCESS), soft_wrap=True)
    if done.dropped:
        lost = _("  and the references to them in: {places}", places=", ".join(done.dropped))
        out.print(Text(inert(lost)), soft_wrap=True)
    for change in done.changes:
        out.print(Text("  " + inert(str(change.path)), style=theme.ASIDE), soft_wrap=True)
    if dry_run:
        out.print(Text(_("  (dry run: nothing was written)"), style=theme.ASIDE))
        for change in done.changes:
            out.print()
            print_diff(out, change)
