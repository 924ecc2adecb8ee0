"""Celebrate Wins: every win in one place, a quick way to log a small one, and charts."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlite_utils import Database

from core import content, overview, store
from core.models import WinDraft, parse
from core.safety import any_crisis
from ui import charts, chrome, session
from ui.crisis import crisis_card
from ui.render import PROBLEMS, keep_refusal, kindly, motion_on, show_kept_refusal, user_text

ICONS = {
    "milestone": ":material/military_tech:",
    "small_win": ":material/star:",
    "check_in": ":material/check_circle:",
}
CALENDAR_WEEKS = 12
CHIP_KEY = "win-chip"
SHOWN_KEY = "wins-shown"
FEED_PAGE = 5  # the newest few; the charts above sum up the rest
FEED_MAX = 100  # older wins are in the download on Your data


def log_win(db: Database, owner: str, text: str) -> None:
    with kindly():
        draft = parse(WinDraft, {"text": text, "day": session.today()}, today=session.today())
        store.add_win(db, owner=owner, draft=draft, now=session.now())
        st.session_state["wins-flash"] = "quiet" if any_crisis(text) else "cheer"
        st.rerun()


def log_chip() -> None:
    """A chip was tapped (a callback, before the page is drawn): log it as a win and
    clear the choice, so the same chip can be tapped again another time."""
    chip = st.session_state.get(CHIP_KEY)
    st.session_state[CHIP_KEY] = None
    db = session.database()
    if not chip or db is None:
        return
    try:
        draft = parse(WinDraft, {"text": chip, "day": session.today()}, today=session.today())
        store.add_win(db, owner=session.owner(), draft=draft, now=session.now())
    except PROBLEMS as problem:
        keep_refusal("wins", problem)
        return
    st.session_state["wins-flash"] = "cheer"


def quick_log(db: Database, owner: str) -> None:
    st.subheader("Log a small win")
    st.pills("Tiny things count. Tap one, or write your own.", content.small_win_chips(),
             key=CHIP_KEY, on_change=log_chip)
    with st.form("own-win", clear_on_submit=False, border=False):
        text = st.text_input(
            "My own small win", max_chars=200, key="own-win-text", placeholder="Answered one email"
        )
        submitted = st.form_submit_button("Add my win")
    crisis_card(text, key="own-win")
    if submitted:
        log_win(db, owner, text)


def show_more() -> None:
    st.session_state[SHOWN_KEY] = st.session_state.get(SHOWN_KEY, FEED_PAGE) + FEED_PAGE


def feed(db: Database, owner: str, today: dt.date) -> None:
    """The newest wins, five at a time (each drawn win is two elements on every rerun)."""
    st.subheader("Your wins")
    shown = min(int(st.session_state.get(SHOWN_KEY, FEED_PAGE)), FEED_MAX)
    items = overview.wins_feed(db, owner=owner, today=today, limit=shown + 1)
    if not items:
        st.write("Nothing here yet — your first check-in or small win will show up here.")
    for item in items[:shown]:
        st.markdown(f"{ICONS[item.kind]} **{item.title}** · {item.day:%a %d %b %Y}")
        if item.text:
            user_text(item.text)
    if len(items) > shown and shown < FEED_MAX:
        st.button("Show more wins", key="wins-more", on_click=show_more,
                  icon=":material/expand_more:")


def draw(chart: charts.Chart) -> None:
    st.vega_lite_chart(chart.spec, width="stretch", alt=chart.alt)


def chart_section(db: Database, owner: str, today: dt.date) -> None:
    st.subheader("Your progress, in pictures and words")
    motion = st.toggle(
        "Celebrate with balloons",
        value=motion_on(db, owner),
        key="motion",
        help="Turn this off if you prefer less movement on screen.",
    )
    if motion != motion_on(db, owner):
        with kindly():
            store.save_setting(db, owner=owner, key="motion", value=motion, now=session.now())
    counts = store.weekly_counts(db, owner=owner, today=today, weeks=12)
    draw(charts.check_ins_per_week(counts))
    st.write(overview.week_words(counts))
    moods = store.mood_by_week(db, owner=owner, today=today, weeks=12)
    draw(charts.mood_over_time(moods))
    st.write(overview.mood_words(moods))
    span = CALENDAR_WEEKS * 7
    days = store.daily_activity(db, owner=owner, start=today - dt.timedelta(days=span), end=today)
    draw(charts.calendar(days, end=today, weeks=CALENDAR_WEEKS))
    st.write(overview.calendar_words(days, span_days=span))


def main() -> None:
    with chrome.page("Celebrate Wins", icon=":material/celebration:"):
        db = session.database()
        if db is None:
            return
        owner, today = session.owner(), session.today()
        show_kept_refusal("wins")
        flash = st.session_state.pop("wins-flash", None)
        if flash == "quiet":  # the help card showed over these words: no cheering
            st.success("Saved.", icon=":material/save:")
        elif flash:
            st.success("Win saved. Nice one!", icon=":material/star:")
            if motion_on(db, owner):
                st.balloons()
        st.markdown(overview.wins_opening(db, owner=owner, today=today))
        quick_log(db, owner)
        feed(db, owner, today)
        chart_section(db, owner, today)


main()
