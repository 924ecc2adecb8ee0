"""Whole journeys in real Chromium, on a desktop and a phone-sized screen.

The server runs in hosted mode, so every test's new browser context is a new visitor
with an empty private space: the journeys cannot disturb each other. Navigation goes
through the app's own links (a reload would start a new, empty session).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import (
    DESKTOP,
    PHONE,
    SHOTS,
    Outside,
    after,
    open_context,
    wait_ready,
)
from tests.browser.helpers import check_in, click, go, shows_as_typed, start, type_and_enter
from tests.server import StreamlitServer

SMART_GOAL = "I will walk around the block for 10 minutes after lunch on Monday and Friday."
TRICKY = "![x](http://example.com/t.png) <img src=x onerror=alert(1)> walk 5 minutes today"
CRISIS = "Some nights I want to kill myself"
GOAL_BOX = "Your goal, in your own words"
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    path = tmp_path_factory.mktemp("journeys") / "app.db"
    with StreamlitServer(path, env={"SMALL_STEPS_MODE": "hosted"}) as running:
        yield running


@dataclass
class Visit:
    page: Page
    outside: Outside
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def visit(request: pytest.FixtureRequest, browser: Browser,
          server: StreamlitServer) -> Iterator[Visit]:
    outside = Outside()
    context = open_context(browser, server, VIEWPORTS[request.param], outside,
                           accept_downloads=True)
    page = context.new_page()
    result = Visit(page, outside)

    def on_dialog(dialog: Dialog) -> None:
        result.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    start(page, server.url)
    yield result
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"journey-{request.node.name}.png"), full_page=True)
    context.close()
    assert outside.urls == [], "the browser asked another host for something"
    assert result.dialogs == []


def build_goal(page: Page, text: str) -> None:
    go(page, "Build a Goal")
    type_and_enter(page, GOAL_BOX, text)
    click(page, "Save my goal")
    page.get_by_text("Your goal is saved").wait_for()


def test_1_learn_then_build_then_today(visit: Visit) -> None:
    page = visit.page
    page.get_by_text("Welcome — glad you're here").wait_for()
    after(page, page.get_by_role("link", name="Learn what makes a goal SMART").click)
    page.locator("h1", has_text="Learn SMART").wait_for()
    type_and_enter(page, "A goal to try", "I want to be less anxious")
    specific = page.get_by_text("S — Specific:").last
    specific.wait_for()
    assert "not yet" in specific.locator("xpath=..").inner_text()
    page.get_by_text("M — Measurable:").last.wait_for()
    after(page, page.get_by_role("link", name="Ready? Build your own goal").click)
    page.locator("h1", has_text="Build a Goal").wait_for()
    type_and_enter(page, GOAL_BOX, SMART_GOAL)
    page.get_by_text("This goal is SMART").wait_for()
    click(page, "Save my goal")
    page.get_by_text("Your goal is saved").wait_for()
    after(page, page.get_by_role("link", name="Go to Today to check in").click)
    page.get_by_text(SMART_GOAL, exact=True).first.wait_for()


def test_2_one_click_done_then_wins(visit: Visit) -> None:
    page = visit.page
    build_goal(page, SMART_GOAL)
    go(page, "Today")
    check_in(page, "Done")
    page.get_by_text("Saved: done").first.wait_for()  # the card, and the live region
    page.get_by_text("1 of 3 this week").wait_for()
    go(page, "Celebrate Wins")
    page.get_by_text("Your very first check-in").first.wait_for()
    page.get_by_text("Did it").first.wait_for()


def test_3_not_today_reflect_make_smaller(visit: Visit) -> None:
    page = visit.page
    build_goal(page, SMART_GOAL)
    go(page, "Today")
    check_in(page, "Not today")
    page.get_by_text("Saved: not today").first.wait_for()
    after(page, page.get_by_role("link", name="Tough day? Reflect, or make the goal smaller").click)
    page.locator("h1", has_text="Check In").wait_for()
    page.get_by_label("What got in the way today?").fill("Meetings ran late.")
    click(page, "Save my reflection")
    page.get_by_text("Reflection saved").wait_for()
    after(page, page.get_by_role("tab", name="Make it smaller").click)
    smaller = page.get_by_label("A smaller version of your goal")
    assert "5 minutes" in smaller.input_value()
    click(page, "Save the smaller goal")
    page.get_by_text("your goal is made smaller").wait_for()
    go(page, "Your data")
    after(page, page.get_by_text("History (2 versions)").click)
    page.get_by_text(SMART_GOAL, exact=True).first.wait_for()
    page.get_by_text(SMART_GOAL.replace("10 minutes", "5 minutes"), exact=True).first.wait_for()


def test_4_markdown_and_html_in_a_goal_show_literally(visit: Visit) -> None:
    page = visit.page
    build_goal(page, TRICKY)
    go(page, "Today")
    shows_as_typed(page, TRICKY)
    assert page.locator("img[src='x'], img[src*='example.com']").count() == 0
    go(page, "Build a Goal")  # a second goal: Check In then offers them in a list
    click(page, "Build another goal")
    type_and_enter(page, GOAL_BOX, SMART_GOAL)
    click(page, "Save my goal")
    page.get_by_text("Your goal is saved").wait_for()
    go(page, "Check In")
    option = page.get_by_role("option").filter(has_text=TRICKY)
    for _ in range(3):  # a rerun that lands just after the click can close the list again
        page.get_by_role("combobox", name="Which goal?").click()  # opens the list; no rerun
        with contextlib.suppress(PlaywrightTimeout):
            option.wait_for(timeout=5_000)
            break
        page.keyboard.press("Escape")
    assert option.inner_text().strip() == TRICKY  # the person's words, as typed
    after(page, option.click)
    shows_as_typed(page, TRICKY)
    assert page.locator("img[src='x'], img[src*='example.com']").count() == 0
    assert not any("example.com" in url for url in visit.outside.urls)


def test_5_crisis_note_shows_help_and_still_saves(visit: Visit) -> None:
    page = visit.page
    build_goal(page, SMART_GOAL)
    go(page, "Check In")
    after(page, page.get_by_text("Add a mood, an amount or a note").click)
    page.get_by_label("Note (optional)").fill(CRISIS)
    click(page, "Save check-in")
    page.get_by_text("Saved. Thank you for checking in.").wait_for()
    page.get_by_text("You don't have to carry this alone").wait_for()
    assert page.get_by_label("Note (optional)").input_value() == CRISIS  # saved, shown again
    page.get_by_text("Saved for this day: Done").wait_for()
    after(page, page.get_by_role("link", name="More ways to get help").click)
    page.locator("h1", has_text="Get help now").wait_for()
    hrefs = page.get_by_role("main").locator("a[href]").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    schemes = {h.split(":", 1)[0] for h in hrefs if ":" in h}
    assert {"tel", "sms", "https"} <= schemes
    assert "tel:988" in hrefs and "sms:988" in hrefs


def test_9_safety_plan_from_the_crisis_card(visit: Visit) -> None:
    """The help card leads to My safety plan; it saves as it goes, large and clear, and a
    person added to it can be called or texted with one tap."""
    page = visit.page
    go(page, "Learn SMART")
    type_and_enter(page, "A goal to try", "honestly everyone would be better off without me")
    page.get_by_text("You don't have to carry this alone").wait_for()
    after(page, page.get_by_role("link", name="Open my safety plan").first.click)
    page.locator("h1", has_text="My safety plan").wait_for()
    signs = page.get_by_label("Thoughts, feelings, moods or things you notice yourself doing")
    signs.fill("Staying in bed all day\nNot answering texts")
    after(page, lambda: signs.press("Tab"))
    page.get_by_text("Saved.").first.wait_for()
    name = page.get_by_label("Name 1").first
    name.fill("Sam")
    after(page, lambda: name.press("Tab"))
    number = page.get_by_label("Number 1").first
    number.fill("0400 123 456")
    after(page, lambda: number.press("Tab"))
    call = page.get_by_role("link", name="Call Sam")
    call.wait_for()
    assert call.get_attribute("href") == "tel:0400123456"
    assert page.get_by_role("link", name="Text Sam").get_attribute("href") == "sms:0400123456"
    box = call.bounding_box()
    assert box is not None and box["height"] >= 44  # big enough to tap
    go(page, "Today")  # and it is still there when they come back
    go(page, "My safety plan")
    assert "Staying in bed all day" in page.get_by_label(
        "Thoughts, feelings, moods or things you notice yourself doing").input_value()


def download_json(page: Page, saved: Path) -> None:
    """Click the JSON download and keep the file. The file is built on the server when
    clicked; on a loaded machine a click during a rerun can go unanswered, so a second
    click is allowed (downloading twice changes nothing)."""
    button = page.get_by_role("button", name="Download all my data (JSON)")
    for attempt in range(2):
        wait_ready(page)
        try:
            with page.expect_download(timeout=30_000) as download:
                button.click()
        except PlaywrightTimeout:
            if attempt:
                raise
            continue
        download.value.save_as(saved)
        return


def test_8_export_delete_import(visit: Visit, tmp_path: Path) -> None:
    page = visit.page
    build_goal(page, SMART_GOAL)
    go(page, "Today")
    check_in(page, "Done")
    page.get_by_text("Saved: done").first.wait_for()  # the card, and the live region
    go(page, "Your data")
    saved = tmp_path / "export.json"
    download_json(page, saved)
    assert SMART_GOAL in saved.read_text(encoding="utf-8")
    after(page, page.get_by_text("Yes, I want to delete everything").click)
    click(page, "Delete all my data")
    page.get_by_text("Everything in this space is deleted").wait_for()
    go(page, "Today")
    page.get_by_text("Welcome — glad you're here").wait_for()
    go(page, "Your data")
    after(page, lambda: page.locator("input[type=file]").set_input_files(str(saved)))
    click(page, "Import this file")
    page.get_by_text("Imported 1 goal").wait_for()
    go(page, "Today")
    page.get_by_text(SMART_GOAL, exact=True).first.wait_for()
    page.get_by_text("1 of 3 this week").wait_for()


FOCUS_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const visible = (node) => {
        const s = getComputedStyle(node);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        return outline || (s.boxShadow && s.boxShadow !== 'none');
    };
    let node = el, ring = false;
    for (let i = 0; node && i < 4; i++, node = node.parentElement) ring = ring || visible(node);
    const name = el.getAttribute('aria-label') || el.innerText || el.value || '';
    return {tag: el.tagName, name: name.trim().slice(0, 80), ring: ring};
}"""


def tab_to(page: Page, wanted: str, *, tag: str | None = None, limit: int = 120) -> None:
    """Press Tab until the focused element's name contains `wanted`, checking on every
    stop that focus is visible."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_JS)
        if focused is None:
            continue
        assert focused["ring"], f"no visible focus on {focused}"
        if wanted in focused["name"] and (tag is None or focused["tag"] == tag):
            return
    raise AssertionError(f"could not reach {wanted!r} with Tab")


def test_7_keyboard_only_build_and_check_in(visit: Visit) -> None:
    page = visit.page
    tab_to(page, "Build a Goal", tag="A")
    after(page, lambda: page.keyboard.press("Enter"))
    page.locator("h1", has_text="Build a Goal").wait_for()
    tab_to(page, "Your goal, in your own words", tag="INPUT")
    page.keyboard.type(SMART_GOAL)
    after(page, lambda: page.keyboard.press("Enter"))
    page.get_by_text("This goal is SMART").wait_for()
    page.keyboard.press("Shift+Tab")  # back and forth works too
    tab_to(page, "Save my goal", tag="BUTTON")
    after(page, lambda: page.keyboard.press("Space"))
    page.get_by_text("Your goal is saved").wait_for()
    tab_to(page, "Go to Today to check in", tag="A")
    after(page, lambda: page.keyboard.press("Enter"))
    page.get_by_text(SMART_GOAL, exact=True).first.wait_for()
    tab_to(page, "Done", tag="BUTTON")
    after(page, lambda: page.keyboard.press("Space"))
    page.get_by_text("Saved: done").first.wait_for()  # the card, and the live region
    # Today's board is drawn again after the click: focus stays on the chosen option,
    # which says so without colour (pressed, with a tick), and a screen reader hears it.
    focused = page.evaluate(
        "() => [document.activeElement.innerText, document.activeElement.ariaPressed]")
    assert focused == ["✓Done", "true"]
    assert "Saved: done" in page.locator('[role="status"].ss-live').inner_text()
