"""Each goal's first week on target, kept up to date as check-ins are written.

Finding a goal's first good week means reading its history from the start, and a daily
goal can go months before a whole week on target (or never get one). So the answer is
stored in `goal_marks` (one row per goal; `first_on_target` NULL means "none yet") and
updated inside the same transaction as every write that could change it:

- a check-in saved or removed on day D can only change the answer if D's week is not
  later than the stored one: that week alone is re-read (at most 7 rows);
- only when the stored week itself stops being on target, or a goal's plan changes, or
  a whole space is imported, is the goal's history scanned again.

Callers must already be inside `write(db)`. A goal with no row (which no write path
leaves behind) is answered by a scan, so a read is never wrong.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from core.models import Cadence, CheckInStatus
from core.progress import week_progress, week_start

if TYPE_CHECKING:
    from sqlite_utils import Database

UNKNOWN = object()  # no row for this goal yet


def _plan(db: Database, owner: str, goal_id: str) -> tuple[Cadence, int] | None:
    row = db.execute("SELECT cadence, times FROM goals WHERE owner = ? AND id = ?",
                     [owner, goal_id]).fetchone()
    return (Cadence(row[0]), int(row[1])) if row else None


def _on_target(db: Database, owner: str, goal_id: str, monday: dt.date,
               plan: tuple[Cadence, int]) -> bool:
    statuses = [CheckInStatus(r[0]) for r in db.execute(
        "SELECT status FROM check_ins WHERE owner = ? AND goal_id = ? AND day BETWEEN ? AND ?",
        [owner, goal_id, monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()],
    )]
    return week_progress(cadence=plan[0], times=plan[1], statuses=statuses).on_target


def scan_first_on_target(db: Database, owner: str, goal_id: str,
                         plan: tuple[Cadence, int]) -> dt.date | None:
    """The Monday of the goal's first week on target, from its whole history (in the
    primary key's day order, stopping at the end of that week)."""
    if plan[0] is Cadence.ONCE:
        return None  # reaching a one-time goal is its own milestone
    week: dt.date | None = None
    statuses: list[CheckInStatus] = []

    def good() -> bool:
        return week_progress(cadence=plan[0], times=plan[1], statuses=statuses).on_target

    for day_text, status in db.execute(
        "SELECT day, status FROM check_ins WHERE owner = ? AND goal_id = ? ORDER BY day",
        [owner, goal_id],
    ):
        monday = week_start(dt.date.fromisoformat(day_text))
        if monday != week:
            if week is not None and good():
                return week
            week, statuses = monday, []
        statuses.append(CheckInStatus(status))
    return week if week is not None and good() else None


def _store(db: Database, owner: str, goal_id: str, monday: dt.date | None) -> None:
    db.execute(
        """INSERT INTO goal_marks (owner, goal_id, first_on_target) VALUES (?, ?, ?)
           ON CONFLICT (owner, goal_id) DO UPDATE SET first_on_target = excluded.first_on_target""",
        [owner, goal_id, monday.isoformat() if monday else None],
    )


def _stored(db: Database, owner: str, goal_id: str) -> dt.date | object | None:
    row = db.execute("SELECT first_on_target FROM goal_marks WHERE owner = ? AND goal_id = ?",
                     [owner, goal_id]).fetchone()
    if row is None:
        return UNKNOWN
    return dt.date.fromisoformat(row[0]) if row[0] else None


def rescan(db: Database, owner: str, goal_id: str) -> None:
    """Work the goal's mark out again from its whole history (plan changed, import)."""
    plan = _plan(db, owner, goal_id)
    if plan is not None:
        _store(db, owner, goal_id, scan_first_on_target(db, owner, goal_id, plan))


def after_check_in_change(db: Database, owner: str, goal_id: str, day: dt.date) -> None:
    """A check-in on `day` was saved, changed or removed: bring the mark up to date."""
    plan = _plan(db, owner, goal_id)
    if plan is None:
        return
    stored, monday = _stored(db, owner, goal_id), week_start(day)
    if stored is UNKNOWN:
        rescan(db, owner, goal_id)
    elif isinstance(stored, dt.date) and monday > stored:
        return  # a later week cannot change which week came first
    elif monday == stored:
        if not _on_target(db, owner, goal_id, monday, plan):
            rescan(db, owner, goal_id)  # the first good week is not good any more
    elif plan[0] is not Cadence.ONCE and _on_target(db, owner, goal_id, monday, plan):
        _store(db, owner, goal_id, monday)  # earlier than any good week so far


def first_on_target_weeks(db: Database, owner: str) -> dict[str, dt.date]:
    """Goal id -> Monday of its first week on target, for goals that have one."""
    found: dict[str, dt.date] = {}
    for goal_id, cadence, times, mark, known in db.execute(
        """SELECT g.id, g.cadence, g.times, m.first_on_target, m.goal_id IS NOT NULL
           FROM goals g LEFT JOIN goal_marks m ON m.owner = g.owner AND m.goal_id = g.id
           WHERE g.owner = ? ORDER BY g.id""",
        [owner],
    ).fetchall():
        plan = (Cadence(cadence), int(times))
        if plan[0] is Cadence.ONCE:
            continue
        monday = (dt.date.fromisoformat(mark) if mark else None) if known else \
            scan_first_on_target(db, owner, goal_id, plan)
        if monday is not None:
            found[goal_id] = monday
    return found
