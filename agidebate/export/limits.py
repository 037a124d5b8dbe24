"""Limit what an export shows: `--depth N` levels below the thesis, `--topic T` one topic.

The limited debate keeps each kept claim's side and depth: a topic's claims come
with the claims on their shortest paths to the thesis (shown as context), which
are exactly the paths that give them their side. Scores are computed on the
debate before it is limited, so a claim shows the score it really has.

>>> from agidebate.model import Claim, Debate, Edge, Relation, Topic
>>> d = Debate(claims={"t": Claim("t", "T"), "a": Claim("a", "A", topic="x"),
...     "b": Claim("b", "B", topic="y")}, edges=(Edge("a", "t", Relation.SUPPORT),
...     Edge("b", "a", Relation.ATTACK)), thesis="t",
...     topics={"x": Topic("x"), "y": Topic("y")})
>>> sorted(limit(d, depth=1).claims), sorted(limit(d, topic="y").claims)
(['a', 't'], ['a', 'b', 't'])
"""

from __future__ import annotations

import dataclasses

from agidebate.errors import UsageError
from agidebate.model import Debate


def limit(debate: Debate, *, depth: int | None = None, topic: str | None = None) -> Debate:
    """`debate` with only the claims within `depth` steps of the thesis and/or of `topic`
    (plus the path from each of them to the thesis). Linear in claims plus relations."""
    if depth is None and topic is None:
        return debate
    keep = set(debate.claims)
    if topic is not None:
        keep = _topic(debate, topic)
    if depth is not None:
        if depth < 0:
            raise UsageError(f"--depth {depth}: must be 0 or more", "--depth 2 shows two levels")
        keep = {cid for cid in keep if (d := debate.depth(cid)) is not None and d <= depth}
    claims = {cid: c for cid, c in debate.claims.items() if cid in keep}
    used = {c.topic for c in claims.values()}
    return dataclasses.replace(
        debate,
        claims=claims,
        edges=tuple(e for e in debate.edges if e.source in keep and e.target in keep),
        topics={tid: t for tid, t in debate.topics.items() if tid in used},
    )


def _topic(debate: Debate, topic: str) -> set[str]:
    if topic not in debate.topics:
        from agidebate.suggest import did_you_mean

        hint = did_you_mean(topic, debate.topics, "`agidebate stats` lists the topics")
        raise UsageError(f"no topic '{topic}' in this debate", hint)
    keep = set(debate.roots)
    for claim in debate:
        if claim.topic != topic or claim.id in keep:
            continue
        keep.add(claim.id)
        edge = debate.parent_edge(claim.id)
        while edge is not None and edge.target not in keep:
            keep.add(edge.target)
            edge = debate.parent_edge(edge.target)
    return keep
