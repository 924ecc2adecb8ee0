"""Today's board: the goal cards and the latest wins as one Streamlit element.

Drawn by a components-v2 component (`board.js`, `board.css`, inline: no build step, no
files fetched from anywhere). One element instead of ~20 is what keeps Today close to
Streamlit's own floor (docs/performance.md). The person's words reach the browser as
JSON data and are set with `textContent` only, so they never become Markdown or HTML.

The component sends two events back, each a one-off trigger:
- `choice`: `{"goal": <goal id>, "status": <CheckInStatus value>}`, one click on an option;
- `open`: a page's URL path (`"checkin"` from "Tough day?", `"wins"` from "See all your
  wins"), so the page switches inside this session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict

import streamlit as st
from streamlit.runtime.state.session_state import STREAMLIT_INTERNAL_KEY_PREFIX

from ui.components import own

KEY = "today-board"  # the board's user key: its element id ends with "-today-board"

_COMPONENT = own(
    "today_board", files="board",
    html='<div class="ss-board"></div><div class="ss-live" role="status" aria-live="polite"></div>',
)


class Option(TypedDict):
    value: str
    label: str


class Card(TypedDict):
    id: str
    text: str  # the person's words
    when: str | None  # "When: …", the person's words after our label
    progress: str  # "2 of 3 this week · plan: 3 times a week"
    fraction: float
    saved: str | None  # today's status value, or None before the first check-in
    flash: str | None  # "Saved: done. …" right after a check-in
    problem: str | None  # why a check-in was refused
    tough: bool  # offer the "Tough day?" link (today was "not today")


class Link(TypedDict):
    page: str  # the page's URL path: the link's href, and what `open` sends
    label: str


class Win(TypedDict):
    title: str
    day: str
    text: str | None  # the person's words


def show(*, date: str, question: str, options: list[Option], cards: list[Card],
         wins: list[Win], wins_heading: str, wins_empty: str, wins_more: Link, tough: Link,
         on_choice: Callable[[], None], on_open: Callable[[], None]) -> Any:
    data = {
        "date": date,
        "question": question,
        "options": options,
        "cards": cards,
        "wins": {"heading": wins_heading, "empty": wins_empty, "items": wins,
                 "more": wins_more},
        "tough": tough,
    }
    return _COMPONENT(key=KEY, data=data, on_choice_change=on_choice, on_open_change=on_open)


def event(name: str) -> object:
    """The value of a one-off event the board sent for this run (or None). Read it from
    the callbacks: they run before the page is drawn again."""
    result = st.session_state.get(KEY)
    return None if result is None else result.get(name)


def events_widget_id(element_id: str) -> str:
    """The widget id under which the browser sends a components-v2 element's events (a
    JSON list of `{"event": …, "value": …}`), as streamlit/components/v2/bidi_component/
    main.py makes it: what tests and benchmarks send to click the board."""
    return f"{STREAMLIT_INTERNAL_KEY_PREFIX}_{element_id}__events"
