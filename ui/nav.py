"""The app's pages: titles, icons, URL paths and order, in one place."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.navigation.page import Page


@dataclass(frozen=True)
class PageInfo:
    key: str  # also the file name in pages/ and the URL path
    title: str
    icon: str

    @property
    def path(self) -> str:
        return f"pages/{self.key}.py"


PAGES: tuple[PageInfo, ...] = (
    PageInfo("today", "Today", "🌱"),
    PageInfo("learn", "Learn SMART", "📘"),
    PageInfo("build", "Build a Goal", "🧱"),
    PageInfo("checkin", "Check In", "✅"),
    PageInfo("wins", "Celebrate Wins", "🎉"),
    PageInfo("faq", "FAQ", "❓"),
    PageInfo("data", "Your data", "🔒"),
    PageInfo("help", "Get help now", "🆘"),
)
BY_KEY = {info.key: info for info in PAGES}


def path(key: str) -> str:
    return BY_KEY[key].path


def navigation() -> Page:
    pages = [
        st.Page(info.path, title=info.title, icon=info.icon, url_path=info.key,
                default=info.key == "today")
        for info in PAGES
    ]
    return st.navigation(pages, position="sidebar")
