"""Cited works: numbering them in a view, and listing who cites what. No rich.

The same work is often cited by many claims, written out in full each time.
Views number each distinct work once (by `Source.key()`) and print the list
once, below.

>>> from agidebate.model import Claim, Debate, Source
>>> s = Source(title="On data", year=2022)
>>> d = Debate(claims={"a": Claim("a", "A", sources=(s,)), "b": Claim("b", "B", sources=(s,))})
>>> [(w.source.title, w.cited_by) for w in cited_works(d)]
[('On data', ['a', 'b'])]
>>> index = SourceIndex()
>>> index.numbers(d.claims["a"]), index.numbers(d.claims["b"])
([1], [1])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from agidebate.model import Claim, Debate, Source
from agidebate.text import natural_key


@dataclass
class SourceIndex:
    """Numbers works in the order a view first meets them."""

    _numbers: dict[tuple[str, ...], int] = field(default_factory=dict)
    works: list[Source] = field(default_factory=list)

    def number_of(self, source: Source) -> int | None:
        """The number a work already has in this index, if any."""
        return self._numbers.get(source.key())

    def numbers(self, claim: Claim) -> list[int]:
        """The numbers of the claim's sources, assigning new ones as needed."""
        found: list[int] = []
        for source in claim.sources:
            key = source.key()
            number = self._numbers.get(key)
            if number is None:
                self.works.append(source)
                number = self._numbers[key] = len(self.works)
            if number not in found:
                found.append(number)
        return found


@dataclass(frozen=True)
class CitedWork:
    """A work and the ids of the claims that cite it, in natural order (dw-2 before dw-10)."""

    source: Source
    cited_by: list[str]


def cited_works(debate: Debate, claim_ids: Iterable[str] | None = None) -> list[CitedWork]:
    """Every distinct work cited in the debate (or by `claim_ids`), most cited first.

    Ties keep the order in which the works first appear.
    """
    works: dict[tuple[str, ...], CitedWork] = {}
    claims = debate if claim_ids is None else (debate.claims[cid] for cid in claim_ids)
    for claim in claims:
        for source in claim.sources:
            work = works.setdefault(source.key(), CitedWork(source, []))
            if not work.cited_by or work.cited_by[-1] != claim.id:  # once per claim
                work.cited_by.append(claim.id)
    for work in works.values():
        work.cited_by.sort(key=natural_key)
    return sorted(works.values(), key=lambda w: -len(w.cited_by))
