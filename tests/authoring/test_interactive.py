"""`agidebate add` without --text on a terminal asks for each field; without a terminal it refuses.

The real terminal test runs the command on a pseudo-terminal, answers the
prompts the way docs/authoring.md shows, and checks the whole session against
the transcript on that page.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from agidebate.cli import _ask
from agidebate.format.load import load_debate
from tests.authoring.conftest import snapshot
from tests.conftest import EXAMPLES, REPO, invoke


def transcript() -> list[str]:
    """The session shown under "Let it ask" in docs/authoring.md."""
    page = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
    section = page.split("### Let it ask", 1)[1]
    block = re.search(r"```text\n(.*?)```", section, re.S)
    assert block is not None
    return block.group(1).splitlines()


def answers(lines: list[str]) -> list[tuple[str, str]]:
    """(prompt, answer) for each question line of a transcript: `Prompt: answer`."""
    return [
        (prompt, answer)
        for line in lines[1:]
        if not line.startswith(("  ", "added", "would"))
        for prompt, _, answer in [line.partition(": ")]
    ]


class Terminal:
    """A command running on a pseudo-terminal, driven like a person would."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        import pty

        self.master, slave = pty.openpty()
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb"}
        env.pop("AGIDEBATE_DIR", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "agidebate", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env,
            close_fds=True,
        )
        os.close(slave)
        self.output = b""
        self.answered = 0

    def _read(self, wait: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return False
        try:
            data = os.read(self.master, 4096)
        except OSError:  # the command ended and closed the terminal
            return False
        self.output += data
        return bool(data)

    def answer(self, prompt: str, reply: str) -> None:
        """Wait for `prompt` (after the previous answer), then type `reply` and Enter."""
        while prompt.encode() not in self.output[self.answered :]:
            assert self._read(60), f"no prompt {prompt!r}; got:\n{self.output.decode()}"
        self.answered = len(self.output)
        os.write(self.master, reply.encode() + b"\n")

    def finish(self) -> tuple[int, list[str]]:
        while self._read(60):
            pass
        code = self.process.wait(timeout=60)
        os.close(self.master)
        text = self.output.decode().replace("\r\n", "\n")
        return code, [line.rstrip() for line in text.splitlines()]


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_session_on_a_real_terminal_matches_the_docs(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "docs")
    shown = transcript()
    assert shown[0] == "$ agidebate add --dir bike-lane"
    terminal = Terminal(shown[0].split()[2:], tmp_path / "docs")
    for prompt, reply in answers(shown):
        terminal.answer(prompt, reply)
    code, lines = terminal.finish()
    assert code == 0
    assert lines == [line.rstrip() for line in shown[1:]]
    claim = load_debate(tmp_path / "docs" / "bike-lane").claims["counts-low-because-street"]
    assert (claim.by, claim.weight, [s.url for s in claim.sources]) == (
        "A reader",
        0.6,
        ["https://example.org/counts"],
    )


def test_prompts_ask_again_until_an_answer_is_usable(
    debate: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_ask, "interactive", lambda: True)
    replies = ["nope", "few-cyclists", "maybe", "pro", "  ", "Riding there is unsafe.",
               "A title", "Bad Id", "few-cyclists", "", "", "ftp//x", "", "1.5", "0.4"]  # fmt: skip
    result = invoke(["add", "--dir", str(debate)], input="\n".join(replies) + "\n")
    assert result.exit_code == 0, result.stdout + result.stderr
    out = result.stdout
    assert "no claim with id 'nope'" in out
    assert "Please select one of the available options" in out  # rich's own retry for choices
    assert "the text is empty" in out
    assert "--id" not in out and "the id 'Bad Id' is not a valid id" in out
    assert "the id 'few-cyclists' is already used" in out
    assert "'ftp//x' is not a URL" in out
    assert "1.5 is outside [0, 1]" in out
    claim = load_debate(debate).claims["title"]
    assert (claim.text, claim.title, claim.weight, claim.sources) == (
        "Riding there is unsafe.", "A title", 0.4, ()
    )  # fmt: skip


def test_options_given_are_not_asked_for(debate: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ask, "interactive", lambda: True)
    args = ["add", "--dir", str(debate), "--to", "thesis", "--con", "--by", "Me", "--weight", "0.3"]
    result = invoke(args, input="Too expensive.\n\n\n\n")
    assert result.exit_code == 0, result.stdout
    assert "Id of the claim" not in result.stdout and "Who argues it" not in result.stdout
    claim = load_debate(debate).claims["too-expensive"]
    assert (claim.by, claim.weight) == ("Me", 0.3)


def test_input_that_ends_early_is_a_usage_error(
    debate: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_ask, "interactive", lambda: True)
    before = snapshot(debate)
    result = invoke(["add", "--dir", str(debate)], input="few-cyclists\ncon\n")
    assert result.exit_code == 2
    assert "input ended before the claim was complete" in result.stderr
    assert snapshot(debate) == before


def test_a_broken_debate_is_reported_before_any_question(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ask, "interactive", lambda: True)
    result = invoke(["add", "--dir", str(EXAMPLES / "my-debate")], input="")
    assert result.exit_code == 1
    assert "Id of the claim" not in result.stdout
    assert "agidebate changes only a debate that checks clean" in result.stderr


def test_without_a_terminal_nothing_is_asked(debate: Path) -> None:
    result = invoke(["add", "--dir", str(debate)], input="few-cyclists\n")
    assert result.exit_code == 2
    assert "--to ID and --con or --pro and --text are required when not run on a terminal" in (
        result.stderr
    )
