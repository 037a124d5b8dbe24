"""Parsing on two cores: a forked child does part of the jobs; its answer is checked, and
whatever it fails to give is done in this process. The results never depend on who did what."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

from agidebate.format import codec, forked, load
from agidebate.format.load import check_debate
from tests.conftest import BUNDLED, DATA

pytestmark = pytest.mark.skipif(not forked.can_fork(), reason="needs os.fork and two cores")

PARENT = os.getpid()


def whose(job: int) -> tuple[int, int]:
    """The job's result: its square, and the process that computed it."""
    return job * job, os.getpid()


def identity(value: Any) -> Any:
    return value


def checked(value: Any) -> tuple[int, int]:
    if type(value) is not tuple or len(value) != 2:
        raise codec.Unreadable("not a result")
    return value[0], value[1]


def run(work: Any = whose, receive: Any = checked, worth: int = 0) -> list[tuple[int, int]]:
    jobs = list(range(10))
    return forked.run(jobs, work, identity, receive, [1] * len(jobs), worth)


def test_the_child_does_part_and_the_order_is_kept() -> None:
    results = run()
    assert [square for square, _ in results] == [job * job for job in range(10)]
    pids = {pid for _, pid in results}
    assert PARENT in pids and len(pids) == 2  # half here, half in one child


def test_below_the_threshold_nothing_is_forked() -> None:
    assert {pid for _, pid in run(worth=11)} == {PARENT}


def test_a_process_with_threads_does_not_fork() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert {pid for _, pid in run()} == {PARENT}
    finally:
        stop.set()
        thread.join()


def failing_in_child(job: int) -> tuple[int, int]:
    if os.getpid() != PARENT:
        raise RuntimeError("the child fails")
    return whose(job)


def dying_in_child(job: int) -> tuple[int, int]:
    if os.getpid() != PARENT:
        os._exit(0)  # dies without a word (and with a success status)
    return whose(job)


def unmarshalable_in_child(job: int) -> Any:
    return whose(job) if os.getpid() == PARENT else (object(), 0)


@pytest.mark.parametrize("work", [failing_in_child, dying_in_child, unmarshalable_in_child])
def test_whatever_the_child_fails_to_give_is_done_here(work: Any) -> None:
    assert run(work=work) == [(job * job, PARENT) for job in range(10)]


def test_a_result_that_does_not_decode_is_done_here() -> None:
    def picky(value: Any) -> tuple[int, int]:
        if value[0] == 9:  # job 3's result, as the child sent it
            raise codec.Unreadable("refused")
        return checked(value)

    results = run(receive=picky)
    assert [square for square, _ in results] == [job * job for job in range(10)]
    assert results[3][1] == PARENT
    assert len({pid for _, pid in results}) == 2


@pytest.mark.parametrize(
    "folder", [BUNDLED, DATA / "valid" / "bike-lane"], ids=["bundled", "bike-lane"]
)
@pytest.mark.parametrize("use_cache", [False, True], ids=["no-cache", "cache"])
def test_a_debate_parsed_on_two_cores_is_the_same(
    folder: Path,
    use_cache: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "one"))
    alone = check_debate(folder, cache=use_cache)
    answers: list[bytes | None] = []
    original = forked._receive

    def spy(data: bytes | None, count: int, receive: Any) -> Any:
        answers.append(data)
        return original(data, count, receive)

    monkeypatch.setattr(forked, "_receive", spy)
    monkeypatch.setattr(load, "PARALLEL_BYTES", 0)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "two"))
    both = check_debate(folder, cache=use_cache)
    assert answers and answers[0]  # the child answered
    assert both.problems == alone.problems
    assert both.debate is not None and alone.debate is not None
    assert list(both.debate) == list(alone.debate)
    assert both.debate.edges == alone.debate.edges
    if use_cache:  # the child's files were kept in the snapshot: a warm load parses none
        monkeypatch.setattr(load, "parse_text", None)
        warm = check_debate(folder)
        assert warm.debate is not None and list(warm.debate) == list(alone.debate)


def test_progress_is_drawn_by_this_process_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bar moves while this process parses its share, and reaches the end; the child
    (whose output would garble the terminal) never calls it."""
    calls = tmp_path / "calls"

    def progress(done: int, total: int) -> None:
        with calls.open("a") as file:
            file.write(f"{os.getpid()} {done} {total}\n")

    monkeypatch.setattr(load, "PARALLEL_BYTES", 0)
    check_debate(BUNDLED, progress, cache=False)
    seen = [line.split() for line in calls.read_text().splitlines()]
    assert {pid for pid, _, _ in seen} == {str(PARENT)}
    done = [int(d) for _, d, _ in seen]
    total = len(list(load.iter_argument_files(BUNDLED)))
    assert done == sorted(done) and done[-1] == total and 1 < len(done) < total + 1
