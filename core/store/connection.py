"""Opening the SQLite file safely, migrating it once, and writing in one transaction."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

# core.migrations imports sqlite-utils without pandas/numpy; it must come first, so
# sqlite_utils itself is only imported below, inside the functions that build a Database.
from core.migrations import migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_S = 15.0
_migrated: set[str] = set()
_migrate_lock = threading.Lock()


class StoreProblem(RuntimeError):
    """The database cannot be used; `str(exc)` says why in plain words and how to fix it."""


class LimitReached(ValueError):
    """A generous per-person limit was reached; `str(exc)` is a kind message."""


def configure(conn: sqlite3.Connection) -> None:
    """Per-connection settings from DESIGN.md §4 (health data: durable, consistent)."""
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    # Deleted text is overwritten with zeros on every build of SQLite, not only on
    # builds compiled with SECURE_DELETE (SQLite's own default is off).
    conn.execute("PRAGMA secure_delete = ON")


def open_db(path: str | Path) -> Database:
    """Open (and if needed create and migrate) the database at `path`.

    One connection per caller: Streamlit runs each rerun on a new thread, so callers
    open one per run (cheap) or one per session, never one shared across sessions.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        configure(conn)
    except (sqlite3.DatabaseError, OSError) as error:
        raise StoreProblem(_explain(error, path)) from error
    from sqlite_utils import Database

    db = Database(conn)
    key = str(path.resolve())
    if key not in _migrated:
        _check_whole(conn, path)
        migrate(db, path=path)
        _migrated.add(key)
    return db


QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024  # past this, a check at open costs too long


def _check_whole(conn: sqlite3.Connection, path: Path) -> None:
    """Once per file and process: damage inside a table (not only in the header) is
    found before anything is read or written, and explained like any other damage."""
    try:
        if path.stat().st_size > QUICK_CHECK_MAX_BYTES:
            return
        found = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        conn.close()
        raise StoreProblem(_explain(error, path)) from error
    if found != "ok":
        conn.close()
        raise StoreProblem(damaged(path))


_DAMAGE_WORDS = ("not a database", "malformed", "file is encrypted")


def _says_damage(error: BaseException) -> bool:
    return any(w in str(error).lower() for w in _DAMAGE_WORDS)


def is_damage(error: BaseException) -> bool:
    """Whether an SQLite error means the file is damaged (not a bug, not a busy file)."""
    return isinstance(error, sqlite3.DatabaseError) and _says_damage(error)


def damaged(path: str | Path | None) -> str:
    """The kind words for a damaged file."""
    where = f" ({path})" if path else ""
    return (
        f"Your saved data file{where} looks damaged, so Small Steps has not touched it. "
        "Keep a copy of it, then point the app at a new file (see README, 'Your data')."
    )


MEMORY_PAGE_SIZE = 1024


def memory_db() -> Database:
    """A migrated in-memory database, for tests and demos."""
    from sqlite_utils import Database

    # One session's reruns run on different threads, one at a time.
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    # Each hosted visitor who is not signed in has one of these for the whole session.
    # With SQLite's default 4 KB pages the empty schema cost ~226 KB of RAM; with 1 KB
    # pages ~48 KB (a person's data is small and capped). Must be set before any table.
    conn.execute(f"PRAGMA page_size = {MEMORY_PAGE_SIZE}")
    db = Database(conn)
    configure(db.conn)
    migrate(db)
    return db


def migrate(db: Database, *, path: Path | None = None) -> None:
    """Apply pending migrations all-or-nothing, once, even with other processes starting."""
    with _migrate_lock:
        try:
            if not migrations.pending(db):
                return
            with write(db):
                # Savepoints nest inside this IMMEDIATE transaction, so a failure in any
                # migration rolls back every one applied in this call.
                migrations.apply(db)
        except sqlite3.DatabaseError as error:
            raise StoreProblem(_explain(error, path)) from error


@contextmanager
def write(db: Database) -> Iterator[Database]:
    """A read-then-write transaction. IMMEDIATE takes the write lock up front, so two
    sessions never both read, then fail with "database is locked" when they write."""
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except sqlite3.OperationalError as error:  # read-only, disk full, busy past the timeout
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreProblem(_explain(error, None)) from error


def _explain(error: Exception, path: Path | None) -> str:
    where = f" ({path})" if path else ""
    text = str(error).lower()
    if _says_damage(error):
        return damaged(path)
    if any(w in text for w in ("readonly", "read-only", "permission", "unable to open")):
        return (
            f"Small Steps can't write to its data file{where}. "
            "Check that the folder is writable, or choose another place for it."
        )
    if "locked" in text or "busy" in text:
        return "Your data is busy right now. Please wait a moment and try again."
    return f"Small Steps couldn't open its data file{where}: {error}."
