"""Byte-for-byte preservation: an add changes one file, by one insertion, and nothing else.

Every claim of a debate written with odd formatting (comments everywhere, odd
quoting, blank lines, flow style, indentation of one, two and four spaces, block
scalars, an empty `con:`) gets a con and a pro, in the file as written and in
CRLF, no-final-newline and BOM variants of it. Each time: the edited file is the
old one plus one contiguous insertion, every other file is untouched, and the
debate reads as before plus exactly the new claim.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from agidebate.authoring import NewClaim, add_claim
from agidebate.format.load import load_debate
from agidebate.model import Claim, Debate, Relation
from tests.conftest import DATA

ODD = DATA / "authoring" / "odd"
VARIANTS: dict[str, Callable[[bytes], bytes]] = {
    "as-written": lambda data: data,
    "crlf": lambda data: data.replace(b"\n", b"\r\n"),
    "no-final-newline": lambda data: data.rstrip(b"\n"),
    "bom": lambda data: b"\xef\xbb\xbf" + data,
}
CLAIMS = sorted(load_debate(ODD).claims)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too) by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def one_insertion(old: bytes, new: bytes) -> bool:
    """True when `new` is `old` with one contiguous run of bytes inserted."""
    if len(new) <= len(old):
        return False
    prefix = 0
    while prefix < len(old) and old[prefix] == new[prefix]:
        prefix += 1
    return new.endswith(old[prefix:])


def plain(claims: dict[str, Claim] | Debate) -> dict[str, Claim]:
    items = claims.claims if isinstance(claims, Debate) else claims
    return {k: dataclasses.replace(c, location=None) for k, c in items.items()}


def relations(debate: Debate) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.relation.value) for e in debate.edges}


@pytest.fixture
def copy_of(tmp_path: Path) -> Callable[[str], Path]:
    def make(variant: str) -> Path:
        folder = tmp_path / variant
        shutil.copytree(ODD, folder)
        for path in folder.rglob("*.yaml"):
            path.write_bytes(VARIANTS[variant](path.read_bytes()))
        return folder

    return make


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("relation", [Relation.ATTACK, Relation.SUPPORT])
def test_adding_under_every_claim_preserves_every_byte(
    copy_of: Callable[[str], Path], variant: str, relation: Relation
) -> None:
    folder = copy_of(variant)
    for target in CLAIMS:
        before_files = snapshot(folder)
        before = load_debate(folder)
        text = f"A reply to {target}: 'quoted', #hash, and no: surprises."
        added = add_claim(folder, NewClaim(target, relation, text, title="no"))
        after_files = snapshot(folder)
        changed = added.change.path.relative_to(folder).as_posix()
        assert set(after_files) - set(before_files) <= {".agidebate.lock"}
        for name, data in before_files.items():
            if name != changed:
                assert after_files[name] == data, name
        assert one_insertion(before_files[changed], after_files[changed]), changed
        if variant == "crlf":
            assert b"\n" not in after_files[changed].replace(b"\r\n", b"")
        if variant == "no-final-newline":
            assert not after_files[changed].endswith(b"\n")
        if variant == "bom":
            assert after_files[changed].startswith(b"\xef\xbb\xbf")
        after = load_debate(folder)
        new_id = added.claim.id
        assert plain(after) == {**plain(before), new_id: plain({new_id: added.claim})[new_id]}
        assert after.claims[new_id].text == text and after.claims[new_id].title == "no"
        assert relations(after) == relations(before) | {(new_id, target, relation.value)}


def test_permissions_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    shutil.copytree(ODD, folder)
    path = folder / "topics" / "wide.yaml"
    path.chmod(0o640)
    add_claim(folder, NewClaim("w-two", Relation.ATTACK, "Permissions stay."))
    assert path.stat().st_mode & 0o777 == 0o640
