"""Owners: whose data a row is, their small settings, and deleting everything of one."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import TYPE_CHECKING, Any

from core.store.connection import write
from core.store.room import room

if TYPE_CHECKING:
    from sqlite_utils import Database


def new_id() -> str:
    return uuid.uuid4().hex


def stamp(now: dt.datetime) -> str:
    return now.isoformat(timespec="seconds")


def ensure_owner(db: Database, *, owner: str, now: dt.datetime) -> None:
    db.execute(
        "INSERT INTO owners (owner, created_at) VALUES (?, ?) ON CONFLICT (owner) DO NOTHING",
        [owner, stamp(now)],
    )


def get_settings(db: Database, *, owner: str) -> dict[str, Any]:
    row = db.execute("SELECT settings FROM owners WHERE owner = ?", [owner]).fetchone()
    if row is None:
        return {}
    value = json.loads(row[0])
    return value if isinstance(value, dict) else {}


def save_setting(db: Database, *, owner: str, key: str, value: Any, now: dt.datetime) -> None:
    with write(db), room(db, owner=owner):
        ensure_owner(db, owner=owner, now=now)
        settings = get_settings(db, owner=owner) | {key: value}
        db.execute(
            "UPDATE owners SET settings = ? WHERE owner = ?",
            [json.dumps(settings, ensure_ascii=False), owner],
        )


def delete_owner(db: Database, *, owner: str) -> None:
    """Delete every row of one owner (cascades to goals, versions, check-ins, wins,
    dreams). secure_delete (set on every connection) zeroes the freed pages; the
    checkpoint then empties the log, which still held earlier copies of the words. If
    another session is reading at that moment, the log is emptied at a later checkpoint
    (SQLite checkpoints by itself as the log grows); the words are never readable
    through the app either way."""
    with write(db):
        db.execute("DELETE FROM owners WHERE owner = ?", [owner])
    if not db.memory:
        # No VACUUM: it rewrote everyone's data for one person's delete.
        for _ in range(3):  # each try waits up to the busy timeout for readers
            if db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0:
                break
