"""Uploaded files leave the server's memory as soon as they are read.

Streamlit keeps every file a session uploads until the session shuts down, and a
session that expires after its tab closes is never shut down (1.67), so an imported
export (a full copy of a person's health data) could sit in memory for good; a crafted
client could also park many files under made-up ids. So:

- every run of every page lets go of this session's files except the one the import
  box is holding right now;
- a sweeper thread (one per server process) lets go, every few seconds, of the files of
  sessions that have been gone longer than Streamlit waits for a reconnect
  (`server.disconnectedSessionTTL`), and keeps at most one import's worth of bytes for
  any session (the newest files), whether or not it ever runs a page.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import Any

from streamlit import get_option, runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from core.limits import MAX_IMPORT_BYTES

SWEEP_ENV = "SMALL_STEPS_UPLOAD_SWEEP_S"  # seconds between sweeps (tests make it short)
SWEEP_S = 10.0

KEEP_KEY = "upload-in-use"  # the import box's file id in this run, set by the page


def let_go(*, keep: str | None = None) -> None:
    """Forget this session's uploaded files, all but the file with id `keep`."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return
    manager = ctx.uploaded_file_mgr
    held = getattr(manager, "file_storage", {}).get(ctx.session_id, {})
    remove: Callable[[str, str], None] | None = getattr(manager, "remove_file", None)
    if remove is None:  # not the in-memory manager of streamlit 1.67
        return
    for file_id in [f for f in held if f != keep]:
        remove(ctx.session_id, file_id)


def sweep(manager: Any, is_active: Callable[[str], bool], *, now: float, grace: float,
          gone_since: dict[str, float]) -> int:
    """One sweep over every session's uploads; returns the bytes let go. `gone_since`
    remembers when each session was first seen gone (a reconnect within `grace` seconds
    finds its file still there)."""
    storage = getattr(manager, "file_storage", None)
    remove = getattr(manager, "remove_file", None)
    forget = getattr(manager, "remove_session_files", None)
    if not isinstance(storage, dict) or remove is None or forget is None:
        return 0
    freed = 0
    for session_id in [s for s in gone_since if s not in storage]:
        del gone_since[session_id]
    for session_id, files in list(storage.items()):
        records = list(files.values())
        if not is_active(session_id):
            if now - gone_since.setdefault(session_id, now) >= grace:
                forget(session_id)  # the session's entry goes too
                del gone_since[session_id]
                freed += sum(len(r.data) for r in records)
            continue
        gone_since.pop(session_id, None)
        kept, total = set(), 0  # newest first, up to one import's worth
        for record in reversed(records):
            if total + len(record.data) > MAX_IMPORT_BYTES:
                break
            kept.add(record.file_id)
            total += len(record.data)
        gone = [r for r in records if r.file_id not in kept]
        for record in gone:
            remove(session_id, record.file_id)
            freed += len(record.data)
    return freed


_lock = threading.Lock()
_started = False


def start_sweeper() -> None:
    """Once per process: sweep uploads in the background, for as long as it runs."""
    global _started
    with _lock:
        if _started or not runtime.exists():
            return
        _started = True
    every = float(os.environ.get(SWEEP_ENV) or SWEEP_S)
    grace = float(get_option("server.disconnectedSessionTTL"))
    gone_since: dict[str, float] = {}

    def loop() -> None:
        while True:
            time.sleep(every)
            try:
                live = runtime.get_instance()
                sweep(live.uploaded_file_mgr, live.is_active_session, now=time.monotonic(),
                      grace=grace, gone_since=gone_since)
            except Exception:  # never take the server down over housekeeping
                continue

    threading.Thread(target=loop, name="small-steps-upload-sweeper", daemon=True).start()
