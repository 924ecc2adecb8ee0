"""Realistic histories for one owner, from empty to ten years, written fast.

A fixed seed and dates relative to `today` make every build the same for the same day.
Each history has three daily goals (one made smaller halfway, so it has two versions),
check-ins on most days (done / partly / not today / rest, moods 1–5, short notes, kind
reflections after some "not today"s, a few breaks followed by comebacks) and a small win
about every third day. Everything is written in ONE transaction with
`core.store.transfer.load_space`, so even the decade builds in about a second.

`uv run python -m benchmarks.data` builds every size and prints how long each took.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.common import CACHE, emit_json, table
from core import store
from core.models import CheckIn, CheckInStatus, Goal, GoalVersion, Win
from core.store.transfer import load_space

SEED = 20_260_501
OWNER = "local"  # ui.session.LOCAL_OWNER (not imported: that would import Streamlit)
SIZES: dict[str, int] = {"empty": 0, "month": 30, "year": 365, "decade": 3650}
FORMAT = 2  # bump when the generator or the schema changes, so cached files are rebuilt

GOALS = (
    {"text": "I will walk around the block for 10 minutes after lunch.", "area": "mood",
     "when": "after lunch", "why": "I want more energy and a bit of fresh air.",
     "confidence": 7, "smaller_version": "Step outside for 2 minutes."},
    {"text": "When I notice my heart racing, I will breathe in for 4 and out for 6, "
             "five times.", "area": "anxiety", "when": "when I notice my heart racing",
     "why": "I want to feel steadier at work.", "confidence": 8,
     "smaller_version": "Take one slow breath."},
    {"text": "Every night before bed, I will write down one thing I did well today.",
     "area": "self_esteem", "when": "before bed", "why": "I want to be kinder to myself.",
     "confidence": 9, "smaller_version": "Think of one thing, no writing."},
)
SMALLER = "I will walk around the block for 5 minutes after lunch."
STATUSES = (CheckInStatus.DONE, CheckInStatus.PARTLY, CheckInStatus.NOT_TODAY,
            CheckInStatus.REST)
WEIGHTS = (6, 2, 2, 1)
NOTES = ("Felt good after.", "Hard to start, glad I did.", "Raining, did it anyway.",
         "Tired but okay.", "Called my sister after!", "Quick one today.",
         "Noticed I was calmer.", "Almost skipped it.")
REFLECTIONS = (
    ("I stayed in bed too long.", "Mornings after bad sleep are hard.",
     "Try the 2-minute version first."),
    ("Work ran late.", "Evenings fill up fast.", "Do it right after lunch instead."),
    ("I felt low all day.", "Low days happen, and they pass.", "Ask a friend to join me."),
)
WINS = ("Got out of bed", "Drank water", "Took a shower", "Stepped outside",
        "Reached out to someone", "Made a proper lunch", "Went to bed on time",
        "Said no to something", "Tidied one shelf")


def _stamp(day: dt.date, hour: int) -> str:
    return dt.datetime.combine(day, dt.time(hour)).isoformat(timespec="seconds")


def _break_days(rng: random.Random, start: dt.date, days: int) -> set[dt.date]:
    """A few 4–8 day breaks (about one every four months), so comebacks happen."""
    gaps: set[dt.date] = set()
    for _ in range(days // 120):
        first = start + dt.timedelta(days=rng.randrange(days))
        gaps.update(first + dt.timedelta(days=k) for k in range(rng.randint(4, 8)))
    return gaps


def _check_ins(rng: random.Random, goal_id: str, start: dt.date, today: dt.date,
               gaps: set[dt.date]) -> list[CheckIn]:
    """One goal's history up to yesterday (today is left free for the benchmarks' clicks)."""
    found: list[CheckIn] = []
    day = start
    while day < today:
        if day not in gaps and rng.random() < 0.9:
            status = rng.choices(STATUSES, WEIGHTS)[0]
            reflection: tuple[str | None, ...] = (None, None, None)
            if status is CheckInStatus.NOT_TODAY and rng.random() < 0.5:
                reflection = rng.choice(REFLECTIONS)
            found.append(CheckIn(
                goal_id=goal_id, day=day, status=status,
                amount=None if rng.random() < 0.8 else float(rng.randint(1, 20)),
                mood=rng.randint(1, 5) if rng.random() < 0.8 else None,
                note=rng.choice(NOTES) if rng.random() < 0.35 else None,
                what_happened=reflection[0], what_learned=reflection[1], try_next=reflection[2],
                updated_at=_stamp(day, 20),
            ))
        day += dt.timedelta(days=1)
    return found


def history(size: str, *, today: dt.date, seed: int = SEED,
            ) -> tuple[list[tuple[Goal, list[GoalVersion], list[CheckIn]]], list[Win]]:
    """The goals (with versions and check-ins) and small wins of one history size."""
    days = SIZES[size]
    if days == 0:
        return [], []
    rng = random.Random(seed)
    start = today - dt.timedelta(days=days)
    edited = start + dt.timedelta(days=days // 2)
    gaps = _break_days(rng, start, days)
    goals: list[tuple[Goal, list[GoalVersion], list[CheckIn]]] = []
    for index, fields in enumerate(GOALS):
        goal_id = f"{rng.getrandbits(128):032x}"
        first = {**fields, "cadence": "day", "times": 1}
        versions = [GoalVersion(**first, goal_id=goal_id, version=1,
                                changed_at=_stamp(start, 9), reason="created")]
        current = first
        if index == 0:
            current = {**first, "text": SMALLER}
            versions.append(GoalVersion(**current, goal_id=goal_id, version=2,
                                        changed_at=_stamp(edited, 9), reason="made smaller"))
        goal = Goal(**current, id=goal_id, start_date=start, version=len(versions),
                    created_at=_stamp(start, 9), updated_at=versions[-1].changed_at)
        goals.append((goal, versions, _check_ins(rng, goal_id, start, today, gaps)))
    wins = [
        Win(id=f"{rng.getrandbits(128):032x}", text=rng.choice(WINS), day=day,
            created_at=_stamp(day, 18))
        for day in (start + dt.timedelta(days=k) for k in range(days))
        if rng.random() < 1 / 3
    ]
    return goals, wins


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build_db(path: str | Path, size: str, today: dt.date) -> None:
    """Create (or replace) a file database at `path` holding one `size` history for the
    local owner, written in one transaction."""
    path = Path(path)
    _remove(path)
    goals, wins = history(size, today=today)
    db = store.open_db(path)
    try:
        load_space(db, owner=OWNER, now=dt.datetime.combine(today, dt.time(8)), dreams=[],
                   goals=goals, wins=wins, settings={})
    finally:
        db.close()  # the last connection to close checkpoints the WAL into the file


def cached_db(size: str, today: dt.date) -> Path:
    """A pristine database for `size` and `today`, built once into /tmp and reused."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{size}-{today.isoformat()}-f{FORMAT}.db"
    if not path.exists():
        partial = path.with_suffix(".building.db")
        build_db(partial, size, today)
        partial.rename(path)
    return path


def fresh_copy(size: str, today: dt.date, folder: Path) -> Path:
    """A private copy of the cached database (benchmarks write to it; the cache stays clean).
    Copying is safe here: the cached file is closed and fully checkpointed."""
    target = folder / f"{size}.db"
    _remove(target)
    shutil.copyfile(cached_db(size, today), target)
    return target


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in ("goals", "goal_versions", "check_ins", "wins")}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only empty and month")
    args = parser.parse_args(argv)
    sizes = ["empty", "month"] if args.quick else list(SIZES)
    today = dt.date.today()
    rows, payload = [], {}
    folder = CACHE / "data-bench"
    folder.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        start = time.perf_counter()
        build_db(folder / f"{size}.db", size, today)
        seconds = time.perf_counter() - start
        found = counts(folder / f"{size}.db")
        megabytes = (folder / f"{size}.db").stat().st_size / 1e6
        rows.append((size, SIZES[size], *found.values(), megabytes, seconds * 1000))
        payload[size] = {**found, "mb": megabytes, "build_ms": seconds * 1000}
    print(table(("size", "days", "goals", "versions", "check-ins", "wins", "MB", "build ms"),
                rows))
    emit_json({"bench": "data", "today": today.isoformat(), "sizes": payload})


if __name__ == "__main__":
    main()
