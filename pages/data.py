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


GOALS_PER_PAGE = 20
VERSIONS_SHOWN = 10  # the newest; every version is in the download


def history(db: Database, goal: Goal) -> None:
    """The newest versions, each as plain text: the reason and date can come from an
    imported file, so they are never Markdown either."""
    versions = store.goal_versions(db, owner=session.owner(), goal_id=goal.id)
    for version in reversed(versions[-VERSIONS_SHOWN:]):
        user_text(f"Version {version.version} · {version.reason} · {version.changed_at[:10]}")
        user_text(version.text)
    if len(versions) > VERSIONS_SHOWN:
        st.caption(f"{len(versions) - VERSIONS_SHOWN} earlier versions are in your download "
                   "(below).")


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


def shown(goals: list[Goal]) -> list[Goal]:
    """One page of goals at a time, so the page costs the same however many there are."""
    pages = max(1, -(-len(goals) // GOALS_PER_PAGE))
    if pages == 1:
        return goals
    page = st.number_input(f"Page of your goals (1 to {pages})", min_value=1, max_value=pages,
                           value=1, step=1, key="data-goal-page")
    first = (int(page) - 1) * GOALS_PER_PAGE
    st.caption(f"Goals {first + 1} to {min(first + GOALS_PER_PAGE, len(goals))} "
               f"of {len(goals)}")
    return goals[first:first + GOALS_PER_PAGE]


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
        for goal in shown(goals):
            goal_row(db, goal)
        your_data.summary_section(db, owner)
        your_data.export_section(db, owner)
        your_data.import_section(db, owner)
        your_data.delete_section(db, owner)
        demo_mode.offer()


main()
