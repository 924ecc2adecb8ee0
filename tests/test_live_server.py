"""Hardening checks against the real server (`streamlit run`), spoken to over its own
websocket protocol: a dropped connection, requests that came through a proxy or tunnel,
Host names that are not this computer's (DNS rebinding), and oversized messages."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from benchmarks.ws import TODAY_BOARD, Session, ensure_ok, today_goal
from tests.server import StreamlitServer

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    db = tmp_path_factory.mktemp("hosted") / "hosted.db"
    with StreamlitServer(db, env={"SMALL_STEPS_MODE": "hosted"}) as server:
        yield server


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """No mode set and only this computer can connect: local, like `streamlit run`."""
    db = tmp_path_factory.mktemp("local") / "local.db"
    with StreamlitServer(db) as server:
        yield server


def card_status(session: Session, goal_id: str) -> str:
    data = json.loads(session.inner.widget(TODAY_BOARD).data)
    return str(next(c for c in data["cards"] if c["id"] == goal_id).get("saved") or "")


def start_demo_and_open_today(session: Session) -> str:
    ensure_ok(session.open("data"), "open Your data")
    ensure_ok(session.click("demo-start"), "start the demo")
    ensure_ok(session.open(""), "open Today")
    return today_goal(session.inner.screen.values())


@pytest.mark.parametrize("server_name", ["hosted", "local"])
def test_a_dropped_connection_keeps_the_session_and_its_data(
        server_name: str, request: pytest.FixtureRequest) -> None:
    server: StreamlitServer = request.getfixturevalue(server_name)
    with Session(server.port) as tab:
        goal = start_demo_and_open_today(tab)
        first_id = tab.inner.session_id
        assert first_id
        tab.drop()  # a network blip: no goodbye
        tab.resume()  # the browser comes back and asks for the same session
        run = ensure_ok(tab.check_in_today(goal, "done"), "check in after the blip")
        assert tab.inner.session_id == first_id, "the server started a new session"
        assert card_status(tab, goal) == "done"
        # and again: a second blip, then plain page changes
        tab.drop()
        tab.resume()
        for page in ("checkin", "wins", "data", ""):
            run = ensure_ok(tab.open(page), f"open {page} after a second blip")
        assert tab.inner.session_id == first_id
        assert card_status(tab, goal) == "done", run.errors
