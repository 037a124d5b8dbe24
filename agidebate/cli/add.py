"""`agidebate add`: add a rebuttal (or a supporting claim) to a debate, losing nothing."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from agidebate.cli._common import JsonOption, console, fail, handles_errors, json_dump
from agidebate.errors import DebateError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from agidebate.authoring import Addition, Change, EditRefused, NewClaim
    from agidebate.errors import Problem
    from agidebate.model import Debate, Relation

T = TypeVar("T")

WriteDirOption = Annotated[
    str | None,
    typer.Option(
        "--dir",
        "-d",
        metavar="DIR",
        help="Debate folder to change. Default: $AGIDEBATE_DIR; never the bundled debate.",
        show_default=False,
    ),
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Print what would be written and the diff; write nothing.")
]


@handles_errors
def add(
    to: Annotated[
        str | None,
        typer.Option("--to", metavar="ID", help="The claim the new claim answers."),
    ] = None,
    con: Annotated[bool, typer.Option("--con", help="The new claim attacks ID.")] = False,
    pro: Annotated[bool, typer.Option("--pro", help="The new claim supports ID.")] = False,
    text: Annotated[
        str | None,
        typer.Option(
            "--text",
            metavar="TEXT",
            help="The claim in full. Without it, on a terminal, each field is asked for.",
        ),
    ] = None,
    claim_id: Annotated[
        str | None,
        typer.Option(
            "--id", metavar="NEW_ID", help="Id of the new claim. Default: made from the title/text."
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", metavar="T", help="A short label for trees and maps.")
    ] = None,
    by: Annotated[str | None, typer.Option("--by", metavar="WHO", help="Who argues it.")] = None,
    sources: Annotated[
        list[str] | None,
        typer.Option("--source", metavar="URL", help="A source URL; repeat for several."),
    ] = None,
    weight: Annotated[
        str | None,
        typer.Option("--weight", metavar="W", help="Base plausibility in [0, 1]; default 0.5."),
    ] = None,
    file: Annotated[
        str | None,
        typer.Option(
            "--file",
            metavar="FILE",
            help="Put the claim in FILE (relative to the debate folder; created if absent), "
            "pointing at ID with attacks:/supports:, instead of nesting it under ID.",
        ),
    ] = None,
    dry_run: DryRunOption = False,
    directory: WriteDirOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add a claim that attacks (--con) or supports (--pro) claim ID.

    By default the claim is nested under ID, as `con:` or `pro:`, in the file
    that holds ID; with --file it goes into FILE instead. Everything else in
    the file stays exactly as it was: comments, quoting, blank lines. The whole
    debate is checked with the new claim before anything is written, the write
    is atomic, and concurrent runs wait for each other.

    Exit status: 0 when added, 1 when the debate is invalid or the edit cannot be
    made safely, 2 for a bad request (unknown ID, id taken, bad weight or file).

    Examples:

      agidebate add -d my-debate --to few-cyclists --con --text "Riding there is unsafe."

      agidebate add -d my-debate --to thesis --con --file replies/mine.yaml --dry-run

      agidebate add -d my-debate    (on a terminal: asks for each field)
    """
    from agidebate.authoring import EditRefused, NewClaim, add_claim

    relation = _relation(con, pro)
    if text is None or to is None or relation is None:
        wanted = _ask(directory, to, relation, text, claim_id, title, by, sources, weight)
    else:
        wanted = NewClaim(to, relation, text, claim_id, title, by, tuple(sources or ()), weight)
    try:
        added = add_claim(directory, wanted, file=file, dry_run=dry_run)
    except DebateError as error:
        raise broken_debate(error) from None
    except EditRefused as error:
        raise refused(error) from None
    if as_json:
        json_dump(_as_json(added))
    else:
        _print(added)


def _relation(con: bool, pro: bool) -> Relation | None:
    from agidebate.model import Relation

    if con and pro:
        raise UsageError("--con and --pro exclude each other", "give one of them")
    if con or pro:
        return Relation.ATTACK if con else Relation.SUPPORT
    return None


# -- errors -------------------------------------------------------------------------


def broken_debate(error: DebateError) -> typer.Exit:
    from agidebate.cli._common import print_problems

    print_problems(console(stderr=True), error.problems)
    count = sum(1 for p in error.problems if p.is_error)
    return fail(
        f"the debate has {count} error{'s' * (count != 1)}; agidebate changes only a debate "
        "that checks clean",
        "fix the problems above first, then run the command again",
    )


def refused(error: EditRefused) -> typer.Exit:
    """Show the problems an edit would have caused, then the reason it was not written."""
    from agidebate.cli._common import print_problems

    print_problems(console(stderr=True), error.problems)
    return fail(str(error), error.hint)


def problems_json(problems: tuple[Problem, ...]) -> list[dict[str, Any]]:
    from agidebate.cli.check import problem_dict

    return [problem_dict(p) for p in problems]


def warn(problems: tuple[Problem, ...]) -> None:
    from agidebate.cli._common import print_problems

    print_problems(console(stderr=True), problems)


# -- output -------------------------------------------------------------------------


def _as_json(added: Addition) -> dict[str, Any]:
    change = added.change
    return {
        "id": added.claim.id,
        "target": added.edge.target,
        "relation": added.edge.relation.value,
        "side": added.side.value if added.side else None,
        **change_json(change),
        "warnings": problems_json(added.warnings),
    }


def change_json(change: Change) -> dict[str, Any]:
    return {
        "file": str(change.path),
        "created": change.created,
        "written": change.written,
        "lines": [change.first_line, change.last_line],
        "yaml": change.inserted + "\n",
        "diff": change.diff(),
    }


def _print(added: Addition) -> None:
    from rich.text import Text

    from agidebate.render.safe import inert

    out = console()
    change = added.change
    verb = "added" if change.written else "would add"
    where = f"{change.path}, line{'s' * (change.first_line != change.last_line)} " + (
        f"{change.first_line}-{change.last_line}"
        if change.first_line != change.last_line
        else str(change.first_line)
    )
    head = f"{verb} {added.claim.id} to {where}"
    if change.created:
        head += " (a new file)"
    out.print(Text(inert(head), style="bold green" if change.written else "bold"), soft_wrap=True)
    relation = "attacks" if added.edge.relation.value == "attack" else "supports"
    detail = f"  {relation} {added.edge.target}; side: {_side_words(added)}"
    out.print(Text(inert(detail)), soft_wrap=True)
    if added.claim.topic is None:
        note = (
            f"  note: claims in {change.path.name} belong to no topic; "
            "--file FILE puts a claim in a topic file"
        )
        out.print(Text(inert(note), style="dim"), soft_wrap=True)
    if not change.written:
        print_change(out, change)
    warn(added.warnings)


def _side_words(added: Addition) -> str:
    if added.side is None:
        return "none (it does not reach the thesis)"
    goes = "for" if added.side.value == "pro" else "against"
    return f"{added.side.value} (it argues {goes} the thesis)"


def print_change(out: Console, change: Change) -> None:
    """The dry-run view: the YAML that would be written, then the unified diff."""
    from rich.text import Text

    from agidebate.render.safe import inert

    out.print(Text("  (dry run: nothing was written)", style="dim"))
    out.print()
    out.print(Text(inert(change.inserted)), soft_wrap=True)
    out.print()
    styles = {"+": "green", "-": "red", "@": "cyan", "\\": "dim"}
    for line in change.diff().splitlines():
        style = "bold" if line.startswith(("+++", "---")) else styles.get(line[:1], "")
        out.print(Text(inert(line), style=style), soft_wrap=True)


# -- asking on a terminal -------------------------------------------------------------


def interactive() -> bool:
    """True when a person can answer questions: stdin and stdout are terminals."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _ask(
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
    from agidebate.authoring._add import require_valid
    from agidebate.authoring._paths import writable_debate_dir
    from agidebate.loader import check_debate

    try:
        return require_valid(check_debate(writable_debate_dir(directory)))
    except DebateError as error:
        raise broken_debate(error) from None


class _Asker:
    """Rich prompts that ask again, with the reason, until an answer is usable."""

    def __init__(self, out: Console, debate: Debate) -> None:
        self.out = out
        self.debate = debate

    def _prompt(self, question: str, default: str = "", choices: list[str] | None = None) -> str:
        from rich.prompt import Prompt
        from rich.text import Text

        try:
            return Prompt.ask(
                Text(question, style="bold"),
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

        from agidebate.render.safe import inert

        while True:
            answer = self._prompt(question, default)
            try:
                return check(answer)
            except UsageError as error:
                message = str(error) + (f" ({error.hint})" if error.hint else "")
                self.out.print(Text("  " + inert(message), style="red"), soft_wrap=True)

    def target(self) -> str:
        from agidebate.authoring._add import require_known
        from agidebate.render.safe import inert

        def known(answer: str) -> str:
            require_known(self.debate, answer.strip(), option="")
            return answer.strip()

        found = self._until_valid("Id of the claim to answer", known)
        label = self.debate.claims[found].label
        self.out.print("  " + inert(label, newlines=False), style="dim", soft_wrap=True)
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

        side = "con" if relation.value == "attack" else "pro"
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
