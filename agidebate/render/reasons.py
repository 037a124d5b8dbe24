"""How `cruxes` and `explain` print: the ranked cruxes, and each claim's score argued
out relation by relation. Every function adds lines to a `Page`; claim titles go
through `inert()` before they reach a line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from agidebate.i18n import _
from agidebate.model import tally
from agidebate.render import theme
from agidebate.render.page import Page
from agidebate.render.scores import change, context, convergence_warning, label
from agidebate.text import plural, relation_noun

if TYPE_CHECKING:
    from agidebate.model import Debate
    from agidebate.scoring import SemanticsInfo
    from agidebate.scoring.cruxes import CruxReport
    from agidebate.scoring.explain import ExplainReport, Explanation


# -- agidebate cruxes ------------------------------------------------------------


def tipping_text(report: CruxReport) -> str:
    """Whether any one listed claim can carry the thesis across 0.5, in words."""
    tips = [c for c in report.cruxes if min(c.low, c.high) < 0.5 < max(c.low, c.high)]
    exact = all(c.exact for c in report.cruxes)
    if tips:
        can = ("can carry" if len(tips) == 1 else "can each carry") if exact else "may carry"
        return (
            f"{plural(len(tips), 'claim')} here {can} the thesis across 0.5 on its own "
            f"({', '.join(c.id for c in tips)}): that is where the question turns."
        )
    widest = max(abs(c.swing) for c in report.cruxes)
    ways = "--weights or --set repeated"
    if report.applied.perspective is None:
        ways = "--perspective, " + ways.replace(" or ", ", or ")
    return (
        f"None of these {'can' if exact else 'seems to'} carry the thesis across 0.5 on its own "
        f"(the widest swing is {widest:.3f}). Tipping it takes several weights changed at "
        f"once: try {ways}."
    )


def render_crux_report(page: Page, report: CruxReport) -> None:
    """The ranked cruxes with the thesis's score at each claim's weight 0 and 1."""
    debate = report.applied.debate
    arrow = page.arrow()
    page.add(
        Text("Thesis: ", style=theme.STRONG)
        + Text(label(debate, report.thesis))
        + Text(f" ({report.score:.2f})")
    )
    if not report.converged:
        page.para(
            "warning: a cycle did not settle; treat these numbers as approximate.", 0, theme.WARNING
        )
    page.para(
        "Cruxes: the claims whose weight moves the thesis most. For each, the thesis's score "
        "with that claim's base weight at 0 and at 1, everything else unchanged; the swing is "
        "the difference (positive: believing the claim helps the thesis)."
    )
    context(page, report.info, report.applied)
    page.add()
    if not report.cruxes:
        page.para("No single claim's weight moves the thesis (by more than 1e-9).")
        return
    about = "≈" if page.glyphs else "~"
    rows = [
        [
            str(rank),
            c.id,
            f"{c.weight:.2f}",
            ("" if c.exact else about) + f"{c.low:.2f} {arrow} {c.high:.2f}",
            ("" if c.exact else about) + change(c.swing),
            debate.side_label(c.id) or "-",
            label(debate, c.id),
        ]
        for rank, c in enumerate(report.cruxes, 1)
    ]
    headers = ["#", "id", "weight", f"thesis at 0 {arrow} 1", "swing", "side", "claim"]
    page.table(headers, rows, {0, 2, 4})
    page.add()
    page.para(tipping_text(report), indent=0)
    if not all(c.exact for c in report.cruxes):
        page.add()
        page.para(
            f"{about} estimated from the slope: solving the large cycles downstream of these "
            "claims again would take too long.",
            style=theme.ASIDE,
        )


# -- agidebate explain -----------------------------------------------------------


def render_explanations(page: Page, report: ExplainReport) -> None:
    """Each explained claim: how its score arises, then its influences strongest first."""
    debate = report.applied.debate
    convergence_warning(page, report.result)
    context(page, report.info, report.applied, indent=0)
    for entry in report.entries:
        page.add()
        render_entry(page, debate, entry, report.info)
    if any(e.influences for e in report.entries):
        page.add()
        page.para(
            "A share is how much the claim's score would change without that supporter or "
            "attacker. --depth N explains N levels down (0: to the leaves).",
            indent=0,
            style=theme.ASIDE,
        )


MAX_NEST = 5
"""Explanations indent 4 columns per level down to this level, then stay put (and say
their level), so a chain thousands deep prints in output linear in its length."""


def render_entry(page: Page, debate: Debate, entry: Explanation, info: SemanticsInfo) -> None:
    indent = 4 * min(entry.level, MAX_NEST)
    side = debate.side_label(entry.claim) or "unreachable"
    where = f"{side}, level {entry.level}" if entry.level > MAX_NEST else side
    page.add(
        Text(" " * indent + entry.claim + "  ", style=theme.STRONG)
        + Text(label(debate, entry.claim))
        + Text(f"  ({where})", style=theme.ASIDE)
    )
    page.para(summary_of(entry), indent=indent + 2)
    about = "≈" if page.glyphs else "~"
    rows = [
        [
            "ignored" if i.ignored else ("" if i.exact else about) + change(i.contribution),
            relation_noun(i.relation),
            i.source if i.link_source is None else f"{i.source} ({page.arrow()} {i.link_source})",
            f"{i.score:.2f}",
            label(debate, i.source),
        ]
        for i in entry.influences
    ]
    page.table(["share", "relation", "id", "score", "claim"], rows, {0, 3}, indent=indent + 2)
    if any(i.ignored for i in entry.influences):
        note = f"{info.name} looks at attacks only; supporters do not count."
        page.para(note, indent=indent + 2, style=theme.ASIDE)
    if any(i.link_source is not None for i in entry.influences):
        note = _(
            "An undercutter cuts the link from the claim after its arrow: it takes away that "
            "claim's say here, not the claim itself."
        )
        page.para(note, indent=indent + 2, style=theme.ASIDE)
    if not all(i.exact for i in entry.influences):
        note = _(
            "{about} solving this cycle again once per relation would take too long: the "
            "share is the claim's own formula without the relation, the rest of the cycle "
            "held as it is.",
            about=about,
        )
        page.para(note, indent=indent + 2, style=theme.ASIDE)
    if entry.label is not None and any(
        not i.ignored and i.contribution == 0 for i in entry.influences
    ):
        note = (
            "A share of +0.000 means the label stays the same without that attacker: "
            "an attacker that is itself out, or one of several that each defeat the claim."
        )
        page.para(note, indent=indent + 2, style=theme.ASIDE)


def _join(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def summary_of(entry: Explanation) -> str:
    """How the score arises, in one sentence."""
    if entry.label is not None:
        from agidebate.scoring.verdict import GROUNDED_WORDS

        words = GROUNDED_WORDS[entry.label]
        return f"label {entry.label} (score {entry.score:.2f}): {words}."
    if not entry.influences:
        return f"score {entry.score:.2f} = its base weight; nothing argues about it."
    cuts = sum(1 for i in entry.influences if i.link_source is not None)
    pros, cons = tally(i.relation for i in entry.influences if i.link_source is None)
    ignored = any(i.ignored for i in entry.influences)
    counts = ((0 if ignored else pros, "supporter"), (cons, "attacker"), (cuts, "undercutter"))
    parts = [plural(n, noun) for n, noun in counts if n] or [
        "nothing (supporters are ignored here)"
    ]
    cycle = (
        " It is part of a cycle, so shares come from solving the cycle again without each relation."
        if entry.in_cycle
        else ""
    )
    return (
        f"score {entry.score:.2f} = base weight {entry.base:.2f}, moved "
        f"{entry.score - entry.base:+.2f} by {_join(parts)}.{cycle}"
    )
