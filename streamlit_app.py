"""Small Steps' entrypoint: a router only. Every page sets up its own frame and data."""

import streamlit as st

from ui import uploads
from ui.guard import drop_malformed_widget_values, remember_widget_kinds
from ui.nav import navigation
from ui.network import ensure_no_delay
from ui.warm import warm_up

ensure_no_delay()  # once per process: see ui/network.py
warm_up()  # once per process, in the background: see ui/warm.py
uploads.start_sweeper()  # once per process, in the background: see ui/uploads.py

drop_malformed_widget_values()  # a crafted message can't break the sender's session
st.set_page_config(page_title="Small Steps", page_icon="🌱", layout="centered")
st.session_state[uploads.KEEP_KEY] = None  # the import box sets it when it holds a file
navigation().run()
remember_widget_kinds()
uploads.let_go(keep=st.session_state.get(uploads.KEEP_KEY))  # see ui/uploads.py
