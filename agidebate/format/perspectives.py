"""Perspectives and weights files: a reader's view of the debate, read and checked.

A weights file is YAML, read with the project's positioned reader (never
`yaml.load`), in one of two shapes:

    # a plain mapping of claim ids to base weights
    dw-01: 0.3
    se-03: 0.8

    # a perspective (docs/format.md lists every field)
    title: The Skeptic
    by: Dwarkesh Patel (Skeptic)
    prior: 0.4
    credence:            # `weights:` is its earlier name
      dw-01: 0.8
    impact:
      se-01: {thesis: 0.5}
    bottom_line: {text: ..., value: 0.3, quote: {text: ..., source: 1}}
    expect: {verdict: [0.05, 0.45]}

A file with any of a perspective's fields at the top is a perspective; any other
mapping is plain. Every problem is reported at once as `path:line:col`
(`WeightsFileError`). Perspectives live in `perspectives/NAME.yaml` inside the
debate folder; `format.perspective_reader` reads their fields.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from agidebate.errors import (
    Location,
    Problem,
    UsageError,
    WeightsFileError,
    file_error,
)
from agidebate.format import nodes
from agidebate.format.perspective_reader import PerspectiveReader
from agidebate.format.schema import PERSPECTIVES_DIR
from agidebate.model import Debate, Perspective
from agidebate.suggest import similar

SUFFIXES = (".yaml", ".yml")


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to `word` (or the only one it starts), if any is close enough."""
    close = similar(word, choices, n=1)
    return close[0] if close else None


def read_weights(
    path: str | Path, debate: Debate, name: str | None = None, source: str | None = None
) -> Perspective:
    """Read a weights file (plain mapping or perspective) and check it against `debate`.

    `source` names the file for readers (default: the path as given).
    """
    shown = str(path)
    file = Path(path)
    if not file.is_file():
        what = "is a folder, not a file" if file.is_dir() else "does not exist"
        raise UsageError(
            f"weights file '{shown}' {what}", "give a YAML file of claim ids and weights"
        )
    try:
        data = file.read_bytes()
    except OSError as err:
        raise file_error("read", shown, err) from None
    profile = parse_weights(data, shown, debate, name or file.stem)
    return dataclasses.replace(profile, source=source or shown)


def parse_weights(data: bytes, shown: str, debate: Debate, name: str) -> Perspective:
    """Parse a weights file's bytes (`shown` is the path used in messages); raise
    `WeightsFileError` when it has errors (warnings do not stop it)."""
    perspective, problems = read_perspective(data, shown, debate, name)
    if any(p.is_error for p in problems):
        raise WeightsFileError(shown, problems)
    return perspective


def read_perspective(
    data: bytes, shown: str, debate: Debate, name: str
) -> tuple[Perspective, list[Problem]]:
    """A weights file's bytes as a perspective, with every problem (errors and warnings)."""
    text, problems = nodes.decode(data, shown)
    root = None
    source = ""
    if text is not None:
        read = nodes.read(text, shown)
        problems += read.problems
        root, source = read.root, read.source
    if any(p.is_error for p in problems):
        return Perspective(name, shown), problems
    reader = PerspectiveReader(shown, problems, source, debate)
    return reader.perspective(root, name), problems


def perspectives_dir(debate_dir: str | Path) -> Path | None:
    """The `perspectives/` folder of the debate in `debate_dir`, if it has one."""
    folder = Path(debate_dir) / PERSPECTIVES_DIR
    return folder if folder.is_dir() else None


def perspective_names(debate_dir: str | Path) -> list[str]:
    """The names of the perspectives of the debate in `debate_dir`, sorted."""
    folder = perspectives_dir(debate_dir)
    if folder is None:
        return []
    return sorted(
        p.stem for p in folder.iterdir() if p.suffix in SUFFIXES and not p.name.startswith(".")
    )


def perspective_path(debate_dir: str | Path, name: str) -> Path:
    """The file of perspective `name` in `debate_dir/perspectives/`; a usage error naming
    the perspectives there when there is none of that name."""
    names = perspective_names(debate_dir)
    folder = perspectives_dir(debate_dir)
    if folder is None or name not in names:
        if not names:
            raise UsageError(
                f"no perspective '{name}': this debate has no perspectives",
                f"add {PERSPECTIVES_DIR}/{name}.yaml to the debate folder (see docs/scoring.md)",
            )
        close = closest(name, names)
        hint = f"did you mean '{close}'? " if close else ""
        raise UsageError(f"no perspective '{name}'", hint + "perspectives: " + ", ".join(names))
    return next(
        folder / f"{name}{suffix}" for suffix in SUFFIXES if (folder / f"{name}{suffix}").is_file()
    )


def load_perspective(debate_dir: str | Path, debate: Debate, name: str) -> Perspective:
    """Perspective `name` from `debate_dir/perspectives/`, checked against `debate`."""
    path = perspective_path(debate_dir, name)
    return read_weights(path, debate, name, f"{PERSPECTIVES_DIR}/{path.name}")


def check_perspectives(
    debate_dir: str | Path, debate: Debate
) -> tuple[list[Perspective], list[Problem]]:
    """Every perspective of the debate that reads without errors, and every problem of
    every perspective file, errors and warnings (for `agidebate check`)."""
    found: list[Perspective] = []
    problems: list[Problem] = []
    for name in perspective_names(debate_dir):
        path = perspective_path(debate_dir, name)
        try:
            data = path.read_bytes()
        except OSError as err:
            error = file_error("read", path, err)  # i18n: verbatim
            problems.append(Problem("unreadable", str(error), Location(str(path)), error.hint))
            continue
        perspective, own = read_perspective(data, str(path), debate, name)
        problems.extend(own)
        if not any(p.is_error for p in own):
            source = f"{PERSPECTIVES_DIR}/{path.name}"
            found.append(dataclasses.replace(perspective, source=source))
    return found, problems
