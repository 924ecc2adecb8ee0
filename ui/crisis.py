"""Help lines on screen, and the calm card shown when someone's words suggest crisis.

Crisis detection is a soft backup only: the card never blocks saving, and nothing
about it firing is stored anywhere.
"""

from __future__ import annotations

import streamlit as st

from core.safety import HelpLine, detect_crisis, emergency_number, help_lines
from ui.nav import link

DEFAULT_COUNTRY = "US"
_DISMISSED = "crisis-dismissed"


def contact_links(line: HelpLine) -> None:
    st.markdown(f"**{line.name}** — {line.hours}")
    st.markdown("\n".join(f"- [{c.label}]({c.href})" for c in line.contacts))
    if line.notes:
        st.caption(line.notes)


def country() -> str:
    value = st.session_state.get("help-country", DEFAULT_COUNTRY)
    return value if isinstance(value, str) else DEFAULT_COUNTRY


def crisis_card(*texts: str | None, key: str) -> None:
    """Show a calm, dismissible card if any of `texts` sounds like crisis."""
    words = " ".join(t for t in texts if t)
    if not words or not detect_crisis(words):
        return
    dismissed: dict[str, str] = st.session_state.setdefault(_DISMISSED, {})
    if dismissed.get(key) == words:
        return
    with st.container(border=True, key=f"crisis-card-{key}"):
        st.markdown("#### :material/favorite: You don't have to carry this alone")
        st.write(
            "Some of what you wrote sounds really heavy. If you are thinking about hurting "
            "yourself or ending your life, please reach out to someone now — it's free, "
            "private and open all day and night."
        )
        code = country()
        for line in help_lines(code)[:1]:
            contact_links(line)
        st.write(
            f"In immediate danger, call **{emergency_number(code)}** or your local "
            "emergency number."
        )
        st.page_link(link("help"), label="More ways to get help", icon=":material/sos:")
        st.caption("Your words are saved as usual. This message is not stored anywhere.")
        if st.button("Close this message", key=f"crisis-close-{key}"):
            dismissed[key] = words
            st.rerun()
