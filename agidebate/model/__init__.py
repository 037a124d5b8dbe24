"""The debate model: claims, relations, topics, perspectives. Standard library only, no I/O.

A `Debate` is immutable once built. Everything derived from its structure
(incoming and outgoing relations, each claim's side on the thesis, its depth)
is computed once, iteratively, in time linear in claims plus relations.
"""

from __future__ import annotations

from agidebate.model.claims import (
    DEFAULT_WEIGHT,
    THESIS_ID,
    Author,
    Claim,
    ClaimKind,
    Edge,
    Figure,
    Quote,
    Source,
    Topic,
    Translations,
)
from agidebate.model.debate import Debate
from agidebate.model.perspective import BottomLine, Expect, Perspective, Range, WeightProfile
from agidebate.model.relations import Relation, Side, tally

__all__ = [
    "DEFAULT_WEIGHT",
    "THESIS_ID",
    "Author",
    "BottomLine",
    "Claim",
    "ClaimKind",
    "Debate",
    "Edge",
    "Expect",
    "Figure",
    "Perspective",
    "Quote",
    "Range",
    "Relation",
    "Side",
    "Source",
    "Topic",
    "Translations",
    "WeightProfile",
    "tally",
]
