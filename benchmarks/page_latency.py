"""How long does each page take to rerun on the real server, from empty to ten years of data?

Each history size gets its own real `streamlit run` server (local mode) with its own copy
of a generated database (benchmarks.data), and all of them run side by side. A page is
opened in one websocket session per size (benchmarks.ws), warmed up, then rerun many
times, round robin across the sizes, with a pause between reruns. Every page rerun is
followed by a rerun of a *floor* page (benchmarks/floor_app.py, one `st.write`, same
options, its own server), so each page is reported as a ratio to what Streamlit itself
costs right now on this noisy machine (the floor p50 pools the floor reruns made while
that page was measured at every size), and a size ratio (decade ÷ month) compares reruns
made in the same minutes. The one-click check-in on Today (choosing "Done", then
"Partly", on the first goal's card: each choice saves) is timed the same way.

Targets (shown, never asserted): decade p50 / month p50 <= 1.25 for every page; Today and
Check In <= 3x floor; every other page <= 5x floor.

    uv run python -m benchmarks.page_latency            # full: about 6 minutes
    uv run python -m benchmarks.page_latency --quick    # CI smoke run, < 60 s
    uv run python -m benchmarks.page_latency --no-post-script-gc   # compare without
                                                        # Streamlit's gc.collect() per run
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.common import GC_OFF, emit_json, mark, p50, p95, ratio, serve, table
from benchmarks.data import SIZES, fresh_copy
from benchmarks.ws import Run, Session, ensure_ok, today_goal
from ui.nav import BY_KEY

PAGES = ("today", "learn", "build", "checkin", "wins", "faq", "data", "help")
TIGHT = {"today": 3.0, "checkin": 3.0}  # x floor; every other page: LOOSE
LOOSE = 5.0
GROWTH = 1.25  # decade p50 / month p50
FLOOR_SCRIPT = "benchmarks/floor_app.py"


def url_path(page: str) -> str:
    """Today is the default page, so its URL path is "" ("today" is reported not found)."""
    return "" if page == "today" else page


@dataclass
class Samples:
    page: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    elements: int = 0  # elements the last run drew (a fragment run: just its own)
    messages: int = 0  # websocket messages the last run sent


def check(run: Run, page: str) -> None:
    """Fail loudly if the server did not run the page we asked for."""
    title = BY_KEY[page].title
    ensure_ok(run, page)
    if not any(h.endswith(title) for h in run.headings()):
        raise RuntimeError(f"{page}: expected the heading {title!r}, got {run.headings()}")


CHOICES = ("done", "partly")  # alternate, so every click really saves a change


def one_round(session: Session, goal: str | None, i: int) -> Run:
    run = session.check_in_today(goal, CHOICES[i % 2]) if goal else session.rerun()
    return ensure_ok(run, "rerun")


def interleaved(sessions: dict[str, Session], keys: dict[str, str | None], floor: Session, *,
                warmup: int, reruns: int, gap: float) -> dict[str, Samples]:
    """Rerun (or check in on Today for goal `keys[size]`) one page at every history size, round
    robin, each followed by a floor rerun; the pause keeps the servers idle between
    reruns, as a person's clicks would. All sizes share each moment of the run, so a
    machine that gets busier for a while slows every size alike."""
    found = {size: Samples() for size in sessions}
    for i in range(warmup + reruns):
        for size, session in sessions.items():
            run = one_round(session, keys[size], i)
            time.sleep(gap)
            floor_run = floor.rerun()
            time.sleep(gap)
            if i >= warmup:
                samples = found[size]
                samples.page.append(run.seconds * 1000)
                samples.floor.append(floor_run.seconds * 1000)
                samples.elements, samples.messages = len(run.elements), run.messages
    return found


def measure_page(page: str, ports: dict[str, int], floor: Session, results: dict[str, dict[str,
                 Samples]], *, args: argparse.Namespace) -> None:
    """One page (or "click": Today's check-in) at every size at once, one session each."""
    sizes = [s for s in ports if not (page == "click" and s == "empty")]
    with ExitStack() as stack:
        sessions = {s: stack.enter_context(Session(ports[s])) for s in sizes}
        keys: dict[str, str | None] = {}
        shown = "today" if page == "click" else page
        for size, session in sessions.items():
            check(session.open(url_path(shown)), shown)
            keys[size] = today_goal(session.inner.screen.values()) if page == "click" else None
        found = interleaved(sessions, keys, floor, warmup=args.warmup, reruns=args.reruns,
                            gap=args.gap)
    # The floor reruns of every size were made in the same minutes as this page's: pool
    # them, so each size's ratio has the steadiest floor this run can give.
    pooled = [ms for samples in found.values() for ms in samples.floor]
    for size, samples in found.items():
        samples.floor = pooled
        results[size][page] = samples
    print(f"  {page:<9}" + "".join(f"{s} {p50(found[s].page):6.1f} ms  " for s in sizes),
          flush=True)


def report(results: dict[str, dict[str, Samples]], args: argparse.Namespace) -> None:
    rows: list[tuple[object, ...]] = []
    payload: dict[str, dict[str, object]] = {}
    for size, by_page in results.items():
        payload[size] = {}
        for page, s in by_page.items():
            limit = None if page == "click" else TIGHT.get(page, LOOSE)
            times_floor = ratio(p50(s.page), p50(s.floor))
            ok = None if limit is None else times_floor <= limit
            target = "-" if limit is None else f"<= {limit:.0f}x"
            label = "Today click" if page == "click" else page
            rows.append((size, label, s.elements, s.messages, p50(s.page), p95(s.page),
                         p50(s.floor), times_floor, target, mark(ok)))
            payload[size][page] = {"elements": s.elements, "messages": s.messages,
                                   "p50_ms": p50(s.page), "p95_ms": p95(s.page),
                                   "floor_p50_ms": p50(s.floor), "floor_p95_ms": p95(s.floor),
                                   "x_floor": times_floor, "n": len(s.page), "target_ok": ok}
    print()
    print(table(("size", "page", "elements", "messages", "p50 ms", "p95 ms", "floor p50",
                 "x floor", "target", ""), rows))
    growth, growth_rows = {}, []
    small, big = ("month", "decade") if "decade" in results else ("empty", "month")
    if small in results and big in results:
        for page in results[big]:
            if page in results[small]:
                r = ratio(p50(results[big][page].page), p50(results[small][page].page))
                ok = r <= GROWTH
                growth[page] = {"ratio": r, "target_ok": ok}
                growth_rows.append((page, p50(results[small][page].page),
                                    p50(results[big][page].page), r, f"<= {GROWTH}", mark(ok)))
        print()
        print(table(("page", f"{small} p50", f"{big} p50", f"{big}/{small}", "target", ""),
                    growth_rows))
    emit_json({"bench": "page_latency", "quick": args.quick, "reruns": args.reruns,
               "gap_s": args.gap, "forced_post_script_gc_off": args.no_post_script_gc,
               "sizes": payload, f"{big}_vs_{small}": growth})


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 sizes, 1 rerun each (CI smoke)")
    parser.add_argument("--reruns", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--gap", type=float, default=0.1, help="seconds between reruns")
    parser.add_argument("--sizes", nargs="*", choices=list(SIZES), default=list(SIZES))
    parser.add_argument("--pages", nargs="*", choices=PAGES, default=list(PAGES))
    parser.add_argument("--no-post-script-gc", action="store_true",
                        help="run both servers with --runner.postScriptGC false")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.reruns, args.warmup, args.gap = ["empty", "month"], 1, 0, 0.05
    started = time.perf_counter()
    results: dict[str, dict[str, Samples]] = {size: {} for size in args.sizes}
    options = GC_OFF if args.no_post_script_gc else ()
    with tempfile.TemporaryDirectory(prefix="small-steps-latency-") as tmp, ExitStack() as stack:
        folder = Path(tmp)
        floor_server = stack.enter_context(serve(folder / "floor.db", script=FLOOR_SCRIPT,
                                                 options=options))
        floor = stack.enter_context(Session(floor_server.port))
        floor.open("")
        ports: dict[str, int] = {}
        for size in args.sizes:  # one server per history size, all running side by side
            sized = folder / size
            sized.mkdir()
            db = fresh_copy(size, dt.date.today(), sized)
            server = stack.enter_context(serve(db, mode="local", options=options))
            with Session(server.port) as prime:  # the default page first, as a browser would
                check(prime.open(""), "today")
            ports[size] = server.port
        for page in [*args.pages, *(["click"] if any(s != "empty" for s in ports) else [])]:
            measure_page(page, ports, floor, results, args=args)
    report(results, args)
    print(f"took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
