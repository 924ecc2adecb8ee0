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
)
BY_KEY = {info.key: info for info in PAGES}


def path(key: str) -> str:
    return BY_KEY[key].path


ROUTED_KEY = "nav-routed"


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
    pages = [
        st.Page(
            info.path,
            title=info.title,
            icon=info.icon,
            url_path=info.key,
            default=info.key == "today",
        )
        for info in PAGES
    ]
    return st.navigation(pages, position="sidebar")
