"""`agidebate cruxes`: the claims whose weight decides the question."""

from __future__ import annotations

from typing import Annotated

import typer

from agidebate.cli._common import DirOption, JsonOption, console, handles_errors, json_dump
from agidebate.cli._pager import pages
from agidebate.cli._whatif import (
    PerspectiveOption,
    SemanticsOption,
    SetOption,
    WeightsOption,
    WithoutOption,
    build_scenario,
    reports_weight_files,
)
from agidebate.scoring import DEFAULT_SEMANTICS


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
) -> None:
    """List the cruxes: the claims whose weight moves the thesis's score most.

    For each claim, the thesis's score with that claim's base weight at 0 and
    at 1, everything else unchanged; the wider the swing, the more the
    question turns on that claim.

    Examples:

      agidebate cruxes --top 5

      agidebate cruxes --perspective skeptic --semantics dfquad
    """
    from agidebate.cli._select import load_folder
    from agidebate.render.page import show
    from agidebate.render.reasons import render_crux_report
    from agidebate.scoring.cruxes import crux_report

    folder, debate = load_folder(directory)
    scenario = build_scenario(folder, debate, perspective, weights, sets, without)
    report = crux_report(debate, semantics, scenario, top)
    if as_json:
        from agidebate.query.records import cruxes_json

        json_dump(cruxes_json(report))
    else:
        show(console(), render_crux_report, report)
