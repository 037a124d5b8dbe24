"""Headless Chromium for the page tests: Debian's `chromium` driven by Playwright.

Playwright's own browser download is never used (`playwright install` does not work
here): the browser is /usr/bin/chromium, which `.ci/run` installs with apt-get.
Without it the browser tests skip, or fail when $CI is set.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from agidebate.export import ExportOptions, export
from agidebate.model import Debate
from tests.conftest import REPO, require_tool

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Request

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The screen point at the middle of a claim's sector (or the disc), from the layout data
# embedded in the page, computed here independently of the page's own drawing code.
CENTROID = """(id) => {
  const data = JSON.parse(document.getElementById('debate-data').textContent).overview;
  const svg = document.getElementById('overview-svg');
  let x = 0, y = 0;
  if (id !== data.centre) {
    const [, ring, a0, a1] = data.sectors.find((s) => s[0] === id);
    const r = (data.radii[ring - 1] + data.radii[ring]) / 2, a = ((a0 + a1) / 2 - 90) * Math.PI / 180;
    x = r * Math.cos(a); y = r * Math.sin(a);
  }
  const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM());
  return [p.x, p.y];
}"""
ARTIFACTS = REPO / "tests" / "artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole run."""
    found = require_tool("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is not installed (CI is set: install the test extra)")
        pytest.skip("playwright is not installed")
    executable = CHROMIUM if Path(CHROMIUM).exists() else found
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """An open page and everything it did that a safe, offline page must not do."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        """Evaluate in the page. (Playwright's wait_for_function evaluates strings with
        eval, which the page's Content-Security-Policy rightly refuses: wait with
        wait_for_selector instead.)"""
        return self.page.evaluate(expression, arg)

    def visible(self, claim_id: str) -> bool:
        """Whether the claim's full node is on screen (laid out, not collapsed or filtered)."""
        return bool(
            self.js(
                "id => { const n = document.getElementById('claim-' + id); return !!n && n.getClientRects().length > 0; }",
                claim_id,
            )
        )

    def no_horizontal_scroll(self) -> bool:
        return bool(
            self.js("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        )


Open = Callable[..., Visit]


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Open]:
    """Open an HTML file (or `url=`) in a fresh context: `open_page(path, viewport=DESKTOP)`."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    contexts = []

    def open_(
        path: Path | None = None,
        viewport: dict[str, int] | None = None,
        hash: str = "",
        bypass_csp: bool = False,
        url: str | None = None,
    ) -> Visit:
        context = browser.new_context(viewport=viewport or DESKTOP, bypass_csp=bypass_csp)  # type: ignore[arg-type]
        contexts.append(context)
        page = context.new_page()
        assert url is not None or path is not None
        visit = Visit(page=page, url=url or Path(str(path)).resolve().as_uri())

        def on_console(message: ConsoleMessage) -> None:
            if message.type in ("error", "warning"):
                visit.errors.append(f"console {message.type}: {message.text}")

        def on_dialog(dialog: Dialog) -> None:
            visit.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        def on_request(request: Request) -> None:
            visit.requests.append(request.url)

        page.on("console", on_console)
        page.on("pageerror", lambda error: visit.errors.append(f"page error: {error}"))
        page.on("dialog", on_dialog)
        page.on("request", on_request)
        page.set_default_timeout(10_000)
        page.goto(visit.url + hash)
        try:
            page.wait_for_selector("body[data-ready]", state="attached")
        except PlaywrightTimeout:
            raise AssertionError(f"the page never became ready: {visit.errors}") from None
        return visit

    yield open_
    for context in contexts:
        context.close()


def html(debate: Debate, options: ExportOptions | None = None) -> str:
    """The debate exported as an HTML page."""
    page = export(debate, "html", options)
    assert isinstance(page, str)
    return page


def write_page(
    folder: Path, name: str, debate: Debate, options: ExportOptions | None = None
) -> Path:
    """Export `debate` as HTML into `folder/name`."""
    path = folder / name
    path.write_text(html(debate, options), encoding="utf-8")
    return path


def artifact(name: str) -> Path:
    """A path under tests/artifacts/ (git-ignored) for people to look at after a run."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


def cli_options(debate: Debate, folder: Path, semantics: str | None = None) -> ExportOptions:
    """What `agidebate export --format html` gives the page: every perspective of the debate
    in `folder` under every semantics, starting at `semantics` (default: the registry's
    default) and base weights."""
    from agidebate.export.weighings import weigh

    found = weigh(debate, folder, semantics=semantics)
    run = found.run(*found.initial)
    return ExportOptions(scores=run.scores, semantics=run.semantics, weighings=found)


BIG = 2_000  # claims in the generated debate the page must stay usable with


@pytest.fixture(scope="session")
def big_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated 2,000-claim debate (bench/generate.py) exported as the CLI does."""
    from agidebate.format.load import load_debate
    from bench.generate import generate, write

    folder = tmp_path_factory.mktemp("big")
    files, _ = generate(BIG - 1, 12, 25, seed=1)
    write(folder / "debate", files)
    debate = load_debate(folder / "debate")
    assert len(debate) == BIG
    return write_page(folder, "big.html", debate, cli_options(debate, folder / "debate"))


@pytest.fixture(scope="session")
def bundled_debate() -> Debate:
    from agidebate.format.load import load_debate
    from tests.conftest import BUNDLED

    return load_debate(BUNDLED)


@pytest.fixture(scope="session")
def weighed_page(bundled_debate: Debate, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled debate's page as `agidebate export --format html` writes it."""
    folder = tmp_path_factory.mktemp("weighed")
    from tests.conftest import BUNDLED

    return write_page(folder, "map.html", bundled_debate, cli_options(bundled_debate, BUNDLED))
