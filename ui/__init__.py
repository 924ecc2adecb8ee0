"""Streamlit pieces shared by the pages: the frame, the session, small render helpers."""
