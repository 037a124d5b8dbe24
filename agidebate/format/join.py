"""Join parsed files into one debate and check what needs the whole of it.

Duplicate ids across files, references to unknown ids, self-targets, a
relation written twice or both ways, topics defined twice; then, on the joined
graph, claims that cannot reach the thesis and claims that reach it on both
sides. Every pass is linear in claims plus relations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from agidebate.errors import Problem, Severity
from agidebate.format import undercuts
from agidebate.format.parsed import UNKEPT, ParsedFile
from agidebate.i18n import _
from agidebate.model import Claim, Debate, Edge, Range, Relation, Side, Topic
from agidebate.suggest import id_hint, similar
from agidebate.text import relation_verb

# Suggesting a close id costs a scan of all ids; past this many unknown
# references the list is clearly systematic and suggestions stop.
_MAX_SUGGESTIONS = 50


def link(files: Sequence[ParsedFile], graph_warnings: bool = True) -> tuple[Debate, list[Problem]]:
    """Build the debate from parsed files; problems include every file's own.

    `graph_warnings=False` skips the warnings that need the whole graph (claims
    that reach no root or reach the thesis on both sides), for callers that only
    need to know whether the debate is valid.
    """
    problems: list[Problem] = [p for f in files for p in f.problems]
    claims, dropped = _claims(files, problems)
    meta = next((f for f in files if f.is_debate_file), None)
    thesis = meta.claims[0].id if meta and meta.claims and meta.claims[0].id in claims else None
    edges = _edges(files, claims, dropped, problems)
    debate = Debate(
        claims=claims,
        edges=tuple(edges),
        thesis=thesis,
        title=meta.title if meta else None,
        summary=meta.summary if meta else None,
        topics=_topics(files, problems),
        expect=meta.expect if meta else None,
        i18n=meta.i18n if meta else {},
        authors=meta.authors if meta else {},
    )
    if debate.expect is not None:
        problems.extend(unknown_ids(debate, debate.expect.claims))
    if graph_warnings:
        problems.extend(_reachability(debate))
        problems.extend(undercuts.cycles(debate))
        problems.extend(_unused_authors(debate))
    return debate, problems


def unknown_ids(debate: Debate, ranges: Mapping[str, Range]) -> list[Problem]:
    """An error for each claim id in `expect: claims:` that the debate does not have."""
    return [
        Problem(
            "unknown-id",
            _("expect names unknown claim id '{id}'", id=claim_id),
            expected.location,
            id_hint(debate, claim_id),
        )
        for claim_id, expected in ranges.items()
        if claim_id not in debate.claims
    ]


def _unused_authors(debate: Debate) -> list[Problem]:
    used = {c.by for c in debate}
    return [
        Problem(
            "unused-author",
            _("no claim is by '{name}'", name=name),
            author.location,
            _("names in `authors:` are written exactly as in `by:`; check the spelling"),
            Severity.WARNING,
        )
        for name, author in debate.authors.items()
        if name not in used
    ]


def _claims(
    files: Sequence[ParsedFile], problems: list[Problem]
) -> tuple[dict[str, Claim], set[tuple[int, int]]]:
    """The claims by id; a repeated id is reported and its claim (file, index) dropped."""
    claims: dict[str, Claim] = {}
    dropped: set[tuple[int, int]] = set()
    for file_index, parsed in enumerate(files):
        for claim_index, claim in enumerate(parsed.claims):
            first = claims.get(claim.id)
            if first is None:
                claims[claim.id] = claim
                continue
            dropped.add((file_index, claim_index))
            problems.append(
                Problem(
                    "duplicate-id",
                    f"duplicate id '{claim.id}': already used at {first.location}",
                    claim.location,
                    "ids must be unique across the whole debate; rename one of them",
                )
            )
    return claims, dropped


def _edges(
    files: Sequence[ParsedFile],
    claims: dict[str, Claim],
    dropped: set[tuple[int, int]],
    problems: list[Problem],
) -> list[Edge]:
    edges: list[Edge] = []
    seen: dict[tuple[str, str], Edge] = {}
    cuts: list[Edge] = []
    checked: list[Edge] = []  # undercuts of a claim left out: reported, never kept
    suggestions = 0

    def unknown(edge: Edge, claim_id: str) -> Problem:
        nonlocal suggestions
        suggestions += 1
        return _unknown(edge, claim_id, claims, suggest=suggestions <= _MAX_SUGGESTIONS)

    for file_index, parsed in enumerate(files):
        for edge, owner in zip(parsed.edges, parsed.edge_owners, strict=True):
            left_out = owner == UNKEPT or (dropped and (file_index, owner) in dropped)
            if edge.relation is Relation.UNDERCUT:
                (checked if left_out else cuts).append(edge)  # once every link is known
                continue
            if edge.target not in claims:
                problems.append(unknown(edge, edge.target))
                continue
            if edge.source == edge.target:
                problems.append(
                    Problem(
                        "self-target",
                        _(
                            "claim '{id}' {relation} itself",
                            id=edge.source,
                            relation=relation_verb(edge.relation),
                        ),
                        edge.location,
                        "a claim cannot support or attack itself; point it at another claim",
                    )
                )
                continue
            if left_out:
                continue  # a relation of a duplicate or invalid claim: checked, left out
            first = seen.get((edge.source, edge.target))
            if first is not None:
                problems.append(_repeated(edge, first))
                continue
            seen[(edge.source, edge.target)] = edge
            edges.append(edge)
    kept, found = undercuts.resolve(cuts, seen, claims, unknown)
    problems.extend(found)
    problems.extend(undercuts.resolve(checked, seen, claims, unknown)[1])
    return edges + kept


def _unknown(edge: Edge, claim_id: str, claims: dict[str, Claim], suggest: bool) -> Problem:
    close = similar(claim_id, claims, n=1) if suggest else []
    hint = (
        f"did you mean '{close[0]}'?"
        if close
        else "check the spelling, or add a claim with that id"
    )
    message = (
        _(
            "claim '{source}' undercuts a link with unknown id '{id}'",
            source=edge.source,
            id=claim_id,
        )
        if edge.relation is Relation.UNDERCUT
        else _(
            "claim '{source}' {relation} unknown id '{id}'",
            source=edge.source,
            relation=relation_verb(edge.relation),
            id=claim_id,
        )
    )
    return Problem("unknown-id", message, edge.location, hint)


def _repeated(edge: Edge, first: Edge) -> Problem:
    if edge.relation is first.relation:
        return Problem(
            "duplicate-relation",
            _(
                "claim '{source}' {relation} '{target}' twice (first at {first})",
                source=edge.source,
                relation=relation_verb(edge.relation),
                target=edge.target,
                first=first.location,
            ),
            edge.location,
            "remove one of the two",
        )
    both = " and ".join(relation_verb(r) for r in Relation if r in (edge.relation, first.relation))
    return Problem(
        "contradictory-relation",
        f"claim '{edge.source}' both {both} '{edge.target}' "
        f"(the other relation at {first.location})",
        edge.location,
        "a claim either supports or attacks a target; split it into two claims if both hold",
    )


def _topics(files: Sequence[ParsedFile], problems: list[Problem]) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    described: dict[str, ParsedFile] = {}
    for parsed in files:
        if parsed.is_debate_file or parsed.topic is None:
            continue
        topic = topics.get(parsed.topic)
        has_text = parsed.title is not None or parsed.summary is not None or bool(parsed.i18n)
        if has_text and parsed.topic in described:
            problems.append(
                Problem(
                    "duplicate-topic",
                    f"topic '{parsed.topic}' is already described in "
                    f"{described[parsed.topic].path}",
                    parsed.topic_location,
                    _(
                        "give the title, summary and i18n in one file only, or use a different "
                        "`topic:`"
                    ),
                )
            )
            has_text = False
        if has_text:
            described[parsed.topic] = parsed
        if topic is None:
            topics[parsed.topic] = Topic(
                id=parsed.topic,
                title=parsed.title if has_text else None,
                summary=parsed.summary if has_text else None,
                files=(parsed.path,),
                location=parsed.topic_location,
                i18n=parsed.i18n if has_text else {},
            )
        else:
            topics[parsed.topic] = Topic(
                id=topic.id,
                title=topic.title if not has_text else parsed.title,
                summary=topic.summary if not has_text else parsed.summary,
                files=(*topic.files, parsed.path),
                location=topic.location,
                i18n=topic.i18n if not has_text else parsed.i18n,
            )
    return topics


def _reachability(debate: Debate) -> list[Problem]:
    problems = [_orphan(debate, c) for c in debate if not debate.is_reachable(c.id)]
    for edge in debate.edges:
        problems.extend(_side_conflict(debate, edge))
    return problems


def _orphan(debate: Debate, claim: Claim) -> Problem:
    if debate.thesis is not None:
        message = f"claim '{claim.id}' does not connect to the thesis"
        hint = (
            f"add `supports: {debate.thesis}` or `attacks: {debate.thesis}`, "
            "or nest it under a claim"
        )
    else:
        message = f"claim '{claim.id}' is in a cycle that reaches no root claim"
        hint = "let one claim of the cycle stand on its own, or add a thesis in debate.yaml"
    return Problem("orphan", message, claim.location, hint, Severity.WARNING)


def _implied_side(debate: Debate, edge: Edge) -> Side | None:
    upstream = edge.upstream
    if upstream in debate.roots:
        return Side.PRO.through(edge.relation)
    upstream_side = debate.side(upstream)
    return upstream_side.through(edge.relation) if upstream_side else None


def _side_conflict(debate: Debate, edge: Edge) -> list[Problem]:
    own, via = debate.side(edge.source), debate.parent_edge(edge.source)
    if debate.thesis is None or own is None or via is None or via == edge:
        return []
    implied = _implied_side(debate, edge)
    if implied is None or implied is own:
        return []
    return [
        Problem(
            "mixed-side",
            _(
                "claim '{id}' counts as {side} through '{via}' but as {other} through '{upstream}'",
                id=edge.source,
                side=own.value,
                via=via.upstream,
                other=implied.value,
                upstream=edge.upstream,
            ),
            edge.location,
            "this is legal, but check that each relation says what you mean",
            Severity.WARNING,
        )
    ]
