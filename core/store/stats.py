"""Aggregates computed in SQL: a bounded number of rows however long the history is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.models import Cadence, GoalStatus
from core.progress import COUNT_MILESTONES, MilestoneFacts, progress_from_counts

if TYPE_CHECKING:
    from sqlite_utils import Database

WEEK = "date(day, 'weekday 0', '-6 days')"  # the Monday of a check-in's week
CREDIT_SQL = "CASE status WHEN 'done' THEN 1.0 WHEN 'partly' THEN 0.5 ELSE 0.0 END"
MAX_WEEKS = 104
MAX_DAYS = 400


@dataclass(frozen=True)
class WeekCounts:
    week: dt.date
    done: int
    partly: int
    not_today: int
    rest: int


@dataclass(frozen=True)
class WeekMood:
    week: dt.date
    average: float
    count: int


@dataclass(frozen=True)
class DayActivity:
    day: dt.date
    done: float  # partly counts half
    check_ins: int


def _since(today: dt.date, weeks: int) -> str:
    weeks = max(1, min(weeks, MAX_WEEKS))
    monday = today - dt.timedelta(days=today.weekday())
    return (monday - dt.timedelta(weeks=weeks - 1)).isoformat()


def weekly_counts(db: Database, *, owner: str, today: dt.date, weeks: int = 12) -> list[WeekCounts]:
    rows = db.execute(
        f"""SELECT {WEEK} AS week, sum(status = 'done'), sum(status = 'partly'),
                   sum(status = 'not_today'), sum(status = 'rest')
            FROM check_ins WHERE owner = ? AND day BETWEEN ? AND ?
            GROUP BY week ORDER BY week""",
        [owner, _since(today, weeks), today.isoformat()],
    ).fetchall()
    return [WeekCounts(dt.date.fromisoformat(r[0]), *map(int, r[1:])) for r in rows]


def mood_by_week(db: Database, *, owner: str, today: dt.date, weeks: int = 12) -> list[WeekMood]:
    """Average mood per week (one mood per day: the mean over that day's check-ins)."""
    rows = db.execute(
        f"""SELECT {WEEK} AS week, avg(day_mood), count(*) FROM (
                SELECT day, avg(mood) AS day_mood FROM check_ins
                WHERE owner = ? AND day BETWEEN ? AND ? AND mood IS NOT NULL GROUP BY day)
            GROUP BY week ORDER BY week""",
        [owner, _since(today, weeks), today.isoformat()],
    ).fetchall()
    return [WeekMood(dt.date.fromisoformat(r[0]), float(r[1]), int(r[2])) for r in rows]


def wins_by_week(
    db: Database, *, owner: str, today: dt.date, weeks: int = 12
) -> list[tuple[dt.date, int]]:
    rows = db.execute(
        f"""SELECT {WEEK} AS week, count(*) FROM wins
            WHERE owner = ? AND day BETWEEN ? AND ? GROUP BY week ORDER BY week""",
        [owner, _since(today, weeks), today.isoformat()],
    ).fetchall()
    return [(dt.date.fromisoformat(r[0]), int(r[1])) for r in rows]


def daily_activity(db: Database, *, owner: str, start: dt.date, end: dt.date) -> list[DayActivity]:
    start = max(start, end - dt.timedelta(days=MAX_DAYS - 1))
    rows = db.execute(
        f"""SELECT day, sum({CREDIT_SQL}), count(*) FROM check_ins
            WHERE owner = ? AND day BETWEEN ? AND ? AND status != 'rest'
            GROUP BY day ORDER BY day""",
        [owner, start.isoformat(), end.isoformat()],
    ).fetchall()
    return [DayActivity(dt.date.fromisoformat(r[0]), float(r[1]), int(r[2])) for r in rows]


def check_in_days(db: Database, *, owner: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """Distinct days with any check-in (rest days included: planning rest is showing up)."""
    start = max(start, end - dt.timedelta(days=MAX_DAYS - 1))
    rows = db.execute(
        "SELECT DISTINCT day FROM check_ins WHERE owner = ? AND day BETWEEN ? AND ? ORDER BY day",
        [owner, start.isoformat(), end.isoformat()],
    ).fetchall()
    return [dt.date.fromisoformat(r[0]) for r in rows]


def total_check_ins(db: Database, *, owner: str) -> int:
    return int(db.execute(
        "SELECT count(*) FROM check_ins WHERE owner = ? AND status IN ('done', 'partly')", [owner]
    ).fetchone()[0])


def _nth_check_in_days(db: Database, owner: str) -> dict[int, dt.date]:
    found: dict[int, dt.date] = {}
    for n in (1, *COUNT_MILESTONES):
        row = db.execute(
            """SELECT day FROM check_ins WHERE owner = ? AND status IN ('done', 'partly')
               ORDER BY day, updated_at LIMIT 1 OFFSET ?""",
            [owner, n - 1],
        ).fetchone()
        if row is None:
            break
        found[n] = dt.date.fromisoformat(row[0])
    return found


def _first_on_target_weeks(db: Database, owner: str) -> dict[str, dt.date]:
    goals = {
        r[0]: (Cadence(r[1]), int(r[2]))
        for r in db.execute("SELECT id, cadence, times FROM goals WHERE owner = ?", [owner])
    }
    found: dict[str, dt.date] = {}
    rows = db.execute(
        f"""SELECT goal_id, {WEEK} AS week, sum({CREDIT_SQL}), sum(status = 'rest')
            FROM check_ins WHERE owner = ? AND status != 'not_today'
            GROUP BY goal_id, week ORDER BY goal_id, week""",
        [owner],
    )
    for goal_id, week, done, rest in rows:
        if goal_id in found or goal_id not in goals:
            continue
        cadence, times = goals[goal_id]
        if cadence is Cadence.ONCE:
            continue  # reaching a one-time goal is its own milestone
        if progress_from_counts(cadence=cadence, times=times, done=done, rest_days=rest).on_target:
            found[goal_id] = dt.date.fromisoformat(week)
    return found


def milestone_facts(db: Database, *, owner: str, today: dt.date) -> MilestoneFacts:
    achieved = {
        r[0]: dt.date.fromisoformat(r[1])
        for r in db.execute(
            "SELECT id, achieved_on FROM goals WHERE owner = ? AND status = ? "
            "AND achieved_on IS NOT NULL",
            [owner, GoalStatus.ACHIEVED.value],
        )
    }
    return MilestoneFacts(
        nth_check_in_days=_nth_check_in_days(db, owner),
        check_in_days=check_in_days(
            db, owner=owner, start=today - dt.timedelta(days=MAX_DAYS), end=today
        ),
        first_on_target_weeks=_first_on_target_weeks(db, owner),
        achieved=achieved,
    )
