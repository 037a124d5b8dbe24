"""Kialo's plain-text discussion export, in both the forms Kialo has shipped.

The format is not published by Kialo (its Help Centre only explains how to
download it: "Exporting a Discussion"); this reader follows the forms observed
in real exports, as described in ../shared/external/SOURCES.md and as parsed
by other readers (arguebuf's `load/_load_kialo.py`, edoguido/Kialo-Parser):

Legacy form (2018-2019), detected by a first line `Discussion Title: ...`:
records are separated by CRLF; a bare LF inside a record is a line break
inside the claim. Each record is `1.2.3. Pro: text` (the root `1. text` has no
label; in "which is best" discussions the root's children have no label
either). Text is Kialo markdown with backslash escapes (`\\(`, `\\[`, `\\>`) and
inline links `[text](url)`. A record whose whole text is `-> See 1.2.` re-uses
claim 1.2. under a new parent (links may point forward and at other links);
`-> See discussion #N: thesis` points at another discussion.

Current form (2023-2025), detected by a first line `Discussion Name:`: line 2
is the title, then blocks separated by an empty line, each an indented label
line `1.2. Pro:` (`Thesis:`, `Question:` for multi-thesis discussions) and the
text on the next lines; after the tree an unindented `Sources:` line and
footnotes `[N] url`, each optionally followed by a quoted excerpt that may
span several lines (blank lines and lines that look like claims included).

How the discussion maps onto a debate: the root claim is the thesis (id
`thesis`), every other claim keeps its Kialo number as its id (`1.2.3`), Pro
is `supports`, Con is `attacks`, a `-> See` link adds a relation from the
claim it names, and each subtree under the thesis becomes one topic. In a
multi-thesis discussion the question becomes the debate's title and each
option a root claim (the debate then has no thesis). Footnote markers `[N]`
become the claim's `sources` (markers at the very end of the text are removed
from it; markers inside a sentence stay), inline links become sources too. A
Con ending in `text.UNDERCUT_NOTE` (how agidebate writes an undercut) cuts the
link from its parent to the claim above that.
"""

from __future__ import annotations

import re

from agidebate.importers import ImportResult, InputError
from agidebate.importers._build import DebateBuilder
from agidebate.importers._kialo_forms import (
    Parsed,
    Record,
    legacy_text,
    read_current,
    read_legacy,
)
from agidebate.model import THESIS_ID, Relation
from agidebate.text import UNDERCUT_NOTE, shorten

_LINK = re.compile(r"->[ \t]*See[ \t]+(\d+(?:\.\d+)*)\.?[ \t]*\Z")
_OTHER_DISCUSSION = re.compile(r"->[ \t]*See[ \t]+(discussion[ \t]+#\d+.*)\Z", re.S)
_LABELS = {"Pro": Relation.SUPPORT, "Con": Relation.ATTACK}


def read(text: str, name: str) -> ImportResult:
    """Parse a Kialo export (either form) into a debate."""
    first = text.split("\n", 1)[0].rstrip("\r")
    if first.startswith("Discussion Title:"):
        parsed = read_legacy(text, name)
    elif first.strip() == "Discussion Name:":
        parsed = read_current(text, name)
    else:
        raise InputError(
            name,
            1,
            "not a Kialo export: the first line is neither 'Discussion Title: ...' "
            "nor 'Discussion Name:'",
            "export the discussion from Kialo as a .txt file (Export > Plain text)",
        )
    return _to_debate(parsed, name)


def _to_debate(parsed: Parsed, name: str) -> ImportResult:
    records = parsed.records
    legacy = not any(r.label in ("Thesis", "Question") for r in records.values())
    root = records["1"]
    multi = root.label == "Question" or (
        legacy and any(r.parent == "1" and r.label is None for r in records.values())
    )
    builder = DebateBuilder(title=parsed.title or None, notes=list(parsed.notes))
    for record in records.values():
        _read_link(record, legacy)
        if legacy and record.link is None:
            legacy_text(record)
    ids = _claim_ids(records, multi, builder)
    targets = _resolve_links(records, ids, builder, name)
    if multi:
        question = root.text.strip()
        builder.summary = question if question and question != parsed.title else None
    else:
        builder.thesis = THESIS_ID
    for record in records.values():
        if record.link is None and record.number in ids:
            _add_claim(builder, record, ids[record.number])
    for record in records.values():
        _add_relation(builder, record, records, ids, targets, multi, name)
    return ImportResult(builder.build(), tuple(builder.notes))


def _read_link(record: Record, legacy: bool) -> None:
    text = record.text.strip()
    match = _LINK.match(text)
    if match is not None:
        record.link = match.group(1)
    elif not legacy and text.startswith("\\->"):
        record.text = text[1:]  # our own escape for a claim that reads '-> See ...'


def _claim_ids(records: dict[str, Record], multi: bool, builder: DebateBuilder) -> dict[str, str]:
    ids: dict[str, str] = {}
    for number, record in records.items():
        if record.link is not None or (multi and number == "1"):
            continue
        ids[number] = THESIS_ID if number == "1" else builder.unique_id(number)
    return ids


def _resolve_links(
    records: dict[str, Record], ids: dict[str, str], builder: DebateBuilder, name: str
) -> dict[str, str]:
    """Each link record's number -> the claim id it finally names (links to links followed)."""
    targets: dict[str, str] = {}
    for number, record in records.items():
        seen = {number}
        target = record.link
        while target is not None and target in records and records[target].link is not None:
            if target in seen:
                break
            seen.add(target)
            target = records[target].link
        if record.link is None:
            continue
        if target is None or target not in ids:
            why = "a loop of links" if target in seen else f"{record.link}., which is not a claim"
            builder.notes.append(f"{name}:{record.line}: link {number}. points at {why}; skipped")
            continue
        targets[number] = ids[target]
    return targets


def _add_claim(builder: DebateBuilder, record: Record, claim_id: str) -> None:
    text = record.text.strip()
    if record.label == "Con" and text.endswith(UNDERCUT_NOTE):  # what our exporter writes
        text, record.undercut = text.removesuffix(UNDERCUT_NOTE).strip(), True
    tags: tuple[str, ...] = ()
    other = _OTHER_DISCUSSION.match(text)
    if other is not None:
        text, tags = "See " + other.group(1).strip(), ("kialo-discussion-link",)
    if not text:
        text = "(empty claim)"
        builder.notes.append(f"claim {record.number}. has no text; it reads '(empty claim)'")
    topic = None
    if record.number != "1":
        topic = ".".join(record.number.split(".")[:2])
        top = text if topic == record.number else getattr(builder.claims.get(topic), "text", None)
        builder.add_topic(topic, shorten(top) if top else None)
    sources = tuple(dict.fromkeys(record.sources))
    builder.add_claim(claim_id, text, sources=sources, tags=tags, topic=topic)


def _add_relation(
    builder: DebateBuilder,
    record: Record,
    records: dict[str, Record],
    ids: dict[str, str],
    targets: dict[str, str],
    multi: bool,
    name: str,
) -> None:
    parent = record.parent
    if parent is None:
        return
    source = targets.get(record.number) if record.link is not None else ids.get(record.number)
    target = targets.get(parent) if parent in targets else ids.get(parent)
    where = f"{name}:{record.line}"
    if source is None:
        return  # a link that could not be resolved (noted already)
    if target is None:
        if not (multi and parent == "1"):
            builder.notes.append(f"{where}: claim {record.number}. has no parent claim; skipped")
        elif record.label in _LABELS:
            builder.notes.append(
                f"{where}: {record.label.lower()} {record.number}. argues with the question, "
                "not an option; it stays a root claim"
            )
        return
    relation = _LABELS.get(record.label or "")
    if relation is None:
        builder.notes.append(f"{where}: claim {record.number}. has no Pro/Con label; read as Pro")
        relation = Relation.SUPPORT
    above = records[parent].parent if record.undercut else None
    cut = (targets.get(above) or ids.get(above)) if above else None
    if cut is None or not builder.undercut(source, (target, cut), where):
        builder.relate(source, target, relation, where)
