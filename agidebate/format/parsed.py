"""What one argument file contributes to a debate, before the files are joined.

Kept apart from the parser so that a warm load (from the parse cache) needs
neither PyYAML nor the parsing code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agidebate.errors import Location, Problem
from agidebate.model import Claim, Edge


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
    # For each edge, the index in `claims` of the claim that wrote it.
    edge_owners: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
