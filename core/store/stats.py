"""Aggregates computed in SQL: a bounded number of rows however long the history is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.models import GoalStatus
from core.progress import COUNT_MILESTONES, MilestoneFacts
from core.store import marks

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


def moods_between(db: Database, *, owner: str, start: dt.date, end: dt.date) -> list[int]:
    """Every mood noted on check-ins from `start` to `end` (bounded: a few per day)."""
    rows = db.execute(
        "SELECT mood FROM check_ins WHERE owner = ? AND day BETWEEN ? AND ? "
        "AND mood IS NOT NULL ORDER BY day LIMIT 2000",
        [owner, start.isoformat(), end.isoformat()],
    ).fetchall()
    return [int(r[0]) for r in rows]


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


def _nth_check_in_days(db: Database, owner: str) -> dict[int, dt.date]:
    """Day of the 1st, 5th, ... 100th done/partly check-in: one walk of the (owner, day)
    index that stops after the last milestone's row, however long the history."""
    wanted = (1, *COUNT_MILESTONES)
    rows = db.execute(
        """SELECT day FROM check_ins WHERE owner = ? AND status IN ('done', 'partly')
           ORDER BY day LIMIT ?""",
        [owner, max(wanted)],
    ).fetchall()
    return {n: dt.date.fromisoformat(rows[n - 1][0]) for n in wanted if n <= len(rows)}


def _days_for_comebacks(db: Database, owner: str, since: dt.date,
                        today: dt.date) -> list[dt.date]:
    """Check-in days from `since` to today, led by the last check-in day before `since`,
    so a comeback on `since` itself is seen too."""
    days = check_in_days(db, owner=owner, start=since, end=today)
    before = db.execute(
        "SELECT max(day) FROM check_ins WHERE owner = ? AND day < ?", [owner, since.isoformat()]
    ).fetchone()[0]
    return ([dt.date.fromisoformat(before)] if before else []) + days


def milestone_facts(db: Database, *, owner: str, today: dt.date,
                    since: dt.date | None = None) -> MilestoneFacts:
    """Everything the milestones are worked out from. Comebacks are looked for from
    `since` (at most MAX_DAYS back): a caller that only needs recent milestones, or the
    ones one check-in made, passes a recent day and reads a few rows, not years."""
    since = max(since or dt.date.min, today - dt.timedelta(days=MAX_DAYS - 1))
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
        check_in_days=_days_for_comebacks(db, owner, since, today),
        first_on_target_weeks=marks.first_on_target_weeks(db, owner),
        achieved=achieved,
    )
