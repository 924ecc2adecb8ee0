"""Small Steps' entrypoint: a router only. Every page sets up its own frame and data."""

import streamlit as st

from ui.nav import navigation
from ui.network import ensure_no_delay
from ui.warm import warm_up

ensure_no_delay()  # once per process: see ui/network.py
warm_up()  # once per process, in the background: see ui/warm.py

st.set_page_config(page_title="Small Steps", page_icon="🌱", layout="centered")
navigation().run()
