"""Turn Nagle's algorithm off for the app server's TCP connections (a workaround).

Streamlit 1.67 binds its listening socket itself, with `socket.socket(family)`, so the
socket's `proto` is 0, and asyncio only sets TCP_NODELAY on connections whose `proto`
is IPPROTO_TCP. With Nagle's algorithm on, the later small messages of a rerun wait
for the browser to acknowledge the first: at least one network round trip per rerun,
and more where the browser delays its acknowledgement (about 40 ms on Linux, up to
200 ms on Windows). Measured here on localhost: back-to-back reruns of a one-line page
took 47.6 ms with Nagle on and 6.3 ms with it off (docs/performance.md).

`ensure_no_delay()` runs once per server process, from the entrypoint: it sets
TCP_NODELAY on every TCP socket the process holds, the listening socket included, and
connections accepted later inherit the option from the listening socket.
"""

from __future__ import annotations

import gc
import socket
import threading

_INET = (socket.AF_INET, socket.AF_INET6)
_lock = threading.Lock()
_done = False


def tcp_sockets() -> list[socket.socket]:
    """The open TCP sockets this process holds (found through the garbage collector,
    so no Streamlit internals are needed). `type()`, not `isinstance()`: isinstance asks
    an object for its `__class__`, which a proxy (a dead `weakref.proxy`, a lazy object)
    answers by raising."""
    found = []
    for obj in gc.get_objects():
        if not issubclass(type(obj), socket.socket):
            continue
        try:
            if obj.fileno() >= 0 and obj.family in _INET and obj.type == socket.SOCK_STREAM:
                found.append(obj)
        except (OSError, ReferenceError):  # closed meanwhile
            continue
    return found


def no_delay_everywhere() -> int:
    """Set TCP_NODELAY on every open TCP socket; return how many needed it."""
    changed = 0
    for sock in tcp_sockets():
        try:
            if not sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                changed += 1
        except OSError:  # closed meanwhile, or not a socket that takes the option
            continue
    return changed


def ensure_no_delay() -> None:
    """Once per process; later calls cost one flag check."""
    global _done
    if _done:
        return
    with _lock:
        if not _done:
            no_delay_everywhere()
            _done = True
