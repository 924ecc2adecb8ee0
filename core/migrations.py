"""The database schema, as an append-only list of sqlite-utils migrations.

Never edit a migration that has shipped: add a new `mNNN_...` function instead, and
add a fixture database for the new version under `tests/fixtures/` (see
`tests/test_migrations.py`). Each migration runs in one transaction, so a migration
that fails half-way leaves the database as it was.
"""

from __future__ import annotations

import sys


def _import_sqlite_utils_lean() -> None:
    """Import sqlite-utils without its optional pandas and numpy support.

    sqlite-utils imports pandas and numpy when they are installed, only to map their
    column types — which Small Steps never passes it. Here they are installed as
    Streamlit's dependencies and would add a second or more to opening the store, so
    they are hidden for this one import; anything importing them later gets them as usual.
    """
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import` fail fast
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            sys.modules.pop(name, None)


_import_sqlite_utils_lean()

from sqlite_utils import Database  # noqa: E402
from sqlite_utils.migrations import Migrations  # noqa: E402

migrations = Migrations("small_steps")

_GOAL_FIELDS = """
    text TEXT NOT NULL,
    area TEXT NOT NULL,
    cadence TEXT NOT NULL CHECK (cadence IN ('day', 'week', 'once')),
    times INTEGER NOT NULL CHECK (times BETWEEN 1 AND 21),
    "when" TEXT,
    why TEXT,
    confidence INTEGER CHECK (confidence BETWEEN 0 AND 10),
    smaller_version TEXT,
    review_date TEXT,
    gas TEXT
"""


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(
        """CREATE TABLE owners (
            owner TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            settings TEXT NOT NULL DEFAULT '{}'
        )"""
    )
    db.execute(
        f"""CREATE TABLE goals (
            owner TEXT NOT NULL REFERENCES owners(owner) ON DELETE CASCADE,
            id TEXT NOT NULL,
            {_GOAL_FIELDS},
            start_date TEXT NOT NULL,
            status TEXT NOT NULL
                CHECK (status IN ('active', 'paused', 'achieved', 'archived')),
            version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            achieved_on TEXT,
            gas_attained INTEGER CHECK (gas_attained BETWEEN -2 AND 2),
            PRIMARY KEY (owner, id)
        )"""
    )
    db.execute(
        f"""CREATE TABLE goal_versions (
            owner TEXT NOT NULL,
            goal_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            {_GOAL_FIELDS},
            changed_at TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (owner, goal_id, version),
            FOREIGN KEY (owner, goal_id) REFERENCES goals(owner, id) ON DELETE CASCADE
        )"""
    )
    db.execute(
        """CREATE TABLE check_ins (
            owner TEXT NOT NULL,
            goal_id TEXT NOT NULL,
            day TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('done', 'partly', 'not_today', 'rest')),
            amount REAL,
            mood INTEGER CHECK (mood BETWEEN 1 AND 5),
            note TEXT,
            what_happened TEXT,
            what_learned TEXT,
            try_next TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (owner, goal_id, day),
            FOREIGN KEY (owner, goal_id) REFERENCES goals(owner, id) ON DELETE CASCADE
        )"""
    )
    db.execute("CREATE INDEX check_ins_by_day ON check_ins (owner, day)")
    db.execute(
        """CREATE TABLE wins (
            owner TEXT NOT NULL REFERENCES owners(owner) ON DELETE CASCADE,
            id TEXT NOT NULL,
            day TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (owner, id)
        )"""
    )


@migrations()
def m002_dreams(db: Database) -> None:
    """Big dreams, broken into small goals; and a faster wins-by-day lookup."""
    db.execute(
        """CREATE TABLE dreams (
            owner TEXT NOT NULL REFERENCES owners(owner) ON DELETE CASCADE,
            id TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (owner, id)
        )"""
    )
    db.execute("ALTER TABLE goals ADD COLUMN dream_id TEXT")
    db.execute("CREATE INDEX wins_by_day ON wins (owner, day)")


@migrations()
def m003_goal_marks(db: Database) -> None:
    """Each goal's first week on target, kept up to date by the writes (core.store.marks)
    so reading milestones never scans years of check-ins. Filled here for existing goals."""
    db.execute(
        """CREATE TABLE goal_marks (
            owner TEXT NOT NULL,
            goal_id TEXT NOT NULL,
            first_on_target TEXT,
            PRIMARY KEY (owner, goal_id),
            FOREIGN KEY (owner, goal_id) REFERENCES goals(owner, id) ON DELETE CASCADE
        )"""
    )
    from core.store.marks import rescan  # the store imports this module

    for owner, goal_id in db.execute("SELECT owner, id FROM goals").fetchall():
        rescan(db, owner, goal_id)


@migrations()
def m004_safety_plans(db: Database) -> None:
    """My safety plan: one per owner, its parts as JSON; deleted with the owner."""
    db.execute(
        """CREATE TABLE safety_plans (
            owner TEXT PRIMARY KEY REFERENCES owners(owner) ON DELETE CASCADE,
            plan TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )


LATEST = "m004_safety_plans"
