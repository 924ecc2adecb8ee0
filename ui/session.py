"""Who is using the app, where their data lives, and this session's database connection.

Each page calls these itself (cheap and idempotent), so a page opened by deep link on
a fresh server, which runs the page file without the entrypoint, is set up the same.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import streamlit as st
from sqlite_utils import Database

from core import store

DB_ENV = "SMALL_STEPS_DB"
LOCAL_OWNER = "local"


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


def owner() -> str:
    """Whose data this session reads and writes."""
    return LOCAL_OWNER


def _close(db: Database) -> None:
    db.close()


@st.cache_resource(scope="session", on_release=_close, show_spinner=False)
def _open(path: str) -> Database:
    return store.open_db(path)


def database() -> Database | None:
    """This session's connection, or None after explaining (kindly) what is wrong."""
    try:
        return _open(str(db_path()))
    except store.StoreProblem as problem:
        st.error(str(problem), icon=":material/build:")
        return None
