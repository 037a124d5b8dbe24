"""Reading a score: which way it leans and how strongly.

A strength of 0.5 is a draw; the thresholds below turn a number into words. They
are symmetric around 0.5:

    >= 0.80  strongly for          <= 0.20  strongly against
    >= 0.60  for                   <= 0.40  against
    >= 0.55  leans slightly for    <= 0.45  leans slightly against
    otherwise: undecided, the arguments roughly balance

>>> verdict(0.97).phrase
'strongly for the thesis'
>>> verdict(0.5).lean
'undecided'
"""

from __future__ import annotations

from dataclasses import dataclass

from agidebate.i18n import N_, _

FOR, AGAINST, UNDECIDED = "for", "against", "undecided"
STRONGLY, SLIGHTLY = "strongly", "slightly"
# What grounded semantics' labels mean, in English: `_(GROUNDED_WORDS[label])` to show one.
GROUNDED_WORDS = {
    "in": N_("accepted: every attack on it is itself defeated"),
    "out": N_("rejected: an attack on it stands undefeated"),
    "undec": N_("undecided: the attacks on it go round in circles"),
}
# The same in one word, for a verdict line.
GROUNDED_VERDICTS = {"in": N_("accepted"), "out": N_("rejected"), "undec": N_("undecided")}


@dataclass(frozen=True, slots=True)
class Verdict:
    """Which way a score leans (`for`, `against`, `undecided`) and how strongly
    (`strongly`, `slightly` or ''); `phrase` says it in the reader's language."""

    score: float
    lean: str
    degree: str
    subject: str | None = None  # what leans: None is the thesis

    @property
    def phrase(self) -> str:
        """'strongly for the thesis', in the reader's language."""
        subject = self.subject if self.subject is not None else _("the thesis")
        if self.lean == UNDECIDED:
            return _("undecided: the arguments roughly balance")
        if self.lean == FOR:
            if self.degree == STRONGLY:
                return _("strongly for {subject}", subject=subject)
            if self.degree == SLIGHTLY:
                return _("leans slightly for {subject}", subject=subject)
            return _("for {subject}", subject=subject)
        if self.degree == STRONGLY:
            return _("strongly against {subject}", subject=subject)
        if self.degree == SLIGHTLY:
            return _("leans slightly against {subject}", subject=subject)
        return _("against {subject}", subject=subject)


def verdict(score: float, subject: str | None = None) -> Verdict:
    """The lean and strength of a score in [0, 1] (about `subject`; None: the thesis)."""
    distance = abs(score - 0.5)
    if distance < 0.05:
        return Verdict(score, UNDECIDED, "", subject)
    lean = FOR if score > 0.5 else AGAINST
    if distance >= 0.3:
        degree = STRONGLY
    elif distance >= 0.1:
        degree = ""
    else:
        degree = SLIGHTLY
    return Verdict(score, lean, degree, subject)
