"""`agidebate schema`: print the JSON Schema of argument files."""

from __future__ import annotations

from typing import Annotated

import typer

from agidebate.cli._common import handles_errors, write_output


@handles_errors
def schema(
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE.")
    ] = None,
) -> None:
    """Print the JSON Schema of topic files and debate.yaml, for editors.

    Example: agidebate schema -o agidebate-schema.json
    """
    import json

    from agidebate.format.schema import json_schema

    write_output(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", output)
