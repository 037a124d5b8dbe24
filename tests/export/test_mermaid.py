"""Mermaid export: checked line by line against the flowchart grammar it uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agidebate.export.to_mermaid import escape
from tests.export.conftest import HOSTILE, debates, exported, loaded

LINE = re.compile(
    r"(\s*%%[^\n]*"
    r"|---|config:|  flowchart:|    wrappingWidth: \d+"
    r"|flowchart LR"
    r'|  subgraph (t\d+|legend)\["[^"\n]*"\]'
    r"|    direction (RL|TB)"
    r"|  end"
    r'|    (c|r)\d+\["[^"\n]*"\]:::(thesis|root|pro|con|unlinked|ref)'
    r'|    [cr]\d+p\(\(" "\)\):::cut'
    r'|    lg\d+\["[^"\n]*"\](:::(thesis|pro|con|ref))?'
    r'|    lg5\["a claim"\] -->\|supports\| lg6\["the claim it supports"\]'
    r'|    lg7\["a claim"\] -\.->\|attacks\| lg8\["the claim it attacks"\]'
    r"|    [cr]\d+p? (-->|-\.->|-\.-x|---|-\.-)(\|[^|\n\"]*\|)? [cr]\d+p?"
    r"|  t\d+ ~~~ t\d+"
    r"|  classDef (thesis|root|pro|con|unlinked|ref|cut) [a-z#0-9:,. -]+"
    r"|  linkStyle \d+(,\d+)* stroke:#[0-9a-f]{6},stroke-width:[0-9.]+px)\Z"
)


@pytest.mark.parametrize("folder", debates())
def test_every_line_is_valid_flowchart_syntax(folder: Path) -> None:
    text = exported(folder, "mermaid", dict.fromkeys(loaded(folder).claims, 0.5))
    for line in text.splitlines():
        assert LINE.match(line), line
    debate = loaded(folder)
    nodes = re.findall(r"^    (c\d+)\[", text, re.M)
    assert len(nodes) == len(set(nodes)) == len(debate.claims)  # each claim drawn in full once
    assert len(re.findall(r"^    [cr]\d+ -", text, re.M)) == len(debate.edges)


def test_labels_have_no_raw_syntax_characters() -> None:
    text = exported(HOSTILE, "mermaid")
    for label in re.findall(r'\["([^"]*)"\]', text):
        stripped = re.sub(r"#\d+;", "", label.replace("<br/>", ""))
        assert not set(stripped) & set('"#&<>;`|[]{}%\\'), label
    assert "c2[" in text and not re.search(r"\bend\[", text)  # never the keyword as a node id
    assert re.search(
        r"^  subgraph t\d+\[\"Topic end #124; with #35; and #60;b#62;bold#60;/b#62;\"\]$",
        text,
        re.M,
    )


def test_escape() -> None:
    assert escape('<script>"x"</script>') == "#60;script#62;#34;x#34;#60;/script#62;"
