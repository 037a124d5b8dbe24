"""Undercuts, checked once every file is joined: the link each one cuts must exist.

Rules (docs/format.md, "Undercuts"):

- `from` and `to` must be claim ids, and `from` must support or attack `to`; an
  undercut of a link that does not exist is an error, like an unknown id.
- An undercut of an undercut is an error: `{from: U, to: X}` where U undercuts a
  link into X names no support or attack. Attack the undercutter instead.
- A claim cannot undercut a link it is part of (its own link, or a link into it).
- A cycle that runs through an undercut (the claim whose link is cut supports or
  attacks, directly or not, its undercutter) is legal, like every cycle, and
  `check` warns about it: scoring settles it by iteration.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from agidebate.errors import Problem, Severity
from agidebate.i18n import _
from agidebate.model import Claim, Debate, Edge, Relation
from agidebate.model.cycles import strongly_connected
from agidebate.text import relation_verb

Unknown = Callable[[Edge, str], Problem]


def resolve(
    undercuts: list[Edge],
    links: Mapping[tuple[str, str], Edge],
    claims: Mapping[str, Claim],
    unknown: Unknown,
) -> tuple[list[Edge], list[Problem]]:
    """The undercuts whose link exists, and a problem for each of the others.

    `links` holds every support and attack by (source, target); `unknown(edge, id)`
    reports an id that is no claim.
    """
    kept: list[Edge] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str, str], Edge] = {}
    cutting = {(e.source, e.target) for e in undercuts}
    targets: dict[str, list[str]] = {}
    for source, target in links:
        targets.setdefault(source, []).append(target)
    for edge in undercuts:
        cut = edge.cut_link
        assert cut is not None
        missing = [end for end in cut if end not in claims]
        if missing:
            problems.extend(unknown(edge, end) for end in dict.fromkeys(missing))
            continue
        problem = _bad_link(edge, cut, links, cutting, targets)
        if problem is None:
            first = seen.setdefault((edge.source, *cut), edge)
            if first is not edge:
                problem = Problem(
                    "duplicate-relation",
                    _(
                        "claim '{id}' undercuts the link {link} twice (first at {first})",
                        id=edge.source,
                        link=_arrow(cut),
                        first=first.location,
                    ),
                    edge.location,
                    _("remove one of the two"),
                )
        if problem is None:
            kept.append(edge)
        else:
            problems.append(problem)
    return kept, problems


def _arrow(link: tuple[str, str]) -> str:
    return f"'{link[0]}' -> '{link[1]}'"


def _bad_link(
    edge: Edge,
    cut: tuple[str, str],
    links: Mapping[tuple[str, str], Edge],
    cutting: set[tuple[str, str]],
    targets: Mapping[str, list[str]],
) -> Problem | None:
    source, target = cut
    if edge.source == source:
        return Problem(
            "self-undercut",
            _("claim '{id}' undercuts its own link {link}", id=edge.source, link=_arrow(cut)),
            edge.location,
            _("to take the link back, remove it"),
        )
    if edge.source == target:
        return Problem(
            "self-undercut",
            _(
                "claim '{id}' undercuts the link {link} into itself",
                id=edge.source,
                link=_arrow(cut),
            ),
            edge.location,
            _("to answer '{source}', attack it (attacks: {source})", source=source),
        )
    if cut in links:
        return None
    if cut in cutting:
        return Problem(
            "undercut-of-undercut",
            _(
                "claim '{id}' undercuts {link}, which is an undercut, not a support or "
                "attack; an undercut of an undercut is not supported",
                id=edge.source,
                link=_arrow(cut),
            ),
            edge.location,
            _("attack the undercutter instead (attacks: {source})", source=source),
        )
    swapped = _("write from: {target}, to: {source}", target=target, source=source)
    hint = missing_link_hint(cut, links.get((target, source)), targets.get(source, []), swapped)
    return Problem(
        "unknown-link",
        _(
            "claim '{id}' undercuts the link {link}, but '{source}' neither supports nor "
            "attacks '{target}'",
            id=edge.source,
            link=_arrow(cut),
            source=source,
            target=target,
        ),
        edge.location,
        hint,
    )


def missing_link_hint(
    link: tuple[str, str], reverse: Edge | None, targets: Sequence[str], swapped: str
) -> str:
    """The hint for a link FROM -> TO that does not exist (named by an undercut or a
    perspective's impact): it goes the other way (`reverse`; `swapped` says how to write
    it), or the links FROM has, or that it has none."""
    source, target = link
    if reverse is not None:
        return _(
            "the link goes the other way ('{target}' {relation} '{source}'): {fix}",
            target=target,
            relation=relation_verb(reverse.relation),
            source=source,
            fix=swapped,
        )
    if targets:
        return _("'{id}' supports or attacks: {ids}", id=source, ids=", ".join(targets[:10]))
    return _("'{id}' supports and attacks nothing", id=source)


def cycles(debate: Debate) -> list[Problem]:
    """A warning for each undercut on a cycle: the claim it protects from a link leads,
    through supports and attacks, back to the undercutter."""
    undercuts = [e for e in debate.edges if e.relation is Relation.UNDERCUT]
    if not undercuts:
        return []
    ids = list(debate.claims)
    index = {cid: i for i, cid in enumerate(ids)}
    arcs: list[list[int]] = [[] for _ in ids]
    for edge in debate.edges:  # t depends on s; for an undercut, t depends on u
        arcs[index[edge.source]].append(index[edge.target])
    group = [0] * len(ids)
    for number, members in enumerate(strongly_connected(arcs)):
        for node in members:
            group[node] = number
    return [
        Problem(
            "undercut-cycle",
            _(
                "claim '{id}' undercuts the link {link}, and '{target}' leads back to '{id}' "
                "through supports and attacks",
                id=e.source,
                link=_arrow(e.cut_link or ("", "")),
                target=e.target,
            ),
            e.location,
            _(
                "this is legal (scoring settles cycles by iteration), but check that the "
                "undercut says what you mean"
            ),
            Severity.WARNING,
        )
        for e in undercuts
        if group[index[e.source]] == group[index[e.target]]
    ]
