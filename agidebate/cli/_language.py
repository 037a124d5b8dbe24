"""The interface language of a run: `--lang` on every command, help in that language.

The language is known before typer prints anything: `LocalizedGroup.main` reads
`--lang CODE` (or `-l CODE`, `--lang=CODE`) from the whole command line, else
$AGIDEBATE_LANG, else the locale, and holds it for the run; the command's own
`--lang` option (added to every command by `with_language`) checks the code and
settles it. Help texts are English in the source (marked with `N_`) and
translated when a help page is drawn; the usage line and typer's own words on
help pages ("Options", "default", "required") go through the same catalog.
typer's copy of click writes its usage errors ("No such option") in English.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, Generic, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from agidebate import i18n
from agidebate.i18n import N_, _

if TYPE_CHECKING:
    from types import ModuleType

    from typer._click import Command, Context, HelpFormatter, Parameter

R = TypeVar("R")

LANG_FLAGS = ("--lang", "-l")
InterfaceLangOption = Annotated[
    str | None,
    typer.Option(
        *LANG_FLAGS,
        metavar="CODE",
        help=N_(
            "Language of the interface (e.g. zh, en). Default: $AGIDEBATE_LANG, else the locale."
        ),
        show_default=False,
    ),
]


def scan_language(args: Sequence[str]) -> str | None:
    """The last `--lang CODE` on a command line (before any `--`), if there is one.

    >>> scan_language(["score", "--lang", "zh", "--top", "3"])
    'zh'
    >>> scan_language(["show", "-l", "zh", "--lang=en"]), scan_language(["search", "--", "-l", "x"])
    ('en', None)
    """
    found = None
    for n, arg in enumerate(args):
        if arg == "--":
            break
        if arg in LANG_FLAGS and n + 1 < len(args):
            found = args[n + 1]
        elif arg.startswith("--lang="):
            found = arg.removeprefix("--lang=")
    return found


def _language_for_help(args: Sequence[str]) -> str | None:
    """The language named on the command line, if it is a well-formed code."""
    code = scan_language(args)
    if code is None:
        return None
    try:
        i18n.normalize(code)
    except i18n.NotALanguage:
        return None  # the command's --lang reports it
    return code


@contextlib.contextmanager
def run_language(args: Sequence[str]) -> Iterator[None]:
    """The interface language for one run of the command line `args`."""
    code = _language_for_help(args)
    try:
        i18n.resolve(code)
    except i18n.NotALanguage:  # a malformed $AGIDEBATE_LANG: the command's --lang reports it
        code = i18n.ENGLISH
    with i18n.using(code):
        yield


def choose_language(lang: str | None) -> None:
    """Settle the run's language from a `--lang` option: a usage error if the code (or, with
    no `--lang`, $AGIDEBATE_LANG) is malformed. Without `--lang`, the run's language stays.
    A language the interface has no catalog for gives English, with a note."""
    from agidebate.errors import UsageError

    try:
        if lang is None:
            i18n.resolve(None)
        else:
            i18n.choose(lang)
    except i18n.NotALanguage as error:
        if error.variable is None:
            message = _("'{code}' is not a language code", code=error.code)
        else:
            message = _(
                "${variable} is '{code}', which is not a language code",
                variable=error.variable,
                code=error.code,
            )
        raise UsageError(message, _("use a code such as zh or en")) from None
    if lang is not None and i18n.available(lang) is None:
        from agidebate.cli._common import note

        note(_("the interface has no '{code}' translation; it stays in English", code=lang))


class with_language(Generic[R]):
    """`function` as a command with `--lang`: its own `lang` parameter if it has one (the
    reading commands also show claims in that language), else one added here.

    typer reads the parameters from `__signature__`, worked out when typer first asks
    (building the commands), so that registering them costs nothing at start-up.
    """

    def __init__(self, function: Callable[..., R]) -> None:
        functools.update_wrapper(self, function)
        self.function = function
        self.own = "lang" in inspect.signature(function).parameters
        if not self.own:
            self.__annotations__ = {**function.__annotations__, "lang": InterfaceLangOption}

    @functools.cached_property
    def __signature__(self) -> inspect.Signature:
        signature = inspect.signature(self.function, eval_str=True)
        if self.own:
            return signature
        added = inspect.Parameter(
            "lang", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=InterfaceLangOption
        )
        return signature.replace(parameters=[*signature.parameters.values(), added])

    def __call__(self, *args: Any, **kwargs: Any) -> R:
        from agidebate.cli._common import report_error
        from agidebate.errors import AgidebateError

        lang = kwargs.get("lang") if self.own else kwargs.pop("lang", None)
        try:
            choose_language(lang)
        except AgidebateError as error:
            raise report_error(error) from None
        return self.function(*args, **kwargs)


# -- help pages in the run's language ------------------------------------------------

# English help text built from a message and fields -> (message, fields), to translate it
# when a help page is drawn (typer keeps only the text).
_FILLED: dict[str, tuple[str, dict[str, object]]] = {}


def help_text(message: str, /, **fields: object) -> str:
    """A help text with `{fields}`, filled now in English and again in the run's language
    when a help page shows it: `help=help_text("Output format: {names}.", names=...)`."""
    english = message.format_map(fields)
    _FILLED[english] = (message, fields)
    return english


def translate_help(text: str) -> str:
    """A help text (marked with `N_` or made by `help_text`) in the run's language."""
    filled = _FILLED.get(text)
    if filled is not None:
        return _(filled[0], **filled[1])
    return _(text)


@contextlib.contextmanager
def _translated(items: Sequence[Command | Parameter]) -> Iterator[None]:
    """While a help page is drawn, the help texts of `items` in the run's language."""
    saved: list[tuple[object, str, str]] = []
    for item in items:
        for name in ("help", "short_help"):
            text = getattr(item, name, None)
            if isinstance(text, str) and text:
                saved.append((item, name, text))
                setattr(item, name, translate_help(text))
    try:
        yield
    finally:
        for owner, name, text in saved:
            setattr(owner, name, text)


def usage(command: Command, ctx: Context, formatter: HelpFormatter) -> None:
    """The usage line, after `Usage: ` in the run's language, without typer's braces."""
    from agidebate.cli._usage import usage_line

    line = usage_line(command, ctx)
    formatter.write_usage(ctx.command_path, line[len(ctx.command_path) + 1 :], prefix=_("Usage: "))


class _Located:
    """A usage error click's parser raises without its command (an option given no value)
    learns it, so that the error can show the command's usage line."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        from agidebate.cli._usage import click

        try:
            return super().parse_args(ctx, args)  # type: ignore[misc, no-any-return]
        except click().exceptions.UsageError as error:
            if error.ctx is None:
                error.ctx, error.cmd = ctx, ctx.command
            raise


class LocalizedCommand(_Located, TyperCommand):
    """A command whose help page is in the run's language."""

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        with _translated([self, *self.get_params(ctx)]):
            super().format_help(ctx, formatter)

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        usage(self, ctx, formatter)


class LocalizedGroup(_Located, TyperGroup):
    """The `agidebate` group: holds the run's language, and draws its help in it."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; click's usage errors are printed in the project's style
        (`agidebate.cli._usage`), with click's exit status."""
        import sys

        words = list(sys.argv[1:] if args is None else args)
        extra["windows_expand_args"] = windows_expand_args
        with run_language(words):
            if not standalone_mode:
                return super().main(words, prog_name, complete_var, False, **extra)
            sys.exit(self._standalone(words, prog_name, complete_var, **extra))

    def _standalone(
        self, words: list[str], prog_name: str | None, complete_var: str | None, **extra: Any
    ) -> int:
        from agidebate.cli._usage import click, report

        exceptions = click().exceptions
        try:
            code = super().main(words, prog_name, complete_var, False, **extra)
        except exceptions.NoArgsIsHelpError as error:  # `agidebate` alone: the help page
            error.show()
            return int(error.exit_code)
        except exceptions.ClickException as error:
            return report(error)
        except typer.Abort:
            from agidebate.cli._common import fail

            return fail(_("aborted")).exit_code
        return code if isinstance(code, int) else 0

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        """An unknown command name is reported with the names closest to it."""
        name = args[0] if args else "-"
        unknown = not name.startswith("-") and self.get_command(ctx, name) is None
        if unknown and not ctx.resilient_parsing:
            from agidebate.cli._usage import unknown_command

            raise unknown_command(name, list(self.commands), ctx)
        return super().resolve_command(ctx, args)

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        with _translated([self, *self.get_params(ctx), *self.commands.values()]):
            super().format_help(ctx, formatter)

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        usage(self, ctx, formatter)


def localize_click() -> None:
    """Send typer's own words ("Options", "[default: ...]") through agidebate's catalog;
    with a typer that uses the click package rather than its own copy, click's too."""
    import gettext
    import sys

    import typer.core

    modules: list[ModuleType] = [typer.core]
    if not hasattr(typer.core, "_click"):  # typer before 0.2x: click's own modules
        modules += [m for name, m in list(sys.modules.items()) if name.startswith("click.")]
    for module in modules:
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _click_gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = _click_ngettext  # type: ignore[attr-defined]


def _click_gettext(message: str) -> str:
    return i18n.translator().catalog.gettext(message)


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    return i18n.translator().catalog.ngettext(singular, plural, n)
