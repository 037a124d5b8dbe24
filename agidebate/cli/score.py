"""`agidebate score`: where the weight of the argument lies, with what-if scenarios."""

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
    from agidebate.model import Debate
    from agidebate.scoring.whatif import Scenario

DEFAULT_TOP = 20


@handles_errors
@pages
@reports_weight_files
def score(
    directory: DirOption = None,
    semantics: SemanticsOption = DEFAULT_SEMANTICS,
    as_json: JsonOption = False,
    perspective: PerspectiveOption = None,
    weights: WeightsOption = None,
    sets: SetOption = None,
    without: WithoutOption = None,
    compare: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--compare",
            metavar="A B",
            help=N_("Compare two perspectives side by side ('base': the debate's own weights)."),
            show_default=False,
        ),
    ] = None,
    top: Annotated[
        int,
        typer.Option("--top", "-n", metavar="N", min=1, help=N_("How many claims to list.")),
    ] = DEFAULT_TOP,
    show_all: Annotated[bool, typer.Option("--all", help=N_("List every claim."))] = False,
    all_semantics: Annotated[
        bool,
        typer.Option(
            "--all-semantics", help=N_("The verdict under every semantics, one row each.")
        ),
    ] = False,
) -> None:
    """Score the debate: the thesis's verdict, each topic's balance, the claims by strength.

    Each claim's strength (0 to 1) follows from its base weight and the
    strengths of its supporters and attackers, under a published semantics.

    What if you weigh things differently? --set, --weights, --perspective and
    --without change the weights or the claims before scoring.

    Examples:

      agidebate score

      agidebate score --perspective skeptic --set dw-01=0.9

      agidebate score --compare believer skeptic

      agidebate score --all-semantics --perspective skeptic
    """
    from agidebate.cli._select import load_folder
    from agidebate.render.page import show
    from agidebate.render.scores import render_comparison, render_report
    from agidebate.scoring.report import compare_reports, score_report

    if compare is not None and perspective is not None:
        raise fail(
            _("use either --perspective or --compare, not both"),
            _("--compare A B names both perspectives"),
            2,
        )
    if all_semantics and (compare is not None or semantics != DEFAULT_SEMANTICS):
        raise fail(
            _(
                "--all-semantics shows every semantics; it does not go with --semantics or "
                "--compare"
            ),
            _("drop --semantics (or --compare), or drop --all-semantics"),
            2,
        )
    folder, debate = load_folder(directory)
    if not len(debate) and not as_json:
        from agidebate.cli._reading import no_claims_yet

        console().print(no_claims_yet(directory), soft_wrap=True)
        return
    scenario = build_scenario(folder, debate, perspective, weights, sets, without)
    if all_semantics:
        _every_semantics(debate, scenario, as_json)
        return
    if compare is not None:
        first, second = (load_profile(folder, debate, name) for name in compare)
        comparison = compare_reports(debate, semantics, first, second, scenario)
        if as_json:
            from agidebate.query.score_records import comparison_json

            json_dump(comparison_json(comparison))
        else:
            show(console(), lambda page, c: render_comparison(page, c, top), comparison)
        return
    report = score_report(debate, semantics, scenario, robustness=not as_json)
    if as_json:
        from agidebate.query.score_records import report_json

        json_dump(report_json(report))
    else:
        show(console(), lambda page, r: render_report(page, r, None if show_all else top), report)


def _every_semantics(debate: Debate, scenario: Scenario, as_json: bool) -> None:
    from agidebate.render.page import show
    from agidebate.render.verdicts import render_all_semantics
    from agidebate.scoring.report import all_semantics

    reports = all_semantics(debate, scenario)
    if as_json:
        from agidebate.query.score_records import all_semantics_json

        json_dump(all_semantics_json(reports))
    else:
        show(console(), render_all_semantics, reports)
