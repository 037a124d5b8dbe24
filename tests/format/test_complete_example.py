"""The complete example of docs/format.md: every field of the format in one debate.

It is the folder docs/examples/complete/, byte for byte; it checks clean (no error,
no warning), each file validates against `agidebate schema` (or `schema --perspective`)
as an editor reads it, and `export --format json` carries every field it writes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from agidebate.format.jsonschema import json_schema, perspective_schema
from agidebate.format.load import check_debate
from agidebate.format.perspectives import load_perspective
from tests.conftest import EXAMPLES, REPO, invoke

COMPLETE = EXAMPLES / "complete"
FILES = sorted(p.relative_to(COMPLETE).as_posix() for p in COMPLETE.rglob("*.yaml"))


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2: no timestamps)."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def documented() -> dict[str, str]:
    """The YAML blocks of the guide's complete example, by the path in their first line."""
    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    section = text.split("## A complete example", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n# (\S+)\n(.*?)```", section, re.S)
    return dict(blocks)


def load(path: str) -> Any:
    return yaml.load((COMPLETE / path).read_text(encoding="utf-8"), Loader=EditorLoader)


def test_the_guide_shows_exactly_the_fixture() -> None:
    blocks = documented()
    assert sorted(blocks) == FILES
    for path, text in blocks.items():
        assert text == (COMPLETE / path).read_text(encoding="utf-8"), path


def test_it_checks_clean_and_every_perspective_reads() -> None:
    report = check_debate(COMPLETE, cache=False)
    assert report.ok and report.problems == ()
    assert [p.name for p in report.perspectives] == ["cyclist", "shopkeeper"]
    result = invoke(["check", "--strict", "--dir", str(COMPLETE)])
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize("path", FILES)
def test_every_file_validates_against_its_schema(path: str) -> None:
    schema = perspective_schema() if path.startswith("perspectives/") else json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(load(path), schema)


def test_the_example_uses_every_field_the_schemas_describe() -> None:
    """Every property of the two schemas appears somewhere in the example."""
    used: set[str] = set()

    def keys(data: Any) -> None:
        if isinstance(data, dict):
            used.update(data)
            for value in data.values():
                keys(value)
        elif isinstance(data, list):
            for item in data:
                keys(item)

    for path in FILES:
        keys(load(path))
    described: set[str] = set()

    def properties(schema: Any) -> None:
        if isinstance(schema, dict):
            described.update(schema.get("properties", {}))
            for value in schema.values():
                properties(value)
        elif isinstance(schema, list):
            for item in schema:
                properties(item)

    properties(json_schema())
    properties(perspective_schema())
    assert described - used == {"weights"} - used  # `weights` is credence's earlier name


def _claims(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every claim of a file, nested ones included, with its parent and relation."""
    found: list[dict[str, Any]] = []
    stack: list[tuple[dict[str, Any], str | None, str | None]]
    stack = [(c, None, None) for c in reversed(items)]
    while stack:
        claim, parent, relation = stack.pop()
        found.append({**claim, "_parent": parent, "_relation": relation})
        for key, kind in (("pro", "support"), ("con", "attack")):
            stack.extend((c, claim["id"], kind) for c in reversed(claim.get(key, [])))
    return found


def _quotes(value: Any) -> list[dict[str, Any]]:
    items = value if isinstance(value, list) else [value]
    return [
        {"text": q, "source": None, "at": None}
        if isinstance(q, str)
        else {"source": None, "at": None, **q}
        for q in items
    ]


def _targets(claim: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = claim.get(key, [])
    items = value if isinstance(value, list) else [value]
    return [{"id": t} if isinstance(t, str) else t for t in items]


def test_the_json_export_carries_every_field_written() -> None:
    result = invoke(["export", "--format", "json", "--no-scores", "--dir", str(COMPLETE)])
    data = json.loads(result.stdout)
    meta = load("debate.yaml")
    assert (data["title"], data["summary"], data["i18n"]) == (
        meta["title"],
        meta["summary"],
        meta["i18n"],
    )
    assert data["authors"] == {n: a["i18n"] for n, a in meta["authors"].items()}
    assert data["expect"] == meta["expect"]
    safety = load("safety.yaml")
    assert {"id": "safety", "title": safety["title"], "summary": safety["summary"],
            "i18n": safety["i18n"]} in data["topics"]  # fmt: skip
    claims = {c["id"]: c for c in data["claims"]}
    edges = data["edges"]
    written = [{"id": "thesis", **meta["thesis"], "_parent": None, "_relation": None}]
    for path in ("safety.yaml", "replies/parking.yaml"):
        written += _claims(load(path)["claims"])
    for claim in written:
        got = claims[claim["id"]]
        for key in ("title", "text", "by", "kind", "editorial", "note", "tags", "i18n"):
            if key in claim:
                assert got[key] == claim[key], (claim["id"], key)
        if "weight" in claim:
            assert got["weight"] == claim["weight"]
        assert got["date"] == (str(claim["date"]) if "date" in claim else got["date"])
        if "quote" in claim:
            assert got["quote"] == _quotes(claim["quote"]), claim["id"]
        sources = [s if isinstance(s, dict) else {"url": s} for s in claim.get("sources", [])]
        assert [{k: v for k, v in s.items() if k in w} for s, w in zip(got["sources"], sources, strict=True)] == sources  # fmt: skip
        assert [{k: v for k, v in f.items() if k in w} for f, w in zip(got["figures"], claim.get("figures", []), strict=True)] == claim.get("figures", [])  # fmt: skip
        for key, kind in (("supports", "support"), ("attacks", "attack")):
            for target in _targets(claim, key):
                edge = next(
                    e for e in edges if (e["source"], e["target"]) == (claim["id"], target["id"])
                )
                assert edge["type"] == kind
                assert {k: edge[k] for k in target if k != "id"} == {k: v for k, v in target.items() if k != "id"}  # fmt: skip
        if claim["_parent"] is not None:
            edge = next(
                e for e in edges if (e["source"], e["target"]) == (claim["id"], claim["_parent"])
            )
            assert edge["type"] == claim["_relation"]
            assert {k: edge[k] for k in claim.get("link", {})} == claim.get("link", {})
        for cut in _targets(claim, "undercuts"):
            edge = next(e for e in edges if e["source"] == claim["id"] and e["type"] == "undercut")
            assert edge["target"] == {"source": cut["from"], "target": cut["to"]}
            assert (edge["editorial"], edge["note"]) == (
                cut.get("editorial", False),
                cut.get("note"),
            )


@pytest.mark.parametrize("name", ["cyclist", "shopkeeper"])
def test_the_perspectives_read_every_field(name: str) -> None:
    from agidebate.format.load import load_debate

    debate = load_debate(COMPLETE, cache=False)
    perspective = load_perspective(COMPLETE, debate, name)
    written = load(f"perspectives/{name}.yaml")
    assert dict(perspective.credence) == written.get("credence", written.get("weights"))
    assert (perspective.title, perspective.by) == (written["title"], written["by"])
    if name == "cyclist":
        assert perspective.prior == written["prior"]
        assert dict(perspective.impact) == {("parking-loss", "thesis"): 0.4}
        assert perspective.bottom_line is not None and perspective.expect is not None
        assert perspective.bottom_line.value == 0.75
        assert perspective.bottom_line.quote is not None
        assert perspective.bottom_line.quote.source == 1
        assert perspective.bottom_line.i18n == {"zh": written["i18n"]["zh"]["bottom_line"]}
        assert perspective.expect.verdict is not None
        assert (perspective.expect.verdict.low, perspective.expect.verdict.high) == (0.5, 1.0)
        assert perspective.expect.verdict.location is not None
        assert set(perspective.expect.claims) == {"fewer-injuries"}
        assert perspective.i18n["zh"]["title"] == written["i18n"]["zh"]["title"]
        assert perspective.sources[0].url == "https://example.org/minutes"


def test_the_fixture_is_small_enough_to_read(tmp_path: Path) -> None:
    assert sum(len((COMPLETE / p).read_text(encoding="utf-8").splitlines()) for p in FILES) < 200
