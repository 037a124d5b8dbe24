"""How `agidebate test` prints: one row per expectation, then whether they all hold."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agidebate.i18n import _, ngettext, pgettext
from agidebate.render import theme
from agidebate.render.page import Page
from agidebate.scoring import DEFAULT_SEMANTICS
from agidebate.scoring.expectations import NO_CLAIM, NO_SEMANTICS, NO_THESIS
from agidebate.text import inert

if TYPE_CHECKING:
    from agidebate.scoring.expectations import Row


def render_expectations(page: Page, rows: list[Row]) -> None:
    """The table of expectations and the verdict on them."""
    if not rows:
        page.para(
            _(
                "Nothing to test: neither debate.yaml nor any perspective has `expect:`. Add "
                "e.g. `expect: {verdict: [0.6, 0.8]}` to a perspective file (docs/format.md)."
            ),
            indent=0,
        )
        return
    headers = [
        pgettext("column", "perspective"),
        pgettext("column", "what"),
        pgettext("column", "expected"),
        pgettext("column", "got"),
        pgettext("column", "ok"),
        pgettext("column", "where"),
    ]
    page.table(headers, [_row(page, row) for row in rows], {2, 3}, indent=0)
    page.add()
    failed = sum(1 for row in rows if not row.ok)
    if failed:
        mark = "✗ " if page.glyphs else "FAILED: "
        line = ngettext(
            "{failed} of {n} expectation fails.",
            "{failed} of {n} expectations fail.",
            len(rows),
            failed=failed,
        )
        page.add(mark + line, theme.ERROR)
    else:
        mark = "✓ " if page.glyphs else "ok: "
        line = ngettext("The {n} expectation holds.", "All {n} expectations hold.", len(rows))
        page.add(mark + line, theme.STRONG)


def what(row: Row) -> str:
    """What is expected, in words: the verdict, under which semantics, or a claim."""
    if row.claim is not None:
        return _("claim {id}", id=row.claim)
    if row.semantics == DEFAULT_SEMANTICS:
        return _("verdict")
    return _("verdict under {semantics}", semantics=row.semantics)


def _row(page: Page, row: Row) -> list[str]:
    got = f"{row.got:.3f}" if row.got is not None else "-"
    ok = _("yes") if row.ok else _problem(row) or _("no")
    return [
        inert(row.perspective, newlines=False),
        inert(what(row), newlines=False),
        f"{row.expected.low:g}-{row.expected.high:g}",
        got,
        ok,
        inert(str(row.location), newlines=False) if row.location is not None else "",
    ]


def _problem(row: Row) -> str | None:
    if row.problem == NO_SEMANTICS:
        return _("no: no semantics {name!r}", name=row.semantics)
    if row.problem == NO_CLAIM:
        return _("no: no such claim")
    if row.problem == NO_THESIS:
        return _("no: the debate has no thesis")
    return None
