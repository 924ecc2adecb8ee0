"""The frame every page shares: the help link in the same place, the title, the footer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

HELP_PAGE = "pages/help.py"
HELP_LABEL = "Need help now?"
DISCLAIMER = (
    "Small Steps is a self-help tool. It is not treatment and does not replace "
    "professional care."
)


def help_link(*, sidebar: bool) -> None:
    where = st.sidebar if sidebar else st
    where.page_link(HELP_PAGE, label=HELP_LABEL, icon="🆘")


@contextmanager
def page(title: str, *, icon: str, intro: str | None = None) -> Iterator[None]:
    """Render the top of a page, then its body, then the footer."""
    help_link(sidebar=True)
    help_link(sidebar=False)
    st.title(f"{icon} {title}")
    if intro:
        st.write(intro)
    yield
    st.divider()
    st.caption(DISCLAIMER)
