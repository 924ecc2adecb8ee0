"""Who is using the app, where their data lives, and this session's database connection.

Each page calls these itself (cheap and idempotent), so a page opened by deep link on
a fresh server, which runs the page file without the entrypoint, is set up the same.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

import streamlit as st
from sqlite_utils import Database

from core import store
from core.modes import Mode, ModeProblem, demo_owner, owner_for_identity, resolve_mode

DB_ENV = "SMALL_STEPS_DB"
LOCAL_OWNER = "local"
MODE_ENV = "SMALL_STEPS_MODE"
VISITOR_KEY = "visitor-id"
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


def mode() -> Mode:
    """local or hosted: configured, or hosted whenever other machines can reach us."""
    configured = os.environ.get(MODE_ENV) or _secret("mode")
    try:
        return resolve_mode(configured, st.get_option("server.address"))
    except ModeProblem as problem:
        st.warning(f"{problem} Running privately (hosted mode) until it is fixed.")
        return Mode.HOSTED


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


def persistent() -> bool:
    """Whether this session's data is kept after the browser session ends."""
    return mode() is Mode.LOCAL or signed_in_owner() is not None


def base_owner() -> str:
    if mode() is Mode.LOCAL:
        return LOCAL_OWNER
    signed_in = signed_in_owner()
    if signed_in is not None:
        return signed_in
    visitor = st.session_state.get(VISITOR_KEY)
    if not isinstance(visitor, str):
        visitor = f"visitor-{uuid.uuid4().hex}"
        st.session_state[VISITOR_KEY] = visitor
    return visitor


def in_demo() -> bool:
    return bool(st.session_state.get(DEMO_KEY))


def owner() -> str:
    """Whose data this session reads and writes (the demo person while in demo mode)."""
    base = base_owner()
    return demo_owner(base) if in_demo() else base


def _close(db: Database) -> None:
    db.close()


@st.cache_resource(scope="session", on_release=_close, show_spinner=False)
def _open(path: str) -> Database:
    return store.open_db(path)


@st.cache_resource(scope="session", on_release=_close, show_spinner=False)
def _session_memory() -> Database:
    """A hosted visitor who is not signed in: their data lives only in this session."""
    return store.memory_db()


def database() -> Database | None:
    """This session's connection, or None after explaining (kindly) what is wrong."""
    try:
        return _open(str(db_path())) if persistent() else _session_memory()
    except store.StoreProblem as problem:
        st.error(str(problem), icon=":material/build:")
        return None
