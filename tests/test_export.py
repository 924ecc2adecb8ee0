"""Export → import reproduces a space exactly; bad files change nothing; twice is once."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from typing import Any

import pytest
from sqlite_utils import Database

from core import demo, export, limits, store
from core.export import ImportProblem
from core.models import DreamDraft, GoalDraft, WinDraft, parse
from tests.conftest import NOW, TODAY, check_in, make_goal

LONG_NOTE = "שלום 👋🏽 مرحبا — " * 100  # right-to-left, emoji with skin tone, ~1,800 chars


def rich_space(db: Database, owner: str = "alice") -> None:
    demo.populate(db, owner=owner, today=TODAY, weeks=3)
    dream = store.add_dream(db, owner=owner, draft=DreamDraft(text="Go back to school 🎓"),
                            now=NOW)
    goal = store.add_goal(db, owner=owner, now=NOW, draft=parse(GoalDraft, {
        "text": "أتصفح مواقع الجامعات لمدة 30 دقيقة هذا الأسبوع", "cadence": "once",
        "start_date": TODAY, "dream_id": dream.id}))
    check_in(db, goal, TODAY, "not_today", owner=owner, note=LONG_NOTE[:2000],
             what_happened="Zero\u200bwidth", what_learned="e\u0301", try_next="🧑🏽‍🤝‍🧑🏻")
    store.add_win(db, owner=owner, draft=parse(WinDraft, {"text": "Drank water 💧",
                                                          "day": TODAY}), now=NOW)


def dumped(db: Database, owner: str) -> dict[str, Any]:
    data = export.export_space(db, owner=owner, now=NOW).model_dump(mode="json")
    return data


def test_round_trip_into_an_empty_space_is_exact(db: Database) -> None:
    rich_space(db)
    raw = export.to_json(db, owner="alice", now=NOW)
    other = store.memory_db()
    export.import_space(other, owner="bob", file=export.parse_import(raw), now=NOW)
    assert dumped(other, "bob") == dumped(db, "alice")
    again = export.to_json(other, owner="bob", now=NOW)
    assert again == raw  # byte for byte


def test_importing_twice_does_not_duplicate(db: Database) -> None:
    rich_space(db)
    raw = export.to_json(db, owner="alice", now=NOW)
    target = store.memory_db()
    for _ in range(2):
        export.import_space(target, owner="bob", file=export.parse_import(raw), now=NOW)
    assert dumped(target, "bob") == dumped(db, "alice")


def test_import_keeps_other_owners_apart(db: Database) -> None:
    rich_space(db, owner="alice")
    raw = export.to_json(db, owner="alice", now=NOW)
    export.import_space(db, owner="bob", file=export.parse_import(raw), now=NOW)
    assert dumped(db, "bob")["goals"] == dumped(db, "alice")["goals"]
    store.delete_owner(db, owner="bob")
    assert len(dumped(db, "alice")["goals"]) == 4


def good_file(db: Database) -> dict[str, Any]:
    rich_space(db)
    result: dict[str, Any] = json.loads(export.to_json(db, owner="alice", now=NOW))
    return result


def corrupt(data: dict[str, Any], how: str) -> bytes:
    if how == "truncated":
        return json.dumps(data).encode()[:-50]
    if how == "not-json":
        return b"\x89PNG\r\n\x1a\n binary"
    if how == "wrong-version":
        return json.dumps(data | {"schema_version": 99}).encode()
    if how == "other-app":
        return json.dumps(data | {"app": "habits"}).encode()
    if how == "empty-goal-text":
        data["goals"][0]["text"] = "   "
    if how == "bad-mood":
        data["goals"][0]["check_ins"][0]["mood"] = 9
    if how == "orphan-check-in":
        data["goals"][0]["check_ins"][0]["goal_id"] = "elsewhere"
    if how == "missing-version":
        data["goals"][0]["versions"] = data["goals"][0]["versions"][:1]
    if how == "nul-in-win":
        data["wins"][0]["text"] = "a\x00b"
    if how == "list-at-top":
        return json.dumps([data]).encode()
    if how == "deep-nesting":
        return b"[" * 100_000 + b"]" * 100_000
    return json.dumps(data).encode()


@pytest.mark.parametrize("how", ["truncated", "not-json", "wrong-version", "other-app",
                                 "empty-goal-text", "bad-mood", "orphan-check-in",
                                 "missing-version", "nul-in-win", "list-at-top",
                                 "deep-nesting"])
def test_a_bad_file_changes_nothing_and_says_why(db: Database, how: str) -> None:
    raw = corrupt(good_file(db), how)
    target = store.memory_db()
    make_goal(target, owner="bob", text="My own goal stays")
    before = dumped(target, "bob")
    with pytest.raises(ImportProblem) as caught:
        export.import_space(target, owner="bob", file=export.parse_import(raw), now=NOW)
    assert caught.value.messages and all(len(m) < 200 for m in caught.value.messages)
    assert "Nothing was changed" in " ".join(caught.value.messages) or \
        "nothing was imported" in " ".join(caught.value.messages)
    assert dumped(target, "bob") == before


def test_an_oversized_file_is_refused_before_reading() -> None:
    with pytest.raises(ImportProblem, match="bigger than 16 MB"):
        export.parse_import(b" " * (limits.MAX_IMPORT_BYTES + 1))


def test_a_failure_half_way_writes_nothing(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    rich_space(db)
    raw = export.to_json(db, owner="alice", now=NOW)
    target = store.memory_db()
    real = store.transfer._upsert
    calls = {"n": 0}

    def flaky(*args: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 30:
            raise RuntimeError("disk full")
        real(*args)

    monkeypatch.setattr(store.transfer, "_upsert", flaky)
    with pytest.raises(RuntimeError):
        export.import_space(target, owner="bob", file=export.parse_import(raw), now=NOW)
    assert target.execute("SELECT count(*) FROM goals").fetchone()[0] == 0
    assert target.execute("SELECT count(*) FROM check_ins").fetchone()[0] == 0


def test_csv_has_every_row_and_defuses_formulas(db: Database) -> None:
    goal = make_goal(db, text="=HYPERLINK(\"http://x\") walk 5 minutes")
    check_in(db, goal, TODAY, note="@mention +1 -2")
    files = export.to_csv(db, owner="alice", now=NOW)
    goals = list(csv.DictReader(io.StringIO(files["goals.csv"].decode("utf-8-sig"))))
    assert goals[0]["text"].startswith("'=HYPERLINK")
    check_ins = list(csv.DictReader(io.StringIO(files["check_ins.csv"].decode("utf-8-sig"))))
    assert check_ins[0]["note"] == "'@mention +1 -2" and check_ins[0]["status"] == "done"
    assert set(files) == {"goals.csv", "check_ins.csv", "wins.csv"}
    with zipfile.ZipFile(io.BytesIO(export.to_csv_zip(db, owner="alice", now=NOW))) as archive:
        assert archive.namelist() == list(export.CSV_FILES)
        assert {name: archive.read(name) for name in archive.namelist()} == files
        assert archive.testzip() is None


def base_file(db: Database) -> dict[str, Any]:
    make_goal(db, owner="alice")
    data: dict[str, Any] = json.loads(export.to_json(db, owner="alice", now=NOW))
    return data


def crafted(case: str, data: dict[str, Any]) -> bytes:
    """The security review's malformed files, each one change to a good export."""
    goal = data["goals"][0]
    future = (TODAY + dt.timedelta(days=30)).isoformat()
    check = {"goal_id": goal["id"], "day": TODAY.isoformat(), "status": "done",
             "updated_at": NOW.isoformat()}
    changes: dict[str, Any] = {
        "gas 5": lambda: goal.update(gas_attained=5),
        "version 2**70": lambda: goal.update(version=2**70),
        "future check-in": lambda: goal["check_ins"].append(check | {"day": future}),
        "future win": lambda: data["wins"].append({"id": "w1", "day": future, "text": "x",
                                                   "created_at": NOW.isoformat()}),
        "start far ahead": lambda: goal.update(start_date="2031-01-01"),
        "reached in year 1": lambda: goal.update(status="achieved", achieved_on="0001-01-01"),
        "id with a space": lambda: data["wins"].append({"id": "x ss-wins-heading",
                                                         "day": TODAY.isoformat(), "text": "x",
                                                         "created_at": NOW.isoformat()}),
        "id with NUL": lambda: data["dreams"].append({"id": "a\x00b", "text": "A dream",
                                                       "created_at": NOW.isoformat()}),
        "id with CRLF": lambda: [goal.update(id="a\r\nb"), [v.update(goal_id="a\r\nb")
                                                           for v in goal["versions"]]],
        "empty id": lambda: data["wins"].append({"id": "", "day": TODAY.isoformat(),
                                                  "text": "x", "created_at": NOW.isoformat()}),
        "reason with NUL and ESC": lambda: goal["versions"][0].update(reason="ok\x00\x1b[31m"),
        "reason of 1 MB": lambda: goal["versions"][0].update(reason="r" * 1_000_000),
        "changed_at not a time": lambda: goal["versions"][0].update(changed_at="![x](http://e)"),
        "schema_version true": lambda: data.update(schema_version=True),
        "a nested setting": lambda: data.update(settings={"country": {"a": [1, 2]}}),
        "a strange setting name": lambda: data.update(settings={"Country!": "GB"}),
    }
    changes[case]()
    return json.dumps(data).encode()


CRAFTED = ["gas 5", "version 2**70", "future check-in", "future win", "start far ahead",
           "reached in year 1", "id with a space", "id with NUL", "id with CRLF", "empty id",
           "reason with NUL and ESC", "reason of 1 MB", "changed_at not a time",
           "schema_version true", "a nested setting", "a strange setting name"]


@pytest.mark.parametrize("case", CRAFTED)
def test_a_crafted_file_gets_a_kind_message_and_changes_nothing(case: str) -> None:
    source = store.memory_db()
    raw = crafted(case, base_file(source))
    target = store.memory_db()
    make_goal(target, owner="bob")
    before = dumped(target, "bob")
    with pytest.raises(ImportProblem) as refused:
        export.import_space(target, owner="bob", now=NOW,
                            file=export.parse_import(raw, today=TODAY))
    assert all(len(m) < 160 for m in refused.value.messages), refused.value.messages
    assert "Nothing" in refused.value.messages[0] or "nothing" in refused.value.messages[0]
    assert dumped(target, "bob") == before


def test_a_huge_number_is_refused_kindly() -> None:
    raw = b'{"app": "small-steps", "schema_version": 2, "n": ' + b"9" * 5000 + b"}"
    with pytest.raises(ImportProblem, match="isn't a complete Small Steps export"):
        export.parse_import(raw, today=TODAY)


def test_a_file_saved_again_by_notepad_imports() -> None:
    source = store.memory_db()
    raw = export.to_json(source, owner="alice", now=NOW)
    make_goal(source, owner="alice")
    raw = "\ufeff".encode() + export.to_json(source, owner="alice", now=NOW)
    target = store.memory_db()
    assert export.import_space(target, owner="bob", now=NOW,
                               file=export.parse_import(raw, today=TODAY)) == 1


def test_an_imported_goal_brings_its_own_history(db: Database) -> None:
    goal = make_goal(db, owner="alice")
    store.update_goal(db, owner="alice", goal_id=goal.id, changes={"when": "after lunch"},
                      reason="changed when", now=NOW, today=TODAY)
    older = store.memory_db()
    make_goal(older, owner="alice")
    data = json.loads(export.to_json(older, owner="alice", now=NOW))
    data["goals"][0]["id"] = goal.id  # the same goal, as an older file has it
    for v in data["goals"][0]["versions"]:
        v["goal_id"] = goal.id
    export.import_space(db, owner="alice", now=NOW,
                        file=export.parse_import(json.dumps(data).encode(), today=TODAY))
    now_goal = store.get_goal(db, owner="alice", goal_id=goal.id)
    versions = store.goal_versions(db, owner="alice", goal_id=goal.id)
    assert now_goal is not None and [v.version for v in versions] == [now_goal.version]
