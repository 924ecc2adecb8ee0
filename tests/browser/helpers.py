"""Moving around the real app the way a person does: through its own links, so the
Streamlit session (and a hosted visitor's private space) is kept."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.conftest import after, wait_ready


def open_sidebar(page: Page) -> None:
    expand = page.locator('[data-testid="stExpandSidebarButton"]')
    if expand.count() and expand.first.is_visible():
        after(page, expand.first.click)


def go(page: Page, title: str) -> None:
    """Open a page from the sidebar list (opening the sidebar first on a phone)."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    link = sidebar.get_by_role("link", name=title, exact=True)
    open_sidebar(page)  # collapsed on a phone (still "visible", but off-screen)
    after(page, link.click)
    page.locator("h1", has_text=title).first.wait_for()
    close_sidebar_on_phone(page)


def close_sidebar_on_phone(page: Page) -> None:
    size = page.viewport_size
    if size is None or size["width"] >= 640:
        return
    collapse = page.locator('[data-testid="stSidebarCollapseButton"] button')
    if collapse.count() and collapse.first.is_visible():
        after(page, collapse.first.click)


def type_and_enter(page: Page, label: str, text: str) -> None:
    box = page.get_by_label(label, exact=False).first
    box.fill(text)
    after(page, lambda: box.press("Enter"))


def click(page: Page, name: str) -> None:
    after(page, page.get_by_role("button", name=name).first.click)


def check_in(page: Page, choice: str) -> None:
    """Press an option on the first goal card on Today's board (a group of toggle
    buttons named by the question and the goal's words)."""
    group = page.get_by_role("group", name="How did it go today?").first
    after(page, group.get_by_role("button", name=choice, exact=True).click)


def start(page: Page, url: str) -> None:
    page.goto(url)
    wait_ready(page)


def shows_as_typed(page: Page, text: str) -> None:
    """The person's words as the first line of a plain-text element (Check In puts a
    "Plan:" line under them in the same element; Today's board gives them their own),
    exactly as typed."""
    element = page.locator('[data-testid="stText"], [data-testid="ss-goal"]').filter(
        has_text=text).first
    element.wait_for()
    assert element.inner_text().splitlines()[0] == text
