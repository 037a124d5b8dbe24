"""Mermaid export: checked line by line against the flowchart grammar it uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agidebate.export.to_mermaid import escape
from tests.export.conftest import HOSTILE, debates, exported, loaded

LINE = re.compile(
    r"(\s*%%[^\n]*"
    r"|flowchart BT"
    r'|  subgraph t\d+\["[^"\n]*"\]'
    r"|  end"
    r'|\s+c\d+\["[^"\n]*"\]'
    r"|  c\d+ (-->\|supports\||-\.->\|attacks\|) c\d+"
    r"|  classDef (thesis|root|pro|con) [a-z#0-9:,-]+"
    r"|  class c\d+(,c\d+)* (thesis|root|pro|con))\Z"
)


@pytest.mark.parametrize("folder", debates())
def test_every_line_is_valid_flowchart_syntax(folder: Path) -> None:
    text = exported(folder, "mermaid", dict.fromkeys(loaded(folder).claims, 0.5))
    for line in text.splitlines():
        assert LINE.match(line), line
    debate = loaded(folder)
    nodes = re.findall(r'^\s+(c\d+)\["', text, re.M)
    assert len(nodes) == len(set(nodes)) == len(debate.claims)
    assert len(re.findall(r"^  c\d+ -", text, re.M)) == len(debate.edges)


def test_labels_have_no_raw_syntax_characters() -> None:
    text = exported(HOSTILE, "mermaid")
    for label in re.findall(r'\["(.*)"\]$', text, re.M):
        stripped = re.sub(r"#\d+;", "", label.replace("<br/>", ""))
        assert not set(stripped) & set('"#&<>;`|[]{}%\\'), label
    assert "c2[" in text and "end[" not in text


def test_escape() -> None:
    assert escape('<script>"x"</script>') == "#60;script#62;#34;x#34;#60;/script#62;"
