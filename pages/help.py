"""Get help now: free help lines for the person's country, and emergency numbers."""

from __future__ import annotations

import streamlit as st

from core.safety import countries, help_lines
from ui import chrome
from ui.crisis import contact_links, country, emergency_words, save_country
from ui.nav import link

PICKER = "help-country"


def chosen() -> None:
    """The picker changed (a callback): keep the country in the person's space."""
    code = st.session_state.get(PICKER)
    if isinstance(code, str):
        save_country(code)


def main() -> None:
    with chrome.page("Get help now", icon=":material/sos:"):
        options = dict(countries())
        current = country()
        code = st.selectbox(
            "Where are you?",
            options=list(options),
            format_func=options.__getitem__,
            index=list(options).index(current),
            key=PICKER,
            on_change=chosen,
            help="Your choice is kept, so every help message shows your country's lines.",
        )
        st.warning(
            f"**In immediate danger?** Please {emergency_words(code)} now.",
            icon=":material/emergency:",
        )
        st.write(
            "If you are struggling or thinking about suicide, you deserve support right now. "
            "These lines are free and confidential, and the people there are trained to listen."
        )
        for line in help_lines(code):
            with st.container(border=True):
                contact_links(line)
                # Not a caption: a link in the captions' dimmed text falls below 4.5:1.
                st.markdown(
                    f"Languages: {', '.join(line.languages)} · checked on "
                    f"[its official page]({line.source}) in {line.last_checked:%B %Y}"
                )
        st.write(
            "Reaching out is a strong and brave step, not a weakness. If talking feels too "
            "hard, texting or chatting works too. You can also tell someone you trust, or "
            "your therapist or doctor."
        )
        st.page_link(link("plan"), label="Open my safety plan: steps for hard moments",
                     icon=":material/health_and_safety:")


main()
