"""Validation a person never notices until they type something odd — and then a kind
sentence, never pydantic's own wording."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from core.models import (
    Cadence,
    CheckInDraft,
    DreamDraft,
    GasLevels,
    GoalDraft,
    InvalidInput,
    WinDraft,
    parse,
    target_label,
)
from tests.conftest import TODAY

GOAL: dict[str, Any] = {"text": "Walk for 10 minutes after dinner", "cadence": "week",
                        "times": 3, "start_date": TODAY}
CHECK: dict[str, Any] = {"goal_id": "g1", "day": TODAY, "status": "done"}
PYDANTIC_WORDS = ("Input should", "Value error", "validation error", "type=", "pydantic")


def refused(model: Any, data: dict[str, Any]) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        parse(model, data, today=TODAY)
    messages = caught.value.messages
    assert messages, "a refusal always says why"
    for message in messages:
        assert not any(word in message for word in PYDANTIC_WORDS), message
        assert len(message) < 160, message
    return messages


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"text": ""}, "Your goal needs a few words — what will you do?"),
        ({"text": "   \n\t "}, "Your goal needs a few words"),
        ({"text": "walk\x00 daily"}, "hidden or broken character"),
        ({"text": "walk\x1b[31m"}, "hidden or broken character"),
        ({"text": "walk\ud800"}, "hidden or broken character"),
        ({"text": "x" * 301}, "under 300 characters"),
        ({"text": "x" * 1_000_000}, "under 300 characters"),
        ({"text": 42}, "as words"),
        ({"times": 0}, "1 to 21"),
        ({"times": 22}, "1 to 21"),
        ({"times": "three"}, "1 to 21"),
        ({"times": 2.5}, "1 to 21"),
        ({"times": float("nan")}, "1 to 21"),
        ({"times": True}, "1 to 21"),
        ({"cadence": "day", "times": 8}, "1 to 7 times a day"),
        ({"cadence": "fortnight"}, "how often"),
        ({"confidence": 11}, "0 to 10"),
        ({"confidence": -1}, "0 to 10"),
        ({"area": "money"}, "life areas"),
        ({"review_date": TODAY - dt.timedelta(days=1)}, "after the start date"),
        ({"review_date": TODAY + dt.timedelta(days=800)}, "more than two years"),
        ({"start_date": TODAY + dt.timedelta(days=800)}, "more than two years away"),
        ({"start_date": "2026-02-30"}, "start date doesn't look right"),
        ({"start_date": "1066-10-14"}, "start date doesn't look right"),
        ({"why": "a" * 301}, "under 300"),
        ({"when": "after\ndinner"}, "hidden or broken character"),
        ({"gas": {"expected": ""}}, "middle level"),
        ({"surprise": 1}, "didn't look right"),
    ],
    ids=lambda v: str(v)[:40] if isinstance(v, dict) else None,
)
def test_goal_refusals_are_kind(change: dict[str, Any], expected: str) -> None:
    messages = refused(GoalDraft, GOAL | change)
    assert any(expected in m for m in messages), messages


@pytest.mark.parametrize(
    "text",
    ["  Walk 10 minutes  ", "أمشي ١٠ دقائق بعد العشاء", "Marcher 10 minutes 🚶‍♀️🌳",
     "שלום walk 5 minutes", "x" * 300, "Walk\u200d10 minutes", "e\u0301 combining"],
    ids=["trimmed", "arabic", "emoji-zwj", "mixed-rtl", "exactly-300", "zero-width", "combining"],
)
def test_goal_text_roundtrips_exactly(text: str) -> None:
    goal = parse(GoalDraft, GOAL | {"text": text})
    assert goal.text == text.strip()


def test_strings_from_forms_are_accepted() -> None:
    goal = parse(GoalDraft, GOAL | {"times": "4", "confidence": 7.0, "start_date": "2026-11-26"})
    assert (goal.times, goal.confidence, goal.start_date) == (4, 7, TODAY)


def test_optional_blank_text_becomes_none() -> None:
    goal = parse(GoalDraft, GOAL | {"why": "   ", "when": ""})
    assert goal.why is None and goal.when is None


def test_notes_may_have_several_lines() -> None:
    check = parse(CheckInDraft, CHECK | {"note": "line one\nline two\r\n\ttabbed"})
    assert check.note == "line one\nline two\r\n\ttabbed"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"mood": 0}, "1 (very low) to 5 (great)"),
        ({"mood": 6}, "1 (very low) to 5 (great)"),
        ({"mood": "happy"}, "1 (very low) to 5 (great)"),
        ({"status": "failed"}, "Please pick one of the choices."),
        ({"note": "n" * 2001}, "under 2,000"),
        ({"what_happened": "a\x07b"}, "hidden or broken"),
        ({"amount": -1}, "between 0 and"),
        ({"amount": float("inf")}, "should be a number"),
        ({"amount": "ten"}, "should be a number"),
        ({"day": TODAY + dt.timedelta(days=5)}, "not the future"),
        ({"day": "yesterday"}, "date doesn't look right"),
    ],
    ids=["mood-0", "mood-6", "mood-word", "status", "note-long", "control-char",
         "amount-negative", "amount-inf", "amount-word", "future", "bad-date"],
)
def test_check_in_refusals_are_kind(change: dict[str, Any], expected: str) -> None:
    messages = refused(CheckInDraft, CHECK | change)
    assert any(expected in m for m in messages), messages


def test_small_win_needs_words() -> None:
    assert refused(WinDraft, {"text": " ", "day": TODAY}) == [
        "Write a few words about your win — even a tiny one counts."
    ]
    assert parse(WinDraft, {"text": "Drank water 💧", "day": TODAY}).text == "Drank water 💧"


def test_dream_needs_words() -> None:
    assert "big dream" in refused(DreamDraft, {"text": ""})[0]


def test_gas_levels_expected_is_required_others_optional() -> None:
    levels = GasLevels.model_validate({"expected": "Walk twice", "more": " "})
    assert levels.expected == "Walk twice" and levels.more is None


@pytest.mark.parametrize(
    ("cadence", "times", "label"),
    [(Cadence.DAY, 1, "once a day"), (Cadence.WEEK, 2, "twice a week"),
     (Cadence.WEEK, 5, "5 times a week"), (Cadence.ONCE, 1, "once")],
)
def test_target_label(cadence: Cadence, times: int, label: str) -> None:
    assert target_label(cadence, times) == label


def test_a_goal_typed_now_that_describes_harm_is_refused_in_one_short_kind_sentence() -> None:
    today = dt.date(2026, 11, 29)
    for field in ("text", "when", "smaller_version"):
        data = {"text": "Walk for 10 minutes", "start_date": today,
                field: "take all my pills tonight"}
        with pytest.raises(InvalidInput) as refused:
            parse(GoalDraft, data, today=today)
        (message,) = refused.value.messages
        assert len(message) < 160 and "can't be saved as a goal" in message
    # rows read back from the store or a file (no `today`) are never refused
    assert parse(GoalDraft, {"text": "take all my pills tonight", "start_date": today}).text
