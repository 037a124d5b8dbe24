"""`agidebate add`: add a rebuttal (or a supporting claim) to a debate, losing nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from agidebate.cli._common import JsonOption, console, fail, handles_errors, json_dump, use_cache
from agidebate.cli._complete import claim_ids
from agidebate.errors import DebateError, UsageError
from agidebate.i18n import N_, _

if TYPE_CHECKING:
    from rich.console import Console

    from agidebate.authoring import Addition, Change, EditRefused
    from agidebate.errors import Problem
    from agidebate.model import ClaimKind, Relation

WriteDirOption = Annotated[
    str | None,
    typer.Option(
        "--dir",
        "-d",
        metavar="DIR",
        help="Debate folder to change. Default: $AGIDEBATE_DIR; never the bundled debate.",
        show_default=False,
    ),
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Print what would be written and the diff; write nothing.")
]


@handles_errors
def add(
    to: Annotated[
        str | None,
        typer.Option(
            "--to", metavar="ID", help="The claim the new claim answers.", autocompletion=claim_ids
        ),
    ] = None,
    con: Annotated[bool, typer.Option("--con", help="The new claim attacks ID.")] = False,
    pro: Annotated[bool, typer.Option("--pro", help="The new claim supports ID.")] = False,
    text: Annotated[
        str | None,
        typer.Option(
            "--text",
            metavar="TEXT",
            help="The claim in full. Without it, on a terminal, each field is asked for.",
        ),
    ] = None,
    claim_id: Annotated[
        str | None,
        typer.Option(
            "--id", metavar="NEW_ID", help="Id of the new claim. Default: made from the title/text."
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", metavar="T", help="A short label for trees and maps.")
    ] = None,
    by: Annotated[str | None, typer.Option("--by", metavar="WHO", help="Who argues it.")] = None,
    sources: Annotated[
        list[str] | None,
        typer.Option("--source", metavar="URL", help="A source URL; repeat for several."),
    ] = None,
    weight: Annotated[
        str | None,
        typer.Option("--weight", metavar="W", help="Base plausibility in [0, 1]; default 0.5."),
    ] = None,
    undercut: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--undercut",
            metavar="FROM TO",
            help=N_(
                "The new claim undercuts the link FROM -> TO (instead of --to/--con/--pro): "
                "it says FROM does not bear on TO."
            ),
        ),
    ] = None,
    impact: Annotated[
        str | None,
        typer.Option(
            "--impact",
            metavar="I",
            help=N_("The link's relevance in [0, 1]: how far the claim bears on ID; default 1."),
        ),
    ] = None,
    editorial: Annotated[
        bool,
        typer.Option(
            "--editorial", help=N_("The map's editor wrote the claim: it is in no source.")
        ),
    ] = False,
    editorial_link: Annotated[
        bool,
        typer.Option(
            "--editorial-link",
            help=N_("The map's editor drew the link: the author did not reply to ID."),
        ),
    ] = False,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help=N_("argument (default) or summary: a claim that restates others, never counted."),
        ),
    ] = None,
    quotes: Annotated[
        list[str] | None,
        typer.Option(
            "--quote", metavar="TEXT", help=N_("The passage the claim stands on, verbatim; repeat.")
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help=N_("The editor's comment."))
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="DATE", help=N_("When it was argued: YYYY, YYYY-MM, YYYY-MM-DD.")
        ),
    ] = None,
    file: Annotated[
        str | None,
        typer.Option(
            "--file",
            metavar="FILE",
            help="Put the claim in FILE (relative to the debate folder; created if absent), "
            "pointing at ID with attacks:/supports:, instead of nesting it under ID.",
        ),
    ] = None,
    dry_run: DryRunOption = False,
    directory: WriteDirOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add a claim that attacks (--con) or supports (--pro) ID, or undercuts a link.

    With --undercut FROM TO the claim attacks the link FROM -> TO instead: it
    says that FROM does not bear on TO.

    By default the claim is nested under ID, as `con:` or `pro:`, in the file
    that holds ID (an undercut goes into the file that holds FROM); with --file
    it goes into FILE instead. Everything else in
    the file stays exactly as it was: comments, quoting, blank lines. The whole
    debate is checked with the new claim before anything is written, the write
    is atomic, and concurrent runs wait for each other.

    Exit status: 0 when added; 1 when refused, with nothing changed (unknown ID,
    id taken, bad weight or file, invalid debate, unsafe edit, failed write); 2
    when the command line itself is wrong (no --dir, --con with --pro).

    Examples:

      agidebate add -d my-debate --to few-cyclists --con --text "Riding there is unsafe."

      agidebate add -d my-debate --to thesis --con --file replies/mine.yaml --dry-run

      agidebate add -d my-debate --undercut parking-loss thesis --editorial --text "..."

      agidebate add -d my-debate    (on a terminal: asks for each field)
    """
    import dataclasses

    from agidebate.authoring import EditRefused, NewClaim, add_claim
    from agidebate.cli._ask import ask_missing
    from agidebate.model import Relation

    relation = _relation(con, pro, undercut is not None, to)
    if undercut is not None:
        to = undercut[1]
    try:
        if text is not None and to is not None and relation is not None:
            wanted = NewClaim(to, relation, text, claim_id, title, by, tuple(sources or ()), weight)
        else:
            wanted = ask_missing(
                directory, to, relation, text, claim_id, title, by, sources, weight
            )
        wanted = dataclasses.replace(
            wanted,
            link_source=undercut[0] if undercut is not None else None,
            impact=impact,
            editorial=editorial,
            editorial_link=editorial_link,
            kind=_kind(kind),
            quotes=tuple(quotes or ()),
            note=note,
            date=date,
        )
        if wanted.relation is Relation.UNDERCUT and impact is not None:
            raise UsageError(_("--impact is for a support or an attack, not an undercut"))
        added = add_claim(directory, wanted, file=file, dry_run=dry_run, cache=use_cache())
    except DebateError as error:
        raise broken_debate(error) from None
    except EditRefused as error:
        raise refused(error) from None
    if as_json:
        from agidebate.query.records import addition_json

        json_dump(addition_json(added))
    else:
        _print(added)


def _relation(con: bool, pro: bool, undercut: bool, to: str | None) -> Relation | None:
    from agidebate.model import Relation

    if undercut and (con or pro or to is not None):
        raise UsageError(
            _("--undercut names the link it attacks: leave out --to, --con and --pro"),
            _('e.g. agidebate add --undercut FROM TO --text "..."'),
        )
    if undercut:
        return Relation.UNDERCUT
    if con and pro:
        raise UsageError("--con and --pro exclude each other", "give one of them")
    if con or pro:
        return Relation.ATTACK if con else Relation.SUPPORT
    return None


def _kind(name: str | None) -> ClaimKind:
    from agidebate.format.schema import KINDS
    from agidebate.model import ClaimKind
    from agidebate.suggest import unknown_choice

    if name is None:
        return ClaimKind.ARGUMENT
    if name not in KINDS:
        raise unknown_choice("kind", name, KINDS)
    return ClaimKind(name)


# -- errors -------------------------------------------------------------------------


def broken_debate(error: DebateError) -> typer.Exit:
    from agidebate.cli._common import print_problems

    print_problems(console(stderr=True), error.problems)
    count = sum(1 for p in error.problems if p.is_error)
    return fail(
        f"the debate has {count} error{'s' * (count != 1)}; agidebate changes only a debate "
        "that checks clean",
        "fix the problems above first, then run the command again",
    )


def refused(error: EditRefused) -> typer.Exit:
    """Show the problems an edit would have caused, then the reason it was not written."""
    from agidebate.cli._common import print_problems

    print_problems(console(stderr=True), error.problems)
    return fail(str(error), error.hint)


def warn(problems: tuple[Problem, ...]) -> None:
    from agidebate.cli._common import print_problems

    print_problems(console(stderr=True), problems)


# -- output -------------------------------------------------------------------------


def _print(added: Addition) -> None:
    from rich.text import Text

    from agidebate.render import theme
    from agidebate.text import inert

    out = console()
    change = added.change
    verb = "added" if change.written else "would add"
    where = f"{change.path}, line{'s' * (change.first_line != change.last_line)} " + (
        f"{change.first_line}-{change.last_line}"
        if change.first_line != change.last_line
        else str(change.first_line)
    )
    head = f"{verb} {added.claim.id} to {where}"
    if change.created:
        head += " (a new file)"
    out.print(
        Text(inert(head), style=theme.SUCCESS if change.written else theme.STRONG), soft_wrap=True
    )
    from agidebate.text import relation_verb

    relation = relation_verb(added.edge.relation)
    cut = added.edge.cut_link
    aim = (
        _("the link {source} -> {target}", source=cut[0], target=cut[1])
        if cut
        else added.edge.target
    )
    detail = f"  {relation} {aim}; side: {_side_words(added)}"
    out.print(Text(inert(detail)), soft_wrap=True)
    if added.claim.topic is None:
        note = (
            f"  note: claims in {change.path.name} belong to no topic; "
            "--file FILE puts a claim in a topic file"
        )
        out.print(Text(inert(note), style=theme.ASIDE), soft_wrap=True)
    if not change.written:
        print_change(out, change)
    warn(added.warnings)


def _side_words(added: Addition) -> str:
    anchor = "the thesis" if added.has_thesis else f"root {added.root}"
    if added.side is None:
        return "none (it does not reach " + ("the thesis)" if added.has_thesis else "a root)")
    goes = "for" if added.side.value == "pro" else "against"
    return f"{added.side.value} (it argues {goes} {anchor})"


def print_change(out: Console, change: Change) -> None:
    """The dry-run view: the YAML that would be written, then the unified diff."""
    from rich.text import Text

    from agidebate.render import theme
    from agidebate.text import inert

    out.print(Text("  (dry run: nothing was written)", style=theme.ASIDE))
    out.print()
    out.print(Text(inert(change.inserted)), soft_wrap=True)
    out.print()
    print_diff(out, change)


def print_diff(out: Console, change: Change) -> None:
    """A change's unified diff, its lines coloured by kind."""
    from rich.text import Text

    from agidebate.render import theme
    from agidebate.text import inert

    styles = theme.DIFF_LINES
    for line in change.diff().splitlines():
        style = theme.STRONG if line.startswith(("+++", "---")) else styles.get(line[:1], "")
        out.print(Text(inert(line), style=style), soft_wrap=True)
