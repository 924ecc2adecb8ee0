"""Your data: where it lives and who can see it, and every goal with its history."""

from __future__ import annotations

import streamlit as st
from sqlite_utils import Database

from core import store
from core.models import AREA_LABELS, Goal, GoalStatus
from ui import chrome, demo_mode, session, your_data
from ui.render import PROBLEMS, keep_refusal, show_kept_refusal, user_text

ACTIONS: dict[GoalStatus, dict[GoalStatus, str]] = {  # what a goal in each status can become
    GoalStatus.ACTIVE: {GoalStatus.ACHIEVED: ":material/celebration: I reached this goal",
                        GoalStatus.PAUSED: ":material/pause: Pause",
                        GoalStatus.ARCHIVED: ":material/archive: Archive"},
    GoalStatus.PAUSED: {GoalStatus.ACTIVE: ":material/play_arrow: Make active again",
                        GoalStatus.ARCHIVED: ":material/archive: Archive"},
    GoalStatus.ACHIEVED: {GoalStatus.ACTIVE: ":material/play_arrow: Make active again",
                          GoalStatus.ARCHIVED: ":material/archive: Archive"},
    GoalStatus.ARCHIVED: {GoalStatus.ACTIVE: ":material/unarchive: Un-archive"},
}
STATUS_WORDS = {
    GoalStatus.ACTIVE: "Active",
    GoalStatus.PAUSED: "Paused",
    GoalStatus.ACHIEVED: "Reached",
    GoalStatus.ARCHIVED: "Archived",
}


def history(db: Database, goal: Goal) -> None:
    versions = store.goal_versions(db, owner=session.owner(), goal_id=goal.id)
    for version in reversed(versions):
        st.caption(f"Version {version.version} · {version.reason} · {version.changed_at[:10]}")
        user_text(version.text)


def goal_row(db: Database, goal: Goal) -> None:
    with st.container(border=True):
        # The person's words, then ours about the goal, as plain text in one element.
        user_text(f"{goal.text}\n{STATUS_WORDS[goal.status]} · {AREA_LABELS[goal.area]} · "
                  f"{goal.target_label} · started {goal.start_date:%d %b %Y}")
        if goal.version > 1:  # a goal never changed has no history to open
            with st.expander(f"History ({goal.version} versions)"):
                history(db, goal)
        st.pills(
            "Change this goal",
            list(ACTIONS[goal.status]),
            format_func=lambda status: ACTIONS[goal.status][status],
            key=f"status-{goal.id}",
            on_change=change_from_pills,
            args=(goal.id,),
        )


def change_from_pills(goal_id: str) -> None:
    """An action was chosen (a callback): change the goal's status, then clear the choice."""
    status = st.session_state.get(f"status-{goal_id}")
    st.session_state[f"status-{goal_id}"] = None
    db = session.database()
    if db is None or not isinstance(status, GoalStatus):
        return
    try:
        store.set_status(db, owner=session.owner(), goal_id=goal_id, status=status,
                         now=session.now(), today=session.today())
    except PROBLEMS as problem:
        keep_refusal("data", problem)


def main() -> None:
    with chrome.page("Your data", icon=":material/lock:"):
        your_data.privacy()
        db = session.database()
        if db is None:
            return
        show_kept_refusal("data")
        owner = session.owner()
        st.subheader("Your goals")
        goals = store.list_goals(db, owner=owner)
        if not goals:
            st.write("No goals yet.")
        for goal in goals:
            goal_row(db, goal)
        your_data.summary_section(db, owner)
        your_data.export_section(db, owner)
        your_data.import_section(db, owner)
        your_data.delete_section(db, owner)
        demo_mode.offer()


main()
