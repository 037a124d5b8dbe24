"""Counts that describe a debate's shape: topics, sides, depth, balance, loose ends. No rich.

>>> from agidebate.model import Claim, Debate, Edge, Relation as R
>>> d = Debate(claims={i: Claim(i, i.upper(), topic="x") for i in "tabc"}, thesis="t",
...            edges=(Edge("a", "t", R.ATTACK), Edge("b", "a", R.ATTACK)))
>>> s = debate_stats(d)
>>> (s.claims, s.pro, s.con, s.max_depth, s.unreachable)
(4, 1, 1, 2, ('c',))
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from agidebate.model import Debate, Side, tally
from agidebate.query.paths import claim_path


@dataclass
class TopicStats:
    """Claims of one topic, by side."""

    id: str
    title: str | None
    claims: int = 0
    pro: int = 0
    con: int = 0
    max_depth: int = 0

    @property
    def pro_share(self) -> float | None:
        """Pro claims as a share of the claims that have a side."""
        sided = self.pro + self.con
        return round(self.pro / sided, 4) if sided else None


@dataclass
class DebateStats:
    """The whole debate in numbers."""

    claims: int
    relations: int
    supports: int
    attacks: int
    pro: int
    con: int
    top_pro: int  # claims answering the thesis (or a root) directly
    top_con: int
    max_depth: int
    depths: dict[int, int]  # claims per level below the thesis
    topics: list[TopicStats]
    unreachable: tuple[str, ...]  # claims that reach no root: orphans
    both_sides: tuple[str, ...]  # claims one relation puts on each side
    several_targets: int  # claims that answer more than one claim
    unanswered: int  # claims nobody replies to yet
    works: int  # distinct works cited
    unsourced: int  # claims citing nothing
    authors: dict[str, int] = field(default_factory=dict)
    has_thesis: bool = True  # without one, sides and depths are relative to each root

    @property
    def pro_share(self) -> float | None:
        """Pro claims as a share of the claims that have a side, to four decimals."""
        sided = self.pro + self.con
        return round(self.pro / sided, 4) if sided else None


def _topics(debate: Debate) -> list[TopicStats]:
    topics = {tid: TopicStats(tid, t.title) for tid, t in debate.topics.items()}
    for claim in debate:
        if claim.topic is None or claim.id in debate.roots:
            continue
        stats = topics.setdefault(claim.topic, TopicStats(claim.topic, None))
        stats.claims += 1
        side = debate.side(claim.id)
        stats.pro += side is Side.PRO
        stats.con += side is Side.CON
        stats.max_depth = max(stats.max_depth, debate.depth(claim.id) or 0)
    return list(topics.values())


def debate_stats(debate: Debate) -> DebateStats:
    """Counts per topic and side, depth, balance, and the claims that hang loose."""
    sides = Counter(debate.side(c.id) for c in debate)
    top = Counter(debate.side(e.source) for root in debate.roots for e in debate.children(root))
    depths = Counter(d for c in debate if (d := debate.depth(c.id)) is not None)
    works = {s.key() for c in debate for s in c.sources}
    supports, attacks = tally(e.relation for e in debate.edges)
    return DebateStats(
        claims=len(debate),
        relations=len(debate.edges),
        supports=supports,
        attacks=attacks,
        pro=sides[Side.PRO],
        con=sides[Side.CON],
        top_pro=top[Side.PRO],
        top_con=top[Side.CON],
        max_depth=max(depths, default=0),
        depths=dict(sorted(depths.items())),
        topics=_topics(debate),
        unreachable=tuple(c.id for c in debate if not debate.is_reachable(c.id)),
        both_sides=tuple(
            c.id
            for c in debate
            if len(debate.targets(c.id)) > 1 and claim_path(debate, c.id).both_sides
        ),
        several_targets=sum(1 for c in debate if len(debate.targets(c.id)) > 1),
        unanswered=sum(1 for c in debate if not debate.children(c.id)),
        works=len(works),
        unsourced=sum(1 for c in debate if not c.sources),
        authors=dict(Counter(c.by for c in debate if c.by).most_common()),
        has_thesis=debate.thesis is not None,
    )
