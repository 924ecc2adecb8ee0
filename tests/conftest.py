"""Shared fixtures: a migrated in-memory database and a fixed clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlite_utils import Database

from core import store
from core.models import CheckInDraft, Goal, GoalDraft, parse

TODAY = dt.date(2026, 11, 26)  # a Thursday
NOW = dt.datetime(2026, 11, 26, 12, 0, 0)


@pytest.fixture
def db() -> Iterator[Database]:
    database = store.memory_db()
    yield database
    database.close()


def make_goal(db: Database, owner: str = "alice", **fields: object) -> Goal:
    data: dict[str, object] = {
        "text": "Walk for 10 minutes after dinner",
        "cadence": "week",
        "times": 3,
        "start_date": TODAY - dt.timedelta(days=60),
    }
    data.update(fields)
    return store.add_goal(db, owner=owner, draft=parse(GoalDraft, data, today=TODAY), now=NOW)


def check_in(db: Database, goal: Goal, day: dt.date, status: str = "done", owner: str = "alice",
             **fields: object) -> None:
    draft = parse(CheckInDraft, {"goal_id": goal.id, "day": day, "status": status, **fields})
    store.save_check_in(db, owner=owner, draft=draft, now=NOW)
