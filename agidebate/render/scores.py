"""How `score`, `explain` and `cruxes` print: verdicts, balances and tables for people.

Every function adds lines to a `Page`; the command flushes it. Claim titles go
through `inert()` before they reach a line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from agidebate.model import tally
from agidebate.render import theme
from agidebate.render.page import Page
from agidebate.text import inert, plural

if TYPE_CHECKING:
    from agidebate.model import Debate
    from agidebate.scoring import ScoreResult, SemanticsInfo
    from agidebate.scoring.report import Comparison, Robustness, ScoreReport
    from agidebate.scoring.verdict import TopicBalance
    from agidebate.scoring.whatif import Applied


def label(debate: Debate, claim_id: str) -> str:
    """A claim's one-line title, safe to print."""
    return inert(debate.claims[claim_id].label, newlines=False)


def change(value: float) -> str:
    """A signed change to 3 decimals; tiny non-zero ones in scientific notation."""
    return f"{value:+.1e}" if 0 < abs(value) < 0.0005 else f"{value:+.3f}"


def semantics_line(info: SemanticsInfo) -> str:
    return f"Semantics: {info.name}, {info.title} ({info.reference})."


def context(page: Page, info: SemanticsInfo, applied: Applied, indent: int = 2) -> None:
    """Which semantics, and which weights: as written, or what the reader changed."""
    page.para(semantics_line(info), indent)
    changes = applied.describe()
    if not changes and info.gradual:
        changes = ["Weights: as written in the debate files."]
    for line in changes:
        page.para(line, indent)


def convergence_warning(page: Page, result: ScoreResult) -> None:
    """Say plainly when a cycle did not settle, so nobody mistakes the numbers for exact."""
    if not result.converged:
        page.para(
            f"warning: the scores did not settle: after {result.iterations:,} steps a cycle "
            f"still changed by {result.residual:.1e} per step; treat them as approximate.",
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
    render_topics(page, report.topics)
    render_claims(page, report, top)


def render_verdict(page: Page, report: ScoreReport) -> None:
    debate, result = report.debate, report.result
    thesis = debate.thesis
    assert thesis is not None and report.verdict is not None
    value = result.scores[thesis]
    page.add(Text("Thesis: ", style=theme.STRONG) + Text(label(debate, thesis)))
    labels = result.labels or {}
    if thesis in labels:
        from agidebate.scoring.verdict import GROUNDED_WORDS

        words = GROUNDED_WORDS[labels[thesis]]
        page.add(f"Verdict: {words.split(':')[0]} ({labels[thesis]}, {value:.2f})", theme.STRONG)
        page.para("The thesis is " + words + ".")
        page.para(
            "Grounded semantics only asks which attacks are answered: in counts as 1, out as 0, "
            "undecided as 0.5. Weights and supports play no part."
        )
    else:
        page.add(f"Verdict: {report.verdict.phrase} ({value:.2f})", theme.STRONG)
        children = debate.children(thesis)
        pros, cons = tally(e.relation for e in children)
        movers = (
            f"its {plural(pros, 'supporter')} and {plural(cons, 'attacker')} move it"
            if report.info.uses_supports
            else f"its {plural(cons, 'attacker')} bring it down"
        )
        page.para(
            f"{value:.2f} on a scale from 0 (the case against wins outright) to 1 (the case for "
            "wins outright); 0.5 would be a draw. The thesis starts at its base weight "
            f"{result.base[thesis]:.2f}; {movers} to {value:.2f}."
            + (
                " It weighs this map, not the world: every argument mapped counts, so a side "
                "argued in more claims weighs more."
                if report.info.uses_supports
                else ""
            )
        )
        if not report.info.uses_supports:
            page.para(
                f"This semantics ignores supports (the thesis has {plural(pros, 'supporter')}): "
                "no claim can score above its base weight, so read the number as how much of "
                "the thesis survives its attacks, not as a balance of pros and cons."
            )
        if report.robustness is not None:
            page.para(robustness_text(debate, report.robustness))
    context(page, report.info, report.applied)
    page.add()


def robustness_text(debate: Debate, sure: Robustness) -> str:
    """'How sure' in words: can one claim's weight carry the thesis across 0.5?"""
    crux = sure.strongest
    if crux is None:
        return "How sure: firm. No single claim's weight moves it (by more than 1e-9)."
    about = "" if crux.exact else "about "
    if sure.firm:
        return (
            f"How sure: firm. Of the {plural(sure.checked, 'claim')} it depends on most, none can "
            f'carry it across 0.5 alone: the most decisive, {crux.id} "{label(debate, crux.id)}", '
            f"moves it between {about}{crux.low:.2f} and {crux.high:.2f} as its weight goes "
            "from 0 to 1."
        )
    flip = sure.flips[0]
    end, other = sure.tipping_end(flip)
    about = "" if flip.exact else "about "
    more = len(sure.flips) - 1
    also = f" ({plural(more, 'other claim')} could too)" if more else ""
    return (
        f'How sure: fragile. A single claim can tip it: with {flip.id} "{label(debate, flip.id)}" '
        f"at weight {end} the thesis would score {about}{other:.2f}{also}. "
        "See `agidebate cruxes`."
    )


def render_roots(page: Page, report: ScoreReport) -> None:
    debate, result = report.debate, report.result
    page.add("This debate has no thesis; its root claims score:", theme.STRONG)
    rows = [[f"{result.scores[r]:.2f}", r, label(debate, r)] for r in debate.roots]
    page.table(["score", "id", "claim"], rows, {0})
    context(page, report.info, report.applied)
    page.add()


def render_topics(page: Page, topics: list[TopicBalance]) -> None:
    if not topics:
        return
    page.add("Topics: the summed strength of each topic's pro and con claims", theme.STRONG)
    rows = [
        [
            t.id,
            f"{t.pro:.2f}",
            f"{t.con:.2f}",
            f"{page.bar(t.balance)} {round(100 * t.balance):>3}% pro",
            inert(t.title or "", newlines=False),
        ]
        for t in topics
    ]
    page.table(["topic", "pro", "con", "balance", "title"], rows, {1, 2})
    page.add()


def render_claims(page: Page, report: ScoreReport, top: int | None) -> None:
    debate, result = report.debate, report.result
    ranked = sorted(result.scores, key=lambda cid: (-result.scores[cid], cid))
    shown = ranked if top is None else ranked[:top]
    count = len(ranked)
    more = "" if len(shown) == count else f" ({len(shown)} of {count}; --all shows every claim)"
    page.add("Claims by strength" + more, theme.STRONG)
    labels = result.labels
    rows = [
        [
            f"{result.scores[cid]:.2f}",
            labels[cid] if labels is not None else f"{result.base[cid]:.2f}",
            debate.side_label(cid) or "-",
            cid,
            label(debate, cid),
        ]
        for cid in shown
    ]
    second = "label" if labels is not None else "base"
    page.table(["score", second, "side", "id", "claim"], rows, {0} if labels else {0, 1})


# -- agidebate score --compare -------------------------------------------------


def render_comparison(page: Page, comparison: Comparison, top: int) -> None:
    """Two perspectives' verdicts side by side, then the claims they disagree on most."""
    a, b = comparison.a, comparison.b
    first, second = comparison.names
    debate = a.debate
    title(page, debate)
    for report in (a, b):
        convergence_warning(page, report.result)
    thesis = debate.thesis
    if thesis is not None:
        page.add(f"Verdicts under {a.info.name}", theme.STRONG)
        width = max(len(first), len(second))
        for name, report in ((first, a), (second, b)):
            assert report.verdict is not None
            profile = report.applied.perspective
            who = f" ({inert(profile.title, newlines=False)})" if profile and profile.title else ""
            value = report.result.scores[thesis]
            page.add(f"  {name.ljust(width)}  {value:.2f}  {report.verdict.phrase}{who}")
        page.add()
    if a.topics:
        page.add("Topic balances (% pro)", theme.STRONG)
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
        page.table(["topic", first, second, "title"], rows, {1, 2})
        page.add()
    render_differences(page, comparison, top)


def render_differences(page: Page, comparison: Comparison, top: int) -> None:
    first, second = comparison.names
    debate = comparison.a.debate
    if not comparison.differences:
        page.add("The two give every claim the same score.", theme.STRONG)
        return
    shown = comparison.differences[:top]
    total = plural(len(comparison.differences), "claim")
    page.add(f"Where they differ most ({len(shown)} of {total} that differ)", theme.STRONG)
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
    page.table(["id", first, second, "change", "weights", "claim"], rows, {1, 2, 3})
