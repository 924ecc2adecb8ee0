"""Get help now: free help lines for the visitor's country, and emergency numbers."""

from __future__ import annotations

import streamlit as st

from core.safety import countries, emergency_numbers, help_lines
from ui import chrome
from ui.crisis import DEFAULT_COUNTRY, contact_links


def main() -> None:
    with chrome.page("Get help now", icon=":material/sos:"):
        options = dict(countries())
        code = st.selectbox(
            "Where are you?",
            options=list(options),
            format_func=options.__getitem__,
            index=list(options).index(DEFAULT_COUNTRY),
            key="help-country",
            persist_state="session",
        )
        numbers = " or ".join(emergency_numbers(code))
        st.warning(
            f"**In immediate danger?** Call **{numbers}** or your local emergency number now.",
            icon=":material/emergency:",
        )
        st.write(
            "If you are struggling or thinking about suicide, you deserve support right now. "
            "These lines are free and confidential, and the people there are trained to listen."
        )
        for line in help_lines(code):
            with st.container(border=True):
                contact_links(line)
                st.caption(
                    f"Languages: {', '.join(line.languages)} · checked {line.last_checked:%B %Y}"
                )
        st.write(
            "Reaching out is a strong and brave step, not a weakness. If talking feels too "
            "hard, texting or chatting works too. You can also tell someone you trust, or "
            "your therapist or doctor."
        )


main()
