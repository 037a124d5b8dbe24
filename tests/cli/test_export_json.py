"""`agidebate export --format json`: the machine-readable contract of the Foundation issue."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import DATA, EXAMPLES, MakeDebate, invoke

VALID = DATA / "valid" / "bike-lane"
CLAIM_KEYS = {
    "id",
    "title",
    "text",
    "topic",
    "file",
    "line",
    "by",
    "weight",
    "side",
    "supports",
    "attacks",
    "sources",
    "figures",
    "tags",
    "undercuts",
    "kind",
    "quote",
    "editorial",
    "note",
    "date",
}
PLAIN = {"impact": 1.0, "editorial": False, "note": None}


def export_json(*args: str) -> dict:  # type: ignore[type-arg]
    result = invoke(["export", "--format", "json", "--dir", str(VALID), *args])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_contract_keys_and_values() -> None:
    data = export_json()
    assert data["title"] == "Should the town build a bike lane on Main Street?"
    assert data["thesis"] == "thesis"
    claims = {c["id"]: c for c in data["claims"]}
    assert all(set(c) >= CLAIM_KEYS for c in claims.values())
    injuries = claims["fewer-injuries"]
    assert injuries["file"] == "safety.yaml" and injuries["line"] == 4
    assert injuries["side"] == "pro" and injuries["supports"] == ["thesis"]
    assert injuries["weight"] == 0.7 and injuries["topic"] == "safety"
    assert injuries["sources"][0]["url"] == "https://example.org/study"
    assert injuries["figures"] == [
        {
            "value": 0.35,
            "unit": "share",
            "what": "drop in cyclist injuries after the lane opened",
            "note": None,
            "i18n": {},
        }
    ]
    assert claims["latent-demand"]["attacks"] == ["few-cyclists"]
    assert claims["latent-demand"]["supports"] == ["fewer-injuries"]
    edge = {"source": "few-cyclists", "target": "fewer-injuries", "type": "attack", **PLAIN}
    assert edge in data["edges"]
    assert len(data["edges"]) == 5


def test_subtree_export() -> None:
    data = export_json("few-cyclists")
    assert data["thesis"] == "few-cyclists"
    assert sorted(c["id"] for c in data["claims"]) == ["few-cyclists", "latent-demand"]
    assert data["edges"] == [
        {"source": "latent-demand", "target": "few-cyclists", "type": "attack", **PLAIN}
    ]


def test_output_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = invoke(["export", "--dir", str(VALID), "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["thesis"] == "thesis"


def test_unknown_id_and_format_are_usage_errors() -> None:
    result = invoke(["export", "--dir", str(VALID), "few-cyclist"])
    assert result.exit_code == 2 and "did you mean 'few-cyclists'" in result.stderr
    result = invoke(["export", "--dir", str(VALID), "--format", "docx"])
    assert result.exit_code == 2 and "unknown export format 'docx'" in result.stderr


def test_invalid_debate_exits_1_without_traceback(make_debate: MakeDebate) -> None:
    folder = make_debate({"t.yaml": "claims:\n  - {id: a}\n"})
    result = invoke(["export", "--dir", str(folder)])
    assert result.exit_code == 1
    assert "has no text" in result.stderr and "the debate is invalid" in result.stderr
    assert result.stdout == ""


def test_list_formats() -> None:
    result = invoke(["export", "--list"])
    assert result.exit_code == 0 and result.stdout.startswith("json")


def test_export_never_writes_an_argument_file_into_the_debate(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "debate"
    shutil.copytree(VALID, folder)
    before = (folder / "safety.yaml").read_bytes()
    for target in (folder / "safety.yaml", folder / "new.yml", folder / "replies" / "x.yaml"):
        result = invoke(["export", "--dir", str(folder), "--format", "json", "-o", str(target)])
        assert result.exit_code == 2, result.stderr
        assert "inside the debate folder" in result.stderr
    assert (folder / "safety.yaml").read_bytes() == before
    assert not (folder / "new.yml").exists()
    assert (
        invoke(["export", "--dir", str(folder), "-o", str(folder / "debate.json")]).exit_code == 0
    )


def test_exports_are_utf8_whatever_the_terminal_encoding(tmp_path: Path) -> None:
    from tests.conftest import BUNDLED, run_process

    for fmt in ("json", "markdown", "kialo", "html"):
        result = run_process(
            ["export", "--format", fmt, "--dir", str(BUNDLED)], env={"PYTHONIOENCODING": "ascii"}
        )
        assert result.returncode == 0, (fmt, result.stderr)


def test_the_new_fields_are_in_the_contract() -> None:
    """Provenance, summaries, quotes, dates, link attributes and undercuts (issue 15)."""
    result = invoke(["export", "--format", "json", "--dir", str(EXAMPLES / "complete")])
    data = json.loads(result.stdout)
    claims = {c["id"]: c for c in data["claims"]}
    assert claims["committee-case"]["kind"] == "summary"
    assert claims["fewer-injuries"]["quote"][0] == {
        "text": "Injuries fell by a third on every street that got a protected lane.",
        "source": 1,
        "at": "p. 4",
    }
    assert claims["fewer-injuries"]["date"] == "2024-03-12"
    assert claims["parking-loss"]["date"] == "2024"  # the year of its first source
    latent = claims["latent-demand"]
    assert (latent["editorial"], latent["note"].startswith("The committee")) == (True, True)
    assert claims["customers-walk"]["undercuts"] == [{"source": "parking-loss", "target": "thesis"}]
    edges = data["edges"]
    assert {
        "source": "customers-walk",
        "target": {"source": "parking-loss", "target": "thesis"},
        "type": "undercut",
        "impact": 1.0,
        "editorial": True,
        "note": "the loss is real; whether it bears on the lane is the question",
    } in edges
    assert {
        "source": "garage-nearby",
        "target": "parking-loss",
        "type": "attack",
        "impact": 0.8,
        "editorial": False,
        "note": None,
    } in edges
    assert data["expect"] == {
        "verdict": [0.3, 0.9],
        "qe": [0.3, 0.9],
        "claims": {"fewer-injuries": [0.5, 1.0]},
    }
    assert data["authors"]["Transport committee"] == {"zh": {"name": "交通委员会"}}
    assert data["i18n"]["zh"]["title"] == "主街该不该修自行车道?"
