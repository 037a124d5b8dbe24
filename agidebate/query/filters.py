"""Choosing claims by topic, side, tag and author. No rich.

>>> from agidebate.model import Claim, Debate, Edge, Relation
>>> d = Debate(claims={"t": Claim("t", "T"), "a": Claim("a", "A", by="Ann Lee", tags=("x",))},
...            edges=(Edge("a", "t", Relation.ATTACK),), thesis="t")
>>> ClaimFilter(by="ann").matches(d, d.claims["a"])
True
>>> ClaimFilter(side="pro").matches(d, d.claims["a"])
False
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from agidebate.errors import UsageError
from agidebate.model import Claim, Debate, Side
from agidebate.suggest import did_you_mean


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to keep; every criterion given must hold (empty keeps all).

    `topic` is a topic id, `side` is `pro` or `con`, `tag` a tag (any case),
    `by` a part of the author's name (any case).
    """

    topic: str | None = None
    side: str | None = None
    tag: str | None = None
    by: str | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.topic, self.side, self.tag, self.by))

    def matches(self, debate: Debate, claim: Claim) -> bool:
        """True when `claim` meets every criterion."""
        if self.topic is not None and claim.topic != self.topic:
            return False
        if self.side is not None and debate.side_label(claim.id) != self.side:
            return False
        if self.tag is not None and self.tag.casefold() not in (t.casefold() for t in claim.tags):
            return False
        return self.by is None or self.by.casefold() in (claim.by or "").casefold()

    def describe(self) -> str:
        """The criteria in words: `topic data-wall, side con`."""
        parts = [
            f"{name} {value}"
            for name, value in (
                ("topic", self.topic),
                ("side", self.side),
                ("tag", self.tag),
                ("by", self.by),
            )
            if value is not None
        ]
        return ", ".join(parts)

    def validate(self, debate: Debate) -> None:
        """Raise a usage error for an unknown topic or side, naming close ones."""
        if self.side is not None and self.side not in (Side.PRO.value, Side.CON.value):
            raise UsageError(f"unknown side '{self.side}'", "use --side pro or --side con")
        if self.topic is not None and self.topic not in debate.topics:
            hint = did_you_mean(self.topic, debate.topics, "`agidebate stats` lists the topics")
            raise UsageError(f"no topic '{self.topic}'", hint)


def select(debate: Debate, claim_filter: ClaimFilter | None) -> list[Claim]:
    """The claims that pass the filter, in the order they were written."""
    if claim_filter is None or not claim_filter.active:
        return list(debate)
    return [c for c in debate if claim_filter.matches(debate, c)]


def authors_only(debate: Debate) -> Debate:
    """The debate as its authors made it: without the claims and links the map's editor
    added (`editorial: true`), nor the relations of those claims, nor the undercuts of the
    links left out. The thesis stays, whoever wrote it. Sides, depths and scores are those
    of what remains.

    >>> from agidebate.model import Edge, Relation
    >>> d = Debate(claims={"t": Claim("t", "T"), "a": Claim("a", "A"),
    ...                    "e": Claim("e", "E", editorial=True)}, thesis="t",
    ...            edges=(Edge("a", "t", Relation.SUPPORT, editorial=True),
    ...                   Edge("e", "t", Relation.ATTACK)))
    >>> sorted(authors_only(d).claims), authors_only(d).edges
    (['a', 't'], ())
    """
    claims = {
        cid: claim
        for cid, claim in debate.claims.items()
        if not claim.editorial or cid == debate.thesis
    }
    edges = [
        e
        for e in debate.edges
        if not e.editorial
        and e.source in claims
        and e.target in claims
        and (e.link_source is None or e.link_source in claims)
    ]
    links = {(e.source, e.target) for e in edges if e.cut_link is None}
    kept = tuple(e for e in edges if e.cut_link is None or e.cut_link in links)
    return dataclasses.replace(debate, claims=claims, edges=kept)
