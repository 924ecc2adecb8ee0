"""Real-browser fixtures: the real server with a fresh database, and Debian's Chromium
driven by Playwright. Every request to a host other than the app's own is blocked and
recorded, so a test can assert that nothing leaves the machine."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.server import StreamlitServer

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    reason = "Debian's chromium is not installed (apt-get install -y chromium)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason}: browser tests must run in CI", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS,
                                              headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    path = tmp_path_factory.mktemp("browser") / "app.db"
    with StreamlitServer(path) as running:
        yield running


@dataclass
class Outside:
    """Requests the browser tried to make to other hosts (all blocked)."""

    urls: list[str] = field(default_factory=list)


def open_context(browser: Browser, server: StreamlitServer, viewport: dict[str, int],
                 outside: Outside, **options: object) -> BrowserContext:
    context = browser.new_context(viewport=viewport, **options)  # type: ignore[arg-type]
    own = urlparse(server.url).netloc

    def route(route: Route) -> None:
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob") or parsed.netloc == own:
            route.continue_()
        else:
            outside.urls.append(url)
            route.abort()

    context.route("**/*", route)
    return context


def after(page: Page, action: Callable[[], object], timeout: float = 30_000) -> None:
    """Do something that makes Streamlit rerun, and wait until that rerun has finished.
    (Waiting only for "notRunning" could see the state from before the rerun began.)"""
    page.evaluate("""() => {
        const app = document.querySelector('[data-testid="stApp"]');
        window.__runs = 0;
        new MutationObserver(() => {
            if (app.getAttribute('data-test-script-state') === 'running') window.__runs += 1;
        }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
    }""")
    action()
    with contextlib.suppress(PlaywrightTimeout):  # some actions need no rerun
        page.wait_for_function("() => window.__runs > 0", timeout=3_000)
    wait_ready(page, timeout)


def wait_ready(page: Page, timeout: float = 30_000) -> None:
    """Wait for Streamlit's "script finished" state, never a fixed sleep."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-connection-state="CONNECTED"]', timeout=timeout)
