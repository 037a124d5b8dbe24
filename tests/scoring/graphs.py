"""Small debates built in memory for the scoring tests, and an independent reference solver.

`reference_strengths` is deliberately written apart from agidebate.scoring: its
influence functions are transcribed from the public formulas as implemented in
Nico Potyka's Uncertainpy (src/uncertainpy/gradual/semantics/
QuadraticEnergyModel.py, ContinuousDFQuADModel.py, ContinuousEulerBasedModel.py)
and TimKam/Quantitative-Bipolar-Argumentation (src/qbaf_functions.c), and it
integrates the continuous model with classic fourth-order Runge-Kutta on the
whole graph, as Uncertainpy's RK4 approximator does, instead of agidebate's
explicit Euler steps group by group.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping

from agidebate.model import Claim, Debate, Edge, Relation

S, A = Relation.SUPPORT, Relation.ATTACK
Link = tuple[str, str, Relation]


def build(weights: Mapping[str, float], links: Iterable[Link], thesis: str | None = None) -> Debate:
    """A debate with claims `weights` (id -> base weight) and relations (source, target, kind)."""
    claims = {cid: Claim(cid, f"claim {cid}", weight=w) for cid, w in weights.items()}
    edges = tuple(Edge(source, target, relation) for source, target, relation in links)
    return Debate(claims=claims, edges=edges, thesis=thesis)


def baumeister_example() -> Debate:
    """The second example of TweetyProject's RankingSemanticsExample, from Baumeister,
    Neugebauer, Rothe, "Argumentation Meets Computational Social Choice" (tutorial, 2018):
    a attacks b attacks c attacks f; d and e attack each other; e attacks c. All weights 1."""
    links = [
        ("a", "b", A),
        ("b", "c", A),
        ("d", "e", A),
        ("e", "d", A),
        ("c", "f", A),
        ("e", "c", A),
    ]
    return build(dict.fromkeys("abcdef", 1.0), links)


def ten_claim_cycle() -> Debate:
    """Ten claims in a ring: each supports the next and attacks the one after.

    Weights alternate 0 (even claims) and 1 (odd claims). Plain repeated
    updating s <- f(s) flips between the base weights and their mirror image
    for ever under both DF-QuAD and QE.
    """
    n = 10
    weights = {f"c{i}": 0.0 if i % 2 == 0 else 1.0 for i in range(n)}
    links = [(f"c{i}", f"c{(i + 1) % n}", S) for i in range(n)]
    links += [(f"c{i}", f"c{(i + 2) % n}", A) for i in range(n)]
    return build(weights, links)


def cyras_example_4_1() -> Debate:
    """Example 4.1 of K. Čyras, T. Kampik, Q. Weng, "Dispute Trees as Explanations in
    Quantitative (Bipolar) Argumentation", ArgXAI 2022; the QE strengths below are the ones
    printed in its companion notebook (github.com/kcyras/QDT, exampleQDT.ipynb)."""
    weights = {"a": 0.5, "b": 0.2, "c": 0.85, "d": 0.65, "e": 0.4, "f": 1.0}
    links = [
        ("b", "a", S),
        ("c", "a", A),
        ("d", "a", S),
        ("e", "b", A),
        ("e", "c", S),
        ("f", "c", A),
    ]
    return build(weights, links, thesis="a")


def stock_example() -> Debate:
    """Uncertainpy's stock example (nicopotyka/Uncertainpy, examples/example.bag): Buy and
    Sell attack each other, so the graph is cyclic."""
    weights = {"buy": 0.5, "sell": 0.5, "1": 0.8, "2": 0.7, "3": 0.3, "4": 0.9, "5": 0.9}
    links = [
        ("buy", "sell", A),
        ("sell", "buy", A),
        ("1", "sell", S),
        ("2", "buy", S),
        ("2", "1", A),
        ("3", "2", A),
        ("4", "3", A),
        ("4", "2", S),
        ("5", "1", A),
        ("5", "buy", S),
    ]
    return build(weights, links)


def e_democracy() -> Debate:
    """The e-democracy QuAD framework of Rago et al. 2016 (their running example), with the
    base scores of Uncertainpy's examples/gradual/BAG/RagoEtAlEDemocracy.bag."""
    weights = {"A1": 0.5, "A2": 0.5, "P1": 0.7, "P2": 0.5, "P3": 0.9,
               "C1": 0.2, "C2": 0.2, "C3": 0.6, "C4": 0.5}  # fmt: skip
    links = [("C1", "A2", A), ("C2", "P2", A), ("C3", "P2", A), ("C4", "P2", A),
             ("P1", "A1", S), ("P2", "A1", S), ("P3", "A2", S)]  # fmt: skip
    return build(weights, links)


def numeric_gradient(
    strength: Callable[[float, list[float], list[float]], float],
    w: float,
    sup: list[float],
    att: list[float],
    eps: float = 1e-6,
) -> tuple[float, list[float], list[float]]:
    """Central differences of `strength` by the weight, each supporter and each attacker."""

    def nudged(values: list[float], i: int, by: float) -> list[float]:
        return [v + by if j == i else v for j, v in enumerate(values)]

    by_weight = (strength(w + eps, sup, att) - strength(w - eps, sup, att)) / (2 * eps)
    by_sup = [
        (strength(w, nudged(sup, i, eps), att) - strength(w, nudged(sup, i, -eps), att)) / (2 * eps)
        for i in range(len(sup))
    ]
    by_att = [
        (strength(w, sup, nudged(att, i, eps)) - strength(w, sup, nudged(att, i, -eps))) / (2 * eps)
        for i in range(len(att))
    ]
    return by_weight, by_sup, by_att


# -- influence functions, transcribed independently ------------------------------

Influence = Callable[[float, list[float], list[float]], float]


def ref_qe(w: float, sup: list[float], att: list[float]) -> float:
    energy = sum(sup) - sum(att)
    impact = energy**2 / (1 + energy**2)
    return w + (1 - w) * impact if energy > 0 else w - w * impact


def ref_dfquad(w: float, sup: list[float], att: list[float]) -> float:
    geometric = math.prod(1 - a for a in att) - math.prod(1 - s for s in sup)
    if geometric > 0:
        return w + (1 - w) * geometric
    return w + w * geometric


def ref_euler(w: float, sup: list[float], att: list[float]) -> float:
    return 1 - (1 - w**2) / (1 + w * math.exp(sum(sup) - sum(att)))


def reference_strengths(
    debate: Debate, influence: Influence, delta: float = 0.05, epsilon: float = 1e-12
) -> dict[str, float]:
    """The continuous model ds/dt = f(s) - s integrated by RK4 until |ds/dt| <= epsilon."""
    ids = list(debate.claims)
    sup = {c: [e.source for e in debate.children(c) if e.relation is S] for c in ids}
    att = {c: [e.source for e in debate.children(c) if e.relation is A] for c in ids}
    weight = {c: debate.claims[c].weight for c in ids}

    def derivative(state: dict[str, float]) -> dict[str, float]:
        return {
            c: influence(weight[c], [state[s] for s in sup[c]], [state[a] for a in att[c]])
            - state[c]
            for c in ids
        }

    state = dict(weight)
    for _ in range(1_000_000):
        k1 = derivative(state)
        k2 = derivative({c: state[c] + delta / 2 * k1[c] for c in ids})
        k3 = derivative({c: state[c] + delta / 2 * k2[c] for c in ids})
        k4 = derivative({c: state[c] + delta * k3[c] for c in ids})
        step = {c: (k1[c] + 2 * k2[c] + 2 * k3[c] + k4[c]) / 6 for c in ids}
        state = {c: state[c] + delta * step[c] for c in ids}
        if max(abs(v) for v in step.values()) <= epsilon:
            return state
    raise AssertionError("the reference integration did not converge")
