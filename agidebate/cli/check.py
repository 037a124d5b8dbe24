"""`agidebate check`: report every problem in a debate folder."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from agidebate.cli._common import (
    DirOption,
    JsonOption,
    console,
    handles_errors,
    json_dump,
    write_lines,
)
from agidebate.i18n import N_

if TYPE_CHECKING:
    from agidebate.errors import Problem
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


class CheckFormat(StrEnum):
    """How `check` prints its report."""

    text = "text"
    json = "json"
    github = "github"


@handles_errors
def check(
    directory: DirOption = None,
    as_json: JsonOption = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat warnings as errors (exit 1 if any).")
    ] = False,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help=N_(
                "text: path:line:col lines for people and editors; json: the report for "
                "scripts (same as --json); github: GitHub Actions annotations on the lines "
                "of a pull request, then the summary."
            ),
        ),
    ] = CheckFormat.text,
) -> None:
    """Check a debate folder and print every problem as path:line:col.

    Exit status: 0 when the debate is valid, 1 when it has errors (or warnings
    with --strict), 2 for a usage error such as a missing folder.

    Examples:

      agidebate check --dir my-debate

      agidebate check --dir my-debate --format github    (in a GitHub Actions step)
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
    if as_json or fmt is CheckFormat.json:
        from agidebate.query.records import check_json

        json_dump(check_json(report, ok=not failed))
    else:
        out = console()
        if fmt is CheckFormat.github:
            write_lines(github_annotation(problem) for problem in report.problems)
        else:
            print_problems(out, report.problems)
        glyphs = theme.unicode_ok(out)
        style = theme.ERROR if failed else theme.SUCCESS
        out.print(Text(inert(_summary(report, glyphs)), style=style), soft_wrap=True)
    if failed:
        raise typer.Exit(1)


def github_annotation(problem: Problem) -> str:
    """`::error file=F,line=L,col=C,title=CODE::message%0Ahint: ...`: a GitHub Actions
    workflow command that puts the problem on its line in a pull request. Every piece is
    escaped as the runner decodes it, so no text can end the command or start another."""
    where = problem.location
    fields = (
        [] if where is None else [f"file={where.path}", f"line={where.line}", f"col={where.column}"]
    )
    fields.append(f"title={problem.code}")
    properties = ",".join(
        name + "=" + _escaped(value, property_value=True)
        for name, value in (field.split("=", 1) for field in fields)
    )
    message = problem.message + (f"\nhint: {problem.hint}" if problem.hint else "")
    return f"::{problem.severity.value} {properties}::{_escaped(message)}"


def _escaped(text: str, property_value: bool = False) -> str:
    """The escaping of the Actions runner (`%`, CR, LF; in a property also `:` and `,`)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text
