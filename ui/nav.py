"""The app's pages: titles, icons, URL paths and order, in one place."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.navigation.page import Page
from streamlit.runtime.pages_manager import PagesManager


@dataclass(frozen=True)
class PageInfo:
    key: str  # also the file name in pages/ and the URL path
    title: str
    icon: str

    @property
    def path(self) -> str:
        return f"pages/{self.key}.py"


PAGES: tuple[PageInfo, ...] = (
    PageInfo("today", "Today", ":material/spa:"),
    PageInfo("learn", "Learn SMART", ":material/school:"),
    PageInfo("build", "Build a Goal", ":material/flag:"),
    PageInfo("checkin", "Check In", ":material/check_circle:"),
    PageInfo("wins", "Celebrate Wins", ":material/celebration:"),
    PageInfo("faq", "FAQ", ":material/help:"),
    PageInfo("data", "Your data", ":material/lock:"),
    PageInfo("help", "Get help now", ":material/sos:"),
    PageInfo("plan", "My safety plan", ":material/health_and_safety:"),
)
BY_KEY = {info.key: info for info in PAGES}


ROUTED_KEY = "nav-routed"
PAGES_KEY = "nav-pages"


def link(key: str) -> Page | str:
    """What `st.page_link` takes for one of our pages: this session's page object, which
    it uses as is, or the file's path before the entrypoint has run (a page file run on
    its own), which Streamlit must resolve against the page list."""
    pages: dict[str, Page] | None = st.session_state.get(PAGES_KEY)
    return pages[key] if pages is not None else BY_KEY[key].path


def ensure_routed() -> None:
    """Streamlit's legacy multipage mode runs a deep-linked page file on its own, without
    the entrypoint, and lists raw file names: on a fresh server with a `pages/` folder,
    until the home page has run once. Switch that mode off for the whole server and run
    again, now through the entrypoint and its titles."""
    # A Streamlit internal (checked against 1.67, pinned in uv.lock); the deep-link
    # browser test fails if a new version changes it.
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        if not st.session_state.get(ROUTED_KEY):  # once: a rerun must never eat a click
            st.session_state[ROUTED_KEY] = True
            st.rerun()


def navigation() -> Page:
    """The page list, built once per session: `st.Page` resolves its file on the disk
    each time it is made (~0.1 ms a page, on every rerun of every page). A page object
    is kept per session, never shared between sessions: `st.navigation` marks the one
    that may run next on the object itself."""
    pages: dict[str, Page] | None = st.session_state.get(PAGES_KEY)
    if pages is None:
        pages = {
            info.key: st.Page(
                info.path,
                title=info.title,
                icon=info.icon,
                url_path=info.key,
                default=info.key == "today",
            )
            for info in PAGES
        }
        st.session_state[PAGES_KEY] = pages
    return st.navigation(list(pages.values()), position="sidebar")
