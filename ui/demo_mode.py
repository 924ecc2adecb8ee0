"""Demo mode: a made-up person to explore with, kept apart from real data.

The demo person lives under their own owner (see core.modes.demo_owner), is generated
with a fixed seed and dates relative to today, and is deleted when the demo is left.
"""

from __future__ import annotations

import streamlit as st

from core import demo, store
from ui import session


def _fill() -> None:
    db = session.database()
    if db is None:
        return
    owner = session.owner()
    if store.count_goals(db, owner=owner) == 0:
        demo.populate(db, owner=owner, today=session.today())


def start() -> None:
    st.session_state[session.DEMO_KEY] = True
    _fill()


def reset() -> None:
    db = session.database()
    if db is not None and session.in_demo():
        store.delete_owner(db, owner=session.owner())
    _fill()


def leave() -> None:
    db = session.database()
    if db is not None and session.in_demo():
        store.delete_owner(db, owner=session.owner())
    st.session_state[session.DEMO_KEY] = False


def banner() -> None:
    """Shown at the top of every page while the demo is on."""
    if not session.in_demo():
        return
    with st.container(border=True, key="demo-banner"):
        st.markdown(
            ":material/theater_comedy: **Demo** — you're looking at a made-up "
            "person. Nothing here is real, and your own data is untouched."
        )
        one, two = st.columns(2)
        one.button(
            "Reset the demo", key="demo-reset", on_click=reset, icon=":material/restart_alt:"
        )
        two.button("Leave the demo", key="demo-leave", on_click=leave, icon=":material/logout:")


def offer() -> None:
    """The "Try a demo" section and button (Your data page)."""
    if session.in_demo():
        st.markdown("### Try a demo\n\nThe demo is on. Use the buttons at the top of any "
                    "page to reset or leave it.")
        return
    st.markdown(
        "### Try a demo\n\n"
        "Want to look around first, or show Small Steps in a session? The demo fills "
        "the app with a made-up person's six weeks: goals, check-ins, a setback, a "
        "smaller version, a comeback and small wins. Your own data stays as it is."
    )
    st.button("Try a demo", key="demo-start", on_click=start, icon=":material/play_circle:")
