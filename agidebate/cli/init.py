"""`agidebate init`: start a debate folder with its thesis and a first topic file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from agidebate.cli._common import JsonOption, console, handles_errors, json_dump
from agidebate.cli.add import DryRunOption
from agidebate.i18n import N_, _

if TYPE_CHECKING:
    from agidebate.authoring import Initialization


@handles_errors
def init(
    directory: Annotated[
        str,
        typer.Argument(
            metavar="[DIR]",
            help=N_("The debate folder to create. Default: the current folder."),
            show_default=False,
        ),
    ] = ".",
    title: Annotated[
        str | None,
        typer.Option(
            "--title", metavar="T", help=N_("The debate's title. Default: from the folder's name.")
        ),
    ] = None,
    thesis: Annotated[
        str | None,
        typer.Option(
            "--thesis",
            metavar="TEXT",
            help=N_(
                "The thesis: the claim every argument is for or against. Without it, on a "
                "terminal, it is asked for."
            ),
        ),
    ] = None,
    topic: Annotated[
        str,
        typer.Option(
            "--topic", metavar="TOPIC", help=N_("The id of the first topic file, TOPIC.yaml.")
        ),
    ] = "arguments",
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
) -> None:
    """Start a debate: create DIR with debate.yaml (the title and the thesis) and a first
    topic file with a commented example, then print the commands that come next.

    A folder that holds topic files but no debate.yaml gets only debate.yaml, its
    thesis; a folder with a debate.yaml is refused. Nothing is written unless the new
    debate checks clean, and no file is ever overwritten.

    Exit status: 0 when created; 1 when refused, with nothing changed (the folder
    already holds a debate, an empty or unwritable thesis or title); 2 when the
    command line itself is wrong (no --thesis without a terminal).

    Examples:

      agidebate init my-debate --thesis "The town should build the bike lane."

      agidebate init --title "Bike lane" --thesis "Build it."    (in the current folder)
    """
    from pathlib import Path

    from agidebate.authoring import init_debate
    from agidebate.authoring._new import default_title

    if thesis is None:
        from agidebate.cli._ask import ask_thesis

        name = Path(directory).resolve().name
        thesis, title = ask_thesis(title, default_title(name or "debate"))
    made = init_debate(directory, thesis, title, topic=topic, dry_run=dry_run)
    if as_json:
        from agidebate.query.records import change_json

        json_dump(
            {
                "folder": str(made.folder),
                "created_folder": made.created_folder,
                "files": [change_json(change) for change in made.changes],
            }
        )
        return
    _print(made, directory)


def _print(made: Initialization, directory: str) -> None:
    from rich.text import Text

    from agidebate.render import theme
    from agidebate.text import inert

    out = console()
    written = all(change.written for change in made.changes)
    style = theme.SUCCESS if written else theme.STRONG
    if made.created_folder:
        line = (
            _("created folder {path}", path=made.folder)
            if written
            else _("would create folder {path}", path=made.folder)
        )
        out.print(Text(inert(line), style=style), soft_wrap=True)
    for change in made.changes:
        out.print(
            Text(inert(_file_line(change.path.name, change.path, written)), style=style),
            soft_wrap=True,
        )
        if not written:
            out.print(Text(_("  (dry run: nothing was written)"), style=theme.ASIDE))
            out.print()
            out.print(Text(inert(change.after.rstrip("\n"))), soft_wrap=True)
            out.print()
    out.print(Text(_("next:"), style=theme.ASIDE))
    for command in next_commands(directory, made.topic):
        out.print(Text("  " + inert(command), style=theme.ASIDE), soft_wrap=True)


def _file_line(name: str, path: object, written: bool) -> str:
    if name == "debate.yaml":
        if written:
            return _("created {path} (the title and the thesis)", path=path)
        return _("would create {path} (the title and the thesis)", path=path)
    if written:
        return _("created {path} (a topic file with a commented example)", path=path)
    return _("would create {path} (a topic file with a commented example)", path=path)


def next_commands(directory: str, topic: str | None) -> list[str]:
    """What to run after `init`: add a pro and a con to the thesis, check, show."""
    import shlex

    where = shlex.quote(directory)
    into = f" --file {topic}.yaml" if topic else ""
    return [
        f'agidebate add --dir {where}{into} --to thesis --pro --text "..."',
        f'agidebate add --dir {where}{into} --to thesis --con --text "..."',
        f"agidebate check --dir {where}",
        f"agidebate show --dir {where}",
    ]
