"""What the export tests share: the fixture debates, fixed scores, the external tools."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from agidebate.export import ExportOptions, export
from agidebate.format.load import load_debate
from agidebate.model import Debate
from tests.conftest import BUNDLED, DATA, EXAMPLES, REPO, require_tool

SMALL = DATA / "valid" / "bike-lane"
HOSTILE = DATA / "exports" / "hostile"
COMPLETE = EXAMPLES / "complete"  # every field of the format (docs/format.md)
SCORES = {
    "thesis": 0.61,
    "fewer-injuries": 0.7234,
    "few-cyclists": 0.3,
    "latent-demand": 0.55,
    "parking-loss": 0.481,
}
LOCAL_ARGDOWN = REPO / ".ci" / "argdown" / "node_modules" / ".bin" / "argdown"
LOCAL_MERMAID = REPO / ".ci" / "mermaid" / "node_modules" / ".bin" / "mmdc"
PUPPETEER_CONFIG = REPO / ".ci" / "puppeteer.json"


def debates() -> list[Any]:
    """The bundled debate, the hostile fixture and the complete example of the format
    guide (every field: undercuts, impacts, summaries, quotes...), as pytest params."""
    return [
        pytest.param(BUNDLED, id="bundled"),
        pytest.param(HOSTILE, id="hostile"),
        pytest.param(COMPLETE, id="complete"),
    ]


def exported(folder: Path, fmt: str, scores: dict[str, float] | None = None) -> str:
    text = export(load_debate(folder), fmt, ExportOptions(scores=scores, folder=str(folder)))
    assert isinstance(text, str)
    return text


def loaded(folder: Path) -> Debate:
    return load_debate(folder)


def argdown_program() -> str:
    """The Argdown CLI: the one .ci/run installs, else one on PATH."""
    if LOCAL_ARGDOWN.exists():
        return str(LOCAL_ARGDOWN)
    return require_tool("argdown")


def argdown_json(source: str, tmp_path: Path) -> dict[str, Any]:
    """Run `argdown json` on `source`; fail on any syntax error; return its JSON."""
    program = argdown_program()
    file = tmp_path / "map.argdown"
    file.write_text(source, encoding="utf-8")
    out = tmp_path / "json"
    done = subprocess.run(
        [program, "json", str(file), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"},
    )
    messages = done.stdout + done.stderr
    assert done.returncode == 0, messages
    assert "error" not in messages.lower(), messages
    data: dict[str, Any] = json.loads((out / "map.json").read_text(encoding="utf-8"))
    return data


def dot_program() -> str:
    found = shutil.which("dot")
    return found if found else require_tool("dot")


def mermaid_program() -> str:
    """Mermaid's CLI (`mmdc`): the one .ci/run installs, else one on PATH. It needs
    Debian's chromium (never a browser of its own), named in .ci/puppeteer.json."""
    require_tool("chromium")
    if LOCAL_MERMAID.exists():
        return str(LOCAL_MERMAID)
    return require_tool("mmdc")


def mermaid_svg(source: str, tmp_path: Path) -> str:
    """Render Mermaid source with the real Mermaid CLI; fail on any error; the SVG."""
    program = mermaid_program()
    file = tmp_path / "map.mmd"
    file.write_text(source, encoding="utf-8")
    out = tmp_path / "map.svg"
    done = subprocess.run(
        [program, "--quiet", "-p", str(PUPPETEER_CONFIG), "-i", str(file), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out.read_text(encoding="utf-8")
