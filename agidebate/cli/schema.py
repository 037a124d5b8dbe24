"""`agidebate schema`: print the JSON Schema of argument files or perspective files."""

from __future__ import annotations

from typing import Annotated

import typer

from agidebate.cli._common import handles_errors, write_output
from agidebate.i18n import N_


@handles_errors
def schema(
    perspective: Annotated[
        bool,
        typer.Option(
            "--perspective", help=N_("The schema of perspective files (perspectives/NAME.yaml).")
        ),
    ] = False,
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE.")
    ] = None,
) -> None:
    """Print the JSON Schema of topic files and debate.yaml (or of perspective files), for
    editors.

    Example: agidebate schema -o agidebate-schema.json
    """
    import json

    from agidebate.format.jsonschema import json_schema, perspective_schema

    schema = perspective_schema() if perspective else json_schema()
    write_output(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", output)
