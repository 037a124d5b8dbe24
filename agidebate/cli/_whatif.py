"""Options shared by `score`, `explain` and `cruxes`: the semantics and the what-if changes.

Bad command-line values (an unknown id, a weight outside [0, 1], an unknown
perspective) are usage errors, exit 2. A weights or perspective file with
problems lists each one as path:line:col and exits 1.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer

from agidebate.cli._common import console, fail, print_problems
from agidebate.cli._language import help_text
from agidebate.i18n import N_, _
from agidebate.scoring import SEMANTICS

if TYPE_CHECKING:
    from pathlib import Path

    from agidebate.model import Debate, WeightProfile
    from agidebate.scoring.whatif import Scenario

P = ParamSpec("P")
R = TypeVar("R")

SemanticsOption = Annotated[
    str,
    typer.Option(
        "--semantics",
        "-s",
        metavar="NAME",
        help=help_text(
            "How strengths are computed: one of {names} (see docs/scoring.md).",
            names=", ".join(SEMANTICS),
        ),
    ),
]
SetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="ID=VALUE",
        help=N_("What if claim ID had base weight VALUE (0 to 1)? Repeatable."),
        show_default=False,
    ),
]
WeightsOption = Annotated[
    str | None,
    typer.Option(
        "--weights",
        metavar="FILE",
        help=N_("Your own weights: a YAML file mapping claim ids to weights in [0, 1]."),
        show_default=False,
    ),
]
WithoutOption = Annotated[
    list[str] | None,
    typer.Option(
        "--without",
        metavar="ID",
        help=N_("Leave out claim ID and every claim that argues only about it. Repeatable."),
        show_default=False,
    ),
]
PerspectiveOption = Annotated[
    str | None,
    typer.Option(
        "--perspective",
        "-p",
        metavar="NAME",
        help=N_("Score with the weights of perspectives/NAME.yaml in the debate folder."),
        show_default=False,
    ),
]


def build_scenario(
    folder: Path,
    debate: Debate,
    perspective: str | None,
    weights: str | None,
    sets: list[str] | None,
    without: list[str] | None,
) -> Scenario:
    """The what-if scenario the options describe, with every id and value checked and the
    perspective and weights files read (scoring itself never opens a file)."""
    from agidebate.scoring.whatif import Scenario, parse_assignments, unknown_claim

    for claim_id in without or []:
        if claim_id not in debate.claims:
            raise unknown_claim(debate, claim_id, "--without")
    overrides = parse_assignments(sets or [], debate)
    if perspective is None and weights is None:  # the usual case needs no YAML reader
        return Scenario(overrides=overrides, without=tuple(without or ()))
    from agidebate.format.perspectives import load_perspective, read_weights

    return Scenario(
        perspective=(
            load_perspective(folder, debate, perspective) if perspective is not None else None
        ),
        own=read_weights(weights, debate) if weights is not None else None,
        overrides=overrides,
        without=tuple(without or ()),
    )


def load_profile(folder: Path, debate: Debate, name: str | None) -> WeightProfile | None:
    """Perspective `name` of the debate in `folder` for --compare (`base`: the debate's own)."""
    from agidebate.format.perspectives import load_perspective
    from agidebate.scoring.whatif import BASE

    if name is None or name == BASE:
        return None
    return load_perspective(folder, debate, name)


def reports_weight_files(func: Callable[P, R]) -> Callable[P, R]:
    """List every problem of a bad weights or perspective file, then exit 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from agidebate.errors import WeightsFileError

        try:
            return func(*args, **kwargs)
        except WeightsFileError as error:
            print_problems(console(stderr=True), error.problems)
            raise fail(
                _("cannot use the weights in {path}", path=error.path),
                _(
                    "fix the problems above: a weights file is `claim-id: weight` lines, a "
                    "perspective the fields docs/format.md lists"
                ),
            ) from None

    return wrapper
