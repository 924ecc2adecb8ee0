"""What one space may hold (core.limits): every path that writes stops at every limit,
undoes the whole write, and says so kindly; export writes whatever is held and import
accepts exactly what the store accepts, up to a space full to every limit."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from benchmarks.capped_space import TODAY as FULL_TODAY
from benchmarks.capped_space import full_space
from core import export, limits, store
from core.models import (
    CheckInDraft,
    DreamDraft,
    GoalDraft,
    InvalidInput,
    WinDraft,
    parse,
)
from core.store.room import usage
from tests.conftest import NOW, TODAY, make_goal


@pytest.fixture
def db() -> Database:
    return store.memory_db()


def tables(db: Database) -> dict[str, int]:
    return {t: db[t].count for t in db.table_names()}


def refused_whole(db: Database, write: Callable[[], object], words: str) -> None:
    before = tables(db)
    with pytest.raises(store.LimitReached, match=words):
        write()
    assert tables(db) == before


def draft(text: str = "Walk for 10 minutes after lunch") -> GoalDraft:
    return parse(GoalDraft, {"text": text, "start_date": TODAY - dt.timedelta(days=60)},
                 today=TODAY)


def test_goals(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_GOALS", 2)
    make_goal(db)
    make_goal(db)
    refused_whole(db, lambda: make_goal(db), "2 goals")
    make_goal(db, owner="bob")  # other people are not limited by me


def test_versions_per_goal_and_in_all(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_VERSIONS", 3)
    goal = make_goal(db)
    for when in ("after lunch", "after dinner", "at 6 pm", "at 7 pm"):
        store.update_goal(db, owner="alice", goal_id=goal.id, changes={"when": when},
                          reason="changed when", now=NOW, today=TODAY)
    kept = store.goal_versions(db, owner="alice", goal_id=goal.id)
    assert [v.version for v in kept] == [1, 4, 5]  # the first and the newest stay
    assert kept[-1].when == "at 7 pm"
    monkeypatch.setattr(limits, "MAX_ALL_VERSIONS", 4)
    make_goal(db)
    make_goal(db)  # 5 in all: the longest history gives up its oldest in-between version
    assert [v.version for v in store.goal_versions(db, owner="alice", goal_id=goal.id)] == [
        1, 5]
    refused_whole(db, lambda: make_goal(db), "versions of goals")  # nothing left between


def test_a_space_already_past_a_limit_can_still_do_the_rest(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Older versions of Small Steps had looser limits: such a space keeps working, and
    only what would add to what is over is refused."""
    goal = make_goal(db)
    for n in range(3):
        store.add_win(db, owner="alice", now=NOW,
                      draft=parse(WinDraft, {"text": f"Win {n}", "day": TODAY}))
    monkeypatch.setattr(limits, "MAX_WINS", 1)
    monkeypatch.setattr(limits, "MAX_WINS_PER_DAY", 1)
    store.save_check_in(db, owner="alice", now=NOW, draft=parse(
        CheckInDraft, {"goal_id": goal.id, "day": TODAY, "status": "done"}))
    store.save_setting(db, owner="alice", key="country", value="GB", now=NOW)
    refused_whole(db, lambda: store.add_win(
        db, owner="alice", now=NOW, draft=parse(WinDraft, {"text": "One more",
                                                           "day": TODAY})), "wins")


def test_an_older_file_with_a_long_history_comes_in_trimmed(db: Database) -> None:
    source = store.memory_db()
    goal = make_goal(source)
    edits = limits.MAX_VERSIONS + 20
    with pytest.MonkeyPatch.context() as patch:  # an older Small Steps kept every edit
        patch.setattr(limits, "MAX_VERSIONS", 1_000)
        for n in range(edits):
            store.update_goal(source, owner="alice", goal_id=goal.id,
                              changes={"when": f"at {n % 12 + 1} pm, try {n}"},
                              reason="changed when", now=NOW, today=TODAY)
    raw = export.to_json(source, owner="alice", now=NOW)
    export.import_space(db, owner="bob", now=NOW, file=export.parse_import(raw, today=TODAY))
    kept = store.goal_versions(db, owner="bob", goal_id=goal.id)
    assert len(kept) == limits.MAX_VERSIONS
    assert kept[0].version == 1 and kept[-1].version == edits + 1


def test_check_ins_never_in_the_future_and_capped(db: Database,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    goal = make_goal(db)

    def check_in(day: dt.date) -> object:
        return store.save_check_in(db, owner="alice", now=NOW, draft=parse(
            CheckInDraft, {"goal_id": goal.id, "day": day, "status": "done"}, today=TODAY))

    before = tables(db)
    with pytest.raises(InvalidInput, match="not the future"):
        check_in(TODAY + dt.timedelta(days=2))
    assert tables(db) == before
    monkeypatch.setattr(limits, "MAX_CHECK_INS", 2)
    check_in(TODAY)
    check_in(TODAY - dt.timedelta(days=1))
    check_in(TODAY)  # changing a day's check-in is not a new one
    refused_whole(db, lambda: check_in(TODAY - dt.timedelta(days=2)), "2 check-ins")


def test_wins_a_day_and_in_all(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_WINS_PER_DAY", 2)
    monkeypatch.setattr(limits, "MAX_WINS", 3)

    def win(day: dt.date) -> object:
        return store.add_win(db, owner="alice", now=NOW,
                             draft=parse(WinDraft, {"text": "Stepped outside", "day": day}))

    win(TODAY)
    win(TODAY)
    refused_whole(db, lambda: win(TODAY), "tomorrow")
    win(TODAY - dt.timedelta(days=1))
    refused_whole(db, lambda: win(TODAY - dt.timedelta(days=2)), "3 small wins")


def test_dreams_and_their_steps_are_all_or_nothing(db: Database,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_GOALS", 3)
    dream = parse(DreamDraft, {"text": "Feel at home in my body again"}, today=TODAY)
    steps = [draft("Stretch for 5 minutes after waking"), draft("Walk to the shop on Saturday")]
    store.add_dream(db, owner="alice", draft=dream, now=NOW, steps=steps)
    assert [g.dream_id is not None for g in store.list_goals(db, owner="alice")] == [True] * 2
    # one more goal fits, two do not: neither the dream nor any step is kept
    refused_whole(db, lambda: store.add_dream(db, owner="alice", draft=dream, now=NOW,
                                              steps=steps), "3 goals")
    monkeypatch.setattr(limits, "MAX_DREAMS", 1)
    refused_whole(db, lambda: store.add_dream(db, owner="alice", draft=dream, now=NOW),
                  "big dreams")


def test_settings(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_SETTINGS", 2)
    store.save_setting(db, owner="alice", key="country", value="GB", now=NOW)
    store.save_setting(db, owner="alice", key="motion", value=False, now=NOW)
    store.save_setting(db, owner="alice", key="country", value="IE", now=NOW)  # a change
    refused_whole(db, lambda: store.save_setting(db, owner="alice", key="third", value=1,
                                                 now=NOW), "settings")
    monkeypatch.setattr(limits, "MAX_SETTINGS_BYTES", 40)
    refused_whole(db, lambda: store.save_setting(db, owner="alice", key="country",
                                                 value="x" * 50, now=NOW), "settings")


def test_all_the_words_in_a_space(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    goal = make_goal(db)
    used = usage(db, owner="alice").words_bytes
    note = "Felt shaky — but I went. 🌱 " * 20
    monkeypatch.setattr(limits, "MAX_WORDS_BYTES", used + len(note.encode()) + 10)

    def check_in(day: dt.date) -> object:
        return store.save_check_in(db, owner="alice", now=NOW, draft=parse(
            CheckInDraft, {"goal_id": goal.id, "day": day, "status": "done", "note": note}))

    check_in(TODAY)
    refused_whole(db, lambda: check_in(TODAY - dt.timedelta(days=1)), "full of words")


def test_an_import_past_a_limit_is_refused_whole(db: Database,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    source = store.memory_db()
    for n in range(3):
        make_goal(source, owner="alice", text=f"Walk for {n + 5} minutes after lunch")
    raw = export.to_json(source, owner="alice", now=NOW)
    make_goal(db, owner="bob")
    monkeypatch.setattr(limits, "MAX_GOALS", 3)
    before = tables(db)
    with pytest.raises(export.ImportProblem, match="nothing was imported") as refused:
        export.import_space(db, owner="bob", file=export.parse_import(raw, today=TODAY),
                            now=NOW)
    assert "3 goals" in " ".join(refused.value.messages)
    assert tables(db) == before


@pytest.mark.slow
def test_a_full_space_exports_and_comes_back_in() -> None:
    db = store.memory_db()
    full_space(db, "alice")
    used = usage(db, owner="alice")
    assert used.goals == limits.MAX_GOALS
    assert used.check_ins == limits.MAX_CHECK_INS
    assert used.wins == limits.MAX_WINS
    assert used.words_bytes > 0.95 * limits.MAX_WORDS_BYTES
    raw = export.to_json(db, owner="alice", now=NOW)
    assert len(raw) <= limits.MAX_IMPORT_BYTES, f"{len(raw):,} bytes"
    assert export.to_csv_zip(db, owner="alice", now=NOW)
    other = store.memory_db()
    export.import_space(other, owner="bob", now=NOW,
                        file=export.parse_import(raw, today=FULL_TODAY))
    again = json.loads(export.to_json(other, owner="bob", now=NOW))
    assert again["goals"] == json.loads(raw)["goals"]
    # and the same file imported twice changes nothing (same ids), even at the limits
    export.import_space(other, owner="bob", now=NOW,
                        file=export.parse_import(raw, today=FULL_TODAY))
    assert usage(other, owner="bob") == used


def test_deleted_words_do_not_linger_on_any_sqlite_build(tmp_path: Path) -> None:
    """secure_delete is set on every connection (SQLite's own default is off), and the
    log is emptied after a delete, with other connections open, without a VACUUM."""
    path = tmp_path / "shared.db"
    mine, theirs = store.open_db(path), store.open_db(path)
    assert mine.execute("PRAGMA secure_delete").fetchone()[0] == 1
    secret = "SECRET-NOTE-7f3a about the panic attacks"
    goal = make_goal(mine, owner="alice", text=f"Walk and note {secret[:20]}")
    make_goal(theirs, owner="bob")
    for n in range(30):
        store.save_check_in(mine, owner="alice", now=NOW, draft=parse(CheckInDraft, {
            "goal_id": goal.id, "day": TODAY - dt.timedelta(days=n), "status": "done",
            "note": f"{secret} {n}"}))
    store.delete_owner(mine, owner="alice")
    files = [path, path.with_name("shared.db-wal")]
    found = b"".join(f.read_bytes() for f in files if f.exists())
    assert b"SECRET-NOTE" not in found
    assert store.count_goals(theirs, owner="bob") == 1
