"""axe-core (bundled with axe-playwright-python, injected locally — nothing from a CDN) on
every page, light and dark, empty and with data: no serious or critical WCAG 2.0/2.1/2.2
A or AA violations. Exceptions from Streamlit itself are listed in docs/accessibility.md."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.browser.conftest import DESKTOP, SHOTS, Outside, open_context
from tests.browser.helpers import click, go, start
from tests.server import StreamlitServer
from ui.nav import PAGES

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# (rule id, CSS selector fragment) pairs that come from Streamlit itself and cannot be
# fixed from the app; each is explained in docs/accessibility.md.
KNOWN_STREAMLIT: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def hosted_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    path = tmp_path_factory.mktemp("a11y") / "app.db"
    with StreamlitServer(path, env={"SMALL_STEPS_MODE": "hosted"}) as running:
        yield running


def serious(page: Page) -> list[dict[str, Any]]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] not in ("serious", "critical"):
            continue
        nodes = [n for n in violation["nodes"]
                 if not any(violation["id"] == rule and part in " ".join(map(str, n["target"]))
                            for rule, part in KNOWN_STREAMLIT)]
        if nodes:
            found.append({"id": violation["id"], "help": violation["help"],
                          "targets": [n["target"] for n in nodes][:5],
                          "html": [n["html"][:200] for n in nodes][:3]})
    return found


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("filled", [False, True], ids=["empty", "with-data"])
def test_no_serious_violations_on_any_page(browser: Browser, hosted_server: StreamlitServer,
                                           scheme: str, filled: bool) -> None:
    outside = Outside()
    context = open_context(browser, hosted_server, DESKTOP, outside, color_scheme=scheme)
    page = context.new_page()
    start(page, hosted_server.url)
    if filled:
        go(page, "Your data")
        click(page, "Try a demo")
    problems: dict[str, list[dict[str, Any]]] = {}
    for info in PAGES:
        go(page, info.title)
        page.wait_for_timeout(300)  # charts and fonts settle
        found = serious(page)
        if found:
            problems[info.key] = found
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{info.key}-{scheme}-{'data' if filled else 'empty'}"
                                         ".png"), full_page=True)
    context.close()
    report = SHOTS.parent / f"axe-{scheme}-{'data' if filled else 'empty'}.json"
    report.write_text(json.dumps(problems, indent=1))
    assert problems == {}
    assert outside.urls == []
