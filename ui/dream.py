"""The "big dream" path of Build a Goal: a dream broken into a few small first steps."""

from __future__ import annotations

import streamlit as st

from core import store
from core.models import Cadence, DreamDraft, GoalDraft, InvalidInput, parse
from core.safety import any_crisis
from core.smart import assess
from ui import session
from ui.crisis import crisis_card
from ui.render import PROBLEMS, refusal

K = "dream-"
STEPS = 3


def step_inputs(index: int) -> dict[str, object] | None:
    text = st.text_input(
        f"Step {index + 1}" + (" (optional)" if index else ""),
        key=f"{K}step-{index}",
        max_chars=300,
        persist_state="session",
        placeholder="Spend 30 minutes this week looking at college websites." if index == 0 else "",
    )
    if not text or not text.strip():
        return None
    result = assess(text)
    crisis_card(text, key=f"{K}step-{index}", harm=result.harm is not None)
    missing = [c.name for c in result.criteria.values() if not c.met]
    if result.harm is not None:
        st.caption(":material/favorite: This step sounds like it could hurt you, so it can't "
                   "be a goal. Your safety plan and help lines are one tap away.")
    elif missing:
        st.caption(
            ":material/lightbulb: To make this step SMART, think about: "
            + ", ".join(missing).lower()
            + ". "
            + next(c.tip for c in result.criteria.values() if not c.met)
        )
    else:
        st.caption(":material/check_circle: This step is SMART.")
    return {"text": text, "cadence": Cadence.ONCE, "times": 1}


def flow() -> None:
    st.write(
        "Big dreams are wonderful. The trick is a first step small enough to start "
        "this week. Write the dream, then one to three first steps."
    )
    dream_text = st.text_input(
        "Your big dream",
        key=K + "text",
        max_chars=300,
        persist_state="session",
        placeholder="Go back to school",
    )
    crisis_card(dream_text, key=K + "text")
    steps = [s for s in (step_inputs(i) for i in range(STEPS)) if s]
    if not st.button("Save my dream and its first steps", type="primary", key=K + "save"):
        return
    db = session.database()
    if db is None:
        return
    today, now, owner = session.today(), session.now(), session.owner()
    try:
        dream = parse(DreamDraft, {"text": dream_text}, today=today)
        if not steps:
            raise InvalidInput(["Add at least one first step — something small for this week."])
        drafts = [parse(GoalDraft, s | {"start_date": today}, today=today) for s in steps]
        store.add_dream(db, owner=owner, draft=dream, now=now, steps=drafts)  # all or nothing
    except PROBLEMS as problem:
        refusal(problem)
        return
    for key in [k for k in st.session_state if str(k).startswith(K)]:
        del st.session_state[key]
    quiet = any_crisis(dream_text, *(str(s["text"]) for s in steps))
    st.success(
        f"Saved your dream and {len(drafts)} first step{'s' if len(drafts) > 1 else ''}. "
        "Each step is now a goal on Today.",
        icon=":material/save:" if quiet else ":material/celebration:",
    )
