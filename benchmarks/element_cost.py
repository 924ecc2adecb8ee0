"""What does one more element cost a rerun? Streamlit's per-element price, measured.

For each kind of element, two probe servers run `benchmarks/element_app.py` with 1 and
with `--count` copies of it, on the project's server settings. Each is rerun over the
websocket, interleaved with the floor page (a one-line script), and the figures are the
extra cost of each copy beyond the first: script-thread CPU (time.thread_time inside the
script) and end-to-end rerun time (rerun sent → "script finished" received). This is the
yardstick behind the "× floor" targets: a page's ratio is roughly its element count
times these figures over the floor's p50.

    uv run python -m benchmarks.element_cost
    uv run python -m benchmarks.element_cost --quick
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.common import emit_json, p50, serve, table
from benchmarks.page_latency import interleaved
from benchmarks.ws import Session

PROBE = "benchmarks/element_app.py"
FLOOR = "benchmarks/floor_app.py"
KINDS = ("text", "markdown", "caption", "progress", "page_link", "container+text",
         "fragment+text", "button", "segmented_control")


def probe(kind: str, count: int, floor: Session, folder: Path, *, reruns: int, warmup: int,
          gap: float) -> tuple[float, float, float]:
    """(script CPU p50, rerun p50, floor p50) in ms for `count` elements of `kind`."""
    times = folder / f"{kind}-{count}.txt"
    env = {"SMALL_STEPS_PROBE_KIND": kind, "SMALL_STEPS_PROBE_COUNT": str(count),
           "SMALL_STEPS_PROBE_TIMES": str(times)}
    with serve(folder / "probe.db", script=PROBE, env=env) as server, \
            Session(server.port) as session:
        session.open("")
        samples = interleaved({kind: session}, {kind: None}, floor, warmup=warmup,
                              reruns=reruns, gap=gap)[kind]
    cpu = [float(line) for line in times.read_text().split()][-reruns:]  # the measured runs
    return statistics.median(cpu), p50(samples.page), p50(samples.floor)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two kinds, 3 copies, 2 reruns")
    parser.add_argument("--count", type=int, default=21, help="copies in the big probe")
    parser.add_argument("--reruns", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--gap", type=float, default=0.1, help="seconds between reruns")
    parser.add_argument("--kinds", nargs="*", choices=KINDS, default=list(KINDS))
    args = parser.parse_args(argv)
    if args.quick:
        args.kinds, args.count, args.reruns, args.warmup, args.gap = \
            ["text", "segmented_control"], 3, 2, 1, 0.05
    started = time.perf_counter()
    rows, found = [], {}
    with tempfile.TemporaryDirectory(prefix="small-steps-elements-") as tmp:
        folder = Path(tmp)
        with serve(folder / "floor.db", script=FLOOR) as floor_server, \
                Session(floor_server.port) as floor:
            floor.open("")
            for kind in args.kinds:
                cpu_1, wall_1, floor_1 = probe(kind, 1, floor, folder, reruns=args.reruns,
                                               warmup=args.warmup, gap=args.gap)
                cpu_n, wall_n, floor_n = probe(kind, args.count, floor, folder,
                                               reruns=args.reruns, warmup=args.warmup,
                                               gap=args.gap)
                extra = args.count - 1
                floor_p50 = statistics.median([floor_1, floor_n])
                each_cpu, each_wall = (cpu_n - cpu_1) / extra, (wall_n - wall_1) / extra
                found[kind] = {"cpu_ms_each": each_cpu, "rerun_ms_each": each_wall,
                               "floor_p50_ms": floor_p50, "rerun_p50_ms_1": wall_1,
                               f"rerun_p50_ms_{args.count}": wall_n,
                               "floor_share_each": each_wall / floor_p50}
                rows.append((kind, f"{each_cpu:.3f}", f"{each_wall:.2f}", f"{wall_1:.1f}",
                             f"{wall_n:.1f}", f"{floor_p50:.2f}",
                             f"{each_wall / floor_p50:.3f}"))
                print(f"  {kind:<18} {each_cpu:.3f} ms CPU, {each_wall:.2f} ms per rerun",
                      flush=True)
    print()
    print(table(("element", "script CPU ms each", "rerun ms each", "p50 × 1",
                 f"p50 × {args.count}", "floor p50", "× floor each"), rows))
    emit_json({"bench": "element_cost", "quick": args.quick, "count": args.count,
               "reruns": args.reruns, "gap_s": args.gap, "kinds": found})
    print(f"took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
