"""How `score` reads a verdict out: the scale, what moved the thesis, the band, the best
argument each way, the proof standard, how sure; and `score --all-semantics`.

Every function adds lines to a `Page` or returns a sentence; claim titles go
through `inert()` (`scores.label`) before they reach a line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from agidebate.i18n import _, ngettext, pgettext
from agidebate.model import Relation, tally
from agidebate.render import theme
from agidebate.render.page import Page
from agidebate.render.scores import (
    approximate,
    attackers,
    convergence_warning,
    label,
    supporters,
    title,
    weight_lines,
)

if TYPE_CHECKING:
    from agidebate.model import Debate
    from agidebate.scoring import SemanticsInfo
    from agidebate.scoring.report import Robustness, ScoreReport
    from agidebate.scoring.standards import Standard
    from agidebate.scoring.thesis import BestArgument, ThesisVerdict


def render_reading(page: Page, report: ScoreReport) -> None:
    """Everything under the verdict line of a gradual semantics."""
    read = report.verdict
    assert read is not None
    page.para(reading(report, read.value))
    if read.banded:
        page.para(band_text(report))
    for best, relation in ((read.best_pro, Relation.SUPPORT), (read.best_con, Relation.ATTACK)):
        if best is not None:
            page.para(best_text(report.debate, best, relation))
    page.para(standard_text(read.standard))
    if report.robustness is not None:
        page.para(robustness_text(report.debate, report.robustness))


def reading(report: ScoreReport, value: float) -> str:
    """How to read the thesis's score: the scale, where it started, what moved it, and what
    the semantics counts."""
    thesis = report.debate.thesis
    assert thesis is not None
    pros, cons = tally(e.relation for e in report.debate.children(thesis))
    base = report.result.base[thesis]
    info = report.info
    if not info.uses_supports:
        return _(
            "{value:.2f} on a scale from 0 (the case against wins outright) to 1 (the case for "
            "wins outright); 0.5 would be a draw. The thesis starts at its base weight "
            "{base:.2f}; its {attackers} bring it down to {value:.2f}. This semantics ignores "
            "supports (the thesis has {supporters}): no claim can score above its base weight, "
            "so read the number as how much of the thesis survives its attacks, not as a "
            "balance of pros and cons.",
            value=value,
            base=base,
            attackers=attackers(cons),
            supporters=supporters(pros),
        )
    return _(
        "{value:.2f} on a scale from 0 (the case against wins outright) to 1 (the case for "
        "wins outright); 0.5 would be a draw. The thesis starts at its base weight "
        "{base:.2f}; its {supporters} and {attackers} move it to {value:.2f}. {counting}",
        value=value,
        base=base,
        supporters=supporters(pros),
        attackers=attackers(cons),
        counting=counting_text(info),
    )


def counting_text(info: SemanticsInfo) -> str:
    """What the semantics does with a side's many arguments, in one sentence."""
    from agidebate.scoring._aggregate import Discounted

    aggregation = info.spec.aggregation if info.spec is not None else None
    if info.counts_claims:
        return _(
            "It weighs this map, not the world: every argument mapped counts, so a side "
            "argued in more claims weighs more."
        )
    if isinstance(aggregation, Discounted) and aggregation.lam > 0:
        return _(
            "Each side counts its strongest argument fully and each further one {lam:g} times "
            "as much as the one before, so writing more claims does not by itself weigh more.",
            lam=aggregation.lam,
        )
    return _(
        "Only the strongest argument on each side counts, so writing more claims does not "
        "weigh more."
    )


def band_text(report: ScoreReport) -> str:
    """The band in words: how much rests on the claims the reader's weights leave free."""
    read, applied = report.verdict, report.applied
    assert read is not None
    thesis = report.debate.thesis
    free = sum(1 for cid in report.debate.claims if cid != thesis and cid not in applied.weights)
    if read.high - read.low < 0.005:
        return ngettext(
            "Band: {low:.2f} to {high:.2f}: the {n} claim these weights leave out cannot move "
            "the verdict.",
            "Band: {low:.2f} to {high:.2f}: the {n} claims these weights leave out cannot move "
            "the verdict.",
            free,
            low=read.low,
            high=read.high,
        )
    return ngettext(
        "Band: {low:.2f} to {high:.2f}: the verdict anywhere between, depending on the {n} "
        "claim these weights leave out (each anywhere from 0 to 1).",
        "Band: {low:.2f} to {high:.2f}: the verdict anywhere between, depending on the {n} "
        "claims these weights leave out (each anywhere from 0 to 1).",
        free,
        low=read.low,
        high=read.high,
    )


def best_text(debate: Debate, best: BestArgument, relation: Relation) -> str:
    """The best argument on one side, with its effective strength and the link it acts by."""
    step = best.path[0]
    fields = {"id": best.id, "title": label(debate, best.id), "strength": best.strength}
    if relation is Relation.SUPPORT:
        if step.impact != 1.0:
            return _(
                'Best for: {id} "{title}", effective strength {strength:.2f} (it supports the '
                "thesis through a link that passes on {impact:.2f} of its strength).",
                impact=step.impact,
                **fields,
            )
        return _(
            'Best for: {id} "{title}", effective strength {strength:.2f} (it supports the thesis).',
            **fields,
        )
    if step.impact != 1.0:
        return _(
            'Best against: {id} "{title}", effective strength {strength:.2f} (it attacks the '
            "thesis through a link that passes on {impact:.2f} of its strength).",
            impact=step.impact,
            **fields,
        )
    return _(
        'Best against: {id} "{title}", effective strength {strength:.2f} (it attacks the thesis).',
        **fields,
    )


def standard_text(standard: Standard) -> str:
    """Carneades' proof standard met by the best argument each way, with the two numbers."""
    from agidebate.scoring import standards
    from agidebate.scoring.verdict import FOR

    numbers = {"pro": standard.pro, "con": standard.con}
    if standard.side is None:
        return _(
            "Proof standard: undecided; neither side's best argument outweighs the other's "
            "(best for {pro:.2f}, best against {con:.2f}).",
            **numbers,
        )
    thresholds = {"alpha": standards.ALPHA, "beta": standards.BETA, "gamma": standards.GAMMA}
    met = {
        standards.PREPONDERANCE: _("the best argument outweighs the best reply"),
        standards.CLEAR_AND_CONVINCING: _(
            "the best argument is above {alpha:g} and ahead of the best reply by more than "
            "{beta:g}",
            **thresholds,
        ),
        standards.BEYOND_REASONABLE_DOUBT: _(
            "clear and convincing, and the best reply is below {gamma:g}", **thresholds
        ),
    }[standard.name]
    if standard.side == FOR:
        return _(
            "Proof standard: {standard} for the thesis ({why}: best for {pro:.2f}, best "
            "against {con:.2f}).",
            standard=standard_name(standard.name),
            why=met,
            **numbers,
        )
    return _(
        "Proof standard: {standard} against the thesis ({why}: best for {pro:.2f}, best "
        "against {con:.2f}).",
        standard=standard_name(standard.name),
        why=met,
        **numbers,
    )


def standard_name(name: str) -> str:
    """A Carneades standard's name in the reader's language."""
    from agidebate.scoring import standards

    return {
        standards.BEYOND_REASONABLE_DOUBT: _("beyond reasonable doubt"),
        standards.CLEAR_AND_CONVINCING: _("clear and convincing"),
        standards.PREPONDERANCE: _("preponderance"),
        standards.UNDECIDED: _("undecided"),
    }[name]


def robustness_text(debate: Debate, sure: Robustness) -> str:
    """'How sure' in words: can one claim's weight carry the thesis across 0.5?"""
    crux = sure.strongest
    if crux is None:
        return _("How sure: firm. No single claim's weight moves it (by more than 1e-9).")
    if sure.firm:
        return ngettext(
            "How sure: firm. Of the {n} claim it depends on most, none can carry it across "
            '0.5 alone: the most decisive, {id} "{title}", moves it between {low} and '
            "{high:.2f} as its weight goes from 0 to 1.",
            "How sure: firm. Of the {n} claims it depends on most, none can carry it across "
            '0.5 alone: the most decisive, {id} "{title}", moves it between {low} and '
            "{high:.2f} as its weight goes from 0 to 1.",
            sure.checked,
            id=crux.id,
            title=label(debate, crux.id),
            low=approximate(crux.low, crux.exact),
            high=crux.high,
        )
    flip = sure.flips[0]
    end, other = sure.tipping_end(flip)
    fields = {
        "id": flip.id,
        "title": label(debate, flip.id),
        "weight": end,
        "score": approximate(other, flip.exact),
    }
    more = len(sure.flips) - 1
    if not more:
        return _(
            'How sure: fragile. A single claim can tip it: with {id} "{title}" at weight '
            "{weight} the thesis would score {score}. See `agidebate cruxes`.",
            **fields,
        )
    return ngettext(
        'How sure: fragile. A single claim can tip it: with {id} "{title}" at weight '
        "{weight} the thesis would score {score} ({n} other claim could too). "
        "See `agidebate cruxes`.",
        'How sure: fragile. A single claim can tip it: with {id} "{title}" at weight '
        "{weight} the thesis would score {score} ({n} other claims could too). "
        "See `agidebate cruxes`.",
        more,
        **fields,
    )


# -- agidebate score --all-semantics -------------------------------------------


def render_all_semantics(page: Page, reports: list[ScoreReport]) -> None:
    """The verdict under every registered semantics, one row each."""
    first = reports[0]
    debate = first.debate
    title(page, debate)
    thesis = debate.thesis
    if thesis is None:
        page.para(_("This debate has no thesis, so there is no verdict to compare."), indent=0)
        return
    page.add(Text(_("Thesis: "), style=theme.STRONG) + Text(label(debate, thesis)))
    for report in reports:
        convergence_warning(page, report.result)
    banded = any(r.verdict is not None and r.verdict.banded for r in reports)
    page.table(
        _headers(banded), [_row(report, banded) for report in reports], {1, 2} if banded else {1}
    )
    page.add()
    for line in weight_lines(first.applied):
        page.para(line)
    page.para(
        _(
            "The proof standard compares the best argument for the thesis with the best "
            "against (docs/scoring.md); `agidebate score -s NAME` reads one semantics' verdict "
            "out in full."
        ),
        style=theme.ASIDE,
    )


def _headers(banded: bool) -> list[str]:
    band = [pgettext("column", "band")] if banded else []
    return [
        pgettext("column", "semantics"),
        pgettext("column", "verdict"),
        *band,
        pgettext("column", "proof standard"),
        pgettext("column", "reading"),
    ]


def _row(report: ScoreReport, banded: bool) -> list[str]:
    from agidebate.scoring import DEFAULT_SEMANTICS

    read = report.verdict
    assert read is not None
    name = report.info.name
    if name == DEFAULT_SEMANTICS:
        name = _("{name} (default)", name=name)
    band = [f"{read.low:.2f}-{read.high:.2f}"] if banded else []
    return [name, f"{read.value:.2f}", *band, _standard_cell(read), _lean(report, read)]


def _standard_cell(read: ThesisVerdict) -> str:
    from agidebate.scoring.verdict import FOR

    standard = read.standard
    if standard.side is None:
        return standard_name(standard.name)
    if standard.side == FOR:
        return _("{standard}, for", standard=standard_name(standard.name))
    return _("{standard}, against", standard=standard_name(standard.name))


def _lean(report: ScoreReport, read: ThesisVerdict) -> str:
    labels = report.result.labels
    thesis = report.debate.thesis
    if labels is not None and thesis is not None:
        return labels[thesis]
    return read.phrase
