"""Symbolic and hard links: never written through, refused with a clear message, nothing changed."""

from __future__ import annotations

import os
from pathlib import Path

from agidebate.authoring import LOCK_NAME
from agidebate.format.load import load_debate
from tests.authoring.conftest import assert_refused
from tests.conftest import invoke

TEXT = "A reply."


def add(folder: Path, *args: str) -> list[str]:
    return ["add", "--dir", str(folder), "--con", "--text", TEXT, *args]


def test_a_file_linked_inside_the_folder_is_refused(debate: Path) -> None:
    (debate / "notes.yaml").write_text("# nothing yet\n", encoding="utf-8")
    (debate / "mine.yaml").symlink_to(debate / "notes.yaml")
    args = add(debate, "--to", "thesis", "--file", "mine.yaml")
    message = "'mine.yaml' is a symbolic link; agidebate does not write through links"
    assert_refused(debate, args, 1, message)


def test_a_file_linked_outside_is_refused(debate: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("# someone else's file\n", encoding="utf-8")
    (debate / "mine.yaml").symlink_to(outside)
    args = add(debate, "--to", "thesis", "--file", "mine.yaml")
    # the debate itself is refused: its reader rejects links that point outside
    assert_refused(debate, args, 1, "symlink points outside the debate folder")
    assert outside.read_text(encoding="utf-8") == "# someone else's file\n"


def test_a_folder_linked_outside_is_refused(debate: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (debate / "linked").symlink_to(outside, target_is_directory=True)
    result = invoke(add(debate, "--to", "thesis", "--file", "linked/new.yaml"))
    assert result.exit_code == 1
    assert "'linked' is a symbolic link" in result.stderr
    assert list(outside.iterdir()) == []


def test_a_dangling_link_is_refused_not_created_through(debate: Path, tmp_path: Path) -> None:
    (debate / "mine.yaml").symlink_to(tmp_path / "would-be-created.yaml")
    result = invoke(add(debate, "--to", "thesis", "--file", "mine.yaml"))
    assert result.exit_code == 1
    assert not (tmp_path / "would-be-created.yaml").exists()


def test_a_target_claim_in_a_linked_file_is_refused_even_inside(debate: Path) -> None:
    real = debate / "replies" / "parking.yaml"
    (debate / ".store").mkdir()  # hidden: the reader skips it, and reads the file through the link
    moved = debate / ".store" / "parking.yaml"
    real.rename(moved)
    real.symlink_to(moved)
    assert "parking-loss" in load_debate(debate).claims  # the loader reads links that stay inside
    args = add(debate, "--to", "parking-loss")
    assert_refused(debate, args, 1, "'replies/parking.yaml' is a symbolic link")
    assert "use --file FILE to put the new claim in another file" in invoke(args).stderr
    assert invoke(add(debate, "--to", "parking-loss", "--file", "replies/mine.yaml")).exit_code == 0


def test_a_hard_linked_file_is_refused(debate: Path, tmp_path: Path) -> None:
    os.link(debate / "safety.yaml", tmp_path / "other-name.yaml")
    message = "'safety.yaml' has 2 hard links; replacing it would split them"
    assert_refused(debate, add(debate, "--to", "few-cyclists"), 1, message)


def test_a_linked_lock_file_is_refused(debate: Path, tmp_path: Path) -> None:
    target = tmp_path / "not-a-lock"
    target.write_text("precious\n", encoding="utf-8")
    (debate / LOCK_NAME).symlink_to(target)
    result = invoke(add(debate, "--to", "few-cyclists"))
    assert result.exit_code == 1
    assert "cannot lock the debate folder" in result.stderr
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert "A reply." not in (debate / "safety.yaml").read_text(encoding="utf-8")


def test_the_debate_folder_itself_may_be_a_link(debate: Path, tmp_path: Path) -> None:
    link = tmp_path / "link-to-debate"
    link.symlink_to(debate, target_is_directory=True)
    assert invoke(add(link, "--to", "few-cyclists")).exit_code == 0
    assert any(c.text == TEXT for c in load_debate(debate))
    assert not (debate / "safety.yaml").is_symlink()
