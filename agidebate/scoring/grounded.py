"""Dung's grounded semantics, as a labelling, on attacks only.

References: Phan Minh Dung, "On the acceptability of arguments and its
fundamental role in nonmonotonic reasoning, logic programming and n-person
games", Artificial Intelligence 77, 1995 (the grounded extension); Martin
Caminada, "On the Issue of Reinstatement in Argumentation", JELIA 2006
(labellings); the algorithm is the one in Sanjay Modgil and Martin Caminada,
"Proof Theories and Algorithms for Abstract Argumentation Frameworks", in
Argumentation in Artificial Intelligence, Springer 2009.

Labels, found by repeating until nothing changes:

- `in` when every attacker is `out` (so an unattacked claim is `in`);
- `out` when some attacker is `in`;
- `undec` (undecided) for everything left, e.g. claims in an unresolved
  cycle of attacks.

Weights and supports play no part. As scores: in = 1, out = 0, undec = 0.5.
Linear in claims plus attacks.
"""

from __future__ import annotations

from collections import deque

from agidebate.model import Debate
from agidebate.scoring._network import Network
from agidebate.scoring._result import ScoreResult

TITLE = "grounded labelling"
REFERENCE = "Dung, AIJ 1995; labellings: Caminada, JELIA 2006"
IN, OUT, UNDEC = "in", "out", "undec"
SCORE = {IN: 1.0, OUT: 0.0, UNDEC: 0.5}


def labelling(net: Network) -> list[str]:
    """The grounded labelling of the attack graph, by index."""
    if any(links is not None for links in net.attack_links):
        return _labelling_with_links(net)
    attacked_by: list[list[int]] = [[] for _ in net.ids]
    for node in range(len(net)):
        for attacker in net.attackers[node]:
            attacked_by[attacker].append(node)
    undefeated = [len(net.attackers[node]) for node in range(len(net))]
    labels = [UNDEC] * len(net)
    ready = deque(node for node in range(len(net)) if undefeated[node] == 0)
    while ready:
        node = ready.popleft()
        labels[node] = IN
        for victim in attacked_by[node]:
            if labels[victim] != UNDEC:
                continue
            labels[victim] = OUT
            for next_victim in attacked_by[victim]:
                undefeated[next_victim] -= 1
                if undefeated[next_victim] == 0 and labels[next_victim] == UNDEC:
                    ready.append(next_victim)
    return labels


def _labelling_with_links(net: Network) -> list[str]:
    """Grounded labels when attacks carry impacts or undercutters.

    An attack counts as far as its source is in and no undercutter of it is: with in = 1,
    undecided = 0.5, out = 0, the attack's label is min(source, 1 - max(undercutters)), and
    0 when its impact is 0 (a summary's). A claim is in when every attack on it is out,
    out when one is in, undecided otherwise. Starting from all undecided, each claim's
    label is decided at most once (the least fixed point), re-evaluating only the claims
    a newly decided one acts on.
    """
    labels = [UNDEC] * len(net)
    pending = deque(range(len(net)))
    queued = [True] * len(net)
    while pending:
        node = pending.popleft()
        queued[node] = False
        if labels[node] != UNDEC:
            continue
        decided = decide(attack_labels(net, node, labels))
        if decided == UNDEC:
            continue
        labels[node] = decided
        for target in net.targets[node]:
            if not queued[target] and labels[target] == UNDEC:
                queued[target] = True
                pending.append(target)
    return labels


def decide(attacks: list[float]) -> str:
    """A claim's label from the labels of the attacks on it (1 in, 0.5 undecided, 0 out)."""
    strongest = max(attacks, default=0.0)
    return IN if strongest == 0.0 else OUT if strongest == 1.0 else UNDEC


def attack_labels(net: Network, node: int, labels: list[str]) -> list[float]:
    """Each attack on `node` as a number: its source's label, less an undercutter's."""
    value = SCORE
    links = net.attack_links[node]
    sources = net.attackers[node]
    if links is None:
        return [value[labels[j]] for j in sources]
    found = []
    for j, impact, cutters in zip(sources, links.impacts, links.cuts, strict=True):
        if impact == 0.0:
            continue
        cut = max((value[labels[u]] for u in cutters), default=0.0)
        found.append(min(value[labels[j]], 1.0 - cut))
    return found


def compute(debate: Debate, base: dict[str, float]) -> ScoreResult:
    """Label every claim; scores are 1 (in), 0 (out), 0.5 (undecided)."""
    net = Network.of(debate)
    labels = dict(zip(net.ids, labelling(net), strict=True))
    scores = {cid: SCORE[label] for cid, label in labels.items()}
    return ScoreResult("grounded", scores, dict(base), labels=labels)
