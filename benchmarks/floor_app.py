"""The floor: the cheapest page Streamlit can serve, to compare real pages against.

It runs with the same server settings as Small Steps, TCP_NODELAY included (ui.network),
so a page's ratio to it measures the page, not a socket option."""

import streamlit as st

from ui.network import ensure_no_delay

ensure_no_delay()
st.write("floor")
