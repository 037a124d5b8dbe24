"""Why a claim has its score: each supporter's and attacker's contribution.

A relation's contribution is how much the claim's score would change without
it: score with it minus score without it (positive: it raises the claim).
For a claim outside any cycle this is exact and cheap: only the claim's own
formula is re-evaluated, because nothing it influences feeds back into it.
The same holds for grounded labels (in when every remaining attacker is
out, out when one is in). Inside a cycle, the cycle is solved again without
that relation (under grounded, the whole debate is labelled again).
Relations the semantics ignores (supports under `hcat` and `grounded`)
contribute nothing and are marked as ignored. A relation's input is the
source's effective strength: its strength times the link's impact, less what
undercutters cut away.

Cost: outside cycles, one linear pass per explained claim. Solving a cycle again
costs its steps times its claims and relations, once per relation explained, so
those re-solves stop before they would pass `EXPLAIN_BUDGET` input reads; every
later share in a cycle is the claim's own formula without the relation, the rest
of the cycle held as it is, and is marked `exact=False`.

`explain(..., depth=N)` explains the claim, then the claims acting on it, and
so on N levels down (0: down to the leaves). A claim reached twice is
explained once, where it is first met. The walk is iterative.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from agidebate.errors import UsageError
from agidebate.model import Debate, Edge, Relation
from agidebate.scoring import ScoreResult, SemanticsInfo, score, semantics_info
from agidebate.scoring._network import Network, is_support
from agidebate.scoring._solver import group_size, local_strength, solve_components
from agidebate.scoring.whatif import Applied, Scenario, apply


@dataclass(frozen=True, slots=True)
class Influence:
    """One supporter or attacker and what it does to the claim it acts on."""

    source: str
    relation: Relation
    score: float
    contribution: float
    ignored: bool = False
    exact: bool = True
    link_source: str | None = None  # an undercutter: the source of the link it cuts


@dataclass(frozen=True, slots=True)
class Explanation:
    """A claim's base weight, score and influences (strongest first), at `level` below the start."""

    claim: str
    level: int
    base: float
    score: float
    label: str | None
    influences: list[Influence]
    in_cycle: bool


def explain(
    debate: Debate,
    claim_id: str,
    info: SemanticsInfo,
    weights: Mapping[str, float] | None = None,
    depth: int = 1,
) -> tuple[list[Explanation], ScoreResult]:
    """Explanations of `claim_id` and, `depth` levels down, of what acts on it, in reading order."""
    result = score(debate, info.name, weights=weights)
    explainer = _Explainer(debate, info, result, weights)
    found: list[Explanation] = []
    seen = {claim_id}
    stack = [(claim_id, 0)]
    while stack:
        current, level = stack.pop()
        explanation = explainer.explain(current, level)
        found.append(explanation)
        if depth and level + 1 >= depth:
            continue
        for influence in reversed(explanation.influences):
            if influence.source not in seen:
                seen.add(influence.source)
                stack.append((influence.source, level + 1))
    return found, result


# Input reads that solving cycles again for shares may cost per command (a few seconds).
EXPLAIN_BUDGET = 10_000_000


class _Explainer:
    def __init__(
        self,
        debate: Debate,
        info: SemanticsInfo,
        result: ScoreResult,
        weights: Mapping[str, float] | None,
    ) -> None:
        self.debate = debate
        self.info = info
        self.result = result
        self.weights = weights
        self.net = Network.of(debate)
        self.strengths = [result.scores[cid] for cid in self.net.ids]
        self.leave_one_out: dict[int, float] = {}
        self.cyclic = {self.net.ids[n] for n in range(len(self.net)) if self.net.in_cycle(n)}
        self.spent = 0
        self.costs: dict[int, int] = {}  # what solving each cycle again costs, by group

    def explain(self, claim_id: str, level: int) -> Explanation:
        children = self.debate.children(claim_id)
        self.leave_one_out = self.shares_without_each(claim_id, children)
        influences = [self.influence(claim_id, edge) for edge in children]
        linked = dict.fromkeys(edge.source for edge in children)
        influences += [
            self.undercut(claim_id, cut)
            for source in linked
            for cut in self.debate.undercutters(source, claim_id)
        ]
        order = {id(i): n for n, i in enumerate(influences)}
        influences.sort(key=lambda i: (i.ignored, -abs(i.contribution), order[id(i)]))
        labels = self.result.labels or {}
        return Explanation(
            claim_id,
            level,
            self.result.base[claim_id],
            self.result.scores[claim_id],
            labels.get(claim_id),
            influences,
            claim_id in self.cyclic,
        )

    def influence(self, claim_id: str, edge: Edge) -> Influence:
        source_score = self.result.scores[edge.source]
        if is_support(edge.relation) and not self.info.uses_supports:
            return Influence(edge.source, edge.relation, source_score, 0.0, ignored=True)
        before = self.result.scores[claim_id]
        after, exact = self.without(claim_id, edge)
        return Influence(edge.source, edge.relation, source_score, before - after, exact=exact)

    def undercut(self, claim_id: str, cut: Edge) -> Influence:
        """What an undercutter of one of the claim's links does to the claim."""
        assert cut.link_source is not None
        net = self.net
        u, j, i = (net.index[c] for c in (cut.source, cut.link_source, claim_id))
        after, exact = self.after(claim_id, net.without_cut(u, j, i), cut)
        return Influence(
            cut.source,
            cut.relation,
            self.result.scores[cut.source],
            self.result.scores[claim_id] - after,
            exact=exact,
            link_source=cut.link_source,
        )

    def after(self, claim_id: str, changed: Network, edge: Edge) -> tuple[float, bool]:
        """The claim's score in `changed` (this network less `edge`), and whether it is exact:
        its own formula outside cycles; its cycle solved again while the budget lasts."""
        spec = self.info.spec
        node = self.net.index[claim_id]
        if claim_id not in self.cyclic and spec is not None:
            return local_strength(
                spec, changed, node, self.result.base[claim_id], self.strengths
            ), True
        if self.spent + self.resolve_cost(claim_id) > EXPLAIN_BUDGET:
            if spec is None:
                return self.grounded_locally(changed, node), False
            base = self.result.base[claim_id]
            return local_strength(spec, changed, node, base, self.strengths), False
        if spec is None:
            return self.grounded_without(claim_id, edge), True
        return self.resolved(claim_id, changed), True

    def grounded_locally(self, changed: Network, node: int) -> float:
        """Grounded's rule for one claim in `changed`, every other label held."""
        from agidebate.scoring.grounded import SCORE, attack_labels, decide

        labels = self.result.labels or {}
        current = [labels[cid] for cid in self.net.ids]
        return SCORE[decide(attack_labels(changed, node, current))]

    def shares_without_each(self, claim_id: str, children: list[Edge]) -> dict[int, float]:
        """The claim's score without each relation, by id(edge), in one linear pass.

        Outside cycles only the claim's own inputs change, and a semantics combines
        each side's inputs into one value, so dropping an input is a subtraction
        (or, for DF-QuAD, a product without one factor); no re-scoring is needed.
        Inside a cycle this is the local estimate: the rest of the cycle held.
        """
        spec = self.info.spec
        if spec is None:
            return self.grounded_without_each(children)
        net, node = self.net, self.net.index[claim_id]
        strengths = self.strengths
        weight = self.result.base[claim_id]
        pros = [e for e in children if is_support(e.relation)] if spec.uses_supports else []
        cons = [e for e in children if not is_support(e.relation)]
        aggregation = spec.aggregation
        pro_all, pro_without = aggregation.leave_one_out(
            net.supporter_values(node, strengths, spec.cut) if spec.uses_supports else []
        )
        con_all, con_without = aggregation.leave_one_out(
            net.attacker_values(node, strengths, spec.cut)
        )
        result = {
            id(e): spec.strength(weight, [v], [con_all])
            for e, v in zip(pros, pro_without, strict=True)
        }
        result.update(
            {
                id(e): spec.strength(weight, [pro_all], [v])
                for e, v in zip(cons, con_without, strict=True)
            }
        )
        return result

    def grounded_without_each(self, children: list[Edge]) -> dict[int, float]:
        """Grounded: in once no attacker is in and all are out, out while one is in."""
        scores = self.result.scores
        attacks = [scores[e.source] for e in children if not is_support(e.relation)]
        ins, not_outs = attacks.count(1.0), sum(1 for a in attacks if a != 0.0)
        result: dict[int, float] = {}
        for edge in children:
            if is_support(edge.relation):
                continue
            value = scores[edge.source]
            left_in, left_not_out = ins - (value == 1.0), not_outs - (value != 0.0)
            result[id(edge)] = 0.0 if left_in else 1.0 if left_not_out == 0 else 0.5
        return result

    def without(self, claim_id: str, edge: Edge) -> tuple[float, bool]:
        """The claim's score if `edge` were not there, and whether that is exact."""
        local = self.leave_one_out[id(edge)]
        if claim_id not in self.cyclic:
            return local, True
        if self.spent + self.resolve_cost(claim_id) > EXPLAIN_BUDGET:
            return local, False
        if self.info.spec is None:
            return self.grounded_without(claim_id, edge), True
        return self.without_in_cycle(claim_id, edge), True

    def resolve_cost(self, claim_id: str) -> int:
        """What solving `claim_id`'s cycle again costs (grounded: labelling everything)."""
        net = self.net
        if self.info.spec is None:
            return len(net) + len(self.debate.edges)
        number = net.component_of[net.index[claim_id]]
        if number not in self.costs:
            self.costs[number] = group_size(net, net.components[number]) * self.result.iterations
        return self.costs[number]

    def grounded_without(self, claim_id: str, edge: Edge) -> float:
        """Grounded, in a cycle: label the whole debate again without `edge`."""
        self.spent += self.resolve_cost(claim_id)
        edges = tuple(e for e in self.debate.edges if e is not edge)
        smaller = dataclasses.replace(self.debate, edges=edges)
        return score(smaller, self.info.name).scores[claim_id]

    def without_in_cycle(self, claim_id: str, edge: Edge) -> float:
        """Solve the claim's cycle again without `edge`; what lies upstream cannot change."""
        net = self.net
        changed = net.without_edge(net.index[edge.source], net.index[claim_id])
        return self.resolved(claim_id, changed)

    def resolved(self, claim_id: str, changed: Network) -> float:
        """The claim's score with its cycle solved again in `changed`."""
        spec = self.info.spec
        assert spec is not None
        net = self.net
        node = net.index[claim_id]
        members = set(net.components[net.component_of[node]])
        base = [self.result.base[cid] for cid in net.ids]
        strengths = list(self.strengths)
        groups = [n for n, group in enumerate(changed.components) if members.intersection(group)]
        self.spent += solve_components(spec, changed, base, strengths, groups).work
        return strengths[node]


@dataclass(frozen=True)
class ExplainReport:
    """`explain()` under a what-if scenario: what `agidebate explain` prints."""

    info: SemanticsInfo
    applied: Applied
    result: ScoreResult
    entries: list[Explanation]
    depth: int


def explain_scenario(
    debate: Debate, claim_id: str, semantics: str, scenario: Scenario | None = None, depth: int = 1
) -> ExplainReport:
    """Apply `scenario`, then explain `claim_id` `depth` levels down."""
    info = semantics_info(semantics)
    applied = apply(debate, scenario or Scenario())
    if claim_id not in applied.debate.claims:
        raise UsageError(
            f"claim '{claim_id}' is left out by --without",
            "explain a claim that is still in the debate",
        )
    entries, result = explain(applied.debate, claim_id, info, applied.weights, depth)
    return ExplainReport(info, applied, result, entries, depth)
