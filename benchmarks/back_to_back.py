"""Does a rerun that closely follows the last answer wait? Nagle's algorithm, measured.

Streamlit 1.67's own listening socket leaves Nagle's algorithm on (see ui/network.py),
so when a rerun follows the previous answer closely, its later messages wait for the
client's delayed acknowledgement. Small Steps turns it off in its server process. This
reruns a one-element page on plain Streamlit (benchmarks/element_app.py), the floor page
(the same, with ui.network) and Small Steps' Today page, each back to back and with a
100 ms pause, and prints the p50s.

    uv run python -m benchmarks.back_to_back
    uv run python -m benchmarks.back_to_back --quick
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.common import emit_json, p50, serve, table
from benchmarks.data import fresh_copy
from benchmarks.ws import Session, ensure_ok

GAPS = (0.0, 0.1)


def timings(session: Session, *, reruns: int, gap: float) -> float:
    session.rerun()  # settle
    found = []
    for _ in range(reruns):
        found.append(ensure_ok(session.rerun(), "rerun").seconds * 1000)
        time.sleep(gap)
    return p50(found)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 reruns each")
    parser.add_argument("--reruns", type=int, default=30)
    args = parser.parse_args(argv)
    reruns = 3 if args.quick else args.reruns
    rows, found = [], {}
    with tempfile.TemporaryDirectory(prefix="small-steps-b2b-") as tmp:
        folder = Path(tmp)
        apps = (("one text, plain Streamlit", folder / "plain.db", "benchmarks/element_app.py"),
                ("floor page (with ui.network)", folder / "floor.db", "benchmarks/floor_app.py"),
                ("Small Steps Today, 1 month", fresh_copy("month", dt.date.today(), folder),
                 "streamlit_app.py"))
        for label, db, script in apps:
            with serve(db, script=script) as server, Session(server.port) as session:
                session.open("")
                figures = {gap: timings(session, reruns=reruns, gap=gap) for gap in GAPS}
            found[label] = {f"gap_{gap:g}s_p50_ms": ms for gap, ms in figures.items()}
            rows.append((label, *(f"{figures[gap]:.1f}" for gap in GAPS)))
    print(table(("page", "back to back p50 ms", "100 ms apart p50 ms"), rows))
    emit_json({"bench": "back_to_back", "quick": args.quick, "reruns": reruns, "pages": found})


if __name__ == "__main__":
    main()
