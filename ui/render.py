"""Small render helpers. User-written text only ever goes through `user_text`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import streamlit as st
from sqlite_utils import Database

from core import store
from core.export import ImportProblem
from core.models import GoalStatus, InvalidInput
from core.progress import Milestone
from core.store import LimitReached, StoreProblem
from ui import session

# Everything core raises with a kind, ready-to-show message.
PROBLEMS: tuple[type[Exception], ...] = (InvalidInput, LimitReached, StoreProblem, ImportProblem)


def user_text(text: str, *, prefix: str | None = None) -> None:
    """Show a person's own words literally: never as Markdown or HTML."""
    if prefix:
        st.caption(prefix)
    st.text(text, width="stretch")


def motion_on(db: Database, owner: str) -> bool:
    return bool(store.get_settings(db, owner=owner).get("motion", True))


def celebrate(found: Sequence[Milestone], *, motion: bool) -> None:
    """A toast per new milestone; balloons too unless motion is turned off."""
    for milestone in found:
        st.toast(milestone.title, icon=":material/celebration:")
    if found and motion:
        st.balloons()


def refusal_messages(problem: Exception) -> list[str]:
    """The kind sentences from core, never a traceback."""
    return list(getattr(problem, "messages", None) or [str(problem)])


def refusal(problem: Exception) -> None:
    """Show why input was refused."""
    st.warning("\n\n".join(refusal_messages(problem)), icon=":material/edit:")


@contextmanager
def kindly() -> Iterator[None]:
    """Run a change; if core refuses it, show why instead of an error. The rest of the
    block is skipped, and nothing was saved (core writes all-or-nothing)."""
    try:
        yield
    except PROBLEMS as problem:
        refusal(problem)


def keep_refusal(key: str, problem: Exception) -> None:
    """From a callback, which runs before the page is drawn: keep a refusal for
    `show_kept_refusal(key)` to show in its place on the page."""
    st.session_state[f"refusal-{key}"] = problem


def _pop_refusal(key: str) -> Exception | None:
    problem = st.session_state.pop(f"refusal-{key}", None)
    return problem if isinstance(problem, Exception) else None


def kept_refusal(key: str) -> str | None:
    """The words of a refusal kept by `keep_refusal(key)`, once (None if there is none)."""
    problem = _pop_refusal(key)
    return " ".join(refusal_messages(problem)) if problem is not None else None


def show_kept_refusal(key: str) -> None:
    problem = _pop_refusal(key)
    if problem is not None:
        refusal(problem)


def change_status(goal_id: str, status: GoalStatus) -> None:
    """Pause, resume, archive or reach a goal, then show the page again."""
    db = session.database()
    if db is None:
        return
    with kindly():
        store.set_status(
            db,
            owner=session.owner(),
            goal_id=goal_id,
            status=status,
            now=session.now(),
            today=session.today(),
        )
        st.rerun()
