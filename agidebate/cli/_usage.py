"""Click's usage errors in the project's one error style.

click (typer's copy of it) refuses a command line before any agidebate code runs: an
unknown option, a bad choice, a missing argument. It would print its own
`Usage: ...` / `Try ...` / `Error: ...` block; here every such error is printed the way
agidebate prints every other error, `error: ...` then `    hint: ...`, in the reader's
language, with the same exit status (2). The usage line loses typer's `{ARG}` braces.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from agidebate.i18n import _

if TYPE_CHECKING:
    from types import ModuleType

    from typer._click import Command, Context
    from typer._click.exceptions import ClickException


def click() -> ModuleType:
    """The click typer runs on: its own copy (typer >= 0.2x) or the click package."""
    import typer.core

    found = getattr(typer.core, "_click", None)
    if found is None:  # pragma: no cover - older typer
        import importlib

        found = importlib.import_module("click")
    return cast("ModuleType", found)


def usage_line(command: Command, ctx: Context) -> str:
    """`agidebate new [OPTIONS] TOPIC`: the command path and its usage pieces, without the
    braces typer puts around a required argument."""
    pieces = [_unbraced(piece) for piece in command.collect_usage_pieces(ctx)]
    return " ".join([ctx.command_path, *pieces])


def _unbraced(piece: str) -> str:
    """`{TOPIC}` -> `TOPIC` (click's own usage lines write a required argument bare)."""
    if len(piece) > 2 and piece.startswith("{") and piece.endswith("}"):
        return piece[1:-1]
    return piece


class UnknownCommand(Exception):
    """Marks a usage error for a command name the group does not have (see `describe`)."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        super().__init__(name)
        self.name = name
        self.known = tuple(known)


def unknown_command(name: str, known: Sequence[str], ctx: Context) -> ClickException:
    """The usage error to raise for `agidebate NAME` when there is no command NAME."""
    error = click().exceptions.UsageError(name, ctx)
    error.unknown = UnknownCommand(name, known)
    return cast("ClickException", error)


def describe(error: ClickException) -> tuple[str, str | None]:
    """The message and the hint for one of click's errors, in the reader's language."""
    exceptions = click().exceptions
    unknown = getattr(error, "unknown", None)
    ctx: Context | None = getattr(error, "ctx", None)
    if isinstance(unknown, UnknownCommand):
        return _("no such command '{name}'", name=unknown.name), _command_hint(unknown)
    if isinstance(error, exceptions.NoSuchOption):
        return _("no such option: {option}", option=error.option_name), _option_hint(error, ctx)
    if isinstance(error, exceptions.MissingParameter):
        return _missing(error), _usage_hint(ctx)
    if isinstance(error, exceptions.BadParameter):
        return _bad_value(error), _choice_hint(error) or _usage_hint(ctx)
    if isinstance(error, exceptions.UsageError):
        return _sentence(error.format_message()), _usage_hint(ctx)
    return _sentence(error.format_message()), None


def _sentence(text: str) -> str:
    """click's `Option '-f' requires an argument.` as the project writes a message:
    lower-case first letter, no final full stop."""
    text = text.strip().rstrip(".")
    if text[:1].isupper() and not text[1:2].isupper():
        text = text[0].lower() + text[1:]
    return text


def _param_name(error: ClickException) -> str:
    param = getattr(error, "param", None)
    if param is None:
        return "?"
    if getattr(param, "param_type_name", "") == "argument":
        return str(param.metavar or (param.name or "").upper())
    return " / ".join(param.opts)


def _missing(error: ClickException) -> str:
    param = getattr(error, "param", None)
    if param is not None and param.param_type_name == "argument":
        return _("missing argument {name}", name=_param_name(error))
    return _("missing option {name}", name=_param_name(error))


def _bad_value(error: ClickException) -> str:
    detail = _sentence(str(getattr(error, "message", "")))
    if getattr(error, "param", None) is None:
        return _("invalid value: {detail}", detail=detail)
    return _("invalid value for '{name}': {detail}", name=_param_name(error), detail=detail)


def _choice_hint(error: ClickException) -> str | None:
    param = getattr(error, "param", None)
    choices = getattr(getattr(param, "type", None), "choices", None)
    if not choices:
        return None
    names = ", ".join(str(getattr(c, "value", c)) for c in choices)
    return _("choose one of: {names}", names=names)


def _option_hint(error: ClickException, ctx: Context | None) -> str | None:
    possibilities = sorted(getattr(error, "possibilities", None) or ())
    if possibilities:
        return _("did you mean {options}?", options=", ".join(possibilities))
    return _usage_hint(ctx)


def _command_hint(unknown: UnknownCommand) -> str:
    from agidebate.suggest import similar

    close = similar(unknown.name, unknown.known, n=2)
    if close:
        return _("did you mean {names}?", names=", ".join(f"'{name}'" for name in close))
    return _("`agidebate --help` lists the commands")


def _usage_hint(ctx: Context | None) -> str | None:
    if ctx is None:
        return None
    return _(
        "usage: {usage} (`{command} -h` explains it)",
        usage=usage_line(ctx.command, ctx),
        command=ctx.command_path,
    )


def report(error: ClickException) -> int:
    """Print `error` in the project's style to stderr; its exit status."""
    from agidebate.cli._common import fail

    message, hint = describe(error)
    return fail(message, hint, int(error.exit_code)).exit_code
