"""Golden files: every text export of the small fixture debate, byte for byte.

Regenerate deliberately with `pytest --update-golden` and read the diff.
SVG and PNG are drawn by Graphviz, whose output changes between versions, so
they are checked for shape in test_dot.py instead.
"""

from __future__ import annotations

import pytest

from agidebate.export import FORMATS, ExportOptions, export
from agidebate.format.load import load_debate
from tests.conftest import REPO
from tests.export.conftest import SCORES, SMALL

GOLDEN = REPO / "tests" / "golden"
TEXT_FORMATS = [name for name, spec in FORMATS.items() if spec.function == "export"]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_export_matches_golden_file(fmt: str, update_golden: bool) -> None:
    spec = FORMATS[fmt]
    options = ExportOptions(scores=SCORES, semantics="test", folder=str(SMALL))
    output = export(load_debate(SMALL), fmt, options)
    data = output.encode("utf-8") if isinstance(output, str) else output
    own = spec.suffix.startswith(f".{fmt}.")  # .aif.json: bike-lane.aif.json
    suffix = spec.suffix[len(fmt) + 1 :] if own else spec.suffix
    path = GOLDEN / f"bike-lane.{fmt}{suffix}"
    if update_golden:
        path.write_bytes(data)
    assert path.exists(), f"{path} is missing: run pytest --update-golden"
    assert data == path.read_bytes(), f"{fmt} export changed: run pytest --update-golden and review"


def test_every_format_is_covered() -> None:
    assert set(TEXT_FORMATS) | {"svg", "png"} == set(FORMATS)
