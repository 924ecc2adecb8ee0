"""FAQ: short answers to the questions people ask, searchable, with links onward."""

from __future__ import annotations

import streamlit as st

from core import content
from core.content import FaqItem
from ui import chrome
from ui.nav import BY_KEY, link


def matches(item: FaqItem, query: str) -> bool:
    words = query.casefold().split()
    haystack = f"{item.question} {item.answer}".casefold()
    return all(word in haystack for word in words)


def show(item: FaqItem) -> None:
    with st.expander(item.question, expanded=False):
        st.write(item.answer)
        for key in item.links:
            info = BY_KEY[key]
            st.page_link(link(key), label=f"Go to {info.title}", icon=info.icon)


def resources() -> None:
    st.subheader("Learn more")
    st.markdown("\n".join(f"- [{resource.name}](<{resource.url}>) — {resource.description}"
                          for resource in content.resources()))


def main() -> None:
    with chrome.page("FAQ", icon=":material/help:", intro="Short answers to common questions."):
        query = st.text_input(
            "Search the questions",
            key="faq-search",
            placeholder="e.g. rest day, therapist, how many goals",
        )
        items = [item for item in content.faq() if matches(item, query or "")]
        if not items:
            st.write("No question matches that yet. Try fewer or different words.")
        for item in items:
            show(item)
        resources()


main()
