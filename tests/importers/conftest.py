"""What the importer tests share: fixtures and SOURCES.md's own counts of the real files."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import DATA, SHARED, shared_dir

FIXTURES = DATA / "importers"


def sources_table(prefix: str) -> dict[Path, str]:
    """{path of a real file: its 'claims / statements' cell} from ../shared/external/SOURCES.md.

    Empty when ../shared is absent, so that tests parametrized over it at
    collection time are skipped cleanly instead of breaking the collection.
    """
    if not (SHARED / "external" / "SOURCES.md").exists():
        return {}
    external = shared_dir("external")
    text = (external / "SOURCES.md").read_text(encoding="utf-8")
    rows = re.findall(rf"^\| `({prefix}[^`]+)` \|(.*)$", text, re.M)
    table = {}
    for path, rest in rows:
        cells = [c.strip() for c in rest.split(" | ")]
        table[external / path] = cells[-2]
    return table


def count(cell: str, word: str) -> int:
    """The number before (or after) `word` in a counts cell: '644 claims, pro 277, ...'."""
    match = re.search(rf"(\d+) {word}\b|\b{word} (\d+)", cell)
    return int(next(g for g in match.groups() if g)) if match else 0
