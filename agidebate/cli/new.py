"""`agidebate new`: start a topic file from a commented template."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from agidebate.cli._common import JsonOption, console, handles_errors, json_dump, use_cache
from agidebate.cli.add import DryRunOption, WriteDirOption
from agidebate.errors import DebateError
from agidebate.i18n import _

if TYPE_CHECKING:
    from agidebate.authoring import Creation


@handles_errors
def new(
    topic: Annotated[
        str,
        typer.Argument(
            metavar="TOPIC",
            help="The topic's id, e.g. costs; the file is TOPIC.yaml.",
            show_default=False,
        ),
    ],
    title: Annotated[
        str | None,
        typer.Option("--title", metavar="T", help="The topic's heading. Default: from TOPIC."),
    ] = None,
    dry_run: DryRunOption = False,
    directory: WriteDirOption = None,
    as_json: JsonOption = False,
) -> None:
    """Create the topic file TOPIC.yaml, a commented template that checks clean.

    The file holds `topic:`, `title:` and an empty `claims: []` list, with
    comments showing a complete claim. Fill it by hand, or with
    `agidebate add --file TOPIC.yaml`. An existing file is never overwritten.

    Exit status: 0 when created; 1 when refused, with nothing changed (a bad
    TOPIC, a topic or file that exists, an invalid debate); 2 when the command
    line itself is wrong (no --dir).

    Example: agidebate new costs --title "What the lane costs" --dir my-debate
    """
    from agidebate.authoring import EditRefused, new_topic
    from agidebate.cli.add import broken_debate, refused
    from agidebate.query.records import change_json, problems_json

    try:
        created = new_topic(directory, topic, title, dry_run=dry_run, cache=use_cache())
    except DebateError as error:
        raise broken_debate(error) from None
    except EditRefused as error:
        raise refused(error) from None
    if as_json:
        json_dump(
            {
                "topic": created.topic,
                **change_json(created.change),
                "warnings": problems_json(created.warnings),
            }
        )
    else:
        _print(created, directory)


def _print(created: Creation, directory: str | None) -> None:
    from rich.text import Text

    from agidebate.cli.add import warn
    from agidebate.render import theme
    from agidebate.text import inert

    out = console()
    change = created.change
    if created.created_folder:
        folder = change.path.parent
        made = (
            _("created folder {path}", path=folder)
            if change.written
            else _("would create folder {path}", path=folder)
        )
        style = theme.SUCCESS if change.written else theme.STRONG
        out.print(Text(inert(made), style=style), soft_wrap=True)
    verb = "created" if change.written else "would create"
    head = f"{verb} {change.path} (topic '{created.topic}')"
    out.print(
        Text(inert(head), style=theme.SUCCESS if change.written else theme.STRONG), soft_wrap=True
    )
    if not change.written:
        out.print(Text("  (dry run: nothing was written)", style=theme.ASIDE))
        out.print()
        out.print(Text(inert(change.after.rstrip("\n"))), soft_wrap=True)
        out.print()
    where = f" --dir {_quoted(directory)}" if directory else ""
    hint = (
        f"  next: agidebate add{where} --file {change.path.name} --to ID --con --text "
        '"..."  (or edit the file)'
    )
    out.print(Text(inert(hint), style=theme.ASIDE), soft_wrap=True)
    warn(created.warnings)
    if not created.has_thesis:
        from agidebate.cli._common import note

        note(
            _(
                "this debate has no thesis yet; "
                '`agidebate init {folder} --thesis "..."` gives it one',
                folder=_quoted(str(change.path.parent)),
            )
        )


def _quoted(path: str) -> str:
    import shlex

    return shlex.quote(path)
