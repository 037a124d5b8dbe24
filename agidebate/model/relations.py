"""What a relation does, and which side of the thesis a claim is on.

Every place that gives a relation its meaning matches on `Relation` exhaustively
(`match` with `typing.assert_never`), so that a new member makes mypy name each
place that must decide what it means (docs/architecture.md lists them).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import assert_never


class Relation(StrEnum):
    """What a claim does to its target.

    `UNDERCUT` attacks a link, not a claim: the source says that the link from
    another claim (`Edge.link_source`) to the target does not bear on the target.
    """

    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"

    @property
    def sign(self) -> int:
        """+1 for a relation that speaks for its target, -1 for one against it (or its link)."""
        match self:
            case Relation.SUPPORT:
                return 1
            case Relation.ATTACK | Relation.UNDERCUT:
                return -1
            case _:
                assert_never(self)


class Side(StrEnum):
    """Which way a claim counts on the thesis (or on its root, without a thesis)."""

    PRO = "pro"
    CON = "con"

    def flipped(self) -> Side:
        return Side.CON if self is Side.PRO else Side.PRO

    def through(self, relation: Relation) -> Side:
        """The side of a claim that has `relation` to a claim on this side.

        For an undercut, `self` is the side of the cut link's source: an
        undercutter is on the other side (it takes away that claim's say).
        """
        match relation:
            case Relation.SUPPORT:
                return self
            case Relation.ATTACK | Relation.UNDERCUT:
                return self.flipped()
            case _:
                assert_never(relation)


def tally(relations: Iterable[Relation]) -> tuple[int, int]:
    """How many of `relations` speak for their target and how many against it (or its link)."""
    pros = cons = 0
    for relation in relations:
        match relation:
            case Relation.SUPPORT:
                pros += 1
            case Relation.ATTACK | Relation.UNDERCUT:
                cons += 1
            case _:
                assert_never(relation)
    return pros, cons
