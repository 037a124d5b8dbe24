"""Write a debate as argument files that agidebate reads back to the same debate.

`render_files(debate)` returns {file name: YAML text}: `debate.yaml` with the
title, summary and thesis, and one file per topic with its claims nested under
`pro:` / `con:` as far as the tree goes (at most `_layout.MAX_NESTING` levels; deeper
claims and claims of several parents name their targets with `supports:` /
`attacks:`). Every string is written double-quoted with escapes, so no text
can be read as YAML syntax, a YAML 1.1 boolean or a date.

`write_debate(debate, folder)` first loads the rendered files back in memory
with the real loader and compares them with the debate; only then does it
write them, each one atomically.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from agidebate.errors import OperationError, UsageError, file_error
from agidebate.format.emit import flow_mapping, number, quote
from agidebate.format.provenance import default_date
from agidebate.format.schema import relation_keys
from agidebate.importers._layout import DEBATE_FILE, Plan, plan_files
from agidebate.model import (
    DEFAULT_WEIGHT,
    Claim,
    ClaimKind,
    Debate,
    Edge,
    Figure,
    Quote,
    Relation,
    Source,
    Translations,
)


def _source(source: Source) -> str:
    return flow_mapping(
        (
            ("title", source.title),
            ("url", source.url),
            ("author", source.author),
            ("year", source.year),
            ("note", source.note),
            ("i18n", _translations(source.i18n)),
        )
    )


def _figure(figure: Figure) -> str:
    fields = (("value", figure.value), ("unit", figure.unit), ("what", figure.what))
    return flow_mapping((*fields, ("note", figure.note), ("i18n", _translations(figure.i18n))))


def _quote(item: Quote) -> str:
    return flow_mapping((("text", item.text), ("source", item.source), ("at", item.at)))


def _translations(i18n: Translations) -> dict[str, dict[str, str]]:
    return {lang: dict(fields) for lang, fields in i18n.items()}


def _link(edge: Edge) -> str | None:
    """A link's attributes as a flow mapping, or None when it has only the defaults."""
    if edge.impact == 1 and not edge.editorial and edge.note is None:
        return None
    impact = edge.impact if edge.impact != 1 else None
    return flow_mapping(
        (("impact", impact), ("editorial", edge.editorial or None), ("note", edge.note))
    )


def _target(edge: Edge) -> str:
    """A relation as `supports:`/`attacks:`/`undercuts:` name it: an id or a mapping."""
    if edge.link_source is not None:
        ends = (("from", edge.link_source), ("to", edge.target))
        return flow_mapping((*ends, ("editorial", edge.editorial or None), ("note", edge.note)))
    attributes = _link(edge)
    if attributes is None:
        return quote(edge.target)
    return "{id: " + quote(edge.target) + ", " + attributes[1:]


def _ids(ids: list[str]) -> str:
    return "[" + ", ".join(quote(i) for i in ids) + "]"


def _claim_fields(debate: Debate, claim: Claim, implied: str | None) -> list[str]:
    """The claim's `key: value` lines, except `pro:` / `con:`."""
    lines = [f"id: {quote(claim.id)}"]
    if claim.title is not None:
        lines.append(f"title: {quote(claim.title)}")
    lines.append(f"text: {quote(claim.text)}")
    if claim.kind is not ClaimKind.ARGUMENT:
        lines.append(f"kind: {quote(claim.kind.value)}")
    if claim.by is not None:
        lines.append(f"by: {quote(claim.by)}")
    if claim.date is not None and claim.date != default_date(claim.sources):
        lines.append(f"date: {quote(claim.date)}")
    if claim.weight_stated or claim.weight != DEFAULT_WEIGHT:
        lines.append(f"weight: {number(claim.weight)}")
    for relation in Relation:
        key = relation_keys(relation)[1]
        edges = [e for e in debate.targets(claim.id) if e.relation is relation]
        targets = [_target(e) for e in edges if e.target != implied or e.link_source]
        if targets:
            lines.append(f"{key}: [{', '.join(targets)}]")
    parent = next((e for e in debate.targets(claim.id) if e.target == implied), None)
    attributes = _link(parent) if parent is not None and parent.link_source is None else None
    if attributes is not None:
        lines.append(f"link: {attributes}")
    if claim.editorial:
        lines.append("editorial: true")
    if claim.note is not None:
        lines.append(f"note: {quote(claim.note)}")
    if claim.quotes:
        lines.append("quote:")
        lines.extend(f"  - {_quote(q)}" for q in claim.quotes)
    if claim.sources:
        lines.append("sources:")
        lines.extend(f"  - {_source(s)}" for s in claim.sources)
    if claim.figures:
        lines.append("figures:")
        lines.extend(f"  - {_figure(f)}" for f in claim.figures)
    if claim.tags:
        lines.append(f"tags: {_ids(list(claim.tags))}")
    lines += _i18n_lines(claim.i18n)
    return lines


def _i18n_lines(i18n: Translations) -> list[str]:
    if not i18n:
        return []
    return ["i18n:", *(f"  {quote(lang)}: {flow_mapping(f.items())}" for lang, f in i18n.items())]


def _claim_list(debate: Debate, plan: Plan, top: list[str], indent: int) -> list[str]:
    """YAML lines for a list of claims with their nested pro/con lists (iterative)."""
    out: list[str] = []
    stack: list[tuple[str, int] | str] = [(cid, indent) for cid in reversed(top)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        cid, pad = item
        fields = _claim_fields(debate, debate.claim(cid), plan.parent.get(cid))
        out.append(" " * pad + "- " + fields[0])
        out.extend(" " * (pad + 2) + line for line in fields[1:])
        for relation in reversed(Relation):  # con: before pro:, as people write them
            key = relation_keys(relation)[0]
            kids = [c for c, r in plan.nested[cid] if r is relation]
            if kids and key is not None:
                stack.extend((kid, pad + 4) for kid in reversed(kids))
                stack.append(" " * (pad + 2) + f"{key}:")
    return out


def _replies(debate: Debate, plan: Plan, cid: str, pad: int) -> list[str]:
    """The `pro:` and `con:` lists of claim `cid`, whose fields are indented by `pad`."""
    out: list[str] = []
    for relation in Relation:
        key = relation_keys(relation)[0]
        kids = [c for c, r in plan.nested[cid] if r is relation]
        if kids and key is not None:
            out.append(" " * pad + f"{key}:")
            out.extend(_claim_list(debate, plan, kids, pad + 2))
    return out


def _header(title: str | None, summary: str | None, i18n: Translations) -> list[str]:
    lines = []
    if title is not None:
        lines.append(f"title: {quote(title)}")
    if summary is not None:
        lines.append(f"summary: {quote(summary)}")
    return lines + _i18n_lines(i18n)


def _expectations(debate: Debate) -> list[str]:
    """debate.yaml's `authors:` and `expect:`."""
    lines = []
    if debate.authors:
        lines.append("authors:")
        for name, author in debate.authors.items():
            lines.append(f"  {quote(name)}: {flow_mapping([('i18n', _translations(author.i18n))])}")
    expect = debate.expect
    if expect is not None:
        ranges = [("verdict", expect.verdict), *expect.semantics.items()]
        lines.append("expect:")
        lines += [f"  {k}: [{number(r.low)}, {number(r.high)}]" for k, r in ranges if r]
        if expect.claims:
            lines.append("  claims:")
            lines += [
                f"    {quote(k)}: [{number(r.low)}, {number(r.high)}]"
                for k, r in expect.claims.items()
            ]
    return lines


def render_files(debate: Debate) -> dict[str, str]:
    """The argument files of `debate`: {file name: YAML text}."""
    plan = plan_files(debate)
    files: dict[str, str] = {}
    lines = _header(debate.title, debate.summary, debate.i18n) + _expectations(debate)
    if debate.thesis is not None:
        fields = _claim_fields(debate, debate.claim(debate.thesis), None)
        lines.append("thesis:")
        lines.extend("  " + line for line in fields)
        lines.extend(_replies(debate, plan, debate.thesis, 2))
    if lines:
        files[DEBATE_FILE] = "\n".join(lines) + "\n"
    for name, top in plan.files.items():
        topic_id = plan.topic_of_file[name]
        topic = debate.topics.get(topic_id) if topic_id is not None else None
        lines = [f"topic: {quote(topic_id or name.removesuffix('.yaml'))}"]
        lines += _header(topic.title, topic.summary, topic.i18n) if topic else []
        lines.append("claims:")
        lines.extend(_claim_list(debate, plan, top, 2))
        files[name] = "\n".join(lines) + "\n"
    return files


def verify(files: dict[str, str], debate: Debate) -> None:
    """Load the rendered files with the real loader; raise if they are not `debate`."""
    from agidebate.format.join import link
    from agidebate.format.load import parse_text

    order = sorted(files, key=lambda n: (n != DEBATE_FILE, n))
    parsed = [
        parse_text(files[n].encode("utf-8"), n, n.rsplit(".", 1)[0], n == DEBATE_FILE)
        for n in order
    ]
    loaded, problems = link(parsed)
    errors = [p for p in problems if p.is_error]
    if errors or loaded is None:
        raise OperationError(
            f"the argument files for this import do not load back: {errors[0] if errors else ''}",
            "this is a bug in agidebate; please report it with the input file",
        )
    mismatch = _difference(debate, loaded)
    if mismatch:
        raise OperationError(
            f"the argument files for this import do not load back as written: {mismatch}",
            "this is a bug in agidebate; please report it with the input file",
        )


def _difference(want: Debate, got: Debate) -> str | None:
    if set(want.claims) != set(got.claims):
        missing = sorted(set(want.claims) ^ set(got.claims))
        return f"claims differ ({', '.join(missing[:3])})"
    for cid, claim in want.claims.items():
        if _content(claim) != _content(got.claims[cid]):
            return f"claim '{cid}' differs"
    edges = {dataclasses.replace(e, location=None) for e in want.edges}
    if edges != {dataclasses.replace(e, location=None) for e in got.edges}:
        return "relations differ"
    if want.thesis != got.thesis:
        return "the thesis differs"
    if (want.i18n, want.authors.keys(), _ranges(want)) != (
        got.i18n,
        got.authors.keys(),
        _ranges(got),
    ):
        return "the debate's translations, authors or expectations differ"
    return None


def _ranges(debate: Debate) -> object:
    expect = debate.expect
    if expect is None:
        return None
    ends = {k: (r.low, r.high) for k, r in expect.semantics.items()}
    claims = {k: (r.low, r.high) for k, r in expect.claims.items()}
    verdict = (expect.verdict.low, expect.verdict.high) if expect.verdict else None
    return verdict, ends, claims


def _content(claim: Claim) -> Claim:
    """What a claim says, apart from where it is written."""
    return dataclasses.replace(claim, location=None, topic=None, weight_stated=False)


@dataclass(frozen=True)
class WriteReport:
    """What `write_debate` did: the files written and the old argument files removed."""

    folder: Path
    written: tuple[str, ...]
    removed: tuple[str, ...]


def write_debate(
    debate: Debate, folder: str | os.PathLike[str], force: bool = False
) -> WriteReport:
    """Write `debate` as argument files into `folder` (created if needed).

    A folder that exists and is not empty is refused unless `force`; with
    `force`, argument files (*.yaml, *.yml) at its top that this debate does
    not write are removed, and everything else is left alone.
    """
    files = render_files(debate)
    verify(files, debate)
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise UsageError(f"'{target}' exists and is not a folder", "choose a folder to write to")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise UsageError(
            f"output folder '{target}' is not empty",
            "choose a new folder, or pass --force to replace the argument files in it",
        )
    if target.is_dir():
        _refuse_nested_argument_files(target)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise file_error("create", target, err) from None
    stale = sorted(
        p.name
        for p in target.iterdir()
        if p.is_file() and p.suffix in (".yaml", ".yml") and p.name not in files
    )
    from agidebate.fileio import atomic_write

    for name, text in files.items():
        atomic_write(target / name, text.encode("utf-8"))
    for name in stale:
        try:
            (target / name).unlink()
        except OSError as err:
            raise file_error("remove", target / name, err) from None
    return WriteReport(target, tuple(files), tuple(stale))


def _refuse_nested_argument_files(target: Path) -> None:
    """--force replaces the top level only; files in subfolders would join the new debate."""
    from agidebate.format.load import iter_argument_files

    nested = [rel for _, rel in iter_argument_files(target) if "/" in rel]
    if nested:
        shown = ", ".join(nested[:3]) + (f" and {len(nested) - 3} more" if len(nested) > 3 else "")
        raise UsageError(
            f"output folder '{target}' holds argument files in subfolders ({shown}), "
            "which would join the imported debate",
            "remove them, or import into a new folder",
        )
