"""Build a Goal: a guided, skippable flow from a wish to one small SMART goal."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from core import content, store
from core.calendar import goal_ics
from core.models import (
    AREA_LABELS,
    Cadence,
    Goal,
    GoalDraft,
    GoalStatus,
    LifeArea,
    parse,
    target_label,
)
from core.safety import any_crisis, harm_in
from core.smart import assess, make_smaller
from core.smart_words import SAFE_GOALS
from ui import chrome, coach, dream, session
from ui.crisis import crisis_card
from ui.nav import link
from ui.render import PROBLEMS, motion_on, refusal, user_text

K = "build-"  # widget key prefix; values survive a trip to another page
FIELDS = (
    "area",
    "text",
    "cadence",
    "times",
    "when",
    "why",
    "feeling",
    "confidence",
    "smaller",
    "review_on",
    "review",
    "gas_on",
    "gas_-2",
    "gas_-1",
    "gas_0",
    "gas_1",
    "gas_2",
    "confirm_more",
    "mode",
)
CADENCES = {
    Cadence.WEEK: "Some days each week",
    Cadence.DAY: "Every day",
    Cadence.ONCE: "Just once",
}
FEELINGS = (
    "Hopeful, and a little nervous",
    "Easy — I could do it in my sleep",
    "Terrified — I'd rather hide",
)
GAS_LEVELS = (
    ("gas_-2", "-2: much less than I hoped", "much_less"),
    ("gas_-1", "-1: a bit less than I hoped", "less"),
    ("gas_0", "0: what I expect if things go as planned", "expected"),
    ("gas_1", "+1: a bit more than I hoped", "more"),
    ("gas_2", "+2: much more than I hoped", "much_more"),
)
PERSIST: dict[str, Any] = {"persist_state": "session"}
REVIEW_WEEKS = (1, 2, 4, 8, 12)


def value(name: str, default: Any = None) -> Any:
    return st.session_state.get(K + name, default)


def set_text(text: str) -> None:
    st.session_state[K + "text"] = text


def set_smaller(text: str) -> None:
    st.session_state[K + "smaller"] = text


def step_area() -> LifeArea:
    st.subheader("1. What part of life is this about?")
    area = st.radio(
        "Life area",
        list(LifeArea),
        format_func=AREA_LABELS.__getitem__,
        key=K + "area",
        horizontal=True,
        **PERSIST,
    )
    found = [c for c in content.examples() if c.key == LifeArea(area).value]
    if found:
        with st.expander("See example goals for this area"):
            st.write(found[0].intro)
            for pair in found[0].pairs:
                st.markdown(f"- Vague: *{pair.weak}*\n- SMART: **{pair.smart}**")
            for example in found[0].goals:
                st.markdown(f"- **{example.goal}**")
    return LifeArea(area)


def not_a_goal() -> None:
    """Instead of coaching words that describe harm: kind words and two offers, the
    safety plan or a goal about staying safe today."""
    coach.not_coached()
    with st.expander("Build a goal about staying safe or reaching out today"):
        for index, idea in enumerate(SAFE_GOALS):
            with st.container(border=True):
                st.text(idea, width="stretch")
                st.button("Use this", key=f"{K}safe-{index}", on_click=set_text, args=(idea,))


def step_sentence() -> tuple[str, bool]:
    """The goal's words, and whether they describe harm (then nothing is coached)."""
    st.subheader("2. Say it in one sentence")
    text = (
        st.text_input(
            "Your goal, in your own words (press Enter to see the coach's tips)",
            key=K + "text",
            max_chars=300,
            placeholder="For example: I will walk around the block for 10 minutes "
            "after lunch on Monday, Wednesday and Friday.",
            **PERSIST,
        )
        or ""
    )
    result = assess(text, why=value("why") or None, confidence=value("confidence"))
    crisis_card(text, key="build-text", harm=result.harm is not None)
    if result.harm is not None:
        not_a_goal()
    elif text.strip():
        coach.feedback(result)
        coach.suggestions(result, key=K + "idea", use=set_text)
    else:
        st.caption("The coach will give you tips on each letter as you type.")
    return text, result.harm is not None


def step_schedule() -> tuple[Cadence, int]:
    st.subheader("3. How much, and how often?")
    cadence = Cadence(
        st.radio(
            "How often",
            list(CADENCES),
            format_func=CADENCES.__getitem__,
            key=K + "cadence",
            horizontal=True,
            **PERSIST,
        )
    )
    if cadence is Cadence.ONCE:
        return cadence, 1
    most = 7 if cadence is Cadence.DAY else 21
    unit = "day" if cadence is Cadence.DAY else "week"
    times = st.number_input(
        f"How many times a {unit}?",
        min_value=1,
        max_value=most,
        value=1 if cadence is Cadence.DAY else 3,
        step=1,
        key=K + "times",
        **PERSIST,
    )
    return cadence, int(times)


def step_when_why() -> None:
    st.subheader("4. When will you do it?")
    st.text_input(
        "A time, or an if-then cue",
        key=K + "when",
        max_chars=300,
        placeholder="After breakfast · When I notice my heart racing, I will…",
        **PERSIST,
    )
    st.caption('Plans like "when X happens, I will Y" make a goal much easier to keep.')
    st.subheader("5. Why does it matter to you?")
    why = st.text_area(
        "What you care about here",
        key=K + "why",
        max_chars=300,
        height=68,
        placeholder="I want to feel more at home in my body.",
        **PERSIST,
    )
    crisis_card(value("when"), why, key="build-why")


def step_feeling(text: str, *, harm: bool) -> None:
    st.subheader("6. How does it feel?")
    feeling = st.radio(
        "When you picture doing it…", FEELINGS, key=K + "feeling", index=0, **PERSIST
    )
    confidence = st.slider(
        "How sure are you that you can do it? (0 = not at all, 10 = completely)",
        0,
        10,
        7,
        key=K + "confidence",
        **PERSIST,
    )
    if harm:
        return  # nothing to make smaller: see step 2
    if confidence < 7 or feeling == FEELINGS[2]:
        st.info(
            "A good goal feels hopeful and a little nervous — not scary. "
            "Making it smaller is a smart move, not a step back.",
            icon=":material/spa:",
        )
        smaller = make_smaller(text) if text.strip() else None
        if smaller:
            st.text(smaller, width="stretch")
            st.button(
                "Use this smaller goal", key=K + "use-smaller", on_click=set_text, args=(smaller,)
            )
    elif feeling == FEELINGS[1]:
        st.caption("Easy is fine! If you want a little stretch, you could add a bit more.")


def step_smaller_and_extras() -> None:
    st.subheader("7. A smaller version for low-energy days")
    small = st.text_input(
        "On a hard day, the tiny version that still counts",
        key=K + "smaller",
        max_chars=300,
        placeholder="Put on my shoes and step outside.",
        **PERSIST,
    )
    crisis_card(small, key="build-smaller")
    st.subheader("8. Extras (optional)")
    if st.checkbox("Pick a day to look back at how it went", key=K + "review_on", **PERSIST):
        st.selectbox(
            "When shall we look back?",
            REVIEW_WEEKS,
            index=2,
            key=K + "review",
            format_func=lambda w: (
                f"In {w} week{'s' if w > 1 else ''} "
                f"({session.today() + dt.timedelta(weeks=w):%a %d %b})"
            ),
            **PERSIST,
        )
    if st.checkbox(
        "Describe levels of success (Goal Attainment Scaling, often used with a therapist)",
        key=K + "gas_on",
        **PERSIST,
    ):
        for key, label, _ in GAS_LEVELS:
            st.text_input(label, key=K + key, max_chars=200, **PERSIST)


def draft_data(area: LifeArea, text: str, cadence: Cadence, times: int) -> dict[str, Any]:
    data: dict[str, Any] = {
        "text": text,
        "area": area,
        "cadence": cadence,
        "times": times,
        "when": value("when"),
        "why": value("why"),
        "confidence": value("confidence"),
        "smaller_version": value("smaller"),
        "start_date": session.today(),
    }
    if value("review_on"):
        data["review_date"] = session.today() + dt.timedelta(weeks=int(value("review", 4)))
    if value("gas_on"):
        levels = {field: value(key) for key, _, field in GAS_LEVELS}
        data["gas"] = {k: v for k, v in levels.items() if v}
    return data


def review_and_save(data: dict[str, Any]) -> None:
    st.subheader("9. Review and save")
    db, owner = session.database(), session.owner()
    if db is None:
        return
    active = store.count_goals(db, owner=owner, status=GoalStatus.ACTIVE)
    if active >= 1:
        st.info(
            f"You already have {active} active goal{'s' if active > 1 else ''}. Starting "
            "with one is often easiest — but it's your call.",
            icon=":material/spa:",
        )
    allowed = active < 3 or st.checkbox(
        "Yes, I'd like to add another goal anyway", key=K + "confirm_more"
    )
    if harm_in(data["text"], data["when"], data["smaller_version"]):
        st.info(
            "This one can't be saved as a goal, because it sounds like it could hurt you. "
            "Your words are still above, and nothing else was changed. Your safety plan "
            "and the help lines are one tap away, whenever you want them.",
            icon=":material/favorite:",
        )
        st.page_link(link("plan"), label="Open my safety plan",
                     icon=":material/health_and_safety:")
        return
    if data["text"].strip():
        user_text(data["text"], prefix="Your goal")
        st.caption(f"Plan: {target_label(data['cadence'], data['times'])}")
    if st.button("Save my goal", type="primary", key=K + "save", disabled=not allowed):
        try:
            draft = parse(GoalDraft, data, today=session.today())
            goal = store.add_goal(db, owner=owner, draft=draft, now=session.now())
        except PROBLEMS as problem:
            refusal(problem)
            return
        for name in FIELDS:
            st.session_state.pop(K + name, None)
        st.session_state[K + "saved"] = goal.id
        st.rerun()


def saved(goal: Goal) -> None:
    if any_crisis(goal.text, goal.when, goal.why, goal.smaller_version):
        # The help card showed over these words: a plain "saved", no celebration.
        st.success("Your goal is saved.", icon=":material/save:")
        crisis_card(goal.text, goal.when, goal.why, goal.smaller_version, key="build-saved")
    else:
        st.success("Your goal is saved. That's a real step — well done!",
                   icon=":material/celebration:")
        db = session.database()
        if db is not None and motion_on(db, session.owner()):
            st.balloons()
    user_text(goal.text, prefix="Your new goal")
    st.write("A web page can't send reminders, but your calendar can.")
    at = st.time_input("Reminder time", value=dt.time(9, 0), key=K + "ics-time")
    st.download_button(
        "Add to my calendar (.ics)",
        data=goal_ics(goal, at=at, stamp=session.now()),
        file_name="small-step.ics",
        mime="text/calendar",
        icon=":material/calendar_add_on:",
    )
    st.page_link(link("today"), label="Go to Today to check in", icon=":material/spa:")
    if st.button("Build another goal", key=K + "another"):
        st.session_state.pop(K + "saved", None)
        st.rerun()


def main() -> None:
    with chrome.page(
        "Build a Goal",
        icon=":material/flag:",
        intro="Let's shape one small goal together. "
        "Only the sentence is needed — skip anything else you like.",
    ):
        db = session.database()
        saved_id = st.session_state.get(K + "saved")
        goal = (
            store.get_goal(db, owner=session.owner(), goal_id=saved_id)
            if (db is not None and saved_id)
            else None
        )
        if goal is not None:
            saved(goal)
            return
        mode = st.radio(
            "What would you like to do?",
            ("One small goal", "Break a big dream into first steps"),
            key=K + "mode",
            horizontal=True,
            **PERSIST,
        )
        if mode != "One small goal":
            dream.flow()
            return
        area = step_area()
        text, harm = step_sentence()
        cadence, times = step_schedule()
        step_when_why()
        step_feeling(text, harm=harm)
        step_smaller_and_extras()
        review_and_save(draft_data(area, text, cadence, times))


main()
