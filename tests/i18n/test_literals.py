"""No user-facing text bypasses the catalog (but the list phase two of issue 18 empties),
and every translation call can be filled."""

from __future__ import annotations

import textwrap
from collections import Counter
from pathlib import Path

import pytest

from tests.i18n import literals
from tests.i18n.literals import ALLOWLIST, all_misuses, allowlist, compare


def test_no_new_user_facing_literal_bypasses_the_catalog() -> None:
    new, _gone = compare()
    assert [f"{b.path}:{b.line}: {b.text}" for b in new] == [], (
        "wrap these in _() (or ngettext, pgettext; N_ for help texts), then run "
        "`python -m tests.i18n.catalog` and translate them (docs/i18n.md)"
    )


def test_the_allowlist_names_only_literals_that_are_still_there() -> None:
    _new, gone = compare()
    assert gone == [], (
        f"these are translated or gone: delete their lines from {ALLOWLIST.name} "
        "(python -m tests.i18n.literals --prune)"
    )


def test_the_allowlist_only_shrinks_from_here() -> None:
    """Phase two of issue 18 empties it; nothing in it may be a translated message."""
    entries = allowlist()
    assert all(": " in entry for entry in entries)
    assert not any("_(" in entry.split(": ", 1)[1][:3] for entry in entries)


def test_every_translation_call_can_be_filled() -> None:
    assert [f"{m.where}: {m.problem}" for m in all_misuses()] == []


def scan_source(tmp_path: Path, source: str) -> list[str]:
    path = tmp_path / "module.py"
    path.write_text(textwrap.dedent(source) + "\n", encoding="utf-8")
    return sorted(bare.text for bare in literals.scan(path))


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ('page.add("Claims by strength", theme.STRONG)', ["'Claims by strength'"]),
        ('page.add(_("Claims by strength"), theme.STRONG)', []),
        ('out.print(Text(f"No claim matches {x}.", style="bold"))', ["f'No claim matches {x}.'"]),
        ('page.add(f"{value:.2f}  {name}")', []),  # no words: numbers and names
        (
            'raise UsageError("no such id", hint="try `agidebate list`")',
            ["'no such id'", "'try `agidebate list`'"],
        ),
        (
            'typer.Option("--top", "-n", metavar="N", help="How many claims.")',
            ["'How many claims.'"],
        ),
        ('typer.Option("--top", help=N_("How many claims."))', []),
        (
            'self.error("unknown-field", f"unknown field {key!r}", node)',
            ["f'unknown field {key!r}'"],
        ),
        ('seen.add("pro")', []),  # a set, not a page
        ('line.append("hint: ", style=theme.ASIDE)', ["'hint: '"]),
        ('items.append("hint")', []),  # a list
        ('typer.echo(f"agidebate {__version__}")  # i18n: verbatim', []),
        ('page.table(["score", pgettext("column", "id")], rows, {0})', ["'score'"]),
        ('sys.stderr.write("interrupted\\n")', ["'interrupted\\n'"]),
    ],
)
def test_the_lint_finds_bare_text_where_readers_see_it(
    tmp_path: Path, source: str, found: list[str]
) -> None:
    assert scan_source(tmp_path, source) == sorted(found)


def test_a_hint_function_s_returns_are_hint_text(tmp_path: Path) -> None:
    path = tmp_path / "module.py"
    path.write_text('def _syntax_hint(p):\n    return "use spaces, not tabs"\n', encoding="utf-8")
    assert [b.text for b in literals.scan(path)] == ["'use spaces, not tabs'"]


@pytest.mark.parametrize(
    ("source", "problems"),
    [
        ('_("Set: {values}.", values=v)', 0),
        ('_("Set: {values}.", value=v)', 1),  # a typo: would fail when shown
        ('_(f"Set: {values}.")', 1),  # the catalog cannot hold a formatted string
        ('_("Set: " + values)', 1),
        ('ngettext("{n} claim", "{n} claims", count)', 0),
        ('ngettext("{n} claim in {topic}", "{n} claims in {topic}", count)', 1),
        ('_("braces {as text}")', 0),  # no fields: not formatted
        ("_(WORDS[label])", 0),  # a value marked with N_
        ('_("Set: {values}.", **fields)', 0),
    ],
)
def test_translation_calls_are_checked(tmp_path: Path, source: str, problems: int) -> None:
    path = tmp_path / "module.py"
    path.write_text(source + "\n", encoding="utf-8")
    assert len(list(literals.misuses(path))) == problems


def test_the_allowlist_is_a_sorted_multiset() -> None:
    lines = [
        line
        for line in ALLOWLIST.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert lines == sorted(lines)
    assert Counter(lines) == allowlist()
