"""`agidebate import`: turn another tool's file into argument files."""

from __future__ import annotations

from typing import Annotated

import typer

from agidebate.cli._common import console, handles_errors
from agidebate.importers import IMPORTERS


@handles_errors
def import_(
    format: Annotated[str, typer.Argument(metavar="FORMAT", help=", ".join(IMPORTERS) + ".")],
    file: Annotated[str, typer.Argument(metavar="FILE", help="The file to import.")],
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", metavar="DIR", help="Folder to write the argument files to."
        ),
    ],
    force: Annotated[
        bool,
        typer.Option("--force", help="Write into a non-empty DIR, replacing its .yaml files."),
    ] = False,
) -> None:
    """Import a Kialo, Argdown or agidebate JSON file as a debate folder of argument files.

    The files are checked by loading them back before anything is written;
    an existing non-empty DIR is refused unless --force. Everything the
    format has that a debate cannot hold is listed as a note.

    Examples:

      agidebate import kialo discussion.txt -o my-debate

      agidebate import argdown map.argdown -o my-debate --force

      agidebate import json debate.json -o my-debate
    """
    from rich.text import Text

    from agidebate.importers import import_file
    from agidebate.importers.writer import write_debate
    from agidebate.render import theme
    from agidebate.text import inert

    result = import_file(format, file)
    report = write_debate(result.debate, output, force=force)
    err = console(stderr=True)
    for note in result.notes:
        err.print(Text("note: ", style=theme.NOTE) + Text(inert(note)), soft_wrap=True)
    for name in report.removed:
        err.print(Text(f"removed old file {inert(name)}", style=theme.ASIDE), soft_wrap=True)
    debate = result.debate
    files = len(report.written)
    summary = (
        f"{len(debate)} claims, {len(debate.edges)} relations -> {report.folder} "
        f"({files} file{'s' * (files != 1)}); next: agidebate check --dir {report.folder}"
    )
    console().print(Text(inert(summary)), soft_wrap=True)
