"""Authoring: add claims and topics to a debate folder without losing a byte.

>>> from agidebate.authoring import NewClaim, add_claim
>>> from agidebate.model import Relation
>>> added = add_claim("my-debate", NewClaim("few-cyclists", Relation.ATTACK,
...                   "Counts are low because the street is unsafe."))  # doctest: +SKIP
>>> added.claim.id, added.change.path                           # doctest: +SKIP
('counts-low-because-street', PosixPath('my-debate/safety.yaml'))

Edits are precise text insertions into the user's own file (comments, quoting,
key order and blank lines survive byte for byte), checked by reading the whole
debate in memory before anything is written, written atomically under a lock
on the debate folder. docs/authoring.md explains the choices.
"""

from __future__ import annotations

from agidebate.authoring._add import Addition, add_claim
from agidebate.authoring._change import Change
from agidebate.authoring._fields import NewClaim
from agidebate.authoring._ids import derive_id
from agidebate.authoring._init import Initialization, init_debate
from agidebate.authoring._new import Creation, new_topic, template
from agidebate.authoring._plan import UnsafeEdit
from agidebate.authoring._remove import Removal, remove_claim
from agidebate.authoring._rename import Renaming, rename_claim
from agidebate.authoring._verify import EditRefused
from agidebate.fileio import LOCK_NAME
from agidebate.fileio import folder_lock as debate_lock

__all__ = [
    "LOCK_NAME",
    "Addition",
    "Change",
    "Creation",
    "EditRefused",
    "Initialization",
    "NewClaim",
    "Removal",
    "Renaming",
    "UnsafeEdit",
    "add_claim",
    "debate_lock",
    "derive_id",
    "init_debate",
    "new_topic",
    "remove_claim",
    "rename_claim",
    "template",
]
