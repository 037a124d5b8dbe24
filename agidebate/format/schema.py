"""The single description of what an argument file may contain.

The loader checks files against these field lists, and `json_schema()` renders
the same description as a JSON Schema for editors.
"""

from __future__ import annotations

import re
from typing import Any, assert_never

from agidebate.model import Relation

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
ID_RE = re.compile(ID_PATTERN)
LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
LANG_RE = re.compile(LANG_PATTERN)
URL_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")

DEBATE_FILE_NAMES = ("debate.yaml", "debate.yml")
PERSPECTIVES_DIR = "perspectives"

DEBATE_FIELDS: dict[str, str] = {
    "title": "the debate's title",
    "summary": "a paragraph introducing the debate",
    "thesis": "the thesis: a claim mapping; its id defaults to 'thesis'",
}
TOPIC_FIELDS: dict[str, str] = {
    "topic": "the topic's id; defaults to the file name without its extension",
    "title": "the topic's heading",
    "summary": "a paragraph introducing the topic",
    "claims": "the list of claims",
}
CLAIM_FIELDS: dict[str, str] = {
    "id": "unique id: lower-case letters, digits, '.', '_', '-'; starts with a letter or digit",
    "text": "the claim in full",
    "title": "a short label for trees and maps",
    "supports": "an id or a list of ids this claim supports",
    "attacks": "an id or a list of ids this claim attacks",
    "pro": "claims nested under this one that support it",
    "con": "claims nested under this one that attack it",
    "weight": "base plausibility in [0, 1] before other claims act on it (default 0.5)",
    "by": "who argues it",
    "sources": "a list of URLs or mappings with title, url, author, year, note",
    "figures": "the numbers the claim rests on: mappings with value, unit, what, note",
    "tags": "a list of strings",
    "i18n": "translations by language code, e.g. {zh: {title: ..., text: ...}}",
}
SOURCE_FIELDS: dict[str, str] = {
    "title": "the work's title",
    "url": "where to read it",
    "author": "who wrote it",
    "year": "when it appeared",
    "note": "anything a reader should know about this source",
}
FIGURE_FIELDS: dict[str, str] = {
    "value": "a number, or quoted text for a range or an estimate",
    "unit": "the unit",
    "what": "what the number measures",
    "note": "caveats: a doubtful translation, a corrected value",
}
I18N_FIELDS: dict[str, str] = {
    "title": "the translated title",
    "text": "the translated text",
}

# Fields people reach for that do not exist, and what to write instead.
MISPLACED: dict[str, str] = {
    "side": "sides are derived from supports/attacks; remove it",
    "stance": "sides are derived from supports/attacks; remove it",
    "parent": "write `supports: ID` or `attacks: ID`",
    "target": "write `supports: ID` or `attacks: ID`",
    "source": "use `sources:` with a list",
    "url": "put URLs in `sources:`",
    "link": "put URLs in `sources:`",
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
}


def _string(description: str) -> dict[str, Any]:
    return {"type": "string", "description": description}


def _ids(description: str) -> dict[str, Any]:
    one = {"type": "string", "pattern": ID_PATTERN}
    return {"description": description, "oneOf": [one, {"type": "array", "items": one}]}


def _claim_schema() -> dict[str, Any]:
    source = {
        "oneOf": [
            {"type": "string", "format": "uri", "description": "a URL"},
            {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "title": _string(SOURCE_FIELDS["title"]),
                    "url": {"type": "string", "format": "uri", "description": SOURCE_FIELDS["url"]},
                    "author": _string(SOURCE_FIELDS["author"]),
                    "year": {"type": ["integer", "string"], "description": SOURCE_FIELDS["year"]},
                    "note": _string(SOURCE_FIELDS["note"]),
                },
                "anyOf": [{"required": ["title"]}, {"required": ["url"]}],
            },
        ]
    }
    figure = {
        "type": "object",
        "additionalProperties": False,
        "required": ["value"],
        "properties": {
            "value": {"type": ["number", "string"], "description": FIGURE_FIELDS["value"]},
            "unit": _string(FIGURE_FIELDS["unit"]),
            "what": _string(FIGURE_FIELDS["what"]),
            "note": _string(FIGURE_FIELDS["note"]),
        },
    }
    translation = {
        "type": "object",
        "additionalProperties": False,
        "properties": {k: _string(v) for k, v in I18N_FIELDS.items()},
    }
    nested = {"type": "array", "items": {"$ref": "#/$defs/claim"}}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "text"],
        "properties": {
            "id": {"type": "string", "pattern": ID_PATTERN, "description": CLAIM_FIELDS["id"]},
            "text": _string(CLAIM_FIELDS["text"]),
            "title": _string(CLAIM_FIELDS["title"]),
            "supports": _ids(CLAIM_FIELDS["supports"]),
            "attacks": _ids(CLAIM_FIELDS["attacks"]),
            "pro": {**nested, "description": CLAIM_FIELDS["pro"]},
            "con": {**nested, "description": CLAIM_FIELDS["con"]},
            "weight": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "default": 0.5,
                "description": CLAIM_FIELDS["weight"],
            },
            "by": _string(CLAIM_FIELDS["by"]),
            "sources": {"type": "array", "items": source, "description": CLAIM_FIELDS["sources"]},
            "figures": {"type": "array", "items": figure, "description": CLAIM_FIELDS["figures"]},
            "tags": {
                "type": "array",
                "items": {"type": "string"},
                "description": CLAIM_FIELDS["tags"],
            },
            "i18n": {
                "type": "object",
                "propertyNames": {"pattern": LANG_PATTERN},
                "additionalProperties": translation,
                "description": CLAIM_FIELDS["i18n"],
            },
        },
    }


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for topic files and `debate.yaml`.

    >>> json_schema()["$defs"]["claim"]["required"]
    ['id', 'text']
    """
    thesis = _claim_schema()
    thesis["required"] = ["text"]
    thesis["description"] = DEBATE_FIELDS["thesis"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://agidebate.invalid/schema/argument-file.json",
        "title": "agidebate argument file",
        "description": (
            "A topic file (topic, title, summary, claims) or debate.yaml (title, summary, thesis)."
        ),
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "topic": {
                "type": "string",
                "pattern": ID_PATTERN,
                "description": TOPIC_FIELDS["topic"],
            },
            "title": _string(TOPIC_FIELDS["title"]),
            "summary": _string(TOPIC_FIELDS["summary"]),
            "claims": {
                "type": "array",
                "items": {"$ref": "#/$defs/claim"},
                "description": TOPIC_FIELDS["claims"],
            },
            "thesis": thesis,
        },
        "$defs": {"claim": _claim_schema()},
    }


def relation_keys(relation: Relation) -> tuple[str, str]:
    """How an argument file writes `relation`: the key of a reply nested under its target
    (`pro:`, `con:`) and the key of a reference by id (`supports:`, `attacks:`)."""
    match relation:
        case Relation.SUPPORT:
            return "pro", "supports"
        case Relation.ATTACK:
            return "con", "attacks"
        case _:
            assert_never(relation)
