"""Owners: whose data a row is, their small settings, and deleting everything of one."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import TYPE_CHECKING, Any

from core.store.connection import write
from core.store.room import ensure_room

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
    with write(db):
        ensure_owner(db, owner=owner, now=now)
        settings = get_settings(db, owner=owner) | {key: value}
        db.execute(
            "UPDATE owners SET settings = ? WHERE owner = ?",
            [json.dumps(settings, ensure_ascii=False), owner],
        )
        ensure_room(db, owner=owner)


def delete_owner(db: Database, *, owner: str) -> None:
    """Delete every row of one owner (cascades to goals, versions, check-ins, wins,
    dreams), then VACUUM so the deleted text does not linger in the file."""
    with write(db):
        db.execute("DELETE FROM owners WHERE owner = ?", [owner])
    if not db.memory:
        # secure_delete zeroes the freed pages in the log; the checkpoint copies them
        # into the file and empties the log, so the words are gone from both. No VACUUM:
        # it rewrote everyone's data for one person's delete.
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
