"""The message catalogs: extract the messages from the source, merge them into every
language's `.po`, compile the `.mo` files the program reads.

    python -m tests.i18n.catalog          # after adding or changing a message
    python -m tests.i18n.catalog init fr  # start a new language

Messages are the literal arguments of `_()`, `N_()`, `ngettext()`, `pgettext()`,
`help_text()` (and of a `Translator`'s `.gettext()`, `.ngettext()`, `.pgettext()`) in
`agidebate/`, and the docstring of every registered command (its `--help`). The
template `agidebate/locale/agidebate.pot` and each `.po` are written sorted and
without source locations, so that two branches adding messages rarely conflict.
The test suite (tests/i18n/test_catalogs.py) fails while any of these files is
not what this writes, or a message has no translation.
"""

from __future__ import annotations

import ast
import inspect
import io
import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from agidebate.i18n import DOMAIN, LOCALE_DIR

PACKAGE = LOCALE_DIR.parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
# A fixed date: the template changes only when its messages do.
CREATED = datetime(2025, 1, 1)
WIDTH = 100

# Function name -> the positions of (context, singular, plural) among its arguments.
KEYWORDS: dict[str, tuple[int | None, int, int | None]] = {
    "_": (None, 0, None),
    "N_": (None, 0, None),
    "help_text": (None, 0, None),
    "gettext": (None, 0, None),
    "ngettext": (None, 0, 1),
    "pgettext": (0, 1, None),
}

MessageId = str | tuple[str, str]


@dataclass(frozen=True)
class Message:
    """One message as the source writes it."""

    id: MessageId
    context: str | None


def function_name(call: ast.Call) -> str | None:
    """`_` for `_(...)`, `ngettext` for `t.ngettext(...)`; None for other callees."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def source_files() -> list[Path]:
    """Every module of the package, in a stable order."""
    return sorted(PACKAGE.rglob("*.py"))


def relative(path: Path) -> str:
    """`agidebate/cli/score.py`: a path as the repository names it."""
    root = PACKAGE.parent
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def messages_in(path: Path) -> Iterator[Message]:
    """The messages the calls in one module mark; arguments that are not literals are
    values marked elsewhere (with `N_`) and are skipped."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = function_name(node)
        if name not in KEYWORDS:
            continue
        context_at, singular_at, plural_at = KEYWORDS[name]
        args = node.args
        needed = max(i for i in (context_at, singular_at, plural_at) if i is not None)
        if len(args) <= needed:
            continue
        singular = _literal(args[singular_at])
        plural = _literal(args[plural_at]) if plural_at is not None else None
        context = _literal(args[context_at]) if context_at is not None else None
        if singular is None or (plural_at is not None and plural is None):
            continue
        if context_at is not None and context is None:
            continue
        yield Message((singular, plural) if plural is not None else singular, context)


def command_help() -> Iterator[Message]:
    """Each registered command's docstring: its `--help` text, as typer shows it."""
    from agidebate.cli import COMMANDS

    for command in COMMANDS:
        doc = inspect.getdoc(command.function)
        if doc:
            yield Message(doc, None)


def extract() -> Catalog:
    """The template: every message in the source, once."""
    catalog = Catalog(
        domain=DOMAIN, project="agidebate", creation_date=CREATED, revision_date=CREATED
    )
    found = [m for path in source_files() for m in messages_in(path)]
    for message in [*found, *command_help()]:
        if catalog.get(message.id, message.context) is not None:
            continue
        flags = ["python-brace-format"] if placeholders(message.id) else []
        catalog.add(message.id, context=message.context, flags=flags)
    return catalog


def placeholders(text: str | tuple[str, ...]) -> set[str]:
    """The `{fields}` a message (or both forms of a plural message) fills, with conversions.

    >>> sorted(placeholders("{n:,} claims from {source!r}"))
    ['n', 'source!r']
    """
    texts = [text] if isinstance(text, str) else list(text)
    found = set()
    for one in texts:
        for _, field, _spec, conversion in string.Formatter().parse(one):
            if field is not None:
                found.add(field + (f"!{conversion}" if conversion else ""))
    return found


def languages() -> list[str]:
    """Every language with a catalog source (`<lang>/LC_MESSAGES/agidebate.po`)."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=locale, domain=DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=WIDTH, no_location=True, sort_output=True, ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def merged(language: str, template: Catalog) -> Catalog:
    """`language`'s catalog with the template's messages: translations kept, new messages
    untranslated, messages gone from the source dropped."""
    catalog = read(po_path(language), language)
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    return catalog


def update() -> list[str]:
    """Write the template, every `.po` and every `.mo`; the languages with messages left
    to translate."""
    template = extract()
    TEMPLATE.write_bytes(po_bytes(template))
    untranslated = []
    for language in languages():
        catalog = merged(language, template)
        po_path(language).write_bytes(po_bytes(catalog))
        po_path(language).with_suffix(".mo").write_bytes(mo_bytes(catalog))
        if any(not m.string or m.fuzzy for m in catalog if m.id):
            untranslated.append(language)
    return untranslated


def init(language: str) -> Path:
    """Start the catalog of a new language: every message of the template, untranslated."""
    from babel import Locale

    path = po_path(language)
    if path.exists():
        raise SystemExit(f"{relative(path)} exists already")
    catalog = Catalog(
        locale=Locale.parse(language),
        domain=DOMAIN,
        project="agidebate",
        creation_date=CREATED,
        revision_date=CREATED,
        fuzzy=False,
    )
    path.parent.mkdir(parents=True)
    path.write_bytes(po_bytes(catalog))
    return path


def main() -> None:
    if sys.argv[1:2] == ["init"] and len(sys.argv) == 3:
        print(f"started {relative(init(sys.argv[2]))}")
    elif sys.argv[1:]:
        raise SystemExit("usage: python -m tests.i18n.catalog [init LANG]")
    untranslated = update()
    print(f"wrote {relative(TEMPLATE)} and the catalogs of: {', '.join(languages())}")
    if untranslated:
        print(
            "messages to translate (empty msgstr or fuzzy) in: "
            + ", ".join(relative(po_path(lang)) for lang in untranslated)
            + "\nthen run this again to compile them",
            file=sys.stderr,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
