"""What a page shows, put together from the store and the progress maths.

Pages call these so they hold no SQL and no scoring maths. Every function takes the
owner and `today` explicitly and reads a bounded number of rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core import store
from core.models import CheckIn, CheckInDraft, CheckInStatus, Goal, GoalStatus, parse
from core.progress import (
    SIGNPOST_DAYS,
    Milestone,
    WeekProgress,
    low_mood_signpost,
    milestones,
    showed_up,
    week_progress,
    week_start,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class GoalCard:
    goal: Goal
    week: WeekProgress
    today: CheckIn | None


def goal_card(db: Database, *, owner: str, goal: Goal, today: dt.date) -> GoalCard:
    """One goal with this week's progress and today's check-in (at most 7 rows read)."""
    week = store.check_ins_between(db, owner=owner, start=week_start(today), end=today,
                                   goal_id=goal.id)
    progress = week_progress(cadence=goal.cadence, times=goal.times,
                             statuses=[c.status for c in week])
    return GoalCard(goal, progress, next((c for c in week if c.day == today), None))


def goal_cards(db: Database, *, owner: str, today: dt.date) -> list[GoalCard]:
    """Each active goal with this week's progress and today's check-in."""
    goals = store.list_goals(db, owner=owner, statuses=(GoalStatus.ACTIVE,))
    return [goal_card(db, owner=owner, goal=goal, today=today) for goal in goals]


def check_in_now(
    db: Database, *, owner: str, goal_id: str, status: CheckInStatus, today: dt.date,
    now: dt.datetime,
) -> list[Milestone]:
    """One-click check-in for today, keeping any note already saved for the day.
    Returns the milestones this check-in reached, for a small celebration."""
    existing = store.get_check_in(db, owner=owner, goal_id=goal_id, day=today)
    data = existing.model_dump(exclude={"updated_at"}) if existing else {"goal_id": goal_id,
                                                                        "day": today}
    draft = parse(CheckInDraft, data | {"status": status}, today=today)
    return save_and_find_milestones(db, owner=owner, draft=draft, today=today, now=now)


def save_and_find_milestones(
    db: Database, *, owner: str, draft: CheckInDraft, today: dt.date, now: dt.datetime
) -> list[Milestone]:
    # Saving day D can only add a comeback on D itself, so comebacks are looked for
    # from D on: both reads stay a few rows however long the history.
    since = min(draft.day, today)
    before = set(milestones(store.milestone_facts(db, owner=owner, today=today, since=since)))
    store.save_check_in(db, owner=owner, draft=draft, now=now)
    after = milestones(store.milestone_facts(db, owner=owner, today=today, since=since))
    return [m for m in after if m not in before]


@dataclass(frozen=True)
class FeedItem:
    day: dt.date
    kind: str  # check_in, small_win, milestone
    title: str  # our words
    text: str | None = None  # the person's words: render as plain text only


def wins_feed(db: Database, *, owner: str, today: dt.date, limit: int = 30) -> list[FeedItem]:
    """Recent wins of every kind, newest first."""
    goals = {g.id: g for g in store.list_goals(db, owner=owner)}
    items: list[FeedItem] = []
    check_ins = store.recent_check_ins(db, owner=owner, limit=limit)
    for c in check_ins:
        goal = goals.get(c.goal_id)
        title = "Did it" if c.status is CheckInStatus.DONE else "Did part of it — that counts"
        items.append(FeedItem(c.day, "check_in", title, goal.text if goal else None))
    wins = store.recent_wins(db, owner=owner, limit=limit)
    for w in wins:
        items.append(FeedItem(w.day, "small_win", "Small win", w.text))
    # With `limit` check-ins (or wins) already found, nothing older than the oldest of
    # them can make the list: look for comebacks only from that day on.
    full = [found[-1].day for found in (check_ins, wins) if len(found) == limit]
    facts = store.milestone_facts(db, owner=owner, today=today, since=max(full, default=None))
    for m in milestones(facts)[:limit]:
        goal = goals.get(m.goal_id) if m.goal_id else None
        items.append(FeedItem(m.day, "milestone", m.title, goal.text if goal else None))
    order = {"milestone": 0, "small_win": 1, "check_in": 2}
    items.sort(key=lambda i: (i.day, -order[i.kind]), reverse=True)
    return items[:limit]


@dataclass(frozen=True)
class ShowingUp:
    last_7: int
    last_30: int


def showing_up(db: Database, *, owner: str, today: dt.date) -> ShowingUp:
    days = store.check_in_days(db, owner=owner, start=today - dt.timedelta(days=29), end=today)
    return ShowingUp(
        last_7=showed_up(days, today=today, window=7),
        last_30=showed_up(days, today=today, window=30),
    )


def low_mood_lately(db: Database, *, owner: str, today: dt.date) -> bool:
    """Most moods of the last two weeks were low (see `progress.low_mood_signpost`)."""
    start = today - dt.timedelta(days=SIGNPOST_DAYS - 1)
    return low_mood_signpost(store.moods_between(db, owner=owner, start=start, end=today))


def wins_opening(db: Database, *, owner: str, today: dt.date) -> str:
    """Celebrate Wins' opening words (Markdown, our words only). Never a deficit such as
    "0 of the last 7 days": after a quiet week, a welcome back instead."""
    up = showing_up(db, owner=owner, today=today)
    if up.last_7:
        return ("Every step counts — showing up again after a break most of all.\n\n"
                f":material/event_available: You showed up on **{up.last_7}** of the last 7 "
                f"days and **{up.last_30}** of the last 30.")
    statuses = tuple(CheckInStatus)
    if store.recent_check_ins(db, owner=owner, limit=1, statuses=statuses):
        return ("**Welcome back — it's good to see you.** Coming back after a break is a "
                "win in itself. Your next check-in, or a small win below, is a fresh start.")
    return ("**Welcome!** Every step counts here. Your first check-in or small win will "
            "show up below.")


def week_words(counts: list[store.WeekCounts]) -> str:
    """A sentence summarising check-ins per week, for people who'd rather read than look."""
    if not counts:
        return "No check-ins in these weeks yet. The chart will fill in as you go."
    total = sum(c.done + c.partly for c in counts)
    best = max(counts, key=lambda c: (c.done + c.partly, c.week))
    return (f"Over {len(counts)} week{'s' if len(counts) > 1 else ''} with check-ins you did "
            f"all or part of a goal {total} time{'s' if total != 1 else ''}. Your fullest week "
            f"started {best.week:%d %B} with {best.done + best.partly}.")


def mood_words(moods: list[store.WeekMood]) -> str:
    if not moods:
        return "No moods noted yet. Adding one when you check in is optional."
    first, last = moods[0], moods[-1]
    trend = ("a little higher than" if last.average > first.average + 0.25 else
             "a little lower than" if last.average < first.average - 0.25 else "about the same as")
    return (f"Your average mood in the latest week was {last.average:.1f} out of 5, "
            f"{trend} in the week of {first.week:%d %B} ({first.average:.1f}). "
            "Moods go up and down; that's normal.")


def calendar_words(days: list[store.DayActivity], *, span_days: int) -> str:
    active = sum(1 for d in days if d.check_ins)
    return (f"In the last {span_days} days you checked in on {active} day"
            f"{'s' if active != 1 else ''}.")
