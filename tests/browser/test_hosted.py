"""The safe default on a real server: reachable from other machines and no mode set
means hosted — two browsers never see each other's goals, even by deep link."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import DESKTOP, Outside, after, open_context, wait_ready
from tests.server import StreamlitServer

SECRET = "Browser A private goal: stretch for 5 minutes tonight"


@pytest.mark.browser
def test_all_interfaces_without_a_mode_is_hosted_and_isolated(browser: Browser,
                                                               tmp_path: Path) -> None:
    outside = Outside()
    db = tmp_path / "public.db"
    with StreamlitServer(db, address="0.0.0.0") as server:
        first = open_context(browser, server, DESKTOP, outside).new_page()
        first.goto(f"{server.url}/build")
        wait_ready(first)
        # the first visit to a fresh server runs twice (ui.nav.ensure_routed): wait for
        # the page rather than for the first run to end
        first.get_by_text("Private session").first.wait_for()
        box = first.get_by_label("Your goal, in your own words")
        box.fill(SECRET)
        after(first, lambda: box.press("Enter"))
        after(first, first.get_by_role("button", name="Save my goal").click)
        first.get_by_text("Your goal is saved").wait_for()
        # a link in the app keeps the session (a reload would start a new, empty one)
        after(first, first.get_by_role("link", name="Today", exact=True).first.click)
        first.get_by_text(SECRET).first.wait_for()
        second = open_context(browser, server, DESKTOP, outside).new_page()
        for key in ("today", "checkin", "data", "wins"):
            second.goto(f"{server.url}/{key}")
            wait_ready(second)
            assert SECRET not in second.content(), key
    assert outside.urls == []
    assert not db.exists() or SECRET.encode() not in db.read_bytes()
