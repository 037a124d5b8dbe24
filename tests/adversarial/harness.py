"""Run a hostile case against every command that reads a debate.

A case is one argument file, checked next to a `debate.yaml` holding the
thesis; a case of the group `debate` is the `debate.yaml` itself, and one of the
group `perspective` is `perspectives/p.yaml` of a debate whose claims are those of
`cases/perspective/_debate/`. Its header comment lines say what must happen:

    # expect: ok                               loads; every command exits 0
    # expect: error CODE LINE:COL              invalid; every command exits 1 (for a
                                               perspective: every command that reads
                                               it, `check` and `--perspective p`)
    # expect: warning CODE LINE:COL            loads with that warning
    # value: {"claim-id": {"field": value}}    exact loaded values of every claim (ok cases)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agidebate.cli._reference import command_names
from agidebate.export import FORMATS

CASES = Path(__file__).resolve().parent / "cases"
THESIS = "title: Hostile input\nthesis:\n  text: The thesis under test.\n"
_EXPECT = re.compile(r"^# expect: (ok|error|warning)(?: ([a-z0-9-]+) (\d+):(\d+))?\s*$")
_VALUE = re.compile(r"^# value: (.*)$")

# How each reading command is invoked; ids that every case debate has.
_READERS: dict[str, list[str]] = {
    "check": ["check"],
    "show": ["show"],
    "list": ["list"],
    "search": ["search", "a"],
    "path": ["path", "thesis"],
    "sources": ["sources"],
    "stats": ["stats"],
    "score": ["score"],
    "explain": ["explain", "thesis"],
    "cruxes": ["cruxes"],
    "test": ["test"],
}
# Formats that need an external program are covered by the export tests.
_EXTERNAL = {"svg", "png"}


PERSPECTIVE_DEBATE = CASES / "perspective" / "_debate"
PERSPECTIVE_FILE = "perspectives/p.yaml"
# The commands that read a perspective, besides `check`, `test` and the HTML page (which read
# them all).
PERSPECTIVE_READERS = ("score", "explain", "cruxes")
READS_EVERY_PERSPECTIVE = ("check", "export html", "test")


@dataclass
class Case:
    path: Path
    verdict: str
    code: str | None = None
    line: int | None = None
    column: int | None = None
    values: dict[str, dict[str, Any]] | None = None

    @property
    def name(self) -> str:
        return f"{self.path.parent.name}/{self.path.stem}"

    @property
    def group(self) -> str:
        return self.path.parent.name

    @property
    def file_name(self) -> str:
        """Where the case is written in the debate folder (problems name this path)."""
        if self.group == "debate":
            return "debate.yaml"
        return PERSPECTIVE_FILE if self.group == "perspective" else self.path.name

    def write(self, folder: Path) -> None:
        """The case's debate: the case file and what it is checked next to."""
        import shutil

        folder.mkdir(parents=True, exist_ok=True)
        if self.group != "debate":
            (folder / "debate.yaml").write_text(THESIS, encoding="utf-8")
        if self.group == "perspective":
            for base in PERSPECTIVE_DEBATE.glob("*.yaml"):
                shutil.copy(base, folder / base.name)
        (folder / self.file_name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(self.path, folder / self.file_name)

    def arguments(self, command: str, args: list[str]) -> tuple[list[str], bool]:
        """The command line for `command` on this case, and whether the case's verdict
        applies to it (a perspective is read only by `check` and `--perspective`)."""
        if self.group != "perspective":
            return args, True
        if command in PERSPECTIVE_READERS:
            return [*args, "--perspective", "p"], True
        return args, command in READS_EVERY_PERSPECTIVE


def parse_case(path: Path) -> Case:
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-32" if raw[2:4] == b"\x00\x00" else "utf-16")
    else:
        text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    case: Case | None = None
    for line in text.splitlines():
        expect, value = _EXPECT.match(line.strip()), _VALUE.match(line.strip())
        if expect:
            verdict, code, ln, col = expect.groups()
            case = Case(path, verdict, code, int(ln) if ln else None, int(col) if col else None)
        elif value and case is not None:
            case.values = json.loads(value.group(1))
        elif not line.startswith("#"):
            break
    if case is None:
        raise ValueError(f"{path} has no '# expect:' line")
    return case


def all_cases() -> list[Case]:
    return [parse_case(p) for p in sorted(CASES.glob("*/*.yaml")) if not p.name.startswith("_")]


def reader_commands() -> dict[str, list[str]]:
    """Every registered command that reads a debate, with arguments, plus each export format."""
    names = set(command_names())
    commands = {name: args for name, args in _READERS.items() if name in names}
    for fmt in FORMATS:
        if fmt not in _EXTERNAL:
            commands[f"export {fmt}"] = ["export", "--format", fmt]
    return commands
