"""Uploaded files leave the server's memory as soon as they are read.

Streamlit keeps every file a session uploads until the session shuts down, and a
session that expires after its tab closes is never shut down (1.67), so an imported
export (a full copy of a person's health data) could sit in memory for good; a crafted
client could also park many files under made-up ids. Every run of every page lets go of
this session's files except the one the import box is holding right now.
"""

from __future__ import annotations

from collections.abc import Callable

from streamlit.runtime.scriptrunner import get_script_run_ctx

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


def held_bytes() -> int:
    """What this session's uploads cost the server now (for tests and benchmarks)."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return 0
    held = getattr(ctx.uploaded_file_mgr, "file_storage", {}).get(ctx.session_id, {})
    return sum(len(rec.data) for rec in held.values())
