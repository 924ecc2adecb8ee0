"""The Celebrate Wins charts: Altair writes each chart's shape once; every rerun puts
only this person's aggregated rows into a copy."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlite_utils import Database

from core import demo, overview, store
from core.store import DayActivity, WeekCounts, WeekMood
from tests.conftest import TODAY, open_page
from ui import charts
from ui.session import LOCAL_OWNER

MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())


def test_rows_live_inside_the_layers_and_nowhere_else() -> None:
    chart = charts.check_ins_per_week([WeekCounts(MONDAY, done=3, partly=1, not_today=2, rest=0)])
    assert "data" not in chart.spec and "datasets" not in chart.spec  # no Arrow round trip
    assert chart.rows == [{"week": MONDAY.isoformat(), "kind": "Done", "count": 3},
                          {"week": MONDAY.isoformat(), "kind": "Partly", "count": 1}]
    (holder,) = chart.spec["layer"]  # the rows once, for every layer that draws them
    assert holder["data"] == {"values": chart.rows}
    assert all("data" not in layer for layer in holder["layer"])
    assert chart.spec["title"] == "Check-ins each week"
    assert chart.alt.startswith("Bar chart")
    assert chart.spec["autosize"] == {"type": "fit-x", "contains": "padding"}  # title not clipped


def test_one_person_s_rows_never_reach_the_next_chart() -> None:
    first = charts.mood_over_time([WeekMood(MONDAY, average=4.2, count=3)])
    second = charts.mood_over_time([WeekMood(MONDAY, average=1.0, count=1)])
    assert [(r["week"], r["mood"]) for r in first.rows] == [(MONDAY.isoformat(), 4.2)]
    assert [r["mood"] for r in second.rows] == [1.0]
    assert first.spec["layer"][0]["data"] is not second.spec["layer"][0]["data"]
    assert "data" not in charts._template("mood_line")["layer"][0]  # the shared shape stays empty


def test_calendar_has_every_day_of_the_weeks_with_words_for_each_cell() -> None:
    chart = charts.calendar([DayActivity(TODAY, done=1.5, check_ins=2)], end=TODAY, weeks=12)
    days = [dt.date.fromisoformat(r["day"]) for r in chart.rows]
    assert days[0].weekday() == 0 and days[-1] == TODAY
    assert len(days) == 7 * 11 + TODAY.weekday() + 1
    assert chart.rows[-1] == {"day": TODAY.isoformat(), "week": MONDAY.isoformat(),
                                   "weekday": f"{TODAY:%a}", "done": 1.5, "mark": "1.5"}
    kinds = [layer["mark"]["type"] for layer in chart.spec["layer"][0]["layer"]]
    assert kinds == ["rect", "text"]  # a number in the cell, not colour alone
    json.dumps(chart.spec)  # plain JSON all the way down


def test_wins_page_draws_three_charts_with_names_and_the_person_s_data(local_app: Path) -> None:
    db: Database = store.open_db(local_app)
    demo.populate(db, owner=LOCAL_OWNER, today=dt.date.today(), weeks=6)
    weekly = store.weekly_counts(db, owner=LOCAL_OWNER, today=dt.date.today(), weeks=12)
    at = open_page("wins")
    assert not at.exception
    protos = [e.proto for e in at.get("vega_lite_chart")]
    assert len(protos) == 3
    assert [p.alt for p in protos] == [
        "Bar chart: check-ins done or partly done each week",
        "Line chart: average mood each week, from 1 to 5",
        "Calendar of the last 12 weeks: goals done each day",
    ]
    bars = json.loads(protos[0].spec)
    shown = sum(row["count"] for row in bars["layer"][0]["data"]["values"])
    calendar = json.loads(protos[2].spec)
    assert len(protos[2].spec) < 2 * len(json.dumps(calendar["layer"][0]["data"]))  # sent once
    assert shown == sum(c.done + c.partly for c in weekly) > 0
    assert not any(p.data.data for p in protos)  # no Arrow tables were built


def test_mood_words_read_as_a_sentence() -> None:
    same = [WeekMood(MONDAY - dt.timedelta(days=7), 3.0, 2), WeekMood(MONDAY, 3.1, 2)]
    higher = [WeekMood(MONDAY - dt.timedelta(days=7), 2.0, 2), WeekMood(MONDAY, 4.0, 2)]
    assert "about the same as in the week of" in overview.mood_words(same)
    assert "a little higher than in the week of" in overview.mood_words(higher)
