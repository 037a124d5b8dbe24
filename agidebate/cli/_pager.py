"""A pager for long output on a terminal, the way git does it.

A reading command's output goes through `$AGIDEBATE_PAGER`, else `$PAGER`, else
`less -FRX` (which prints output that fits on one screen and quits, keeps colours,
and leaves the text on the screen), but only when stdout is a terminal: piped or
redirected output is never paged. `--no-pager` (before or after the command), or a
pager variable set to `cat` or to nothing, turns it off. As in git, `LESS=FRX` is
set for the pager unless $LESS is set already.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from agidebate.i18n import _

P = ParamSpec("P")
R = TypeVar("R")

PAGER_ENV = "AGIDEBATE_PAGER"
DEFAULT_PAGER = "less -FRX"


@dataclass
class _State:
    """Whether this run turned the pager off, and the width of the terminal it pages to."""

    disabled: bool = False
    width: int | None = None


STATE = _State()


def paging() -> int | None:
    """The terminal's width while output goes through a pager; None otherwise."""
    return STATE.width


def pager_command() -> str | None:
    """The pager to run (a shell command), or None for none."""
    for variable in (PAGER_ENV, "PAGER"):
        value = os.environ.get(variable)
        if value is not None:
            value = value.strip()
            return None if value in ("", "cat") else value
    return DEFAULT_PAGER if shutil.which("less") else None


def _runnable(command: str) -> bool:
    try:
        words = shlex.split(command)
    except ValueError:
        return False
    return bool(words) and shutil.which(words[0]) is not None


@contextlib.contextmanager
def paged() -> Iterator[None]:
    """Send what is printed to stdout inside the block through the pager, if one applies."""
    command = None if STATE.disabled or not sys.stdout.isatty() else pager_command()
    if command is None:
        yield
        return
    if not _runnable(command):
        from agidebate.cli._common import note

        note(_("cannot run the pager '{command}'; printing directly", command=command))
        yield
        return
    with _through(command):
        yield


@contextlib.contextmanager
def _through(command: str) -> Iterator[None]:
    saved = sys.stdout
    width = shutil.get_terminal_size().columns
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    assert process.stdin is not None
    stream = io.TextIOWrapper(
        process.stdin, encoding=saved.encoding or "utf-8", errors="backslashreplace"
    )
    sys.stdout, STATE.width = stream, width
    try:
        yield
    except BrokenPipeError:
        pass  # the reader quit the pager before the end: nothing more to show
    finally:
        sys.stdout, STATE.width = saved, None
        with contextlib.suppress(OSError):
            stream.close()
        _wait(process)


def _wait(process: subprocess.Popen[bytes]) -> None:
    """Wait for the reader to leave the pager; Ctrl-C belongs to the pager meanwhile."""
    while True:
        try:
            process.wait()
            return
        except KeyboardInterrupt:
            continue


def pages(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate a reading command so that its output goes through the pager."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with paged():
            return func(*args, **kwargs)

    return wrapper
