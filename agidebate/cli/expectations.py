"""`agidebate test`: check the scores against the `expect:` ranges of the debate and its
perspectives, for a debate repository's CI."""

from __future__ import annotations

import typer

from agidebate.cli._common import DirOption, JsonOption, console, handles_errors, json_dump
from agidebate.cli._whatif import reports_weight_files


@handles_errors
@reports_weight_files
def test(directory: DirOption = None, as_json: JsonOption = False) -> None:
    """Check the scores against the expectations of the debate and its perspectives.

    debate.yaml and each perspective file may say, under `expect:`, what the
    scores should be: the thesis under the default semantics (verdict), under a
    named semantics, or single claims. Each expectation is one row: who
    expects it, what, the range, the score it got, and whether it holds.

    Exit status: 0 when every expectation holds (or there are none), 1 when one
    fails, 2 for a usage error. Made to run in a debate repository's CI.

    Examples:

      agidebate test

      agidebate test --dir my-debate --json
    """
    from agidebate.cli._select import load_folder
    from agidebate.format.perspectives import load_perspective, perspective_names
    from agidebate.render.expectations import render_expectations
    from agidebate.render.page import show
    from agidebate.scoring.expectations import expectations

    folder, debate = load_folder(directory)
    perspectives = [load_perspective(folder, debate, name) for name in perspective_names(folder)]
    rows = expectations(debate, perspectives)
    if as_json:
        from agidebate.query.score_records import expectations_json

        json_dump(expectations_json(rows))
    else:
        show(console(), render_expectations, rows)
    if not all(row.ok for row in rows):
        raise typer.Exit(1)
