"""Help lines on screen, the person's country, and the calm card shown when someone's
words suggest crisis.

Crisis detection is a soft backup only: the card never blocks saving, and nothing
about it firing is stored anywhere. The country is a setting of the person's space, so
every card and page shows their own lines; before they choose, the browser's language
tag decides when it names a country we have lines for, else the US.
"""

from __future__ import annotations

import streamlit as st

from core import store
from core.safety import (
    DEFAULT_COUNTRY,
    INTERNATIONAL,
    HelpLine,
    canonical_country,
    country_for_locale,
    country_name,
    detect_crisis,
    emergency_numbers,
    help_lines,
)
from core.store import StoreProblem
from ui import session
from ui.nav import link
from ui.render import PROBLEMS

COUNTRY = "country"  # the setting's name in the person's space
_DISMISSED = "crisis-dismissed"
UNSAVED_COUNTRY = "country-unsaved"


def contact_links(line: HelpLine) -> None:
    st.markdown(f"**{line.name}** — {line.hours}")
    st.markdown("\n".join(f"- [{c.label}]({c.href})" for c in line.contacts))
    if line.notes:
        st.caption(line.notes)


def stored_country() -> str | None:
    """The person's own choice: kept in their space (not the demo person's, whose help
    lines would be someone else's); or, if it could not be kept, for this session."""
    unsaved = canonical_country(st.session_state.get(UNSAVED_COUNTRY))
    db = session.database()
    if unsaved is not None or db is None:
        return unsaved
    return canonical_country(store.get_settings(db, owner=session.base_owner()).get(COUNTRY))


def country() -> str:
    """The person's chosen country; before they choose, their browser's, else the US."""
    return stored_country() or country_for_locale(st.context.locale) or DEFAULT_COUNTRY


def save_country(code: str) -> None:
    db = session.database()
    found = canonical_country(code)
    if found is None:
        return
    st.session_state.pop(UNSAVED_COUNTRY, None)
    try:
        if db is None:
            raise StoreProblem("no data file")
        store.save_setting(db, owner=session.base_owner(), key=COUNTRY, value=found,
                           now=session.now())
    except PROBLEMS:  # help must show whatever happens: this session still follows it
        st.session_state[UNSAVED_COUNTRY] = found


def emergency_words(code: str) -> str:
    """"call 000 or 112" as phone links; for another country, no number is guessed."""
    numbers = emergency_numbers(code)
    if not numbers:
        return "call your local emergency number"
    return "call " + " or ".join(f"[{n}](tel:{n})" for n in numbers)


def crisis_card(*texts: str | None, key: str, harm: bool = False) -> bool:
    """Show a calm, dismissible card if any of `texts` sounds like crisis (or `harm`: a
    goal that describes harm always has it); say whether it is showing (a save in the
    same run then gets no celebration)."""
    words = " ".join(t for t in texts if t)
    if not words or not (harm or detect_crisis(words)):
        return False
    dismissed: dict[str, str] = st.session_state.setdefault(_DISMISSED, {})
    if dismissed.get(key) == words:
        return True  # closed, but the words are still there: still no celebration
    with st.container(border=True, key=f"crisis-card-{key}"):
        card(kept="Your words stay where you typed them" if harm else
             "Your words are saved as usual")
        if st.button("Close this message", key=f"crisis-close-{key}"):
            dismissed[key] = words
            st.rerun()
    return True


def card(*, kept: str = "Your words are saved as usual") -> None:
    """The card's words: listen first, then the person's own lines, then the plan."""
    code = country()
    st.markdown("#### :material/favorite: You don't have to carry this alone")
    st.write(
        "What you wrote sounds really heavy. If you're thinking about hurting yourself or "
        "ending your life, you deserve support right now. Talking to someone can help, "
        "and it's free and private."
    )
    place = "another country" if code == INTERNATIONAL else country_name(code)
    st.caption(f"Showing help for {place}.")
    for line in help_lines(code)[:1]:
        contact_links(line)
    st.markdown(f"In immediate danger, {emergency_words(code)}.")
    st.page_link(link("plan"), label="Open my safety plan", icon=":material/health_and_safety:")
    st.page_link(link("help"), label="More ways to get help, or change country",
                 icon=":material/sos:")
    st.caption(
        f"Small Steps can't check on you or respond in an emergency. {kept}; this "
        "message is not stored anywhere."
    )
