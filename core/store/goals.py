"""Goals, their versions, dreams and owners. Every call is scoped to one owner."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from core import limits
from core.models import (
    Dream,
    DreamDraft,
    GasLevels,
    Goal,
    GoalDraft,
    GoalFields,
    GoalStatus,
    GoalVersion,
    InvalidInput,
    parse,
)
from core.store import marks
from core.store.connection import write
from core.store.owners import ensure_owner, new_id, stamp
from core.store.room import room

if TYPE_CHECKING:
    from sqlite_utils import Database

FIELD_NAMES = tuple(GoalFields.model_fields)
_COLUMNS = ", ".join(f'"{name}"' for name in FIELD_NAMES)


def _field_values(fields: GoalFields) -> list[Any]:
    row = fields.model_dump(mode="json", include=set(FIELD_NAMES))
    gas = row["gas"]
    row["gas"] = None if gas is None else json.dumps(gas, ensure_ascii=False)
    return [row[name] for name in FIELD_NAMES]


def _row_fields(row: dict[str, Any]) -> dict[str, Any]:
    data = {name: row[name] for name in FIELD_NAMES}
    if data["gas"] is not None:
        data["gas"] = GasLevels.model_validate(json.loads(data["gas"]))
    return data


def _to_goal(row: dict[str, Any]) -> Goal:
    data = _row_fields(row)
    keys = ("id", "start_date", "dream_id", "status", "version", "created_at", "updated_at")
    data.update({key: row[key] for key in keys})
    data["achieved_on"] = row["achieved_on"]
    data["gas_attained"] = row["gas_attained"]
    return Goal.model_validate(data)


def count_goals(db: Database, *, owner: str, status: GoalStatus | None = None) -> int:
    sql, args = "SELECT count(*) FROM goals WHERE owner = ?", [owner]
    if status is not None:
        sql, args = sql + " AND status = ?", [*args, status.value]
    return int(db.execute(sql, args).fetchone()[0])


def add_goal(
    db: Database, *, owner: str, draft: GoalDraft, now: dt.datetime, goal_id: str | None = None
) -> Goal:
    goal_id = goal_id or new_id()
    with write(db), room(db, owner=owner):
        ensure_owner(db, owner=owner, now=now)
        _insert_goal(db, owner=owner, goal_id=goal_id, draft=draft, now=stamp(now))
        _insert_version(db, owner=owner, goal_id=goal_id, version=1, fields=draft,
                        changed_at=stamp(now), reason="created")
        trim_histories(db, owner=owner)
    goal = get_goal(db, owner=owner, goal_id=goal_id)
    assert goal is not None
    return goal


def _insert_goal(db: Database, *, owner: str, goal_id: str, draft: GoalDraft, now: str) -> None:
    db.execute(
        f"""INSERT INTO goals (owner, id, {_COLUMNS}, start_date, dream_id, status, version,
                created_at, updated_at)
            VALUES (?, ?, {", ".join("?" * len(FIELD_NAMES))}, ?, ?, 'active', 1, ?, ?)""",
        [owner, goal_id, *_field_values(draft), draft.start_date.isoformat(), draft.dream_id,
         now, now],
    )


def _insert_version(
    db: Database, *, owner: str, goal_id: str, version: int, fields: GoalFields,
    changed_at: str, reason: str,
) -> None:
    db.execute(
        f"""INSERT INTO goal_versions (owner, goal_id, version, {_COLUMNS}, changed_at, reason)
            VALUES (?, ?, ?, {", ".join("?" * len(FIELD_NAMES))}, ?, ?)""",
        [owner, goal_id, version, *_field_values(fields), changed_at, reason],
    )


def get_goal(db: Database, *, owner: str, goal_id: str) -> Goal | None:
    rows = list(db.query("SELECT * FROM goals WHERE owner = ? AND id = ?", [owner, goal_id]))
    return _to_goal(rows[0]) if rows else None


def list_goals(
    db: Database, *, owner: str, statuses: tuple[GoalStatus, ...] | None = None
) -> list[Goal]:
    sql, args = "SELECT * FROM goals WHERE owner = ?", [owner]
    if statuses:
        sql += f" AND status IN ({', '.join('?' * len(statuses))})"
        args += [s.value for s in statuses]
    return [_to_goal(row) for row in db.query(sql + " ORDER BY created_at, rowid", args)]


def update_goal(
    db: Database, *, owner: str, goal_id: str, changes: dict[str, Any], reason: str,
    now: dt.datetime, today: dt.date,
) -> Goal:
    """Change what a goal says; the earlier wording is kept as a version."""
    with write(db), room(db, owner=owner):
        goal = get_goal(db, owner=owner, goal_id=goal_id)
        if goal is None:
            raise InvalidInput(["That goal isn't here any more."])
        unknown = set(changes) - set(FIELD_NAMES)
        if unknown:
            raise InvalidInput(["Only what the goal says can be edited here."])
        merged = {**goal.model_dump(include=set(FIELD_NAMES) | {"start_date", "dream_id"}),
                  **changes}
        draft = parse(GoalDraft, merged, today=today)
        if all(getattr(goal, name) == getattr(draft, name) for name in FIELD_NAMES):
            return goal  # nothing really changed: no new version
        version = goal.version + 1
        db.execute(
            f"""UPDATE goals SET ({_COLUMNS}, version, updated_at) =
                ({", ".join("?" * len(FIELD_NAMES))}, ?, ?) WHERE owner = ? AND id = ?""",
            [*_field_values(draft), version, stamp(now), owner, goal_id],
        )
        _insert_version(db, owner=owner, goal_id=goal_id, version=version, fields=draft,
                        changed_at=stamp(now), reason=reason)
        trim_histories(db, owner=owner)
        if (draft.cadence, draft.times) != (goal.cadence, goal.times):
            marks.rescan(db, owner, goal_id)  # "on target" means something else now
    updated = get_goal(db, owner=owner, goal_id=goal_id)
    assert updated is not None
    return updated


def trim_histories(db: Database, *, owner: str) -> None:
    """Histories never make a write fail: past the limits on versions (per goal, and in
    the whole space) the oldest in-between versions go — a goal's first wording and its
    newest ones stay. Call inside the write's transaction."""
    keep_newest = limits.MAX_VERSIONS - 1  # and version 1
    db.execute(
        """DELETE FROM goal_versions AS v WHERE owner = :o AND version > 1 AND version NOT IN
           (SELECT version FROM goal_versions WHERE owner = :o AND goal_id = v.goal_id
            ORDER BY version DESC LIMIT :k)""", {"o": owner, "k": keep_newest})
    while True:
        total = db.execute("SELECT count(*) FROM goal_versions WHERE owner = ?",
                           [owner]).fetchone()[0]
        if total <= limits.MAX_ALL_VERSIONS:
            return
        longest = db.execute(
            """SELECT goal_id, count(*) AS n FROM goal_versions WHERE owner = ?
               GROUP BY goal_id ORDER BY n DESC LIMIT 1""", [owner]).fetchone()
        if longest is None or longest[1] <= 2:
            return  # nothing in between left anywhere: the limit check says so
        extra = min(longest[1] - 2, total - limits.MAX_ALL_VERSIONS)
        db.execute(
            """DELETE FROM goal_versions WHERE owner = :o AND goal_id = :g AND version IN
               (SELECT version FROM goal_versions WHERE owner = :o AND goal_id = :g
                AND version > 1 ORDER BY version LIMIT :n)
               AND version < (SELECT max(version) FROM goal_versions
                              WHERE owner = :o AND goal_id = :g)""",
            {"o": owner, "g": longest[0], "n": extra})


def set_status(
    db: Database, *, owner: str, goal_id: str, status: GoalStatus, now: dt.datetime,
    today: dt.date, attained: int | None = None,
) -> Goal:
    achieved_on = today.isoformat() if status is GoalStatus.ACHIEVED else None
    with write(db):
        cursor = db.execute(
            """UPDATE goals SET status = ?, updated_at = ?, achieved_on = ?,
                   gas_attained = coalesce(?, gas_attained)
               WHERE owner = ? AND id = ?""",
            [status.value, stamp(now), achieved_on, attained, owner, goal_id],
        )
        if cursor.rowcount == 0:
            raise InvalidInput(["That goal isn't here any more."])
    goal = get_goal(db, owner=owner, goal_id=goal_id)
    assert goal is not None
    return goal


def set_gas_attained(db: Database, *, owner: str, goal_id: str, level: int | None,
                     now: dt.datetime) -> None:
    if level is not None and level not in (-2, -1, 0, 1, 2):
        raise InvalidInput(["Pick a level from -2 to +2."])
    with write(db):
        db.execute(
            "UPDATE goals SET gas_attained = ?, updated_at = ? WHERE owner = ? AND id = ?",
            [level, stamp(now), owner, goal_id],
        )


def goal_versions(db: Database, *, owner: str, goal_id: str) -> list[GoalVersion]:
    rows = db.query(
        "SELECT * FROM goal_versions WHERE owner = ? AND goal_id = ? ORDER BY version",
        [owner, goal_id],
    )
    return [
        GoalVersion.model_validate(
            _row_fields(row) | {key: row[key] for key in ("goal_id", "version", "changed_at",
                                                          "reason")}
        )
        for row in rows
    ]


def add_dream(db: Database, *, owner: str, draft: DreamDraft, now: dt.datetime,
              steps: Sequence[GoalDraft] = ()) -> Dream:
    """Keep a big dream and the small goals that point to it, all or nothing: at a limit
    neither the dream nor any step is kept."""
    dream = Dream(id=new_id(), text=draft.text, created_at=stamp(now))
    with write(db), room(db, owner=owner):
        ensure_owner(db, owner=owner, now=now)
        db.execute(
            "INSERT INTO dreams (owner, id, text, created_at) VALUES (?, ?, ?, ?)",
            [owner, dream.id, dream.text, dream.created_at],
        )
        for step in steps:
            goal_id = new_id()
            linked = step.model_copy(update={"dream_id": dream.id})
            _insert_goal(db, owner=owner, goal_id=goal_id, draft=linked, now=stamp(now))
            _insert_version(db, owner=owner, goal_id=goal_id, version=1, fields=linked,
                            changed_at=stamp(now), reason="created")
        trim_histories(db, owner=owner)
    return dream


def list_dreams(db: Database, *, owner: str) -> list[Dream]:
    rows = db.query("SELECT id, text, created_at FROM dreams WHERE owner = ? ORDER BY created_at",
                    [owner])
    return [Dream.model_validate(row) for row in rows]
