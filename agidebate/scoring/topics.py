"""Topic balances: how each topic's claims stand towards the thesis.

A topic's pro side is its claims that count for the thesis (a supporter, a
rebuttal of an attacker, ...), its con side those that count against. Each
side's strength combines its claims' strengths the way the semantics combines
one claim's supporters or attackers (`Spec.aggregation`): discounted under
`dtop` (the strongest claim counts fully, each further one a quarter as much
as the one before), the strongest alone under `top`, as independent chances
under `dfquad`, and summed under the semantics that count claims (`qe`,
`euler`, `hcat`, and `grounded`'s 1/0/0.5). `balance` is pro / (pro + con).
Summaries are left out: they restate claims already counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from agidebate.model import Debate, Side
from agidebate.scoring._aggregate import SUM, Aggregation


@dataclass(frozen=True, slots=True)
class TopicBalance:
    """A topic's pro and con sides toward the thesis: their claims' strengths, combined."""

    id: str
    title: str | None
    pro: float
    con: float
    pro_claims: int
    con_claims: int

    @property
    def balance(self) -> float:
        """pro / (pro + con): 1 all pro, 0 all con, 0.5 even (also when both are empty)."""
        total = self.pro + self.con
        return self.pro / total if total > 0 else 0.5


def topic_balances(
    debate: Debate, scores: Mapping[str, float], aggregation: Aggregation = SUM
) -> list[TopicBalance]:
    """Each topic's balance, in the debate's topic order; claims reaching no root are left out."""
    sides: dict[str, tuple[list[float], list[float]]] = {tid: ([], []) for tid in debate.topics}
    for claim in debate:
        side = debate.side(claim.id)
        if claim.topic not in sides or side is None or claim.id not in scores:
            continue
        if not claim.kind.counted:
            continue
        sides[claim.topic][0 if side is Side.PRO else 1].append(scores[claim.id])
    return [
        TopicBalance(
            tid,
            debate.topics[tid].title,
            aggregation.combine(pro),
            aggregation.combine(con),
            len(pro),
            len(con),
        )
        for tid, (pro, con) in sides.items()
        if pro or con
    ]
