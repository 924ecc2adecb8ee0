"""Reading and writing one owner's whole space at once, for export and import."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from core.models import CheckIn, Dream, Goal, GoalVersion, Win
from core.plan import SafetyPlan
from core.store import marks
from core.store.checkins import _CHECKIN_FIELDS, _to_check_in
from core.store.connection import write
from core.store.goals import FIELD_NAMES, _field_values, _to_goal, trim_histories
from core.store.owners import ensure_owner, get_settings
from core.store.plans import put_plan
from core.store.room import room

if TYPE_CHECKING:
    from sqlite_utils import Database


def all_goals(db: Database, *, owner: str) -> list[Goal]:
    rows = db.query("SELECT * FROM goals WHERE owner = ? ORDER BY created_at, rowid", [owner])
    return [_to_goal(row) for row in rows]


def all_check_ins(db: Database, *, owner: str, goal_id: str) -> list[CheckIn]:
    rows = db.query("SELECT * FROM check_ins WHERE owner = ? AND goal_id = ? ORDER BY day",
                    [owner, goal_id])
    return [_to_check_in(row) for row in rows]


def all_wins(db: Database, *, owner: str) -> list[Win]:
    rows = db.query("SELECT id, day, text, created_at FROM wins WHERE owner = ? "
                    "ORDER BY day, created_at, id", [owner])
    return [Win.model_validate(row) for row in rows]


def all_dreams(db: Database, *, owner: str) -> list[Dream]:
    rows = db.query("SELECT id, text, created_at FROM dreams WHERE owner = ? "
                    "ORDER BY created_at, id", [owner])
    return [Dream.model_validate(row) for row in rows]


def _upsert(db: Database, table: str, columns: Sequence[str], keys: Sequence[str],
            values: list[object]) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c not in keys)
    db.execute(
        f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))}) "
        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}",
        values,
    )


_GOAL_EXTRA = ("start_date", "dream_id", "status", "version", "created_at", "updated_at",
               "achieved_on", "gas_attained")


def load_space(
    db: Database, *, owner: str, now: dt.datetime, dreams: Sequence[Dream],
    goals: Sequence[tuple[Goal, Sequence[GoalVersion], Sequence[CheckIn]]], wins: Sequence[Win],
    settings: Mapping[str, Any], plan: SafetyPlan | None = None,
) -> None:
    """Write a whole space in ONE transaction; rows with the same ids are replaced, so
    loading the same data twice changes nothing. A plan in the file replaces the plan
    here; a file without one keeps it."""
    with write(db), room(db, owner=owner):
        if plan is not None:
            put_plan(db, owner=owner, plan=plan, now=now)
        ensure_owner(db, owner=owner, now=now)
        merged = get_settings(db, owner=owner) | dict(settings)
        db.execute("UPDATE owners SET settings = ? WHERE owner = ?",
                   [json.dumps(merged, ensure_ascii=False), owner])
        for dream in dreams:
            _upsert(db, "dreams", ("owner", "id", "text", "created_at"), ("owner", "id"),
                    [owner, dream.id, dream.text, dream.created_at])
        for goal, versions, check_ins in goals:
            extra = goal.model_dump(mode="json", include=set(_GOAL_EXTRA))
            _upsert(db, "goals", ("owner", "id", *FIELD_NAMES, *_GOAL_EXTRA), ("owner", "id"),
                    [owner, goal.id, *_field_values(goal), *(extra[k] for k in _GOAL_EXTRA)])
            # The file's history replaces this goal's: a goal and its versions always agree.
            db.execute("DELETE FROM goal_versions WHERE owner = ? AND goal_id = ?",
                       [owner, goal.id])
            for v in versions:
                _upsert(db, "goal_versions",
                        ("owner", "goal_id", "version", *FIELD_NAMES, "changed_at", "reason"),
                        ("owner", "goal_id", "version"),
                        [owner, goal.id, v.version, *_field_values(v), v.changed_at, v.reason])
            for c in check_ins:
                row = c.model_dump(mode="json")
                _upsert(db, "check_ins",
                        ("owner", "goal_id", "day", *_CHECKIN_FIELDS, "updated_at"),
                        ("owner", "goal_id", "day"),
                        [owner, goal.id, row["day"], *(row[f] for f in _CHECKIN_FIELDS),
                         row["updated_at"]])
            marks.rescan(db, owner, goal.id)
        for win in wins:
            _upsert(db, "wins", ("owner", "id", "day", "text", "created_at"), ("owner", "id"),
                    [owner, win.id, win.day.isoformat(), win.text, win.created_at])
        trim_histories(db, owner=owner)  # an older file's long histories come in trimmed
