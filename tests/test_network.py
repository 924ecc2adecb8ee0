"""ui.network: Nagle's algorithm off for the server's connections (see its docstring)."""

from __future__ import annotations

import gc
import socket
import weakref
from collections.abc import Iterator

import pytest

from ui import network


def nodelay(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A listening socket made the way Streamlit 1.67 makes its own (proto 0)."""
    sock = socket.socket(family=socket.AF_INET)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield sock
    sock.close()


def connect(listener: socket.socket) -> tuple[socket.socket, socket.socket]:
    client = socket.create_connection(listener.getsockname())
    accepted, _address = listener.accept()
    return client, accepted


def test_a_connection_accepted_like_streamlit_s_starts_with_nagle_on(
        listener: socket.socket) -> None:
    """The condition the workaround is for. If this fails, a new Python or Streamlit
    turns Nagle off by itself and ui.network may be unneeded."""
    client, accepted = connect(listener)
    assert listener.proto == 0
    assert nodelay(accepted) == 0
    client.close()
    accepted.close()


def test_open_connections_and_later_ones_get_nodelay(listener: socket.socket) -> None:
    client, before = connect(listener)
    assert before in network.tcp_sockets() and listener in network.tcp_sockets()
    assert network.no_delay_everywhere() >= 2  # the listener and the open connection
    assert nodelay(before) == 1 and nodelay(listener) == 1
    late_client, later = connect(listener)
    assert nodelay(later) == 1  # inherited from the listening socket
    network.no_delay_everywhere()  # the new client end too
    assert all(nodelay(s) == 1 for s in (client, before, late_client, later))
    for sock in (client, before, late_client, later):
        sock.close()


def test_ensure_no_delay_runs_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def count() -> int:
        calls.append(1)
        return 0

    monkeypatch.setattr(network, "_done", False)
    monkeypatch.setattr(network, "no_delay_everywhere", count)
    network.ensure_no_delay()
    network.ensure_no_delay()
    assert calls == [1]


def test_a_dead_proxy_among_the_objects_is_no_problem(listener: socket.socket) -> None:
    """isinstance() on a dead weakref.proxy raises ReferenceError; the socket walk sees
    every object the garbage collector tracks, so it must not ask them."""

    class Thing:
        pass

    thing = Thing()
    holder = [weakref.proxy(thing)]  # a list: tracked by gc, holding the proxy
    del thing
    gc.collect()
    assert any(type(o) is weakref.ProxyType for o in holder)
    assert listener in network.tcp_sockets()
