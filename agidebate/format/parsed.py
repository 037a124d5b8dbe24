"""What one argument file contributes to a debate, before the files are joined.

Kept apart from the parser so that a warm load (from the parse cache) needs
neither PyYAML nor the parsing code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agidebate.errors import Location, Problem
from agidebate.model import Author, Claim, Edge, Expect

UNKEPT = -1


@dataclass(slots=True)
class ParsedFile:
    """What one file contributes to the debate."""

    path: str
    is_debate_file: bool = False
    title: str | None = None
    summary: str | None = None
    topic: str | None = None
    topic_explicit: bool = False
    topic_location: Location | None = None
    thesis: str | None = None
    claims: list[Claim] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    # For each edge, the index in `claims` of the claim that wrote it; UNKEPT for a claim
    # left out for its invalid id (its relations are checked, then left out too).
    edge_owners: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # The title and summary (of the debate or the topic) in other languages.
    i18n: dict[str, dict[str, str]] = field(default_factory=dict)
    expect: Expect | None = None  # debate.yaml only
    authors: dict[str, Author] = field(default_factory=dict)  # debate.yaml only
