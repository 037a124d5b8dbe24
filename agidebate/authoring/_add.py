"""`add_claim`: put a new claim into a debate folder, or explain why not, losing nothing.

The edit is first prepared entirely in memory:

1. read every file of the folder once (`_verify.read_folder`) and check the
   debate as it is; a debate with errors is not edited;
2. check the target, the id (or derive one) and the destination file;
3. plan the insertion as text (`_plan`) and build the new bytes;
4. check the whole debate with those bytes, and compare it with the old one:
   no errors, and nothing changed but the new claim and its relation.

A dry run stops there. Otherwise the folder's lock is taken and the edit is
prepared again from the files as they are now (another writer may have just
finished), then written atomically, after checking that the file still holds
the bytes the edit was planned from. A request that fails never gets as far as
the lock, so it leaves the folder exactly as it was, lock file included; a
failure while writing leaves either the old file or the new one.
"""

from __future__ import annotations

import contextlib
import os
import shlex
from dataclasses import dataclass
from pathlib import Path

from agidebate.authoring._change import Change, insertion
from agidebate.authoring._fields import NewClaim
from agidebate.authoring._ids import derive_id, unique
from agidebate.authoring._paths import (
    Target,
    locate,
    parse_relative,
    relative_in,
    writable_debate_dir,
)
from agidebate.authoring._plan import plan_nested, plan_top_level
from agidebate.authoring._verify import (
    check_reading,
    new_warnings,
    read_folder,
    require_clean,
    require_same_meaning,
)
from agidebate.authoring._write import create_file, read_file, replace_file
from agidebate.errors import (
    DebateError,
    OperationError,
    Problem,
    RequestRefused,
    UsageError,
)
from agidebate.fileio import folder_lock as debate_lock
from agidebate.format import scalars
from agidebate.format.emit import Field, FlowValue, flow_mapping
from agidebate.format.load import CheckReport
from agidebate.format.provenance import default_date
from agidebate.format.schema import DEBATE_FILE_NAMES, relation_keys
from agidebate.i18n import _
from agidebate.model import (
    DEFAULT_WEIGHT,
    Claim,
    ClaimKind,
    Debate,
    Edge,
    Quote,
    Relation,
    Side,
    Source,
)
from agidebate.suggest import did_you_mean

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Addition:
    """What `add_claim` did (or, for a dry run, would do)."""

    claim: Claim
    edge: Edge
    side: Side | None
    change: Change
    warnings: tuple[Problem, ...]
    root: str | None = None  # the thesis, or the root the side is relative to
    has_thesis: bool = True


def add_claim(
    directory: str | os.PathLike[str] | None,
    claim: NewClaim,
    *,
    file: str | None = None,
    dry_run: bool = False,
    cache: bool = True,
) -> Addition:
    """Add `claim` to the debate in `directory`; see the module docstring for the steps.

    Without `file`, the claim is nested under its target (`con:`/`pro:`) in the
    file that holds the target; with `file` (relative to the debate folder) it
    is appended to that file's `claims:` list with `attacks:`/`supports:`.
    Raises `RequestRefused` (a `UsageError`) for a claim the debate cannot take,
    `UsageError` when no folder is named, `DebateError` when the debate does
    not check clean, `OperationError` when the edit cannot be made safely.
    `cache=False` reads the files without the parse cache.
    """
    folder = writable_debate_dir(directory)
    try:
        wanted = claim.checked()
        rel = parse_relative(file) if file is not None else None
        if dry_run:
            return _prepare(folder, wanted, rel, True, cache).result(written=False)
        with contextlib.suppress(_Raced):  # fail fast, before the lock, on a bad request
            _prepare(folder, wanted, rel, False, cache)
        with debate_lock(folder):  # the answer that counts: nobody else writes now
            prepared = _prepare(folder, wanted, rel, True, cache)
            _write(folder, prepared.target, prepared.old, prepared.data)
    except UsageError as error:
        raise RequestRefused.of(error) from None
    return prepared.result(written=True)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """An edit built and checked in memory, ready to be written."""

    target: Target
    old: bytes
    data: bytes
    text: str
    new_text: str
    span: tuple[int, int]
    before: CheckReport
    after: CheckReport
    claim_id: str
    edge: Edge

    def result(self, written: bool) -> Addition:
        debate = self.after.debate
        assert debate is not None  # checked clean by _prepare
        start, end = self.span
        return Addition(
            claim=debate.claims[self.claim_id],
            edge=self.edge,
            side=debate.side(self.claim_id),
            change=insertion(self.target, self.text, self.new_text, (start, end), written),
            warnings=tuple(new_warnings(self.before, self.after)),
            root=_root(debate, self.claim_id),
            has_thesis=debate.thesis is not None,
        )


class _Raced(OperationError):
    """Another writer changed the folder between two reads (only outside the lock)."""


def _root(debate: Debate, claim_id: str) -> str | None:
    """The claim the new claim's side is relative to: the thesis or its root."""
    if debate.thesis is not None:
        return debate.thesis
    path = debate.path_to_root(claim_id)
    return path[-1].target if path else None


def _prepare(
    folder: Path, wanted: NewClaim, rel: str | None, final: bool, cache: bool
) -> _Prepared:
    reading = read_folder(folder, cache)
    before = check_reading(reading)
    debate = require_valid(before)
    cut = wanted.relation is Relation.UNDERCUT
    if cut:
        require_link(debate, wanted.link_source, wanted.target)
    else:
        require_known(debate, wanted.target, folder=folder)
    claim_id = _choose_id(debate, wanted)
    home = wanted.link_source if cut and wanted.link_source else wanted.target
    target = locate(folder, rel, True) if rel else _home_of(folder, debate, home)
    nested = rel is None and not cut
    if cut and rel is None and target.rel in DEBATE_FILE_NAMES:
        raise UsageError(
            _(
                "'{claim}' is written in {file}, where an undercut cannot go",
                claim=home,
                file=target.rel,
            ),
            _("name a topic file with --file FILE"),
        )
    if target.exists and all(known != target.rel for _, known in reading.files):
        if not final:  # another writer may have created it since the folder was read
            raise _Raced(f"'{target.rel}' appeared while the debate was being read")
        raise OperationError(
            f"'{target.rel}' exists, but the debate does not read it",
            "check the name's upper and lower case, and that its folder can be listed",
        )
    old = reading.data.get(target.rel) if target.exists else b""
    if old is None:
        old = _read(target)
    text = _decode(old, target.path)
    fields = _fields(wanted, claim_id, nested=nested)
    key = relation_keys(wanted.relation)[0]
    if nested and key is not None:
        plan = plan_nested(text, wanted.target, key, fields, target.rel in DEBATE_FILE_NAMES)
    else:
        plan = plan_top_level(text, fields)
    new_text, start, end = plan.apply(text)
    data = (_BOM if old.startswith(_BOM) else b"") + new_text.encode("utf-8")
    after = check_reading(reading, target.rel, data)
    new_debate = require_clean(after, f"claim '{claim_id}'")
    expected, edge = _expected(wanted, claim_id)
    topic = None if target.exists else target.rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    require_same_meaning(debate, new_debate, expected, edge, topic)
    return _Prepared(target, old, data, text, new_text, (start, end), before, after, claim_id, edge)


def require_valid(report: CheckReport) -> Debate:
    """The debate, if it checks clean; else `DebateError` (nothing is edited in a broken debate)."""
    if report.errors or report.debate is None:
        raise DebateError(report.problems)
    return report.debate


def require_known(
    debate: Debate, claim_id: str, option: str = "--to", folder: Path | None = None
) -> None:
    """`UsageError` naming close ids when the debate has no claim `claim_id` (and, for
    `thesis` in a debate without one, saying how to give it one)."""
    if claim_id in debate.claims:
        return
    if claim_id == "thesis" and debate.thesis is None and folder is not None:
        raise UsageError(
            _("this debate has no thesis: no debate.yaml with `thesis:`"),
            _(
                'give it one with `agidebate init {folder} --thesis "..."`, or answer '
                "another claim (`agidebate list` shows every id)",
                folder=shlex.quote(str(folder)),
            ),
        )
    hint = did_you_mean(claim_id, debate.claims, "`agidebate list` shows every id")
    prefix = f"{option}: " if option else ""
    raise UsageError(f"{prefix}no claim with id '{claim_id}'", hint)


def require_link(debate: Debate, source: str | None, target: str) -> None:
    """`UsageError` unless `source` supports or attacks `target` (the link to undercut)."""
    assert source is not None, "an undercut names its link's source"
    require_known(debate, source, "--undercut")
    require_known(debate, target, "--undercut")
    if debate.link(source, target) is None:
        reverse = debate.link(target, source)
        hint = (
            _(
                "the link goes the other way: --undercut {target} {source}",
                target=target,
                source=source,
            )
            if reverse is not None
            else _("`agidebate path {source}` shows what it supports and attacks", source=source)
        )
        raise UsageError(
            _(
                "--undercut: '{source}' neither supports nor attacks '{target}'",
                source=source,
                target=target,
            ),
            hint,
        )


def _choose_id(debate: Debate, wanted: NewClaim) -> str:
    if wanted.claim_id is None:
        side = relation_keys(wanted.relation)[0] or wanted.relation.value
        fallback = f"{wanted.target}-{side}"
        return derive_id(wanted.title or wanted.text, debate.claims, fallback)
    existing = debate.claims.get(wanted.claim_id)
    if existing is not None:
        raise UsageError(
            f"--id '{wanted.claim_id}' is already used at {existing.location}",
            f"ids are unique across the debate: choose another, e.g. "
            f"'{unique(wanted.claim_id, debate.claims)}', or leave out --id to derive one",
        )
    return wanted.claim_id


def _home_of(folder: Path, debate: Debate, claim_id: str) -> Target:
    location = debate.claims[claim_id].location
    if location is None:
        raise OperationError(f"claim '{claim_id}' has no known file", "use --file FILE")
    return locate(folder, relative_in(folder, location.path), from_user=False)


def _read(target: Target) -> bytes:
    return read_file(target.path) if target.exists else b""


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise OperationError(f"'{path}' is not UTF-8", "run `agidebate check`") from None


def _fields(wanted: NewClaim, claim_id: str, nested: bool) -> list[Field]:
    fields = [Field("id", claim_id)]
    if wanted.title:
        fields.append(Field("title", wanted.title))
    fields.append(Field("text", wanted.text))
    if wanted.kind is not ClaimKind.ARGUMENT:
        fields.append(Field("kind", wanted.kind.value))
    link = _link_fields(wanted)
    if nested:
        if link:
            fields.append(Field("link", flow_mapping(link), verbatim=True))
    else:
        fields.append(_relation_field(wanted, link))
    if wanted.weight is not None:
        fields.append(Field("weight", wanted.weight, verbatim=True))
    if wanted.by:
        fields.append(Field("by", wanted.by))
    if wanted.date:
        fields.append(Field("date", wanted.date))
    if wanted.sources:
        fields.append(Field("sources", wanted.sources))
    if wanted.quotes:
        quotes = wanted.quotes
        fields.append(Field("quote", quotes[0] if len(quotes) == 1 else quotes))
    if wanted.editorial:
        fields.append(Field("editorial", "true", verbatim=True))
    if wanted.note:
        fields.append(Field("note", wanted.note))
    return fields


def _link_fields(wanted: NewClaim) -> list[tuple[str, FlowValue]]:
    """What the new claim's link says besides its ends: impact (as typed), editorial."""
    impact = scalars.parse_number(wanted.impact) if wanted.impact is not None else None
    return [
        (key, value)
        for key, value in (("impact", impact), ("editorial", wanted.editorial_link or None))
        if value is not None
    ]


def _relation_field(wanted: NewClaim, link: list[tuple[str, FlowValue]]) -> Field:
    """`supports:`/`attacks:` naming the target (a mapping when the link says more), or
    `undercuts: {from, to}`."""
    key = relation_keys(wanted.relation)[1]
    if wanted.relation is Relation.UNDERCUT:
        ends = [("from", wanted.link_source), ("to", wanted.target)]
        return Field(key, flow_mapping([*ends, *link]), verbatim=True)
    if link:
        return Field(key, flow_mapping([("id", wanted.target), *link]), verbatim=True)
    return Field(key, wanted.target)


def _expected(wanted: NewClaim, claim_id: str) -> tuple[Claim, Edge]:
    weight = scalars.parse_number(wanted.weight) if wanted.weight is not None else None
    impact = scalars.parse_number(wanted.impact) if wanted.impact is not None else None
    sources = tuple(Source(url=url) for url in wanted.sources)
    claim = Claim(
        id=claim_id,
        text=wanted.text,
        title=wanted.title,
        by=wanted.by,
        weight=DEFAULT_WEIGHT if weight is None else float(weight),
        weight_stated=weight is not None,
        sources=sources,
        kind=wanted.kind,
        quotes=tuple(Quote(text) for text in wanted.quotes),
        editorial=wanted.editorial,
        note=wanted.note,
        date=wanted.date or default_date(sources),
    )
    edge = Edge(
        claim_id,
        wanted.target,
        wanted.relation,
        impact=1.0 if impact is None else float(impact),
        editorial=wanted.editorial_link,
        link_source=wanted.link_source,
    )
    return claim, edge


def _write(folder: Path, target: Target, old: bytes, data: bytes) -> None:
    if target.exists:
        replace_file(target.path, old, data)
    else:
        create_file(folder, target.rel, data)
