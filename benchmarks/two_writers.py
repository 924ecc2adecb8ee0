"""Two processes writing to one SQLite file at once: how many writes, how many lost.

    uv run python -m benchmarks.two_writers            # 20 s
    uv run python -m benchmarks.two_writers --quick    # 3 s

Each process is a visitor doing mixed reads, check-in saves and goal edits (the same
worker the reliability tests use); afterwards every counted write must be in the file.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import tempfile
import time
from pathlib import Path

from core import store
from tests.test_faults import DAYS, new_goal, visitor


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    seconds = 3.0 if args.quick else args.seconds
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "shared.db"
        owners = ["process-a", "process-b"]
        goals = [new_goal(path, owner) for owner in owners]
        start = time.perf_counter()
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            results = pool.starmap(visitor, [(str(path), owners[i], goals[i], seconds, i)
                                             for i in range(2)])
        elapsed = time.perf_counter() - start
        db = store.open_db(path)
        rows = []
        for owner, (saves, edits, errors) in zip(owners, results, strict=True):
            stored = db.execute("SELECT count(*) FROM check_ins WHERE owner = ?",
                                [owner]).fetchone()[0]
            versions = db.execute("SELECT count(*) FROM goal_versions WHERE owner = ?",
                                  [owner]).fetchone()[0]
            lost = (min(saves, DAYS) - stored) + (edits + 1 - versions)
            rows.append({"process": owner, "saves": saves, "edits": edits,
                         "errors": len(errors), "lost": lost})
    print(f"{'process':<10} {'saves':>7} {'edits':>6} {'errors':>6} {'lost':>5}")
    for r in rows:
        print(f"{r['process']:<10} {r['saves']:>7} {r['edits']:>6} {r['errors']:>6} "
              f"{r['lost']:>5}")
    total = sum(r["saves"] + r["edits"] for r in rows)
    print(f"{total} writes in {elapsed:.1f} s ({total / elapsed:.0f}/s), "
          f"lost {sum(r['lost'] for r in rows)}")
    print("JSON: " + json.dumps({"seconds": seconds, "writes": total, "rows": rows}))


if __name__ == "__main__":
    main()
