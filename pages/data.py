"""Your data: where it lives and who can see it, and every goal with its history."""

from __future__ import annotations

import streamlit as st
from sqlite_utils import Database

from core import store
from core.models import AREA_LABELS, Goal, GoalStatus
from ui import chrome, demo_mode, session, your_data
from ui.render import change_status, user_text

STATUS_WORDS = {
    GoalStatus.ACTIVE: "Active",
    GoalStatus.PAUSED: "Paused",
    GoalStatus.ACHIEVED: "Reached",
    GoalStatus.ARCHIVED: "Archived",
}


def history(db: Database, goal: Goal) -> None:
    versions = store.goal_versions(db, owner=session.owner(), goal_id=goal.id)
    if len(versions) < 2:
        st.caption("No earlier versions.")
        return
    for version in reversed(versions):
        st.caption(f"Version {version.version} · {version.reason} · {version.changed_at[:10]}")
        user_text(version.text)


def goal_row(db: Database, goal: Goal) -> None:
    with st.container(border=True):
        user_text(goal.text)
        st.caption(
            f"{STATUS_WORDS[goal.status]} · {AREA_LABELS[goal.area]} · "
            f"{goal.target_label} · started {goal.start_date:%d %b %Y}"
        )
        with st.expander(f"History ({goal.version} version{'s' if goal.version > 1 else ''})"):
            history(db, goal)
        actions = []
        if goal.status is GoalStatus.ACTIVE:
            actions = [
                ("I reached this goal :material/celebration:", GoalStatus.ACHIEVED),
                ("Archive", GoalStatus.ARCHIVED),
            ]
        elif goal.status is GoalStatus.ARCHIVED:
            actions = [("Un-archive", GoalStatus.ACTIVE)]
        else:
            actions = [("Make active again", GoalStatus.ACTIVE), ("Archive", GoalStatus.ARCHIVED)]
        columns = st.columns(len(actions))
        for column, (label, status) in zip(columns, actions, strict=True):
            if column.button(label, key=f"status-{goal.id}-{status}"):
                change_status(goal.id, status)


def main() -> None:
    with chrome.page("Your data", icon=":material/lock:"):
        your_data.privacy()
        db = session.database()
        if db is None:
            return
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
        st.subheader("Try a demo")
        demo_mode.offer()


main()
