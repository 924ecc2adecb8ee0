"""How fast does Small Steps start? Health check, first Today, and importing `core`.

- Process start -> /_stcore/health answers 200 (median of 5 starts), next to the same for
  the one-line floor app (benchmarks/floor_app.py), so the ratio shows what is ours.
- The first full run of Today over the websocket on each fresh server (the first visitor
  pays for importing every page's modules), and a second, warm run for comparison.
- `import core` (and every core module the pages use) in a fresh interpreter, timed
  inside it (interpreter start-up excluded), median of 5; plus which top-level packages
  the full import spends its time in (`python -X importtime`).

Targets (shown, never asserted): health <= 2 s; import core <= 150 ms.

    uv run python -m benchmarks.startup            # full: about 2 minutes
    uv run python -m benchmarks.startup --quick    # CI smoke run, < 60 s
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from benchmarks.common import emit_json, mark, p50, serve, table
from benchmarks.data import fresh_copy
from benchmarks.ws import Session
from tests.server import ROOT

HEALTH_TARGET_S = 2.0
IMPORT_TARGET_MS = 150.0
ALL_CORE = ("core.models", "core.store", "core.overview", "core.progress", "core.smart",
            "core.safety", "core.export", "core.demo", "core.summary", "core.calendar")
IMPORTS = {
    "import core": ("core",),
    "core.store + core.overview (Today)": ("core.store", "core.overview"),
    "all core modules": ALL_CORE,
}


def import_ms(modules: Sequence[str]) -> float:
    code = ("import time; s = time.perf_counter()\n"
            + "".join(f"import {m}\n" for m in modules)
            + "print((time.perf_counter() - s) * 1000)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


def heaviest_imports(modules: Sequence[str], top: int = 8) -> list[tuple[str, float]]:
    """Import time (each module's own time) summed per top-level package, from
    `python -X importtime`: which packages importing all of `core` really pays for."""
    code = "".join(f"import {m}\n" for m in modules)
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=ROOT,
                         check=True, capture_output=True, text=True).stderr
    totals: dict[str, float] = defaultdict(float)
    for line in err.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+\d+ \| +(\S+)", line)
        if found:
            totals[found.group(2).split(".")[0]] += int(found.group(1)) / 1000
    return sorted(totals.items(), key=lambda kv: kv[1], reverse=True)[:top]


def starts(count: int, folder: Path) -> dict[str, list[float]]:
    found: dict[str, list[float]] = defaultdict(list)
    for _ in range(count):
        with serve(folder / "floor.db", script="benchmarks/floor_app.py") as floor:
            found["floor_health_s"].append(floor.started_in)
        db = fresh_copy("month", dt.date.today(), folder)
        with serve(db, mode="local") as server:
            found["health_s"].append(server.started_in)
            with Session(server.port) as session:
                first = session.open("")
                if first.status != "ok" or first.errors:
                    raise RuntimeError(f"first Today failed: {first.errors}")
                found["first_today_s"].append(first.seconds)
                found["second_today_s"].append(session.rerun().seconds)
    return found


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 start, 1 import each")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat = 1
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="small-steps-startup-") as tmp:
        found = starts(args.repeat, Path(tmp))
    imports = {label: [import_ms(mods) for _ in range(args.repeat)]
               for label, mods in IMPORTS.items()}
    heavy = heaviest_imports(ALL_CORE)

    health = p50(found["health_s"])
    rows = [
        ("start -> health 200 (app)", health * 1000, f"<= {HEALTH_TARGET_S * 1000:.0f}",
         mark(health <= HEALTH_TARGET_S)),
        ("start -> health 200 (floor app)", p50(found["floor_health_s"]) * 1000, "-", ""),
        ("first Today run (websocket)", p50(found["first_today_s"]) * 1000, "-", ""),
        ("second Today run", p50(found["second_today_s"]) * 1000, "-", ""),
    ]
    for label, values in imports.items():
        ok = p50(values) <= IMPORT_TARGET_MS
        rows.append((label, p50(values), f"<= {IMPORT_TARGET_MS:.0f}", mark(ok)))
    print(table((f"what (median of {args.repeat})", "ms", "target", ""), rows))
    print()
    print(table(("all core modules: import time by package", "own ms"), heavy))
    emit_json({
        "bench": "startup", "quick": args.quick, "repeat": args.repeat,
        "health_s": health, "floor_health_s": p50(found["floor_health_s"]),
        "first_today_s": p50(found["first_today_s"]),
        "second_today_s": p50(found["second_today_s"]),
        "all_health_s": found["health_s"],
        "import_ms": {label: p50(v) for label, v in imports.items()},
        "heaviest_imports_ms": dict(heavy),
        "health_target_ok": health <= HEALTH_TARGET_S,
        "import_core_target_ok": p50(imports["import core"]) <= IMPORT_TARGET_MS,
        "import_all_core_target_ok": p50(imports["all core modules"]) <= IMPORT_TARGET_MS,
    })
    print(f"took {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
