"""The parts of a debate as JSON records: a cited work, a figure, a quote, translations,
a relation, an expectation. `export --format json` and every `--json` of
`query.records` describe them the same way. No rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from agidebate.model import Edge, Expect, Figure, Quote, Range, Source, Translations


def source_dict(source: Source) -> dict[str, Any]:
    return {
        "title": source.title,
        "url": source.url,
        "author": source.author,
        "year": source.year,
        "note": source.note,
        "i18n": translations(source.i18n),
    }


def figure_dict(figure: Figure) -> dict[str, Any]:
    return {
        "value": figure.value,
        "unit": figure.unit,
        "what": figure.what,
        "note": figure.note,
        "i18n": translations(figure.i18n),
    }


def quote_dict(quote: Quote) -> dict[str, Any]:
    return {"text": quote.text, "source": quote.source, "at": quote.at}


def translations(i18n: Translations) -> dict[str, dict[str, str]]:
    return {lang: dict(fields) for lang, fields in i18n.items()}


def edge_dict(edge: Edge) -> dict[str, Any]:
    """A relation: `target` is a claim id, or for an undercut the link it cuts."""
    cut = edge.cut_link
    return {
        "source": edge.source,
        "target": {"source": cut[0], "target": cut[1]} if cut else edge.target,
        "type": edge.relation.value,
        "impact": edge.impact,
        "editorial": edge.editorial,
        "note": edge.note,
    }


def range_list(expected: Range | None) -> list[float] | None:
    return [expected.low, expected.high] if expected is not None else None


def expect_dict(expect: Expect | None) -> dict[str, Any] | None:
    """An `expect:` block: `verdict`, each semantics by name, and `claims`."""
    if expect is None:
        return None
    data: dict[str, Any] = {"verdict": range_list(expect.verdict)}
    data.update((name, range_list(r)) for name, r in expect.semantics.items())
    data["claims"] = {cid: range_list(r) for cid, r in expect.claims.items()}
    return data
