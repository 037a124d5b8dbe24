"""Each gradual semantics' gradient (used by cruxes) against central finite differences."""

from __future__ import annotations

import pytest

from agidebate.scoring import semantics_info
from tests.scoring.graphs import numeric_gradient

CASES = [
    (0.5, [0.3], [0.9]),
    (0.2, [0.8, 0.4], [0.1]),
    (0.7, [], []),
    (0.1, [0.8], []),
    (0.9, [], [0.7, 0.2]),
    (0.6, [0.2, 0.9], [0.3, 0.4]),
]


@pytest.mark.parametrize("name", ["qe", "dfquad", "euler", "hcat"])
@pytest.mark.parametrize(("weight", "sup", "att"), CASES)
def test_gradient_matches_finite_differences(
    name: str, weight: float, sup: list[float], att: list[float]
) -> None:
    spec = semantics_info(name).spec
    assert spec is not None
    supporters = sup if spec.uses_supports else []
    grad = spec.gradient(weight, supporters, att)
    by_weight, by_sup, by_att = numeric_gradient(spec.strength, weight, supporters, att)
    assert grad.weight == pytest.approx(by_weight, abs=1e-6)
    assert grad.supporters == pytest.approx(by_sup, abs=1e-6)
    assert grad.attackers == pytest.approx(by_att, abs=1e-6)
