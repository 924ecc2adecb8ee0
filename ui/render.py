"""Small render helpers. User-written text only ever goes through `user_text`."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from sqlite_utils import Database

from core import store
from core.progress import Milestone


def user_text(text: str, *, prefix: str | None = None) -> None:
    """Show a person's own words literally: never as Markdown or HTML."""
    if prefix:
        st.caption(prefix)
    st.text(text, width="stretch")


def motion_on(db: Database, owner: str) -> bool:
    return bool(store.get_settings(db, owner=owner).get("motion", True))


def celebrate(found: Sequence[Milestone], *, motion: bool) -> None:
    """A toast per new milestone; balloons too unless motion is turned off."""
    for milestone in found:
        st.toast(milestone.title, icon=":material/celebration:")
    if found and motion:
        st.balloons()


def refusal(problem: Exception) -> None:
    """Show why input was refused: the kind sentences from core, never a traceback."""
    messages = getattr(problem, "messages", None) or [str(problem)]
    st.warning("\n\n".join(messages), icon=":material/edit:")
