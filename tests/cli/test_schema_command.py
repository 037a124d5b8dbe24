"""`agidebate schema`: a JSON Schema that accepts valid files and rejects broken ones."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import DATA, invoke


def schema() -> dict:  # type: ignore[type-arg]
    result = invoke(["schema"])
    assert result.exit_code == 0
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


@pytest.mark.parametrize("path", sorted((DATA / "valid").rglob("*.yaml")), ids=lambda p: p.name)
def test_valid_files_validate(path: Path) -> None:
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema())


@pytest.mark.parametrize(
    "name",
    [
        "unknown-field-typo",
        "missing-id",
        "bad-id-uppercase",
        "weight-above-one",
        "weight-quoted",
        "text-is-a-list",
        "source-without-title-or-url",
        "bad-language",
        "claims-not-a-list",
    ],
)
def test_broken_files_do_not_validate(name: str) -> None:
    data = yaml.safe_load((DATA / "invalid" / f"{name}.yaml").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema())


def test_schema_to_file(tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    assert invoke(["schema", "-o", str(target)]).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["$defs"]["claim"]["required"] == [
        "id",
        "text",
    ]
