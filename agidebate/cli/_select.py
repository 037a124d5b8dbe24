"""Loading the debate a command works on, and checking claim ids from the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agidebate.errors import UsageError

if TYPE_CHECKING:
    from agidebate.model import Debate


def require_claim(debate: Debate, claim_id: str) -> None:
    """Raise a usage error naming close ids when `claim_id` is not in the debate."""
    if claim_id in debate.claims:
        return
    from agidebate.suggest import did_you_mean

    hint = did_you_mean(claim_id, debate.claims, "`agidebate list` shows every id")
    raise UsageError(f"no claim with id '{claim_id}'", hint)


def load_selected(directory: str | None, claim_id: str | None) -> Debate:
    """The debate in `directory`, or its subtree under `claim_id`."""
    from agidebate.cli._progress import file_progress
    from agidebate.format.load import load_debate

    with file_progress() as progress:
        debate = load_debate(directory, progress)
    if claim_id is None:
        return debate
    require_claim(debate, claim_id)
    return debate.subtree(claim_id)
