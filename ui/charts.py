"""Altair charts of aggregated data only (a bounded number of points), each drawn with
shapes and text as well as colour."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import altair as alt

from core.models import MOOD_WORDS
from core.store import DayActivity, WeekCounts, WeekMood

INK = "#1f5f5b"


def _data(values: list[dict[str, Any]]) -> alt.Data:
    return alt.Data(values=values)  # type: ignore[no-untyped-call]


def check_ins_per_week(counts: list[WeekCounts]) -> alt.Chart:
    values = [
        {"week": c.week.isoformat(), "kind": kind, "count": n}
        for c in counts
        for kind, n in (("Done", c.done), ("Partly", c.partly))
        if n
    ]
    chart = (
        alt.Chart(_data(values), title="Check-ins each week")
        .mark_bar(aria=False)
        .encode(
            x=alt.X("week:T", title="Week starting", timeUnit="yearmonthdate"),
            y=alt.Y("sum(count):Q", title="Check-ins (done or partly)"),
            color=alt.Color("kind:N", scale=alt.Scale(range=[INK, "#8fbcb8"]), title="How it went"),
            opacity=alt.Opacity("kind:N", scale=alt.Scale(range=[1.0, 0.6]), legend=None),
            tooltip=["week:T", "kind:N", "count:Q"],
        )
        .properties(height=220)
    )
    return cast(alt.Chart, chart)


def mood_over_time(moods: list[WeekMood]) -> alt.Chart:
    values = [
        {
            "week": m.week.isoformat(),
            "mood": round(m.average, 2),
            "words": MOOD_WORDS[round(m.average)],
        }
        for m in moods
    ]
    chart = (
        alt.Chart(_data(values), title="Average mood each week")
        .mark_line(
            point=alt.OverlayMarkDef(filled=True, size=60, aria=False), color=INK, aria=False
        )
        .encode(
            x=alt.X("week:T", title="Week starting"),
            y=alt.Y("mood:Q", title="Mood (1 very low – 5 great)", scale=alt.Scale(domain=[1, 5])),
            tooltip=["week:T", "mood:Q", "words:N"],
        )
        .properties(height=220)
    )
    return cast(alt.Chart, chart)


def calendar(days: list[DayActivity], *, end: dt.date, weeks: int = 12) -> alt.LayerChart:
    start = end - dt.timedelta(days=end.weekday() + 7 * (weeks - 1))
    by_day = {d.day: d for d in days}
    values = []
    for offset in range((end - start).days + 1):
        day = start + dt.timedelta(days=offset)
        item = by_day.get(day)
        values.append(
            {
                "day": day.isoformat(),
                "week": (day - dt.timedelta(days=day.weekday())).isoformat(),
                "weekday": f"{day:%a}",
                "done": item.done if item else 0,
                "mark": f"{item.done:g}" if item and item.done else "",
            }
        )
    base = alt.Chart(_data(values), title="Your last weeks, day by day").encode(
        x=alt.X("week:O", title="Week starting", timeUnit="monthdate"),
        y=alt.Y("weekday:O", title=None, sort=["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
    )
    cells = base.mark_rect(stroke="#6b6b6b", strokeWidth=0.5, aria=False).encode(
        color=alt.Color("done:Q", scale=alt.Scale(range=["#ffffff", INK]), title="Done"),
        tooltip=["day:T", "done:Q"],
    )
    labels = base.mark_text(fontSize=11, aria=False).encode(
        text="mark:N",
        color=alt.condition("datum.done > 1", alt.value("white"), alt.value("black")),
    )
    return cast(alt.LayerChart, (cells + labels).properties(height=200))
