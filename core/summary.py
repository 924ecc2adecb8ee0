"""A one-page summary to bring to therapy, as Markdown and as a print-friendly PDF.

Self-reported data only; the documents say so. Reflections and the safety plan are
included only when the person asks. Everything is black-and-white readable: words and
numbers, no colour.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core import plan as safety_plan
from core import store
from core.models import CHECKIN_LABELS, CheckIn, Goal, GoalStatus, GoalVersion, Win
from core.progress import WeekProgress, gas_t_score, week_progress, week_start
from core.text import md_escape

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_WEEKS = 26
MAX_REFLECTIONS = 3  # per goal, newest: keeps the summary to about a page
MAX_WINS = 8
MAX_GOALS_SHOWN = 10  # active first: the summary stays about a page, whatever the history
MAX_EARLIER = 3  # earlier versions per goal, newest
NOTICE = "Self-reported in Small Steps; not a clinical measurement."


@dataclass(frozen=True)
class GoalReport:
    goal: Goal
    versions: list[GoalVersion]
    weeks: list[tuple[dt.date, WeekProgress]]
    reflections: list[CheckIn]


@dataclass(frozen=True)
class Summary:
    start: dt.date
    end: dt.date
    goals: list[GoalReport]
    moods: list[store.WeekMood]
    wins: list[Win]
    t_score: float | None
    gas_goals: int
    include_reflections: bool
    plan: safety_plan.SafetyPlan | None = None  # only when the person ticked it
    goals_left_out: int = 0  # past MAX_GOALS_SHOWN


def clamp_range(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """Order the dates and keep the range to at most MAX_WEEKS weeks (ending at `end`)."""
    start, end = min(start, end), max(start, end)
    return max(start, end - dt.timedelta(weeks=MAX_WEEKS) + dt.timedelta(days=1)), end


def _weeks(goal: Goal, check_ins: list[CheckIn], start: dt.date,
           end: dt.date) -> list[tuple[dt.date, WeekProgress]]:
    by_week: dict[dt.date, list[CheckIn]] = defaultdict(list)
    for c in check_ins:
        by_week[week_start(c.day)].append(c)
    monday, weeks = week_start(start), []
    while monday <= end:
        if monday >= week_start(goal.start_date):
            statuses = [c.status for c in by_week.get(monday, [])]
            weeks.append((monday, week_progress(cadence=goal.cadence, times=goal.times,
                                                statuses=statuses)))
        monday += dt.timedelta(days=7)
    return weeks


def build(db: Database, *, owner: str, start: dt.date, end: dt.date,
          include_reflections: bool, include_plan: bool = False) -> Summary:
    start, end = clamp_range(start, end)
    goals = [g for g in store.list_goals(db, owner=owner) if g.status is not GoalStatus.ARCHIVED]
    order = {GoalStatus.ACTIVE: 0, GoalStatus.PAUSED: 1, GoalStatus.ACHIEVED: 2}
    goals.sort(key=lambda g: order.get(g.status, 3))  # stable: created order within each
    reports = []
    for goal in goals[:MAX_GOALS_SHOWN]:
        check_ins = store.check_ins_between(db, owner=owner, start=start, end=end,
                                            goal_id=goal.id)
        reflections = [c for c in check_ins if c.what_happened or c.what_learned or c.try_next]
        reports.append(GoalReport(goal, store.goal_versions(db, owner=owner, goal_id=goal.id),
                                  _weeks(goal, check_ins, start, end),
                                  reflections if include_reflections else []))
    levels = [g.gas_attained for g in goals if g.gas is not None and g.gas_attained is not None]
    wins = [w for w in store.recent_wins(db, owner=owner, limit=200) if start <= w.day <= end]
    weeks = (end - start).days // 7 + 1
    moods = [m for m in store.mood_by_week(db, owner=owner, today=end, weeks=weeks)
             if m.week >= week_start(start)]
    plan = store.get_plan(db, owner=owner) if include_plan else None
    return Summary(start, end, reports, moods, wins,
                   gas_t_score(levels) if levels else None, len(levels), include_reflections,
                   plan if plan is not None and not plan.empty else None,
                   len(goals) - len(reports))


def summary_lines(summary: Summary) -> list[tuple[str, str]]:
    """The summary as (kind, text) lines; kind is h1/h2/h3/p/user/small. Both documents
    render from these, so they always say the same thing."""
    out: list[tuple[str, str]] = [
        ("h1", "Small Steps — summary for my therapist"),
        ("p", f"{summary.start:%d %B %Y} to {summary.end:%d %B %Y}"), ("small", NOTICE)]
    for report in summary.goals:
        _goal_lines(report, out)
    if summary.goals_left_out:
        out.append(("p", f"{summary.goals_left_out} more goal"
                         f"{'s are' if summary.goals_left_out != 1 else ' is'} not shown here "
                         "(all are in the app and in the full download)."))
    out.append(("h2", "Mood"))
    if not summary.moods:
        out.append(("p", "No moods noted in this period."))
    if summary.moods:
        out.append(("p", "Average mood by week (1 very low – 5 great): " + " · ".join(
            f"{m.week:%d %b} {m.average:.1f}" for m in summary.moods)))
    out.append(("h2", "Goal Attainment Scaling"))
    out.append(("p", "No levels recorded yet." if summary.t_score is None else
                f"T-score {summary.t_score:.1f} across {summary.gas_goals} goal"
                f"{'s' if summary.gas_goals != 1 else ''} (50 = as expected)."))
    out.append(("h2", f"Small wins logged: {len(summary.wins)}"))
    out.extend(("user", f"{w.day:%d %b}: {w.text}") for w in summary.wins[:MAX_WINS])
    if summary.plan is not None:
        out.append(("h2", "My safety plan"))
        out.extend(safety_plan.lines(summary.plan))
    return out


def _goal_lines(report: GoalReport, out: list[tuple[str, str]]) -> None:
    goal = report.goal
    out.append(("h2", "Goal"))
    out.append(("user", goal.text))
    out.append(("p", f"Plan: {goal.target_label}. Status: {goal.status.value}. "
                     f"Started {goal.start_date:%d %b %Y}."))
    if len(report.versions) > 1:
        earlier = report.versions[:-1]
        out.append(("h3", "Earlier versions" if len(earlier) <= MAX_EARLIER else
                    f"Latest {MAX_EARLIER} of {len(earlier)} earlier versions"))
        out.extend(("user", f"v{v.version} ({v.reason}, {v.changed_at[:10]}): {v.text}")
                   for v in earlier[-MAX_EARLIER:])
    weeks = " · ".join(f"{monday:%d %b} {progress.done:g}/{progress.target}"
                       for monday, progress in report.weeks)
    out.append(("p", f"Week by week (done/target, partly = ½): {weeks or 'no weeks yet'}"))
    if report.reflections:
        out.append(("h3", "Latest reflections after hard days"))
        for c in report.reflections[-MAX_REFLECTIONS:]:
            parts = [c.what_happened, c.what_learned, c.try_next]
            text = " / ".join(p for p in parts if p)
            out.append(("user", f"{c.day:%d %b} ({CHECKIN_LABELS[c.status]}): {text}"))


def to_markdown(summary: Summary) -> str:
    prefix = {"h1": "# ", "h2": "## ", "h3": "### ", "p": "", "small": "_", "user": "> "}
    parts = []
    for kind, text in summary_lines(summary):
        if kind == "user":  # every line stays inside the quote, blank ones too
            parts.append("\n".join(f"> {md_escape(line)}  " if line.strip() else ">"
                                    for line in text.replace("\r", "").split("\n")))
            continue
        parts.append(prefix[kind] + text + ("_" if kind == "small" else ""))
    return "\n\n".join(parts) + "\n"

