"""Every export walks the graph iteratively: a chain 10,000 claims deep, and cycles."""

from __future__ import annotations

import pytest

from agidebate.export import FORMATS, ExportOptions, export
from agidebate.model import Claim, Debate, Edge, Relation

DEPTH = 10_000


def chain(depth: int = DEPTH) -> Debate:
    claims = {"thesis": Claim("thesis", "T")}
    edges = []
    for n in range(1, depth + 1):
        claims[f"c{n}"] = Claim(f"c{n}", f"claim {n}", topic="chain")
        edges.append(Edge(f"c{n}", "thesis" if n == 1 else f"c{n - 1}", Relation.ATTACK))
    edges.append(Edge("thesis", f"c{depth}", Relation.ATTACK))  # and a cycle through all
    return Debate(claims=claims, edges=tuple(edges), thesis="thesis")


@pytest.mark.parametrize("fmt", [f for f, spec in FORMATS.items() if spec.function == "export"])
def test_deep_chain_exports_in_linear_size(fmt: str) -> None:
    # Kialo's own format indents and numbers each claim by its depth: quadratic by design.
    depth = 1_000 if fmt == "kialo" else DEPTH
    output = export(chain(depth), fmt, ExportOptions())
    assert len(output) > depth
    if fmt != "kialo":
        assert len(output) < 1_000 * depth
