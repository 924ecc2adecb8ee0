"""What one space full to every limit (core.limits) costs the server.

- memory: the in-memory database a hosted visitor's full space needs (SQLite's own
  count, and the process's RSS growth once Python's garbage is collected);
- the limit check on every write, for a small and a full space;
- export (JSON) size and time, and what reading that file back costs (time, peak
  Python memory while it is validated);
- Your data and the therapist summary on a full space: script time, elements drawn,
  PDF pages — both stay bounded however long the history.

    uv run python -m benchmarks.capped_space           # about a minute
    uv run python -m benchmarks.capped_space --quick   # CI smoke run: a space 1/20 full
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import tempfile
import time
import tracemalloc
from pathlib import Path

from sqlite_utils import Database
from streamlit.testing.v1 import AppTest

from benchmarks.common import emit_json, table
from core import export, limits, store, summary
from core.models import CheckIn, Dream, GoalVersion, Win
from core.store import transfer
from core.store.room import ensure_room, usage
from core.summary_pdf import to_pdf

ROOT = Path(__file__).resolve().parents[1]
NOW = dt.datetime(2026, 11, 29, 9, 0, 0)
TODAY = NOW.date()


def full_space(db: Database, owner: str, *, scale: int = 1) -> None:
    """A space at every count limit (divided by `scale`), its words filling the words
    limit with the text that grows most in JSON (quotes, backslashes and line breaks are
    written as two bytes each)."""
    now = NOW.isoformat(timespec="seconds")
    goals_n = limits.MAX_GOALS // scale
    versions_each = limits.MAX_ALL_VERSIONS // limits.MAX_GOALS
    check_ins_each = limits.MAX_CHECK_INS // limits.MAX_GOALS
    start = TODAY - dt.timedelta(days=check_ins_each + 1)
    wins = [Win(id=f"w{n}", day=TODAY - dt.timedelta(days=n // limits.MAX_WINS_PER_DAY),
                text="I went out", created_at=now) for n in range(limits.MAX_WINS // scale)]
    dreams = [Dream(id=f"d{n}", text="A calmer year", created_at=now)
              for n in range(limits.MAX_DREAMS // scale)]
    words_left = limits.MAX_WORDS_BYTES // scale - goals_n * (versions_each + 1) * 40
    words_left -= sum(len(w.text) for w in wins) + sum(len(d.text) for d in dreams)
    note_len = min(2000, words_left // (goals_n * check_ins_each) - 1)
    note = ('"\\\n' * 700)[:note_len]
    goals = []
    for g in range(goals_n):
        text = f"Walk for {g % 50 + 1} minutes after lunch on Monday".ljust(40, ".")[:40]
        goal_id = f"g{g}"
        versions = [GoalVersion(goal_id=goal_id, version=v + 1, text=text, changed_at=now,
                                reason="edited") for v in range(versions_each)]
        goal = export.ExportedGoal(
            id=goal_id, text=text, start_date=start, version=versions_each, created_at=now,
            updated_at=now, versions=versions, check_ins=[])
        check_ins = [CheckIn(goal_id=goal_id, day=TODAY - dt.timedelta(days=d), status="done",
                             mood=3, amount=12.5, note=note, updated_at=now)
                     for d in range(check_ins_each)]
        goals.append((goal, versions, check_ins))
    transfer.load_space(db, owner=owner, now=NOW, dreams=dreams, goals=goals, wins=wins,
                        settings={"country": "GB"})


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def per_call_ms(call: object, repeat: int) -> float:
    assert callable(call)
    started = time.perf_counter()
    for _ in range(repeat):
        call()
    return (time.perf_counter() - started) / repeat * 1000


def page_run(path: Path, page: str) -> tuple[float, int]:
    """Seconds for one warm run of `page` in local mode on `path`, and elements drawn."""
    os.environ["SMALL_STEPS_DB"], os.environ["SMALL_STEPS_MODE"] = str(path), "local"
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    at.switch_page(f"pages/{page}.py").run()
    started = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - started
    assert not at.exception, [e.value for e in at.exception]
    return seconds, sum(1 for _ in at.main)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a space 1/20 full (CI smoke)")
    scale = 20 if parser.parse_args().quick else 1

    gc.collect()
    before = rss_mb()
    memory = store.memory_db()
    started = time.perf_counter()
    full_space(memory, "full", scale=scale)
    fill_s = time.perf_counter() - started
    gc.collect()
    grew = rss_mb() - before
    pages = memory.execute("PRAGMA page_count").fetchone()[0]
    db_mb = pages * memory.execute("PRAGMA page_size").fetchone()[0] / 1e6
    used = usage(memory, owner="full")

    small = store.memory_db()
    full_space(small, "small", scale=200)
    check_small = per_call_ms(lambda: ensure_room(small, owner="small"), 200)
    check_full = per_call_ms(lambda: ensure_room(memory, owner="full"), 10)

    started = time.perf_counter()
    raw = export.to_json(memory, owner="full", now=NOW)
    export_s = time.perf_counter() - started
    tracemalloc.start()
    started = time.perf_counter()
    parsed = export.parse_import(raw, today=TODAY)
    parse_s = time.perf_counter() - started
    parse_peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    del parsed

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "full.db"
        disk = store.open_db(path)
        full_space(disk, "local", scale=scale)
        disk.close()
        empty = Path(folder) / "empty.db"
        store.open_db(empty).close()
        data_full_s, data_full_n = page_run(path, "data")
        data_empty_s, data_empty_n = page_run(empty, "data")
        started = time.perf_counter()
        built = summary.build(store.open_db(path), owner="local", start=TODAY - dt.timedelta(
            weeks=26), end=TODAY, include_reflections=True)
        pdf = to_pdf(built)
        pdf_s = time.perf_counter() - started
    pdf_pages = pdf.count(b"/Type /Page\n")

    print(table(["what", "figure"], [
        ["space", f"{used.goals} goals, {used.versions} versions, {used.check_ins} check-ins, "
                  f"{used.wins} wins, {used.dreams} dreams, {used.words_bytes / 1e6:.2f} MB "
                  "of words"],
        ["in-memory database (MB)", db_mb],
        ["process RSS growth after gc (MB)", grew],
        ["fill (s)", fill_s],
        ["limit check, small space (ms)", check_small],
        ["limit check, full space (ms)", check_full],
        ["export JSON (MB)", len(raw) / 1e6],
        ["export (s)", export_s],
        ["read an import back (s)", parse_s],
        ["read an import: peak Python memory (MB)", parse_peak],
        ["Your data run, full / empty (s)", f"{data_full_s:.2f} / {data_empty_s:.2f}"],
        ["Your data elements, full / empty", f"{data_full_n} / {data_empty_n}"],
        ["therapist summary + PDF (s)", pdf_s],
        ["PDF pages", pdf_pages],
    ]))
    emit_json({"scale": scale, "db_mb": db_mb, "rss_growth_mb": grew, "fill_s": fill_s,
               "check_small_ms": check_small, "check_full_ms": check_full,
               "export_mb": len(raw) / 1e6, "export_s": export_s, "parse_s": parse_s,
               "parse_peak_mb": parse_peak, "data_full_s": data_full_s,
               "data_empty_s": data_empty_s, "data_full_elements": data_full_n,
               "data_empty_elements": data_empty_n, "pdf_s": pdf_s, "pdf_pages": pdf_pages})


if __name__ == "__main__":
    main()
