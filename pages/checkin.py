"""Check In: how a goal went on a day in the last week, with kind help after a hard day.
One goal at a time: Today is where every goal gets its quick one-click check-in."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlite_utils import Database

from core import overview, store
from core.models import (
    CHECKIN_LABELS,
    MOOD_WORDS,
    CheckIn,
    CheckInDraft,
    CheckInStatus,
    Goal,
    GoalStatus,
    parse,
)
from core.safety import any_crisis
from ui import chrome, session, setback
from ui.crisis import crisis_card
from ui.nav import link
from ui.render import PROBLEMS, celebrate, change_status, motion_on, refusal, user_text

DAYS_BACK = 7
ICONS = {
    CheckInStatus.DONE: ":material/check_circle:",
    CheckInStatus.PARTLY: ":material/contrast:",
    CheckInStatus.NOT_TODAY: ":material/rainy:",
    CheckInStatus.REST: ":material/bedtime:",
}


def day_label(day: dt.date, today: dt.date) -> str:
    names = {0: "Today", 1: "Yesterday"}
    return f"{names.get((today - day).days, f'{day:%A}')} ({day:%a %d %b})"


def has_extras(existing: CheckIn | None) -> bool:
    return existing is not None and (
        existing.mood is not None or existing.amount is not None or bool(existing.note)
    )


def check_in_form(goal: Goal, day: dt.date, existing: CheckIn | None) -> None:
    key = f"ci-{goal.id}-{day.isoformat()}"
    statuses = list(CheckInStatus)
    # Mood, amount and note are optional, so they wait behind a switch: a quick check-in
    # is one choice and one button. The switch starts on when this day already has any
    # of them, and turning it off hides them without clearing what is saved.
    more = st.toggle("Add a mood, an amount or a note", key=f"{key}-more",
                     value=has_extras(existing))
    with st.form(key=f"{key}-form", border=False):
        status = st.radio(  # the kind words sit where the choice is made (no intro line)
            "How did it go? Every answer is useful — there are no wrong ones.",
            statuses,
            horizontal=True,
            key=f"{key}-status",
            index=statuses.index(existing.status) if existing else 0,
            format_func=lambda s: f"{ICONS[s]} {CHECKIN_LABELS[s]}",
        )
        extras: dict[str, object] = {"mood": existing.mood, "amount": existing.amount,
                                     "note": existing.note} if existing else {}
        if more:
            extras = optional_fields(key, existing)
        submitted = st.form_submit_button("Save check-in", type="primary")
    if more:
        crisis_card(str(extras["note"] or ""), key=f"{key}-note")  # as before: not when hidden
    if submitted:
        keep = (
            existing.model_dump(include={"what_happened", "what_learned", "try_next"})
            if existing
            else {}
        )
        save(goal, {"goal_id": goal.id, "day": day, "status": status, **extras, **keep})


def optional_fields(key: str, existing: CheckIn | None) -> dict[str, object]:
    moods: list[int | None] = [None, 1, 2, 3, 4, 5]
    mood = st.select_slider(
        "Mood (optional)",
        moods,
        key=f"{key}-mood",
        value=existing.mood if existing else None,
        format_func=lambda m: "Skip" if m is None else f"{m} · {MOOD_WORDS[m]}",
    )
    amount = st.number_input(
        "Amount, if you track one (optional)",
        min_value=0.0,
        max_value=100000.0,
        value=existing.amount if existing else None,
        key=f"{key}-amount",
        placeholder="e.g. 10 minutes",
    )
    note = st.text_area(
        "Note (optional)",
        value=existing.note if existing else "",
        key=f"{key}-note",
        max_chars=2000,
        height=80,
    )
    return {"mood": mood, "amount": amount, "note": note}


def save(goal: Goal, data: dict[str, object]) -> None:
    db, today = session.database(), session.today()
    if db is None:
        return
    try:
        draft = parse(CheckInDraft, data, today=today)
        found = overview.save_and_find_milestones(
            db, owner=session.owner(), draft=draft, today=today, now=session.now()
        )
    except PROBLEMS as problem:
        refusal(problem)
        return
    # A save whose words brought up the help card gets no celebration: the milestones
    # are still recorded, and shown quietly later on Celebrate Wins.
    quiet = any_crisis(draft.note, draft.what_happened, draft.what_learned, draft.try_next)
    st.session_state["checkin-flash"] = (goal.id, () if quiet else found)
    st.rerun()


def goal_section(goal: Goal, today: dt.date) -> None:
    db = session.database()
    if db is None:
        return
    days = [today - dt.timedelta(days=k) for k in range(DAYS_BACK)]
    day = st.selectbox(
        "Which day?", days, key=f"ci-{goal.id}-day", format_func=lambda d: day_label(d, today)
    )
    existing = store.get_check_in(db, owner=session.owner(), goal_id=goal.id, day=day)
    saved = (f"\nSaved for this day: {CHECKIN_LABELS[existing.status]}. You can change it below."
             if existing else "")
    # The person's words, then ours (the plan, what is saved), as plain text in one element.
    user_text(f"{goal.text}\nPlan: {goal.target_label}{saved}")
    flash = st.session_state.get("checkin-flash")
    if flash and flash[0] == goal.id:
        st.session_state.pop("checkin-flash")
        st.success("Saved. Thank you for checking in.", icon=":material/save:")
        celebrate(flash[1], motion=motion_on(db, session.owner()))
    check_in_form(goal, day, existing)
    if existing and existing.status is CheckInStatus.NOT_TODAY:
        setback.panel(goal, existing)


def pick_goal(active: list[Goal], db: Database, owner: str, today: dt.date) -> Goal:
    """One goal at a time. It starts on a goal marked "not today" today (where Today's
    "Tough day?" link comes from), else on the first one."""
    if len(active) == 1:
        return active[0]
    tough = [c.goal_id for c in store.check_ins_between(db, owner=owner, start=today, end=today)
             if c.status is CheckInStatus.NOT_TODAY]
    start = next((i for i, g in enumerate(active) if g.id in tough), 0)
    # Option labels are drawn as plain text (never Markdown), so a goal's own words are safe.
    return st.selectbox(
        "Which goal?", active, index=start, key="ci-goal", format_func=lambda g: g.text,
        help="Check in on one goal at a time; pick another here whenever you like.",
    )


def paused_goals(goals: list[Goal]) -> None:
    if not goals:
        return
    st.subheader("Paused goals")
    st.write("Resting a goal is allowed. Pick it up again whenever you're ready.")
    db = session.database()
    for goal in goals:
        user_text(goal.text)
        if st.button("Resume this goal", key=f"resume-{goal.id}") and db is not None:
            change_status(goal.id, GoalStatus.ACTIVE)


def main() -> None:
    with chrome.page("Check In", icon=":material/check_circle:"):
        db = session.database()
        if db is None:
            return
        owner, today = session.owner(), session.today()
        active = store.list_goals(db, owner=owner, statuses=(GoalStatus.ACTIVE,))
        if not active:
            st.write("No active goals yet. When you have one, you can check in here.")
            st.page_link(link("build"), label="Build a goal", icon=":material/flag:")
        if active:
            goal_section(pick_goal(active, db, owner, today), today)
        paused_goals(store.list_goals(db, owner=owner, statuses=(GoalStatus.PAUSED,)))


main()
