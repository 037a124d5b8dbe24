"""Asking for the fields of a new claim on a terminal, for `agidebate add` without --text.

Each question is asked again, with the reason, until the answer passes the same
check the command-line option would; fields given on the command line are not
asked for. Without a terminal nothing is asked: that is a usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from agidebate.cli._common import console, use_cache
from agidebate.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from agidebate.authoring import NewClaim
    from agidebate.model import Debate, Relation

T = TypeVar("T")


def interactive() -> bool:
    """True when a person can answer questions: stdin and stdout are terminals."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask_missing(
    directory: str | None,
    to: str | None,
    relation: Relation | None,
    text: str | None,
    claim_id: str | None,
    title: str | None,
    by: str | None,
    sources: list[str] | None,
    weight: str | None,
) -> NewClaim:
    """Ask for the fields the command line left out (only on a terminal)."""
    from agidebate.authoring import NewClaim

    if not interactive():
        missing = [
            name
            for name, value in (("--to ID", to), ("--con or --pro", relation), ("--text", text))
            if value is None
        ]
        raise UsageError(
            f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} required when "
            "not run on a terminal",
            'e.g. agidebate add --dir DIR --to ID --con --text "..."',
        )
    debate = _debate_for_questions(directory)
    asker = _Asker(console(), debate)
    to = to if to is not None else asker.target()
    relation = relation if relation is not None else asker.relation(to)
    text = text if text is not None else asker.text()
    title = title if title is not None else asker.optional("Title (a short label)")
    claim_id = claim_id if claim_id is not None else asker.claim_id(to, relation, title or text)
    by = by if by is not None else asker.optional("Who argues it")
    found = tuple(sources) if sources else asker.sources()
    weight = weight if weight is not None else asker.weight()
    return NewClaim(to, relation, text, claim_id, title, by, found, weight)


def _debate_for_questions(directory: str | None) -> Debate:
    """The debate the answers are checked against; `DebateError` before any question if broken."""
    from agidebate.authoring._add import require_valid
    from agidebate.authoring._paths import writable_debate_dir
    from agidebate.format.load import check_debate

    return require_valid(check_debate(writable_debate_dir(directory), cache=use_cache()))


class _Asker:
    """Rich prompts that ask again, with the reason, until an answer is usable."""

    def __init__(self, out: Console, debate: Debate) -> None:
        self.out = out
        self.debate = debate

    def _prompt(self, question: str, default: str = "", choices: list[str] | None = None) -> str:
        from rich.prompt import Prompt
        from rich.text import Text

        from agidebate.render import theme

        try:
            return Prompt.ask(
                Text(question, style=theme.STRONG),
                console=self.out,
                default=default,
                show_default=bool(default),
                choices=choices,
            )
        except EOFError:
            raise UsageError("input ended before the claim was complete") from None

    def _until_valid(self, question: str, check: Callable[[str], T], default: str = "") -> T:
        """Ask until `check` accepts the answer; show why it did not, and ask again."""
        from rich.text import Text

        from agidebate.render import theme
        from agidebate.text import inert

        while True:
            answer = self._prompt(question, default)
            try:
                return check(answer)
            except UsageError as error:
                message = str(error) + (f" ({error.hint})" if error.hint else "")
                self.out.print(Text("  " + inert(message), style=theme.INVALID), soft_wrap=True)

    def target(self) -> str:
        from agidebate.authoring._add import require_known
        from agidebate.render import theme
        from agidebate.text import inert

        def known(answer: str) -> str:
            require_known(self.debate, answer.strip(), option="")
            return answer.strip()

        found = self._until_valid("Id of the claim to answer", known)
        label = self.debate.claims[found].label
        self.out.print("  " + inert(label, newlines=False), style=theme.ASIDE, soft_wrap=True)
        return found

    def relation(self, target: str) -> Relation:
        from agidebate.model import Relation

        question = f"Does the new claim attack (con) or support (pro) {target}?"
        answer = self._prompt(question, choices=["con", "pro"])
        return Relation.ATTACK if answer == "con" else Relation.SUPPORT

    def text(self) -> str:
        from agidebate.authoring._fields import clean_text

        return self._until_valid("Text of the claim, in full", lambda a: clean_text(a, "the text"))

    def optional(self, question: str) -> str | None:
        from agidebate.authoring._fields import clean_text

        def cleaned(answer: str) -> str | None:
            return clean_text(answer, "the answer") if answer.strip() else None

        return self._until_valid(question + " (Enter to skip)", cleaned)

    def claim_id(self, target: str, relation: Relation, words: str) -> str:
        from agidebate.authoring import derive_id
        from agidebate.authoring._fields import check_id

        def unused(answer: str) -> str:
            claim_id = check_id(answer.strip(), "the id")
            if claim_id in self.debate.claims:
                raise UsageError(f"the id '{claim_id}' is already used", "choose another")
            return claim_id

        from agidebate.format.schema import relation_keys

        side = relation_keys(relation)[0] or relation.value
        suggestion = derive_id(words, self.debate.claims, f"{target}-{side}")
        return self._until_valid("Id of the new claim", unused, suggestion)

    def sources(self) -> tuple[str, ...]:
        from agidebate.authoring._fields import check_source

        found: list[str] = []
        while True:
            url = self._until_valid(
                "Source URL (Enter when done)",
                lambda a: check_source(a, option="") if a.strip() else None,
            )
            if url is None:
                return tuple(found)
            found.append(url)

    def weight(self) -> str | None:
        from agidebate.authoring._fields import check_weight

        return self._until_valid(
            "Weight in [0, 1] (Enter for 0.5)",
            lambda a: check_weight(a, option="") if a.strip() else None,
        )


def ask_thesis(title: str | None, default_title: str) -> tuple[str, str | None]:
    """For `agidebate init` without --thesis: ask for the thesis (and the title, if not
    given) on a terminal; a usage error otherwise."""
    from agidebate.authoring._fields import clean_text
    from agidebate.i18n import _
    from agidebate.model import Debate

    if not interactive():
        raise UsageError(
            _("--thesis is required when not run on a terminal"),
            _('e.g. agidebate init my-debate --thesis "The town should build the lane."'),
        )
    asker = _Asker(console(), Debate(claims={}))
    if title is None:
        title = asker._until_valid(
            _("Title of the debate"), lambda a: clean_text(a, _("the title")), default_title
        )
    thesis = asker._until_valid(
        _("The thesis, the claim the debate is for or against"),
        lambda a: clean_text(a, _("the thesis")),
    )
    return thesis, title
