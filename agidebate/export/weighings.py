"""Every way to weigh the debate, scored at export time for the HTML page's re-weigh control.

A *weighing* is one perspective (or `base`, the debate's own weights) under one
semantics. The page offers each perspective of the debate folder and each
semantics of the registry (`scoring.SEMANTICS`, whatever it holds, with
`DEFAULT_SEMANTICS` first), and embeds for every combination the scores of all
claims, each topic's summed scores and the verdict, so that switching runs no
scoring code in the browser. Each combination is scored by the same
`score_report`/`report_json` path as `agidebate score --perspective P
--semantics S --json`, so the page shows exactly what the command prints, and
whatever that JSON learns to say about the verdict (a band, a proof standard)
reaches the page with it.

A debate of more than `FULL_LIMIT` claims embeds only the chosen combination
(every one would multiply the file and the export time); the page says so.
Perspective files are read here (from the debate's folder, with
`format.perspectives`); scoring itself never opens a file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from agidebate.errors import UsageError
from agidebate.scoring.whatif import BASE

if TYPE_CHECKING:
    from pathlib import Path

    from agidebate.model import Debate, WeightProfile
    from agidebate.scoring.report import ScoreReport

FULL_LIMIT = 20_000
SCORE_DIGITS = 4  # each claim's bar in the page; the verdict keeps the JSON's six


@dataclass(frozen=True, slots=True)
class Perspective:
    """A perspective the page offers (`base`: the debate's own weights)."""

    name: str
    title: str | None = None
    by: str | None = None
    summary: str | None = None
    weighed: int = 0  # how many claims its file weighs


@dataclass(frozen=True, slots=True)
class Semantics:
    name: str
    title: str
    gradual: bool


@dataclass(frozen=True)
class Run:
    """One perspective under one semantics: every claim's score and the verdict."""

    perspective: str
    semantics: str
    scores: dict[str, float]
    labels: dict[str, str] | None
    verdict: dict[str, Any] | None
    topics: dict[str, tuple[float, float]]


@dataclass(frozen=True)
class Weighings:
    """What the page can switch between, and where it starts."""

    perspectives: list[Perspective]
    semantics: list[Semantics]
    runs: list[Run]
    initial: tuple[str, str]
    partial: str | None = None

    def run(self, perspective: str, semantics: str) -> Run:
        return next(
            r for r in self.runs if (r.perspective, r.semantics) == (perspective, semantics)
        )


def weigh(
    debate: Debate,
    folder: Path | None,
    *,
    semantics: str | None = None,
    perspective: str | None = None,
    full: Debate | None = None,
    limit: int = FULL_LIMIT,
) -> Weighings:
    """Score `debate` under every perspective and semantics (see the module docstring).

    `folder` is the debate folder whose `perspectives/` are offered (None: none).
    `semantics` and `perspective` pick where the page starts (default: the registry's
    default, `base`). `full` is the whole debate when `debate` is a part of it
    (`export ID`): perspective files are read and checked against the whole debate,
    and their weights for claims outside the part are left out.
    """
    from agidebate.scoring import DEFAULT_SEMANTICS, SEMANTICS, semantics_info

    start = (perspective or BASE, semantics or DEFAULT_SEMANTICS)
    infos = [semantics_info(name) for name in _ordered(SEMANTICS, DEFAULT_SEMANTICS)]
    profiles = _checked(folder, full or debate, start)
    offered = [Perspective(BASE)] + [_describe(p) for p in profiles.values()]
    partial = None
    wanted = [(p.name, s.name) for p in offered for s in infos]
    if len(debate) > limit and len(wanted) > 1:
        partial = (
            f"this debate has {len(debate):,} claims (more than {limit:,}): only "
            f"{start[0]} under {start[1]} is embedded"
        )
        wanted = [start]
    runs = [_run(debate, name, sem, profiles) for name, sem in wanted]
    return Weighings(
        offered if partial is None else [p for p in offered if p.name == start[0]],
        [
            Semantics(i.name, i.title, i.gradual)
            for i in infos
            if partial is None or i.name == start[1]
        ],
        runs,
        start,
        partial,
    )


def single(
    debate: Debate,
    folder: Path | None,
    semantics: str,
    perspective: str | None = None,
    *,
    full: Debate | None = None,
) -> Run:
    """One weighing alone: `debate` under `semantics` and `perspective` (see `weigh`)."""
    start = (perspective or BASE, semantics)
    profiles = _checked(folder, full or debate, start, every=False)
    return _run(debate, start[0], start[1], profiles)


def _checked(
    folder: Path | None, debate: Debate, start: tuple[str, str], every: bool = True
) -> dict[str, WeightProfile]:
    """The perspectives of the debate in `folder` (`every`), or only the one to start
    with; usage errors for an unknown start pair."""
    from agidebate.scoring import semantics_info

    semantics_info(start[1])  # an unknown name is a usage error naming the choices
    profiles = _profiles(folder, debate) if every and folder is not None else {}
    if start[0] != BASE and start[0] not in profiles:
        if folder is None:
            raise UsageError(
                f"no perspective '{start[0]}': this debate was not read from a folder",
                "perspectives are files in the debate folder's perspectives/",
            )
        from agidebate.format.perspectives import load_perspective  # YAML: only if named

        profiles[start[0]] = load_perspective(folder, debate, start[0])  # or an error
    return profiles


def _ordered(registry: Mapping[str, str], default: str) -> list[str]:
    return [default, *(name for name in registry if name != default)]


def _profiles(folder: Path, debate: Debate) -> dict[str, WeightProfile]:
    from agidebate.format.perspectives import load_perspective, perspective_names

    return {name: load_perspective(folder, debate, name) for name in perspective_names(folder)}


def _describe(profile: WeightProfile) -> Perspective:
    return Perspective(
        profile.name, profile.title, profile.by, profile.summary, len(profile.weights)
    )


def _run(
    debate: Debate, perspective: str, semantics: str, profiles: Mapping[str, WeightProfile]
) -> Run:
    """Score one pair exactly as `agidebate score --perspective P --semantics S --json`
    does (a perspective's weights for claims outside `debate` are left out by `apply`)."""
    from agidebate.query.score_records import report_json
    from agidebate.scoring import JSON_DIGITS
    from agidebate.scoring.report import score_report
    from agidebate.scoring.whatif import Scenario

    scenario = Scenario(perspective=None if perspective == BASE else profiles[perspective])
    report = score_report(debate, semantics, scenario, robustness=False)
    data = report_json(report)
    scores = {cid: round(v, JSON_DIGITS) for cid, v in report.result.scores.items()}
    return Run(
        perspective,
        semantics,
        scores,
        dict(report.result.labels) if report.result.labels is not None else None,
        _verdict(report, data),
        {t.id: (round(t.pro, JSON_DIGITS), round(t.con, JSON_DIGITS)) for t in report.topics},
    )


def _verdict(report: ScoreReport, data: Mapping[str, Any]) -> dict[str, Any] | None:
    """The thesis's verdict as `score --json` gives it, with the words `score` prints."""
    thesis = data.get("thesis")
    if not isinstance(thesis, dict) or report.verdict is None:
        return None
    verdict: dict[str, Any] = {"value": thesis["score"], "phrase": report.verdict.phrase}
    labels = report.result.labels
    if labels is not None and thesis["id"] in labels:
        from agidebate.scoring.verdict import GROUNDED_WORDS

        label = labels[thesis["id"]]
        verdict["label"] = label
        verdict["phrase"] = GROUNDED_WORDS[label].split(":")[0]
    extra = data.get("verdict")  # a richer verdict object, when `score --json` has one
    if isinstance(extra, dict):
        verdict.update({k: v for k, v in extra.items() if k not in verdict or k == "value"})
    return verdict


def weighings_json(
    found: Weighings,
    claim_order: list[str],
    topic_order: list[str],
    text: Callable[[Any], Any] = lambda value: value,
) -> dict[str, Any]:
    """The weighings as the page reads them: scores as arrays in the page's claim order.
    `text` is applied to everything but the arrays of numbers (the page's `_visible`)."""
    described: dict[str, Any] = text(
        {
            "initial": list(found.initial),
            "partial": found.partial,
            "perspectives": [
                {
                    "name": p.name,
                    "title": p.title,
                    "by": p.by,
                    "summary": p.summary,
                    "weighed": p.weighed,
                }
                for p in found.perspectives
            ],
            "semantics": [
                {"name": s.name, "title": s.title, "gradual": s.gradual} for s in found.semantics
            ],
        }
    )
    described["runs"] = [
        {
            "perspective": text(r.perspective),
            "semantics": text(r.semantics),
            "scores": [_round(r.scores.get(cid)) for cid in claim_order],
            "labels": None if r.labels is None else [r.labels.get(cid) for cid in claim_order],
            "verdict": text(r.verdict),
            "topics": [list(r.topics.get(tid, (0.0, 0.0))) for tid in topic_order],
        }
        for r in found.runs
    ]
    return described


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, SCORE_DIGITS)
