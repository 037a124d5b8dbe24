"""Any text a user can give comes back exactly as given, whatever YAML style it needs."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agidebate.authoring import NewClaim, add_claim
from agidebate.authoring._fields import clean_text
from agidebate.errors import UsageError
from agidebate.format import nodes
from agidebate.format.emit import Field, Layout, block_item, block_value, flow_item
from agidebate.format.load import load_debate
from agidebate.model import Relation
from tests.authoring.conftest import BIKE_LANE

TRICKY = [
    "no", "yes", "on", "off", "null", "~", "12:30", "010", "0x1F", "2024-01-01", "1e35", ".5",
    "- a dash", "? a question", ": a colon", "a: b", "#hash", "a #b", "'quoted'", '"double"',
    "{braces}", "[brackets]", "&anchor", "*alias", "!tag", "%percent", "@at", "`tick", "|pipe",
    ">fold", "tab\there", "line one\nline two", "  indented\nfirst line", "trailing\n\n",
    "emoji 🚲 and 中文", "\u200fright-to-left mark", "x" * 300, ("word " * 60).strip(),
]  # fmt: skip


def read_claim(lines: list[str]) -> dict[str, str]:
    root = nodes.read("\n".join(lines) + "\n", "<test>").root
    assert isinstance(root, nodes.YSeq)
    item = root.items[0]
    assert isinstance(item, nodes.YMap)
    return {k: v.value for k, v in item.items.items() if isinstance(v, nodes.YScalar)}


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_reads_back_in_block_and_flow_style(text: str) -> None:
    fields = [Field("id", "x"), Field("text", text)]
    assert read_claim(block_item(fields, 2, Layout()))["text"] == text
    assert read_claim(["- " + flow_item(fields)])["text"] == text


def allowed(text: str) -> bool:
    try:
        return clean_text(text, "--text", multiline=True) == text
    except UsageError:
        return False


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300).filter(allowed), st.integers(0, 12))
def test_any_allowed_text_reads_back(text: str, dash: int) -> None:
    fields = [Field("id", "x"), Field("title", text[:40] or "t"), Field("text", text)]
    read = read_claim(
        block_item(fields, dash, Layout(seq_indent=dash % 3, item_offset=2 + dash % 3))
    )
    assert read["text"] == text
    assert read_claim(["- " + flow_item(fields)])["text"] == text
    assert block_value(text, 60)[0]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(min_size=1, max_size=120).filter(allowed),
    st.sampled_from(["few-cyclists", "parking-loss"]),
)
def test_any_allowed_text_survives_a_real_add(text: str, target: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "d"
        shutil.copytree(BIKE_LANE, folder)
        title = " ".join(text.split())[:30] or None
        added = add_claim(folder, NewClaim(target, Relation.SUPPORT, text, title=title))
        assert load_debate(folder).claims[added.claim.id].text == text
