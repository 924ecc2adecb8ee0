"""Crashes and faults: killed mid-write, double submits, many visitors at once, damaged
or read-only files, and old databases — nothing saved is ever lost."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlite_utils import Database
from streamlit.testing.v1 import AppTest

from core import store
from core.migrations import migrations
from core.models import CheckInDraft, GoalDraft, WinDraft, parse
from tests.conftest import NOW, TODAY, board_words, in_threads, open_page
from ui.session import DB_ENV, LOCAL_OWNER, MODE_ENV

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
KILLS = int(os.environ.get("SMALL_STEPS_KILLS", "50"))
DAYS = 9000  # distinct check-in days a visitor cycles through
SECONDS = float(os.environ.get("SMALL_STEPS_CONCURRENCY_SECONDS", "20"))


def new_goal(path: Path, owner: str = LOCAL_OWNER, text: str = "Walk 5 minutes today") -> str:
    db = store.open_db(path)
    goal = store.add_goal(
        db, owner=owner, now=NOW, draft=parse(GoalDraft, {"text": text, "start_date": TODAY})
    )
    db.close()
    return goal.id


@pytest.mark.slow
def test_killed_mid_write_loses_nothing_that_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "kill.db"
    goal_id = new_goal(path)
    confirmed: set[int] = set()
    rng = random.Random(7)
    next_i = 0
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.fault_worker", str(path), goal_id, str(next_i)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # wait until it is really writing
        if first.startswith("ok "):
            confirmed.add(int(first.split()[1]))
        time.sleep(rng.uniform(0, 0.15))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        confirmed |= {int(line.split()[1]) for line in rest.splitlines() if line.startswith("ok ")}
        next_i = max(confirmed, default=next_i - 1) + 1
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    base = dt.date(2026, 11, 26)
    saved = {
        (base - dt.date.fromisoformat(day)).days: note
        for day, note in db.execute("SELECT day, note FROM check_ins")
    }
    assert confirmed <= set(saved), f"lost {len(confirmed - set(saved))} confirmed saves"
    for i, note in saved.items():  # nothing half-written
        assert note == f"note {i}:" + "x" * (i % 300)
    version, top = db.execute(
        "SELECT g.version, max(v.version) FROM goals g JOIN goal_versions v "
        "ON v.owner = g.owner AND v.goal_id = g.id"
    ).fetchone()
    assert version == top
    print(
        f"\nkill test: {KILLS} kills, {len(confirmed)} confirmed saves, {len(saved)} rows, lost 0"
    )


def test_double_submit_makes_one_check_in(tmp_path: Path) -> None:
    path = tmp_path / "double.db"
    goal_id = new_goal(path)
    barrier = threading.Barrier(2)

    def submit(_t: int) -> None:
        db = store.open_db(path)
        draft = parse(CheckInDraft, {"goal_id": goal_id, "day": TODAY, "status": "done"})
        barrier.wait()
        store.save_check_in(db, owner=LOCAL_OWNER, draft=draft, now=NOW)

    assert in_threads(submit, 2) == []
    db = store.open_db(path)
    assert db.execute("SELECT count(*) FROM check_ins").fetchone()[0] == 1


def visitor(
    path: str, owner: str, goal_id: str, seconds: float, seed: int
) -> tuple[int, int, list[str]]:
    """Mixed reads and read-then-write saves for `seconds`; returns (check-ins saved,
    goal edits, errors)."""
    from core import overview

    rng = random.Random(seed)
    db = store.open_db(path)
    saves = edits = 0
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            roll = rng.random()
            if roll < 0.4:
                overview.goal_cards(db, owner=owner, today=TODAY)
                store.weekly_counts(db, owner=owner, today=TODAY)
            elif roll < 0.8:
                # days wrap before year 2000 (the earliest day the model accepts); a
                # wrapped save replaces its day's row, so the file holds min(saves, DAYS)
                day = TODAY - dt.timedelta(days=saves % DAYS)
                store.save_check_in(
                    db,
                    owner=owner,
                    now=NOW,
                    draft=parse(CheckInDraft, {"goal_id": goal_id, "day": day, "status": "done"}),
                )
                saves += 1
            else:
                store.update_goal(
                    db,
                    owner=owner,
                    goal_id=goal_id,
                    reason="edited",
                    now=NOW,
                    today=TODAY,
                    changes={"text": f"Walk {edits + 2} minutes"},
                )
                edits += 1
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
    db.close()
    return saves, edits, errors


def check_counts(path: Path, owners: list[str], results: list[tuple[int, int, list[str]]]) -> None:
    db = store.open_db(path)
    for owner, (saves, edits, errors) in zip(owners, results, strict=True):
        assert errors == [], errors[:3]
        stored = db.execute("SELECT count(*) FROM check_ins WHERE owner = ?", [owner]).fetchone()
        versions = db.execute(  # the newest version's number counts every edit (the
            # oldest in-between versions make way past core.limits.MAX_VERSIONS)
            "SELECT max(version) FROM goal_versions WHERE owner = ?", [owner]
        ).fetchone()
        assert stored[0] == min(saves, DAYS), "lost check-ins"
        assert versions[0] == edits + 1, "lost goal edits"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    total = sum(r[0] + r[1] for r in results)
    print(f"\n{len(owners)} visitors, {SECONDS:g}s: {total} writes, 0 lost, 0 errors")


@pytest.mark.slow
def test_eight_threads_at_once_lock_nothing_and_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "threads.db"
    owners = [f"visitor{t}" for t in range(8)]
    goals = [new_goal(path, owner) for owner in owners]
    results: list[tuple[int, int, list[str]]] = [(0, 0, [])] * 8

    def run(t: int) -> None:
        results[t] = visitor(str(path), owners[t], goals[t], SECONDS, t)

    assert in_threads(run, 8) == []
    check_counts(path, owners, results)


@pytest.mark.slow
def test_two_processes_at_once_lock_nothing_and_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "processes.db"
    owners = ["process-a", "process-b"]
    goals = [new_goal(path, owner) for owner in owners]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.starmap(
            visitor, [(str(path), owners[i], goals[i], SECONDS, i) for i in range(2)]
        )
    check_counts(path, owners, results)


# ---------------------------------------------------------------- damaged files


def shown(at: AppTest) -> str:
    return " ".join(
        str(getattr(e, "value", ""))
        for kind in ("error", "warning", "markdown", "text")
        for e in at.get(kind)
    )


@pytest.mark.parametrize("name", ["today", "checkin", "wins", "data", "help"])
def test_a_garbage_file_is_explained_and_never_touched(local_app: Path, name: str) -> None:
    local_app.parent.mkdir(parents=True)
    garbage = os.urandom(4096)
    local_app.write_bytes(garbage)
    at = open_page(name)
    assert not at.exception
    assert at.page_link[0].value == "Need help now?"
    if name != "help":
        assert "looks damaged" in shown(at) and "Keep a copy" in shown(at)
    assert local_app.read_bytes() == garbage
    assert not local_app.with_name(local_app.name + "-wal").exists()


@pytest.mark.parametrize("table", ["goals", "check_ins"])
def test_damage_inside_a_table_is_explained_and_never_touched(local_app: Path,
                                                              table: str) -> None:
    """Random bytes over one table's first page (the file's header is fine): every page
    says "looks damaged" (found once, at open) instead of raising, or writing on."""
    goal_id = new_goal(local_app)
    db = store.open_db(local_app)
    for n in range(40):
        store.save_check_in(db, owner=LOCAL_OWNER, now=NOW, draft=parse(CheckInDraft, {
            "goal_id": goal_id, "day": TODAY - dt.timedelta(days=n), "status": "done",
            "note": f"note {n}"}))
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    size = db.execute("PRAGMA page_size").fetchone()[0]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    store.connection._migrated.clear()  # a new server process opens the file
    with local_app.open("r+b") as file:
        file.seek((root - 1) * size)
        file.write(random.Random(7).randbytes(size))
    damaged = local_app.read_bytes()
    for name in ("today", "checkin", "wins", "data", "help"):
        at = open_page(name)
        assert not at.exception, name
        assert at.page_link[0].value == "Need help now?"
        if name != "help":
            assert "looks damaged" in shown(at) and "Keep a copy" in shown(at), name
    assert local_app.read_bytes() == damaged


def test_damage_found_while_reading_is_explained_but_bugs_are_not_hidden(
        local_app: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    new_goal(local_app)

    def broken(*args: object, **kwargs: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(store, "list_goals", broken)
    at = open_page("data")
    assert not at.exception and "looks damaged" in shown(at)

    def typo(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("no such column: sttaus")

    monkeypatch.setattr(store, "list_goals", typo)
    at = open_page("data")
    assert at.exception and "looks damaged" not in shown(at)


def test_a_leftover_wal_from_a_crash_is_recovered(local_app: Path, tmp_path: Path) -> None:
    goal_id = new_goal(local_app)
    live = store.open_db(local_app)
    live.execute("PRAGMA wal_autocheckpoint = 0")
    store.save_check_in(
        live,
        owner=LOCAL_OWNER,
        now=NOW,
        draft=parse(
            CheckInDraft,
            {
                "goal_id": goal_id,
                "day": dt.date.today(),
                "status": "done",
                "note": "in the wal only",
            },
        ),
    )
    crashed = tmp_path / "crashed" / "small-steps.db"
    crashed.parent.mkdir()
    for suffix in ("", "-wal", "-shm"):  # the files as a crash would leave them
        shutil.copy(f"{local_app}{suffix}", f"{crashed}{suffix}")
    os.environ[DB_ENV] = str(crashed)
    at = open_page("checkin")
    assert not at.exception and "looks damaged" not in shown(at)
    saved = store.get_check_in(
        store.open_db(crashed), owner=LOCAL_OWNER, goal_id=goal_id, day=dt.date.today()
    )
    assert saved is not None and saved.note == "in the wal only"


def test_a_garbage_wal_does_not_break_the_app(local_app: Path) -> None:
    new_goal(local_app, text="Survives a bad wal")
    local_app.with_name(local_app.name + "-wal").write_bytes(os.urandom(8192))
    at = open_page("today")
    assert not at.exception
    assert "Survives a bad wal" in board_words(at)


READ_ONLY_SCRIPT = """
import json, os, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=60).switch_page("pages/today.py").run()
print(json.dumps({"errors": [e.value for e in at.error], "exceptions": len(at.exception),
                  "help": [p.value for p in at.page_link][:1]}))
"""


@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "existing-file"])
def test_a_read_only_folder_is_explained(tmp_path: Path, existing: bool) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "small-steps.db"
    if existing:
        new_goal(path)  # closed cleanly: SQLite removes the -wal and -shm files
    before = path.read_bytes() if existing else None
    folder.chmod(0o555)
    env = os.environ | {DB_ENV: str(path), MODE_ENV: "local", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", READ_ONLY_SCRIPT, str(ROOT / "streamlit_app.py")]
    if os.geteuid() == 0:  # root ignores file permissions unless we drop that power
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]
    try:
        result = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
    finally:
        folder.chmod(0o755)
    import json

    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["exceptions"] == 0 and out["help"] == ["Need help now?"]
    assert any("can't" in e and "writable" in e for e in out["errors"]), out["errors"]
    if existing:
        assert path.read_bytes() == before


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("db_*.sql")), ids=lambda p: p.stem)
def test_every_old_schema_migrates_without_losing_a_row(tmp_path: Path, fixture: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(fixture.read_text(encoding="utf-8"))
    tables = ("owners", "goals", "goal_versions", "check_ins", "wins")
    before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    conn.close()
    db = store.open_db(path)
    assert migrations.pending(db) == []
    after = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    assert after == before
    for goal in store.list_goals(db, owner=LOCAL_OWNER):  # and every row still reads
        assert store.goal_versions(db, owner=LOCAL_OWNER, goal_id=goal.id)
    goals = db.execute("SELECT count(*) FROM goals").fetchone()[0]
    assert db.execute("SELECT count(*) FROM goal_marks").fetchone()[0] == goals  # m003 filled
    plan = store.get_plan(db, owner=LOCAL_OWNER)  # m004: none yet, or the plan as written
    if fixture.stem >= "db_m004":
        assert plan is not None and plan.people[0].dial == "0400123456"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_there_is_a_fixture_for_every_migration() -> None:
    names = {m.name for m in migrations._migrations}
    assert {p.stem.removeprefix("db_") for p in FIXTURES.glob("db_*.sql")} == names


def test_a_write_that_the_disk_refuses_becomes_a_kind_message(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    new_goal(path)
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    db = Database(read_only)
    with pytest.raises(store.StoreProblem, match="can't write"):
        store.add_win(
            db,
            owner=LOCAL_OWNER,
            now=NOW,
            draft=parse(WinDraft, {"text": "Drank water", "day": TODAY}),
        )
