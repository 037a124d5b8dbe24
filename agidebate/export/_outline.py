"""What the text exports share: labels in a language, scores, and the debate as an outline.

The outline is how a reader meets the debate on paper: the thesis, then one
section per topic, in each section the claims nested under the claim they
support or attack, and an undercut nested under the link it cuts (under the
line of the link's source, before that claim's own replies). A claim is written
in full once; every further relation it has shows up as a short reference.
Claims whose tree parent lives in another topic start a group "arguing with"
that parent. Nesting stops at
`MAX_DEPTH` levels: deeper claims start a group of their own further down.

Everything here is iterative and linear in claims plus relations.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import assert_never

from agidebate.export import ExportOptions
from agidebate.model import Claim, Debate, Edge, Relation, Topic
from agidebate.text import inert

MAX_DEPTH = 10


def label(claim: Claim, lang: str | None) -> str:
    """The claim's short label in `lang` when it has one, else its own."""
    return claim.translated(lang, "title") or claim.title or text(claim, lang)


def text(claim: Claim, lang: str | None) -> str:
    """The claim's full text in `lang` when it has one, else its own."""
    return claim.translated(lang, "text") or claim.text


def title(claim: Claim, lang: str | None) -> str | None:
    return claim.translated(lang, "title") or claim.title


def one_line(value: str) -> str:
    """Whitespace (line breaks, tabs) collapsed to single spaces; control characters shown
    as visible escapes (`\\x07`), as `text.inert` does for the terminal."""
    return " ".join(inert(value, newlines=False).split())


def score(options: ExportOptions, claim_id: str) -> float | None:
    if options.scores is None:
        return None
    return options.scores.get(claim_id)


def score_text(value: float | None) -> str | None:
    """A score as printed in every export: two decimals."""
    return None if value is None else f"{value:.2f}"


def label_lines(debate: Debate, claim_id: str, options: ExportOptions, width: int) -> list[str]:
    """A drawing's box label: the claim's label wrapped to `width`, then its score if any."""
    claim = debate.claim(claim_id)
    lines = textwrap.wrap(one_line(label(claim, options.lang)), width) or [claim.id]
    value = score_text(score(options, claim_id))
    return [*lines, f"score {value}"] if value is not None else lines


def relation_word(relation: Relation) -> str:
    """Kialo's word for a relation: its `Pro:` and `Con:` are relative to the claim above
    (supports, attacks), as the format requires. Every other output says pro and con for
    the side on the thesis (`agidebate.palette`) and the relation in words
    (`text.relation_verb`)."""
    match relation:
        case Relation.SUPPORT:
            return "Pro"
        case Relation.ATTACK:
            return "Con"
        case Relation.UNDERCUT:
            return "Undercut"
        case _:
            assert_never(relation)


def clusters(debate: Debate) -> list[tuple[int, Topic | None, list[str]]]:
    """(index, topic, claim ids) per topic, for drawings; the thesis stands outside all topics."""
    by_topic: dict[str | None, list[str]] = {}
    for claim in debate:
        home = None if claim.id == debate.thesis else claim.topic
        by_topic.setdefault(home, []).append(claim.id)
    return [
        (index, debate.topics.get(topic_id) if topic_id else None, claim_ids)
        for index, (topic_id, claim_ids) in enumerate(by_topic.items())
    ]


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the outline."""

    claim: str
    depth: int  # 0 for the heads of a group
    edge: Edge | None  # the relation to the line above, or to the group's parent (None: a root)
    first: bool  # False: a reference to a claim written in full elsewhere


@dataclass
class Group:
    """Claims arguing with `parent` (a claim shown elsewhere), or roots when it is None."""

    parent: str | None
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Section:
    """The groups of one topic (`topic` None: the thesis and claims without a topic)."""

    topic: str | None
    groups: list[Group] = field(default_factory=list)


def outline(debate: Debate, max_depth: int = MAX_DEPTH) -> list[Section]:
    """The debate as sections of nested entries; every relation appears exactly once."""
    tree_parent = {
        cid: edge.upstream for cid in debate.claims if (edge := debate.parent_edge(cid)) is not None
    }
    sections: dict[str | None, Section] = {None: Section(None)}
    for topic in debate.topics:
        sections[topic] = Section(topic)
    heads: dict[str | None, list[tuple[str | None, str]]] = {}
    for claim in debate:
        section = sections.setdefault(claim.topic, Section(claim.topic))
        parent = tree_parent.get(claim.id)
        if parent is None or debate.claim(parent).topic != claim.topic:
            heads.setdefault(section.topic, []).append((parent, claim.id))
    for key, section in sections.items():
        _fill(debate, section, heads.get(key, []), tree_parent, max_depth)
    return [s for s in sections.values() if s.groups]


def _fill(
    debate: Debate,
    section: Section,
    heads: list[tuple[str | None, str]],
    tree_parent: dict[str, str],
    max_depth: int,
) -> None:
    by_parent: dict[str | None, list[str]] = {}
    for parent, claim_id in heads:
        by_parent.setdefault(parent, []).append(claim_id)
    pending = list(by_parent.items())
    index = 0
    while index < len(pending):
        parent, claims = pending[index]
        index += 1
        group = Group(parent)
        section.groups.append(group)
        stack = [
            Entry(cid, 0, debate.parent_edge(cid) if parent else None, True)
            for cid in reversed(claims)
        ]
        while stack:
            entry = stack.pop()
            group.entries.append(entry)
            replies = _undercuts(debate, entry.edge)
            if entry.first:
                replies += debate.children(entry.claim)
            below: list[Entry] = []
            for edge in replies:
                source = edge.source
                if debate.parent_edge(source) != edge or source == debate.thesis:
                    below.append(Entry(source, entry.depth + 1, edge, False))
                elif debate.claim(source).topic != section.topic:
                    continue  # written in its own topic, under a reference to this claim
                elif entry.depth + 1 > max_depth:
                    if index < len(pending) and pending[-1][0] == entry.claim:
                        pending[-1][1].append(source)  # not started yet: one group per parent
                    else:
                        pending.append((entry.claim, [source]))
                else:
                    below.append(Entry(source, entry.depth + 1, edge, True))
            stack.extend(reversed(below))


def _undercuts(debate: Debate, edge: Edge | None) -> list[Edge]:
    """The undercuts of the link `edge` (none when it is an undercut, or None: a root)."""
    if edge is None or edge.cut_link is not None:
        return []
    return list(debate.undercutters(edge.source, edge.target))
