"""Build the crisis check's phrase graph and model once per server process, in the
background, so the first person whose words need checking does not wait for it (about a
second). Nothing waits on this: a check before it finishes builds them itself."""

from __future__ import annotations

import threading

from core.safety import prepare

_lock = threading.Lock()
_started = False


def warm_up() -> None:
    global _started
    with _lock:
        if _started:
            return
        _started = True
    threading.Thread(target=prepare, name="small-steps-warm-up", daemon=True).start()
