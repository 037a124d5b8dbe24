"""The `agidebate` command: a thin typer layer over the library.

Each command lives in its own module and imports the library inside its body,
so that `agidebate --help` stays fast.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

import typer

from agidebate._version import __version__
from agidebate.cli import add as _add
from agidebate.cli import check as _check
from agidebate.cli import cruxes as _cruxes
from agidebate.cli import expectations as _expectations
from agidebate.cli import explain as _explain
from agidebate.cli import export as _export
from agidebate.cli import import_ as _import
from agidebate.cli import init as _init
from agidebate.cli import list_ as _list
from agidebate.cli import new as _new
from agidebate.cli import path as _path
from agidebate.cli import remove as _remove
from agidebate.cli import rename as _rename
from agidebate.cli import schema as _schema
from agidebate.cli import score as _score
from agidebate.cli import search as _search
from agidebate.cli import serve as _serve
from agidebate.cli import show as _show
from agidebate.cli import sources as _sources
from agidebate.cli import stats as _stats
from agidebate.cli._language import (
    InterfaceLangOption,
    LocalizedCommand,
    LocalizedGroup,
    choose_language,
    localize_click,
    run_language,
    with_language,
)
from agidebate.i18n import N_, _

localize_click()

app = typer.Typer(
    name="agidebate",
    cls=LocalizedGroup,
    help=N_(
        "Map a pro/con debate as a graph of claims and rebuttals: check it, walk it, "
        "score it, export it.\n\n"
        "Without --dir, commands read $AGIDEBATE_DIR, else the bundled debate: "
        "will scaling current AI approaches lead to AGI?"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=True,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"agidebate {__version__}")  # i18n: verbatim (the program's name)
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            help=N_("Show the version and exit."),
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help=N_(
                "Do not read or write the parse cache (also: AGIDEBATE_NO_CACHE=1). "
                "May also follow the command."
            ),
        ),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help=N_(
                "Print straight to the terminal, without $AGIDEBATE_PAGER, $PAGER or "
                "less. May also follow the command."
            ),
        ),
    ] = False,
    lang: InterfaceLangOption = None,
) -> None:
    """Map a pro/con debate as a graph of claims and rebuttals."""
    from agidebate.cli._common import SETTINGS, report_error
    from agidebate.cli._pager import STATE
    from agidebate.errors import AgidebateError

    SETTINGS.no_cache = no_cache
    STATE.disabled = no_pager
    try:
        choose_language(lang)
    except AgidebateError as error:
        raise report_error(error) from None


@dataclass(frozen=True)
class Command:
    """A registered command: its name, the function typer calls, and its one-line summary.

    `reads_debate`: it reads a debate folder (--dir) and changes nothing; the
    hostile-input harness (tests/adversarial) runs every such command.
    """

    name: str
    function: Callable[..., None]
    reads_debate: bool
    short_help: str | None = None


# The one registry of commands: `agidebate --help` lists them in this order (reading,
# weighing, then checking, writing and moving between tools); docs/cli-reference.md,
# the docs tests and the hostile-input harness are generated from or tested against it.
COMMANDS = (
    Command("show", _show.show, True),
    Command("list", _list.list_claims, True),
    Command("search", _search.search, True),
    Command("path", _path.path, True),
    Command("sources", _sources.sources, True),
    Command("stats", _stats.stats, True),
    Command("score", _score.score, True, N_("Score the debate: a verdict on the thesis, and why.")),
    Command(
        "explain", _explain.explain, True, N_("Explain a claim's score, argument by argument.")
    ),
    Command("cruxes", _cruxes.cruxes, True, N_("The claims whose weight moves the thesis most.")),
    Command(
        "test", _expectations.test, True, N_("Check the scores against the debate's expect ranges.")
    ),
    Command("check", _check.check, True),
    Command("init", _init.init, False, N_("Start a debate: its folder, thesis and first topic.")),
    Command("add", _add.add, False, N_("Add a rebuttal, a supporting claim or an undercut.")),
    Command("new", _new.new, False, N_("Start a topic file from a commented template.")),
    Command("rename", _rename.rename, False, N_("Rename a claim, and every reference to it.")),
    Command("remove", _remove.remove, False, N_("Remove a claim; --cascade what names it.")),
    Command("export", _export.export, True, N_("Write the debate in another format.")),
    Command("serve", _serve.serve, False, N_("The HTML map in a browser, rebuilt as you edit.")),
    Command("import", _import.import_, False, N_("Turn a Kialo or Argdown file into a debate.")),
    Command(
        "schema", _schema.schema, False, N_("The JSON Schemas of the debate's files, for editors.")
    ),
)
for _command in COMMANDS:
    app.command(_command.name, short_help=_command.short_help, cls=LocalizedCommand)(
        with_language(_command.function)
    )

GLOBAL_FLAGS = ("--no-cache", "--no-pager")


def hoist_global_options(args: list[str]) -> list[str]:
    """Accept global flags after the command too: `agidebate show --no-cache`.

    >>> hoist_global_options(["show", "--no-cache", "dw-01"])
    ['--no-cache', 'show', 'dw-01']
    >>> hoist_global_options(["search", "--", "--no-cache"])
    ['search', '--', '--no-cache']
    """
    end = args.index("--") if "--" in args else len(args)
    found = [a for a in args[:end] if a in GLOBAL_FLAGS]
    if not found:
        return args
    rest = [a for a in args[:end] if a not in GLOBAL_FLAGS]
    return [*dict.fromkeys(found), *rest, *args[end:]]


def tolerate_unencodable_output() -> None:
    """Let stdout and stderr write what their encoding cannot (Chinese text on an ASCII
    or Latin-1 terminal, a file name with undecodable bytes) as backslash escapes, never
    as a traceback: `\\u4e2d` is legible, an exception is not."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main() -> None:
    """The console script: run the app and keep tracebacks away from users."""
    # A command is a short-lived process that builds many small objects and few
    # cycles: collecting less often saves about a tenth of a large load.
    gc.set_threshold(50_000, 20, 20)
    tolerate_unencodable_output()
    args = hoist_global_options(sys.argv[1:])
    with run_language(args):
        _run(args)


def _run(args: list[str]) -> None:
    try:
        app(args=args)
    except KeyboardInterrupt:
        sys.stderr.write(_("interrupted") + "\n")
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`agidebate show | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except Exception as error:  # a bug, not bad input: say so without a traceback
        if os.environ.get("AGIDEBATE_DEBUG"):
            raise
        from agidebate.cli._common import hint_line

        sys.stderr.write(
            _("internal error: {kind}: {error}", kind=type(error).__name__, error=error)
            + "\n"
            + hint_line(
                _(
                    "this is a bug in agidebate; rerun with AGIDEBATE_DEBUG=1 for details "
                    "and report it"
                )
            )
            + "\n"
        )
        sys.exit(1)
