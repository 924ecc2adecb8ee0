"""Progress as kind counts, a forgiving strength score, milestones and GAS T-scores.

Pure functions: no clock, no database. `today` and the check-ins come in as arguments
(the store hands over bounded, pre-aggregated rows), so every number here can be
tested with golden values. Nothing here counts misses or resets a streak.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from core.models import Cadence, CheckInStatus

CREDIT: dict[CheckInStatus, float] = {
    CheckInStatus.DONE: 1.0,
    CheckInStatus.PARTLY: 0.5,
    CheckInStatus.NOT_TODAY: 0.0,
}
COUNT_MILESTONES = (5, 10, 25, 50, 100)
COMEBACK_GAP_DAYS = 3  # a check-in after 3+ days without one is a comeback
# Strength is computed over a bounded window: with m = 0.5 ** (sqrt(freq)/13), whatever
# happened more than 400 days ago weighs less than m**400 (< 1e-6 for a daily goal,
# < 1e-5 once a week), so history length never slows a page down.
STRENGTH_WINDOW_DAYS = 400


def week_start(day: dt.date) -> dt.date:
    """The Monday of `day`'s week."""
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekProgress:
    done: float  # partly counts as half
    target: int
    rest_days: int
    cadence: Cadence

    @property
    def fraction(self) -> float:
        return 0.0 if self.target == 0 else min(1.0, self.done / self.target)

    @property
    def on_target(self) -> bool:
        return self.target > 0 and self.done >= self.target

    @property
    def label(self) -> str:
        done = f"{self.done:g}"
        if self.cadence is Cadence.ONCE:
            return "Done — well done!" if self.done >= 1 else "Not yet — that's okay"
        unit = " days" if self.cadence is Cadence.DAY else ""
        return f"{done} of {self.target}{unit} this week"


def week_progress(
    *, cadence: Cadence, times: int, statuses: Iterable[CheckInStatus]
) -> WeekProgress:
    """Progress for one goal over one week, from that week's check-in statuses.

    A daily goal's target is the number of days in the week that are not rest days;
    a weekly goal's target is its number of times (rest days lower it only when fewer
    days are left than times). A one-time goal's target is 1.
    """
    statuses = list(statuses)
    rest = sum(1 for s in statuses if s is CheckInStatus.REST)
    done = sum(CREDIT.get(s, 0.0) for s in statuses)
    if cadence is Cadence.DAY:
        target = 7 - rest
    elif cadence is Cadence.WEEK:
        target = min(times, 7 - rest)
    else:
        target = 1
    return WeekProgress(done=done, target=target, rest_days=rest, cadence=cadence)


def showed_up(days: Iterable[dt.date], *, today: dt.date, window: int) -> int:
    """How many of the last `window` days (today included) have any check-in."""
    first = today - dt.timedelta(days=window - 1)
    return len({d for d in days if first <= d <= today})


SIGNPOST_DAYS = 14
SIGNPOST_MIN_MOODS = 7


def low_mood_signpost(moods: Sequence[int]) -> bool:
    """Whether to suggest, gently, talking to someone: most of the last two weeks' moods
    (at least seven noted) were 1 or 2 ("very low" or "low")."""
    low = sum(1 for mood in moods if mood <= 2)
    return len(moods) >= SIGNPOST_MIN_MOODS and low * 2 > len(moods)


def strength_multiplier(*, cadence: Cadence, times: int) -> tuple[float, float, int]:
    """(m, freq, times_per_window) for Loop Habit Tracker's score."""
    if cadence is Cadence.WEEK:
        freq, per_window = times / 7, times
    else:  # a daily goal is judged day by day; a one-time goal like a daily one
        freq, per_window = 1.0, 1
    return 0.5 ** (math.sqrt(freq) / 13), freq, per_window


def strength(
    *, cadence: Cadence, times: int, check_ins: Mapping[dt.date, CheckInStatus],
    start: dt.date, today: dt.date, initial: float = 0.0,
) -> float:
    """Loop Habit Tracker's forgiving score, 0..1: `score = prev*m + v*(1-m)`.

    `v = min(1, done_in_window / times)` with the window being the day (daily goals)
    or the last 7 days (weekly goals); partly counts half; rest days leave the score
    unchanged. A missed day lowers the score a little; it never resets it.
    """
    m, _, per_window = strength_multiplier(cadence=cadence, times=times)
    first = max(start, today - dt.timedelta(days=STRENGTH_WINDOW_DAYS - 1))
    window_days = 7 if cadence is Cadence.WEEK else 1
    score, day = initial, first
    while day <= today:
        status = check_ins.get(day)
        if status is not CheckInStatus.REST:
            done = sum(
                CREDIT.get(check_ins.get(day - dt.timedelta(days=k), CheckInStatus.NOT_TODAY),
                           0.0)
                for k in range(window_days)
            )
            score = score * m + min(1.0, done / per_window) * (1 - m)
        day += dt.timedelta(days=1)
    return score


@dataclass(frozen=True)
class Milestone:
    kind: str  # first_check_in, first_week_on_target, count, comeback, achieved
    day: dt.date
    title: str
    goal_id: str | None = None


@dataclass(frozen=True)
class MilestoneFacts:
    """What the store found, already bounded: see core.store.stats.milestone_facts."""

    nth_check_in_days: Mapping[int, dt.date]  # n -> day of the n-th done/partly check-in
    check_in_days: Sequence[dt.date]  # distinct days with any check-in, recent window, sorted
    first_on_target_weeks: Mapping[str, dt.date]  # goal id -> Monday of first week on target
    achieved: Mapping[str, dt.date]  # goal id -> day achieved


def comebacks(days: Sequence[dt.date]) -> list[dt.date]:
    """Days with a check-in after COMEBACK_GAP_DAYS or more days without one."""
    ordered = sorted(set(days))
    return [
        later for earlier, later in itertools.pairwise(ordered)
        if (later - earlier).days > COMEBACK_GAP_DAYS
    ]


def milestones(facts: MilestoneFacts) -> list[Milestone]:
    """Every milestone the facts show, newest first."""
    found: list[Milestone] = []
    first = facts.nth_check_in_days.get(1)
    if first is not None:
        found.append(Milestone("first_check_in", first, "Your very first check-in"))
    for n in COUNT_MILESTONES:
        if n in facts.nth_check_in_days:
            found.append(Milestone("count", facts.nth_check_in_days[n],
                                   f"{n} check-ins — you keep showing up"))
    for goal_id, monday in facts.first_on_target_weeks.items():
        found.append(Milestone("first_week_on_target", monday + dt.timedelta(days=6),
                               "A whole week on target", goal_id))
    for day in comebacks(facts.check_in_days):
        found.append(Milestone("comeback", day, "You came back after a break — that takes heart"))
    for goal_id, day in facts.achieved.items():
        found.append(Milestone("achieved", day, "Goal reached!", goal_id))
    return sorted(found, key=lambda m: (m.day, m.kind), reverse=True)


def gas_t_score(
    levels: Sequence[int], weights: Sequence[float] | None = None, rho: float = 0.3
) -> float:
    """Goal Attainment Scaling T-score (Kiresuk & Sherman):
    T = 50 + 10·Σ(w·x) / sqrt((1−ρ)·Σw² + ρ·(Σw)²), levels x in −2..+2."""
    if not levels:
        raise ValueError("A T-score needs at least one goal with a level.")
    if any(x not in (-2, -1, 0, 1, 2) for x in levels):
        raise ValueError("Each level must be one of -2, -1, 0, +1, +2.")
    w = [1.0] * len(levels) if weights is None else [float(x) for x in weights]
    if len(w) != len(levels) or any(not math.isfinite(x) or x <= 0 for x in w):
        raise ValueError("Give one positive weight for each goal.")
    if not 0 <= rho < 1:
        raise ValueError("rho must be at least 0 and below 1.")
    numerator = sum(wi * xi for wi, xi in zip(w, levels, strict=True))
    denominator = math.sqrt((1 - rho) * sum(wi * wi for wi in w) + rho * sum(w) ** 2)
    return 50 + 10 * numerator / denominator
