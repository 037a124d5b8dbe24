"""A reader's view of the debate (a perspective file), and what scores should come out.

Pure data: `agidebate.format.perspectives` reads the files, `agidebate.scoring` uses
the numbers, and nothing here opens a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from agidebate.errors import Location
from agidebate.model.claims import Quote, Source, Translations


@dataclass(frozen=True, slots=True)
class Range:
    """An expected score: `low <= score <= high`, both in [0, 1]."""

    low: float
    high: float
    location: Location | None = None  # where the range is written

    def holds(self, value: float) -> bool:
        """Whether `value` lies in the range (ends included).

        >>> Range(0.2, 0.45).holds(0.45), Range(0.2, 0.45).holds(0.5)
        (True, False)
        """
        return self.low <= value <= self.high


@dataclass(frozen=True)
class Expect:
    """What `agidebate test` checks: ranges for the thesis and for claims.

    `verdict` is the thesis under the default semantics; `semantics` the thesis
    under a named semantics; `claims` single claims under the default semantics.
    """

    verdict: Range | None = None
    semantics: Mapping[str, Range] = field(default_factory=dict)
    claims: Mapping[str, Range] = field(default_factory=dict)
    location: Location | None = None  # where `expect:` is written

    def __len__(self) -> int:
        """How many expectations there are."""
        return (self.verdict is not None) + len(self.semantics) + len(self.claims)


@dataclass(frozen=True)
class BottomLine:
    """What an author concluded: in their words, as a number where they gave one."""

    text: str
    value: float | None = None  # in [0, 1]
    quote: Quote | None = None  # `quote.source` indexes the perspective's `sources`
    i18n: Translations = field(default_factory=dict)  # `text` in other languages


@dataclass(frozen=True)
class Perspective:
    """A named reader's view: base weights (credence), link relevance (impact), a prior
    for the thesis, their bottom line and the scores it should give.

    Claims it gives no credence keep the debate's written weight. `path` is the file as
    given (for messages); `source` names it for readers (`perspectives/skeptic.yaml`, or
    the path of a reader's own weights file).
    """

    name: str  # the file's stem
    path: str = ""
    credence: Mapping[str, float] = field(default_factory=dict)  # `weights:` is an alias
    title: str | None = None
    summary: str | None = None
    by: str | None = None
    source: str = ""
    impact: Mapping[tuple[str, str], float] = field(default_factory=dict)  # (from, to) -> [0, 1]
    prior: float | None = None  # the thesis's base weight for this reader
    bottom_line: BottomLine | None = None
    expect: Expect | None = None
    sources: tuple[Source, ...] = ()
    i18n: Translations = field(default_factory=dict)  # title and summary
    location: Location | None = None

    @property
    def weights(self) -> Mapping[str, float]:
        """The credences under their first name (`weights:` in the files of version 1)."""
        return self.credence


# The name a perspective had when it held only weights; the same class.
WeightProfile = Perspective
