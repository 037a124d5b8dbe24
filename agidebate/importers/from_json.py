"""JSON: the project's own contract (`agidebate export --format json`) back into a debate.

What is read (docs/exports.md, "JSON"): the header (`"format": "agidebate"`,
`version` 1 or 2, `title`, `summary`, `thesis`, `i18n`, `authors`, `expect`),
`topics` (`id`, `title`, `summary`, `i18n`), `claims` (every field of an argument
file: `id`, `title`, `text`, `topic`, `by`, `weight`, `sources`, `figures`, `tags`,
`i18n`, `kind`, `quote`, `editorial`, `note`, `date`) and `edges` (`source`,
`target`, which is a claim id or for an undercut the link it cuts, `type`,
`impact`, `editorial`, `note`). What a claim record says about the graph or
about where it was written (`side`, `depth`, `score`, `supports`, `attacks`,
`undercuts`, `file`, `line`, `column`) follows from the rest and is not read.

Every value is checked as the Argdown data blocks are (`_argdown_data.Reader`):
a value that does not fit the format is left out with a note. A file that is not
JSON, not this export, or whose claims cannot be told apart (an id missing,
invalid or given twice) is an error naming where.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from agidebate.format.schema import HEADING_I18N_FIELDS, ID_RE
from agidebate.i18n import _
from agidebate.importers import ImportResult, InputError
from agidebate.importers._argdown_data import Reader
from agidebate.importers._build import DebateBuilder
from agidebate.model import DEFAULT_WEIGHT, Relation

# The versions of the JSON contract this reads (agidebate.export.to_json.SCHEMA_VERSION
# and the ones before it; a test holds the two together).
VERSIONS = (1, 2)
_RELATIONS = {r.value: r for r in (Relation.SUPPORT, Relation.ATTACK)}


def read(text: str, name: str) -> ImportResult:
    """The debate a JSON export describes."""
    data = _document(text, name)
    builder = DebateBuilder()
    reader = Reader(name, holder="field")
    builder.title = reader.optional(data, "title", None)
    builder.summary = reader.optional(data, "summary", None)
    reader.front_matter(builder, data)
    for index, topic in enumerate(_records(data, "topics", name)):
        _topic(builder, topic, f"{name}: topics[{index}]")
    for index, claim in enumerate(_records(data, "claims", name)):
        _claim(builder, claim, f"{name}: claims[{index}]")
    _edges(builder, _records(data, "edges", name), name)
    thesis = data.get("thesis")
    if thesis is not None and thesis not in builder.claims:
        raise InputError(
            name, None, _("the thesis '{id}' is none of the claims", id=thesis), _hint()
        )
    builder.thesis = thesis
    return ImportResult(builder.build(), tuple(builder.notes))


def _document(text: str, name: str) -> dict[str, Any]:
    """The parsed export; an error for anything else."""
    hint = _hint()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        message = _("not valid JSON: {why} (column {column})", why=err.msg, column=err.colno)
        raise InputError(name, err.lineno, message, hint) from None
    except RecursionError:
        raise InputError(name, None, _("the JSON is nested too deeply"), hint) from None
    if not isinstance(data, dict) or data.get("format") != "agidebate":
        raise InputError(name, None, _("not an agidebate JSON export"), hint)
    if data.get("version") not in VERSIONS:
        raise InputError(
            name,
            None,
            _(
                "version {version!r} of the JSON export is not one this agidebate reads",
                version=data.get("version"),
            ),
            _("export it again with this agidebate, or upgrade agidebate"),
        )
    return data


def _hint() -> str:
    return _("give a file written by `agidebate export --format json`")


def _records(data: dict[str, Any], key: str, name: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return value
    raise InputError(name, None, _("'{key}' is not a list of records", key=key), _hint())


def _topic(builder: DebateBuilder, data: dict[str, Any], where: str) -> None:
    topic = data.get("id")
    if not isinstance(topic, str) or not ID_RE.match(topic) or topic in builder.topics:
        raise InputError(
            where,
            None,
            _("the topic id {id!r} is missing, invalid or taken", id=topic),
            _("every topic needs an id of its own: lower-case letters, digits, '.', '_', '-'"),
        )
    reader = Reader(where, holder="field")
    builder.add_topic(
        topic,
        reader.optional(data, "title", None),
        reader.optional(data, "summary", None),
        reader.translations(data, tuple(HEADING_I18N_FIELDS)),
    )
    builder.notes += reader.ignored


def _claim(builder: DebateBuilder, data: dict[str, Any], where: str) -> None:
    claim_id, text = data.get("id"), data.get("text")
    if not isinstance(claim_id, str) or not ID_RE.match(claim_id) or claim_id in builder.claims:
        raise InputError(
            where,
            None,
            _("the claim id {id!r} is missing, invalid or taken", id=claim_id),
            _("every claim needs an id of its own: lower-case letters, digits, '.', '_', '-'"),
        )
    if not isinstance(text, str) or not text.strip():
        raise InputError(
            where, None, _("claim '{id}' has no text", id=claim_id), _("give it a 'text'")
        )
    reader = Reader(f"{where} ('{claim_id}')", holder="field")
    builder.add_claim(
        claim_id,
        text,
        title=reader.optional(data, "title", None),
        sources=reader.records(data, "sources", reader.source),
        tags=reader.strings(data, "tags", ()),
        topic=reader.topic_id(data, None),
        by=reader.optional(data, "by", None),
    )
    claim = reader.claim(builder.claims[claim_id], data)
    weight = reader.fraction(data, "weight")
    if weight is not None and weight != DEFAULT_WEIGHT:
        claim = replace(claim, weight=weight, weight_stated=True)
    builder.claims[claim_id] = claim
    builder.notes += reader.ignored


def _edges(builder: DebateBuilder, edges: list[dict[str, Any]], name: str) -> None:
    """Supports and attacks first, then the undercuts of the links they make."""
    plain = [(i, e) for i, e in enumerate(edges) if not isinstance(e.get("target"), dict)]
    cuts = [(i, e) for i, e in enumerate(edges) if isinstance(e.get("target"), dict)]
    for index, edge in (*plain, *cuts):
        where = f"{name}: edges[{index}]"
        source, target = edge.get("source"), edge.get("target")
        if source not in builder.claims:
            builder.notes.append(
                _("{where}: no claim '{id}'; relation skipped", where=where, id=source)
            )
            continue
        if isinstance(target, dict):
            link = (target.get("source"), target.get("target"))
            added = (
                edge.get("type") == Relation.UNDERCUT.value
                and all(isinstance(end, str) for end in link)
                and builder.undercut(str(source), (str(link[0]), str(link[1])), where)
            )
        elif target in builder.claims and edge.get("type") in _RELATIONS:
            added = builder.relate(str(source), str(target), _RELATIONS[edge["type"]], where)
        else:
            builder.notes.append(
                _("{where}: not a relation between two claims; skipped", where=where)
            )
            continue
        if added:
            _attributes(builder, edge, where)


def _attributes(builder: DebateBuilder, data: dict[str, Any], where: str) -> None:
    """The impact, editorial mark and note of the relation just added."""
    reader = Reader(where, holder="field")
    edge = builder.edges[-1]
    impact = reader.fraction(data, "impact") if edge.link_source is None else None
    builder.edges[-1] = replace(
        edge,
        impact=1.0 if impact is None else impact,
        editorial=reader.flag(data, "editorial"),
        note=reader.optional(data, "note", None),
    )
    builder.notes += reader.ignored
