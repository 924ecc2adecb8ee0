"""Widget values a browser never sends are dropped before a page uses them.

Streamlit (1.67) trusts the kind of value a client sends for a widget: a crafted message
with a number where a radio keeps words made Streamlit itself raise while drawing the
widget, on that run and the next. The kind of value each widget keeps is noted at the
end of every run; at the start of the next, a widget whose value came in as another kind
is tried the way Streamlit will use it when drawing it, and dropped only if that fails
(so the widget shows what it held before). Some kinds change legitimately: a whole-number
`st.number_input` is kept as a double but the browser sends an int. Only the sender's own
session is ever affected; this keeps it working. (Streamlit internals, pinned with
streamlit 1.67; tested against the real server in tests/test_live_server.py.)
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import streamlit as st
from streamlit.runtime.state.session_state_proxy import get_session_state

KINDS_KEY = "widget-kinds"


def _widget_states() -> Any | None:
    try:
        return get_session_state()._state._new_widget_state
    except AttributeError:  # another Streamlit: nothing to check against
        return None


def remember_widget_kinds() -> None:
    """After a run: the kind of value each widget drawn keeps."""
    states = _widget_states()
    if states is not None:
        st.session_state[KINDS_KEY] = {
            wid: meta.value_type for wid, meta in states.widget_metadata.items()}


def drop_malformed_widget_values() -> int:
    """Before a run: remove values whose kind differs from their widget's; how many."""
    states = _widget_states()
    kinds = st.session_state.get(KINDS_KEY)
    if states is None or not isinstance(kinds, dict):
        return 0
    dropped = 0
    for widget_id in list(states.states):
        metadata = states.widget_metadata.get(widget_id)
        kept = kinds.get(widget_id)
        if metadata is None or kept is None or metadata.value_type == kept:
            continue
        try:
            states.get_serialized(widget_id)  # what drawing the widget will do with it
            continue
        except Exception:
            pass
        del states.states[widget_id]
        states.widget_metadata[widget_id] = replace(metadata, value_type=kept)
        dropped += 1
    return dropped

