"""`agidebate import FORMAT FILE -o DIR`."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DATA, invoke

KIALO = DATA / "importers" / "legacy.txt"


def test_import_writes_a_folder_that_checks(tmp_path: Path) -> None:
    out = tmp_path / "imported"
    result = invoke(["import", "kialo", str(KIALO), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"7 claims, 9 relations -> {out} (")
    assert result.stderr == ""
    assert invoke(["check", "--dir", str(out)]).exit_code == 0


def test_notes_go_to_stderr(tmp_path: Path) -> None:
    result = invoke(
        ["import", "argdown", str(DATA / "importers" / "map.argdown"), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 0
    assert "note: " in result.stderr and "premise-conclusion" in result.stderr


def test_existing_folder_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "o"
    assert invoke(["import", "kialo", str(KIALO), "-o", str(out)]).exit_code == 0
    again = invoke(["import", "kialo", str(KIALO), "-o", str(out)])
    assert again.exit_code == 2 and "is not empty" in again.stderr and "--force" in again.stderr
    assert invoke(["import", "kialo", str(KIALO), "-o", str(out), "--force"]).exit_code == 0


def test_bad_input_is_an_error_without_traceback(tmp_path: Path) -> None:
    result = invoke(
        ["import", "kialo", str(DATA / "importers" / "map.argdown"), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 1 and "not a Kialo export" in result.stderr
    assert not (tmp_path / "o").exists()
    result = invoke(["import", "docx", str(KIALO), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "unknown import format 'docx'" in result.stderr
    result = invoke(["import", "kialo", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "is not a file" in result.stderr


def test_a_folder_that_cannot_be_made_says_why_and_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    result = invoke(["import", "kialo", str(KIALO), "-o", str(tmp_path / "file" / "out")])
    assert result.exit_code == 1
    assert "cannot create" in result.stderr
    assert "hint: check the path: part of it is a file, not a folder" in result.stderr
