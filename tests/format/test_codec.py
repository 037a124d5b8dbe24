"""The cache's codec: any dataclass of the model to plain data and back, by its fields."""

from __future__ import annotations

import marshal
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import pytest

from agidebate.errors import Location, Problem, Severity
from agidebate.format import codec
from agidebate.format.parsed import ParsedFile
from agidebate.model import Claim, Edge, Figure, Relation, Source


class Mood(StrEnum):
    CALM = "calm"
    STORMY = "stormy"


@dataclass(frozen=True, slots=True)
class Note:
    text: str
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Future:
    """A record with the kinds of fields a future model may add."""

    name: str
    mood: Mood = Mood.CALM
    notes: tuple[Note, ...] = ()
    where: Location | None = None
    scores: Mapping[str, float] = field(default_factory=dict)
    value: int | float | str = 0
    flag: bool = False


@dataclass
class Batch:
    items: list[Future]
    owners: list[int]


def round_trip(tp: Any, value: Any) -> Any:
    return codec.decode(tp, marshal.loads(marshal.dumps(codec.encode(tp, value))))


def test_a_new_dataclass_needs_no_codec_code() -> None:
    batch = Batch(
        [
            Future("a", Mood.STORMY, (Note("n", 3), Note("m")), Location("f", 2, 3), {"x": 0.5}),
            Future("b", value="ten", flag=True),
            Future("c", value=2.5),
        ],
        [0, 1, 1],
    )
    assert round_trip(Batch, batch) == batch


def test_a_parsed_file_round_trips() -> None:
    where = Location("t.yaml", 3, 5)
    claim = Claim(
        "a",
        "A",
        title="T",
        weight=0.7,
        weight_stated=True,
        sources=(Source(title="Book", year=2020), Source(url="https://x.org")),
        figures=(Figure(12, "GW"), Figure("1-2")),
        tags=("x", "y"),
        i18n={"zh": {"title": "标题"}},
        topic="t",
        location=where,
    )
    parsed = ParsedFile(
        "t.yaml",
        claims=[claim, Claim("b", "B")],
        edges=[Edge("a", "b", Relation.ATTACK, where)],
        edge_owners=[0],
        problems=[Problem("x", "y", where, None, Severity.WARNING)],
    )
    assert round_trip(ParsedFile, parsed) == parsed


def test_the_schema_names_every_class_and_field_reachable() -> None:
    schema = dict(codec.schema(Batch))
    assert schema[f"{__name__}.Future"] == (
        "name",
        "mood",
        "notes",
        "where",
        "scores",
        "value",
        "flag",
    )
    assert schema[f"{__name__}.Note"] == ("text", "page")
    assert schema[f"{__name__}.Mood"] == ("calm", "stormy")
    assert schema["agidebate.errors.Location"] == ("path", "line", "column")


@pytest.mark.parametrize(
    ("tp", "data"),
    [
        (Note, ("n",)),
        (Note, ("n", 1, 2)),
        (Note, ["n", 1]),
        (Note, ("n", True)),
        (Note, (b"n", 1)),
        (Future, ("a", "grumpy", (), None, {}, 0, False)),
        (Future, ("a", "calm", [], None, {}, 0, False)),
        (Future, ("a", "calm", (), None, {1: 0.5}, 0, False)),
        (Future, ("a", "calm", (), None, {}, None, False)),
        (Future, ("a", "calm", (), None, {}, 0, 1)),
        (Batch, ((1, (["a"],)), [])),
        (Batch, ("items", [])),
        (Batch, ((2, (["a"], ["calm"], [()], [None], [{}], [0], [False])), [])),
        (Batch, ((1, (["a"], [["calm"]], [()], [None], [{}], [0], [False])), [])),
    ],
)
def test_anything_that_does_not_fit_its_type_is_unreadable(tp: Any, data: Any) -> None:
    with pytest.raises(codec.Unreadable):
        codec.decode(tp, data)
