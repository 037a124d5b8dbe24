"""`agidebate serve` with a real Chromium: the page follows the files as they change.

The server runs as its own process on a free port; the page is loaded once and never
reloaded by the test. Adding a claim with `agidebate add` shows it within 3 s; a
broken file puts its `path:line:col` errors in place of the map; fixing it brings the
map back; a new perspective file reaches the re-weigh control; the server stops
cleanly when sent SIGTERM by its PID.
"""

from __future__ import annotations

import re
import signal
from pathlib import Path

import pytest

from tests.conftest import run_process
from tests.html.conftest import Open, artifact
from tests.serving import copy_example, start

pytestmark = [pytest.mark.external, pytest.mark.slow]
PAYLOAD = "<img src=x onerror=alert(1)>"


def test_the_page_follows_every_change_and_the_server_stops_by_pid(
    open_page: Open, tmp_path: Path
) -> None:
    folder = copy_example(tmp_path)
    served = start(folder)
    try:
        visit = open_page(url=served.url)
        page = visit.page
        page.wait_for_selector("body[data-live]", state="attached")
        assert visit.js("document.querySelectorAll('#overview-svg [data-claim]').length") == 5
        # A claim appended with `agidebate add` appears without a manual reload.
        added = run_process(
            [
                "add",
                "--dir",
                str(folder),
                "--to",
                "few-cyclists",
                "--con",
                "--id",
                "new-one",
                "--text",
                "Counts were taken in winter, when nobody rides.",
            ]
        )
        assert added.returncode == 0, added.stderr
        page.wait_for_selector("#overview-svg [data-claim='new-one']", timeout=3000)
        assert page.locator("[id='claim-new-one']").count() == 1
        # A broken file: its errors, located, instead of the map; they stay text.
        safety = folder / "safety.yaml"
        good = safety.read_text(encoding="utf-8")
        safety.write_text(
            good + f"\n  - id: hostile\n    text: A claim.\n    attacks: '{PAYLOAD}'\n",
            encoding="utf-8",
        )
        page.wait_for_selector("#problems:not([hidden])", timeout=5000)
        assert page.is_hidden("#layout")
        where = page.locator("#problem-list .where").all_text_contents()
        assert where and all(re.search(r"safety\.yaml:\d+:\d+$", w) for w in where), where
        page.screenshot(path=str(artifact("serve-problems.png")))
        assert visit.js("document.querySelectorAll('img').length") == 0
        assert any(PAYLOAD in m for m in page.locator("#problem-list .message").all_text_contents())
        # Fixed: the map comes back.
        safety.write_text(good, encoding="utf-8")
        page.wait_for_selector("#overview-svg [data-claim='new-one']", timeout=5000)
        assert page.is_hidden("#problems") and page.is_visible("#overview-svg")
        # A new perspective file reaches the re-weigh control.
        (folder / "perspectives").mkdir()
        (folder / "perspectives" / "cyclist.yaml").write_text(
            "title: The cyclist\nweights:\n  fewer-injuries: 0.9\n", encoding="utf-8"
        )
        page.wait_for_selector(
            "#perspective option[value='cyclist']", state="attached", timeout=5000
        )
        assert visit.errors == [] and visit.dialogs == []
        requests = {r.split("?")[0] for r in visit.requests}
        assert requests <= {served.url, served.url + "events"}, requests
    finally:
        code, out, err = served.stop(signal.SIGTERM)
    assert code == 0, err
    assert out.rstrip().endswith("stopped") and "Traceback" not in err
    assert re.search(r"build \d+: 1 error", out) and "safety.yaml:" in err
