"""Work on two cores: a forked child does part of a list of independent jobs.

A cold load of a large debate spends most of its time parsing YAML and checking
fields, one file at a time, and the files do not depend on each other. `run`
gives every other job (by size) to a child process made with `fork`, does the
rest itself, and takes the child's results back as plain data through a pipe
(`marshal`, the format of the parse cache; never pickle). The results come back
in the jobs' order, so what the caller builds from them does not depend on who
did which job.

The child's answer is data to validate, like a snapshot: if it cannot fork, the
child fails or dies, or anything it sends does not decode (`receive` raises
`codec.Unreadable`), its jobs are done here, one by one; nothing is lost and
nothing is trusted. It forks only when it is worth it (`worth` says so: enough
work to pay for the fork), where `os.fork` exists, on a machine with more than
one core, and in a process that runs no other thread (forking one could leave a
lock held forever in the child).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TypeVar

from agidebate.format.codec import Unreadable

Job = TypeVar("Job")
Result = TypeVar("Result")


def can_fork() -> bool:
    """True where a child may be forked now: POSIX (not macOS, whose system libraries
    are not safe to use after a fork), two cores or more, and no other thread."""
    return (
        hasattr(os, "fork")
        and sys.platform != "darwin"
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
    )


def run(
    jobs: Sequence[Job],
    work: Callable[[Job], Result],
    send: Callable[[Result], Any],
    receive: Callable[[Any], Result],
    sizes: Sequence[int],
    worth: int,
) -> list[Result]:
    """`[work(job) for job in jobs]`, part of it in a forked child when the jobs' `sizes`
    add up to `worth` or more. `send` makes a result plain data (for `marshal`);
    `receive` makes it a result again, or raises `Unreadable`."""
    if len(jobs) < 2 or sum(sizes) < worth or not can_fork():
        return [work(job) for job in jobs]
    theirs = _share(sizes)
    taken = set(theirs)
    answer = _fork([jobs[index] for index in theirs], work, send)
    try:
        results = {i: work(job) for i, job in enumerate(jobs) if i not in taken}
    except BaseException:
        answer(stop=True)
        raise
    received = _receive(answer(), len(theirs), receive)
    for place, index in enumerate(theirs):
        found = received[place] if received is not None else None
        results[index] = found if found is not None else work(jobs[index])
    return [results[index] for index in range(len(jobs))]


def _share(sizes: Sequence[int]) -> list[int]:
    """The child's jobs: every other one by size, largest first, so both halves weigh
    about the same."""
    by_size = sorted(range(len(sizes)), key=lambda index: -sizes[index])
    return sorted(by_size[1::2])


class _Answer:
    """The child's answer, once it is done: what it sent, or None if it failed."""

    def __init__(self, pid: int | None, read_end: int | None) -> None:
        self.pid, self.read_end = pid, read_end

    def __call__(self, stop: bool = False) -> bytes | None:
        """Wait for the child (`stop`: kill it first) and give what it sent."""
        if self.pid is None or self.read_end is None:
            return None
        if stop:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
        data = b""
        with os.fdopen(self.read_end, "rb") as pipe, contextlib.suppress(OSError):
            data = b"" if stop else pipe.read()
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            return None
        return data if os.waitstatus_to_exitcode(status) == 0 and data else None


def _fork(jobs: list[Job], work: Callable[[Job], Result], send: Callable[[Result], Any]) -> _Answer:
    """Start the child on `jobs` (an answer of None when it cannot be started)."""
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return _Answer(None, None)
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return _Answer(None, None)
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _child(jobs, work, send, write_end)
    os.close(write_end)
    return _Answer(pid, read_end)


def _child(
    jobs: list[Job], work: Callable[[Job], Result], send: Callable[[Result], Any], out: int
) -> NoReturn:
    """Do `jobs`, write their results to `out`, and exit without running the parent's
    clean-ups (exit handlers, buffered output, the cache's writes)."""
    code = 1
    try:
        data = marshal.dumps(tuple(send(work(job)) for job in jobs))
        with os.fdopen(out, "wb") as pipe:
            pipe.write(data)
        code = 0
    except BaseException:  # any failure at all: the parent does the jobs
        code = 1
    finally:
        os._exit(code)


def _receive(
    data: bytes | None, count: int, receive: Callable[[Any], Result]
) -> list[Result | None] | None:
    """The child's results, each checked by `receive` (None: redo that one here)."""
    if data is None:
        return None
    try:
        sent = marshal.loads(data)
    except (ValueError, TypeError, EOFError):
        return None
    if type(sent) is not tuple or len(sent) != count:
        return None
    found: list[Result | None] = []
    for item in sent:
        value = None
        with contextlib.suppress(Unreadable):
            value = receive(item)
        found.append(value)
    return found
