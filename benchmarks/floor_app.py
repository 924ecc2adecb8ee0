"""The floor: the cheapest page Streamlit can serve, to compare real pages against."""

import streamlit as st

st.write("floor")
