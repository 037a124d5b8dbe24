"""The interface in the reader's language: gettext catalogs, one language per run.

English is the message language: every message is written in English in the
source, wrapped in `_()`, and looked up in the catalog of the current language,
`agidebate/locale/<lang>/LC_MESSAGES/agidebate.mo` (compiled from the `.po` beside
it; docs/i18n.md says how to add one). A missing catalog or message gives the
English text. Catalogs are read on first use, never at import.

>>> with using("zh"):
...     _("Claims by strength")
'按强度排列的论点'
>>> with using("en"):
...     ngettext("{n:,} claim", "{n:,} claims", 1200)
'1,200 claims'
>>> translator("zh").gettext("Verdict: {phrase} ({value:.2f})", phrase="…", value=0.5)
'结论：…（0.50）'

Messages take named placeholders, filled from the keyword arguments after the
translation; a message is formatted only when it is given fields (and `n`).
"""

from __future__ import annotations

import contextlib
import functools
import gettext as _gettext
import os
import re
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

DOMAIN = "agidebate"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
ENGLISH = "en"
ENV = "AGIDEBATE_LANG"
# What gettext reads, in its order: the first that is set names the language(s).
LOCALE_ENV = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_CODE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")
_CURRENT: ContextVar[str | None] = ContextVar("agidebate_language", default=None)


class NotALanguage(ValueError):
    """`code` is no language code; `variable` names the environment variable it came from."""

    def __init__(self, code: str, variable: str | None = None) -> None:
        self.code = code
        self.variable = variable
        where = f"{variable}: " if variable else ""
        super().__init__(f"{where}'{code}' is not a language code")


def normalize(code: str) -> str:
    """A language code as gettext spells it: `zh-CN` -> `zh_CN`; NotALanguage if it is none.

    >>> normalize("zh-cn"), normalize("pt_BR"), normalize("EN")
    ('zh_CN', 'pt_BR', 'en')
    """
    if not _CODE.match(code):
        raise NotALanguage(code)
    first, *rest = code.replace("-", "_").split("_")
    return "_".join([first.lower(), *(p.upper() if len(p) == 2 else p for p in rest)])


def _candidates(code: str) -> list[str]:
    """`zh_CN` -> ['zh_CN', 'zh']: the catalogs that may serve `code`, most specific first."""
    parts = code.split("_")
    return ["_".join(parts[:n]) for n in range(len(parts), 0, -1)]


def _from_locale(environ: dict[str, str] | os._Environ[str]) -> list[str]:
    """The languages the locale variables name, as gettext reads them ('C' means English)."""
    for name in LOCALE_ENV:
        value = environ.get(name, "")
        if value:
            break
    else:
        return []
    found: list[str] = []
    for entry in value.split(":"):
        base = entry.split(".")[0].split("@")[0]
        if base in ("C", "POSIX") or not base:
            break
        with contextlib.suppress(ValueError):
            found.append(normalize(base))
    return found


def available(code: str) -> str | None:
    """The catalog language that serves `code` (`zh_CN` -> `zh`), `en` for any English,
    else None."""
    candidates = _candidates(normalize(code))
    if candidates[-1] == ENGLISH:  # en, en_GB: the messages themselves, no catalog
        return ENGLISH
    for candidate in candidates:
        if _catalog_path(candidate) is not None:
            return candidate
    return None


@functools.cache
def _catalog_path(language: str) -> Path | None:
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    return path if path.is_file() else None


def resolve(code: str | None = None) -> str:
    """The interface language for `code`, else $AGIDEBATE_LANG, else the locale.

    The first of them that is set decides: a language without a catalog gives
    English, as `--lang en`, `AGIDEBATE_LANG=en` or `LANG=C` do. An empty
    value counts as unset; a malformed `code` (or variable) raises NotALanguage.
    """
    if code:
        return available(code) or ENGLISH
    wanted = os.environ.get(ENV, "").strip()
    if wanted:
        try:
            return available(wanted) or ENGLISH
        except NotALanguage:
            raise NotALanguage(wanted, ENV) from None
    for language in _from_locale(os.environ):
        found = available(language)
        if found is not None:
            return found
    return ENGLISH


def language() -> str:
    """The current interface language: what `using`/`choose` set, else `resolve()`'s."""
    current = _CURRENT.get()
    return current if current is not None else _default()


@functools.cache
def _default() -> str:
    try:
        return resolve()
    except NotALanguage:  # a malformed $AGIDEBATE_LANG: the command line reports it
        return ENGLISH


def choose(code: str | None) -> str:
    """Make `code` (resolved as `resolve` does) the language of this run; returns it."""
    chosen = resolve(code)
    _CURRENT.set(chosen)
    return chosen


@contextlib.contextmanager
def using(code: str | None) -> Iterator[str]:
    """Within the block, the interface speaks `code` (resolved as `resolve` does)."""
    token = _CURRENT.set(resolve(code))
    try:
        yield language()
    finally:
        _CURRENT.reset(token)


class Translator:
    """One language's messages: `gettext`, `ngettext` and `pgettext`, formatted with fields."""

    def __init__(self, language: str, catalog: _gettext.NullTranslations) -> None:
        self.language = language
        self.catalog = catalog

    def gettext(self, message: str, /, **fields: object) -> str:
        return _fill(self.catalog.gettext(message), message, fields)

    def ngettext(self, singular: str, plural: str, n: int, /, **fields: object) -> str:
        """The form for `n` (which the message may use as `{n}`)."""
        english = singular if n == 1 else plural
        return _fill(self.catalog.ngettext(singular, plural, n), english, {"n": n, **fields})

    def pgettext(self, context: str, message: str, /, **fields: object) -> str:
        """`message` in `context` (a short word whose sense the context settles: a column)."""
        return _fill(self.catalog.pgettext(context, message), message, fields)


def _fill(text: str, english: str, fields: dict[str, object]) -> str:
    """`text` with its placeholders filled; a translation that cannot be filled gives English.

    The catalog tests hold every shipped translation to its message's placeholders;
    this only keeps a broken catalog someone adds from stopping the program.
    """
    if not fields:
        return text
    try:
        return text.format_map(fields)
    except (KeyError, IndexError, ValueError, AttributeError):
        return english.format_map(fields)


def translator(code: str | None = None) -> Translator:
    """The messages of language `code` (served by its catalog, else English; None: the
    current language): for a text in another language than the interface's, an export's."""
    return _translator(language() if code is None else available(code) or ENGLISH)


@functools.cache
def _translator(found: str) -> Translator:
    """The messages of a language `available` found: English reads no file."""
    path = None if found == ENGLISH else _catalog_path(found)
    if path is None:
        return Translator(ENGLISH, _gettext.NullTranslations())
    with path.open("rb") as file:
        return Translator(found, _gettext.GNUTranslations(file))


def _(message: str, /, **fields: object) -> str:
    """`message` in the current language, its `{placeholders}` filled from `fields`."""
    return _translator(language()).gettext(message, **fields)


def ngettext(singular: str, plural: str, n: int, /, **fields: object) -> str:
    """The singular or plural message for `n` in the current language (`{n}` is `n`)."""
    return _translator(language()).ngettext(singular, plural, n, **fields)


def pgettext(context: str, message: str, /, **fields: object) -> str:
    """`message` in `context` in the current language: for short words with several senses."""
    return _translator(language()).pgettext(context, message, **fields)


def N_(message: str, /) -> str:
    """Mark `message` for the catalog without translating it now: a text built at import
    (a help text, a table of hints) is translated where it is shown, with `_(value)`."""
    return message
