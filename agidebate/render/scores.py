"""How `score`, `explain` and `cruxes` print: verdicts, balances and tables for people.

Every function adds lines to a `Page`; the command flushes it. Claim titles go
through `inert()` before they reach a line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text

from agidebate.i18n import _, ngettext, pgettext
from agidebate.render import theme
from agidebate.render.page import Page
from agidebate.text import claim_marks, inert, side_name

if TYPE_CHECKING:
    from agidebate.model import Debate
    from agidebate.scoring import ScoreResult, SemanticsInfo
    from agidebate.scoring.report import Comparison, ScoreReport
    from agidebate.scoring.topics import TopicBalance
    from agidebate.scoring.whatif import Applied


def label(debate: Debate, claim_id: str) -> str:
    """A claim's one-line title with its badges (`[summary]`, `[ed.]`), safe to print."""
    claim = debate.claims[claim_id]
    return inert(claim.label, newlines=False) + "".join(f" [{m}]" for m in claim_marks(claim))


def change(value: float) -> str:
    """A signed change to 3 decimals; tiny non-zero ones in scientific notation."""
    return f"{value:+.1e}" if 0 < abs(value) < 0.0005 else f"{value:+.3f}"


def semantics_line(info: SemanticsInfo) -> str:
    return _(
        "Semantics: {name}, {title} ({reference}).",
        name=info.name,
        title=info.title,
        reference=info.reference,
    )


def approximate(value: float, exact: bool) -> str:
    """A score to two decimals, 'about' it when it is an estimate."""
    return f"{value:.2f}" if exact else _("about {value:.2f}", value=value)


def context(page: Page, info: SemanticsInfo, applied: Applied, indent: int = 2) -> None:
    """Which semantics, and which weights: as written, or what the reader changed."""
    page.para(semantics_line(info), indent)
    for line in weight_lines(applied, info.gradual):
        page.para(line, indent)


def weight_lines(applied: Applied, gradual: bool = True) -> list[str]:
    """Which weights: what the reader changed, or (for a gradual semantics) as written."""
    changes = applied.describe()
    if not changes and gradual:
        return [_("Weights: as written in the debate files.")]
    return changes


def convergence_warning(page: Page, result: ScoreResult) -> None:
    """Say plainly when a cycle did not settle, so nobody mistakes the numbers for exact."""
    if not result.converged:
        page.para(
            _(
                "warning: the scores did not settle: after {steps:,} steps a cycle still "
                "changed by {residual:.1e} per step; treat them as approximate.",
                steps=result.iterations,
                residual=result.residual,
            ),
            indent=0,
            style=theme.WARNING,
        )


def title(page: Page, debate: Debate) -> None:
    if debate.title:
        page.add(inert(debate.title, newlines=False), theme.STRONG)
        page.add()


# -- agidebate score -----------------------------------------------------------


def render_report(page: Page, report: ScoreReport, top: int | None) -> None:
    """The whole `agidebate score` page."""
    title(page, report.debate)
    convergence_warning(page, report.result)
    if report.debate.thesis is None:
        render_roots(page, report)
    else:
        render_verdict(page, report)
    render_topics(page, report.topics, report.info)
    render_claims(page, report, top)


def render_verdict(page: Page, report: ScoreReport) -> None:
    debate, result = report.debate, report.result
    thesis = debate.thesis
    assert thesis is not None and report.verdict is not None
    value = result.scores[thesis]
    page.add(Text(_("Thesis: "), style=theme.STRONG) + Text(label(debate, thesis)))
    labels = result.labels or {}
    if thesis in labels:
        render_grounded_verdict(page, labels[thesis], value)
    else:
        from agidebate.render.verdicts import render_reading

        page.add(
            _("Verdict: {phrase} ({value:.2f})", phrase=report.verdict.phrase, value=value),
            theme.STRONG,
        )
        render_reading(page, report)
    context(page, report.info, report.applied)
    page.add()


def render_grounded_verdict(page: Page, thesis_label: str, value: float) -> None:
    from agidebate.scoring.verdict import GROUNDED_VERDICTS, GROUNDED_WORDS

    page.add(
        _(
            "Verdict: {word} ({label}, {value:.2f})",
            word=_(GROUNDED_VERDICTS[thesis_label]),
            label=thesis_label,
            value=value,
        ),
        theme.STRONG,
    )
    page.para(_("The thesis is {words}.", words=_(GROUNDED_WORDS[thesis_label])))
    page.para(
        _(
            "Grounded semantics only asks which attacks are answered: in counts as 1, out as "
            "0, undecided as 0.5. Weights and supports play no part."
        )
    )


def supporters(count: int) -> str:
    return ngettext("{n} supporter", "{n} supporters", count)


def attackers(count: int) -> str:
    return ngettext("{n} attacker", "{n} attackers", count)


def render_roots(page: Page, report: ScoreReport) -> None:
    debate, result = report.debate, report.result
    page.add(_("This debate has no thesis; its root claims score:"), theme.STRONG)
    rows = [[f"{result.scores[r]:.2f}", r, label(debate, r)] for r in debate.roots]
    headers = [pgettext("column", "score"), pgettext("column", "id"), pgettext("column", "claim")]
    page.table(headers, rows, {0})
    context(page, report.info, report.applied)
    page.add()


def render_topics(page: Page, topics: list[TopicBalance], info: SemanticsInfo) -> None:
    if not topics:
        return
    if info.counts_claims:
        heading = _("Topics: the summed strength of each topic's pro and con claims")
    else:
        heading = _(
            "Topics: each topic's pro and con claims, combined as the semantics combines one "
            "side's arguments"
        )
    page.add(heading, theme.STRONG)
    rows = [
        [
            t.id,
            f"{t.pro:.2f}",
            f"{t.con:.2f}",
            _("{bar} {percent:>3}% pro", bar=page.bar(t.balance), percent=round(100 * t.balance)),
            inert(t.title or "", newlines=False),
        ]
        for t in topics
    ]
    headers = [
        pgettext("column", "topic"),
        pgettext("column", "pro"),
        pgettext("column", "con"),
        pgettext("column", "balance"),
        pgettext("column", "title"),
    ]
    page.table(headers, rows, {1, 2})
    page.add()


def render_claims(page: Page, report: ScoreReport, top: int | None) -> None:
    debate, result = report.debate, report.result
    ranked = sorted(result.scores, key=lambda cid: (-result.scores[cid], cid))
    shown = ranked if top is None else ranked[:top]
    count = len(ranked)
    if len(shown) == count:
        page.add(_("Claims by strength"), theme.STRONG)
    else:
        heading = _(
            "Claims by strength ({shown} of {count}; --all shows every claim)",
            shown=len(shown),
            count=count,
        )
        page.add(heading, theme.STRONG)
    labels = result.labels
    rows = [
        [
            f"{result.scores[cid]:.2f}",
            labels[cid] if labels is not None else f"{result.base[cid]:.2f}",
            side_name(debate.side_label(cid)),
            cid,
            label(debate, cid),
        ]
        for cid in shown
    ]
    second = pgettext("column", "label") if labels is not None else pgettext("column", "base")
    headers = [
        pgettext("column", "score"),
        second,
        pgettext("column", "side"),
        pgettext("column", "id"),
        pgettext("column", "claim"),
    ]
    page.table(headers, rows, {0} if labels else {0, 1})


# -- agidebate score --compare -------------------------------------------------


def render_comparison(page: Page, comparison: Comparison, top: int) -> None:
    """Two perspectives' verdicts side by side, then the claims they disagree on most."""
    a, b = comparison.a, comparison.b
    first, second = comparison.names
    debate = a.debate
    title(page, debate)
    for report in (a, b):
        convergence_warning(page, report.result)
    if debate.thesis is not None:
        render_verdicts(page, comparison)
    if a.topics:
        page.add(_("Topic balances (% pro)"), theme.STRONG)
        b_topics = {t.id: t for t in b.topics}
        rows = [
            [
                t.id,
                f"{round(100 * t.balance)}%",
                f"{round(100 * b_topics[t.id].balance)}%" if t.id in b_topics else "-",
                inert(t.title or "", newlines=False),
            ]
            for t in a.topics
        ]
        headers = [pgettext("column", "topic"), first, second, pgettext("column", "title")]
        page.table(headers, rows, {1, 2})
        page.add()
    render_differences(page, comparison, top)


def render_verdicts(page: Page, comparison: Comparison) -> None:
    """Each perspective's verdict on the thesis, one line each."""
    thesis = comparison.a.debate.thesis
    assert thesis is not None
    first, second = comparison.names
    page.add(_("Verdicts under {semantics}", semantics=comparison.a.info.name), theme.STRONG)
    width = max(cell_len(first), cell_len(second))
    for name, report in ((first, comparison.a), (second, comparison.b)):
        assert report.verdict is not None
        profile = report.applied.perspective
        who = f" ({inert(profile.title, newlines=False)})" if profile and profile.title else ""
        value = report.result.scores[thesis]
        padded = name + " " * (width - cell_len(name))
        page.add(f"  {padded}  {value:.2f}  {report.verdict.phrase}{who}")
    page.add()


def render_differences(page: Page, comparison: Comparison, top: int) -> None:
    first, second = comparison.names
    debate = comparison.a.debate
    if not comparison.differences:
        page.add(_("The two give every claim the same score."), theme.STRONG)
        return
    shown = comparison.differences[:top]
    heading = ngettext(
        "Where they differ most ({shown} of {n} claim that differ)",
        "Where they differ most ({shown} of {n} claims that differ)",
        len(comparison.differences),
        shown=len(shown),
    )
    page.add(heading, theme.STRONG)
    rows = [
        [
            d.id,
            f"{d.a:.2f}",
            f"{d.b:.2f}",
            f"{d.change:+.2f}",
            f"{d.base_a:.2f}/{d.base_b:.2f}",
            label(debate, d.id),
        ]
        for d in shown
    ]
    headers = [
        pgettext("column", "id"),
        first,
        second,
        pgettext("column", "change"),
        pgettext("column", "weights"),
        pgettext("column", "claim"),
    ]
    page.table(headers, rows, {1, 2, 3})
