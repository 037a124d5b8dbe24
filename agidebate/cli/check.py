"""`agidebate check`: report every problem in a debate folder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from agidebate.cli._common import DirOption, JsonOption, console, handles_errors, json_dump

if TYPE_CHECKING:
    from agidebate.format.load import CheckReport


def _summary(report: CheckReport, glyphs: bool) -> str:
    from agidebate.text import plural

    size = plural(report.files, "file")
    if report.files:
        size += f", {plural(report.claims, 'claim')}, {plural(report.relations, 'relation')}"
    counts = [
        plural(n, noun)
        for n, noun in ((len(report.errors), "error"), (len(report.warnings), "warning"))
        if n
    ]
    status = ", ".join(counts) or "no problems"
    mark = ("✓ " if report.ok else "✗ ") if glyphs else ("ok: " if report.ok else "invalid: ")
    return f"{mark}{report.folder}: {size}; {status}"


@handles_errors
def check(
    directory: DirOption = None,
    as_json: JsonOption = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat warnings as errors (exit 1 if any).")
    ] = False,
) -> None:
    """Check a debate folder and print every problem as path:line:col.

    Exit status: 0 when the debate is valid, 1 when it has errors (or warnings
    with --strict), 2 for a usage error such as a missing folder.

    Example: agidebate check --dir my-debate
    """
    from rich.text import Text

    from agidebate.cli._common import print_problems, use_cache
    from agidebate.cli._progress import file_progress
    from agidebate.format.load import check_debate
    from agidebate.query.expectations import with_expectations_checked
    from agidebate.render import theme
    from agidebate.text import inert

    with file_progress() as progress:
        report = check_debate(directory, progress, cache=use_cache(), need_debate=False)
        report = with_expectations_checked(report)
    failed = not report.ok or (strict and bool(report.warnings))
    if as_json:
        from agidebate.query.records import check_json

        json_dump(check_json(report, ok=not failed))
    else:
        out = console()
        print_problems(out, report.problems)
        glyphs = theme.unicode_ok(out)
        style = theme.ERROR if failed else theme.SUCCESS
        out.print(Text(inert(_summary(report, glyphs)), style=style), soft_wrap=True)
    if failed:
        raise typer.Exit(1)
