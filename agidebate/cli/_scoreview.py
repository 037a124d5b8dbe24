"""How `score`, `explain` and `cruxes` print: verdicts, balances and tables for people.

Tables are plain aligned columns, built line by line (linear in rows, so
`--all` on 10,000 claims stays quick); the last column (a claim's title) is
cut to the console width. User text goes through `inert()` and into
`Text` objects, never into markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from agidebate.render.safe import inert

if TYPE_CHECKING:
    from rich.console import Console

    from agidebate.model import Debate
    from agidebate.scoring import ScoreResult, SemanticsInfo
    from agidebate.scoring.cruxes import CruxReport
    from agidebate.scoring.explain import ExplainReport, Explanation
    from agidebate.scoring.report import Comparison, Robustness, ScoreReport
    from agidebate.scoring.whatif import Applied

GAP = "  "
HEAD = "bold"
DIM = "dim"


def glyphs(out: Console) -> bool:
    """True when the console can show block characters."""
    return (out.encoding or "").lower().startswith("utf")


def label(debate: Debate, claim_id: str) -> str:
    """A claim's one-line title, safe to print."""
    return inert(debate.claims[claim_id].label, newlines=False)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def table(
    out: Console,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    right: set[int],
    indent: int = 2,
) -> None:
    """Aligned columns, indented; the last one is cut to the console width."""
    fixed = len(headers) - 1
    widths = [len(h) for h in headers[:fixed]]
    for row in rows:
        for column in range(fixed):
            widths[column] = max(widths[column], len(row[column]))

    def line(cells: Sequence[str], style: str | None = None) -> Text:
        lead = GAP.join(
            cell.rjust(widths[n]) if n in right else cell.ljust(widths[n])
            for n, cell in enumerate(cells[:fixed])
        )
        room = max(out.width - len(lead) - len(GAP) - indent, 10)
        last = cells[fixed]
        if len(last) > room:
            last = last[: room - 1] + ("…" if glyphs(out) else "~")
        return Text((" " * indent + lead + GAP + last).rstrip(), style=style or "")

    out.print(line(headers, HEAD), soft_wrap=True, no_wrap=True)
    for row in rows:
        out.print(line(row), soft_wrap=True, no_wrap=True)


def para(out: Console, text: str, indent: int = 2, style: str | None = None) -> None:
    """A paragraph wrapped to the console width, every line indented."""
    import textwrap

    width = max(out.width - indent, 30)
    for chunk in textwrap.wrap(text, width=width) or [""]:
        out.print(Text(" " * indent + chunk, style=style or ""), soft_wrap=True)


def bar(out: Console, share: float, width: int = 10) -> str:
    filled = round(share * width)
    full, empty = ("█", "░") if glyphs(out) else ("#", ".")
    return full * filled + empty * (width - filled)


def semantics_line(info: SemanticsInfo) -> str:
    return f"Semantics: {info.name}, {info.title} ({info.reference})."


def weights_lines(applied: Applied) -> list[str]:
    return applied.describe() or ["Weights: as written in the debate files."]


def convergence_warning(out: Console, result: ScoreResult) -> None:
    """Say plainly when a cycle did not settle, so nobody mistakes the numbers for exact."""
    if result.converged:
        return
    out.print(
        Text(
            f"warning: the scores did not settle: after {result.iterations:,} steps a cycle still "
            f"changed by {result.residual:.1e} per step; treat them as approximate.",
            style="bold yellow",
        ),
        soft_wrap=True,
    )


# -- agidebate score -----------------------------------------------------------


def render_report(out: Console, report: ScoreReport, top: int | None) -> None:
    """The whole `agidebate score` page."""
    debate = report.debate
    if debate.title:
        out.print(Text(inert(debate.title, newlines=False), style=HEAD), soft_wrap=True)
        out.print()
    convergence_warning(out, report.result)
    if debate.thesis is None:
        render_roots(out, report)
    else:
        render_verdict(out, report)
    render_topics(out, report)
    render_claims(out, report, top)


def render_verdict(out: Console, report: ScoreReport) -> None:
    debate, result = report.debate, report.result
    thesis = debate.thesis
    assert thesis is not None and report.verdict is not None
    value = result.scores[thesis]
    out.print(Text("Thesis: ", style=HEAD) + Text(label(debate, thesis)), soft_wrap=True)
    labels = result.labels or {}
    if thesis in labels:
        from agidebate.scoring.verdict import GROUNDED_WORDS

        words = GROUNDED_WORDS[labels[thesis]]
        out.print(
            Text(f"Verdict: {words.split(':')[0]} ({labels[thesis]}, {value:.2f})", style=HEAD),
            soft_wrap=True,
        )
        para(out, "The thesis is " + words + ".")
        para(
            out,
            "Grounded semantics only asks which attacks are answered: in counts as 1, out as 0, "
            "undecided as 0.5. Weights and supports play no part.",
        )
    else:
        out.print(
            Text(f"Verdict: {report.verdict.phrase} ({value:.2f})", style=HEAD), soft_wrap=True
        )
        children = debate.children(thesis)
        pros = sum(1 for e in children if e.relation.value == "support")
        cons = len(children) - pros
        para(
            out,
            f"{value:.2f} on a scale from 0 (the case against wins outright) to 1 (the case for "
            "wins outright); 0.5 would be a draw. The thesis starts at its base weight "
            f"{result.base[thesis]:.2f}; its {plural(pros, 'supporter')} and "
            f"{plural(cons, 'attacker')} move it to {value:.2f}.",
        )
        if report.robustness is not None:
            para(out, robustness_text(debate, report.robustness))
    para(out, semantics_line(report.info))
    lines = weights_lines(report.applied) if report.info.gradual else report.applied.describe()
    for line in lines:
        para(out, line)
    out.print()


def robustness_text(debate: Debate, sure: Robustness) -> str:
    """'How sure' in words: can one claim's weight carry the thesis across 0.5?"""
    crux = sure.strongest
    if crux is None:
        return "How sure: nothing argues about the thesis, so its score is its own weight."
    if sure.firm:
        return (
            f"How sure: firm. Of the {plural(sure.checked, 'claim')} it depends on most, none can "
            f'carry it across 0.5 alone: the most decisive, {crux.id} "{label(debate, crux.id)}", '
            f"moves it between {crux.low:.2f} and {crux.high:.2f} as its weight goes from 0 to 1."
        )
    flip = sure.flips[0]
    end, other = sure.tipping_end(flip)
    more = (
        f" ({plural(len(sure.flips) - 1, 'other claim')} could too)" if len(sure.flips) > 1 else ""
    )
    return (
        f'How sure: fragile. A single claim can tip it: with {flip.id} "{label(debate, flip.id)}" '
        f"at weight {end} the thesis would score {other:.2f}{more}. See `agidebate cruxes`."
    )


def render_roots(out: Console, report: ScoreReport) -> None:
    debate, result = report.debate, report.result
    out.print(Text("This debate has no thesis; its root claims score:", style=HEAD), soft_wrap=True)
    rows = [[f"{result.scores[r]:.2f}", r, label(debate, r)] for r in debate.roots]
    table(out, ["score", "id", "claim"], rows, {0})
    para(out, semantics_line(report.info))
    out.print()


def render_topics(out: Console, report: ScoreReport) -> None:
    if not report.topics:
        return
    out.print(
        Text("Topics: the summed strength of each topic's pro and con claims", style=HEAD),
        soft_wrap=True,
    )
    rows = [
        [
            t.id,
            f"{t.pro:.2f}",
            f"{t.con:.2f}",
            f"{bar(out, t.balance)} {round(100 * t.balance):>3}% pro",
            inert(t.title or "", newlines=False),
        ]
        for t in report.topics
    ]
    table(out, ["topic", "pro", "con", "balance", "title"], rows, {1, 2})
    out.print()


def render_claims(out: Console, report: ScoreReport, top: int | None) -> None:
    debate, result = report.debate, report.result
    ranked = sorted(result.scores, key=lambda cid: (-result.scores[cid], cid))
    shown = ranked if top is None else ranked[:top]
    more = (
        ""
        if len(shown) == len(ranked)
        else f" ({len(shown)} of {len(ranked)}; --all shows every claim)"
    )
    out.print(Text("Claims by strength" + more, style=HEAD), soft_wrap=True)
    labels = result.labels
    rows = []
    for cid in shown:
        middle = labels[cid] if labels is not None else f"{result.base[cid]:.2f}"
        rows.append(
            [
                f"{result.scores[cid]:.2f}",
                middle,
                debate.side_label(cid) or "-",
                cid,
                label(debate, cid),
            ]
        )
    second = "label" if labels is not None else "base"
    table(out, ["score", second, "side", "id", "claim"], rows, {0} if labels else {0, 1})


# -- agidebate score --compare -------------------------------------------------


def render_comparison(out: Console, comparison: Comparison, top: int) -> None:
    """Two perspectives' verdicts side by side, then the claims they disagree on most."""
    a, b = comparison.a, comparison.b
    first, second = comparison.names
    debate = a.debate
    if debate.title:
        out.print(Text(inert(debate.title, newlines=False), style=HEAD), soft_wrap=True)
        out.print()
    for report in (a, b):
        convergence_warning(out, report.result)
    thesis = debate.thesis
    width = max(len(first), len(second))
    out.print(Text(f"Verdicts under {a.info.name}", style=HEAD), soft_wrap=True)
    for name, report in ((first, a), (second, b)):
        profile = report.applied.perspective
        who = f" ({inert(profile.title, newlines=False)})" if profile and profile.title else ""
        if thesis is None or report.verdict is None:
            continue
        value = report.result.scores[thesis]
        line = f"  {name.ljust(width)}  {value:.2f}  {report.verdict.phrase}{who}"
        out.print(Text(line), soft_wrap=True)
    out.print()
    if a.topics:
        out.print(Text("Topic balances (% pro)", style=HEAD), soft_wrap=True)
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
        table(out, ["topic", first, second, "title"], rows, {1, 2})
        out.print()
    shown = comparison.differences[:top]
    out.print(
        Text(
            f"Where they differ most ({len(shown)} of "
            f"{plural(len(comparison.differences), 'claim')} that differ)",
            style=HEAD,
        ),
        soft_wrap=True,
    )
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
    table(out, ["id", first, second, "change", "weights", "claim"], rows, {1, 2, 3})


# -- agidebate cruxes ------------------------------------------------------------


def render_crux_report(out: Console, report: CruxReport) -> None:
    """The ranked cruxes with the thesis's score at each claim's weight 0 and 1."""
    debate = report.applied.debate
    arrow = "→" if glyphs(out) else "->"
    out.print(
        Text("Thesis: ", style=HEAD)
        + Text(label(debate, report.thesis))
        + Text(f" ({report.score:.2f})"),
        soft_wrap=True,
    )
    if not report.converged:
        out.print(
            Text(
                "warning: a cycle did not settle; treat these numbers as approximate.",
                style="bold yellow",
            ),
            soft_wrap=True,
        )
    para(
        out,
        "Cruxes: the claims whose weight moves the thesis most. For each, the thesis's score "
        "with that claim's base weight at 0 and at 1, everything else unchanged; the swing is "
        "the difference (positive: believing the claim helps the thesis).",
    )
    para(out, semantics_line(report.info))
    for line in report.applied.describe():
        para(out, line)
    out.print()
    rows = [
        [
            str(rank),
            c.id,
            f"{c.weight:.2f}",
            f"{c.low:.2f} {arrow} {c.high:.2f}",
            f"{c.swing:+.3f}",
            debate.side_label(c.id) or "-",
            label(debate, c.id),
        ]
        for rank, c in enumerate(report.cruxes, 1)
    ]
    table(
        out,
        ["#", "id", "weight", f"thesis at 0 {arrow} 1", "swing", "side", "claim"],
        rows,
        {0, 2, 4},
    )


# -- agidebate explain -----------------------------------------------------------

RELATION_NAMES = {"support": "supporter", "attack": "attacker"}


def render_explanations(out: Console, report: ExplainReport) -> None:
    """Each explained claim: how its score arises, then its influences strongest first."""
    debate = report.applied.debate
    convergence_warning(out, report.result)
    para(out, semantics_line(report.info), indent=0)
    for line in report.applied.describe():
        para(out, line, indent=0)
    for entry in report.entries:
        out.print()
        render_entry(out, debate, entry, report.info)
    if any(e.influences for e in report.entries):
        out.print()
        para(
            out,
            "A share is how much the claim's score would change without that supporter or "
            "attacker. --depth N explains N levels down (0: to the leaves).",
            indent=0,
            style=DIM,
        )


def render_entry(out: Console, debate: Debate, entry: Explanation, info: SemanticsInfo) -> None:
    indent = 4 * entry.level
    side = debate.side_label(entry.claim) or "unreachable"
    out.print(
        Text(" " * indent + entry.claim + "  ", style=HEAD)
        + Text(label(debate, entry.claim))
        + Text(f"  ({side})", style=DIM),
        soft_wrap=True,
    )
    para(out, summary_of(entry), indent=indent + 2)
    if not entry.influences:
        return
    rows = [
        [
            "ignored" if i.ignored else f"{i.contribution:+.3f}",
            RELATION_NAMES[i.relation.value],
            i.source,
            f"{i.score:.2f}",
            label(debate, i.source),
        ]
        for i in entry.influences
    ]
    table(out, ["share", "relation", "id", "score", "claim"], rows, {0, 3}, indent=indent + 2)
    if any(i.ignored for i in entry.influences):
        para(
            out,
            f"{info.name} looks at attacks only; supporters do not count.",
            indent=indent + 2,
            style=DIM,
        )


def summary_of(entry: Explanation) -> str:
    """How the score arises, in one sentence."""
    if entry.label is not None:
        from agidebate.scoring.verdict import GROUNDED_WORDS

        return (
            f"label {entry.label} (score {entry.score:.2f}): " + GROUNDED_WORDS[entry.label] + "."
        )
    if not entry.influences:
        return f"score {entry.score:.2f} = its base weight; nothing argues about it."
    moved = entry.score - entry.base
    pros = sum(1 for i in entry.influences if i.relation.value == "support")
    cons = len(entry.influences) - pros
    parts = [plural(n, noun) for n, noun in ((pros, "supporter"), (cons, "attacker")) if n]
    cycle = (
        " It is part of a cycle, so shares come from re-scoring without each relation."
        if entry.in_cycle
        else ""
    )
    return (
        f"score {entry.score:.2f} = base weight {entry.base:.2f}, moved {moved:+.2f} by "
        f"{' and '.join(parts)}.{cycle}"
    )
