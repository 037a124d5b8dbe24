"""Named weight profiles: perspective files and a reader's own weights file.

A weights file is YAML, read with the project's positioned reader (never
`yaml.load`), in one of two shapes:

    # a plain mapping of claim ids to base weights
    dw-01: 0.3
    se-03: 0.8

    # a perspective: a title, a summary, who holds it, and the weights
    title: The Skeptic
    summary: What the skeptic finds convincing.
    by: Dwarkesh Patel (Skeptic)
    weights:
      dw-01: 0.8

A file with a `weights:` mapping is a perspective; any other mapping is plain.
Every problem is reported at once as `path:line:col` (`WeightsFileError`).
Perspectives live in `perspectives/NAME.yaml` inside the debate folder.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from agidebate.errors import (
    Location,
    OperationError,
    Problem,
    UsageError,
    WeightsFileError,
    file_error,
)
from agidebate.format import nodes, scalars
from agidebate.format.schema import PERSPECTIVES_DIR
from agidebate.model import Debate, WeightProfile
from agidebate.suggest import id_hint, similar

PERSPECTIVE_FIELDS = {
    "title": "the perspective's name as shown to readers",
    "summary": "whose view it is and how the weights were chosen",
    "by": "who holds the view",
    "weights": "a mapping of claim ids to base weights in [0, 1]",
}
SUFFIXES = (".yaml", ".yml")


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to `word` (or the only one it starts), if any is close enough."""
    close = similar(word, choices, n=1)
    return close[0] if close else None


def read_weights(
    path: str | Path, debate: Debate, name: str | None = None, source: str | None = None
) -> WeightProfile:
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


def parse_weights(data: bytes, shown: str, debate: Debate, name: str) -> WeightProfile:
    """Parse a weights file's bytes; `shown` is the path used in messages."""
    text, problems = nodes.decode(data, shown)
    root = None
    if text is not None:
        read = nodes.read(text, shown)
        problems += read.problems
        root = read.root
    if any(p.is_error for p in problems):
        raise WeightsFileError(shown, problems)
    checker = _Checker(shown, debate)
    profile = checker.profile(root, name)
    if checker.problems:
        raise WeightsFileError(shown, checker.problems)
    return profile


class _Checker:
    def __init__(self, path: str, debate: Debate) -> None:
        self.path = path
        self.debate = debate
        self.problems: list[Problem] = []

    def error(self, node: nodes.YNode | None, message: str, hint: str | None = None) -> None:
        where = Location(self.path, node.line, node.column) if node else Location(self.path)
        self.problems.append(Problem("weights-file", message, where, hint))

    def profile(self, root: nodes.YNode | None, name: str) -> WeightProfile:
        if root is None:
            self.error(None, "the file is empty", "write one `claim-id: weight` line per claim")
            return WeightProfile(name, self.path, {})
        if not isinstance(root, nodes.YMap):
            self.error(
                root,
                "a weights file must be a mapping of claim ids to weights",
                "write one `claim-id: weight` line per claim, e.g. `dw-01: 0.3`",
            )
            return WeightProfile(name, self.path, {})
        inner = root.items.get("weights")
        if not isinstance(inner, nodes.YMap):
            if inner is not None:
                self.error(inner, "'weights' must be a mapping of claim ids to weights")
                return WeightProfile(name, self.path, {})
            return WeightProfile(name, self.path, self.weights(root))
        for key, key_node in root.keys.items():
            if key not in PERSPECTIVE_FIELDS:
                close = closest(key, PERSPECTIVE_FIELDS)
                hint = (
                    f"did you mean '{close}'?"
                    if close
                    else "allowed fields: " + ", ".join(PERSPECTIVE_FIELDS)
                )
                self.error(key_node, f"unknown field '{key}' in a perspective", hint)
        return WeightProfile(
            name,
            self.path,
            self.weights(inner),
            title=self.text(root, "title"),
            summary=self.text(root, "summary"),
            by=self.text(root, "by"),
        )

    def text(self, node: nodes.YMap, key: str) -> str | None:
        value = node.items.get(key)
        if value is None:
            return None
        if not isinstance(value, nodes.YScalar):
            self.error(value, f"'{key}' must be text")
            return None
        return value.text

    def weights(self, node: nodes.YMap) -> dict[str, float]:
        found: dict[str, float] = {}
        for claim_id, value in node.items.items():
            key_node = node.keys[claim_id]
            if claim_id not in self.debate.claims:
                hint = id_hint(self.debate, claim_id)
                self.error(key_node, f"no claim with id '{claim_id}' in this debate", hint)
                continue
            weight = self.weight(claim_id, value)
            if weight is not None:
                found[claim_id] = weight
        return found

    def weight(self, claim_id: str, node: nodes.YNode) -> float | None:
        hint = f"write a plain number between 0 and 1, e.g. {claim_id}: 0.7"
        if not isinstance(node, nodes.YScalar) or not node.plain:
            kind = "text" if isinstance(node, nodes.YScalar) else "a list or mapping"
            self.error(node, f"the weight of '{claim_id}' must be a number, not {kind}", hint)
            return None
        value = scalars.parse_number(node.text)
        if value is None:
            why = (
                "it is empty"
                if scalars.is_null(node.text)
                else scalars.number_surprise(node.text)
                or scalars.text_surprise(node.text)
                or f"{node.text!r} is not a number"
            )
            self.error(node, f"the weight of '{claim_id}' must be a number; {why}", hint)
            return None
        if not 0 <= value <= 1:
            self.error(node, f"the weight of '{claim_id}' is {node.text}, outside [0, 1]", hint)
            return None
        return float(value)


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


def load_perspective(debate_dir: str | Path, debate: Debate, name: str) -> WeightProfile:
    """Perspective `name` from `debate_dir/perspectives/`, checked against `debate`."""
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
    path = next(
        folder / f"{name}{suffix}" for suffix in SUFFIXES if (folder / f"{name}{suffix}").is_file()
    )
    return read_weights(path, debate, name, f"{PERSPECTIVES_DIR}/{path.name}")


def check_perspectives(debate_dir: str | Path, debate: Debate) -> list[Problem]:
    """Every problem of every perspective file of the debate (for `agidebate check`)."""
    problems: list[Problem] = []
    for name in perspective_names(debate_dir):
        try:
            load_perspective(debate_dir, debate, name)
        except WeightsFileError as error:
            problems.extend(error.problems)
        except OperationError as error:
            problems.append(Problem("unreadable", str(error), Location(name)))
    return problems
