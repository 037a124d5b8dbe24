"""Options and helpers the reading commands share: show, list, search, path, sources, stats.

Kept apart from `_common` because only these commands filter claims, translate
titles and show scores; the library is still imported inside the functions.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from agidebate.cli._common import console, note
from agidebate.cli._complete import topic_ids
from agidebate.errors import UsageError
from agidebate.i18n import N_, _
from agidebate.scoring import DEFAULT_SEMANTICS

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from agidebate.model import Debate
    from agidebate.query.filters import ClaimFilter
    from agidebate.render.theme import Glyphs


class SideChoice(StrEnum):
    """The sides a claim can take on the thesis."""

    pro = "pro"
    con = "con"


TopicOption = Annotated[
    str | None,
    typer.Option(
        "--topic",
        "-t",
        metavar="TOPIC",
        help="Only claims of topic TOPIC (e.g. data-wall).",
        autocompletion=topic_ids,
    ),
]
SideOption = Annotated[
    SideChoice | None,
    typer.Option("--side", help="Only claims that count for (pro) or against (con) the thesis."),
]
TagOption = Annotated[
    str | None, typer.Option("--tag", metavar="TAG", help="Only claims tagged TAG.")
]
ByOption = Annotated[
    str | None,
    typer.Option("--by", metavar="WHO", help="Only claims whose author contains WHO (any case)."),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        "-l",
        metavar="CODE",
        help=N_(
            "Language of the interface (e.g. zh, en; default: $AGIDEBATE_LANG, else the "
            "locale), and of titles and text where the debate has them; untranslated ones "
            "stay in the original, marked (en)."
        ),
    ),
]
ScoresOption = Annotated[
    bool,
    typer.Option(
        "--scores/--no-scores",
        help="Show each claim's score: its strength from 0 to 1 once its pros and cons "
        "are weighed (see --semantics).",
    ),
]

QuotesOption = Annotated[
    bool,
    typer.Option(
        "--quotes",
        help=N_(
            "Show the passages each claim quotes from its sources (a claim shown in full, "
            "as by show ID, always has them)."
        ),
    ),
]
AuthorsOnlyOption = Annotated[
    bool,
    typer.Option(
        "--authors-only",
        help=N_(
            "Leave out what the map's editor added (claims and links marked editorial); "
            "sides and scores are those of the authors' own map."
        ),
    ),
]


def open_debate(
    directory: str | None,
    claim_id: str | None = None,
    lang: str | None = None,
    *,
    topic: str | None = None,
    side: SideChoice | None = None,
    tag: str | None = None,
    by: str | None = None,
    authors_only: bool = False,
) -> tuple[Debate, ClaimFilter, str | None]:
    """The debate (without the editor's additions, with `authors_only`), the filter the
    options describe, and the language to show.

    Raises a usage error for an unknown claim id, topic or language code, and for a
    claim left out by `authors_only`.
    """
    from agidebate.cli._select import load_folder, require_claim
    from agidebate.query.filters import ClaimFilter

    _, debate = load_folder(directory)
    if claim_id is not None:
        require_claim(debate, claim_id)
    if authors_only:
        debate = authors_view(debate, claim_id)
    chosen = ClaimFilter(topic=topic, side=side.value if side else None, tag=tag, by=by)
    chosen.validate(debate)
    return debate, chosen, check_lang(debate, lang)


def load_scores(
    debate: Debate, enabled: bool, semantics: str = DEFAULT_SEMANTICS
) -> Mapping[str, float] | None:
    """Every claim's score in the whole debate, or None when scores are off."""
    if not enabled:
        return None
    from agidebate.scoring import score

    return score(debate, semantics).scores


def authors_view(debate: Debate, claim_id: str | None = None) -> Debate:
    """The authors' own map (`--authors-only`); a usage error when `claim_id` is the editor's."""
    from agidebate.query.filters import authors_only

    if claim_id is not None and claim_id != debate.thesis and debate.claims[claim_id].editorial:
        raise UsageError(
            _(
                "claim '{id}' was written by the map's editor, and --authors-only leaves it out",
                id=claim_id,
            ),
            _("leave out --authors-only to see it"),
        )
    return authors_only(debate)


def check_lang(debate: Debate, lang: str | None) -> str | None:
    """The language code to show claims in (`--lang` has checked it is one); notes on
    stderr when no claim has it."""
    if lang is None:
        return None
    from agidebate.text import ENGLISH, has_language

    if lang not in ENGLISH and not has_language(debate, lang):
        note(_("no claim has a '{code}' translation; showing the original text", code=lang))
    return lang


def no_match(chosen: ClaimFilter, debate: Debate, directory: str | None) -> Text:
    """The sentence printed when there is nothing to show: the filter keeps no claim, or
    the debate has none yet (and then how to start it)."""
    from rich.text import Text

    from agidebate.text import inert

    criteria = chosen.describe()
    if len(debate) and criteria:
        return Text(inert(_("No claim matches {criteria}.", criteria=criteria), newlines=False))
    if len(debate):
        return Text(_("No claim to show."))
    return no_claims_yet(directory)


def no_claims_yet(directory: str | None) -> Text:
    """The sentence for a debate with no claim at all: how to start it."""
    from rich.text import Text

    from agidebate.text import inert

    where = shlex.quote(directory) if directory else "DIR"
    return Text(
        inert(
            _(
                "The debate has no claims yet. Give it a thesis with "
                '`agidebate init {folder} --thesis "..."`, then add arguments with '
                '`agidebate add --dir {folder} --to thesis --pro --text "..."`.',
                folder=where,
            )
        )
    )


def reading_console() -> tuple[Console, Glyphs]:
    """The stdout console and the glyphs it can show.

    On an output that cannot encode Unicode (PYTHONIOENCODING=ascii, an old
    locale), the views draw in ASCII and any other character of user text is
    written as a backslash escape instead of failing.
    """
    from agidebate.render.theme import UNICODE, glyphs_for

    out = console()
    glyphs = glyphs_for(out)
    if glyphs is not UNICODE:
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    return out, glyphs


def command_line(*words: str | None, **options: str | bool | None) -> str:
    """A command a reader can paste: `agidebate show dw-01 --dir 'my debate'`.

    Options whose value is None or False are left out; True gives a bare flag.
    """
    parts = ["agidebate", *(w for w in words if w is not None)]
    for name, value in options.items():
        if value is None or value is False:
            continue
        flag = "--" + name.replace("_", "-")
        parts.append(flag if value is True else f"{flag} {shlex.quote(str(value))}")
    return " ".join(parts)


def expand_command(**options: str | bool | None) -> Callable[[str], str]:
    """`show ID` with the reader's options, for the "+N more" hints."""

    def command(claim_id: str) -> str:
        return command_line("show", shlex.quote(claim_id), **options)

    return command
