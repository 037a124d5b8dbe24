"""The single description of what an argument file and a perspective file may contain.

The loader checks files against these field tables, and `format.jsonschema` renders
the same description as a JSON Schema for editors.
"""

from __future__ import annotations

import re
from typing import assert_never

from agidebate.model import ClaimKind, Relation

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
ID_RE = re.compile(ID_PATTERN)
LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
LANG_RE = re.compile(LANG_PATTERN)
URL_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# `date:` as a string: YYYY, YYYY-MM or YYYY-MM-DD (whether the day exists is checked apart).
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

DEBATE_FILE_NAMES = ("debate.yaml", "debate.yml")
PERSPECTIVES_DIR = "perspectives"

KINDS = tuple(kind.value for kind in ClaimKind)

DEBATE_FIELDS: dict[str, str] = {
    "title": "the debate's title",
    "summary": "a paragraph introducing the debate",
    "thesis": "the thesis: a claim mapping; its id defaults to 'thesis'",
    "expect": "scores the debate's own weights should give (checked by `agidebate test`)",
    "authors": "display names of the authors named in `by:`, in other languages",
    "i18n": "the title and summary in other languages, e.g. {zh: {title: ...}}",
}
TOPIC_FIELDS: dict[str, str] = {
    "topic": "the topic's id; defaults to the file name without its extension",
    "title": "the topic's heading",
    "summary": "a paragraph introducing the topic",
    "claims": "the list of claims",
    "i18n": "the title and summary in other languages, e.g. {zh: {title: ...}}",
}
CLAIM_FIELDS: dict[str, str] = {
    "id": "unique id: lower-case letters, digits, '.', '_', '-'; starts with a letter or digit",
    "text": "the claim in full",
    "title": "a short label for trees and maps",
    "kind": "'argument' (the default) or 'summary': restates other claims or an author's "
    "overall conclusion; shown, never counted",
    "supports": "the claims this claim supports: an id, a {id, impact, editorial, note} "
    "mapping, or a list of these",
    "attacks": "the claims this claim attacks: an id, a {id, impact, editorial, note} "
    "mapping, or a list of these",
    "undercuts": "the links this claim attacks, not their claims: {from: ID, to: ID} "
    "(with editorial, note) or a list of these",
    "pro": "claims nested under this one that support it",
    "con": "claims nested under this one that attack it",
    "link": "under pro:/con:, the link to the parent claim: {impact, editorial, note}",
    "weight": "base plausibility in [0, 1] before other claims act on it (default 0.5)",
    "by": "who argues it",
    "date": "when the argument was made: YYYY, YYYY-MM or YYYY-MM-DD; defaults to the year "
    "of the first source",
    "sources": "a list of URLs or mappings with title, url, author, year, note",
    "quote": "the passage the claim stands on, verbatim: a text, a {text, source, at} "
    "mapping, or a list of these",
    "figures": "the numbers the claim rests on: mappings with value, unit, what, note",
    "editorial": "true when the map's editor wrote the claim: it is in no source",
    "note": "the editor's comment on the claim, kept apart from the author's text",
    "tags": "a list of strings",
    "i18n": "translations by language code, e.g. {zh: {title: ..., text: ...}}",
}
TARGET_FIELDS: dict[str, str] = {
    "id": "the id of the claim supported or attacked",
    "impact": "the link's relevance in [0, 1]: how far the claim bears on its target (default 1)",
    "editorial": "true when the map's editor drew the link: the author did not reply to that claim",
    "note": "the editor's comment on the link",
}
LINK_FIELDS: dict[str, str] = {k: v for k, v in TARGET_FIELDS.items() if k != "id"}
UNDERCUT_FIELDS: dict[str, str] = {
    "from": "the id of the cut link's source claim",
    "to": "the id of the cut link's target claim",
    "editorial": "true when the map's editor drew the undercut",
    "note": "the editor's comment on the undercut",
}
QUOTE_FIELDS: dict[str, str] = {
    "text": "the passage, verbatim, in the source's own language",
    "source": "which of the claim's sources it is from: 1 for the first",
    "at": "where in the source: a section, paragraph, page or footnote",
}
SOURCE_FIELDS: dict[str, str] = {
    "title": "the work's title",
    "url": "where to read it",
    "author": "who wrote it",
    "year": "when it appeared",
    "note": "anything a reader should know about this source",
    "i18n": "the note in other languages, e.g. {zh: {note: ...}}",
}
FIGURE_FIELDS: dict[str, str] = {
    "value": "a number, or quoted text for a range or an estimate",
    "unit": "the unit",
    "what": "what the number measures",
    "note": "caveats: a doubtful translation, a corrected value",
    "i18n": "what and note in other languages, e.g. {zh: {what: ...}}",
}
AUTHOR_FIELDS: dict[str, str] = {
    "i18n": "the name in other languages, e.g. {zh: {name: ...}}",
}
# What each `i18n:` may translate, by what it belongs to.
I18N_FIELDS: dict[str, str] = {
    "title": "the translated title",
    "text": "the translated text",
    "note": "the translated note",
}
HEADING_I18N_FIELDS: dict[str, str] = {
    "title": "the translated title",
    "summary": "the translated summary",
}
SOURCE_I18N_FIELDS: dict[str, str] = {"note": "the translated note"}
FIGURE_I18N_FIELDS: dict[str, str] = {
    "what": "what the number measures, translated",
    "note": "the translated note",
}
AUTHOR_I18N_FIELDS: dict[str, str] = {"name": "the author's name as written in that language"}
BOTTOM_LINE_I18N_FIELDS: dict[str, str] = {"text": "the bottom line, translated"}
PERSPECTIVE_I18N_FIELDS: dict[str, str] = {
    **HEADING_I18N_FIELDS,
    "bottom_line": "the bottom line translated: {text: ...}",
}

PERSPECTIVE_FIELDS: dict[str, str] = {
    "title": "the perspective's name as shown to readers",
    "summary": "whose view it is and how the numbers were chosen",
    "by": "who holds the view",
    "prior": "the thesis's base weight for this reader, in [0, 1]",
    "credence": "a mapping of claim ids to base weights in [0, 1]",
    "weights": "the same as credence (its earlier name)",
    "impact": "per-link relevance for this reader: FROM: {TO: value in [0, 1]}",
    "bottom_line": "what the author concluded: {text, value, quote}",
    "expect": "the scores this perspective should give (checked by `agidebate test`)",
    "sources": "the works the bottom line quotes: URLs or mappings, as in a claim",
    "i18n": "title, summary and bottom_line.text in other languages",
}
BOTTOM_LINE_FIELDS: dict[str, str] = {
    "text": "the author's conclusion, in our words",
    "value": "the conclusion as a number in [0, 1], where the author gave one",
    "quote": "the conclusion in the author's words: a text or {text, source, at}",
}
EXPECT_FIELDS: dict[str, str] = {
    "verdict": "[low, high]: the thesis under the default semantics",
    "claims": "{ID: [low, high]}: single claims under the default semantics",
}
EXPECT_SEMANTICS = "[low, high]: the thesis under the semantics of that name (e.g. qe)"

# Fields people reach for that do not exist, and what to write instead.
MISPLACED: dict[str, str] = {
    "side": "sides are derived from supports/attacks; remove it",
    "stance": "sides are derived from supports/attacks; remove it",
    "parent": "write `supports: ID` or `attacks: ID`",
    "target": "write `supports: ID` or `attacks: ID`",
    "source": "use `sources:` with a list",
    "url": "put URLs in `sources:`",
    "author": "use `by:` for who argues a claim; `author` belongs inside a source",
    "tag": "use `tags:` with a list",
    "children": "nest claims under `pro:` or `con:`",
    "rebuttals": "nest rebuttals under `con:`",
    "objections": "nest objections under `con:`",
    "reasons": "nest reasons under `pro:`",
    "claims": "`claims:` belongs at the top of a topic file; nest claims with `pro:`/`con:`",
    "label": "use `title:`",
    "name": "use `title:`",
    "description": "use `text:` for a claim or `summary:` for a topic",
    "summary": "a claim has no summary: write `kind: summary` for a claim that restates "
    "others, or `note:` for the editor's comment",
    "impact": "an impact belongs to a link: `supports: [{id: ID, impact: 0.5}]`, or "
    "`link: {impact: 0.5}` under pro:/con:",
    "quotes": "use `quote:` (a text, a mapping or a list)",
    "undercut": "use `undercuts: {from: ID, to: ID}`",
    "comment": "use `note:` for the editor's comment",
    "notes": "use `note:`",
    "year": "use `date:` (YYYY, YYYY-MM or YYYY-MM-DD)",
}


def relation_keys(relation: Relation) -> tuple[str | None, str]:
    """How an argument file writes `relation`: the key of a reply nested under its target
    (`pro:`, `con:`; None for an undercut, which cannot be nested) and the key that names
    the target (`supports:`, `attacks:`, `undercuts:`)."""
    match relation:
        case Relation.SUPPORT:
            return "pro", "supports"
        case Relation.ATTACK:
            return "con", "attacks"
        case Relation.UNDERCUT:
            return None, "undercuts"
        case _:
            assert_never(relation)
