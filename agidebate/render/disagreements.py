"""How `cruxes --between A B` and `cruxes --flip` print: where two readers part ways, and
the greedy changes that carry a verdict across 0.5. Claim titles go through `inert()`
(`scores.label`) before they reach a line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text

from agidebate.i18n import _, ngettext, pgettext
from agidebate.render import theme
from agidebate.render.page import Page
from agidebate.render.scores import change, context, label, semantics_line, weight_lines
from agidebate.scoring.verdict import verdict
from agidebate.text import side_name

if TYPE_CHECKING:
    from agidebate.model import Debate
    from agidebate.scoring.disagreement import BetweenReport, Disagreement, FlipReport


def render_between(page: Page, report: BetweenReport, top: int) -> None:
    """Two readers' verdicts, then the disagreements that move the verdict most."""
    debate = report.a.debate
    first, second = report.names
    page.add(Text(_("Thesis: "), style=theme.STRONG) + Text(label(debate, report.thesis)))
    width = max(cell_len(first), cell_len(second))
    for name, value in ((first, report.value_a), (second, report.value_b)):
        padded = name + " " * (width - cell_len(name))
        page.add(f"  {padded}  {value:.2f}  {verdict(value).phrase}")
    page.para(
        _(
            "Where {a} and {b} part ways: for each claim (or link) they weigh differently, how "
            "much that one disagreement moves the verdict, averaged over both readers "
            "(positive: {a}'s view of it favours the thesis more).",
            a=first,
            b=second,
        )
    )
    page.para(semantics_line(report.info))
    for applied in (report.a, report.b):
        for line in weight_lines(applied):
            page.para(line)
    page.add()
    if not report.disagreements:
        page.para(_("The two weigh every claim and link alike."))
        return
    rows = [
        _row(page, debate, d, rank, d.id == report.thesis)
        for rank, d in enumerate(report.disagreements[:top], 1)
    ]
    headers = [
        "#",
        pgettext("column", "id"),
        pgettext("column", "what"),
        first,
        second,
        pgettext("column", "effect"),
        pgettext("column", "claim"),
    ]
    page.table(headers, rows, {0, 3, 4, 5})
    total = len(report.disagreements)
    if top < total:
        page.add()
        note = ngettext(
            "{shown} of {n} disagreement; --top N shows more.",
            "{shown} of {n} disagreements; --top N shows more.",
            total,
            shown=top,
        )
        page.para(note, style=theme.ASIDE)


def _row(page: Page, debate: Debate, d: Disagreement, rank: int, prior: bool) -> list[str]:
    arrow = page.arrow()
    if d.link:
        what = pgettext("disagreement", "impact")
    elif prior:
        what = pgettext("disagreement", "prior")
    else:
        what = pgettext("disagreement", "credence")
    return [
        str(rank),
        f"{d.id} {arrow} {d.target}" if d.target is not None else d.id,
        what,
        f"{d.a:.2f}",
        f"{d.b:.2f}",
        change(d.effect),
        label(debate, d.id),
    ]


def render_flip(page: Page, report: FlipReport) -> None:
    """The greedy list of credence changes that carries the verdict across 0.5."""
    debate = report.applied.debate
    arrow = page.arrow()
    start = _("{value:.2f}, {phrase}", value=report.start, phrase=verdict(report.start).phrase)
    page.add(
        Text(_("Thesis: "), style=theme.STRONG)
        + Text(label(debate, report.thesis))
        + Text(f" ({start})")
    )
    if report.start > 0.5:
        what = _("What carries the verdict below 0.5")
    else:
        what = _("What carries the verdict above 0.5")
    page.para(
        _(
            "{what}: greedily, each step sets the one claim (to 0 or to 1) that moves the "
            "verdict furthest that way. Greedy finds a short list that suffices, not always "
            "the shortest.",
            what=what,
        )
    )
    context(page, report.info, report.applied)
    page.add()
    if report.start == 0.5:
        page.para(_("The verdict is exactly 0.5 already: there is nothing to carry across."))
        return
    rows = [
        [
            str(n),
            step.id,
            f"{step.before:.2f} {arrow} {step.after:g}",
            f"{step.verdict:.2f}",
            side_name(debate.side_label(step.id)),
            label(debate, step.id),
        ]
        for n, step in enumerate(report.steps, 1)
    ]
    headers = [
        "#",
        pgettext("column", "id"),
        pgettext("column", "weight"),
        pgettext("column", "thesis"),
        pgettext("column", "side"),
        pgettext("column", "claim"),
    ]
    page.table(headers, rows, {0, 3})
    page.add()
    page.para(_flip_ending(report), indent=0)


def _flip_ending(report: FlipReport) -> str:
    count = len(report.steps)
    if report.crossed:
        return ngettext(
            "The verdict crosses 0.5 after {n} change.",
            "The verdict crosses 0.5 after {n} changes.",
            count,
        )
    if report.bounded:
        return ngettext(
            "After {n} change the verdict has not crossed 0.5, and the search stopped at its "
            "work bound: the cycles of this debate are too costly to solve again for every "
            "claim (docs/scoring.md).",
            "After {n} changes the verdict has not crossed 0.5, and the search stopped at its "
            "work bound: the cycles of this debate are too costly to solve again for every "
            "claim (docs/scoring.md).",
            count,
        )
    if not report.steps:
        return _("No single claim's weight moves the verdict that way.")
    return ngettext(
        "After {n} change the verdict has not crossed 0.5: no further single change moves it "
        "that way (or the step limit was reached).",
        "After {n} changes the verdict has not crossed 0.5: no further single change moves it "
        "that way (or the step limit was reached).",
        count,
    )
