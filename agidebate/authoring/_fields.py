"""The new claim as asked for, and the checks its fields pass before any file is touched.

Every check raises `UsageError` (exit 2) with a message naming the option.
The same checks serve the interactive prompts, which ask again instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agidebate.errors import UsageError
from agidebate.format import scalars
from agidebate.format.provenance import normal_date
from agidebate.format.schema import ID_RE, URL_SCHEME_RE
from agidebate.i18n import _
from agidebate.model import ClaimKind, Relation

# C0 and C1 controls (tab and newline aside), DEL, lone surrogates (undecodable bytes
# on the command line) and the characters YAML reads as line breaks.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class NewClaim:
    """A claim to add: it supports or attacks `target`, or undercuts the link
    `link_source -> target` (`Relation.UNDERCUT`).

    `claim_id` None means "derive one from the title or text". `weight` and
    `impact` are kept as written (`"0.7"`), so the file shows what was typed.
    `editorial` marks the claim as the editor's; `editorial_link` its link.
    """

    target: str
    relation: Relation
    text: str
    claim_id: str | None = None
    title: str | None = None
    by: str | None = None
    sources: tuple[str, ...] = ()
    weight: str | None = None
    link_source: str | None = None
    impact: str | None = None
    editorial: bool = False
    editorial_link: bool = False
    kind: ClaimKind = ClaimKind.ARGUMENT
    quotes: tuple[str, ...] = ()
    note: str | None = None
    date: str | None = None

    def checked(self) -> NewClaim:
        """This claim with its fields cleaned; raises `UsageError` for a bad field."""
        if self.impact is not None and self.relation is Relation.UNDERCUT:
            raise UsageError(_("--impact is for a support or an attack, not an undercut"))
        return NewClaim(
            target=self.target,
            relation=self.relation,
            text=clean_text(self.text, "--text", multiline=True),
            claim_id=check_id(self.claim_id, "--id") if self.claim_id is not None else None,
            title=clean_optional(self.title, "--title"),
            by=clean_optional(self.by, "--by"),
            sources=tuple(check_source(url) for url in self.sources),
            weight=check_weight(self.weight) if self.weight is not None else None,
            link_source=self.link_source,
            impact=check_weight(self.impact, "--impact") if self.impact is not None else None,
            editorial=self.editorial,
            editorial_link=self.editorial_link,
            kind=self.kind,
            quotes=tuple(clean_text(q, "--quote", multiline=True) for q in self.quotes),
            note=clean_text(self.note, "--note", multiline=True) if self.note is not None else None,
            date=check_date(self.date) if self.date is not None else None,
        )


def clean_text(value: str, option: str, multiline: bool = False) -> str:
    """`value` without surrounding blanks; refuses empty text and control characters."""
    text = value.strip()
    if not text:
        raise UsageError(f"{option} is empty", f"give {option} some text")
    bad = _FORBIDDEN.search(text) or (None if multiline else re.search("[\n\t]", text))
    if bad:
        char = bad.group()
        what = (
            "an undecodable byte (the command line was not UTF-8)"
            if "\ud800" <= char <= "\udfff"
            else f"the control character U+{ord(char):04X}"
        )
        raise UsageError(
            f"{option} contains {what}",
            "remove it" + ("" if multiline else "; this field is one line"),
        )
    return text


def clean_optional(value: str | None, option: str) -> str | None:
    """Like `clean_text`, but None stays None."""
    return None if value is None else clean_text(value, option)


def check_id(value: str, option: str = "--id") -> str:
    """A claim id as the format allows it: lower-case letters, digits, '.', '_', '-'."""
    if ID_RE.match(value):
        return value
    fixed = "-".join("".join(c if c.isalnum() else " " for c in value.lower()).split())
    hint = f"try '{fixed}'" if fixed and ID_RE.match(fixed) and fixed.isascii() else None
    raise UsageError(
        f"{option} {value!r} is not a valid id: use lower-case letters, digits, '.', '_' or "
        "'-', starting with a letter or digit",
        hint,
    )


def check_source(url: str, option: str = "--source") -> str:
    """A source given on the command line: a URL with a scheme, on one line."""
    cleaned = clean_text(url, option)
    if not URL_SCHEME_RE.match(cleaned) or any(c.isspace() for c in cleaned):
        raise UsageError(
            f"{option} {url!r} is not a URL".lstrip(),
            f"give the full address, e.g. {option} https://example.org/study".replace("  ", " "),
        )
    return cleaned


def check_date(raw: str, option: str = "--date") -> str:
    """A date as the format writes it: YYYY, YYYY-MM or YYYY-MM-DD, a real day."""
    date = normal_date(raw.strip())
    if date is None:
        raise UsageError(
            _("{option} {value!r} is not a date", option=option, value=raw),
            _("write YYYY, YYYY-MM or YYYY-MM-DD"),
        )
    return date


def check_weight(raw: str, option: str = "--weight") -> str:
    """A number in [0, 1] as written (a weight, or with `option="--impact"` an impact)."""
    text = raw.strip()
    value = scalars.parse_number(text)
    if value is None:
        raise UsageError(
            f"{option or 'the weight'} must be a number between 0 and 1, not {raw!r}",
            f"e.g. {option} 0.7".replace("  ", " "),
        )
    if not 0 <= value <= 1:
        raise UsageError(
            f"{option} {text} is outside [0, 1]".lstrip(),
            _("an impact is a link's relevance between 0 (beside the point) and 1 (fully)")
            if option == "--impact"  # i18n: verbatim
            else "a weight is a plausibility between 0 (none) and 1 (certain); 0.5 is neutral",
        )
    return text
