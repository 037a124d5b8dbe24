"""`agidebate cruxes`: the claims whose weight decides the question."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from agidebate.cli._common import DirOption, JsonOption, console, fail, handles_errors, json_dump
from agidebate.cli._pager import pages
from agidebate.cli._whatif import (
    PerspectiveOption,
    SemanticsOption,
    SetOption,
    WeightsOption,
    WithoutOption,
    build_scenario,
    load_profile,
    reports_weight_files,
)
from agidebate.i18n import N_, _
from agidebate.scoring import DEFAULT_SEMANTICS

if TYPE_CHECKING:
    from pathlib import Path

    from agidebate.model import Debate
    from agidebate.scoring.whatif import Scenario


@handles_errors
@pages
@reports_weight_files
def cruxes(
    top: Annotated[
        int, typer.Option("--top", "-n", metavar="N", min=1, help="How many cruxes to list.")
    ] = 10,
    directory: DirOption = None,
    semantics: SemanticsOption = DEFAULT_SEMANTICS,
    as_json: JsonOption = False,
    perspective: PerspectiveOption = None,
    weights: WeightsOption = None,
    sets: SetOption = None,
    without: WithoutOption = None,
    between: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--between",
            metavar="A B",
            help=N_(
                "Rank where perspectives A and B part ways: each claim (and link) they weigh "
                "differently, by how much that disagreement moves the verdict ('base': the "
                "debate's own weights)."
            ),
            show_default=False,
        ),
    ] = None,
    flip: Annotated[
        bool,
        typer.Option(
            "--flip",
            help=N_(
                "The credence changes (claims set to 0 or 1, chosen greedily) that carry the "
                "verdict across 0.5."
            ),
        ),
    ] = False,
) -> None:
    """List the cruxes: the claims whose weight moves the thesis's score most.

    For each claim, the thesis's score with that claim's base weight at 0 and
    at 1, everything else unchanged, computed exactly; the wider the swing,
    the more the question turns on that claim.

    Examples:

      agidebate cruxes --top 5

      agidebate cruxes --perspective skeptic --semantics dfquad

      agidebate cruxes --between believer skeptic

      agidebate cruxes --flip --perspective believer
    """
    from agidebate.cli._select import load_folder

    if between is not None and (perspective is not None or flip):
        raise fail(
            _("--between A B names both perspectives; it does not go with --perspective or --flip"),
            _("drop --perspective (or --flip), or drop --between"),
            2,
        )
    folder, debate = load_folder(directory)
    scenario = build_scenario(folder, debate, perspective, weights, sets, without)
    if between is not None:
        _between(folder, debate, semantics, scenario, between, top, as_json)
    elif flip:
        _flip(debate, semantics, scenario, as_json)
    else:
        _ranked(debate, semantics, scenario, top, as_json)


def _ranked(debate: Debate, semantics: str, scenario: Scenario, top: int, as_json: bool) -> None:
    from agidebate.render.page import show
    from agidebate.render.reasons import render_crux_report
    from agidebate.scoring.cruxes import crux_report

    report = crux_report(debate, semantics, scenario, top)
    if as_json:
        from agidebate.query.score_records import cruxes_json

        json_dump(cruxes_json(report))
    else:
        show(console(), render_crux_report, report)


def _between(
    folder: Path,
    debate: Debate,
    semantics: str,
    scenario: Scenario,
    names: tuple[str, str],
    top: int,
    as_json: bool,
) -> None:
    from agidebate.render.disagreements import render_between
    from agidebate.render.page import show
    from agidebate.scoring.disagreement import between

    first, second = (load_profile(folder, debate, name) for name in names)
    report = between(debate, semantics, first, second, scenario)
    if as_json:
        from agidebate.query.score_records import between_json

        json_dump(between_json(report))
    else:
        show(console(), lambda page, r: render_between(page, r, top), report)


def _flip(debate: Debate, semantics: str, scenario: Scenario, as_json: bool) -> None:
    from agidebate.render.disagreements import render_flip
    from agidebate.render.page import show
    from agidebate.scoring.disagreement import flip

    report = flip(debate, semantics, scenario)
    if as_json:
        from agidebate.query.score_records import flip_json

        json_dump(flip_json(report))
    else:
        show(console(), render_flip, report)
