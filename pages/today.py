"""Today: each active goal with one-click check-ins, this week's progress, latest wins."""

from __future__ import annotations

import streamlit as st

from core import overview, store
from core.models import CHECKIN_LABELS, CheckInStatus, GoalStatus
from ui import chrome, session
from ui.nav import link
from ui.render import PROBLEMS, celebrate, keep_refusal, motion_on, show_kept_refusal, user_text

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
    st.page_link(link("build"), label="Start with one small goal", icon=":material/flag:")
    st.page_link(link("learn"), label="Learn what makes a goal SMART", icon=":material/school:")


OPTIONS = [status for status, _icon in BUTTONS]
ICON = dict(BUTTONS)


def option_label(status: CheckInStatus) -> str:
    return f"{ICON[status]} {CHECKIN_LABELS[status]}"


@st.fragment
def card(goal_id: str) -> None:
    """One goal's card. A fragment: a check-in reruns just this card, not the page."""
    if st.session_state.get("today-celebrate"):
        st.rerun()  # the check-in reached a milestone: show the whole page, with the wins
    db, owner, today = session.database(), session.owner(), session.today()
    goal = store.get_goal(db, owner=owner, goal_id=goal_id) if db is not None else None
    if db is None or goal is None:
        return
    item = overview.goal_card(db, owner=owner, goal=goal, today=today)
    saved = item.today.status if item.today is not None else None
    with st.container(border=True):
        # The person's words, and when they planned it, as plain text in one element.
        user_text(f"{goal.text}\nWhen: {goal.when}" if goal.when else goal.text)
        st.progress(item.week.fraction, text=f"{item.week.label} · plan: {goal.target_label}")
        flash = st.session_state.pop(f"today-flash-{goal_id}", None)
        if flash:
            st.success(flash, icon=":material/check_circle:")
        # One control, one click: choosing an option saves it. Nothing is chosen until
        # the first check-in of the day; after that the choice can change but not vanish.
        show_kept_refusal(f"today-{goal_id}")
        st.segmented_control(
            "How did it go today?",
            OPTIONS,
            default=saved,
            required=True,
            format_func=option_label,
            key=f"today-{goal.id}",
            on_change=record,
            args=(goal.id, owner, saved),
        )
        if saved is CheckInStatus.NOT_TODAY:
            st.page_link(
                link("checkin"),
                label="Tough day? Reflect, or make the goal smaller",
                icon=":material/chat:",
            )


def record(goal_id: str, owner: str, saved: CheckInStatus | None) -> None:
    """Save the option just chosen (a callback: it runs before the card is drawn again).
    If core refuses it, the card shows why and the choice goes back to what is saved."""
    key = f"today-{goal_id}"
    chosen = st.session_state.get(key)
    db = session.database()
    if db is None or not isinstance(chosen, CheckInStatus) or chosen is saved:
        return
    try:
        found = overview.check_in_now(
            db, owner=owner, goal_id=goal_id, status=chosen, today=session.today(),
            now=session.now(),
        )
    except PROBLEMS as problem:
        keep_refusal(f"today-{goal_id}", problem)
        st.session_state[key] = saved
        return
    st.session_state[f"today-flash-{goal_id}"] = AFTER[chosen]
    if found:
        st.session_state["today-celebrate"] = found


def latest_wins(feed: list[overview.FeedItem]) -> None:
    st.subheader("Latest wins")
    if not feed:
        st.write("Your wins will show up here — even tiny ones count.")
        return
    for item in feed:
        st.markdown(f"**{item.title}** · {item.day:%a %d %b}")
        if item.text:
            user_text(item.text)
    st.page_link(link("wins"), label="See all your wins", icon=":material/celebration:")


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
