"""Progress maths: golden values for the strength score and GAS, kind week counts,
milestones including comebacks."""

from __future__ import annotations

import datetime as dt

import pytest

from core.models import Cadence, CheckInStatus
from core.progress import (
    MilestoneFacts,
    comebacks,
    gas_t_score,
    milestones,
    showed_up,
    strength,
    week_progress,
    week_start,
)

D, P, N, R = (CheckInStatus.DONE, CheckInStatus.PARTLY, CheckInStatus.NOT_TODAY,
              CheckInStatus.REST)
START = dt.date(2026, 1, 1)


def daily(days: dict[int, CheckInStatus], *, until: int, initial: float = 0.0) -> float:
    check_ins = {START + dt.timedelta(days=k): s for k, s in days.items()}
    return strength(cadence=Cadence.DAY, times=1, check_ins=check_ins, start=START,
                    today=START + dt.timedelta(days=until), initial=initial)


def test_strength_daily_goal_done_once_from_zero() -> None:
    assert daily({0: D}, until=0) == pytest.approx(0.051922, abs=1e-6)


def test_strength_daily_goal_done_once_from_half() -> None:
    assert daily({0: D}, until=0, initial=0.5) == pytest.approx(0.525961, abs=1e-6)


def test_strength_twenty_days_in_a_row() -> None:
    assert daily({k: D for k in range(20)}, until=19) == pytest.approx(0.655748, abs=1e-6)


def test_rest_day_leaves_the_score_unchanged() -> None:
    before = daily({0: D, 1: D}, until=1)
    assert daily({0: D, 1: D, 2: R}, until=2) == pytest.approx(before, abs=1e-12)


def test_a_missed_day_lowers_the_score_a_little_never_resets_it() -> None:
    ten = daily({k: D for k in range(10)}, until=9)
    after_miss = daily({k: D for k in range(10)}, until=10)
    assert 0.9 * ten < after_miss < ten


def test_partly_counts_half() -> None:
    assert daily({0: P}, until=0) == pytest.approx(0.051922 / 2, abs=1e-6)


def test_weekly_goal_uses_a_seven_day_window() -> None:
    check_ins = {START: D, START + dt.timedelta(days=2): D, START + dt.timedelta(days=4): D}
    score = strength(cadence=Cadence.WEEK, times=3, check_ins=check_ins, start=START,
                     today=START + dt.timedelta(days=6))
    m = 0.5 ** ((3 / 7) ** 0.5 / 13)
    expected = 0.0
    for v in (1 / 3, 1 / 3, 2 / 3, 2 / 3, 1, 1, 1):
        expected = expected * m + v * (1 - m)
    assert score == pytest.approx(expected, abs=1e-9)


def test_strength_window_is_bounded_but_exact_enough() -> None:
    long = {k: D for k in range(3650)}
    assert daily(long, until=3649) == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize(
    ("cadence", "times", "statuses", "label", "done", "target"),
    [
        (Cadence.WEEK, 3, [D, D], "2 of 3 this week", 2, 3),
        (Cadence.WEEK, 3, [D, P, N], "1.5 of 3 this week", 1.5, 3),
        (Cadence.DAY, 1, [D, R, R], "1 of 5 days this week", 1, 5),
        (Cadence.WEEK, 3, [R, R, R, R, R, D], "1 of 2 this week", 1, 2),
        (Cadence.ONCE, 1, [], "Not yet — that's okay", 0, 1),
        (Cadence.ONCE, 1, [D], "Done — well done!", 1, 1),
    ],
    ids=["two-of-three", "partly-is-half", "rest-days-lower-daily-target",
         "rest-days-cap-weekly-target", "one-time-not-yet", "one-time-done"],
)
def test_week_progress(cadence: Cadence, times: int, statuses: list[CheckInStatus], label: str,
                       done: float, target: int) -> None:
    progress = week_progress(cadence=cadence, times=times, statuses=statuses)
    assert (progress.label, progress.done, progress.target) == (label, done, target)


def test_week_progress_never_mentions_misses() -> None:
    progress = week_progress(cadence=Cadence.WEEK, times=3, statuses=[N, N, N])
    assert "miss" not in progress.label.lower() and progress.fraction == 0


def test_week_start_is_monday() -> None:
    assert week_start(dt.date(2026, 11, 26)) == dt.date(2026, 11, 23)
    assert week_start(dt.date(2026, 11, 29)) == dt.date(2026, 11, 23)
    assert week_start(dt.date(2026, 11, 23)) == dt.date(2026, 11, 23)


def test_showed_up_counts_days_in_window() -> None:
    today = dt.date(2026, 11, 26)
    days = [today, today, today - dt.timedelta(days=6), today - dt.timedelta(days=7),
            today - dt.timedelta(days=29), today - dt.timedelta(days=30)]
    assert showed_up(days, today=today, window=7) == 2
    assert showed_up(days, today=today, window=30) == 4


def test_comeback_needs_three_full_days_away() -> None:
    d = dt.date(2026, 11, 1)
    days = [d, d + dt.timedelta(days=3), d + dt.timedelta(days=7), d + dt.timedelta(days=8)]
    assert comebacks(days) == [d + dt.timedelta(days=7)]


def test_milestones_newest_first_with_every_kind() -> None:
    d = dt.date(2026, 11, 1)
    facts = MilestoneFacts(
        nth_check_in_days={1: d, 5: d + dt.timedelta(days=5)},
        check_in_days=[d, d + dt.timedelta(days=10)],
        first_on_target_weeks={"g1": dt.date(2026, 11, 2)},
        achieved={"g1": d + dt.timedelta(days=20)},
    )
    found = milestones(facts)
    assert [m.kind for m in found] == ["achieved", "comeback", "first_week_on_target", "count",
                                       "first_check_in"]


@pytest.mark.parametrize(
    ("levels", "expected"),
    [([0, 0, 0], 50.0), ([1, 1, 1], 63.69), ([2, 0, -1], 54.56), ([0], 50.0)],
    ids=["all-expected", "all-one-better", "mixed", "single-goal"],
)
def test_gas_t_score_known_values(levels: list[int], expected: float) -> None:
    assert gas_t_score(levels) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(
    ("levels", "weights"),
    [([], None), ([3], None), ([1, 1], [1.0]), ([1], [0.0]), ([1], [float("nan")])],
    ids=["empty", "level-out-of-range", "weights-length", "zero-weight", "nan-weight"],
)
def test_gas_t_score_refuses_bad_input_clearly(levels: list[int],
                                               weights: list[float] | None) -> None:
    with pytest.raises(ValueError, match=r"\w+"):
        gas_t_score(levels, weights)


def test_gas_weights_change_the_score() -> None:
    assert gas_t_score([2, -1], [3, 1]) > gas_t_score([2, -1])
