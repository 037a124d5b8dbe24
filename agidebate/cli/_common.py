"""What every command shares: the consoles, the --dir option, turning errors into exit codes.

Commands import the library inside their function bodies, so `agidebate --help`
never pays for YAML, networkx or the exporters.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar, assert_never

import typer

from agidebate.errors import AgidebateError, DebateError, Problem, Severity
from agidebate.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from rich.console import Console

P = ParamSpec("P")
R = TypeVar("R")

DirOption = Annotated[
    str | None,
    typer.Option(
        "--dir",
        "-d",
        metavar="DIR",
        help=N_("Debate folder. Default: $AGIDEBATE_DIR, else the bundled AGI debate."),
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help=N_("Print JSON for scripts."))]


def no_color() -> bool:
    """True when NO_COLOR is set to a non-empty value (https://no-color.org)."""
    return bool(os.environ.get("NO_COLOR"))


def console(stderr: bool = False) -> Console:
    """A console that never reads user text as markup and writes plain text when piped
    (but in colour, at the terminal's width, into the pager: `cli._pager`)."""
    from rich.console import Console

    from agidebate.cli._pager import paging

    width = None if stderr else paging()
    return Console(
        stderr=stderr,
        color_system=None if no_color() else "auto",
        markup=False,
        highlight=False,
        emoji=False,
        force_terminal=True if width is not None else None,
        width=width,
    )


def severity_prefix(severity: Severity) -> str:
    """`error: ` or `warning: ` in the reader's language (the word that follows a location)."""
    match severity:
        case Severity.ERROR:
            return _("error: ")
        case Severity.WARNING:
            return _("warning: ")
        case _unreachable:
            assert_never(_unreachable)


def hint_line(hint: str) -> str:
    """A hint as printed under its error: indented, after `hint: `."""
    from agidebate.text import inert

    return "    " + _("hint: ") + inert(hint)


def print_problem(out: Console, problem: Problem) -> None:
    """`path:line:col: error: message`: the location stays as editors read it, the words
    are in the reader's language."""
    from rich.text import Text

    from agidebate.render import theme
    from agidebate.text import inert

    style = theme.ERROR if problem.is_error else theme.WARNING
    line = Text()
    if problem.location is not None:
        line.append(inert(str(problem.location)) + ": ", style=theme.STRONG)
    line.append(severity_prefix(problem.severity), style=style)
    line.append(inert(problem.message))
    out.print(line, soft_wrap=True)
    if problem.hint:
        out.print(Text(hint_line(problem.hint), style=theme.ASIDE), soft_wrap=True)


def print_problems(out: Console, problems: Iterable[Problem]) -> None:
    for problem in problems:
        print_problem(out, problem)


def fail(message: str, hint: str | None = None, code: int = 1) -> typer.Exit:
    """Print an error to stderr and return the Exit to raise."""
    from rich.text import Text

    from agidebate.render import theme
    from agidebate.text import inert

    err = console(stderr=True)
    err.print(
        Text(severity_prefix(Severity.ERROR), style=theme.ERROR) + Text(inert(message)),
        soft_wrap=True,
    )
    if hint:
        err.print(Text(hint_line(hint), style=theme.ASIDE), soft_wrap=True)
    return typer.Exit(code)


def note(message: str) -> None:
    """Print `note: message` to stderr: something the reader should know, not an error."""
    from rich.text import Text

    from agidebate.render import theme
    from agidebate.text import inert

    prefix = Text(_("note: "), style=theme.NOTE)
    console(stderr=True).print(prefix + Text(inert(message)), soft_wrap=True)


def report_error(error: AgidebateError) -> typer.Exit:
    """Turn a library error into a message on stderr and the documented exit code."""
    if isinstance(error, DebateError):
        err = console(stderr=True)
        print_problems(err, error.problems)
        count = sum(1 for p in error.problems if p.is_error)
        return fail(
            ngettext(
                "the debate is invalid ({n} error)", "the debate is invalid ({n} errors)", count
            ),
            _("run `agidebate check` for the full report"),
        )
    hint = getattr(error, "hint", None)
    return fail(str(error), hint, error.exit_code)


def handles_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate a command so library errors become messages and exit codes, never tracebacks."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except AgidebateError as error:
            raise report_error(error) from None

    return wrapper


_SLICE = 1 << 20


def write_output(data: str | bytes, output: str | None) -> None:
    """Write to stdout, or atomically to the file `output`."""
    if output in (None, "-"):
        # Exported files are UTF-8 whatever the terminal's encoding, and a huge
        # text is encoded in slices so that no second full copy is held.
        sys.stdout.flush()
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            for start in range(0, len(data), _SLICE):
                sys.stdout.buffer.write(data[start : start + _SLICE].encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    from agidebate.fileio import atomic_write

    atomic_write(output, data.encode("utf-8") if isinstance(data, str) else data)


def write_lines(lines: Iterable[str]) -> None:
    """Write each line and a newline to stdout, as they come (a listing of any size)."""
    write = sys.stdout.write
    for line in lines:
        write(line + "\n")
    sys.stdout.flush()


def json_dump(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# -- the parse cache --------------------------------------------------------------

NO_CACHE_ENV = "AGIDEBATE_NO_CACHE"


class _Settings:
    """What the global options of this run asked for (set by the root callback)."""

    no_cache = False


SETTINGS = _Settings()


def use_cache() -> bool:
    """False under --no-cache or AGIDEBATE_NO_CACHE=1: the command passes it to the loader."""
    if SETTINGS.no_cache:
        return False
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() in ("", "0", "false", "no")
