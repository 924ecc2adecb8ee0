"""A child process for the fault tests: saves check-ins (and edits a goal) in a loop,
printing "ok N" only after save N has committed. The parent kills it at random moments.

    python -m tests.fault_worker DB GOAL_ID FIRST
"""

from __future__ import annotations

import datetime as dt
import sys

from core import store
from core.models import CheckInDraft, parse

BASE = dt.date(2026, 11, 26)


def main(path: str, goal_id: str, first: int) -> None:
    db = store.open_db(path)
    now = dt.datetime(2026, 11, 26, 12)
    i = first
    while True:
        draft = parse(CheckInDraft, {"goal_id": goal_id, "day": BASE - dt.timedelta(days=i),
                                     "status": "done", "mood": 1 + i % 5,
                                     "note": f"note {i}:" + "x" * (i % 300)})
        store.save_check_in(db, owner="local", draft=draft, now=now)
        if i % 7 == 0:
            store.update_goal(db, owner="local", goal_id=goal_id, reason="edited", now=now,
                              today=BASE, changes={"text": f"Walk for {i % 50 + 1} minutes today"})
        print(f"ok {i}", flush=True)
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
