"""Hardening checks against the real server (`streamlit run`), spoken to over its own
websocket protocol: a dropped connection, requests that came through a proxy or tunnel,
Host names that are not this computer's (DNS rebinding), and oversized messages."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.web.server.starlette.starlette_app_utils import generate_xsrf_token_string
from websockets.exceptions import ConnectionClosed, InvalidStatus

from benchmarks.ws import TODAY_BOARD, Session, ensure_ok, today_goal
from core import demo, export, limits, store
from core.models import GoalDraft
from tests.server import StreamlitServer
from ui import uploads
from ui.session import ELSEWHERE, LOCAL_OWNER

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    db = tmp_path_factory.mktemp("hosted") / "hosted.db"
    with StreamlitServer(db, env={"SMALL_STEPS_MODE": "hosted"}) as server:
        yield server


SECRET = "Tell my therapist about the panic attacks on Monday"


def seeded(folder: Path) -> Path:
    """A local data file that already holds the local person's goal."""
    path = folder / "local.db"
    db = store.open_db(path)
    now = dt.datetime.now().replace(microsecond=0)
    store.add_goal(db, owner=LOCAL_OWNER, now=now,
                   draft=GoalDraft(text=SECRET, start_date=now.date()))
    db.close()
    return path


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """No mode set and only this computer can connect: local, like `streamlit run`."""
    with StreamlitServer(seeded(tmp_path_factory.mktemp("local"))) as server:
        yield server


def screen_text(session: Session) -> str:
    return "\n".join(f"{e.text} {e.data}" for e in session.inner.screen.values())


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


def test_the_local_person_sees_their_goal(local: StreamlitServer) -> None:
    with Session(local.port) as tab:
        ensure_ok(tab.open(""), "open Today")
        assert SECRET in screen_text(tab)
        assert ELSEWHERE["proxy"] not in screen_text(tab)


@pytest.mark.parametrize("headers", [
    {"X-Forwarded-For": "198.51.100.7"},  # nginx, Caddy
    {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"},
    {"Forwarded": "for=198.51.100.7;proto=https"},  # RFC 7239
    {"CF-Connecting-IP": "198.51.100.7"},  # cloudflared
    {"X-Real-IP": "198.51.100.7"},
])
def test_a_visit_through_a_proxy_never_gets_the_local_space(
        local: StreamlitServer, headers: dict[str, str]) -> None:
    with Session(local.port, headers=headers) as visitor:
        for page in ("", "checkin", "wins", "data", "plan"):
            ensure_ok(visitor.open(page), f"open {page!r} through a proxy")
            assert SECRET not in screen_text(visitor), page
            assert ELSEWHERE["proxy"] in screen_text(visitor), page
        # what the visitor adds stays in their own space, not the local file
        ensure_ok(visitor.open("data"), "open Your data")
        ensure_ok(visitor.click("demo-start"), "start the demo")
    with Session(local.port) as owner:
        ensure_ok(owner.open(""), "open Today")
        data = json.loads(owner.inner.widget(TODAY_BOARD).data)
        assert [c["text"] for c in data["cards"]] == [SECRET]


def test_a_host_name_that_is_not_this_computer_is_refused(local: StreamlitServer) -> None:
    """DNS rebinding: an attacker's name that now points at 127.0.0.1. Streamlit refuses
    the websocket before any session exists (server.allowedHosts)."""
    for name in ("rebind.attacker.example", "smallsteps.example.org", "192.168.1.20"):
        with pytest.raises(InvalidStatus) as refused:
            Session(local.port, name=name, headers={"Origin": f"http://{name}:{local.port}"})
        assert refused.value.response.status_code == 403
    for name in ("localhost", "127.0.0.1"):
        with Session(local.port, name=name) as tab:
            ensure_ok(tab.open(""), f"open Today as {name}")


def test_behind_a_proxy_that_passes_its_own_host_on_a_private_space(
        tmp_path: Path) -> None:
    """A host who let every name in (allowedHosts *) but forgot the mode: a visitor who
    asked for another name still never gets the local space."""
    with StreamlitServer(seeded(tmp_path), options=("--server.allowedHosts", "*")) as server, \
            Session(server.port, name="smallsteps.example.org") as visitor:
        for page in ("", "data"):
            ensure_ok(visitor.open(page), f"open {page!r}")
            assert SECRET not in screen_text(visitor)
            assert ELSEWHERE["host"] in screen_text(visitor)


def test_crafted_messages_are_refused_quietly(hosted: StreamlitServer) -> None:
    """What a browser never sends: the session keeps working, nothing is written."""
    with Session(hosted.port) as tab:
        goal = start_demo_and_open_today(tab)
        for name, value in (("open", {"x": 1}), ("open", ["wins"]), ("choice", "done"),
                            ("choice", {"goal": {"a": 1}, "status": "done"}),
                            ("choice", {"goal": goal, "status": {"x": 1}}),
                            ("choice", {"goal": goal, "status": ["done"]})):
            ensure_ok(tab.event(TODAY_BOARD, name, value), f"{name} {value!r}")
        assert card_status(tab, goal) == ""
        ensure_ok(tab.rerun([WidgetState(id="demo-on", bool_value=False)]), "a made-up id")
        ensure_ok(tab.open(""), "Today after a made-up widget id")
        ensure_ok(tab.open("build"), "open Build a Goal")
        area = tab.inner.widget("build-area")
        ensure_ok(tab.rerun([WidgetState(id=area.id, int_value=999)]), "an option past the end")
        ensure_ok(tab.rerun([WidgetState(id=area.id, int_value=-5)]), "a negative option")
        ensure_ok(tab.open(""), "Today after all that")
        assert card_status(tab, goal) == ""


def held_upload_bytes(server: StreamlitServer) -> int:
    """What the server holds in uploaded files, from its own metrics (which it keeps for
    5 s: streamlit's _METRICS_EXPENSIVE_STATS_TTL_SECONDS, so wait that long first)."""
    time.sleep(5.5)
    with urllib.request.urlopen(f"{server.url}/_stcore/metrics") as response:
        text = response.read().decode()
    return sum(int(float(line.rsplit(" ", 1)[1])) for line in text.splitlines()
               if line.startswith("cache_memory_bytes") and "UploadedFileManager" in line)


def put_upload(server: StreamlitServer, session_id: str, file_id: str, data: bytes) -> int:
    """A crafted client's upload under a made-up file id, with its own XSRF pair."""
    token = generate_xsrf_token_string(os.urandom(16), int(time.time()))
    boundary = "smallstepsboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"export.json\"\r\nContent-Type: application/json\r\n\r\n").encode() \
        + data + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(
        f"{server.url}/_stcore/upload_file/{session_id}/{file_id}", data=body, method="PUT",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}",
                 "X-Xsrftoken": token, "Cookie": f"_streamlit_xsrf={token}"})
    with urllib.request.urlopen(request) as response:
        return int(response.status)


def test_uploads_leave_memory_on_the_next_run(hosted: StreamlitServer) -> None:
    with Session(hosted.port) as tab:
        ensure_ok(tab.open("data"), "open Your data")
        for n in range(5):  # parked under made-up ids, never read by the page
            assert put_upload(hosted, tab.inner.session_id, f"made-up-{n}",
                              b'{"app": "small-steps"}' * 20_000) == 204
        assert held_upload_bytes(hosted) >= 5 * 440_000
        ensure_ok(tab.open(""), "any page runs")
        assert held_upload_bytes(hosted) == 0  # no other visitor uploads in this module


WORDS = "Zebra-quokka-7 talk to Nana 🦓💊 about the bad nights"


def test_the_server_log_never_holds_what_a_person_wrote(tmp_path: Path) -> None:
    """A space whose every text holds WORDS (and emoji the PDF font lacks), imported into
    a local server; every page opened and every file downloaded, then the log read."""
    path = tmp_path / "local.db"
    source = store.memory_db()
    demo.populate(source, owner="someone", today=dt.date.today(), weeks=4)

    def mark(value: object, key: str = "") -> object:
        if isinstance(value, dict):
            return {k: mark(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [mark(v, key) for v in value]
        if isinstance(value, str) and value and key in ("text", "note", "why", "when",
                                                         "what_happened", "reason"):
            return WORDS
        return value

    now = dt.datetime.now().replace(microsecond=0)
    data = mark(json.loads(export.to_json(source, owner="someone", now=now)))
    db = store.open_db(path)
    export.import_space(db, owner=LOCAL_OWNER, now=now,
                        file=export.parse_import(json.dumps(data).encode()))
    db.close()
    with StreamlitServer(path) as server:
        with Session(server.port) as tab:
            for page in ("", "checkin", "wins", "build", "learn", "plan", "help", "data"):
                ensure_ok(tab.open(page), f"open {page!r}")
            for key in ("export-json", "export-csv", "summary-pdf", "summary-md"):
                assert tab.download(key), key
            assert WORDS.encode() in tab.download("export-json")
        assert server.process is not None and server.process.stderr is not None
        server.process.terminate()
        log = server.process.stderr.read().decode("utf-8", "replace")
    assert "server started" in log  # this is the server's log
    for piece in ("Zebra", "quokka", "Nana", "🦓", "💊", "bad nights"):
        assert piece not in log, log[-2000:]


def test_uploads_of_a_closed_tab_or_past_one_import_are_swept(tmp_path: Path) -> None:
    """Files no page ever read: a session's beyond one import's worth, and all of a
    session that has gone, leave memory within a sweep (here every second)."""
    chunk = b"x" * 7_000_000
    with StreamlitServer(tmp_path / "h.db", env={"SMALL_STEPS_MODE": "hosted",
                                                 uploads.SWEEP_ENV: "1"},
                         options=("--server.disconnectedSessionTTL", "2")) as server:
        with Session(server.port) as tab:
            ensure_ok(tab.open("help"), "open a page")  # starts the sweeper
            for n in range(4):
                assert put_upload(server, tab.inner.session_id, f"big-{n}", chunk) == 204
            held = held_upload_bytes(server)  # waits 5.5 s: several sweeps
            assert 0 < held <= limits.MAX_IMPORT_BYTES, held
        time.sleep(2)  # past the wait for a reconnect
        assert held_upload_bytes(server) == 0  # the tab is closed


def test_a_message_far_past_what_the_app_sends_is_refused(hosted: StreamlitServer) -> None:
    """server.maxMessageSize (2 MB): a crafted 3 MB event closes that connection only."""
    with Session(hosted.port) as tab:
        goal = start_demo_and_open_today(tab)
        with pytest.raises(ConnectionClosed):
            tab.event(TODAY_BOARD, "choice", {"goal": goal, "status": "done",
                                              "pad": "x" * 3_000_000})
    with Session(hosted.port) as other:
        ensure_ok(other.open(""), "another visitor is unaffected")


def test_a_whole_number_from_the_browser_reaches_a_number_input(tmp_path: Path) -> None:
    """The browser sends a whole-number input's value as an int, though Streamlit keeps
    it as a double: the guard against crafted values must let it through (page 2 of
    Your data's goals)."""
    path = seeded(tmp_path)
    db = store.open_db(path)
    now = dt.datetime.now().replace(microsecond=0)
    for n in range(24):
        store.add_goal(db, owner=LOCAL_OWNER, now=now, draft=GoalDraft(
            text=f"Stretch for {n + 1} minutes after waking", start_date=now.date()))
    db.close()
    with StreamlitServer(path) as server, Session(server.port) as tab:
        ensure_ok(tab.open("data"), "open Your data")
        assert "Goals 1 to 20 of 25" in screen_text(tab)
        page = tab.inner.widget("data-goal-page")
        ensure_ok(tab.rerun([WidgetState(id=page.id, int_value=2)]), "page 2")
        assert "Goals 21 to 25 of 25" in screen_text(tab)
