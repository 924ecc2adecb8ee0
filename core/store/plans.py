"""The safety plan: one per owner, kept as the person's own words (JSON of its parts)."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from core.plan import SafetyPlan
from core.store.connection import write
from core.store.owners import ensure_owner, stamp
from core.store.room import room

if TYPE_CHECKING:
    from sqlite_utils import Database


def get_plan(db: Database, *, owner: str) -> SafetyPlan | None:
    """The person's plan, or None before they have written any of it."""
    row = db.execute("SELECT plan FROM safety_plans WHERE owner = ?", [owner]).fetchone()
    return None if row is None else SafetyPlan.model_validate(json.loads(row[0]))


def save_plan(db: Database, *, owner: str, plan: SafetyPlan, now: dt.datetime) -> None:
    """Keep the whole plan (an empty one is kept too: the person emptied it)."""
    with write(db), room(db, owner=owner):
        put_plan(db, owner=owner, plan=plan, now=now)


def put_plan(db: Database, *, owner: str, plan: SafetyPlan, now: dt.datetime) -> None:
    """`save_plan` inside a transaction the caller already holds (an import)."""
    ensure_owner(db, owner=owner, now=now)
    db.execute(
        "INSERT INTO safety_plans (owner, plan, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (owner) DO UPDATE SET plan = excluded.plan, "
        "updated_at = excluded.updated_at",
        [owner, json.dumps(plan.model_dump(mode="json"), ensure_ascii=False), stamp(now)],
    )
