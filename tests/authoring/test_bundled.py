"""On the bundled debate's real files: a dry-run add under a spread of claims is one clean insertion."""

from __future__ import annotations

import pytest

from agidebate.authoring import NewClaim, add_claim
from agidebate.authoring._verify import check_reading, read_folder
from agidebate.format.load import load_debate
from agidebate.model import Relation
from tests.authoring.test_preservation import one_insertion
from tests.conftest import BUNDLED

SAMPLE = sorted(load_debate(BUNDLED).claims)[::10] if (BUNDLED / "debate.yaml").exists() else []


@pytest.mark.parametrize("target", SAMPLE)
def test_a_dry_run_under_a_bundled_claim(target: str) -> None:
    added = add_claim(
        BUNDLED, NewClaim(target, Relation.ATTACK, "A test reply: no change."), dry_run=True
    )
    change = added.change
    assert not change.written
    assert one_insertion(change.before.encode(), change.after.encode())
    rel = change.path.relative_to(BUNDLED).as_posix()
    report = check_reading(read_folder(BUNDLED), rel, change.after.encode())
    assert report.errors == []
    assert report.debate is not None
    assert [e.target for e in report.debate.targets(added.claim.id)] == [target]
