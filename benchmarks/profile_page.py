"""Where does one page rerun spend its time? cProfile over in-process reruns (AppTest).

Runs a page with Streamlit's AppTest on a generated history (benchmarks.data), in local
mode, then profiles a number of warm reruns and prints the functions with the most
cumulative time, grouped so the app's own work (core/, ui/, pages/) stands apart from
Streamlit's. It also times one full `gc.collect(2)` in this process, which is what
Streamlit's `runner.postScriptGC` does after every run on the server, holding the GIL.

    uv run python -m benchmarks.profile_page today --size decade
    uv run python -m benchmarks.profile_page --quick
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import os
import pstats
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from benchmarks.common import emit_json, p50, table
from benchmarks.data import SIZES, fresh_copy
from tests.server import ROOT

PAGES = ("today", "learn", "build", "checkin", "wins", "faq", "data", "help")
OURS = (f"{ROOT}/core/", f"{ROOT}/ui/", f"{ROOT}/pages/")


PROFILERS: list[cProfile.Profile] = []


def start_profiling(frame: FrameType, event: str, arg: Any) -> None:
    """Runs once at the start of each new thread: profile the rest of that thread."""
    sys.setprofile(None)
    profiler = cProfile.Profile()
    PROFILERS.append(profiler)
    profiler.enable()


def gc_ms(repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        gc.collect(2)
        times.append((time.perf_counter() - start) * 1000)
    return p50(times)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", default="today", choices=PAGES)
    parser.add_argument("--size", default="decade", choices=list(SIZES))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--quick", action="store_true", help="month, 3 runs")
    args = parser.parse_args(argv)
    if args.quick:
        args.size, args.runs = "month", 3
    with tempfile.TemporaryDirectory(prefix="small-steps-profile-") as tmp:
        db = fresh_copy(args.size, dt.date.today(), Path(tmp))
        os.environ |= {"SMALL_STEPS_DB": str(db), "SMALL_STEPS_MODE": "local"}
        from streamlit.testing.v1 import AppTest  # after the environment is set

        app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
        app.switch_page(f"pages/{args.page}.py").run()  # as tests/test_pages.py does
        if app.exception:
            raise RuntimeError(f"{args.page} failed: {app.exception}")
        for _ in range(3):
            app.run()
        walls = []
        threading.setprofile(start_profiling)  # AppTest runs each script on a new thread
        for _ in range(args.runs):
            start = time.perf_counter()
            app.run()
            walls.append((time.perf_counter() - start) * 1000)
        threading.setprofile(None)
        collect = gc_ms()
        objects = len(gc.get_objects())
    stats = pstats.Stats(*PROFILERS)
    entries = stats.stats  # type: ignore[attr-defined]
    rows, ours = [], []
    for (path, line, name), (_cc, _nc, _tt, cumulative, _callers) in entries.items():
        label = f"{Path(path).name}:{line} {name}" if path != "~" else name
        per_run = cumulative / args.runs * 1000
        rows.append((label, per_run))
        if path.startswith(OURS):
            ours.append((f"{Path(path).parent.name}/{Path(path).name}:{line} {name}", per_run))
    rows.sort(key=lambda r: r[1], reverse=True)
    ours.sort(key=lambda r: r[1], reverse=True)
    print(f"{args.page} on {args.size}: AppTest rerun p50 {p50(walls):.1f} ms "
          f"(under cProfile); gc.collect(2) here: {collect:.1f} ms over {objects} objects")
    print()
    print(table(("our functions (cumulative)", "ms per run"), ours[:args.top]))
    print()
    print(table(("all functions (cumulative)", "ms per run"), rows[:args.top]))
    emit_json({"bench": "profile_page", "page": args.page, "size": args.size,
               "runs": args.runs, "rerun_p50_ms": p50(walls), "gc_collect_ms": collect,
               "gc_objects": objects, "ours_ms": dict(ours[:args.top])})


if __name__ == "__main__":
    main()
