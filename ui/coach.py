"""Live SMART feedback, one row per letter, shared by Learn SMART and Build a Goal."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from core.smart import Assessment
from core.text import md_escape
from ui.nav import link


def not_coached() -> None:
    """Words that describe harm get care, not coaching: kind words and the safety plan.
    The person's words stay in the box; nothing they typed is thrown away."""
    st.info(
        "It sounds like things are really hard right now. Because this could hurt you, "
        "the coach won't rate it or turn it into a goal: you deserve real support with "
        "this, not a checklist. Your words are still in the box above.",
        icon=":material/favorite:",
    )
    st.page_link(link("plan"), label="Open my safety plan", icon=":material/health_and_safety:")


def feedback(result: Assessment) -> None:
    """Each letter with an icon AND words (never colour alone); care instead of letters
    when the goal describes harm."""
    if result.harm is not None:
        not_coached()
        return
    for criterion in result.criteria.values():
        if criterion.met:
            st.markdown(
                f":material/check_circle: **{criterion.letter} — {criterion.name}:** looks good. "
                f"{md_escape(criterion.praise)}"
            )
        else:
            st.markdown(
                f":material/lightbulb: **{criterion.letter} — {criterion.name}:** not yet. "
                f"{md_escape(criterion.tip)}"
            )
    if result.is_smart:
        st.success("This goal is SMART. Nice work!", icon=":material/star:")


def suggestions(result: Assessment, *, key: str, use: Callable[[str], None] | None) -> None:
    """The coach's rewrites, shown literally, each with a one-click "use this"."""
    if not result.suggestions:
        return
    st.markdown("**Ideas from the coach**")
    for index, idea in enumerate(result.suggestions):
        with st.container(border=True):
            st.text(idea, width="stretch")
            if use is not None:
                st.button("Use this", key=f"{key}-use-{index}", on_click=use, args=(idea,))
