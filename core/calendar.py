"""An "Add to my calendar" file for a goal, since a web page cannot send reminders.

The goal's schedule becomes an iCalendar recurrence rule (RFC 5545): daily goals repeat
every day, weekly goals on spread-out weekdays, one-time goals once.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event, vRecur

from core.models import Cadence, Goal

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Spread N sessions a week across the week so there is rest in between.
SPREAD: dict[int, tuple[int, ...]] = {
    1: (0,), 2: (0, 3), 3: (0, 2, 4), 4: (0, 1, 3, 5), 5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5), 7: (0, 1, 2, 3, 4, 5, 6),
}


def recurrence(goal: Goal) -> vRecur | None:
    if goal.cadence is Cadence.ONCE:
        return None
    rule: dict[str, object] = {"FREQ": "DAILY"}
    if goal.cadence is Cadence.WEEK:
        days = SPREAD[min(goal.times, 7)]
        rule = {"FREQ": "WEEKLY", "BYDAY": [WEEKDAYS[d] for d in days]}
    if goal.review_date is not None:
        rule["UNTIL"] = dt.datetime.combine(goal.review_date, dt.time(23, 59))
    return vRecur(rule)


def goal_ics(goal: Goal, *, at: dt.time, minutes: int = 15, stamp: dt.datetime) -> bytes:
    """A calendar file with one (repeating) event for the goal, starting on its start date."""
    calendar = Calendar()
    calendar.add("prodid", "-//Small Steps//small goals//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"{goal.id}@small-steps")
    event.add("dtstamp", stamp)
    event.add("summary", f"Small step: {goal.text}")
    start = dt.datetime.combine(goal.start_date, at)
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(minutes=minutes))
    details = [f"Plan: {goal.target_label}"]
    if goal.when:
        details.append(f"When: {goal.when}")
    if goal.smaller_version:
        details.append(f"Low-energy version: {goal.smaller_version}")
    details.append("Any step counts. Rest days count too.")
    event.add("description", "\n".join(details))
    rule = recurrence(goal)
    if rule is not None:
        event.add("rrule", rule)
    calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical
