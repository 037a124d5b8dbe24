"""Why a claim counts for or against the thesis: its chain of relations upward. No rich.

>>> from agidebate.model import Claim, Debate, Edge, Relation as R
>>> d = Debate(claims={i: Claim(i, i.upper()) for i in "tab"}, thesis="t",
...            edges=(Edge("a", "t", R.ATTACK), Edge("b", "a", R.ATTACK)))
>>> chain = claim_path(d, "b")
>>> [(e.source, e.relation.value, e.target) for e in chain.steps]
[('b', 'attack', 'a'), ('a', 'attack', 't')]
>>> chain.because()
'b counts for the thesis: it attacks a, which counts against the thesis.'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agidebate.model import Debate, Edge, Side
from agidebate.text import aim, counts_phrase, relation_verb


@dataclass(frozen=True)
class ClaimPath:
    """The chain from a claim up to the thesis (or its root), shortest first."""

    debate: Debate
    claim_id: str
    steps: list[Edge]
    side: Side | None
    reaches_root: bool
    other_relations: list[Edge] = field(default_factory=list)
    sides_via_others: list[Side | None] = field(default_factory=list)
    # Relations between the last step shown and the thesis, when the chain is cut short.
    elided: int = 0

    @property
    def end(self) -> str:
        """Where the chain stops: the thesis, a root, or the last claim before a loop."""
        if self.elided and self.reaches_root:
            return self.debate.thesis or "a root"
        return self.steps[-1].upstream if self.steps else self.claim_id

    @property
    def both_sides(self) -> bool:
        """True when another of the claim's relations would put it on the other side."""
        return any(s is not None and s is not self.side for s in self.sides_via_others)

    def because(self) -> str:
        """One sentence on why the claim counts the way it does."""
        cid = self.claim_id
        if self.claim_id == self.debate.thesis:
            return f"{cid} is the thesis."
        if not self.steps:
            return f"{cid} answers no other claim: it is a root of its own tree."
        if not self.reaches_root:
            goal = "the thesis" if self.debate.thesis else "a root"
            return f"{cid} does not reach {goal}: the chain stops at {self.end}."
        first = self.steps[0]
        verb = relation_verb(first.relation)
        anchor = self._anchor()
        subject = f"{cid} {counts_phrase(self.side, anchor)}"
        up = first.upstream
        if first.cut_link is not None:  # the side comes from the cut link's source
            it = f"{subject}: it {verb} {aim(first, self.debate.thesis)}, and {up}"
            above = self.debate.side(up)
            return f"{it} {counts_phrase(above, anchor) if above else 'is a root'}."
        if up == self.debate.thesis:
            return f"{subject}: it {verb} the thesis."
        above = self.debate.side(up)
        if above is None:
            return f"{subject}: it {verb} {up}, a root."
        return f"{subject}: it {verb} {up}, which {counts_phrase(above, anchor)}."

    def _anchor(self) -> str:
        """What the side is relative to: the thesis, or (without one) the root reached."""
        if self.debate.thesis:
            return "the thesis"
        return f"root {self.end}" if self.end != "a root" else "its root"


def claim_path(debate: Debate, claim_id: str, limit: int | None = None) -> ClaimPath:
    """The claim's shortest chain upward, and the relations it has besides.

    For a claim that reaches no root, the chain follows each claim's first
    relation until it stops or comes back to a claim it has passed. With
    `limit`, at most that many relations are kept and `elided` counts the rest,
    so that listing many deep claims stays proportional to the number of claims.
    """
    reaches = debate.is_reachable(claim_id)
    steps = (
        debate.path_to_root(claim_id, limit)
        if reaches
        else _first_relations(debate, claim_id, limit)
    )
    depth = debate.depth(claim_id) if reaches else None
    elided = depth - len(steps) if depth is not None else 0
    others = [e for e in debate.targets(claim_id) if not steps or e is not steps[0]]
    return ClaimPath(
        debate=debate,
        claim_id=claim_id,
        steps=steps,
        side=debate.side(claim_id),
        reaches_root=reaches,
        other_relations=others,
        sides_via_others=[_side_via(debate, e, debate.root_of(claim_id)) for e in others],
        elided=elided,
    )


def _side_via(debate: Debate, edge: Edge, root: str | None) -> Side | None:
    """The side `edge` would give its source, if it leads to the same root (else None)."""
    up = edge.upstream
    if not debate.is_reachable(up) or debate.root_of(up) != root:
        return None
    return (debate.side(up) or Side.PRO).through(edge.relation)


def _first_relations(debate: Debate, claim_id: str, limit: int | None = None) -> list[Edge]:
    steps: list[Edge] = []
    passed = {claim_id}
    current = claim_id
    while debate.targets(current) and (limit is None or len(steps) < limit):
        edge = debate.targets(current)[0]
        steps.append(edge)
        if edge.upstream in passed:
            break
        passed.add(edge.upstream)
        current = edge.upstream
    return steps
