"""`agidebate explain ID`: why a claim has its score, supporter by supporter."""

from __future__ import annotations

from typing import Annotated

import typer

from agidebate.cli._common import DirOption, JsonOption, console, handles_errors, json_dump
from agidebate.cli._complete import claim_ids
from agidebate.cli._pager import pages
from agidebate.cli._reading import AuthorsOnlyOption, QuotesOption, authors_view
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
def explain(
    claim_id: Annotated[
        str, typer.Argument(metavar="ID", help="The claim to explain.", autocompletion=claim_ids)
    ],
    depth: Annotated[
        int,
        typer.Option(
            "--depth",
            metavar="N",
            min=0,
            help="Explain N levels down: 1 the claim only, 2 also what acts on it, ... "
            "0 down to the leaves.",
        ),
    ] = 1,
    directory: DirOption = None,
    semantics: SemanticsOption = DEFAULT_SEMANTICS,
    as_json: JsonOption = False,
    perspective: PerspectiveOption = None,
    weights: WeightsOption = None,
    sets: SetOption = None,
    without: WithoutOption = None,
    quotes: QuotesOption = False,
    authors_only: AuthorsOnlyOption = False,
) -> None:
    """Explain a claim's score: its base weight and each supporter's and attacker's share.

    A share is how much the claim's score would change without that supporter
    or attacker; they are listed strongest first.

    Examples:

      agidebate explain thesis

      agidebate explain dw-01 --depth 2 --perspective skeptic

      agidebate explain thesis --authors-only
    """
    from agidebate.cli._select import load_folder, require_claim
    from agidebate.render.page import show
    from agidebate.render.reasons import render_explanations
    from agidebate.scoring.explain import explain_scenario

    folder, debate = load_folder(directory)
    require_claim(debate, claim_id)
    if authors_only:
        debate = authors_view(debate, claim_id)
    scenario = build_scenario(folder, debate, perspective, weights, sets, without)
    report = explain_scenario(debate, claim_id, semantics, scenario, depth)
    if as_json:
        from agidebate.query.score_records import explanations_json

        json_dump(explanations_json(report))
    else:
        show(console(), render_explanations, report)
        if quotes:
            from agidebate.render.tree import quote_block

            console().print(quote_block(debate, claim_id))
