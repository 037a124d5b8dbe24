"""What-if scenarios: whose weights, which overrides, which claims left out.

A `Scenario` is what a reader changes before scoring, applied in this order:

1. a perspective's credences, link impacts and prior (the thesis's base weight),
   read from `perspectives/NAME.yaml` by `format.perspectives`,
2. the reader's own weights file (read the same way; it may give the same three),
3. single overrides (`--set ID=VALUE`), the last word,
4. claims removed (`--without ID`), together with every claim that argued
   only about removed claims ("what hangs only on it").

>>> from agidebate.model import Claim, Debate, Edge, Relation
>>> d = Debate(claims={"t": Claim("t", "T"), "a": Claim("a", "A"), "b": Claim("b", "B")},
...            edges=(Edge("a", "t", Relation.ATTACK), Edge("b", "a", Relation.ATTACK)), thesis="t")
>>> smaller, removed = without(d, ["a"])
>>> sorted(smaller.claims), removed
(['t'], ['a', 'b'])
>>> parse_assignment("a=0.8", d)
('a', 0.8)
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from agidebate.errors import UsageError
from agidebate.i18n import _, ngettext
from agidebate.model import Debate, WeightProfile
from agidebate.suggest import id_hint

BASE = "base"


@dataclass(frozen=True)
class Scenario:
    """What a reader changes before scoring (see the module docstring for the order)."""

    perspective: WeightProfile | None = None
    own: WeightProfile | None = None
    overrides: tuple[tuple[str, float], ...] = ()
    without: tuple[str, ...] = ()

    def with_perspective(self, profile: WeightProfile | None) -> Scenario:
        """The same scenario under another perspective (None: the debate's own weights)."""
        return dataclasses.replace(self, perspective=profile)


@dataclass(frozen=True)
class Applied:
    """A scenario applied to a debate: the debate to score and the weights to score it with."""

    debate: Debate
    weights: dict[str, float]
    removed: list[str] = field(default_factory=list)
    perspective: WeightProfile | None = None
    own: WeightProfile | None = None
    overrides: dict[str, float] = field(default_factory=dict)
    impacts: dict[tuple[str, str], float] = field(default_factory=dict)

    @property
    def reader(self) -> bool:
        """Whether a reader's weights are in use (a perspective or a weights file)."""
        return self.perspective is not None or self.own is not None

    def describe(self) -> list[str]:
        """One sentence per change from the debate as written, for readers."""
        lines = []
        if self.perspective is not None:
            p = self.perspective
            count = len(p.weights)
            if p.title:
                lines.append(
                    ngettext(
                        'Perspective: {name} "{title}" (weights for {n} claim from {source}).',
                        'Perspective: {name} "{title}" (weights for {n} claims from {source}).',
                        count,
                        name=p.name,
                        title=p.title,
                        source=p.source,
                    )
                )
            else:
                lines.append(
                    ngettext(
                        "Perspective: {name} (weights for {n} claim from {source}).",
                        "Perspective: {name} (weights for {n} claims from {source}).",
                        count,
                        name=p.name,
                        source=p.source,
                    )
                )
        for profile in (self.perspective, self.own):
            if profile is not None:
                lines += _reader_extras(profile)
        if self.own is not None:
            lines.append(
                ngettext(
                    "Your weights: {n} claim from {source}.",
                    "Your weights: {n} claims from {source}.",
                    len(self.own.weights),
                    source=self.own.source,
                )
            )
        if self.overrides:
            values = ", ".join(f"{k}={v:g}" for k, v in self.overrides.items())
            lines.append(_("Set: {values}.", values=values))
        if self.removed:
            lines.append(
                ngettext(
                    "Left out: {n} claim ({ids}).",
                    "Left out: {n} claims ({ids}).",
                    len(self.removed),
                    ids=", ".join(self.removed),
                )
            )
        return lines


def profile_name(profile: WeightProfile | None) -> str:
    """A reader's name: the perspective's, or `base` for the debate's own weights."""
    return BASE if profile is None else profile.name


def _reader_extras(profile: WeightProfile) -> list[str]:
    """The link impacts and prior a reader's file gives, in words (none: nothing)."""
    lines = []
    if profile.impact:
        lines.append(
            ngettext(
                "{name} gives {n} link its own impact.",
                "{name} gives {n} links their own impact.",
                len(profile.impact),
                name=profile.name,
            )
        )
    if profile.prior is not None:
        lines.append(
            _("{name}'s prior for the thesis: {prior:.2f}.", name=profile.name, prior=profile.prior)
        )
    return lines


def unknown_claim(debate: Debate, claim_id: str, option: str) -> UsageError:
    """The usage error for an id the debate does not have, naming close ones."""
    return UsageError(f"{option}: no claim with id '{claim_id}'", id_hint(debate, claim_id))


def parse_assignment(text: str, debate: Debate) -> tuple[str, float]:
    """`ID=VALUE` from the command line, checked: a known id and a weight in [0, 1]."""
    claim_id, sep, raw = text.partition("=")
    claim_id, raw = claim_id.strip(), raw.strip()
    example = f"--set {claim_id or 'dw-01'}=0.8"
    if not sep or not claim_id or not raw:
        raise UsageError(f"--set expects ID=VALUE, got '{text}'", f"for example {example}")
    if claim_id not in debate.claims:
        raise unknown_claim(debate, claim_id, "--set")
    from agidebate.format import scalars

    value = scalars.parse_number(raw)
    if value is None:
        raise UsageError(
            f"--set {text}: '{raw}' is not a number", f"write a weight between 0 and 1: {example}"
        )
    if not 0 <= value <= 1:
        raise UsageError(
            f"--set {text}: the weight {raw} is outside [0, 1]", f"for example {example}"
        )
    return claim_id, float(value)


def without(debate: Debate, claim_ids: Iterable[str]) -> tuple[Debate, list[str]]:
    """`debate` without `claim_ids` and every claim that argued only about removed claims.

    Returns the smaller debate and the removed ids in debate order. The thesis
    cannot be removed. Linear in claims plus relations.
    """
    removed: set[str] = set()
    queue: deque[str] = deque()
    for claim_id in claim_ids:
        if claim_id not in debate.claims:
            raise unknown_claim(debate, claim_id, "--without")
        if claim_id == debate.thesis:
            raise UsageError(
                "--without: the thesis cannot be removed",
                "remove the claims that argue about it instead",
            )
        if claim_id not in removed:
            removed.add(claim_id)
            queue.append(claim_id)
    remaining = {cid: len(debate.targets(cid)) for cid in debate.claims}
    while queue:
        for edge in debate.children(queue.popleft()):
            source = edge.source
            if source in removed or source == debate.thesis:
                continue
            remaining[source] -= 1
            if remaining[source] == 0:
                removed.add(source)
                queue.append(source)
    claims = {cid: c for cid, c in debate.claims.items() if cid not in removed}
    edges = tuple(
        e
        for e in debate.edges
        if e.source not in removed and e.target not in removed and e.link_source not in removed
    )
    smaller = dataclasses.replace(debate, claims=claims, edges=edges)
    return smaller, [cid for cid in debate.claims if cid in removed]


def apply(debate: Debate, scenario: Scenario) -> Applied:
    """Apply `scenario` to `debate`; a usage error for an id the debate does not have."""
    perspective, own = scenario.perspective, scenario.own
    weights: dict[str, float] = {}
    impacts: dict[tuple[str, str], float] = {}
    for profile in (perspective, own):
        if profile is not None:
            weights.update(profile.credence)
            impacts.update(profile.impact)
            if profile.prior is not None and debate.thesis is not None:
                weights[debate.thesis] = profile.prior
    overrides = {}
    for claim_id, value in scenario.overrides:
        if claim_id not in debate.claims:
            raise unknown_claim(debate, claim_id, "--set")
        overrides[claim_id] = value
    weights.update(overrides)
    smaller, removed = without(debate, scenario.without) if scenario.without else (debate, [])
    weights = {k: v for k, v in weights.items() if k in smaller.claims}
    impacts = {k: v for k, v in impacts.items() if smaller.link(*k) is not None}
    smaller = with_impacts(smaller, impacts)
    return Applied(smaller, weights, removed, perspective, own, overrides, impacts)


def with_impacts(debate: Debate, impacts: Mapping[tuple[str, str], float]) -> Debate:
    """`debate` with the links in `impacts` given those impacts (a reader's relevance)."""
    if not impacts:
        return debate
    edges = tuple(
        dataclasses.replace(e, impact=impacts[e.source, e.target])
        if e.link_source is None and (e.source, e.target) in impacts
        else e
        for e in debate.edges
    )
    return dataclasses.replace(debate, edges=edges)


def parse_assignments(texts: Sequence[str], debate: Debate) -> tuple[tuple[str, float], ...]:
    """Every `--set ID=VALUE`, checked."""
    return tuple(parse_assignment(text, debate) for text in texts)
