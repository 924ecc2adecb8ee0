"""A tiny client for Streamlit's own websocket protocol: open a page, rerun it, click a button.

No browser: it speaks to `ws://HOST:PORT/_stcore/stream` exactly as Streamlit's frontend
does (checked against streamlit 1.67's starlette_websocket.py and app_session.py):

- the subprotocol header carries `streamlit` (a browser also sends an XSRF token and an
  old session id there; both are optional, and without an Origin header the server does
  not ask for the token);
- nothing runs until the client sends a `BackMsg.rerun_script` holding a `ClientState`:
  `page_name` is the page's URL path ("checkin"; "" is the default page), and on reruns
  `page_script_hash` names the page the server reported in its `navigation` message;
- a run is finished when a `ForwardMsg.script_finished` arrives with a final status (a
  `st.rerun()` first sends FINISHED_EARLY_FOR_RERUN, then a whole new run follows);
- a button click is a rerun whose `widget_states` hold `trigger_value = true` for the
  button's element id, which ends with `-<user key>`; a widget drawn inside an
  `@st.fragment` (its deltas carry `fragment_id`) is clicked as the browser does, with
  `ClientState.fragment_id` set, so only that fragment reruns (it then finishes with
  FINISHED_FRAGMENT_RUN_SUCCESSFULLY);
- choosing an option of a segmented control or pills is the same kind of rerun, with the
  option's words (icon first, as the frontend joins them) in `string_array_value`;
- an event from a components-v2 element (Today's board) is a rerun with one more widget
  state: id `$$STREAMLIT_INTERNAL_KEY_<element id>__events`, and a JSON list of
  `{"event": …, "value": …}` in `json_trigger_value` (streamlit/components/v2/
  bidi_component/main.py).

Everything else the server sends is parsed only to collect the run's elements (kind,
widget id, text, fragment) and exceptions; the rest is ignored. The session also keeps
the whole screen (elements by delta path), which a fragment run only partly redraws.
Timings are taken inside the event loop, from the send of the BackMsg to the arrival of
the final `script_finished`.

`AsyncSession` is for many sessions on one event loop; `Session` wraps one for plain
synchronous code (its event loop runs in a background thread, so pings are answered
while the caller sleeps).
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.request
from collections.abc import Coroutine, Iterable, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TypeVar

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import StringArray
from streamlit.proto.Element_pb2 import Element as ElementProto
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

from ui import board

T = TypeVar("T")
FINAL = {ForwardMsg.FINISHED_SUCCESSFULLY: "ok",
         ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY: "ok",
         ForwardMsg.FINISHED_WITH_COMPILE_ERROR: "compile_error"}
TEXT_FIELDS = ("body", "label", "title", "text")


class ProtocolProblem(RuntimeError):
    """The server did something this client does not understand (or nothing in time)."""


@dataclass(frozen=True)
class Element:
    kind: str  # the Element proto's type: "button", "heading", "markdown", ...
    id: str  # a widget's element id ("" for elements that are not widgets)
    text: str  # body or label, for matching and sanity checks
    fragment_id: str = ""  # the @st.fragment that drew it ("" outside fragments)
    options: tuple[str, ...] = ()  # a button group's options, as the browser sends them back
    data: str = ""  # a components-v2 element's data, as JSON
    file: str = ""  # a download button's file: its URL, or "deferred:<id>" (built on click)


@dataclass
class Run:
    """What one script run sent back."""

    seconds: float = 0.0
    status: str = ""
    elements: list[Element] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    page_hash: str = ""
    page_not_found: bool = False
    fragment: bool = False  # only a fragment reran (the rest of the screen stayed)
    messages: int = 0
    bytes: int = 0

    def headings(self) -> list[str]:
        return [e.text for e in self.elements if e.kind == "heading"]

    def widget(self, key: str) -> Element:
        return find_widget(self.elements, key)

    def widgets_like(self, prefix: str, suffix: str = "") -> list[Element]:
        return widgets_like(self.elements, prefix, suffix)


def find_widget(elements: Iterable[Element], key: str) -> Element:
    """The widget whose user key is `key` (element ids end with `-<key>`)."""
    for element in elements:
        if element.id and element.id.endswith(f"-{key}"):
            return element
    raise KeyError(f"no widget with key {key!r}")


def widgets_like(elements: Iterable[Element], prefix: str, suffix: str = "") -> list[Element]:
    """Widgets whose user key starts with `prefix` (and ends with `suffix`)."""
    return [e for e in elements if e.id and f"-{prefix}" in e.id and e.id.endswith(suffix)]


def ensure_ok(run: Run, what: str) -> Run:
    """The run, if it finished cleanly on a page that exists; else a loud error."""
    if run.status != "ok" or run.errors or run.page_not_found:
        raise RuntimeError(f"{what}: status={run.status} errors={run.errors}")
    return run


TODAY_BOARD = board.KEY  # the user key of Today's board (pages/today.py)


def today_goal(screen: Iterable[Element]) -> str:
    """The goal id of the first card on Today's board."""
    cards = json.loads(find_widget(screen, TODAY_BOARD).data or "{}").get("cards") or []
    if not cards:
        raise RuntimeError("Today shows no goal card")
    return str(cards[0]["id"])


def _describe(element: ElementProto, fragment_id: str) -> Element:
    kind = element.WhichOneof("type") or ""
    inner = getattr(element, kind) if kind else None
    fields = inner.DESCRIPTOR.fields_by_name if inner is not None else {}
    widget_id = str(inner.id) if inner is not None and "id" in fields else ""
    text = next((str(getattr(inner, name)) for name in TEXT_FIELDS
                 if name in fields and getattr(inner, name)), "")
    options: tuple[str, ...] = ()
    if kind == "button_group" and inner is not None:  # icon and words, as the browser joins them
        options = tuple(f"{o.content_icon} {o.content}" if o.content_icon else o.content
                        for o in inner.options)
    data = str(inner.json) if kind == "bidi_component" and inner is not None else ""
    file = ""
    if kind == "download_button" and inner is not None:
        file = str(inner.url) or f"deferred:{inner.deferred_file_id}"
    return Element(kind, widget_id, text, fragment_id, options, data, file)


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:
        return bytes(response.read())


class AsyncSession:
    """One browser-tab-like Streamlit session, driven from asyncio."""

    def __init__(self, port: int, *, host: str = "127.0.0.1", timeout: float = 120.0,
                 name: str | None = None, headers: dict[str, str] | None = None) -> None:
        """`name` is the host name the client says it asked for (its `Host` header, as a
        proxy or a DNS-rebinding page would send); the connection still goes to `host`.
        `headers` are added to the handshake (`X-Forwarded-For`, `Origin`, …)."""
        self.url = f"ws://{name or host}:{port}/_stcore/stream"
        self.host = host
        self.port = port
        self.headers = headers or {}
        self.timeout = timeout
        self.session_id = ""  # the server's id for this session, from `new_session`
        self.page_name = ""
        self.page_hash = ""
        self.pages: dict[str, str] = {}  # URL path -> page script hash, from `navigation`
        self.last: Run | None = None
        self.screen: dict[tuple[int, ...], Element] = {}  # what a browser would show now
        self._ws: ClientConnection | None = None

    async def connect(self, *, resume: bool = False) -> AsyncSession:
        """Open the websocket. With `resume`, ask for this session back by its id, as the
        browser does when its connection drops and comes back (the second entry is the
        XSRF token, which the server only reads when an Origin header is sent)."""
        protocols = ["streamlit"]
        if resume and self.session_id:
            protocols += ["no-xsrf", self.session_id]
        self._ws = await connect(self.url, subprotocols=[Subprotocol(p) for p in protocols],
                                 max_size=None, compression=None, open_timeout=self.timeout,
                                 ping_interval=None, host=self.host, port=self.port,
                                 additional_headers=self.headers or None)
        return self

    async def drop(self) -> None:
        """Cut the connection without a goodbye, like a phone going to sleep or a proxy
        timing out; the server keeps the session for a while for a reconnect."""
        if self._ws is not None:
            self._ws.transport.abort()
            self._ws = None

    async def resume(self) -> AsyncSession:
        """Come back after `drop()`, asking for the same session."""
        return await self.connect(resume=True)

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    async def __aenter__(self) -> AsyncSession:
        return await self.connect()

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.close()

    async def open(self, page: str = "") -> Run:
        """Run `page` (a URL path such as "checkin"; "" is the default page) as if the
        browser had just loaded it, or navigated to it within this session."""
        self.page_name = page
        self.page_hash = self.pages.get(page, "")
        return await self.rerun()

    async def rerun(self, widgets: Sequence[WidgetState] = (), *, fragment_id: str = "") -> Run:
        """Rerun the current page (or one fragment of it), optionally with widget states."""
        message = BackMsg()
        state = message.rerun_script
        state.page_name = self.page_name
        state.page_script_hash = self.page_hash
        state.fragment_id = fragment_id
        state.widget_states.widgets.extend(widgets)
        return await self._run(message)

    def widget(self, key: str) -> Element:
        """The widget with user key `key` on the screen now."""
        return find_widget(self.screen.values(), key)

    def widgets_like(self, prefix: str, suffix: str = "") -> list[Element]:
        return widgets_like(self.screen.values(), prefix, suffix)

    async def click(self, key: str) -> Run:
        """Click the button with user key `key` on the screen now."""
        button = self.widget(key)
        state = WidgetState(id=button.id, trigger_value=True)
        return await self.rerun([state], fragment_id=button.fragment_id)

    async def choose(self, key: str, option: str) -> Run:
        """Pick the option whose words end with `option` in the button group (segmented
        control or pills) with user key `key`: one click in the browser."""
        group = self.widget(key)
        value = next((o for o in group.options if o.endswith(option)), None)
        if value is None:
            raise KeyError(f"{key!r} has no option {option!r}: {group.options}")
        state = WidgetState(id=group.id, string_array_value=StringArray(data=[value]))
        return await self.rerun([state], fragment_id=group.fragment_id)

    async def event(self, key: str, name: str, value: object) -> Run:
        """Send event `name` with `value` from the components-v2 element with user key `key`
        (one click on Today's board: `event(TODAY_BOARD, "choice", {"goal": …,
        "status": "done"})`)."""
        element = self.widget(key)
        state = WidgetState(id=board.events_widget_id(element.id), json_trigger_value=json.dumps(
            [{"event": name, "value": value}]))
        return await self.rerun([state], fragment_id=element.fragment_id)

    async def download(self, key: str) -> bytes:
        """Click the download button with user key `key` as the browser does: a file built
        on click is asked for over the websocket (a backend operation), then fetched over
        HTTP like any other."""
        file = self.widget(key).file
        if file.startswith("deferred:"):
            if self._ws is None:
                raise ProtocolProblem("not connected")
            message = BackMsg()
            request = message.backend_operation_request
            request.request_id = f"download-{key}"
            request.session_id = self.session_id
            request.deferred_file.file_id = file.removeprefix("deferred:")
            await self._ws.send(message.SerializeToString())
            async with asyncio.timeout(self.timeout):
                while True:
                    reply = ForwardMsg.FromString(await self._ws.recv(decode=False))
                    if (reply.WhichOneof("type") == "backend_operation_response"
                            and reply.backend_operation_response.request_id
                            == request.request_id):
                        answer = reply.backend_operation_response
                        if answer.error_msg:
                            raise ProtocolProblem(f"download failed: {answer.error_msg}")
                        file = answer.deferred_file.url
                        break
        url = f"http://{self.host}:{self.port}{file if file.startswith('/') else '/' + file}"
        return await asyncio.to_thread(_get, url)

    async def check_in_today(self, goal_id: str, status: str) -> Run:
        """One click on an option of a goal's card on Today."""
        return await self.event(TODAY_BOARD, "choice", {"goal": goal_id, "status": status})

    async def _run(self, message: BackMsg) -> Run:
        if self._ws is None:
            raise ProtocolProblem("not connected")
        run = Run()
        started = time.perf_counter()
        await self._ws.send(message.SerializeToString())
        new_run_seen = False
        async with asyncio.timeout(self.timeout):
            while True:
                raw = await self._ws.recv(decode=False)
                msg = ForwardMsg.FromString(raw)
                run.messages += 1
                run.bytes += len(raw)
                kind = msg.WhichOneof("type")
                if kind == "new_session":
                    self.session_id = msg.new_session.initialize.session_id or self.session_id
                    new_run_seen = True  # anything before this belonged to an earlier run
                    run.elements.clear()
                    run.errors.clear()
                    run.fragment = bool(msg.metadata.run.fragment_ids)
                    if not run.fragment:
                        self.screen.clear()
                    if not self.pages:  # no st.navigation (yet): a single-page app
                        run.page_hash = msg.new_session.page_script_hash
                elif kind == "navigation":
                    run.page_hash = msg.navigation.page_script_hash
                    self.pages = {p.url_pathname: p.page_script_hash
                                  for p in msg.navigation.app_pages}
                elif kind == "page_not_found":
                    run.page_not_found = True
                elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                    element = _describe(msg.delta.new_element, msg.delta.fragment_id)
                    run.elements.append(element)
                    self.screen[tuple(msg.metadata.delta_path)] = element
                    if element.kind == "exception":
                        exc = msg.delta.new_element.exception
                        run.errors.append(f"{exc.type}: {exc.message}")
                elif kind == "session_event" and msg.session_event.HasField(
                        "script_compilation_exception"):
                    exc = msg.session_event.script_compilation_exception
                    run.errors.append(f"{exc.type}: {exc.message}")
                elif kind == "script_finished" and new_run_seen:
                    status = FINAL.get(msg.script_finished)
                    if status is not None:
                        run.status = status
                        break
        run.seconds = time.perf_counter() - started
        if run.page_hash:
            self.page_hash = run.page_hash
        self.last = run
        return run


class Session:
    """`AsyncSession` for synchronous code: `with Session(port) as s: s.open("today")`."""

    def __init__(self, port: int, *, host: str = "127.0.0.1", timeout: float = 120.0,
                 name: str | None = None, headers: dict[str, str] | None = None) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True,
                                        name="ws-session-loop")
        self._thread.start()
        self.inner = AsyncSession(port, host=host, timeout=timeout, name=name, headers=headers)
        try:
            self._call(self.inner.connect())
        except BaseException:
            self._stop()
            raise

    def _call(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    def open(self, page: str = "") -> Run:
        return self._call(self.inner.open(page))

    def rerun(self, widgets: Sequence[WidgetState] = (), *, fragment_id: str = "") -> Run:
        return self._call(self.inner.rerun(widgets, fragment_id=fragment_id))

    def click(self, key: str) -> Run:
        return self._call(self.inner.click(key))

    def choose(self, key: str, option: str) -> Run:
        return self._call(self.inner.choose(key, option))

    def check_in_today(self, goal_id: str, status: str) -> Run:
        return self._call(self.inner.check_in_today(goal_id, status))

    def event(self, key: str, name: str, value: object) -> Run:
        return self._call(self.inner.event(key, name, value))

    def download(self, key: str) -> bytes:
        return self._call(self.inner.download(key))

    def drop(self) -> None:
        self._call(self.inner.drop())

    def resume(self) -> None:
        self._call(self.inner.resume())

    def widgets_like(self, prefix: str, suffix: str = "") -> list[Element]:
        return self.inner.widgets_like(prefix, suffix)

    @property
    def last(self) -> Run | None:
        return self.inner.last

    def close(self) -> None:
        try:
            self._call(self.inner.close())
        finally:
            self._stop()

    def _stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
