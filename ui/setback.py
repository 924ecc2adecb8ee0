"""After "not today": kind words, an optional reflection, and three gentle offers."""

from __future__ import annotations

import streamlit as st

from core import content, store
from core.models import CheckIn, CheckInDraft, Goal, GoalStatus, parse
from core.safety import any_crisis
from core.smart import care_step, make_smaller
from ui import session
from ui.crisis import crisis_card
from ui.nav import link
from ui.render import PROBLEMS, change_status, kindly, refusal


def reflection(goal: Goal, check_in: CheckIn) -> None:
    words = content.setbacks()
    key = f"reflect-{goal.id}-{check_in.day.isoformat()}"
    with st.form(key=key, border=False):
        st.markdown("**A short, kind look back (optional)**")
        answers = {
            field: st.text_area(
                item.question,
                value=getattr(check_in, field) or "",
                key=f"{key}-{field}",
                max_chars=2000,
                height=68,
                placeholder=item.hint,
            )
            for field, item in zip(
                ("what_happened", "what_learned", "try_next"), words.reflection, strict=True
            )
        }
        submitted = st.form_submit_button("Save my reflection")
    crisis_card(*answers.values(), key=key)
    if submitted:
        data = check_in.model_dump(exclude={"updated_at"}) | answers
        db = session.database()
        try:
            draft = parse(CheckInDraft, data, today=session.today())
            if db is not None:
                store.save_check_in(db, owner=session.owner(), draft=draft, now=session.now())
        except PROBLEMS as problem:
            refusal(problem)
            return
        heavy = any_crisis(*answers.values())  # the help card is showing: no cheering
        st.success("Reflection saved." if heavy else
                   "Reflection saved. Noticing what happened is real progress.",
                   icon=":material/save:")


def offers(goal: Goal) -> None:
    st.markdown("**Would one of these help?**")
    smaller, when, pause = st.tabs(["Make it smaller", "Change when", "Pause it"])
    with smaller:
        around = care_step(goal.text)
        if around is not None:  # care from a professional is never changed here
            st.write("This goal is part of your care, so Small Steps won't change it. "
                     "A small step around it could help on hard days:")
            st.text(around, width="stretch")
        idea = goal.smaller_version or (None if around else make_smaller(goal.text)) or goal.text
        text = st.text_input(
            "A smaller version of your goal", value=idea, max_chars=300, key=f"smaller-{goal.id}"
        )
        crisis_card(text, key=f"smaller-{goal.id}")
        if st.button("Save the smaller goal", key=f"smaller-save-{goal.id}"):
            change(goal, {"text": text}, "made smaller")
    with when:
        new_when = st.text_input(
            "When would work better?",
            value=goal.when or "",
            max_chars=300,
            key=f"when-{goal.id}",
            placeholder="After my morning coffee",
        )
        crisis_card(new_when, key=f"when-{goal.id}")
        if st.button("Save the new time", key=f"when-save-{goal.id}"):
            change(goal, {"when": new_when}, "changed when")
    with pause:
        st.write("Pausing keeps everything. Resume it whenever you're ready.")
        if st.button("Pause this goal", key=f"pause-{goal.id}"):
            change_status(goal.id, GoalStatus.PAUSED)


def change(goal: Goal, changes: dict[str, object], reason: str) -> None:
    db = session.database()
    if db is None:
        return
    with kindly():
        store.update_goal(
            db,
            owner=session.owner(),
            goal_id=goal.id,
            changes=changes,
            reason=reason,
            now=session.now(),
            today=session.today(),
        )
        st.session_state["checkin-changed"] = reason
        st.rerun()


def panel(goal: Goal, check_in: CheckIn) -> None:
    words = content.setbacks()
    st.info(
        words.kind_words[check_in.day.toordinal() % len(words.kind_words)],
        icon=":material/favorite:",
    )
    changed = st.session_state.pop("checkin-changed", None)
    if changed:
        st.success(
            f"Done — your goal is {changed}. The earlier version is kept in its history.",
            icon=":material/spa:",
        )
    reflection(goal, check_in)
    offers(goal)
    st.page_link(link("plan"), label="If it's more than a hard day: open my safety plan",
                  icon=":material/health_and_safety:")
