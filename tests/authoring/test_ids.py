"""Ids derived from titles and texts: readable, ASCII, valid, unique."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agidebate.authoring import derive_id
from agidebate.format.schema import ID_RE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Few cyclists use Main Street", "few-cyclists-use-main"),
        ("The data wall is real", "data-wall-real"),
        ("Scaling won't work", "scaling-wont-work"),
        ("Straße, Æther, Øre: naïve café", "strasse-aether-ore-naive"),
        ("GPT-4 beats GPT-3.5", "gpt-4-beats-gpt"),
        ("It is", "it-is"),  # only stop words: keep them
        (
            "Supercalifragilisticexpialidocious-antidisestablishmentarianism",
            "supercalifragilisticexpialidocio",
        ),
        ("数据墙", "fallback"),
        ("", "fallback"),
    ],
)
def test_readable_ids(text: str, expected: str) -> None:
    assert derive_id(text, set(), fallback="fallback") == expected


def test_numbered_when_taken() -> None:
    taken = {"data-wall-real", "data-wall-real-2"}
    assert derive_id("The data wall is real", taken) == "data-wall-real-3"
    assert derive_id("数据墙", {"dw-01-con"}, fallback="dw-01-con") == "dw-01-con-2"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.sets(st.sampled_from(["a", "a-2", "claim", "x-y"])))
def test_any_text_gives_a_valid_unused_id(text: str, taken: set[str]) -> None:
    found = derive_id(text, taken)
    assert ID_RE.match(found) and found.isascii()
    assert found not in taken
    assert len(found) <= 40
