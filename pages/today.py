"""Today: each active goal with one-click check-ins, this week's progress, latest wins."""

from __future__ import annotations

import streamlit as st

from core import overview, store
from core.models import CHECKIN_LABELS, CheckInStatus, GoalStatus
from ui import chrome, session
from ui.nav import path
from ui.render import celebrate, kindly, motion_on, user_text

BUTTONS = (
    (CheckInStatus.DONE, ":material/check_circle:"),
    (CheckInStatus.PARTLY, ":material/contrast:"),
    (CheckInStatus.NOT_TODAY, ":material/rainy:"),
    (CheckInStatus.REST, ":material/bedtime:"),
)
AFTER = {
    CheckInStatus.DONE: "Saved: done. Well done for showing up!",
    CheckInStatus.PARTLY: "Saved: partly. Part of it still counts.",
    CheckInStatus.NOT_TODAY: "Saved: not today. That's okay — it's information, not failure.",
    CheckInStatus.REST: "Saved: rest day. Rest is part of the plan.",
}


def welcome() -> None:
    st.subheader("Welcome — glad you're here")
    st.write(
        "Small Steps helps you pick one small goal that matters to you, check in kindly, "
        "and notice every win. There's no score to keep up and nothing to lose."
    )
    st.page_link(path("build"), label="Start with one small goal", icon=":material/flag:")
    st.page_link(path("learn"), label="Learn what makes a goal SMART", icon=":material/school:")


@st.fragment
def card(goal_id: str) -> None:
    """One goal's card. A fragment: a check-in reruns just this card, not the page."""
    db, owner, today = session.database(), session.owner(), session.today()
    goal = store.get_goal(db, owner=owner, goal_id=goal_id) if db is not None else None
    if db is None or goal is None:
        return
    item = overview.goal_card(db, owner=owner, goal=goal, today=today)
    with st.container(border=True):
        user_text(goal.text)
        st.caption(f"Plan: {goal.target_label}")
        if goal.when:
            st.text(f"When: {goal.when}")
        st.progress(item.week.fraction, text=item.week.label)
        flash = st.session_state.pop(f"today-flash-{goal_id}", None)
        if flash:
            st.success(flash, icon=":material/check_circle:")
        elif item.today is not None:
            st.write(
                f"Today so far: **{CHECKIN_LABELS[item.today.status]}** "
                "(tap another button to change it)"
            )
        columns = st.columns(len(BUTTONS))
        for column, (status, icon) in zip(columns, BUTTONS, strict=True):
            if column.button(
                CHECKIN_LABELS[status], icon=icon, key=f"today-{goal.id}-{status}", width="stretch"
            ):
                record(goal.id, status, owner)
        if item.today is not None and item.today.status is CheckInStatus.NOT_TODAY:
            st.page_link(
                path("checkin"),
                label="Tough day? Reflect, or make the goal smaller",
                icon=":material/chat:",
            )


def record(goal_id: str, status: CheckInStatus, owner: str) -> None:
    db = session.database()
    if db is None:
        return
    with kindly():
        found = overview.check_in_now(
            db,
            owner=owner,
            goal_id=goal_id,
            status=status,
            today=session.today(),
            now=session.now(),
        )
        st.session_state[f"today-flash-{goal_id}"] = AFTER[status]
        if found:  # a milestone: show the whole page again, with the wins and a celebration
            st.session_state["today-celebrate"] = found
            st.rerun()
        st.rerun(scope="fragment")


def latest_wins(feed: list[overview.FeedItem]) -> None:
    st.subheader("Latest wins")
    if not feed:
        st.write("Your wins will show up here — even tiny ones count.")
        return
    for item in feed:
        st.markdown(f"**{item.title}** · {item.day:%a %d %b}")
        if item.text:
            user_text(item.text)
    st.page_link(path("wins"), label="See all your wins", icon=":material/celebration:")


def main() -> None:
    with chrome.page("Today", icon=":material/spa:"):
        db = session.database()
        if db is None:
            return
        owner, today = session.owner(), session.today()
        found = st.session_state.pop("today-celebrate", None)
        if found:
            celebrate(found, motion=motion_on(db, owner))
        goals = store.list_goals(db, owner=owner, statuses=(GoalStatus.ACTIVE,))
        if not goals:
            welcome()
            return
        st.caption(f"{today:%A %d %B}. One tap per goal is enough.")
        for goal in goals:
            card(goal.id)
        latest_wins(overview.wins_feed(db, owner=owner, today=today, limit=3))


main()
