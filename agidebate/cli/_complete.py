"""Shell completion of claim ids and topics (`agidebate show dw-0<Tab>`).

Completion runs the command line as far as it is typed, so `--dir` is known when it
comes first; the debate is read through the parse cache. Completion prints nothing
of its own: a debate that cannot be read completes to nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer  # the callbacks' annotations are read by typer when it completes

if TYPE_CHECKING:
    from agidebate.model import Debate


def _debate(ctx: typer.Context) -> Debate | None:
    from agidebate.cli._common import use_cache
    from agidebate.errors import AgidebateError
    from agidebate.format.load import load_debate

    directory = ctx.params.get("directory")
    try:
        return load_debate(directory if isinstance(directory, str) else None, cache=use_cache())
    except (AgidebateError, OSError):
        return None  # nothing to offer; the command itself will say what is wrong


def claim_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """The debate's claim ids that start with what is typed, in natural order."""
    from agidebate.text import natural_key

    debate = _debate(ctx)
    if debate is None:
        return []
    return sorted((i for i in debate.claims if i.startswith(incomplete)), key=natural_key)


def topic_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """The debate's topics that start with what is typed."""
    debate = _debate(ctx)
    if debate is None:
        return []
    return sorted(t for t in debate.topics if t.startswith(incomplete))
