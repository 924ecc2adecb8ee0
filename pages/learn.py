"""Learn SMART: why goals help, the five letters, a quick quiz, the coach, the research."""

from __future__ import annotations

import streamlit as st

from core import content
from core.content import QuizItem
from core.smart import assess
from ui import chrome, coach
from ui.crisis import crisis_card
from ui.nav import link


def why_goals_help(learn: content.Learn) -> None:
    st.subheader("Why small goals help")
    st.markdown("\n\n".join(f"**{reason.heading}.** {reason.body}" for reason in learn.reasons))


def letters(learn: content.Learn) -> None:
    st.subheader("The five letters")
    for letter in learn.letters:
        with st.container(border=True):
            st.markdown(
                f"### {letter.letter} — {letter.word}\n\n{letter.meaning}\n\n"
                f":material/cloud: **Vague:** {letter.weak}\n\n"
                f":material/target: **SMART:** {letter.strong}"
            )


def quiz_item(number: int, item: QuizItem) -> None:
    choice = st.radio(
        f"{number}. Which one is SMART?", item.options, index=None, key=f"quiz-{item.id}"
    )
    if choice is None:
        return
    if choice == item.answer:
        st.success(f"Yes! {item.feedback}", icon=":material/check_circle:")
    else:
        st.info(
            f"Not quite — that one could use some work. {item.feedback}",
            icon=":material/lightbulb:",
        )


def quiz() -> None:
    st.subheader("Which one is SMART?")
    st.write("Pick the goal in each pair that is easier to act on. There's no score.")
    for number, item in enumerate(content.quiz(), start=1):
        quiz_item(number, item)


def try_the_coach() -> None:
    st.subheader("Try the coach")
    st.write("Type any goal and see, letter by letter, what makes it strong and what to add.")
    text = st.text_input(
        "A goal to try", key="learn-coach", max_chars=300, placeholder="I want to be less anxious"
    )
    result = assess(text or "")
    crisis_card(text, key="learn-coach", harm=result.harm is not None)
    if text and text.strip():
        coach.feedback(result)
        coach.suggestions(result, key="learn-coach", use=None)
        st.page_link(link("build"), label="Ready? Build your own goal", icon=":material/flag:")


def research(learn: content.Learn) -> None:
    st.subheader("What the research says")
    st.write(learn.research.intro)
    st.markdown("\n\n".join(
        f"**{finding.topic}.** {finding.claim} ({finding.effect})  \n"
        f"*{finding.citation}* [Read the study](<{finding.url}>)"
        for finding in learn.research.findings
    ))
    st.info(learn.research.honest_note, icon=":material/explore:")


def main() -> None:
    learn = content.learn()
    with chrome.page("Learn SMART", icon=":material/school:", intro=learn.intro):
        why_goals_help(learn)
        letters(learn)
        quiz()
        try_the_coach()
        research(learn)


main()
