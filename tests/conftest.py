"""Shared fixtures: a migrated in-memory database and a fixed clock."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from core import store
from core.models import CheckInDraft, Goal, GoalDraft, parse
from ui import board as today_board_component
from ui.session import DB_ENV, MODE_ENV

TODAY = dt.date(2026, 11, 26)  # a Thursday
NOW = dt.datetime(2026, 11, 26, 12, 0, 0)


@pytest.fixture
def db() -> Iterator[Database]:
    database = store.memory_db()
    yield database
    database.close()


def make_goal(db: Database, owner: str = "alice", **fields: object) -> Goal:
    data: dict[str, object] = {
        "text": "Walk for 10 minutes after dinner",
        "cadence": "week",
        "times": 3,
        "start_date": TODAY - dt.timedelta(days=60),
    }
    data.update(fields)
    return store.add_goal(db, owner=owner, draft=parse(GoalDraft, data, today=TODAY), now=NOW)


def check_in(
    db: Database,
    goal: Goal,
    day: dt.date,
    status: str = "done",
    owner: str = "alice",
    **fields: object,
) -> None:
    draft = parse(CheckInDraft, {"goal_id": goal.id, "day": day, "status": status, **fields})
    store.save_check_in(db, owner=owner, draft=draft, now=NOW)


ROOT = Path(__file__).resolve().parents[1]


def _app_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str) -> Path:
    path = tmp_path / "data" / "small-steps.db"
    monkeypatch.setenv(DB_ENV, str(path))
    monkeypatch.setenv(MODE_ENV, mode)
    return path


@pytest.fixture
def local_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app in local mode on a fresh database file; returns the file's path."""
    return _app_env(tmp_path, monkeypatch, "local")


@pytest.fixture
def hosted_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app in hosted mode (the server's file is at the returned path)."""
    return _app_env(tmp_path, monkeypatch, "hosted")


def open_page(
    name: str, *, user: dict[str, object] | None = None, secrets: dict[str, object] | None = None
) -> AppTest:
    """Run one page the way a deep link on a fresh server does: the page file alone."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    if user is not None:
        at.user = user
    return at.switch_page(f"pages/{name}.py").run()


def in_threads(work: Callable[[int], object], count: int) -> list[BaseException]:
    """Run work(0) … work(count - 1) each on its own thread, all at once; return what
    they raised (an empty list when every one finished cleanly)."""
    errors: list[BaseException] = []

    def run(t: int) -> None:
        try:
            work(t)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(t,)) for t in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


# Today's board (ui/board.py) is one components-v2 element, which AppTest shows as an
# UnknownElement: these read its data and click it the way the browser does.
TODAY_BOARD = today_board_component.KEY


def today_board(at: AppTest) -> dict[str, Any]:
    """The data Today's board was drawn from on the last run: cards and latest wins."""
    boards = [e for e in at.get("bidi_component") if e.key == TODAY_BOARD]
    assert len(boards) == 1, "Today shows its board once when there are goals"
    data: dict[str, Any] = json.loads(boards[0].proto.json)
    return data


def board_words(at: AppTest) -> list[str]:
    """Everything on Today's board that a person wrote or that names their goals."""
    data = today_board(at)
    return ([c["text"] for c in data["cards"]] + [c["when"] for c in data["cards"] if c["when"]]
            + [w["text"] for w in data["wins"]["items"] if w["text"]])


def board_event(at: AppTest, name: str, value: object) -> AppTest:
    """Send Today's board's one-off event `name` with `value`, with the page's other
    widget states, as the browser sends it."""
    (board,) = [e for e in at.get("bidi_component") if e.key == TODAY_BOARD]
    event = WidgetState(
        id=today_board_component.events_widget_id(board.proto.id),
        json_trigger_value=json.dumps([{"event": name, "value": value}]),
    )
    states = at._tree.get_widget_states()  # AppTest has no public way to send an event
    states.widgets.append(event)
    return at._run(states)


def choose_on_today(at: AppTest, goal_id: str, status: str) -> AppTest:
    """One click on a goal's option on Today."""
    return board_event(at, "choice", {"goal": goal_id, "status": status})
