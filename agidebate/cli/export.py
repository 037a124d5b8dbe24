"""`agidebate export`: write the debate in another format."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from agidebate.cli._common import DirOption, fail, handles_errors, write_output


@handles_errors
def export(
    claim_id: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="Export only claim ID and what argues about it."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="Output format (see --list).")
    ] = "json",
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    ] = None,
    directory: DirOption = None,
    list_formats: Annotated[
        bool, typer.Option("--list", help="List the formats and exit.")
    ] = False,
) -> None:
    """Export the debate, or the subtree under claim ID, in another format.

    Examples:

      agidebate export --format json -o debate.json

      agidebate export --format markdown dw-01
    """
    from agidebate.cli._select import load_selected
    from agidebate.export import FORMATS, ExportOptions, get_format

    if list_formats:
        for spec in FORMATS.values():
            typer.echo(f"{spec.name:10} {spec.suffix:8} {spec.description}")
        return
    spec = get_format(fmt)
    if spec.binary and output in (None, "-") and sys.stdout.isatty():
        raise fail(
            f"{spec.name} output is binary and stdout is a terminal",
            f"write it to a file: -o debate{spec.suffix}",
            2,
        )
    debate = load_selected(directory, claim_id)
    write_output(spec.load()(debate, ExportOptions()), output)
