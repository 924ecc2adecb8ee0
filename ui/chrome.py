"""The frame every page shares: the help link in the same place, the title, the footer."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

from core import store
from ui import account, demo_mode, session
from ui.nav import ensure_routed, link

# Read once per process; style-only HTML goes to Streamlit's event container.
STYLE = f"<style>{Path(__file__).with_name('style.css').read_text(encoding='utf-8')}</style>"
HELP_LABEL = "Need help now?"
DISCLAIMER = (
    "Small Steps is a self-help tool. It is not treatment and does not replace professional care."
)


def help_link() -> None:
    st.page_link(link("help"), label=HELP_LABEL, icon=":material/sos:")


def sidebar() -> None:
    """Below Streamlit's page list (ui.nav): a note when nothing is kept."""
    with st.sidebar:
        if not session.persistent():
            st.caption(
                ":material/lock_clock: Private session: what you add here is kept only "
                "while this browser tab is open; reloading or closing it clears it. Export it "
                "from **Your data** to keep it."
            )
        account.controls("side")


@contextmanager
def page(title: str, *, icon: str, intro: str | None = None) -> Iterator[None]:
    """Render the top of a page, then its body, then the footer."""
    ensure_routed()
    st.html(STYLE)  # takes no space
    sidebar()
    help_link()
    demo_mode.banner()
    where = session.place()
    if where.problem:
        st.warning(where.problem)
    if where.elsewhere:
        st.warning(where.elsewhere, icon=":material/shield_person:")
    st.title(f"{icon} {title}")
    if intro:
        st.markdown(intro)
    try:
        yield
    except sqlite3.DatabaseError as error:  # damage found while reading, after the open
        if not store.is_damage(error):
            raise  # a bug or a busy file is not "damage": never hidden as one
        st.error(store.damaged(session.place().path), icon=":material/build:")
    st.caption(f"---\n\n{DISCLAIMER}")  # a rule, then the words: one element, not two
