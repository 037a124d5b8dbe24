"""The field tables of `format.schema` as JSON Schemas (draft 2020-12), for editors.

`json_schema()` describes topic files and `debate.yaml`; `perspective_schema()`
describes `perspectives/NAME.yaml`. The loader checks more than a schema can say
(ids that exist, links that exist, quote indexes within the sources): `agidebate
check` is the full check.
"""

from __future__ import annotations

from typing import Any

from agidebate.format.schema import (
    AUTHOR_FIELDS,
    AUTHOR_I18N_FIELDS,
    BOTTOM_LINE_FIELDS,
    BOTTOM_LINE_I18N_FIELDS,
    CLAIM_FIELDS,
    DATE_PATTERN,
    DEBATE_FIELDS,
    EXPECT_FIELDS,
    EXPECT_SEMANTICS,
    FIGURE_FIELDS,
    FIGURE_I18N_FIELDS,
    HEADING_I18N_FIELDS,
    I18N_FIELDS,
    ID_PATTERN,
    KINDS,
    LANG_PATTERN,
    PERSPECTIVE_FIELDS,
    QUOTE_FIELDS,
    SOURCE_FIELDS,
    SOURCE_I18N_FIELDS,
    TARGET_FIELDS,
    TOPIC_FIELDS,
    UNDERCUT_FIELDS,
)

Schema = dict[str, Any]
_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_ID = {"type": "string", "pattern": ID_PATTERN}
_FRACTION = {"type": "number", "minimum": 0, "maximum": 1}


def _string(description: str) -> Schema:
    return {"type": "string", "description": description}


def _record(fields: dict[str, str], properties: Schema, required: tuple[str, ...] = ()) -> Schema:
    """An object with exactly `fields`; `properties` gives each one's schema."""
    assert properties.keys() == fields.keys(), sorted(set(properties) ^ set(fields))
    described = {k: {**v, "description": fields[k]} for k, v in properties.items()}
    schema: Schema = {"type": "object", "additionalProperties": False, "properties": described}
    if required:
        schema["required"] = list(required)
    return schema


def _one_or_many(item: Schema, description: str) -> Schema:
    return {"description": description, "oneOf": [item, {"type": "array", "items": item}]}


def _translations(fields: dict[str, str], description: str) -> Schema:
    """`i18n`: language codes mapped to translated fields."""
    each = _record(fields, {k: {"type": "string"} for k in fields})
    return {
        "type": "object",
        "propertyNames": {"pattern": LANG_PATTERN},
        "additionalProperties": each,
        "description": description,
    }


def _source() -> Schema:
    work = _record(
        SOURCE_FIELDS,
        {
            "title": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "author": {"type": "string"},
            "year": {"type": ["integer", "string"]},
            "note": {"type": "string"},
            "i18n": _translations(SOURCE_I18N_FIELDS, SOURCE_FIELDS["i18n"]),
        },
    )
    work["anyOf"] = [{"required": ["title"]}, {"required": ["url"]}]
    return {"oneOf": [{"type": "string", "format": "uri", "description": "a URL"}, work]}


def _quote() -> Schema:
    text = {"type": "string", "minLength": 1, "pattern": r"\S"}
    passage = _record(
        QUOTE_FIELDS,
        {"text": text, "source": {"type": "integer", "minimum": 1}, "at": {"type": "string"}},
        required=("text",),
    )
    return {"oneOf": [{**text, "description": QUOTE_FIELDS["text"]}, passage]}


def _targets(key: str) -> Schema:
    mapping = _record(
        TARGET_FIELDS,
        {
            "id": _ID,
            "impact": _FRACTION,
            "editorial": {"type": "boolean"},
            "note": {"type": "string"},
        },
        required=("id",),
    )
    return _one_or_many({"oneOf": [_ID, mapping]}, CLAIM_FIELDS[key])


def _link_fields() -> Schema:
    return _record(
        {k: v for k, v in TARGET_FIELDS.items() if k != "id"},
        {"impact": _FRACTION, "editorial": {"type": "boolean"}, "note": {"type": "string"}},
    )


def _undercut() -> Schema:
    return _record(
        UNDERCUT_FIELDS,
        {"from": _ID, "to": _ID, "editorial": {"type": "boolean"}, "note": {"type": "string"}},
        required=("from", "to"),
    )


def _figure() -> Schema:
    return _record(
        FIGURE_FIELDS,
        {
            "value": {"type": ["number", "string"]},
            "unit": {"type": "string"},
            "what": {"type": "string"},
            "note": {"type": "string"},
            "i18n": _translations(FIGURE_I18N_FIELDS, FIGURE_FIELDS["i18n"]),
        },
        required=("value",),
    )


def _date() -> Schema:
    return {
        "oneOf": [
            {"type": "string", "pattern": DATE_PATTERN},
            {"type": "integer", "minimum": 1, "maximum": 9999},
        ]
    }


def _claim_schema() -> Schema:
    nested = {"type": "array", "items": {"$ref": "#/$defs/claim"}}
    return _record(
        CLAIM_FIELDS,
        {
            "id": _ID,
            "text": {"type": "string"},
            "title": {"type": "string"},
            "kind": {"enum": list(KINDS), "default": KINDS[0]},
            "supports": _targets("supports"),
            "attacks": _targets("attacks"),
            "undercuts": _one_or_many(_undercut(), CLAIM_FIELDS["undercuts"]),
            "pro": nested,
            "con": nested,
            "link": _link_fields(),
            "weight": {**_FRACTION, "default": 0.5},
            "by": {"type": "string"},
            "date": _date(),
            "sources": {"type": "array", "items": _source()},
            "quote": _one_or_many(_quote(), CLAIM_FIELDS["quote"]),
            "figures": {"type": "array", "items": _figure()},
            "editorial": {"type": "boolean", "default": False},
            "note": {"type": "string"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "i18n": _translations(I18N_FIELDS, CLAIM_FIELDS["i18n"]),
        },
        required=("id", "text"),
    )


def _range() -> Schema:
    return {"type": "array", "prefixItems": [_FRACTION, _FRACTION], "minItems": 2, "maxItems": 2}


def _expect() -> Schema:
    return {
        "type": "object",
        "properties": {
            "verdict": {**_range(), "description": EXPECT_FIELDS["verdict"]},
            "claims": {
                "type": "object",
                "propertyNames": {"pattern": ID_PATTERN},
                "additionalProperties": _range(),
                "description": EXPECT_FIELDS["claims"],
            },
        },
        "additionalProperties": {**_range(), "description": EXPECT_SEMANTICS},
        "propertyNames": {"pattern": ID_PATTERN},
    }


def _authors() -> Schema:
    author = _record(
        AUTHOR_FIELDS, {"i18n": _translations(AUTHOR_I18N_FIELDS, AUTHOR_FIELDS["i18n"])}
    )
    return {"type": "object", "additionalProperties": author}


def json_schema() -> Schema:
    """A JSON Schema (draft 2020-12) for topic files and `debate.yaml`.

    >>> json_schema()["$defs"]["claim"]["required"]
    ['id', 'text']
    """
    thesis = _claim_schema()
    thesis["required"] = ["text"]
    headings = _translations(HEADING_I18N_FIELDS, TOPIC_FIELDS["i18n"])
    properties = {
        "topic": {"type": "string", "pattern": ID_PATTERN, "description": TOPIC_FIELDS["topic"]},
        "title": _string(TOPIC_FIELDS["title"]),
        "summary": _string(TOPIC_FIELDS["summary"]),
        "claims": {
            "type": "array",
            "items": {"$ref": "#/$defs/claim"},
            "description": TOPIC_FIELDS["claims"],
        },
        "thesis": {**thesis, "description": DEBATE_FIELDS["thesis"]},
        "expect": {**_expect(), "description": DEBATE_FIELDS["expect"]},
        "authors": {**_authors(), "description": DEBATE_FIELDS["authors"]},
        "i18n": headings,
    }
    return {
        "$schema": _DRAFT,
        "$id": "https://agidebate.invalid/schema/argument-file.json",
        "title": "agidebate argument file",
        "description": (
            "A topic file (topic, title, summary, claims, i18n) or debate.yaml "
            "(title, summary, thesis, expect, authors, i18n)."
        ),
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "$defs": {"claim": _claim_schema()},
    }


def perspective_schema() -> Schema:
    """A JSON Schema (draft 2020-12) for perspective files (`perspectives/NAME.yaml`).

    >>> sorted(perspective_schema()["properties"]["bottom_line"]["required"])
    ['text']
    """
    weights = {"type": "object", "propertyNames": {"pattern": ID_PATTERN}}
    bottom_line = _record(
        BOTTOM_LINE_FIELDS,
        {"text": {"type": "string"}, "value": _FRACTION, "quote": _quote()},
        required=("text",),
    )
    translated = _record(
        {k: v for k, v in PERSPECTIVE_FIELDS.items() if k in ("title", "summary")}
        | {"bottom_line": "the bottom line translated: {text: ...}"},
        {
            "title": {"type": "string"},
            "summary": {"type": "string"},
            "bottom_line": _record(BOTTOM_LINE_I18N_FIELDS, {"text": {"type": "string"}}),
        },
    )
    return {
        "$schema": _DRAFT,
        "$id": "https://agidebate.invalid/schema/perspective-file.json",
        "title": "agidebate perspective file",
        "description": "A reader's weights, link impacts, prior, bottom line and expectations.",
        "type": "object",
        "additionalProperties": False,
        "properties": _record(
            PERSPECTIVE_FIELDS,
            {
                "title": {"type": "string"},
                "summary": {"type": "string"},
                "by": {"type": "string"},
                "prior": _FRACTION,
                "credence": {**weights, "additionalProperties": _FRACTION},
                "weights": {**weights, "additionalProperties": _FRACTION},
                "impact": {
                    **weights,
                    "additionalProperties": {**weights, "additionalProperties": _FRACTION},
                },
                "bottom_line": bottom_line,
                "expect": _expect(),
                "sources": {"type": "array", "items": _source()},
                "i18n": {
                    "type": "object",
                    "propertyNames": {"pattern": LANG_PATTERN},
                    "additionalProperties": translated,
                },
            },
        )["properties"],
    }
