"""`agidebate export`: write the debate in another format."""

from __future__ import annotations

import dataclasses
import sys
from typing import Annotated

import typer

from agidebate.cli._common import DirOption, fail, handles_errors, write_output
from agidebate.cli._whatif import SemanticsOption
from agidebate.export import FORMATS
from agidebate.scoring import DEFAULT_SEMANTICS


@handles_errors
def export(
    claim_id: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="Export only claim ID and what argues about it."),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="Output format: " + ", ".join(FORMATS) + " (--list describes each).",
        ),
    ] = "json",
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    ] = None,
    directory: DirOption = None,
    list_formats: Annotated[
        bool, typer.Option("--list", help="List the formats and exit.")
    ] = False,
    semantics: SemanticsOption = DEFAULT_SEMANTICS,
    no_scores: Annotated[bool, typer.Option("--no-scores", help="Leave out the scores.")] = False,
) -> None:
    """Export the debate, or the subtree under claim ID, in another format.

    Each claim's score under --semantics (default qe) is included where the
    format has room for it; --no-scores leaves scores out.

    Examples:

      agidebate export --format json -o debate.json

      agidebate export --format markdown dw-01

      agidebate export --semantics dfquad -o debate.json
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
    options = ExportOptions(folder=None)
    if not no_scores:
        from agidebate.scoring import semantics_info

        semantics_info(semantics)  # an unknown name fails before the debate is read
    folder, debate = load_selected(directory, claim_id)
    if output not in (None, "-"):
        refuse_argument_file(output, str(folder))
    if not no_scores:
        from agidebate.scoring import JSON_DIGITS, score

        result = score(debate, semantics)
        scores = {cid: round(value, JSON_DIGITS) for cid, value in result.scores.items()}
        options = ExportOptions(scores=scores, semantics=semantics)
    options = dataclasses.replace(options, folder=str(folder))
    write_output(spec.load()(debate, options), output)


def refuse_argument_file(output: str, folder: str | None) -> None:
    """An export may not land where the debate would read it as an argument file."""
    from pathlib import Path

    from agidebate.errors import UsageError
    from agidebate.format.load import SUFFIXES

    if folder is None or not output.endswith(SUFFIXES):
        return
    target, root = Path(output).resolve(), Path(folder).resolve()
    if target == root or root in target.parents:
        raise UsageError(
            f"-o {output} is inside the debate folder {folder}, where it would be read "
            "as an argument file (and could overwrite one)",
            "write the export outside the debate folder, or give it another suffix",
        )
