"""A probe page for benchmarks.element_cost: N copies of one kind of Streamlit element.

The kind and N come from the environment. After each run the script thread's CPU time
is appended to a file, so the benchmark can tell the script's own work apart from the
server's message sending and the client's reading.
"""

import os
import time

import streamlit as st

KIND = os.environ.get("SMALL_STEPS_PROBE_KIND", "text")
COUNT = int(os.environ.get("SMALL_STEPS_PROBE_COUNT", "1"))
TIMES = os.environ.get("SMALL_STEPS_PROBE_TIMES", "")
OPTIONS = ["Done", "Partly", "Not today", "Rest day"]


@st.fragment
def fragment_with_text(i: int) -> None:
    st.text(f"fragment {i}")


def draw(i: int) -> None:
    if KIND == "text":
        st.text(f"line {i}")
    elif KIND == "markdown":
        st.markdown(f"**line** {i}")
    elif KIND == "caption":
        st.caption(f"line {i}")
    elif KIND == "progress":
        st.progress(0.5, text=f"{i} of 3 this week")
    elif KIND == "page_link":
        st.page_link("https://example.org", label=f"link {i}")
    elif KIND == "container+text":
        with st.container(border=True):
            st.text(f"line {i}")
    elif KIND == "fragment+text":
        fragment_with_text(i)
    elif KIND == "button":
        st.button(f"Button {i}", key=f"b{i}")
    elif KIND == "segmented_control":
        st.segmented_control("How did it go today?", OPTIONS, key=f"s{i}")
    else:
        raise ValueError(f"unknown kind {KIND!r}")


started = time.thread_time()
for i in range(COUNT):
    draw(i)
if TIMES:
    with open(TIMES, "a", encoding="utf-8") as out:
        out.write(f"{(time.thread_time() - started) * 1000:.4f}\n")
