"""Grounded labelling (Dung 1995; Caminada 2006): textbook examples and Dung's definition."""

from __future__ import annotations

from agidebate.model import Claim, Debate
from agidebate.scoring import score
from tests.scoring.graphs import A, S, baumeister_example, build


def labels(debate: Debate) -> dict[str, str]:
    result = score(debate, "grounded")
    assert result.labels is not None
    return result.labels


def test_reinstatement() -> None:
    # a attacks b attacks c: a is unattacked (in), b is out, c is reinstated (in), the
    # running example of Caminada, "On the Issue of Reinstatement in Argumentation", 2006.
    debate = build(dict.fromkeys("abc", 0.5), [("a", "b", A), ("b", "c", A)])
    assert labels(debate) == {"a": "in", "b": "out", "c": "in"}
    assert score(debate, "grounded").scores == {"a": 1.0, "b": 0.0, "c": 1.0}


def test_nixon_diamond_and_odd_cycle_are_undecided() -> None:
    # Two arguments attacking each other (Dung 1995's Nixon diamond) and a three-cycle
    # have an empty grounded extension: everything is undecided.
    mutual = build({"q": 0.5, "r": 0.5}, [("q", "r", A), ("r", "q", A)])
    assert set(labels(mutual).values()) == {"undec"}
    odd = build(dict.fromkeys("abc", 0.5), [("a", "b", A), ("b", "c", A), ("c", "a", A)])
    assert set(labels(odd).values()) == {"undec"}
    assert score(odd, "grounded").scores["a"] == 0.5


def test_baumeister_example() -> None:
    found = labels(baumeister_example())
    assert found == {"a": "in", "b": "out", "c": "undec", "d": "undec", "e": "undec", "f": "undec"}


def test_weights_and_supports_play_no_part() -> None:
    debate = build({"t": 0.0, "p": 1.0, "x": 0.1}, [("p", "t", S), ("x", "t", A)])
    assert labels(debate) == {"t": "out", "p": "in", "x": "in"}


def test_a_long_chain_does_not_recurse() -> None:
    n = 10_000
    claims = {f"c{i}": Claim(f"c{i}", "x") for i in range(n)}
    from agidebate.model import Edge

    edges = tuple(Edge(f"c{i + 1}", f"c{i}", A) for i in range(n - 1))
    found = labels(Debate(claims=claims, edges=edges, thesis="c0"))
    assert found["c0"] == ("in" if (n - 1) % 2 == 0 else "out")
    assert found[f"c{n - 1}"] == "in"
