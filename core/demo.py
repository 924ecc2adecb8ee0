"""A realistic sample person, generated with a fixed seed and dates relative to `today`.

Used by demo mode (a separate demo owner, never mixed with real data), by tests that
need "several weeks of data", and by the benchmarks.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from core import store
from core.models import CheckInDraft, GoalDraft, WinDraft, parse
from core.plan import SafetyPlan

SEED = 20261126
GOALS = (
    {"text": "I will walk around the block for 10 minutes after lunch on Monday, Wednesday "
             "and Friday.", "area": "mood", "cadence": "week", "times": 3,
     "when": "after lunch", "why": "I want more energy and a bit of fresh air.",
     "confidence": 8, "smaller_version": "Step outside for 2 minutes."},
    {"text": "When I notice my heart racing, I will breathe in for 4 counts and out for 6, "
             "five times.", "area": "anxiety", "cadence": "day", "times": 1,
     "when": "when I notice my heart racing", "why": "I want to feel steadier at work.",
     "confidence": 7, "smaller_version": "Take one slow breath."},
    {"text": "Every night before bed, I will write down one thing I did well today.",
     "area": "self_esteem", "cadence": "day", "times": 1, "when": "before bed",
     "why": "I want to be kinder to myself.", "confidence": 9,
     "gas": {"much_less": "No entries", "less": "1–2 entries a week",
             "expected": "3–4 entries a week", "more": "5–6 entries a week",
             "much_more": "Every night"}},
)

# A made-up safety plan, in the voice of the demo person (US lines, example numbers).
PLAN = {
    "warning_signs": ["Staying in bed past noon", "Not answering texts",
                      "Thinking 'what's the point'"],
    "coping": ["Take a hot shower", "Listen to my calm playlist", "Walk round the block"],
    "distractions": ["Sit in the library café", "Call Alex to talk about football"],
    "people": [{"name": "Alex (brother)", "phone": "555 0100"},
               {"name": "Jo (friend)", "phone": "555 0123"}],
    "professionals": [{"name": "Dr Rivera (therapist)", "phone": "555 0199"},
                      {"name": "988 Suicide & Crisis Lifeline", "phone": "988"},
                      {"name": "Emergency services", "phone": "911"}],
    "safer": ["Ask Alex to keep my spare medicine at his place"],
    "reasons": ["My niece", "My dog, Biscuit", "Seeing the sea again in summer"],
}

if TYPE_CHECKING:
    from sqlite_utils import Database
NOTES = ("Felt good after.", "Hard to start, glad I did.", "Raining, did it anyway 🌧️",
         "Tired but okay.", "Called my sister after!", None, None, None)
WINS = ("Got out of bed", "Drank water", "Took a shower", "Stepped outside",
        "Reached out to someone", "Made a proper lunch")


def populate(db: Database, *, owner: str, today: dt.date, weeks: int = 6,
             seed: int = SEED) -> None:
    """Write a sample person's history for `owner`: goals, check-ins with a setback, a
    smaller version, a comeback after a break, small wins, reflections and a safety plan."""
    rng = random.Random(seed)
    start = today - dt.timedelta(weeks=weeks)
    now = dt.datetime.combine(today, dt.time(12))
    goals = [store.add_goal(db, owner=owner, now=now,
                            draft=parse(GoalDraft, g | {"start_date": start}))
             for g in GOALS]
    break_days = {today - dt.timedelta(days=k) for k in range(9, 13)}  # then a comeback
    for offset in range(weeks * 7):
        day = start + dt.timedelta(days=offset)
        if day in break_days or day > today:
            continue
        for index, goal in enumerate(goals):
            if goal.cadence.value == "week" and day.weekday() not in (0, 2, 4):
                continue
            status = rng.choices(["done", "partly", "not_today", "rest"], [6, 2, 2, 1])[0]
            data: dict[str, object] = {"goal_id": goal.id, "day": day, "status": status,
                                       "mood": rng.randint(2, 5), "note": rng.choice(NOTES)}
            if status == "not_today" and index == 0:
                data |= {"what_happened": "I stayed in bed too long.",
                         "what_learned": "Mornings after bad sleep are hard.",
                         "try_next": "Try the 2-minute version first."}
            store.save_check_in(db, owner=owner, draft=parse(CheckInDraft, data), now=now)
        if rng.random() < 0.3:
            store.add_win(db, owner=owner, now=now,
                          draft=parse(WinDraft, {"text": rng.choice(WINS), "day": day}))
    store.update_goal(db, owner=owner, goal_id=goals[0].id, reason="made smaller", now=now,
                      today=today, changes={"text": "I will walk around the block for 5 "
                                            "minutes after lunch on Monday, Wednesday and Friday."})
    store.set_gas_attained(db, owner=owner, goal_id=goals[2].id, level=1, now=now)
    store.save_plan(db, owner=owner, plan=SafetyPlan.model_validate(PLAN), now=now)
