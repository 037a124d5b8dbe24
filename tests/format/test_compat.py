"""Every file valid before the format learned its new fields stays valid and means the same.

`tests/data/compat/v1-arguments/` is the bundled debate as it was before issue 15, and
`tests/golden/compat-v1.json` its JSON export by the agidebate of that day (without
scores). Loaded today, the debate exports the same JSON apart from the new keys, and
each new key holds its default.
"""

from __future__ import annotations

import json
from typing import Any

from agidebate.export import ExportOptions, export
from agidebate.format.load import check_debate
from agidebate.format.provenance import default_date
from tests.conftest import DATA, REPO

V1 = DATA / "compat" / "v1-arguments"
GOLDEN = REPO / "tests" / "golden" / "compat-v1.json"

NEW_HEADER: dict[str, Any] = {"i18n": {}, "authors": {}, "expect": None}
NEW_TOPIC: dict[str, Any] = {"i18n": {}}
NEW_SOURCE: dict[str, Any] = {"i18n": {}}
NEW_FIGURE: dict[str, Any] = {"i18n": {}}
NEW_EDGE: dict[str, Any] = {"impact": 1.0, "editorial": False, "note": None}
NEW_CLAIM: dict[str, Any] = {
    "undercuts": [],
    "kind": "argument",
    "quote": [],
    "editorial": False,
    "note": None,
}


def without(record: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """`record` minus the new keys, after checking that each holds its default."""
    for key, value in defaults.items():
        assert record[key] == value, (key, record[key], record.get("id"))
    return {k: v for k, v in record.items() if k not in defaults}


def old_claim(claim: dict[str, Any], sources: tuple[Any, ...]) -> dict[str, Any]:
    claim = without(claim, NEW_CLAIM)
    assert claim.pop("date") == default_date(sources), claim["id"]  # the year of its source
    claim["sources"] = [without(s, NEW_SOURCE) for s in claim["sources"]]
    claim["figures"] = [without(f, NEW_FIGURE) for f in claim["figures"]]
    return claim


def test_the_v1_debate_checks_as_before() -> None:
    report = check_debate(V1, cache=False)
    assert report.ok and report.debate is not None
    assert [p.code for p in report.problems] == []
    assert len(report.perspectives) == 3  # v1 perspectives (weights only) still read


def test_the_v1_debate_exports_the_same_json_apart_from_the_new_keys_defaults() -> None:
    report = check_debate(V1, cache=False)
    assert report.debate is not None
    now = json.loads(export(report.debate, "json", ExportOptions(folder=str(V1))))
    before = json.loads(GOLDEN.read_text(encoding="utf-8"))
    sources = {c.id: c.sources for c in report.debate}
    assert without(
        {
            k: now[k]
            for k in before.keys() | NEW_HEADER.keys()
            if k not in ("topics", "claims", "edges")
        },
        NEW_HEADER,
    ) == {k: v for k, v in before.items() if k not in ("topics", "claims", "edges")}
    assert [without(t, NEW_TOPIC) for t in now["topics"]] == before["topics"]
    assert [old_claim(c, sources[c["id"]]) for c in now["claims"]] == before["claims"]
    assert [without(e, NEW_EDGE) for e in now["edges"]] == before["edges"]
    assert sum(1 for c in now["claims"] if c["date"]) > 100  # most claims cite a dated work
