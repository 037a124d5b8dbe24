"""The catalogs hold every message of the source, translated, and the program reads
exactly what their sources say. `python -m tests.i18n.catalog` brings them up to date."""

from __future__ import annotations

import gettext
import io
import string
from collections.abc import Iterator

import pytest
from babel.messages.catalog import Catalog, Message

from agidebate.i18n import LOCALE_DIR
from tests.i18n.catalog import TEMPLATE, extract, languages, mo_bytes, po_path, read

UPDATE = "run `python -m tests.i18n.catalog` (docs/i18n.md)"
LANGUAGES = languages()

Key = tuple[str | None, tuple[str, ...]]


def texts(value: object) -> tuple[str, ...]:
    """A message's id or translation as a tuple: one text, or every plural form."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    return ("",)


def keys(catalog: Catalog) -> dict[Key, Message]:
    return {(m.context, texts(m.id)): m for m in catalog if m.id}


def test_chinese_ships() -> None:
    assert "zh" in LANGUAGES


def test_the_template_holds_exactly_the_messages_of_the_source() -> None:
    source, template = keys(extract()), keys(read(TEMPLATE))
    assert sorted(source.keys() - template.keys(), key=str) == [], "new messages: " + UPDATE
    assert sorted(template.keys() - source.keys(), key=str) == [], "gone messages: " + UPDATE
    for key, message in source.items():
        assert set(message.flags) == set(template[key].flags), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalog_has_the_template_s_messages(language: str) -> None:
    template = keys(read(TEMPLATE))
    catalog = keys(read(po_path(language), language))
    assert sorted(template.keys() - catalog.keys(), key=str) == [], UPDATE
    assert sorted(catalog.keys() - template.keys(), key=str) == [], UPDATE


def untranslated(catalog: Catalog) -> Iterator[Key]:
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy or not all(texts(message.string)):
            yield (message.context, texts(message.id))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    catalog = read(po_path(language), language)
    assert catalog.num_plurals >= 1
    missing = list(untranslated(catalog))
    assert missing == [], f"translate these in {po_path(language).name} ({language}): {missing}"


def fields(text: str) -> set[tuple[str, str | None, str]]:
    """The placeholders of `text` with their conversion and format spec: `{n:,}` -> ('n', None, ',')."""
    return {
        (name, conversion, spec or "")
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_fill_the_same_placeholders(language: str) -> None:
    """A translation must fill every field its message fills, with the same format spec
    (a '{value:.2f}' that became '{value}' prints 0.961234...), and no other."""
    wrong = []
    for message in read(po_path(language), language):
        if not message.id:
            continue
        wanted = set().union(*(fields(i) for i in texts(message.id)))
        got = [fields(form) for form in texts(message.string)]
        if set().union(*got) != wanted or any(not form <= wanted for form in got):
            wrong.append(message.id)
    assert wrong == []


def test_a_format_spec_is_part_of_the_placeholder() -> None:
    assert fields("{value:.2f} of {n:,}") == {("value", None, ".2f"), ("n", None, ",")}
    assert fields("{value:.2f}") != fields("{value}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_is_its_source_compiled(language: str) -> None:
    source = po_path(language)
    compiled = source.with_suffix(".mo")
    assert compiled.is_file(), UPDATE
    shipped = gettext.GNUTranslations(io.BytesIO(compiled.read_bytes()))
    fresh = gettext.GNUTranslations(io.BytesIO(mo_bytes(read(source, language))))
    assert shipped._catalog == fresh._catalog, f"{compiled.name} is stale: " + UPDATE  # type: ignore[attr-defined]
    assert all(shipped.ngettext("a", "b", n) == fresh.ngettext("a", "b", n) for n in range(3))


def test_every_compiled_catalog_has_its_source() -> None:
    compiled = sorted(p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/*.mo"))
    assert compiled == LANGUAGES
