"""A deep link to each page on a freshly started server renders that page with the help
link (DESIGN.md §1: a fresh server runs a deep-linked page file without the entrypoint)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import DESKTOP, PHONE, Outside, open_context, wait_ready
from tests.server import StreamlitServer
from ui.nav import PAGES


@pytest.mark.browser
@pytest.mark.parametrize("info", PAGES, ids=[p.key for p in PAGES])
def test_deep_link_on_a_fresh_server(browser: Browser, tmp_path: Path, info: object) -> None:
    from ui.nav import PageInfo

    assert isinstance(info, PageInfo)
    outside = Outside()
    with StreamlitServer(tmp_path / "fresh.db") as server:
        # nobody has opened the home page on this server: the page file runs on its own
        for viewport in (DESKTOP, PHONE):
            context = open_context(browser, server, viewport, outside)
            page = context.new_page()
            page.goto(f"{server.url}/{info.key}")
            wait_ready(page)
            page.locator("h1", has_text=info.title).first.wait_for()
            # the help link sits at the top of the page, before the title
            page.get_by_role("main").get_by_role("link", name="Need help now?").wait_for()
            page.get_by_role("link", name="Get help now").wait_for()  # and in the page list
            assert page.locator('[data-testid="stException"]').count() == 0
            context.close()
    assert outside.urls == []
