"""Our own components-v2 elements: HTML, CSS and JS that ship beside the Python (no
build step, nothing fetched from anywhere), in the app's one document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

_HERE = Path(__file__).parent


def own(name: str, *, files: str, html: str) -> Any:
    """The component `small_steps.<name>`, drawn from `ui/<files>.css` and `.js`.
    Styles are not isolated: one document, so the app's focus ring and the browser
    tests reach inside."""
    return st.components.v2.component(
        f"small_steps.{name}",
        html=html,
        css=(_HERE / f"{files}.css").read_text(encoding="utf-8"),
        js=(_HERE / f"{files}.js").read_text(encoding="utf-8"),
        isolate_styles=False,
    )
