"""`init_debate`: a new debate folder, with its title and thesis and a first topic file.

`debate.yaml` holds the title and the thesis (id `thesis`); the first topic file is
the commented template of `agidebate new`. A folder that already holds argument
files but no `debate.yaml` gets only `debate.yaml`: its thesis. A folder that has a
`debate.yaml` is refused. Both files are checked together, in memory, before
anything is written; they are created under the folder's lock, never over a file,
and the folder (and the first file) are removed again if a write fails.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from agidebate.authoring._change import Change
from agidebate.authoring._fields import clean_optional, clean_text
from agidebate.authoring._new import check_topic_id, default_title, template
from agidebate.authoring._verify import Reading, check_reading, read_folder, require_clean
from agidebate.authoring._write import create_file, new_folder
from agidebate.errors import RequestRefused, UsageError
from agidebate.fileio import folder_lock
from agidebate.format.emit import block_value
from agidebate.format.load import iter_argument_files
from agidebate.format.schema import DEBATE_FILE_NAMES
from agidebate.i18n import _

DEBATE_FILE = "debate.yaml"
FIRST_TOPIC = "arguments"
THESIS_ID = "thesis"

_DEBATE_TEMPLATE = """\
# The debate: its title, and its thesis, the claim every argument is for or against.
# Arguments live in topic files, one topic per file (`agidebate new TOPIC` starts one).
# A claim argues for the thesis with `supports: thesis`, against it with
# `attacks: thesis`; the full format is in docs/format.md.
title: {title}
# summary: A paragraph introducing the debate.
thesis:
  id: thesis
  text: {text}
"""


@dataclass(frozen=True, slots=True)
class Initialization:
    """What `init_debate` did (or, for a dry run, would do): the files, in order."""

    folder: Path
    created_folder: bool
    changes: tuple[Change, ...]
    topic: str | None


def debate_template(title: str, thesis: str) -> str:
    """The text of a new `debate.yaml`."""
    text_lines = block_value(thesis, 80)
    text = "\n".join([text_lines[0], *("  " + line if line else "" for line in text_lines[1:])])
    return _DEBATE_TEMPLATE.format(title="\n".join(block_value(title, 80)), text=text)


def init_debate(
    directory: str | os.PathLike[str],
    thesis: str,
    title: str | None = None,
    *,
    topic: str = FIRST_TOPIC,
    dry_run: bool = False,
) -> Initialization:
    """Create the debate folder `directory` (or complete a folder of topics without a thesis).

    `RequestRefused` for a folder that already holds a debate or a bad title or thesis.
    """
    folder = Path(directory)
    try:
        topic = check_topic_id(topic, "--topic")
        thesis = clean_text(thesis, "--thesis", multiline=True)
        title = clean_optional(title, "--title") or default_title(_name_of(folder))
        files = _files(folder, title, thesis, topic)
    except UsageError as error:
        raise RequestRefused.of(error) from None
    created = not folder.exists()
    if not dry_run:
        _write(folder, files)
    changes = tuple(_change(folder, rel, data, not dry_run) for rel, data in files)
    topic_made = topic if len(files) > 1 else None
    return Initialization(folder, created, changes, topic_made)


def _name_of(folder: Path) -> str:
    return folder.resolve().name or "debate"


def _files(folder: Path, title: str, thesis: str, topic: str) -> list[tuple[str, bytes]]:
    """The files to create, checked together as the debate they make."""
    existing = _existing(folder)
    files = [(DEBATE_FILE, debate_template(title, thesis).encode("utf-8"))]
    if not existing:
        files.append((f"{topic}.yaml", template(topic, default_title(topic)).encode("utf-8")))
    reading = read_folder(folder) if existing else Reading(folder, (), {})
    require_clean(check_reading(reading, changes=dict(files)), _("the new debate"))
    return files


def _existing(folder: Path) -> list[str]:
    """The argument files already in `folder`; refuses a folder that has a debate.yaml."""
    if not folder.exists():
        return []
    if not folder.is_dir():
        raise UsageError(
            _("'{path}' is not a folder", path=folder), _("give a new folder's name, or '.'")
        )
    found = [rel for _path, rel in iter_argument_files(folder)]
    if any(rel in DEBATE_FILE_NAMES for rel in found):
        raise UsageError(
            _("'{path}' already holds a debate (its debate.yaml)", path=folder),
            _(
                "see it with `agidebate show --dir {path}`; start a topic in it with "
                "`agidebate new TOPIC --dir {path}`",
                path=folder,
            ),
        )
    return found


def _write(folder: Path, files: list[tuple[str, bytes]]) -> None:
    """Create the folder and the files; on a failure, remove what this call created."""
    written: list[Path] = []
    with new_folder(folder) if not folder.exists() else contextlib.nullcontext():
        try:
            with folder_lock(folder):
                _existing(folder)  # another init may have finished meanwhile
                for rel, data in files:
                    create_file(folder, rel, data)
                    written.append(folder / rel)
        except BaseException:
            for path in written:
                with contextlib.suppress(OSError):
                    path.unlink()
            raise


def _change(folder: Path, rel: str, data: bytes, written: bool) -> Change:
    text = data.decode("utf-8")
    lines = text.count("\n")
    return Change(folder / rel, "", text, 1, lines, text.rstrip("\n"), True, written)
