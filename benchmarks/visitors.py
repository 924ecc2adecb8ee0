"""How many visitors can one hosted server carry? Throughput, latency and memory per session.

Hosted mode (SMALL_STEPS_MODE=hosted): every websocket session is an anonymous visitor
with a private in-memory database. For each N, a fresh server gets N sessions; each opens
Your data, clicks "Try a demo" (which fills its own space with the demo person), then
opens Today and checks in once (a warm-up). Then all N choose on the first goal's card
(done, partly, done, ...) as fast as the server answers (a closed loop: latency
includes queueing behind the other sessions) for a fixed time, and each at least once:
one check-in is one click on Today's board, whose callback saves it before Today is
drawn again: one run of the page. Reported: sustained check-ins/s, p50 /
p95 latency, server RSS and the server's CPU time per check-in (the least noisy figure
on a shared machine).

Then, on another fresh server, M idle visitors each load Today once and stay connected:
(RSS after - RSS before) / M is the memory one more idle visitor costs.

Targets (shown, never asserted): >= 25 check-ins/s with 100 sessions; <= 300 KB RSS per
extra idle session.

    uv run python -m benchmarks.visitors            # full: about 6 minutes
    uv run python -m benchmarks.visitors --quick    # CI smoke run, < 60 s
    uv run python -m benchmarks.visitors --no-post-script-gc
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from benchmarks.common import (
    GC_OFF,
    emit_json,
    mark,
    p50,
    p95,
    rss_kb,
    serve,
    server_pid,
    table,
)
from benchmarks.ws import AsyncSession, ensure_ok, today_goal

THROUGHPUT_TARGET = 25.0  # check-ins per second with 100 sessions
IDLE_TARGET_KB = 300.0
SETUP_CONCURRENCY = 8
STATUSES = ("done", "partly")


@dataclass
class Load:
    sessions: int
    seconds: float = 0.0
    setup_s: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    rss_before_kb: int = 0
    rss_after_kb: int = 0
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0

    @property
    def per_second(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (from /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_goal(session: AsyncSession) -> str:
    return today_goal(session.screen.values())


async def bounded(jobs: Sequence[Callable[[], Awaitable[None]]], limit: int) -> None:
    gate = asyncio.Semaphore(limit)

    async def one(job: Callable[[], Awaitable[None]]) -> None:
        async with gate:
            await job()

    await asyncio.gather(*(one(job) for job in jobs))


async def start_demo(session: AsyncSession) -> None:
    await session.connect()
    ensure_ok(await session.open("data"), "open Your data")
    ensure_ok(await session.click("demo-start"), "Try a demo")
    ensure_ok(await session.open(""), "open Today")
    ensure_ok(await session.check_in_today(first_goal(session), "partly"),
              "first check-in")  # warm-up


async def hammer(session: AsyncSession, deadline: float, latencies: list[float]) -> float:
    """Check in as fast as the server answers until the deadline, and at least once (so
    the figure is honest when one round of all sessions outlasts the deadline).
    Returns when the last check-in finished."""
    turn, finished = 0, time.perf_counter()
    while turn == 0 or finished < deadline:
        run = ensure_ok(await session.check_in_today(first_goal(session), STATUSES[turn % 2]),
                        "check-in")
        finished = time.perf_counter()
        latencies.append(run.seconds * 1000)
        turn += 1
    return finished


async def load(port: int, pid: int, sessions: int, seconds: float) -> Load:
    result = Load(sessions)
    clients = [AsyncSession(port, timeout=600) for _ in range(sessions)]
    try:
        started = time.perf_counter()
        await bounded([partial(start_demo, c) for c in clients], SETUP_CONCURRENCY)
        result.setup_s = time.perf_counter() - started
        result.rss_before_kb = rss_kb(pid)
        cpu, client_cpu = cpu_seconds(pid), time.process_time()
        started = time.perf_counter()
        ends = await asyncio.gather(*(hammer(c, started + seconds, result.latencies_ms)
                                      for c in clients))
        result.seconds = max(ends) - started
        result.server_cpu_s = cpu_seconds(pid) - cpu
        result.client_cpu_s = time.process_time() - client_cpu
        result.rss_after_kb = rss_kb(pid)
    finally:
        await asyncio.gather(*(c.close() for c in clients), return_exceptions=True)
    return result


@dataclass
class Idle:
    sessions: int
    before_kb: int = 0
    after_kb: int = 0
    closed_kb: int = 0

    @property
    def per_session_kb(self) -> float:
        return (self.after_kb - self.before_kb) / self.sessions


async def idle(port: int, pid: int, sessions: int, settle: float) -> Idle:
    result = Idle(sessions)
    async with AsyncSession(port) as warm:  # the first visitor pays for imports and caches
        for _ in range(3):
            ensure_ok(await warm.open(""), "open Today")
        await asyncio.sleep(settle)
        result.before_kb = rss_kb(pid)
        clients = [AsyncSession(port, timeout=300) for _ in range(sessions)]

        async def visit(client: AsyncSession) -> None:
            await client.connect()
            ensure_ok(await client.open(""), "open Today")

        try:
            await bounded([partial(visit, c) for c in clients], SETUP_CONCURRENCY)
            await asyncio.sleep(settle)
            result.after_kb = rss_kb(pid)
        finally:
            await asyncio.gather(*(c.close() for c in clients), return_exceptions=True)
        await asyncio.sleep(settle)
        result.closed_kb = rss_kb(pid)
    return result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 and 5 sessions, 2 s each")
    parser.add_argument("--sessions", type=int, nargs="*", default=[1, 10, 50, 100])
    parser.add_argument("--seconds", type=float, default=20.0, help="load time per N")
    parser.add_argument("--idle", type=int, default=100, help="idle sessions for RSS")
    parser.add_argument("--no-post-script-gc", action="store_true",
                        help="run the server with --runner.postScriptGC false")
    args = parser.parse_args(argv)
    settle = 2.0
    if args.quick:
        args.sessions, args.seconds, args.idle, settle = [1, 5], 2.0, 5, 0.5
    options = GC_OFF if args.no_post_script_gc else ()
    began = time.perf_counter()
    loads: list[Load] = []
    with tempfile.TemporaryDirectory(prefix="small-steps-visitors-") as tmp:
        for n in args.sessions:
            with serve(Path(tmp) / "unused.db", mode="hosted", options=options) as server:
                loads.append(asyncio.run(load(server.port, server_pid(server), n,
                                              args.seconds)))
            print(f"  {n:>4} sessions: {loads[-1].per_second:6.1f} check-ins/s", flush=True)
        with serve(Path(tmp) / "unused.db", mode="hosted", options=options) as server:
            idle_result = asyncio.run(idle(server.port, server_pid(server), args.idle, settle))
    report(loads, idle_result, args)
    print(f"took {time.perf_counter() - began:.0f} s")


def report(loads: list[Load], idle_result: Idle, args: argparse.Namespace) -> None:
    rows = []
    for r in loads:
        ok = r.per_second >= THROUGHPUT_TARGET if r.sessions == 100 else None
        cpu_ms = 1000 * r.server_cpu_s / len(r.latencies_ms) if r.latencies_ms else 0.0
        rows.append((r.sessions, len(r.latencies_ms), r.seconds, r.per_second, p50(r.latencies_ms),
                     p95(r.latencies_ms), cpu_ms, r.server_cpu_s / r.seconds,
                     r.client_cpu_s / r.seconds, r.rss_after_kb / 1024, r.setup_s,
                     f">= {THROUGHPUT_TARGET:.0f}/s" if r.sessions == 100 else "-", mark(ok)))
    print()
    print(table(("sessions", "check-ins", "in s", "per s", "p50 ms", "p95 ms", "server CPU ms each",
                 "server cores", "client cores", "RSS MB", "setup s", "target", ""), rows))
    idle_ok = idle_result.per_session_kb <= IDLE_TARGET_KB
    print()
    print(table(("idle sessions", "RSS before MB", "RSS after MB", "KB per session",
                 "RSS after close MB", "target", ""),
                [(idle_result.sessions, idle_result.before_kb / 1024,
                  idle_result.after_kb / 1024, idle_result.per_session_kb,
                  idle_result.closed_kb / 1024, f"<= {IDLE_TARGET_KB:.0f} KB",
                  mark(idle_ok))]))
    emit_json({
        "bench": "visitors", "quick": args.quick, "seconds_per_load": args.seconds,
        "forced_post_script_gc_off": args.no_post_script_gc,
        "loads": [{"sessions": r.sessions, "check_ins": len(r.latencies_ms), "seconds": r.seconds,
                   "per_s": r.per_second, "p50_ms": p50(r.latencies_ms),
                   "p95_ms": p95(r.latencies_ms),
                   "server_cpu_ms_per_check_in": (1000 * r.server_cpu_s / len(r.latencies_ms)
                                                  if r.latencies_ms else None),
                   "rss_before_kb": r.rss_before_kb, "rss_after_kb": r.rss_after_kb,
                   "setup_s": r.setup_s} for r in loads],
        "idle": {"sessions": idle_result.sessions, "before_kb": idle_result.before_kb,
                 "after_kb": idle_result.after_kb, "closed_kb": idle_result.closed_kb,
                 "per_session_kb": idle_result.per_session_kb, "target_ok": idle_ok},
        "throughput_target_ok": next((r.per_second >= THROUGHPUT_TARGET for r in loads
                                      if r.sessions == 100), None),
    })


if __name__ == "__main__":
    main()
