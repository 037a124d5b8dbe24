"""Carneades' proof standards, applied to the best argument for and the best against.

Gordon, Prakken and Walton ("The Carneades model of argument and burden of
proof", Artificial Intelligence 171, 2007) and Gordon and Walton ("Proof
burdens and standards", in Argumentation in Artificial Intelligence, Springer
2009) define proof standards on the weights of the best applicable pro and con
arguments of a statement:

- preponderance of the evidence: the best pro outweighs the best con;
- clear and convincing evidence: preponderance, the best pro exceeds alpha, and it
  exceeds the best con by more than beta;
- beyond reasonable doubt: clear and convincing, and the best con is below gamma.

The thresholds are parameters of the model; `ALPHA`, `BETA` and `GAMMA` are the
values of the Carneades 3 engine (carneades-3, proofstandard.clj: alpha 0.5,
beta 0.3 for clear and convincing; gamma 0.2), and van Gijzel and Nilsson's
CarneadesDSL uses alpha 0.4, beta 0.3, gamma 0.2. agidebate applies the
standards in both directions: to the case for the thesis (best pro against best
con) and to the case against it (best con against best pro); when neither side
outweighs the other the question is undecided.

>>> meets(0.8, 0.1).name, meets(0.8, 0.1).side
('beyond reasonable doubt', 'for')
>>> meets(0.3, 0.7).name, meets(0.3, 0.7).side
('clear and convincing', 'against')
>>> meets(0.4, 0.4).name
'undecided'
"""

from __future__ import annotations

from dataclasses import dataclass

from agidebate.scoring.verdict import AGAINST, FOR

ALPHA = 0.5
BETA = 0.3
GAMMA = 0.2

BEYOND_REASONABLE_DOUBT = "beyond reasonable doubt"
CLEAR_AND_CONVINCING = "clear and convincing"
PREPONDERANCE = "preponderance"
UNDECIDED = "undecided"
STANDARDS = (BEYOND_REASONABLE_DOUBT, CLEAR_AND_CONVINCING, PREPONDERANCE, UNDECIDED)


@dataclass(frozen=True, slots=True)
class Standard:
    """The strongest standard met (`name`), by which side (`side`: for, against, None)."""

    name: str
    side: str | None
    pro: float
    con: float

    @property
    def sentence(self) -> str:
        """The standard in words, with the two numbers it compares."""
        numbers = f"best for {self.pro:.2f}, best against {self.con:.2f}"
        if self.side is None:
            return (
                "Proof standard: undecided; neither side's best argument outweighs the "
                f"other's ({numbers})."
            )
        thesis = "for the thesis" if self.side == FOR else "against the thesis"
        what = {
            PREPONDERANCE: "the best argument outweighs the best reply",
            CLEAR_AND_CONVINCING: (
                f"the best argument is above {ALPHA:g} and ahead of the best reply by more "
                f"than {BETA:g}"
            ),
            BEYOND_REASONABLE_DOUBT: (
                f"clear and convincing, and the best reply is below {GAMMA:g}"
            ),
        }[self.name]
        return f"Proof standard: {self.name} {thesis} ({what}: {numbers})."


def meets(pro: float, con: float) -> Standard:
    """The strongest Carneades standard the best pro `pro` and best con `con` meet, either way."""
    if pro == con:
        return Standard(UNDECIDED, None, pro, con)
    side = FOR if pro > con else AGAINST
    best, other = max(pro, con), min(pro, con)
    if best > ALPHA and best - other > BETA:
        name = BEYOND_REASONABLE_DOUBT if other < GAMMA else CLEAR_AND_CONVINCING
    else:
        name = PREPONDERANCE
    return Standard(name, side, pro, con)
