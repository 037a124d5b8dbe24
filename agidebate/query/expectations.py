"""What an `expect:` block names that only the scoring registry can check: the names of
semantics. No rich.

The format layer reads `expect:` (in debate.yaml and each perspective) and checks its
shape and claim ids; whether `qe` or `dtop` is a semantics is known here, above the
scoring layer. `agidebate check` reports each unknown name where it is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from agidebate.errors import Problem
from agidebate.format.load import CheckReport
from agidebate.i18n import _
from agidebate.model import Expect
from agidebate.scoring import SEMANTICS
from agidebate.suggest import similar


def unknown_semantics(expectations: Iterable[Expect]) -> list[Problem]:
    """An error for each range named after a semantics the registry does not have."""
    known = list(SEMANTICS)
    problems: list[Problem] = []
    for expect in expectations:
        for name, expected in expect.semantics.items():
            if name in SEMANTICS:
                continue
            close = similar(name, known, n=1)
            choices = ", ".join(known)
            hint = (
                _("did you mean '{name}'? semantics: {choices}", name=close[0], choices=choices)
                if close
                else _("semantics: {choices}", choices=choices)
            )
            message = _("expect names unknown semantics '{name}'", name=name)
            problems.append(Problem("unknown-semantics", message, expected.location, hint))
    return problems


def with_expectations_checked(report: CheckReport) -> CheckReport:
    """`report` with an error for each unknown semantics its expectations name."""
    extra = unknown_semantics(report.expects)
    if not extra:
        return report
    problems = tuple(sorted((*report.problems, *extra), key=Problem.sort_key))
    return dataclasses.replace(report, problems=problems)
