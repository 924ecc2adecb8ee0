"""Today: each active goal with one-click check-ins, this week's progress, latest wins.

The goal cards and the latest wins are one element, Today's board (ui/board.py): a
click on an option saves it (a callback, before the page is drawn again), and the whole
page is drawn once more, which costs less than a page of Streamlit widgets."""

from __future__ import annotations

import streamlit as st

from core import overview, store
from core.models import CHECKIN_LABELS, CheckInStatus, Goal, GoalStatus
from ui import board, chrome, session
from ui.nav import link
from ui.render import PROBLEMS, celebrate, keep_refusal, kept_refusal, motion_on

OPEN = "today-open"
SIGNPOST_CLOSED = "today-signpost-closed"  # this session only: nothing about it is stored
AFTER = {
    CheckInStatus.DONE: "Saved: done. Well done for showing up!",
    CheckInStatus.PARTLY: "Saved: partly. Part of it still counts.",
    CheckInStatus.NOT_TODAY: "Saved: not today. That's okay — it's information, not failure.",
    CheckInStatus.REST: "Saved: rest day. Rest is part of the plan.",
}
OPTIONS: list[board.Option] = [{"value": status.value, "label": CHECKIN_LABELS[status]}
                               for status in CheckInStatus]


def welcome() -> None:
    st.subheader("Welcome — glad you're here")
    st.write(
        "Small Steps helps you pick one small goal that matters to you, check in kindly, "
        "and notice every win. There's no score to keep up and nothing to lose."
    )
    st.page_link(link("build"), label="Start with one small goal", icon=":material/flag:")
    st.page_link(link("learn"), label="Learn what makes a goal SMART", icon=":material/school:")


def signpost() -> None:
    """A calm note when most recent moods were low. It only suggests; it never judges."""
    with st.container(border=True, key="low-mood-note"):
        st.markdown(
            "**It looks like the last couple of weeks have been heavy.** You don't have to "
            "carry that alone. Talking to someone you trust, your doctor or a therapist "
            "can really help — and free help lines are there any time, day or night."
        )
        st.page_link(link("help"), label="Free help lines, any time", icon=":material/sos:")
        st.page_link(link("plan"), label="My safety plan", icon=":material/health_and_safety:")
        if st.button("Close this note", key="low-mood-close"):
            st.session_state[SIGNPOST_CLOSED] = True
            st.rerun()


def record() -> None:
    """Save the option just chosen on the board (a callback: it runs before the page is
    drawn again). If core refuses it, the card says why and keeps what is saved."""
    choice = board.event("choice")
    db = session.database()
    if db is None or not isinstance(choice, dict):
        return
    goal_id, value = choice.get("goal"), choice.get("status")
    if not isinstance(goal_id, str) or not isinstance(value, str) or value not in {
            s.value for s in CheckInStatus}:
        return  # not something the board sends
    status = CheckInStatus(value)
    owner, today = session.owner(), session.today()
    if store.get_goal(db, owner=owner, goal_id=goal_id) is None:
        return  # not one of this person's goals
    saved = store.get_check_in(db, owner=owner, goal_id=goal_id, day=today)
    if saved is not None and saved.status is status:
        return
    try:
        found = overview.check_in_now(db, owner=owner, goal_id=goal_id, status=status,
                                      today=today, now=session.now())
    except PROBLEMS as problem:
        keep_refusal(f"today-{goal_id}", problem)
        return
    st.session_state[f"today-flash-{goal_id}"] = AFTER[status]
    if found:
        st.session_state["today-celebrate"] = found


def open_page() -> None:
    page = board.event("open")
    if isinstance(page, str) and page in {"checkin", "wins"}:
        st.session_state[OPEN] = page  # switched to in the script: not from a callback


def card(item: overview.GoalCard) -> board.Card:
    goal: Goal = item.goal
    saved = item.today.status if item.today is not None else None
    return {
        "id": goal.id,
        "text": goal.text,
        "when": f"When: {goal.when}" if goal.when else None,
        "progress": f"{item.week.label} · plan: {goal.target_label}",
        "fraction": item.week.fraction,
        "saved": saved.value if saved is not None else None,
        "flash": st.session_state.pop(f"today-flash-{goal.id}", None),
        "problem": kept_refusal(f"today-{goal.id}"),
        "tough": saved is CheckInStatus.NOT_TODAY,
    }


def main() -> None:
    page = st.session_state.pop(OPEN, None)
    if page is not None:
        st.switch_page(link(page))
    with chrome.page("Today", icon=":material/spa:"):
        db = session.database()
        if db is None:
            return
        owner, today = session.owner(), session.today()
        found = st.session_state.pop("today-celebrate", None)
        if found:
            celebrate(found, motion=motion_on(db, owner))
        if (not st.session_state.get(SIGNPOST_CLOSED)
                and overview.low_mood_lately(db, owner=owner, today=today)):
            signpost()
        goals = store.list_goals(db, owner=owner, statuses=(GoalStatus.ACTIVE,))
        if not goals:
            welcome()
            return
        feed = overview.wins_feed(db, owner=owner, today=today, limit=3)
        board.show(
            date=f"{today:%A %d %B}. One tap per goal is enough.",
            question="How did it go today?",
            options=OPTIONS,
            cards=[card(overview.goal_card(db, owner=owner, goal=g, today=today)) for g in goals],
            wins=[{"title": w.title, "day": f"{w.day:%a %d %b}", "text": w.text} for w in feed],
            wins_heading="Latest wins",
            wins_empty="Your wins will show up here — even tiny ones count.",
            wins_more={"page": "wins", "label": "See all your wins"},
            tough={"page": "checkin", "label": "Tough day? Reflect, or make the goal smaller"},
            on_choice=record,
            on_open=open_page,
        )


main()
