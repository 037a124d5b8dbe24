"""Views of the reading commands besides `show`: list, search, path, sources, stats."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from agidebate.i18n import _, ngettext
from agidebate.model import Debate
from agidebate.query.citations import CitedWork
from agidebate.query.paths import ClaimPath
from agidebate.query.search import SearchHit, query_terms
from agidebate.query.stats import DebateStats
from agidebate.render import theme
from agidebate.render.lines import Block, Para, labelled, paragraph
from agidebate.render.table import PlainTable
from agidebate.render.theme import Glyphs
from agidebate.render.tree import badges, claim_title, quote_lines
from agidebate.render.works import work_text
from agidebate.text import (
    agree,
    aim,
    claim_marks,
    format_score,
    inert,
    link_marks,
    plural,
    relation_verb,
    shown_mark,
    side_word,
)


def side_cell(debate: Debate, claim_id: str, glyphs: Glyphs) -> Text:
    """`▼ con` for a claim, `◆ thesis` for the thesis, `- none` for one that reaches nothing."""
    label = debate.side_label(claim_id)
    side = debate.side(claim_id)
    if label is None:
        return Text(f"{glyphs.ellipsis} none", style=theme.META)
    return Text(f"{theme.side_glyph(glyphs, side)} {label}", style=theme.side_style(side))


def _title_and_author(
    debate: Debate, claim_id: str, lang: str | None, glyphs: Glyphs, quotes: bool = False
) -> Text:
    claim = debate.claims[claim_id]
    line = claim_title(claim, lang)
    line.append_text(badges(claim_marks(claim)))
    if claim.by:
        line.append(glyphs.dot + inert(claim.by, newlines=False), style=theme.META)
    for quote in quote_lines(claim) if quotes else []:
        line.append("\n")
        line.append_text(quote)
    return line


def _marked(text: Text, terms: Sequence[str]) -> Text:
    for term in terms:
        text.highlight_words([term], theme.MATCH, case_sensitive=False)
    return text


def _hit_line(
    debate: Debate,
    claim_id: str,
    scores: Mapping[str, float] | None,
    lang: str | None,
    glyphs: Glyphs,
    terms: Sequence[str] = (),
) -> tuple[Text, Text]:
    """A claim as a title and a quiet tail: `id · author · score`."""
    claim = debate.claims[claim_id]
    meta = Text(inert(claim_id, newlines=False), style=theme.META)
    if claim.by:
        meta.append(glyphs.dot + inert(claim.by, newlines=False))
    score = format_score(scores, claim_id)
    if score is not None:
        meta.append(glyphs.dot)
        meta.append(score, style=theme.SCORE)
    title = claim_title(claim, lang)
    title.append_text(badges(claim_marks(claim)))
    return _marked(title, terms), _marked(meta, terms)


MARK_WIDTH = 10


def _side_prefix(debate: Debate, claim_id: str, glyphs: Glyphs) -> Text:
    mark = side_cell(debate, claim_id, glyphs)
    mark.append(" " * (MARK_WIDTH - mark.cell_len))
    return mark


def claims_table(
    debate: Debate,
    claim_ids: Sequence[str],
    scores: Mapping[str, float] | None,
    lang: str | None,
    glyphs: Glyphs,
    quotes: bool = False,
) -> RenderableType:
    """One line per claim: id, side, depth, score, title and author (and its quotes)."""
    headers = ["id", "side", "depth", *(["score"] if scores is not None else []), "title"]

    def fixed(cid: str) -> list[Text]:
        depth = debate.depth(cid)
        cells = [
            Text(inert(cid, newlines=False)),
            side_cell(debate, cid, glyphs),
            Text("-" if depth is None else str(depth)),
        ]
        if scores is not None:
            cells.append(Text(format_score(scores, cid) or "-", style=theme.SCORE))
        return cells

    def last(cid: str) -> Text:
        return _title_and_author(debate, cid, lang, glyphs, quotes)

    return PlainTable(headers, claim_ids, fixed, last, right=frozenset({2, 3}))


def claims_tsv(
    debate: Debate,
    claim_ids: Sequence[str],
    scores: Mapping[str, float] | None,
    lang: str | None,
    quotes: bool = False,
) -> Iterator[str]:
    """The claims as tab-separated lines after a header: id, side, depth, score (when
    given), title (with its badges) and author, and with `quotes` the claim's quotes
    joined by ` | `: one line each whatever the text (tabs and line breaks in it become
    spaces), for grep, cut and awk. The column names are not translated."""
    score_column = ["score"] if scores is not None else []
    yield "\t".join(["id", "side", "depth", *score_column, "title", "by", *(["quotes"] * quotes)])
    for cid in claim_ids:
        claim = debate.claims[cid]
        depth = debate.depth(cid)
        cells = [cid, debate.side_label(cid) or "none", "-" if depth is None else str(depth)]
        if scores is not None:
            cells.append(format_score(scores, cid) or "-")
        title = claim_title(claim, lang)
        title.append_text(badges(claim_marks(claim)))
        cells += [title.plain, claim.by or ""]
        if quotes:
            cells.append(" | ".join(line.plain for line in quote_lines(claim)))
        yield "\t".join(inert(cell, newlines=False) for cell in cells)


def chain_text(chain: ClaimPath, glyphs: Glyphs) -> Text:
    """`dw-16 attacks dw-07 supports dw-02 ... thesis` on one line."""
    line = Text(inert(chain.claim_id, newlines=False))
    for edge in chain.steps:
        line.append(f" {relation_verb(edge.relation)} ", style=theme.META)
        cut = edge.cut_link
        if cut is not None:  # the chain goes on from the cut link's source
            line.append(inert(f"[{cut[0]} {glyphs.arrow} {cut[1]}]", newlines=False))
            line.append(", ", style=theme.META)
        line.append(inert(edge.upstream, newlines=False))
    if chain.elided:
        more = f"{chain.elided:,} more step{'s' * (chain.elided != 1)}"
        line.append(f" {glyphs.ellipsis} {more} {glyphs.ellipsis} ", style=theme.META)
        line.append(inert(chain.end, newlines=False))
    elif chain.steps and not chain.reaches_root:
        line.append(f" {glyphs.ellipsis} (reaches no thesis)", style=theme.META)
    return line


def search_results(
    debate: Debate,
    query: str,
    hits: Sequence[SearchHit],
    paths: Sequence[ClaimPath],
    scores: Mapping[str, float] | None,
    lang: str | None,
    glyphs: Glyphs,
    quotes: bool = False,
) -> RenderableType:
    """Each hit: side, title and who argues it; its chain to the thesis; where it matched;
    its quotes (with `quotes`)."""
    terms = query_terms(query)
    matches = agree(len(hits), "matches", "match")
    head = Text(f"{plural(len(hits), 'claim')} {matches} ", style=theme.META)
    head.append(inert(query, newlines=False), style=theme.TITLE)
    if not hits:
        return paragraph(head)
    paras = (
        para
        for index, (hit, chain) in enumerate(zip(hits, paths, strict=True))
        for para in _hit_paras(debate, hit, chain, (scores, lang, glyphs, quotes), terms, index > 0)
    )
    return Group(paragraph(head), Text(), Block(paras))


_Look = tuple[Mapping[str, float] | None, str | None, Glyphs, bool]  # scores, lang, glyphs, quotes


def _hit_paras(
    debate: Debate,
    hit: SearchHit,
    chain: ClaimPath,
    look: _Look,
    terms: Sequence[str],
    after_another: bool,
) -> Iterator[Para]:
    scores, lang, glyphs, quotes = look
    indent = " " * MARK_WIDTH
    if after_another:
        yield Para("", "", Text())
    head, tail = _hit_line(debate, hit.claim_id, scores, lang, glyphs, terms)
    yield Para(_side_prefix(debate, hit.claim_id, glyphs), indent, head, tail)
    yield Para(indent + "path  ", indent + " " * 6, chain_text(chain, glyphs))
    if hit.snippet is not None:
        field, snippet = hit.snippet
        first = indent + f"{field:<6}" if len(field) < 6 else indent + field + " "
        yield Para(first, indent + " " * 6, _marked(Text(inert(snippet)), terms))
    for quote in quote_lines(debate.claims[hit.claim_id]) if quotes else []:
        yield Para(indent + "quote ", indent + " " * 6, _marked(quote, terms))


def path_view(
    chain: ClaimPath,
    scores: Mapping[str, float] | None,
    lang: str | None,
    glyphs: Glyphs,
    quotes: bool = False,
) -> RenderableType:
    """The chain upward, one claim per step with who argues it (and its quotes), and why it
    counts as it does."""
    debate = chain.debate
    ids = [chain.claim_id, *(e.upstream for e in chain.steps)]
    indent = " " * MARK_WIDTH
    paras: list[Para] = []
    for index, cid in enumerate(ids):
        head, tail = _hit_line(debate, cid, scores, lang, glyphs)
        paras.append(Para(_side_prefix(debate, cid, glyphs), indent, head, tail))
        quoted = quote_lines(debate.claims[cid]) if quotes else []
        paras += [Para(indent, indent, line) for line in quoted]
        if index < len(chain.steps):
            step = chain.steps[index]
            words = Text(relation_verb(step.relation), style=theme.META)
            if step.cut_link is not None:
                source, target = step.cut_link
                the_link = _(
                    "the link {source} {arrow} {target}",
                    source=source,
                    arrow=glyphs.arrow,
                    target=target,
                )
                words.append(" " + the_link, style=theme.META)
            marks = link_marks(step)
            if marks:
                words.append(f" ({', '.join(shown_mark(m) for m in marks)})", style=theme.BADGE)
            paras.append(Para(f"  {glyphs.pipe[:1]} ", "", words))
    parts: list[RenderableType] = [Block(paras), Text()]
    parts.append(paragraph(Text(inert(chain.because()))))
    for edge, side in zip(chain.other_relations, chain.sides_via_others, strict=True):
        note = f"Also {relation_verb(edge.relation)} {aim(edge)}"
        other_root = debate.root_of(edge.upstream)
        if side is not None:
            note += f" (which makes it {side_word(side)} on that path)"
        elif other_root is not None and other_root != debate.root_of(chain.claim_id):
            note += f" (in the tree of root {other_root}, where sides are counted apart)"
        parts.append(paragraph(Text(inert(note) + ".", style=theme.META)))
    if chain.both_sides:
        both = "Its relations put it on both sides; the shortest path decides."
        parts.append(paragraph(Text(both, style=theme.HINT)))
    return Group(*parts)


def sources_view(works: Sequence[CitedWork], claims: int) -> RenderableType:
    """Every work, then the claims that cite it; `claims` is how many claims were looked at."""
    if not works:
        none = ngettext(
            "The {n:,} claim shown cites no source.",
            "None of the {n:,} claims shown cites a source.",
            claims,
        )
        return paragraph(Text(none, style=theme.META))
    citing = len({cid for work in works for cid in work.cited_by})
    head = Text(
        f"{plural(len(works), 'work')} cited by {citing:,} of {plural(claims, 'claim')}",
        style=theme.META,
    )
    width = len(f"[{len(works)}]") + 1
    return Group(
        paragraph(head),
        Text(),
        Block(
            Para(f"[{number}]".rjust(width - 1) + " ", " " * width, _work_entry(work))
            for number, work in enumerate(works, start=1)
        ),
    )


def _work_entry(work: CitedWork) -> Text:
    body = work_text(work.source)
    body.append(f"\ncited by {plural(len(work.cited_by), 'claim')}: ", style=theme.META)
    body.append(inert(", ".join(work.cited_by)))
    return body


def _percent(pro: int, con: int) -> str:
    sided = pro + con
    return f"{round(100 * pro / sided)}%" if sided else "-"


def stats_view(stats: DebateStats, glyphs: Glyphs) -> RenderableType:
    """The debate in numbers: size, balance, depth, topics, loose ends."""
    facts: list[tuple[str, Text]] = [
        (
            "claims",
            Text(
                f"{stats.claims:,} in {plural(len(stats.topics), 'topic')}, "
                f"{stats.relations:,} relations ({stats.supports:,} supports, "
                f"{stats.attacks:,} attacks)"
            ),
        ),
        ("balance", _balance(stats.pro, stats.con, glyphs)),
        ("top level", _balance(stats.top_pro, stats.top_con, glyphs)),
        ("depth", Text(_depths(stats))),
        (
            "sources",
            Text(
                ngettext("{n:,} distinct work", "{n:,} distinct works", stats.works)
                + "; "
                + ngettext("{n:,} claim cites none", "{n:,} claims cite none", stats.unsourced)
            ),
        ),
        ("unanswered", Text(f"{plural(stats.unanswered, 'claim')} with no reply yet")),
        ("multi-target", Text(f"{plural(stats.several_targets, 'claim')} answering several")),
        ("orphans", _id_list(stats.unreachable, f"every claim reaches {_anchor(stats)}")),
        ("both sides", _id_list(stats.both_sides, "no claim counts both ways")),
    ]
    rows = [
        [
            Text(inert(topic.id, newlines=False)),
            Text(str(topic.claims)),
            Text(str(topic.pro), style=theme.PRO),
            Text(str(topic.con), style=theme.CON),
            Text(_percent(topic.pro, topic.con)),
            Text(str(topic.max_depth)),
            Text(inert(topic.title or "", newlines=False)),
        ]
        for topic in stats.topics
    ]
    table = PlainTable(
        ["topic", "claims", "pro", "con", "pro%", "depth", "title"],
        rows,
        lambda row: row[:-1],
        lambda row: row[-1],
        right=frozenset({1, 2, 3, 4, 5}),
    )
    if not rows:
        return Group(labelled(facts), Text(), Text(_("No topics yet."), style=theme.META))
    return Group(labelled(facts), Text(), table)


def _balance(pro: int, con: int, glyphs: Glyphs) -> Text:
    line = Text()
    line.append(f"{glyphs.pro} {pro:,} pro", style=theme.PRO)
    line.append(" / ")
    line.append(f"{glyphs.con} {con:,} con", style=theme.CON)
    if pro + con:
        line.append(f"  ({_percent(pro, con)} pro)", style=theme.META)
    return line


def _depths(stats: DebateStats) -> str:
    levels = ", ".join(f"{level}: {count}" for level, count in stats.depths.items() if level)
    if not levels:
        if stats.has_thesis:
            return _("no claim below the thesis yet")
        return _("no claim below a root yet")
    below = "the thesis" if stats.has_thesis else "the roots"
    return f"{plural(stats.max_depth, 'level')} below {below} (claims per level {levels})"


def _anchor(stats: DebateStats) -> str:
    return "the thesis" if stats.has_thesis else "a root"


def _id_list(ids: Sequence[str], none: str) -> Text:
    if not ids:
        return Text(none, style=theme.META)
    return Text(f"{len(ids)}: " + inert(", ".join(ids)), style=theme.HINT)


__all__ = [
    "chain_text",
    "claims_table",
    "claims_tsv",
    "path_view",
    "search_results",
    "side_cell",
    "sources_view",
    "stats_view",
]
