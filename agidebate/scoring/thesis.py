"""The verdict on the thesis as a reader wants it: the number, its band, the best
argument on each side, and the proof standard they meet.

- `value`: the thesis's strength; `low`, `high`: its band over the claims the
  reader's weights leave free (`band`), equal to `value` when no reader's weights
  are in use.
- `best_pro`, `best_con`: the thesis's direct supporter and attacker with the
  largest effective strength (strength x impact x (1 - undercut)), with the link
  through which it acts.
- `standard`: Carneades' proof standard met by those two numbers (`standards`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from agidebate.model import Relation
from agidebate.scoring._aggregate import Aggregation
from agidebate.scoring._network import Links, Network
from agidebate.scoring.standards import Standard, meets
from agidebate.scoring.verdict import Verdict, verdict


@dataclass(frozen=True, slots=True)
class Step:
    """One link on the way to the thesis, with its effective impact (impact x (1 - undercut))."""

    source: str
    target: str
    relation: Relation
    impact: float


@dataclass(frozen=True, slots=True)
class BestArgument:
    """The strongest direct argument on one side: its effective strength and its path."""

    id: str
    strength: float
    path: tuple[Step, ...]


@dataclass(frozen=True)
class ThesisVerdict:
    """The thesis's strength, its band, the best argument each way, the standard they meet."""

    value: float
    low: float
    high: float
    words: Verdict
    standard: Standard
    best_pro: BestArgument | None
    best_con: BestArgument | None
    banded: bool = False

    @property
    def phrase(self) -> str:
        return self.words.phrase


def read_thesis(
    net: Network,
    strengths: Sequence[float],
    thesis: int,
    cut: Aggregation,
    uses_supports: bool,
    band: tuple[float, float] | None = None,
) -> ThesisVerdict:
    """The verdict on claim `thesis` from solved `strengths` (and its band, if computed)."""
    value = strengths[thesis]
    best_pro = None
    if uses_supports:
        best_pro = _best(net, strengths, thesis, cut, Relation.SUPPORT)
    best_con = _best(net, strengths, thesis, cut, Relation.ATTACK)
    low, high = band if band is not None else (value, value)
    return ThesisVerdict(
        value,
        min(low, value),
        max(high, value),
        verdict(value),
        meets(best_pro.strength if best_pro else 0.0, best_con.strength if best_con else 0.0),
        best_pro,
        best_con,
        banded=band is not None,
    )


def _best(
    net: Network, s: Sequence[float], thesis: int, cut: Aggregation, relation: Relation
) -> BestArgument | None:
    if relation is Relation.SUPPORT:
        sources, links = net.supporters[thesis], net.support_links[thesis]
    else:
        sources, links = net.attackers[thesis], net.attack_links[thesis]
    best: BestArgument | None = None
    for position, j in enumerate(sources):
        impact = _effective_impact(links, position, s, cut)
        strength = s[j] * impact
        if best is None or strength > best.strength:
            step = Step(net.ids[j], net.ids[thesis], relation, impact)
            best = BestArgument(net.ids[j], strength, (step,))
    return best


def _effective_impact(
    links: Links | None, position: int, s: Sequence[float], cut: Aggregation
) -> float:
    if links is None:
        return 1.0
    cutters = links.cuts[position]
    kept = 1.0 - cut.combine([s[u] for u in cutters]) if cutters else 1.0
    return links.impacts[position] * kept
