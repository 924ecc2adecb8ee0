"""The SMART coach: the article's examples, a wide table of our own, and hard inputs."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.smart import (
    CRITERIA_KEYS,
    FLAGS,
    Assessment,
    Criterion,
    assess,
    make_smaller,
)
from core.smart_words import CARE_STEPS, TOPIC_EXAMPLES
from tests.smart_cases import CASES, Case

LETTER_KEY = {"S": "specific", "M": "measurable", "A": "achievable", "R": "relevant",
              "T": "time_bound"}


def failing_letters(a: Assessment) -> str:
    return "".join(c.letter for c in a.criteria.values() if not c.met)


# ---------------------------------------------------------------- the article's pairs
# (letter the pair illustrates, weak goal, strong goal, letters the strong goal still misses)
# Two of the article's strong goals give no time frame; each is one clear act done once,
# which the coach counts as time-bound (the act bounds itself), so they are SMART.
LETTER_PAIRS = [
    ("S", "I want to be less anxious.",
     "I will practice a breathing exercise for 5 minutes when I feel my anxiety start to rise.",
     ""),
    ("M", "I will get out more.", "I will call a friend to talk once this week.", ""),
    ("A", "I will never have a sad day again.",
     "I will write down one thing I am grateful for today.", ""),
    ("R", "I will run a marathon because my therapist said exercise is good.",
     "I will try a gentle yoga video on YouTube because I want to connect with my body in a "
     "kinder way.", ""),
    ("T", "I will clean my room someday.",
     "I will spend 15 minutes tidying my desk by tomorrow afternoon.", ""),
]
CHALLENGE_PAIRS = [
    ("depression", "I won't be sad.",
     "This week, I will get out of bed and take a shower by 10 AM on Monday, Wednesday, and "
     "Friday.", ""),
    ("anxiety", "I need to stop worrying.",
     "The next time I feel a panic attack coming on, I will sit down and use the 5-4-3-2-1 "
     "grounding technique (name 5 things I see, 4 things I feel, 3 things I hear, 2 things I "
     "smell, and 1 thing I taste).", ""),
    ("social_anxiety", "I will be more social.",
     "I will go to the grocery store and say ‘Thank you’ to the cashier while making eye "
     "contact.", ""),
    ("self_esteem", "I will like myself more.",
     "Every night before bed, I will write down one thing I did well today, even if it was "
     "small.", ""),
]


@pytest.mark.parametrize(("letter", "weak", "strong", "missing"), LETTER_PAIRS,
                         ids=[f"article_{p[0]}" for p in LETTER_PAIRS])
def test_article_letter_pair(letter: str, weak: str, strong: str, missing: str) -> None:
    weak_a = assess(weak)
    assert not weak_a.is_smart
    assert not weak_a.criteria[LETTER_KEY[letter]].met
    strong_a = assess(strong)
    assert strong_a.criteria[LETTER_KEY[letter]].met
    assert failing_letters(strong_a) == missing
    assert strong_a.is_smart == (missing == "")


@pytest.mark.parametrize(("topic", "weak", "strong", "missing"), CHALLENGE_PAIRS,
                         ids=[f"article_{p[0]}" for p in CHALLENGE_PAIRS])
def test_article_challenge_pair(topic: str, weak: str, strong: str, missing: str) -> None:
    assert not assess(weak).is_smart
    strong_a = assess(strong)
    assert failing_letters(strong_a) == missing
    assert strong_a.is_smart == (missing == "")


def test_article_flags() -> None:
    assert assess("I will never have a sad day again.").flags == {"absolute", "avoidance"}
    assert "external_motivation" in assess(LETTER_PAIRS[3][1]).flags
    assert "avoidance" in assess("I won't be sad.").flags
    assert "avoidance" in assess("I need to stop worrying.").flags


# ---------------------------------------------------------------- our own table
def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_goal_table(case: Case) -> None:
    a = assess(case.text, why=case.why, confidence=case.confidence)
    assert (failing_letters(a), set(a.flags)) == (case.fails, set(case.flags))


def test_table_is_wide() -> None:
    alone = {letter: sum(c.fails == letter for c in CASES) for letter in "SMART"}
    assert len(CASES) >= 80
    assert all(n >= 6 for n in alone.values()), alone
    assert sum(c.fails == "" for c in CASES) >= 30
    assert len({c.id for c in CASES}) == len(CASES)


# ---------------------------------------------------------------- the shape of an answer
def test_answer_shape() -> None:
    a = assess("I will walk for 10 minutes after dinner this week.")
    assert CRITERIA_KEYS == ("specific", "measurable", "achievable", "relevant", "time_bound")
    assert tuple(a.criteria) == CRITERIA_KEYS
    assert [c.letter for c in a.criteria.values()] == list("SMART")
    assert a.criteria["time_bound"].name == "Time-bound"
    assert all(isinstance(c, Criterion) and c.key == k for k, c in a.criteria.items())
    assert a.is_smart and a.missing == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.is_smart = False  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.criteria["specific"].met = False  # type: ignore[misc]
    assert dataclasses.asdict(a)["criteria"]["specific"]["met"] is True


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_tips_and_praise_follow_met(case: Case) -> None:
    a = assess(case.text, why=case.why, confidence=case.confidence)
    for c in a.criteria.values():
        assert (c.tip == "") == c.met
        assert (c.praise == "") != c.met
        for sentence in (c.tip, c.praise):
            assert sentence == "" or (sentence.endswith(".") and ". " not in sentence)
            assert len(sentence) <= 100
            assert not any(w in sentence.lower() for w in ("fail", "wrong", "bad", "should"))
    assert a.flags <= FLAGS
    assert len(a.suggestions) <= 3
    assert len({s.casefold() for s in a.suggestions}) == len(a.suggestions)


def test_missing_lists_unmet_letters_in_order() -> None:
    assert assess("I will walk more.").missing == ("measurable", "time_bound")


# ---------------------------------------------------------------- achievable and relevant inputs
@pytest.mark.parametrize("confidence", [0, 3, 6])
def test_low_confidence_fails_achievable_with_make_it_smaller_tip(confidence: int) -> None:
    a = assess("I will walk for 10 minutes after dinner this week.", confidence=confidence)
    assert not a.criteria["achievable"].met
    assert "smaller" in a.criteria["achievable"].tip
    assert not a.flags
    assert "I will walk for 5 minutes after dinner this week." in a.suggestions


@pytest.mark.parametrize("confidence", [None, 7, 10])
def test_confidence_of_seven_or_more_is_fine(confidence: int | None) -> None:
    assert assess("I will walk for 10 minutes after dinner this week.",
                  confidence=confidence).criteria["achievable"].met


@pytest.mark.parametrize("why", ["", "   ", "\n\t", "..."])
def test_blank_why_fails_relevant(why: str) -> None:
    a = assess("I will walk for 10 minutes after dinner this week.", why=why)
    assert not a.criteria["relevant"].met
    assert "why" in a.criteria["relevant"].tip
    assert "external_motivation" not in a.flags


def test_own_why_keeps_relevant_met() -> None:
    a = assess("I will walk for 10 minutes after dinner this week.", why="Walking calms me 🙂")
    assert a.criteria["relevant"].met
    assert assess("I will walk for 10 minutes after dinner this week.", why="🙂").is_smart


def test_own_why_outweighs_a_pushed_goal() -> None:
    goal = "I will walk for 10 minutes after dinner because my doctor said so."
    assert not assess(goal).criteria["relevant"].met
    assert assess(goal, why="I want to feel stronger.").criteria["relevant"].met


# ---------------------------------------------------------------- suggestions
def test_suggestions_offer_a_smaller_version() -> None:
    a = assess("walk for 10 minutes")
    assert "walk for 5 minutes" in a.suggestions


def test_avoidance_gets_an_approach_suggestion() -> None:
    a = assess("I need to stop worrying.")
    assert "When I notice I'm worrying, I will take 5 slow breaths." in a.suggestions
    approach = assess(a.suggestions[0])
    assert approach.is_smart and not approach.flags


@pytest.mark.parametrize("goal", ["I won't smoke.", "I will stop snacking at night.",
                                  "No more scrolling in bed."])
def test_avoidance_goal_on_a_known_topic_gets_a_smart_way_to_do_something(goal: str) -> None:
    a = assess(goal)
    assert "avoidance" in a.flags
    assert not a.criteria["specific"].met
    assert "instead" in a.criteria["specific"].tip
    assert a.suggestions and assess(a.suggestions[0]).is_smart


@pytest.mark.parametrize("goal", ["I will quit being lazy.", "I want to fix everything.",
                                  "I will be a better person.", "Get my life together"])
def test_no_unrelated_generic_goal_replaces_one_off_topic(goal: str) -> None:
    """A goal no topic fits gets its letter tips, never somebody else's walk."""
    a = assess(goal)
    assert not a.criteria["specific"].met and a.criteria["specific"].tip
    assert all("walk" not in s.casefold() and "breath" not in s.casefold()
               for s in a.suggestions)


@pytest.mark.parametrize("example", [e for _, e in TOPIC_EXAMPLES] + list(CARE_STEPS.values()))
def test_our_own_examples_are_smart(example: str) -> None:
    assert assess(example).is_smart


@pytest.mark.parametrize(("goal", "suggestion"), [
    ("I will clean my room someday.", "I will clean my room this week."),
    ("I will meditate.", "This week, I will meditate for 10 minutes."),
    ("Someday I will call my aunt.", "This week I will call my aunt."),
    ("I will walk around the park", "This week, I will walk for 10 minutes around the park."),
    ("I'll go for a 15-minute walk when I have time.", "I'll go for a 15-minute walk this week."),
])
def test_clearer_version_adds_what_is_missing(goal: str, suggestion: str) -> None:
    suggestions = assess(goal).suggestions
    assert suggestion in suggestions
    assert assess(suggestion).is_smart


def test_vague_goal_gets_an_example_on_its_topic() -> None:
    assert assess("I will be more social.").suggestions[0] == (
        "I will text one friend to say hi this week.")
    assert assess("I want to be less anxious.").suggestions[0].startswith("When I notice")


def test_a_smart_goal_with_nothing_to_shrink_gets_no_suggestions() -> None:
    assert assess("I will call my mom once on Sunday.").suggestions == []


# ---------------------------------------------------------------- make it smaller
@pytest.mark.parametrize(("goal", "smaller"), [
    ("walk for 10 minutes", "walk for 5 minutes"),
    ("I will walk for 30 minutes", "I will walk for 15 minutes"),
    ("Walk three times this week", "Walk twice this week"),
    ("Walk 3 times this week", "Walk 2 times this week"),
    ("Call a friend two times this week", "Call a friend once this week"),
    ("Twice a week I'll swim", "Once a week I'll swim"),
    ("Read for an hour", "Read for 30 minutes"),
    ("Read for half an hour", "Read for 15 minutes"),
    ("Read for 2 hours", "Read for 1 hour"),
    ("Walk for 45 minutes", "Walk for 20 minutes"),
    ("Walk for 15 minutes", "Walk for 10 minutes"),
    ("Ten minutes of yoga", "Five minutes of yoga"),
    ("Take 5 slow breaths", "Take 3 slow breaths"),
    ("Write 2 pages", "Write 1 page"),
    ("Drink 4 glasses of water", "Drink 2 glasses of water"),
    ("Go for a 10-minute walk", "Go for a 5-minute walk"),
    ("Walk for 10 minutes, three times this week", "Walk for 5 minutes, twice this week"),
])
def test_make_smaller(goal: str, smaller: str) -> None:
    assert make_smaller(goal) == smaller


@pytest.mark.parametrize("goal", [
    "Walk every day",
    "Write down 1 thing I did well",
    "Shower by 10 AM on Monday",
    "Call at 7 tonight",
    "Use the 5-4-3-2-1 technique",
    "Ground myself (name 5 things I see)",
    "",
    "I want to be happy",
])
def test_make_smaller_leaves_what_cannot_shrink(goal: str) -> None:
    assert make_smaller(goal) is None


def test_make_smaller_always_ends() -> None:
    goal: str | None = "Walk for 120 minutes, 9 times this week and read 40 pages"
    for _ in range(20):
        goal = make_smaller(goal) if goal else None
        if goal is None:
            break
    assert goal is None


# ---------------------------------------------------------------- hard inputs never raise
HARD_INPUTS = [
    "", " ", "x" * 100_000, "walk for 10 minutes " * 5_000, "?!.,;:()" * 1000, "🙂🧘‍♀️🌧️",
    "Я буду гулять 10 минут каждый день", "毎朝10分歩きます", "walk\x00for 10 minutes",
    "\ud800", "walk \udfff 10 minutes", "(((((", ")))))", "5-4-3-2-1" * 300, "'" * 500,
    "a.m. p.m. 10 a.m.", "İİİ walk for 10 minutes tonight", "9" * 5000 + " minutes",
]


@pytest.mark.parametrize("text", HARD_INPUTS, ids=range(len(HARD_INPUTS)))
def test_hard_input_never_raises(text: str) -> None:
    a = assess(text, why=text, confidence=5)
    assert isinstance(a.is_smart, bool)
    assert isinstance(make_smaller(text), str | None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, blacklist_categories=()), max_size=400),
       st.one_of(st.none(), st.text(max_size=50)), st.one_of(st.none(), st.integers(-5, 15)))
def test_any_text_never_raises(text: str, why: str | None, confidence: int | None) -> None:
    a = assess(text, why=why, confidence=confidence)
    assert tuple(a.criteria) == CRITERIA_KEYS
    assert a.flags <= FLAGS
    smaller = make_smaller(text)
    assert smaller is None or smaller != text


def test_huge_input_only_reads_the_start() -> None:
    goal = "I will walk for 10 minutes after dinner this week. "
    assert assess(goal + "x" * 1_000_000).is_smart
    assert assess(goal * 20_000).is_smart


def test_same_goal_same_answer() -> None:
    goal = "Every night before bed, I will write down one thing I did well today."
    assert all(assess(goal, why="me", confidence=8) == assess(goal, why="me", confidence=8)
               for _ in range(5))


# ---------------------------------------------------------------- care, limits, breathing
@pytest.mark.parametrize(("goal", "step"), [
    ("Take my pills once a day", "medicine"),
    ("Take 2 tablets of sertraline every morning", "medicine"),
    ("I will use my inhaler twice a day", "inhaler"),
    ("Go to my 50-minute therapy session every Tuesday", "appointment"),
    ("Do my physio exercises 3 times a day", "appointment"),
])
def test_care_from_a_professional_gets_a_step_around_it_never_a_change(goal: str,
                                                                        step: str) -> None:
    assert make_smaller(goal) == CARE_STEPS[step]
    amounts = [w for w in goal.split() if w[:1].isdigit() or w in ("once", "twice")]
    for idea in assess(goal).suggestions:  # the step around it, or the goal's own amounts
        assert idea == CARE_STEPS[step] or all(a in idea.split() for a in amounts), idea


@pytest.mark.parametrize("goal", [
    "No more than 2 hours of screen time a day",
    "Limit social media to 30 minutes a day",
    "Have at most 2 coffees a day",
    "Only 1 hour of gaming on weeknights",
    "Drink less than 3 beers on Saturday",
])
def test_a_limit_is_never_made_stricter(goal: str) -> None:
    assert make_smaller(goal) is None
    amounts = [w for w in goal.split() if w.isdigit()]
    for idea in assess(goal).suggestions:  # a rewrite of this goal keeps its number
        if goal.split()[-3:] == idea.rstrip(".").split()[-3:]:
            assert all(a in idea.split() for a in amounts), idea


@pytest.mark.parametrize(("goal", "smaller"), [
    ("Breathe in for 4 seconds and out for 8 seconds, 6 times",
     "Breathe in for 4 seconds and out for 8 seconds, 3 times"),
    ("Box breathing: hold for 4 counts, 10 rounds", "Box breathing: hold for 4 counts, 5 rounds"),
])
def test_a_breathing_rhythm_is_kept_and_only_the_rounds_shrink(goal: str, smaller: str) -> None:
    assert make_smaller(goal) == smaller


@pytest.mark.parametrize("goal", ["I will eat 3 meals a day", "Have 2 snacks between meals",
                                  "Eat 1800 calories a day with my dietitian"])
def test_what_someone_eats_is_never_halved(goal: str) -> None:
    assert make_smaller(goal) is None


# ---------------------------------------------------------------- found in review
@pytest.mark.parametrize("goal", [
    "When I want to die, I will text my sister",
    "If I feel suicidal I will call 988 for 10 minutes",
])
def test_no_rewrite_under_the_help_card(goal: str) -> None:
    assert assess(goal).harm is None and assess(goal).suggestions == []


@pytest.mark.parametrize("goal", [
    "Use my CPAP for 7 hours a night", "Put eczema cream on twice a day",
    "Check my blood sugar 4 times a day", "Wear my hearing aids 8 hours a day",
])
def test_more_kinds_of_care_are_never_changed(goal: str) -> None:
    assert make_smaller(goal) == CARE_STEPS["treatment"]


def test_a_limit_in_other_words_is_never_made_stricter() -> None:
    assert make_smaller("Keep social media to 30 minutes a day") is None


def test_a_breathing_rhythm_without_a_unit_is_kept() -> None:
    assert make_smaller("Breathe in for 4 and out for 8 each night") is None
    assert make_smaller("Breathe in for 4, out for 6, 10 times") == (
        "Breathe in for 4, out for 6, 5 times")
