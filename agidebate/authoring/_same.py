"""After a rename or a removal, before anything is written: the edited files must mean
what was asked, and nothing else. The debate read back is compared with the old one
changed in the model (ids mapped, claims and relations left out), and each perspective
with its old self changed the same way; any difference refuses the edit."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping

from agidebate.authoring._edits import FileText
from agidebate.authoring._plan import UnsafeEdit
from agidebate.errors import WeightsFileError
from agidebate.format.schema import PERSPECTIVES_DIR
from agidebate.i18n import _
from agidebate.model import Claim, Debate, Edge, Expect, Perspective, Range

Ids = Callable[[str], str]


def is_perspective(rel: str) -> bool:
    return rel.startswith(PERSPECTIVES_DIR + "/")


def _mapper(renames: Mapping[str, str]) -> Ids:
    return lambda claim_id: renames.get(claim_id, claim_id)


def _claim(claim: Claim, ids: Ids) -> Claim:
    return dataclasses.replace(claim, id=ids(claim.id), location=None)


EdgeKey = tuple[str, str, str, str | None, float, bool, str | None]


def _edge(edge: Edge, ids: Ids) -> EdgeKey:
    """A relation as compared: its ends (ids mapped), kind and the link's attributes."""
    return (
        ids(edge.source),
        ids(edge.target),
        edge.relation.value,
        ids(edge.link_source) if edge.link_source is not None else None,
        edge.impact,
        edge.editorial,
        edge.note,
    )


def expected(
    before: Debate, renames: Mapping[str, str], gone: frozenset[str] = frozenset()
) -> tuple[dict[str, Claim], Counter[EdgeKey], str | None]:
    """The claims, relations and thesis `before` should have after renaming `renames` and
    leaving out the claims `gone` (with every relation from or to one of them)."""
    ids = _mapper(renames)
    claims = {ids(c.id): _claim(c, ids) for c in before if c.id not in gone}
    edges = Counter(
        _edge(e, ids) for e in before.edges if not ({e.source, e.target, e.link_source} & gone)
    )
    thesis = ids(before.thesis) if before.thesis and before.thesis not in gone else None
    return claims, edges, thesis


def require_same(
    before: Debate,
    after: Debate,
    renames: Mapping[str, str],
    gone: frozenset[str] = frozenset(),
    dropped: Counter[EdgeKey] | None = None,
) -> None:
    """`after` is `before` with `renames` made, `gone` left out, and the relations
    `dropped` (written in surviving claims) removed; nothing else."""
    claims, edges, thesis = expected(before, renames, gone)
    if dropped:
        edges -= dropped
    got = after
    problem = None
    if set(got.claims) != set(claims):
        odd = sorted(set(got.claims) ^ set(claims))[:5]
        problem = _("claims would appear or vanish: {ids}", ids=", ".join(odd))
    elif any(_claim(got.claims[i], _mapper({})) != claims[i] for i in claims):
        changed = next(i for i in claims if _claim(got.claims[i], _mapper({})) != claims[i])
        problem = _("claim '{id}' would change", id=changed)
    elif Counter(_edge(e, _mapper({})) for e in got.edges) != edges:
        problem = _("the relations between claims would change")
    elif got.thesis != thesis or (got.title, got.summary) != (before.title, before.summary):
        problem = _("the debate's thesis or title would change")
    elif {t: (x.title, x.summary) for t, x in got.topics.items()} != {
        t: (x.title, x.summary) for t, x in before.topics.items()
    }:
        problem = _("the topics would change")
    elif _expect(got.expect, _mapper({}), frozenset()) != _expect(
        before.expect, _mapper(renames), gone
    ):
        problem = _("the debate's expectations would change")
    if problem is not None:
        raise UnsafeEdit(
            _(
                "the edited files would not read back as intended ({problem}); nothing was written",
                problem=problem,
            ),
            _("please report this, with the files, as a bug"),
        )


def _expect(expect: Expect | None, ids: Ids, gone: frozenset[str]) -> object:
    """An `expect:` as compared: its ranges, claim ids mapped and gone ones left out."""
    if expect is None:
        return None

    def ends(found: Range | None) -> tuple[float, float] | None:
        return None if found is None else (found.low, found.high)

    claims = {ids(k): ends(v) for k, v in expect.claims.items() if k not in gone}
    semantics = {k: ends(v) for k, v in expect.semantics.items()}
    return (ends(expect.verdict), semantics, claims)


def _perspective(found: Perspective, ids: Ids, gone: frozenset[str]) -> object:
    """A perspective as compared: every field, claim ids mapped and gone ones left out."""
    credence = {ids(k): v for k, v in found.credence.items() if k not in gone}
    impact = {(ids(a), ids(b)): v for (a, b), v in found.impact.items() if not ({a, b} & gone)}
    return (
        credence,
        impact,
        _expect(found.expect, ids, gone),
        found.title,
        found.summary,
        found.by,
        found.prior,
        found.bottom_line,
        found.sources,
        dict(found.i18n),
    )


def require_renamed(before: Debate, after: Debate, old: str, new: str) -> None:
    require_same(before, after, {old: new})


def require_renamed_weights(
    file: FileText,
    data: bytes,
    before: Debate,
    after: Debate,
    renames: Mapping[str, str],
    gone: frozenset[str] = frozenset(),
) -> None:
    """The perspective in `file`, as `data`, reads as before with the ids changed."""
    from agidebate.format.perspectives import parse_weights

    shown = str(file.path)
    try:
        old = parse_weights(file.data, shown, before, file.path.stem)
    except WeightsFileError:
        return  # already broken (check reports it): the ids are changed all the same
    try:
        new = parse_weights(data, shown, after, file.path.stem)
    except WeightsFileError as error:
        raise UnsafeEdit(
            _(
                "{path} would not read back ({problem}); nothing was written",
                path=shown,
                problem=error.problems[0].message if error.problems else "?",
            ),
            _("please report this, with the files, as a bug"),
        ) from None
    if _perspective(new, _mapper({}), frozenset()) != _perspective(old, _mapper(renames), gone):
        raise UnsafeEdit(
            _("{path} would not read back as intended; nothing was written", path=shown),
            _("please report this, with the files, as a bug"),
        )
