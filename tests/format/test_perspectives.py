"""format/perspectives: weights files and perspective files, read and checked with
positioned problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from agidebate.errors import UsageError, WeightsFileError
from agidebate.format.load import load_debate
from agidebate.format.perspectives import load_perspective, perspective_names, read_weights
from agidebate.model import Debate
from tests.conftest import EXAMPLES
from tests.scoring.graphs import build

MAIN_STREET = EXAMPLES / "main-street"


@pytest.fixture
def debate() -> Debate:
    return load_debate(MAIN_STREET)


def test_perspectives_are_listed_and_checked(debate: Debate, tmp_path: Path) -> None:
    assert perspective_names(MAIN_STREET) == ["cyclist", "shopkeeper"]
    with pytest.raises(UsageError) as caught:
        load_perspective(MAIN_STREET, debate, "cyclists")
    assert "did you mean 'cyclist'" in (caught.value.hint or "")
    bare = build({"t": 0.5}, [], thesis="t")
    with pytest.raises(UsageError, match="has no perspectives"):
        load_perspective(tmp_path, bare, "x")


def problems_of(tmp_path: Path, text: str, debate: Debate) -> list[str]:
    path = tmp_path / "w.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WeightsFileError) as caught:
        read_weights(path, debate)
    return [str(p).replace(str(path), "w.yaml") for p in caught.value.problems]


def test_weights_file_errors_are_positioned(debate: Debate, tmp_path: Path) -> None:
    found = problems_of(
        tmp_path,
        "parking-los: 0.4\nfew-cyclists: yes\ngarage-nearby: 1.5\nfootfall: '0.5'\nschool-route:\n",
        debate,
    )
    assert found == [
        "w.yaml:1:1: error: no claim with id 'parking-los' in this debate "
        "(hint: did you mean 'parking-loss'?)",
        "w.yaml:2:15: error: the weight of 'few-cyclists' must be a number; YAML 1.1 reads "
        "an unquoted yes as the boolean true (hint: write a plain number between 0 and 1, "
        "e.g. few-cyclists: 0.7)",
        "w.yaml:3:16: error: the weight of 'garage-nearby' is 1.5, outside [0, 1] (hint: "
        "write a plain number between 0 and 1, e.g. garage-nearby: 0.7)",
        "w.yaml:4:11: error: the weight of 'footfall' must be a number, not text (hint: write "
        "a plain number between 0 and 1, e.g. footfall: 0.7)",
        "w.yaml:5:14: error: the weight of 'school-route' must be a number; it is empty "
        "(hint: write a plain number between 0 and 1, e.g. school-route: 0.7)",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- parking-loss: 0.4\n", "w.yaml:1:1: error: a weights file must be a mapping"),
        ("", "w.yaml:1:1: error: the file is empty"),
        ("a: [1\n", "w.yaml:2:1: error: YAML syntax"),
        ("a: 1\na: 2\n", "w.yaml:2:1: error: duplicate key 'a'"),
        ("title: x\nweights: [1]\n", "w.yaml:2:10: error: 'weights' must be a mapping"),
        ("titel: x\nweights: {}\n", "w.yaml:1:1: error: unknown field 'titel' in a perspective"),
        ("weights: !!python/object:os.system {}\n", "w.yaml:1:10: error: explicit tag"),
    ],
)
def test_bad_weights_files(debate: Debate, tmp_path: Path, text: str, message: str) -> None:
    assert problems_of(tmp_path, text, debate)[0].startswith(message)


def test_missing_weights_file_is_a_usage_error(debate: Debate, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        read_weights(tmp_path / "nope.yaml", debate)
    with pytest.raises(UsageError, match="is a folder"):
        read_weights(tmp_path, debate)
