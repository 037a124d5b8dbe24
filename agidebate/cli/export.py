"""`agidebate export`: write the debate in another format."""

from __future__ import annotations

import dataclasses
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from agidebate.cli._common import DirOption, fail, handles_errors, write_output
from agidebate.cli._complete import claim_ids
from agidebate.cli._language import help_text
from agidebate.cli._whatif import PerspectiveOption, SemanticsOption, reports_weight_files
from agidebate.export import FORMATS
from agidebate.scoring import DEFAULT_SEMANTICS

if TYPE_CHECKING:
    from pathlib import Path

    from agidebate.export import ExportOptions
    from agidebate.model import Debate


@handles_errors
@reports_weight_files
def export(
    claim_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="Export only claim ID and what argues about it.",
            autocompletion=claim_ids,
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=help_text(
                "Output format: {names} (--list describes each). Default: the one -o's "
                "extension names (map.html, debate.md), else json.",
                names=", ".join(FORMATS),
            ),
            show_default=False,
            autocompletion=format_names,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    ] = None,
    directory: DirOption = None,
    list_formats: Annotated[
        bool, typer.Option("--list", help="List the formats and exit.")
    ] = False,
    semantics: SemanticsOption = DEFAULT_SEMANTICS,
    perspective: PerspectiveOption = None,
    no_scores: Annotated[bool, typer.Option("--no-scores", help="Leave out the scores.")] = False,
    depth: Annotated[
        int | None,
        typer.Option(
            "--depth",
            "-L",
            min=0,
            metavar="N",
            help="Only claims up to N levels below the thesis (or below ID).",
            show_default=False,
        ),
    ] = None,
    topic: Annotated[
        str | None,
        typer.Option(
            "--topic",
            "-t",
            metavar="TOPIC",
            help="Only the claims of topic TOPIC, with their paths to the thesis.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Export the debate, or the subtree under claim ID, in another format.

    Each claim's score under --semantics (default dtop) and --perspective
    (default: the debate's own weights) is included where the format has room
    for it; --no-scores leaves scores out. The html page embeds every
    perspective under every semantics and starts at the chosen pair.
    --depth and --topic limit what is drawn; scores stay those of the whole
    debate. The format follows from -o's extension; --format names it for
    stdout (default json) and must not contradict the extension.

    Examples:

      agidebate export -o debate.json

      agidebate export --format markdown dw-01

      agidebate export --topic data-wall -o data-wall.svg

      agidebate export --perspective skeptic -o map.html
    """
    from agidebate.cli._select import load_folder, require_claim
    from agidebate.export import ExportOptions, resolve_format

    if list_formats:
        _list_formats()
        return
    spec = resolve_format(fmt, output)
    if spec.binary and output in (None, "-") and sys.stdout.isatty():
        raise fail(
            f"{spec.name} output is binary and stdout is a terminal",
            f"write it to a file: -o debate{spec.suffix}",
            2,
        )
    if not no_scores:
        from agidebate.scoring import semantics_info

        semantics_info(semantics)  # an unknown name fails before the debate is read
    folder, full = load_folder(directory)
    debate = full
    if claim_id is not None:
        require_claim(full, claim_id)
        debate = full.subtree(claim_id)
    if output not in (None, "-"):
        refuse_argument_file(output, str(folder))
    options = ExportOptions()
    if not no_scores:
        options = scored_options(folder, debate, full, semantics, perspective, spec.name == "html")
    from agidebate.export.limits import limit

    shown = limit(debate, depth=depth, topic=topic)
    options = dataclasses.replace(options, folder=str(folder))
    write_output(spec.load()(shown, options), output)
    if spec.name == "argdown":
        _warn_argdown_losses(folder, shown)


def _warn_argdown_losses(folder: Path, debate: Debate) -> None:
    """On stderr: what `import argdown` cannot give back from this export (docs/exports.md,
    "What an Argdown round trip keeps"). Every field of the debate travels; the files around
    it do not."""
    from agidebate.cli._common import console, print_problems
    from agidebate.errors import Problem, Severity
    from agidebate.format.perspectives import perspective_names
    from agidebate.i18n import _, ngettext
    from agidebate.importers._layout import elsewhere

    problems: list[Problem] = []
    names = perspective_names(folder)
    if names:
        message = _(
            "the Argdown file does not carry the perspectives ({names}); "
            "`import argdown` gives the debate back without them",
            names=", ".join(names),
        )
        hint = _("copy the perspectives/ folder next to the imported debate")
        problems.append(Problem("argdown-perspectives", message, None, hint, Severity.WARNING))
    moved = elsewhere(debate, folder)
    if moved:
        shown = ", ".join(moved[:5]) + (", ..." if len(moved) > 5 else "")
        message = ngettext(
            "{n} claim is not in its topic's file ({ids}): `import argdown` writes one "
            "file per topic, so it comes back in another file",
            "{n} claims are not in their topic's file ({ids}): `import argdown` writes one "
            "file per topic, so they come back in other files",
            len(moved),
            ids=shown,
        )
        hint = _("every field comes back; only the files, their order and comments change")
        problems.append(Problem("argdown-layout", message, None, hint, Severity.WARNING))
    print_problems(console(stderr=True), problems)


def _list_formats() -> None:
    """`export --list`: each format's name, extensions, aliases and what it is."""
    rows = [
        (spec.name, " ".join(spec.suffixes), ", ".join(spec.aliases), spec.description)
        for spec in FORMATS.values()
    ]
    width = [max(len(row[n]) for row in rows) for n in range(3)]
    for row in rows:
        cells = [row[n].ljust(width[n]) for n in range(3)]
        typer.echo("  ".join([*cells, row[3]]))  # i18n: verbatim (names, extensions, aliases)


def format_names(incomplete: str) -> list[str]:
    """Shell completion for --format: the names and aliases that start with what is typed."""
    names = [n for spec in FORMATS.values() for n in (spec.name, *spec.aliases)]
    return [name for name in names if name.startswith(incomplete.lower())]


def scored_options(
    folder: Path, debate: Debate, full: Debate, semantics: str, perspective: str | None, html: bool
) -> ExportOptions:
    """Each claim's score under `semantics` and `perspective`; for the html page, every
    perspective under every semantics to switch between (see `export.weighings`)."""
    from agidebate.export import ExportOptions
    from agidebate.export.weighings import single, weigh

    part = full if full is not debate else None
    if not html:
        run = single(debate, folder, semantics, perspective, full=part)
        return ExportOptions(scores=run.scores, semantics=run.semantics)
    found = weigh(debate, folder, semantics=semantics, perspective=perspective, full=part)
    run = found.run(*found.initial)
    return ExportOptions(scores=run.scores, semantics=run.semantics, weighings=found)


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
