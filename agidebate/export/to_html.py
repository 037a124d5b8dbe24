r"""HTML: one self-contained page to explore the debate in a browser.

The page is a template with its CSS and JavaScript inlined (no network access,
no CDN). The debate goes in as JSON inside `<script type="application/json">`
with every `<`, `>`, `&`, U+2028 and U+2029 escaped, and the script builds the
page from it with `createElement`/`textContent` only, so claim text is data,
never markup. A Content-Security-Policy allows exactly the inlined script and
style (by hash) and nothing else: no requests, no other scripts, no forms.

>>> from agidebate.model import Claim, Debate
>>> page = export(Debate(claims={"t": Claim("t", "</script><b>")}, thesis="t"), ExportOptions())
>>> "</script><b>" in page, "\\u003c/script\\u003e\\u003cb\\u003e" in page
(False, True)
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, assert_never
from urllib.parse import urlsplit

from agidebate._version import __version__
from agidebate.errors import Problem
from agidebate.export import ExportOptions
from agidebate.export.overview import layout as sunburst
from agidebate.export.overview import layout_json
from agidebate.export.weighings import weighings_json
from agidebate.model import Claim, Debate, Edge, Quote, Relation, Side, Source
from agidebate.palette import GLYPHS, css_variables
from agidebate.text import claim_marks, link_marks

STYLES = ("page.css", "overview.css")
SCRIPTS = ("overview.js", "weigh.js", "page.js")
ASSETS = ("page.html", *STYLES, *SCRIPTS)
_SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"'`\\]+", re.IGNORECASE)
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_SLOT = re.compile(r"\{\{(\w+)\}\}")
_UNREACHABLE = 1 << 62


def safe_url(url: str | None) -> str | None:
    """`url` if it is an absolute http(s) URL that is safe to put in `href`, else None.

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)")
    ('https://example.org/a?b=1', None)
    """
    if url is None or not _SAFE_URL.fullmatch(url):
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return url if host else None


def embed_json(data: Any) -> str:
    r"""`data` as JSON that cannot end or confuse the `<script>` element it sits in.

    >>> embed_json({"a": "</script>\u2028"})
    '{"a":"\\u003c/script\\u003e\\u2028"}'
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where each claim is shown in full: once, under one parent (a claim reached twice
    is a link elsewhere).

    `roots` are the thesis (or the roots of a debate without one); `orphans` are the
    tops of the trees of claims that reach no root; `parent` maps every other claim
    to the relation under whose target it is shown in full.
    """

    roots: tuple[str, ...]
    orphans: tuple[str, ...]
    parent: Mapping[str, Edge]

    def is_full(self, edge: Edge) -> bool:
        """Whether `edge.source` is shown in full by this relation (under `edge.upstream`)."""
        return self.parent.get(edge.source) == edge


def placement(debate: Debate) -> Placement:
    """Reachable claims sit on their shortest path to the thesis (`Debate.parent_edge`);
    the rest hang, breadth first, under claims that target nothing, then under the first
    claim of each remaining cycle. Linear in claims plus relations.
    """
    parent = {cid: e for cid in debate.claims if (e := debate.parent_edge(cid)) is not None}
    placed = {cid for cid in debate.claims if debate.is_reachable(cid)}
    orphans: list[str] = []
    loose = [cid for cid in debate.claims if cid not in placed]
    for candidates in ([c for c in loose if not debate.targets(c)], loose):
        for top in candidates:
            if top in placed:
                continue
            orphans.append(top)
            placed.add(top)
            queue = deque([top])
            while queue:
                for edge in debate.below(queue.popleft()):
                    if edge.source not in placed:
                        placed.add(edge.source)
                        parent[edge.source] = edge
                        queue.append(edge.source)
    return Placement(roots=tuple(debate.roots), orphans=tuple(orphans), parent=parent)


def _score(scores: Mapping[str, float | None] | None, claim_id: str) -> float | None:
    value = None if scores is None else scores.get(claim_id)
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), 4)


def _source(source: Source) -> dict[str, Any]:
    url = safe_url(source.url)
    label = source.label
    return {
        "label": label,
        "url": url,
        "rawUrl": source.url if source.url and url is None and source.url != label else None,
        "note": source.note,
    }


def figure_value(value: int | float | str) -> str:
    """A figure's value for reading: 1e35 for 1.0e+35, 100,000 for 100000 (not 2,024).

    >>> figure_value(1.0e35), figure_value(100000), figure_value(2024), figure_value("~2026")
    ('1e35', '100,000', '2024', '~2026')
    """
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    return f"{value:g}".replace("e+", "e")


def _claim(
    debate: Debate, claim: Claim, layout: Placement, scores: Mapping[str, float | None] | None
) -> dict[str, Any]:
    return {
        "id": claim.id,
        "title": claim.title,
        "text": claim.text,
        "by": claim.by,
        "side": debate.side_label(claim.id),
        "topic": claim.topic,
        "score": _score(scores, claim.id),
        "sources": [_source(s) for s in claim.sources],
        "figures": [
            {"value": figure_value(f.value), "unit": f.unit, "what": f.what, "note": f.note}
            for f in claim.figures
        ],
        "tags": list(claim.tags),
        "i18n": {
            lang: {k: v for k, v in fields.items() if k in ("title", "text", "note")}
            for lang, fields in claim.i18n.items()
        },
        "marks": claim_marks(claim),
        "note": claim.note,
        "date": claim.date,
        "quotes": [_quote(claim, q) for q in claim.quotes],
        # [id, relation, shown in full here, the link's badges, its note] and, for an
        # undercut, the cut link's target
        "kids": [
            [e.source, _kind(e.relation), layout.is_full(e), link_marks(e), e.note]
            + ([e.target] if e.cut_link else [])
            for e in sorted(debate.below(claim.id), key=lambda e: e.cut_link is None)
        ],
    }


def _quote(claim: Claim, quote: Quote) -> dict[str, Any]:
    """A quote with the label of its source, as the card shows it."""
    source = claim.sources[quote.source - 1].label if quote.source else None
    return {"text": quote.text, "source": source, "at": quote.at}


def _balance(debate: Debate, scores: Mapping[str, float | None] | None) -> list[dict[str, Any]]:
    """Each topic's pro and con claims (how many, their summed scores) and the claim
    nearest the thesis, to open the topic at."""
    rows: dict[str, dict[str, Any]] = {
        tid: {"id": tid, "title": t.title, "summary": t.summary, "first": None}
        | {"pro": 0, "con": 0, "proScore": 0.0, "conScore": 0.0}
        for tid, t in debate.topics.items()
    }
    nearest: dict[str, int] = {}
    for claim in debate:
        if claim.topic not in rows:
            continue
        row = rows[claim.topic]
        depth = debate.depth(claim.id)
        rank = _UNREACHABLE if depth is None else depth
        if rank < nearest.get(claim.topic, _UNREACHABLE + 1):
            nearest[claim.topic] = rank
            row["first"] = claim.id
        side = debate.side(claim.id)
        if side is not None:
            row[side.value] += 1
            row[side.value + "Score"] += _score(scores, claim.id) or 0.0
    for row in rows.values():
        row["proScore"], row["conScore"] = round(row["proScore"], 4), round(row["conScore"], 4)
    return list(rows.values())


def page_data(debate: Debate, options: ExportOptions) -> dict[str, Any]:
    """Everything the page shows, as JSON-ready data (claims in file order)."""
    layout = placement(debate)
    scores: Mapping[str, float | None] | None = options.scores
    languages = sorted({lang for claim in debate for lang in claim.i18n})
    thesis = debate.claims.get(debate.thesis) if debate.thesis else None
    data: dict[str, Any] = _visible(
        {
            "generator": f"agidebate {__version__}",
            "glyphs": dict(GLYPHS),
            "title": debate.title or (thesis.label if thesis else None),
            "summary": debate.summary,
            "thesis": debate.thesis,
            "roots": list(layout.roots),
            "orphans": list(layout.orphans),
            "scored": scores is not None,
            "semantics": options.semantics if scores is not None else None,
            "languages": languages,
            "lang": options.lang if options.lang in languages else None,
            "sides": {
                side.value: sum(1 for c in debate if debate.side(c.id) is side) for side in Side
            },
            "topics": _balance(debate, scores),
            "claims": [_claim(debate, claim, layout, scores) for claim in debate],
        }
    )
    # Big arrays of numbers: only their strings go through _visible.
    data["overview"] = layout_json(sunburst(debate, layout), name=_visible)
    data["weighings"] = None
    if options.weighings is not None:
        data["weighings"] = weighings_json(
            options.weighings, list(debate.claims), list(debate.topics), text=_visible
        )
    return data


def problems_data(title: str | None, problems: Sequence[Problem]) -> dict[str, Any]:
    """What the page shows instead of a map when the debate cannot be read (`serve`)."""
    rows = [
        {
            "where": str(p.location) if p.location is not None else "",
            "severity": p.severity.value,
            "message": p.message,
            "hint": p.hint,
        }
        for p in problems
    ]
    empty: dict[str, Any] = {"claims": [], "topics": [], "roots": [], "orphans": []}
    data: dict[str, Any] = _visible(
        {"generator": f"agidebate {__version__}", "title": title, "problems": rows} | empty
    )
    return data


def served_page(data: Mapping[str, Any], version: int) -> str:
    """The page as `agidebate serve` sends it: build `version`, with the live reload
    (`html/live.js`) that may connect back to the server and nowhere else."""
    return render_page({**data, "live": {"version": version}}, _asset("live.js"), connect=True)


def _visible(data: Any) -> Any:
    """Every string with control and bidi-override characters shown as escapes.

    `textContent` keeps markup inert, but a browser still obeys U+202E and its
    kin, which can reorder what a reader sees; the terminal views and every
    text export show them as visible escapes, and so does the page.
    """
    from agidebate.text import inert

    if isinstance(data, str):
        return inert(data)
    if isinstance(data, dict):
        return {key: _visible(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_visible(item) for item in data]
    return data


def _asset(name: str) -> str:
    return (resources.files("agidebate.export") / "html" / name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def content_security_policy(script: str, style: str) -> str:
    """A policy that runs only `script`, applies only `style`, and loads nothing.

    It holds no `"`, so it sits in a double-quoted attribute as it is.
    """
    return (
        f"default-src 'none'; script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def export(debate: Debate, options: ExportOptions) -> str:
    """The debate as one self-contained HTML page."""
    return render_page(page_data(debate, options))


def render_page(data: Mapping[str, Any], extra_script: str = "", connect: bool = False) -> str:
    """The page for `data` (`page_data`, or a `problems` list to show instead of a map).

    `extra_script` is appended to the page's script (`serve` adds its live reload);
    `connect` lets the page talk to the server it came from, and nothing else.
    """
    template = _asset("page.html")
    style = css_variables() + "".join(_asset(name) for name in STYLES)
    script = "".join(_asset(name) for name in SCRIPTS) + extra_script
    policy = content_security_policy(script, style)
    if connect:
        policy += "; connect-src 'self'"
    slots = {
        "title": html.escape(data["title"] or "Debate map"),
        "csp": html.escape(policy, quote=False),
        "generator": html.escape(data["generator"]),
        "style": style,
        "script": script,
        "data": embed_json(data),
    }
    # One pass over the template: text put into a slot is never searched for slots.
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def _kind(relation: Relation) -> str:
    """The relation as html/page.js draws it (a badge and a colour per kind)."""
    match relation:
        case Relation.SUPPORT:
            return "support"
        case Relation.ATTACK:
            return "attack"
        case Relation.UNDERCUT:
            return "undercut"
        case _:
            assert_never(relation)
