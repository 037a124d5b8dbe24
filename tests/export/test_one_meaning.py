"""Pro and con mean one thing in every output: the side a claim takes on the thesis, with
one palette and one set of glyphs; the relation to the parent is said apart, in words.
Kialo alone keeps its parent-relative Pro/Con, because the format requires it (issue 19,
item 6)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from agidebate.export import ExportOptions
from agidebate.export.to_html import page_data
from agidebate.model import Relation
from agidebate.palette import GLYPHS, PALETTE, WORDS
from agidebate.render import theme
from agidebate.text import relation_verb
from tests.conftest import BUNDLED, REPO, invoke
from tests.export.conftest import exported, loaded


def sides() -> dict[str, str]:
    debate = loaded(BUNDLED)
    return {c: debate.side_label(c) or "unlinked" for c in debate.claims}


def test_the_terminal_list_gives_each_claim_its_side() -> None:
    rows = invoke(["list", "--plain"]).stdout.splitlines()[1:]
    assert {row.split("\t")[0]: row.split("\t")[1] for row in rows} == {
        c: ("none" if s == "unlinked" else s) for c, s in sides().items()
    }


def test_markdown_gives_the_side_and_the_relation_in_words() -> None:
    debate = loaded(BUNDLED)
    text = exported(BUNDLED, "markdown")
    assert "**Pro**" not in text and "**Con**" not in text and "*Pro*" not in text
    found = re.findall(
        r'^\s*- \*\*(\S) (pro|con|thesis|root)\*\* · \*(supports|attacks)\* · <a id="([^"]+)">',
        text,
        re.M,
    )
    assert len(found) == len(debate.claims) - 1  # every claim but the thesis, once in full
    for glyph, side, verb, claim_id in found:
        assert (glyph, side) == (GLYPHS[sides()[claim_id]], sides()[claim_id]), claim_id
        edge = debate.parent_edge(claim_id)
        assert edge is not None and verb == relation_verb(edge.relation), claim_id


def test_al_01_reads_the_same_everywhere() -> None:
    """The claim the issue names: pro in the list, and pro (attacking) everywhere else."""
    debate = loaded(BUNDLED)
    assert debate.side_label("al-01") == "pro"
    edge = debate.parent_edge("al-01")
    assert edge is not None
    verb = relation_verb(edge.relation)
    markdown = exported(BUNDLED, "markdown")
    assert f'- **▲ pro** · *{verb}* · <a id="al-01">' in markdown
    data = page_data(debate, ExportOptions())
    claim = next(c for c in data["claims"] if c["id"] == "al-01")
    assert claim["side"] == "pro"
    dot = exported(BUNDLED, "dot")
    node = next(line for line in dot.splitlines() if line.strip().startswith('"al-01" ['))
    assert f'color="{PALETTE["pro"].line}"' in node and "▲" in node
    argdown = exported(BUNDLED, "argdown")
    assert re.search(r"#pro [^\n]*\{\"id\": \"al-01\"", argdown)
    kialo = exported(BUNDLED, "kialo")
    word = "Con:" if edge.relation is Relation.ATTACK else "Pro:"
    label = debate.claims["al-01"].text.splitlines()[0][:40]
    at = kialo.index(label)
    assert kialo[:at].rstrip().endswith(word), "Kialo keeps its parent-relative word"


def test_the_page_takes_its_glyphs_and_words_from_the_palette() -> None:
    debate = loaded(BUNDLED)
    assert page_data(debate, ExportOptions())["glyphs"] == GLYPHS
    script = (REPO / "agidebate" / "export" / "html" / "page.js").read_text(encoding="utf-8")
    assert "+ Pro" not in script and "− Con" not in script
    assert 'pro: "pro", con: "con"' in script
    assert "const GLYPH = data.glyphs" in script
    assert not re.search(r"const GLYPH = \{", script), "no second set of glyphs"


def test_the_terminal_takes_its_colours_and_glyphs_from_the_palette() -> None:
    for style, side in ((theme.PRO, "pro"), (theme.CON, "con"), (theme.ROOT, "thesis")):
        assert style.color is not None and style.color.triplet is not None
        assert style.color.triplet.hex == PALETTE[side].line
    assert (theme.UNICODE.pro, theme.UNICODE.con, theme.UNICODE.root) == (
        GLYPHS["pro"],
        GLYPHS["con"],
        GLYPHS["thesis"],
    )
    assert WORDS["pro"] == "pro" and WORDS["con"] == "con"


def test_json_and_graphml_carry_the_same_side(tmp_path: Path) -> None:
    data = json.loads(exported(BUNDLED, "json"))
    assert {c["id"]: c["side"] or "unlinked" for c in data["claims"]} == sides()
    graphml = exported(BUNDLED, "graphml")
    for claim_id, side in list(sides().items())[:20]:
        node = graphml[graphml.index(f'<node id="{claim_id}"') :]
        node = node[: node.index("</node>")]
        assert PALETTE[side].fill.upper() in node, claim_id
