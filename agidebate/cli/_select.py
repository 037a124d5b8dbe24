"""Loading the debate a command works on, and checking claim ids from the command line."""

from __future__ import annotations

from pathlib import Path
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


def load_folder(directory: str | None) -> tuple[Path, Debate]:
    """The debate folder the command reads (--dir, $AGIDEBATE_DIR, or the bundled one) and
    its debate, loaded with a progress line for long loads and the parse cache as asked."""
    from agidebate.cli._common import use_cache
    from agidebate.cli._progress import file_progress
    from agidebate.format.load import find_debate_dir, load_debate

    folder = find_debate_dir(directory)
    with file_progress() as progress:
        return folder, load_debate(folder, progress, cache=use_cache())


def load_selected(directory: str | None, claim_id: str | None) -> tuple[Path, Debate]:
    """The debate folder, and its debate or the debate's subtree under `claim_id`."""
    folder, debate = load_folder(directory)
    if claim_id is None:
        return folder, debate
    require_claim(debate, claim_id)
    return folder, debate.subtree(claim_id)
