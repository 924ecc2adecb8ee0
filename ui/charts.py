"""Altair charts of aggregated data only (a bounded number of points), each drawn with
shapes and text as well as colour.

Speed: Altair validates a chart against the Vega-Lite JSON schema when it becomes a
dict, which took ~150 ms per chart here, and Streamlit turns top-level chart data into
Arrow through pandas (~2.5 ms per chart). So each chart's *shape* is written with Altair
and turned into a Vega-Lite spec once per process (`_template`); a rerun only copies
that spec and puts this person's rows inside its layers, where Streamlit leaves them as
JSON. `Chart.spec` is what `st.vega_lite_chart` takes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import altair as alt

from core.models import MOOD_WORDS
from core.store import DayActivity, WeekCounts, WeekMood

INK = "#1f5f5b"
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
Rows = list[dict[str, Any]]
Shape = alt.LayerChart | alt.FacetChart  # what .properties() on a layer gives back


@dataclass(frozen=True)
class Chart:
    spec: dict[str, Any]  # Vega-Lite: {"layer": [{"data": rows, "layer": [drawn layers]}]}
    alt: str  # the chart's accessible name

    @property
    def rows(self) -> Rows:
        values: Rows = self.spec["layer"][0]["data"]["values"]
        return values


def _placeholder() -> alt.Data:
    return alt.Data(name="rows")  # type: ignore[no-untyped-call]


def _week_bars() -> Shape:
    bars = (
        alt.Chart(_placeholder())
        .mark_bar(aria=False)
        .encode(
            x=alt.X("week:T", title="Week starting", timeUnit="yearmonthdate"),
            y=alt.Y("sum(count):Q", title="Check-ins (done or partly)"),
            color=alt.Color("kind:N", scale=alt.Scale(range=[INK, "#8fbcb8"]), title="How it went"),
            opacity=alt.Opacity("kind:N", scale=alt.Scale(range=[1.0, 0.6]), legend=None),
            tooltip=["week:T", "kind:N", "count:Q"],
        )
    )
    return alt.layer(bars, title="Check-ins each week").properties(height=220)


def _mood_line() -> Shape:
    line = (
        alt.Chart(_placeholder())
        .mark_line(
            point=alt.OverlayMarkDef(filled=True, size=60, aria=False), color=INK, aria=False
        )
        .encode(
            x=alt.X("week:T", title="Week starting"),
            y=alt.Y("mood:Q", title="Mood (1 very low – 5 great)", scale=alt.Scale(domain=[1, 5])),
            tooltip=["week:T", "mood:Q", "words:N"],
        )
    )
    return alt.layer(line, title="Average mood each week").properties(height=220)


def _day_grid() -> Shape:
    base = alt.Chart(_placeholder()).encode(
        x=alt.X("week:O", title="Week starting", timeUnit="monthdate"),
        y=alt.Y("weekday:O", title=None, sort=WEEKDAYS),
    )
    cells = base.mark_rect(stroke="#6b6b6b", strokeWidth=0.5, aria=False).encode(
        color=alt.Color("done:Q", scale=alt.Scale(range=["#ffffff", INK]), title="Done"),
        tooltip=["day:T", "done:Q"],
    )
    labels = base.mark_text(fontSize=11, aria=False).encode(
        text="mark:N",
        color=alt.condition("datum.done > 1", alt.value("white"), alt.value("black")),
    )
    return alt.layer(cells, labels, title="Your last weeks, day by day").properties(height=200)


SHAPES: dict[str, Callable[[], Shape]] = {
    "week_bars": _week_bars,
    "mood_line": _mood_line,
    "day_grid": _day_grid,
}


@cache
def _template(name: str) -> dict[str, Any]:
    """The chart's Vega-Lite spec without data, validated by Altair once per process."""
    spec: dict[str, Any] = SHAPES[name]().to_dict()
    spec.pop("data", None)
    spec.pop("datasets", None)
    # Fit the width to the page but keep the height: Streamlit's default ("fit") squeezes
    # the plot into the height and the frontend then clipped the chart's title.
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def _filled(name: str, rows: Rows, alt_text: str) -> Chart:
    """The template with `rows` in one inner layer that holds the drawn layers, so the
    rows are sent once however many layers draw them."""
    template = _template(name)
    drawn = [{key: value for key, value in layer.items() if key != "data"}
             for layer in template["layer"]]
    return Chart(template | {"layer": [{"data": {"values": rows}, "layer": drawn}]}, alt_text)


def check_ins_per_week(counts: list[WeekCounts]) -> Chart:
    rows = [
        {"week": c.week.isoformat(), "kind": kind, "count": n}
        for c in counts
        for kind, n in (("Done", c.done), ("Partly", c.partly))
        if n
    ]
    return _filled("week_bars", rows, "Bar chart: check-ins done or partly done each week")


def mood_over_time(moods: list[WeekMood]) -> Chart:
    rows = [
        {"week": m.week.isoformat(), "mood": round(m.average, 2),
         "words": MOOD_WORDS[round(m.average)]}
        for m in moods
    ]
    return _filled("mood_line", rows, "Line chart: average mood each week, from 1 to 5")


def calendar(days: list[DayActivity], *, end: dt.date, weeks: int = 12) -> Chart:
    start = end - dt.timedelta(days=end.weekday() + 7 * (weeks - 1))
    by_day = {d.day: d for d in days}
    rows = []
    for offset in range((end - start).days + 1):
        day = start + dt.timedelta(days=offset)
        item = by_day.get(day)
        rows.append(
            {
                "day": day.isoformat(),
                "week": (day - dt.timedelta(days=day.weekday())).isoformat(),
                "weekday": f"{day:%a}",
                "done": item.done if item else 0,
                "mark": f"{item.done:g}" if item and item.done else "",
            }
        )
    return _filled("day_grid", rows, f"Calendar of the last {weeks} weeks: goals done each day")
