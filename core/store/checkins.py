"""Check-ins and small wins. Every call is scoped to one owner."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from core.models import CheckIn, CheckInDraft, CheckInStatus, InvalidInput, Win, WinDraft
from core.store import marks
from core.store.connection import write
from core.store.owners import ensure_owner, new_id, stamp
from core.store.room import room

if TYPE_CHECKING:
    from sqlite_utils import Database


_CHECKIN_FIELDS = ("status", "amount", "mood", "note", "what_happened", "what_learned",
                   "try_next")


def save_check_in(db: Database, *, owner: str, draft: CheckInDraft, now: dt.datetime) -> CheckIn:
    """Save how a goal went on a day. One per goal per day: saving again replaces it,
    so a double click or two tabs never make two."""
    values = draft.model_dump(mode="json")
    with write(db), room(db, owner=owner):
        goal = db.execute(
            "SELECT 1 FROM goals WHERE owner = ? AND id = ?", [owner, draft.goal_id]
        ).fetchone()
        if goal is None:
            raise InvalidInput(["That goal isn't here any more, so this check-in wasn't saved."])
        db.execute(
            f"""INSERT INTO check_ins (owner, goal_id, day, {", ".join(_CHECKIN_FIELDS)},
                    updated_at)
                VALUES (?, ?, ?, {", ".join("?" * len(_CHECKIN_FIELDS))}, ?)
                ON CONFLICT (owner, goal_id, day) DO UPDATE SET
                {", ".join(f"{f} = excluded.{f}" for f in _CHECKIN_FIELDS)},
                updated_at = excluded.updated_at""",
            [owner, draft.goal_id, values["day"], *(values[f] for f in _CHECKIN_FIELDS),
             stamp(now)],
        )
        marks.after_check_in_change(db, owner, draft.goal_id, draft.day)
    saved = get_check_in(db, owner=owner, goal_id=draft.goal_id, day=draft.day)
    assert saved is not None
    return saved


def _to_check_in(row: dict[str, Any]) -> CheckIn:
    return CheckIn.model_validate({key: value for key, value in row.items() if key != "owner"})


def get_check_in(db: Database, *, owner: str, goal_id: str, day: dt.date) -> CheckIn | None:
    rows = list(db.query(
        "SELECT * FROM check_ins WHERE owner = ? AND goal_id = ? AND day = ?",
        [owner, goal_id, day.isoformat()],
    ))
    return _to_check_in(rows[0]) if rows else None


def check_ins_between(
    db: Database, *, owner: str, start: dt.date, end: dt.date, goal_id: str | None = None
) -> list[CheckIn]:
    """Check-ins from `start` to `end` inclusive, oldest first. Callers keep ranges short."""
    sql = "SELECT * FROM check_ins WHERE owner = ? AND day BETWEEN ? AND ?"
    args: list[Any] = [owner, start.isoformat(), end.isoformat()]
    if goal_id is not None:
        sql, args = sql + " AND goal_id = ?", [*args, goal_id]
    return [_to_check_in(row) for row in db.query(sql + " ORDER BY day, goal_id", args)]


def delete_check_in(db: Database, *, owner: str, goal_id: str, day: dt.date) -> None:
    with write(db):
        db.execute(
            "DELETE FROM check_ins WHERE owner = ? AND goal_id = ? AND day = ?",
            [owner, goal_id, day.isoformat()],
        )
        marks.after_check_in_change(db, owner, goal_id, day)


def recent_check_ins(
    db: Database, *, owner: str, limit: int = 20,
    statuses: tuple[CheckInStatus, ...] = (CheckInStatus.DONE, CheckInStatus.PARTLY),
) -> list[CheckIn]:
    rows = db.query(
        f"""SELECT * FROM check_ins WHERE owner = ? AND status IN
            ({", ".join("?" * len(statuses))}) ORDER BY day DESC, updated_at DESC LIMIT ?""",
        [owner, *(s.value for s in statuses), min(limit, 200)],
    )
    return [_to_check_in(row) for row in rows]


def add_win(db: Database, *, owner: str, draft: WinDraft, now: dt.datetime,
            win_id: str | None = None) -> Win:
    win = Win(id=win_id or new_id(), text=draft.text, day=draft.day, created_at=stamp(now))
    with write(db), room(db, owner=owner):
        ensure_owner(db, owner=owner, now=now)
        db.execute(
            "INSERT INTO wins (owner, id, day, text, created_at) VALUES (?, ?, ?, ?, ?)",
            [owner, win.id, win.day.isoformat(), win.text, win.created_at],
        )
    return win


def recent_wins(db: Database, *, owner: str, limit: int = 20) -> list[Win]:
    rows = db.query(
        """SELECT id, day, text, created_at FROM wins WHERE owner = ?
           ORDER BY day DESC, created_at DESC LIMIT ?""",
        [owner, min(limit, 200)],
    )
    return [Win.model_validate(row) for row in rows]


def delete_win(db: Database, *, owner: str, win_id: str) -> None:
    with write(db):
        db.execute("DELETE FROM wins WHERE owner = ? AND id = ?", [owner, win_id])
