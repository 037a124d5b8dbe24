"""A progress bar for long loads: on a terminal only (stderr), never in pipes or tests."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress

    from agidebate.format.load import Progress as Callback

# Loads that finish sooner than this never show a bar (tests set the variable to 0).
DELAY_SECONDS = 0.4
DELAY_ENV = "AGIDEBATE_PROGRESS_DELAY"


@contextmanager
def file_progress(label: str = "Reading argument files") -> Iterator[Callback | None]:
    """Yield a `progress(done, total)` callback that draws a transient bar on stderr."""
    if not sys.stderr.isatty():
        yield None
        return
    started = time.monotonic()
    try:
        delay = float(os.environ.get(DELAY_ENV, DELAY_SECONDS))
    except ValueError:
        delay = DELAY_SECONDS
    bar: Progress | None = None
    task = None

    def update(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            if time.monotonic() - started < delay or done >= total:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            from agidebate.cli._common import console

            bar = Progress(
                TextColumn(label),
                BarColumn(),
                MofNCompleteColumn(),
                console=console(stderr=True),
                transient=True,
            )
            bar.start()
            task = bar.add_task(label, total=total)
        assert task is not None
        bar.update(task, completed=done)

    try:
        yield update
    finally:
        if bar is not None:
            bar.stop()
