"""Who is using the app, where their data lives, and this session's database connection.

Each page calls these itself (cheap and idempotent), so a page opened by deep link on
a fresh server, which runs the page file without the entrypoint, is set up the same.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

import streamlit as st
from sqlite_utils import Database

from core import store
from core.modes import (
    Mode,
    ModeProblem,
    demo_owner,
    from_elsewhere,
    owner_for_identity,
    resolve_mode,
)

DB_ENV = "SMALL_STEPS_DB"
LOCAL_OWNER = "local"
MODE_ENV = "SMALL_STEPS_MODE"
DEMO_KEY = "demo-on"


def default_db_path() -> Path:
    """Outside the source tree, in the user's data folder (XDG on Linux)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "small-steps" / "small-steps.db"


def _secret(name: str) -> str | None:
    try:
        value = st.secrets.get(name)
    except Exception:  # no secrets.toml at all is the normal local case
        return None
    return str(value) if value else None


def db_path() -> Path:
    configured = os.environ.get(DB_ENV) or _secret("db_path")
    return Path(configured).expanduser() if configured else default_db_path()


def today() -> dt.date:
    return dt.date.today()


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _mode() -> tuple[Mode, str | None]:
    """local or hosted: configured, or hosted whenever other machines can reach us; and
    what is wrong with the configuration, if anything."""
    configured = os.environ.get(MODE_ENV) or _secret("mode")
    try:
        return resolve_mode(configured, st.get_option("server.address")), None
    except ModeProblem as problem:
        return Mode.HOSTED, f"{problem} Running privately (hosted mode) until it is fixed."


def mode() -> Mode:
    """How this session is served: local only when it holds the local space."""
    return Mode.LOCAL if place().base_owner == LOCAL_OWNER else Mode.HOSTED


def signin_available() -> bool:
    """Streamlit's built-in OIDC sign-in is configured ([auth] in secrets.toml)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets.toml at all is the normal case
        return False


def signed_in_owner() -> str | None:
    if not signin_available() or not st.user.get("is_logged_in"):
        return None
    subject = st.user.get("sub")
    if not subject:
        return None
    return owner_for_identity(issuer=str(st.user.get("iss", "")), subject=str(subject))


@dataclass(frozen=True)
class Place:
    """Whose data this session holds and where it lives. Mode, sign-in and the database
    path only change with a new session (signing in or out reloads the page), so this is
    worked out on the session's first run and kept: reading secrets and options on every
    call cost ~0.2 ms each, many times a run."""

    base_owner: str
    persistent: bool
    path: str | None  # None: this session's own in-memory database
    # Local mode, but this visit came through a proxy or from another machine: what the
    # page says about it (the visitor gets a private space, never the local one).
    elsewhere: str | None = None
    problem: str | None = None  # a mode setting we don't know: what the page says about it


PLACE_KEY = "session-place"
HANDLE_KEY = "session-database"
_ARRIVED = {"host": "came from another address", "proxy": "came through a proxy or tunnel"}
ELSEWHERE = {
    why: (
        "This copy of Small Steps is set up for one person on their own computer, but "
        f"this visit {how}. To keep that person's goals private, you have a private "
        "space of your own instead: it lasts while this tab is open. If you run this app "
        "for other people, start it in hosted mode (SMALL_STEPS_MODE=hosted; see the "
        "README, 'Hosting')."
    )
    for why, how in _ARRIVED.items()
}


def _headers() -> dict[str, str]:
    """The headers of the request that opened this session's connection."""
    try:
        return dict(st.context.headers)
    except Exception:  # no request at all (a bare script run): nothing came from elsewhere
        return {}


def place() -> Place:
    found = st.session_state.get(PLACE_KEY)
    if isinstance(found, Place):
        return found
    where, problem = _mode()
    elsewhere = from_elsewhere(_headers()) if where is Mode.LOCAL else None
    if where is Mode.LOCAL and elsewhere is None:
        found = Place(LOCAL_OWNER, True, str(db_path()))
    elif elsewhere is not None:
        found = Place(f"visitor-{uuid.uuid4().hex}", False, None, ELSEWHERE[elsewhere])
    elif (signed_in := signed_in_owner()) is not None:
        found = Place(signed_in, True, str(db_path()))
    else:
        found = Place(f"visitor-{uuid.uuid4().hex}", False, None)
    if problem:  # the page frame shows it on every run, until the setting is fixed
        found = replace(found, problem=problem)
    st.session_state[PLACE_KEY] = found  # one owner for the whole session, whatever happens
    return found


def persistent() -> bool:
    """Whether this session's data is kept after the browser session ends."""
    return place().persistent


def base_owner() -> str:
    return place().base_owner


def in_demo() -> bool:
    return bool(st.session_state.get(DEMO_KEY))


def owner() -> str:
    """Whose data this session reads and writes (the demo person while in demo mode)."""
    base = base_owner()
    return demo_owner(base) if in_demo() else base


def _usable(db: Database) -> bool:
    """False once the connection has been closed (by anything)."""
    try:
        db.conn.total_changes  # noqa: B018 - raises on a closed connection, costs nothing
    except sqlite3.ProgrammingError:
        return False
    return True


def database() -> Database | None:
    """This session's connection, or None after explaining (kindly) what is wrong.

    The connection lives in the session's own state, and nowhere else. Streamlit keeps
    `session_state` when a browser's connection drops and comes back (a phone sleeping,
    a proxy's idle timeout), but clears session-scoped caches then, so a connection kept
    in `st.cache_resource(scope="session")` was closed under a session that carried on.
    When the session ends for good its state is dropped and Python closes the
    connection; a hosted visitor's in-memory space goes with it."""
    where = place()
    held = st.session_state.get(HANDLE_KEY)
    if isinstance(held, tuple) and held[0] == where.path and _usable(held[1]):
        return cast(Database, held[1])
    try:
        db = store.open_db(where.path) if where.path else store.memory_db()
    except store.StoreProblem as problem:
        st.error(str(problem), icon=":material/build:")
        return None
    st.session_state[HANDLE_KEY] = (where.path, db)
    return db
