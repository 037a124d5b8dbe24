"""Concurrent writers: real processes adding at the same time never lose each other's claims."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from agidebate.authoring import debate_lock
from agidebate.errors import OperationError
from agidebate.format.load import check_debate
from tests.conftest import REPO

LOOP = """
import sys
from agidebate.authoring import NewClaim, add_claim
from agidebate.model import Relation

folder, name, count, file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] or None
for i in range(count):
    claim = NewClaim("few-cyclists", Relation.ATTACK, f"Reply {i} from {name}.", f"{name}-{i}")
    add_claim(folder, claim, file=file)
"""


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def finish(processes: list[subprocess.Popen[str]]) -> None:
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err


@pytest.mark.parametrize("file", ["", "replies/shared.yaml"], ids=["same-file", "new-file"])
def test_two_processes_adding_many_claims_lose_none(debate: Path, file: str) -> None:
    count = 25
    finish([start("-c", LOOP, str(debate), name, str(count), file) for name in ("p", "q")])
    report = check_debate(debate)
    assert report.errors == [], report.errors
    assert report.debate is not None
    wanted = {f"{name}-{i}" for name in ("p", "q") for i in range(count)}
    assert wanted <= set(report.debate.claims)
    assert all(
        [e.target for e in report.debate.targets(claim_id)] == ["few-cyclists"]
        for claim_id in wanted
    )


def test_two_commands_at_once_many_times(debate: Path) -> None:
    rounds = 6
    for round_ in range(rounds):
        finish(
            [
                start(
                    "-m", "agidebate", "add", "--dir", str(debate), "--to", "latent-demand",
                    "--pro", "--id", f"{name}-{round_}", "--text", f"Round {round_} from {name}.",
                )
                for name in ("a", "b")
            ]
        )  # fmt: skip
    report = check_debate(debate)
    assert report.errors == []
    assert report.debate is not None
    assert {f"{n}-{r}" for n in "ab" for r in range(rounds)} <= set(report.debate.claims)


def test_the_lock_excludes_a_second_writer(debate: Path) -> None:
    with (
        debate_lock(debate),
        pytest.raises(OperationError, match="another agidebate command has held"),
        debate_lock(debate, wait=0),
    ):
        pass
    with debate_lock(debate, wait=0):  # released: free again
        pass
