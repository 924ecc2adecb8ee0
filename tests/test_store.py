"""The store: owner-scoped reads and writes, history kept, one check-in a day,
bounded aggregates, many threads, and upgrades from older databases."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from core import export, overview, store
from core.migrations import migrations
from core.models import (
    Cadence,
    CheckInDraft,
    CheckInStatus,
    DreamDraft,
    GoalDraft,
    GoalStatus,
    InvalidInput,
    WinDraft,
    parse,
)
from core.progress import week_progress, week_start
from core.store.stats import MAX_WEEKS
from tests.conftest import NOW, TODAY, check_in, in_threads, make_goal

FIXTURES = Path(__file__).parent / "fixtures"


def test_goal_round_trip_keeps_every_field(db: Database) -> None:
    goal = make_goal(db, text="أمشي ١٠ دقائق 🚶", area="joy", when="after dinner",
                     why="I feel lighter", confidence=8, smaller_version="Walk to the door",
                     review_date=TODAY + dt.timedelta(days=30),
                     gas={"expected": "3 walks", "more": "4 walks"})
    again = store.get_goal(db, owner="alice", goal_id=goal.id)
    assert again == goal
    assert again.gas is not None and again.gas.more == "4 walks"


def test_other_owners_see_nothing(db: Database) -> None:
    goal = make_goal(db, owner="alice")
    check_in(db, goal, TODAY, owner="alice", mood=3)
    store.add_win(db, owner="alice", draft=parse(WinDraft, {"text": "Drank water", "day": TODAY}),
                  now=NOW)
    bob = "bob"
    assert store.get_goal(db, owner=bob, goal_id=goal.id) is None
    assert store.list_goals(db, owner=bob) == []
    assert store.goal_versions(db, owner=bob, goal_id=goal.id) == []
    assert store.get_check_in(db, owner=bob, goal_id=goal.id, day=TODAY) is None
    assert store.check_ins_between(db, owner=bob, start=TODAY, end=TODAY) == []
    assert store.recent_check_ins(db, owner=bob) == []
    assert store.recent_wins(db, owner=bob) == []
    assert store.weekly_counts(db, owner=bob, today=TODAY) == []
    assert store.mood_by_week(db, owner=bob, today=TODAY) == []
    assert store.wins_by_week(db, owner=bob, today=TODAY) == []
    assert store.check_in_days(db, owner=bob, start=TODAY, end=TODAY) == []
    facts = store.milestone_facts(db, owner=bob, today=TODAY)
    assert not facts.nth_check_in_days and not facts.check_in_days


def test_other_owners_cannot_write_to_my_goal(db: Database) -> None:
    goal = make_goal(db, owner="alice")
    draft = parse(CheckInDraft, {"goal_id": goal.id, "day": TODAY, "status": "done"})
    with pytest.raises(InvalidInput):
        store.save_check_in(db, owner="bob", draft=draft, now=NOW)
    with pytest.raises(InvalidInput):
        store.update_goal(db, owner="bob", goal_id=goal.id, changes={"text": "x"}, reason="x",
                          now=NOW, today=TODAY)
    with pytest.raises(InvalidInput):
        store.set_status(db, owner="bob", goal_id=goal.id, status=GoalStatus.ARCHIVED, now=NOW,
                         today=TODAY)
    assert store.get_goal(db, owner="alice", goal_id=goal.id) == goal


def test_same_id_for_two_owners_stays_apart(db: Database) -> None:
    draft = parse(GoalDraft, {"text": "Walk 5 minutes today", "start_date": TODAY})
    store.add_goal(db, owner="alice", draft=draft, now=NOW, goal_id="same")
    store.add_goal(db, owner="bob", draft=draft.model_copy(update={"text": "Bob's"}), now=NOW,
                   goal_id="same")
    goal = store.get_goal(db, owner="alice", goal_id="same")
    assert goal is not None and goal.text == "Walk 5 minutes today"


def test_one_check_in_per_goal_per_day(db: Database) -> None:
    goal = make_goal(db)
    check_in(db, goal, TODAY, "not_today", note="tired")
    check_in(db, goal, TODAY, "done", mood=4)
    rows = store.check_ins_between(db, owner="alice", start=TODAY, end=TODAY)
    assert [(r.status, r.mood, r.note) for r in rows] == [(CheckInStatus.DONE, 4, None)]


def test_editing_keeps_earlier_versions(db: Database) -> None:
    goal = make_goal(db)
    store.update_goal(db, owner="alice", goal_id=goal.id,
                      changes={"text": "Walk for 5 minutes after dinner"}, reason="made smaller",
                      now=NOW, today=TODAY)
    versions = store.goal_versions(db, owner="alice", goal_id=goal.id)
    assert [(v.version, v.text, v.reason) for v in versions] == [
        (1, "Walk for 10 minutes after dinner", "created"),
        (2, "Walk for 5 minutes after dinner", "made smaller"),
    ]
    current = store.get_goal(db, owner="alice", goal_id=goal.id)
    assert current is not None and current.version == 2


def test_an_edit_that_changes_nothing_adds_no_version(db: Database) -> None:
    goal = make_goal(db)
    store.update_goal(db, owner="alice", goal_id=goal.id, changes={"text": goal.text + "  "},
                      reason="edited", now=NOW, today=TODAY)
    assert len(store.goal_versions(db, owner="alice", goal_id=goal.id)) == 1


def test_a_refused_edit_changes_nothing(db: Database) -> None:
    goal = make_goal(db)
    with pytest.raises(InvalidInput, match="few words"):
        store.update_goal(db, owner="alice", goal_id=goal.id, changes={"text": " "},
                          reason="edited", now=NOW, today=TODAY)
    assert store.get_goal(db, owner="alice", goal_id=goal.id) == goal


def test_status_changes_and_achievement(db: Database) -> None:
    goal = make_goal(db)
    store.set_status(db, owner="alice", goal_id=goal.id, status=GoalStatus.ACHIEVED, now=NOW,
                     today=TODAY, attained=1)
    done = store.get_goal(db, owner="alice", goal_id=goal.id)
    assert done is not None and done.achieved_on == TODAY and done.gas_attained == 1
    assert store.list_goals(db, owner="alice", statuses=(GoalStatus.ACTIVE,)) == []
    facts = store.milestone_facts(db, owner="alice", today=TODAY)
    assert facts.achieved == {goal.id: TODAY}


def test_aggregates_are_bounded_however_long_the_history(db: Database) -> None:
    goal = make_goal(db, cadence="day", times=1, start_date=TODAY - dt.timedelta(days=900))
    for k in range(900):
        check_in(db, goal, TODAY - dt.timedelta(days=k), "done" if k % 3 else "partly",
                 mood=1 + k % 5)
    assert len(store.weekly_counts(db, owner="alice", today=TODAY, weeks=1000)) <= MAX_WEEKS
    assert len(store.mood_by_week(db, owner="alice", today=TODAY, weeks=12)) == 12
    assert len(store.daily_activity(db, owner="alice", start=TODAY - dt.timedelta(days=3000),
                                    end=TODAY)) <= 400
    facts = store.milestone_facts(db, owner="alice", today=TODAY)
    assert sorted(facts.nth_check_in_days) == [1, 5, 10, 25, 50, 100]
    assert len(facts.check_in_days) <= 401


def test_weekly_counts_add_up(db: Database) -> None:
    goal = make_goal(db)
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    for offset, status in enumerate(["done", "partly", "not_today", "rest"]):
        check_in(db, goal, monday + dt.timedelta(days=offset), status)
    (week,) = store.weekly_counts(db, owner="alice", today=TODAY, weeks=1)
    assert (week.week, week.done, week.partly, week.not_today, week.rest) == (monday, 1, 1, 1, 1)


def test_first_week_on_target_and_counts(db: Database) -> None:
    goal = make_goal(db, cadence="week", times=2)
    monday = TODAY - dt.timedelta(days=TODAY.weekday() + 14)
    check_in(db, goal, monday, "done")
    check_in(db, goal, monday + dt.timedelta(days=7), "done")
    check_in(db, goal, monday + dt.timedelta(days=8), "partly")
    check_in(db, goal, monday + dt.timedelta(days=9), "partly")
    facts = store.milestone_facts(db, owner="alice", today=TODAY)
    assert facts.first_on_target_weeks == {goal.id: monday + dt.timedelta(days=7)}


def test_delete_owner_removes_everything_of_theirs_only(tmp_path: Path) -> None:
    db = store.open_db(tmp_path / "s.db")
    secret = "my very private note 7f3a"
    for owner in ("alice", "bob"):
        goal = make_goal(db, owner=owner)
        check_in(db, goal, TODAY, owner=owner, note=f"{secret} {owner}")
        store.add_dream(db, owner=owner, draft=DreamDraft(text="Go back to school"), now=NOW)
    store.delete_owner(db, owner="alice")
    for table in ("owners", "goals", "goal_versions", "check_ins", "wins", "dreams"):
        assert db.execute(f"SELECT count(*) FROM {table} WHERE owner = 'alice'").fetchone()[0] == 0
    assert len(store.list_goals(db, owner="bob")) == 1
    db.close()
    raw = (tmp_path / "s.db").read_bytes()
    assert f"{secret} alice".encode() not in raw
    assert f"{secret} bob".encode() in raw


def test_settings_per_owner(db: Database) -> None:
    store.save_setting(db, owner="alice", key="motion", value=False, now=NOW)
    assert store.get_settings(db, owner="alice") == {"motion": False}
    assert store.get_settings(db, owner="bob") == {}


def test_connection_settings(tmp_path: Path) -> None:
    db = store.open_db(tmp_path / "s.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_eight_threads_times_a_hundred_saves_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "threads.db"
    setup = store.open_db(path)
    goals = [make_goal(setup, owner=f"owner{t}", start_date=TODAY - dt.timedelta(days=120))
             for t in range(8)]
    setup.close()
    def work(t: int) -> None:
        db = store.open_db(path)  # one connection per thread, as a session would
        try:
            for k in range(100):
                check_in(db, goals[t], TODAY - dt.timedelta(days=k), owner=f"owner{t}",
                         note=f"{t}-{k}")
        finally:
            db.close()

    assert in_threads(work, 8) == []
    db = store.open_db(path)
    assert db.execute("SELECT count(*) FROM check_ins").fetchone()[0] == 800
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_old_database_from_m001_migrates_without_losing_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "db_m001_initial.sql").read_text(encoding="utf-8"))
    conn.close()
    db = store.open_db(path)
    assert migrations.pending(db) == []
    goal = store.get_goal(db, owner="local", goal_id="g1")
    assert goal is not None and goal.dream_id is None and goal.version == 2
    assert [v.text for v in store.goal_versions(db, owner="local", goal_id="g1")] == [
        "Walk for 20 minutes after dinner", "Walk for 10 minutes after dinner"]
    notes = [c.note for c in store.check_ins_between(db, owner="local",
                                                      start=dt.date(2026, 1, 1), end=TODAY)]
    assert notes == ["نجحت 🎉", None]
    assert [w.text for w in store.recent_wins(db, owner="local")] == ["Drank water"]


def test_a_failing_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "db_m001_initial.sql").read_text(encoding="utf-8"))
    before = list(conn.iterdump())
    conn.close()
    original = migrations._migrations[1].fn

    def broken(db: Database) -> None:
        original(db)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations._migrations[1], "fn", broken)
    with pytest.raises(store.StoreProblem):
        store.open_db(path)
    conn = sqlite3.connect(path)
    assert list(conn.iterdump()) == before


def _reference_facts(db: Database, owner: str) -> tuple[dict[int, dt.date], dict[str, dt.date]]:
    """The milestone facts worked out the slow, obvious way from every check-in."""
    everything = store.check_ins_between(db, owner=owner, start=dt.date(2000, 1, 1), end=TODAY)
    counted = sorted(c.day for c in everything if c.status in (CheckInStatus.DONE,
                                                               CheckInStatus.PARTLY))
    nth = {n: counted[n - 1] for n in (1, 5, 10, 25, 50, 100) if n <= len(counted)}
    weeks: dict[tuple[str, dt.date], list[CheckInStatus]] = {}
    for c in everything:
        weeks.setdefault((c.goal_id, week_start(c.day)), []).append(c.status)
    first: dict[str, dt.date] = {}
    for goal in store.list_goals(db, owner=owner):
        on_target = [monday for (goal_id, monday), statuses in weeks.items()
                     if goal_id == goal.id and week_progress(cadence=goal.cadence,
                                                             times=goal.times,
                                                             statuses=statuses).on_target]
        if on_target and goal.cadence is not Cadence.ONCE:
            first[goal.id] = min(on_target)
    return nth, first


Action = tuple[str, int, int, CheckInStatus]  # (save | delete | replan, goal, days ago, status)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plans=st.lists(st.tuples(st.sampled_from(["day", "week", "once"]), st.integers(1, 7)),
                   min_size=1, max_size=3),
    actions=st.lists(st.tuples(st.sampled_from(["save"] * 8 + ["delete", "replan"]),
                               st.integers(0, 2), st.integers(0, 40),
                               st.sampled_from(list(CheckInStatus))), max_size=150),
)
def test_milestone_facts_match_the_obvious_computation(
    plans: list[tuple[str, int]], actions: list[Action]
) -> None:
    """Whatever order check-ins are saved, changed, removed and plans changed in, the
    kept marks say what reading the whole history says."""
    db = store.memory_db()
    goals = [make_goal(db, cadence=cadence, times=times if cadence == "week" else 1,
                       start_date=TODAY - dt.timedelta(days=300)) for cadence, times in plans]
    for kind, index, days_ago, status in actions:
        goal, day = goals[index % len(goals)], TODAY - dt.timedelta(days=days_ago)
        if kind == "save":
            check_in(db, goal, day, status.value)
        elif kind == "delete":
            store.delete_check_in(db, owner="alice", goal_id=goal.id, day=day)
        else:
            times = 1 + days_ago % 7
            store.update_goal(db, owner="alice", goal_id=goal.id, reason="replan", now=NOW,
                              today=TODAY, changes={"cadence": "week", "times": times})
    facts = store.milestone_facts(db, owner="alice", today=TODAY)
    nth, first = _reference_facts(db, "alice")
    assert dict(facts.nth_check_in_days) == nth
    assert dict(facts.first_on_target_weeks) == first


def _steps(db: Database) -> int:
    """SQLite virtual-machine steps (in hundreds) for one milestone_facts call: a count of
    work done, not a time, so it is the same on a busy machine."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    db.conn.set_progress_handler(tick, 100)
    try:
        store.milestone_facts(db, owner="alice", today=TODAY)
    finally:
        db.conn.set_progress_handler(None, 0)
    return steps[0]


def test_milestone_facts_do_not_grow_with_old_history() -> None:
    """A goal on target in its first week: 6 years of history cost what 2 years do
    (the scans stop early; the comeback window is capped at MAX_DAYS)."""
    counts = {}
    for years in (2, 6):
        db = store.memory_db()
        span = 365 * years
        goal = make_goal(db, cadence="day", times=1, start_date=TODAY - dt.timedelta(days=span))
        for k in range(span):
            check_in(db, goal, TODAY - dt.timedelta(days=k), "done")
        counts[years] = _steps(db)
    assert counts[6] <= counts[2] * 1.1, counts


def _without_window(real: Any) -> Any:
    """milestone_facts that ignores `since`: the slow, always-right version."""
    def facts(db: Database, *, owner: str, today: dt.date, since: dt.date | None = None) -> Any:
        return real(db, owner=owner, today=today)
    return facts


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    history=st.lists(st.tuples(st.integers(0, 1), st.integers(0, 120),
                               st.sampled_from(list(CheckInStatus))), max_size=80),
    wins=st.lists(st.integers(0, 120), max_size=12),
    limit=st.integers(1, 12),
    new_day=st.integers(0, 6),
)
def test_the_comeback_window_changes_no_answer(
    history: list[tuple[int, int, CheckInStatus]], wins: list[int], limit: int, new_day: int
) -> None:
    """wins_feed and a check-in's milestones read comebacks from a recent day only; they
    must say exactly what reading the whole window says."""
    db = store.memory_db()
    goals = [make_goal(db, cadence="day", times=1, start_date=TODAY - dt.timedelta(days=200)),
             make_goal(db, cadence="week", times=2, start_date=TODAY - dt.timedelta(days=200))]
    for index, days_ago, status in history:
        check_in(db, goals[index], TODAY - dt.timedelta(days=days_ago), status.value)
    for days_ago in wins:
        store.add_win(db, owner="alice", now=NOW, draft=parse(
            WinDraft, {"text": "Drank water", "day": TODAY - dt.timedelta(days=days_ago)}))
    fast = overview.wins_feed(db, owner="alice", today=TODAY, limit=limit)
    with patch.object(store, "milestone_facts",
                      _without_window(store.milestone_facts)):
        slow = overview.wins_feed(db, owner="alice", today=TODAY, limit=limit)
    assert fast == slow

    draft = parse(CheckInDraft, {"goal_id": goals[0].id, "status": "done",
                                 "day": TODAY - dt.timedelta(days=new_day)}, today=TODAY)
    twin = store.memory_db()
    export.import_space(twin, owner="alice", file=export.export_space(db, owner="alice", now=NOW),
                        now=NOW)
    made = overview.save_and_find_milestones(db, owner="alice", draft=draft, today=TODAY, now=NOW)
    with patch.object(store, "milestone_facts",
                      _without_window(store.milestone_facts)):
        expected = overview.save_and_find_milestones(twin, owner="alice", draft=draft,
                                                     today=TODAY, now=NOW)
    assert made == expected


def test_the_kept_first_good_week_follows_every_kind_of_change(db: Database) -> None:
    def first() -> dt.date | None:
        return store.milestone_facts(db, owner="alice", today=TODAY).first_on_target_weeks.get(
            goal.id)

    goal = make_goal(db, cadence="week", times=1, start_date=TODAY - dt.timedelta(days=100))
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    weeks = [monday - dt.timedelta(days=7 * k) for k in range(4)]  # this week, then back
    check_in(db, goal, weeks[1], "done")
    assert first() == weeks[1]
    check_in(db, goal, weeks[3], "partly")  # half a time is not on target
    assert first() == weeks[1]
    check_in(db, goal, weeks[2], "done")  # an earlier good week comes first
    assert first() == weeks[2]
    check_in(db, goal, weeks[0], "done")  # a later one changes nothing
    assert first() == weeks[2]
    check_in(db, goal, weeks[2], "not_today")  # the first good week is not good any more
    assert first() == weeks[1]
    store.delete_check_in(db, owner="alice", goal_id=goal.id, day=weeks[1])
    assert first() == weeks[0]
    store.update_goal(db, owner="alice", goal_id=goal.id, reason="more", now=NOW, today=TODAY,
                      changes={"times": 2})
    assert first() is None  # a new plan: no week had two yet
    twin = store.memory_db()
    check_in(db, goal, weeks[0] + dt.timedelta(days=1), "done")
    export.import_space(twin, owner="alice", now=NOW,
                        file=export.export_space(db, owner="alice", now=NOW))
    assert store.milestone_facts(twin, owner="alice", today=TODAY).first_on_target_weeks == {
        goal.id: weeks[0]}


def test_a_visitor_s_in_memory_database_uses_small_pages() -> None:
    """Every anonymous hosted visitor holds one for the whole session: 1 KB pages keep an
    empty one near 50 KB instead of ~230 KB (benchmarks.visitors measures the total)."""
    db = store.memory_db()
    assert db.execute("PRAGMA page_size").fetchone()[0] == 1024
    assert db.execute("PRAGMA page_count").fetchone()[0] * 1024 < 64 * 1024
