"""`new_topic`: a new topic file with a commented template that loads cleanly.

The file is `TOPIC.yaml` at the top of the debate folder, holding `topic:`,
`title:` and an empty `claims: []`, with comments that show a complete claim.
It is checked like any edit (the whole debate must still check clean, and
gain nothing but the topic) and created under the folder's lock, without
ever overwriting a file.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from agidebate.authoring._add import require_valid
from agidebate.authoring._change import Change
from agidebate.authoring._fields import check_id, clean_optional
from agidebate.authoring._paths import Target, locate, relative_in, writable_debate_dir
from agidebate.authoring._verify import (
    check_reading,
    new_warnings,
    read_folder,
    require_clean,
    require_same_meaning,
)
from agidebate.authoring._write import create_file, new_folder
from agidebate.errors import Problem, RequestRefused, UsageError
from agidebate.fileio import folder_lock as debate_lock
from agidebate.format.emit import block_value
from agidebate.format.load import CheckReport
from agidebate.format.schema import DEBATE_FILE_NAMES
from agidebate.i18n import _
from agidebate.model import Debate

_TEMPLATE = """\
# Topic '{topic}': claims about one question of the debate.
# A claim needs an `id` (unique across the whole debate) and a `text`. It argues
# for or against other claims with `supports: ID` or `attacks: ID` (any claim in
# any file, or `thesis`), and can nest replies under `pro:` and `con:`.
# The full format is in docs/format.md; `agidebate schema` prints a JSON Schema.
#
# Write claims by hand, or let agidebate add them:
#   agidebate add --dir DEBATE-FOLDER --file {file} --to ID --con --text "..."
topic: {topic}
title: {title}
# summary: A paragraph introducing the topic.
#
# Each claim is an item of the list `claims:` (written by hand, it replaces the
# `[]`), for example:
#   - id: {topic}-example
#     title: A short label for trees and maps
#     text: The claim in full, as the person who argues it would put it.
#     attacks: thesis       # or supports: ID; or a list: [id-1, id-2]
#     weight: 0.5           # base plausibility in [0, 1]; 0.5 when left out
#     by: Who argues it
#     sources:
#       - https://example.org/where-it-is-argued
claims: []
"""


@dataclass(frozen=True, slots=True)
class Creation:
    """What `new_topic` did (or, for a dry run, would do)."""

    topic: str
    change: Change
    warnings: tuple[Problem, ...]
    created_folder: bool = False
    has_thesis: bool = True


def default_title(topic: str) -> str:
    """A heading from a topic id: `data-wall` -> `Data wall`."""
    words = topic.replace("_", " ").replace("-", " ").replace(".", " ").split()
    return " ".join(words).capitalize() if words else topic


def template(topic: str, title: str) -> str:
    """The text of a new topic file."""
    return _TEMPLATE.format(
        topic=topic, file=f"{topic}.yaml", title="\n".join(block_value(title, 80))
    )


def new_topic(
    directory: str | os.PathLike[str] | None,
    topic: str,
    title: str | None = None,
    *,
    dry_run: bool = False,
    cache: bool = True,
) -> Creation:
    """Create `TOPIC.yaml` in the debate folder (and the folder, if it does not exist yet);
    `RequestRefused` if the topic or file exists."""
    folder = writable_debate_dir(directory, missing_ok=True)
    missing = not folder.exists()
    try:
        topic, title, data = _request(topic, title)
        target, before, after = _prepare(folder, topic, data, cache)
        if not dry_run:
            made = new_folder(folder) if missing else contextlib.nullcontext()
            with made, debate_lock(folder):
                target, before, after = _prepare(folder, topic, data, cache)
                create_file(folder, target.rel, data)
    except UsageError as error:
        raise RequestRefused.of(error) from None
    text = data.decode("utf-8")
    lines = text.count("\n")
    change = Change(target.path, "", text, 1, lines, text.rstrip("\n"), True, not dry_run)
    thesis = after.debate is not None and after.debate.thesis is not None
    return Creation(topic, change, tuple(new_warnings(before, after)), missing, thesis)


def _request(topic: str, title: str | None) -> tuple[str, str, bytes]:
    """The checked topic id and title, and the file's bytes."""
    topic = check_topic_id(topic)
    title = clean_optional(title, "--title") or default_title(topic)
    return topic, title, template(topic, title).encode("utf-8")


def check_topic_id(topic: str, option: str = "TOPIC") -> str:
    """A topic id that can name a topic file: an id, and not `debate`."""
    topic = check_id(topic, option)
    if f"{topic}.yaml" in DEBATE_FILE_NAMES:
        raise UsageError(
            _(
                "{option} 'debate' would be debate.yaml, the file of the debate's title and thesis",
                option=option,
            ),
            _("choose another topic name"),
        )
    return topic


def _prepare(
    folder: Path, topic: str, data: bytes, cache: bool
) -> tuple[Target, CheckReport, CheckReport]:
    reading = read_folder(folder, cache)
    before = check_reading(reading) if folder.exists() else CheckReport(folder, None, (), 0)
    debate = require_valid(before) if before.files else Debate(claims={})
    _require_new(folder, debate, topic)
    target = locate(folder, f"{topic}.yaml", from_user=True)
    after = check_reading(reading, target.rel, data)
    require_same_meaning(debate, require_clean(after, target.rel), None, None, topic)
    return target, before, after


def _require_new(folder: Path, debate: Debate, topic: str) -> None:
    existing = debate.topics.get(topic)
    if existing is not None:
        files = [relative_in(folder, shown) for shown in existing.files]
        raise UsageError(
            f"topic '{topic}' already exists (in {', '.join(files)})",
            f"add claims to it with: agidebate add --file {files[0]} ..."
            if files
            else "choose another topic name",
        )
    for suffix in (".yaml", ".yml"):
        if os.path.lexists(folder / (topic + suffix)):
            raise UsageError(f"'{topic}{suffix}' already exists", "choose another topic name")
