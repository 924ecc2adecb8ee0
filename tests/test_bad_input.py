"""Odd input of every kind, for every model and every text field: it either saves and
reads back exactly (trimmed), or is refused with one short, kind message — never an
exception, never a partial write. Then the same nasty table through the pages."""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import FileUploader

from core import export, store
from core.models import (
    CheckInDraft,
    DreamDraft,
    GoalDraft,
    InvalidInput,
    WinDraft,
    parse,
)
from core.safety import detect_crisis
from core.smart import assess
from core.text import TextProblem, clean_text
from tests.conftest import NOW, TODAY, open_page
from ui.session import LOCAL_OWNER

ROOT = Path(__file__).resolve().parents[1]
PYDANTIC_WORDS = (
    "Input should",
    "Value error",
    "validation error",
    "type=",
    "pydantic",
    "Traceback",
)

NASTY: list[str] = [
    "",
    " ",
    "\t\n  \r\n",
    "\x00",
    "walk\x00 5 minutes",
    "\x07\x1b[31mred",
    "\ud800",
    "a\udfffb",
    "\u200b\u200c\u200d\ufeff",
    "\u202eevil\u202c",
    "\u200fשלום\u200e",
    "e\u0301\u0302\u0303" * 50,
    "👩🏽‍💻👨‍👩‍👧‍👦🏳️‍🌈",
    "x" * 1_000_000,
    "🙂" * 301,
    "'); DROP TABLE goals;--",
    "1; DELETE FROM check_ins WHERE 1=1",
    "Robert'); --",
    "# heading\n**bold** [link](http://example.com) ![img](http://example.com/t.png)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "%s %d %(name)s {0} {name!r}",
    "${jndi:ldap://x}",
    "12",
    "-1",
    "1e309",
    "NaN",
    "Infinity",
    "null",
    "None",
    "true",
    "[]",
    "{}",
    "\\",
    "\\\\n",
    "\r",
    "\u2028",
    "I will walk for 10 minutes after lunch on Monday.",
    "مرحبا، سأمشي ١٠ دقائق اليوم",
]
TEXT_FIELDS: dict[str, tuple[type[Any], dict[str, Any], str]] = {
    "goal.text": (GoalDraft, {"start_date": TODAY}, "text"),
    "goal.when": (GoalDraft, {"text": "Walk", "start_date": TODAY}, "when"),
    "goal.why": (GoalDraft, {"text": "Walk", "start_date": TODAY}, "why"),
    "goal.smaller_version": (GoalDraft, {"text": "Walk", "start_date": TODAY}, "smaller_version"),
    "check_in.note": (CheckInDraft, {"day": TODAY, "status": "done"}, "note"),
    "check_in.what_happened": (
        CheckInDraft,
        {"day": TODAY, "status": "not_today"},
        "what_happened",
    ),
    "check_in.what_learned": (CheckInDraft, {"day": TODAY, "status": "not_today"}, "what_learned"),
    "check_in.try_next": (CheckInDraft, {"day": TODAY, "status": "not_today"}, "try_next"),
    "win.text": (WinDraft, {"day": TODAY}, "text"),
    "dream.text": (DreamDraft, {}, "text"),
}

any_text = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=400),  # includes lone surrogates
    st.text(st.sampled_from("\x00\x01\x1f\x7f\u200b\u200e\u202e\u0301 \t\nA🙂ש"), max_size=50),
    st.sampled_from(NASTY),
)


def rows(db: Database) -> dict[str, int]:
    return {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("owners", "goals", "goal_versions", "check_ins", "wins", "dreams")
    }


def save(db: Database, model: Any) -> Callable[[], Any]:
    """Save a validated draft and return a function reading the stored value back."""
    if isinstance(model, GoalDraft):
        goal = store.add_goal(db, owner="o", draft=model, now=NOW)
        return lambda: store.get_goal(db, owner="o", goal_id=goal.id)
    if isinstance(model, CheckInDraft):
        store.save_check_in(db, owner="o", draft=model, now=NOW)
        return lambda: store.get_check_in(db, owner="o", goal_id=model.goal_id, day=model.day)
    if isinstance(model, WinDraft):
        win = store.add_win(db, owner="o", draft=model, now=NOW)
        return lambda: next(w for w in store.recent_wins(db, owner="o") if w.id == win.id)
    dream = store.add_dream(db, owner="o", draft=model, now=NOW)
    return lambda: next(d for d in store.list_dreams(db, owner="o") if d.id == dream.id)


def check_one(field: str, value: Any) -> None:
    model_cls, base, name = TEXT_FIELDS[field]
    db = store.memory_db()
    goal = store.add_goal(
        db, owner="o", now=NOW, draft=parse(GoalDraft, {"text": "Walk", "start_date": TODAY})
    )
    data = dict(base, **{name: value})
    if model_cls is CheckInDraft:
        data["goal_id"] = goal.id
    before = rows(db)
    try:
        model = parse(model_cls, data, today=TODAY)
    except InvalidInput as refused:
        assert len(refused.messages) == 1, refused.messages
        message = refused.messages[0]
        assert 0 < len(message) < 160 and not any(w in message for w in PYDANTIC_WORDS)
        assert rows(db) == before  # a refusal writes nothing
        return
    read_back = save(db, model)()
    stored = getattr(read_back, name)
    expected = value.strip() if isinstance(value, str) and value.strip() else None
    assert stored == expected
    if isinstance(stored, str):
        assert stored.encode("utf-8") == value.strip().encode("utf-8")  # byte for byte


@pytest.mark.parametrize("field", list(TEXT_FIELDS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=any_text)
def test_every_text_field_saves_exactly_or_refuses_kindly(field: str, value: str) -> None:
    check_one(field, value)


@pytest.mark.parametrize("field", list(TEXT_FIELDS))
@pytest.mark.parametrize("value", NASTY, ids=[f"nasty{i}" for i in range(len(NASTY))])
def test_nasty_table_for_every_text_field(field: str, value: str) -> None:
    check_one(field, value)


@pytest.mark.parametrize("multiline", [False, True], ids=["one-line", "multi-line"])
def test_text_check_refuses_exactly_controls_and_lone_surrogates(multiline: bool) -> None:
    """Every code point, checked one by one: refused exactly when it is a control
    character (Unicode category Cc; a multi-line box may hold tab, newline and carriage
    return) or a lone surrogate (Cs). core.text does this with one regex scan."""
    allowed_controls = {"\t", "\n", "\r"} if multiline else set()
    wrong = []
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        bad = unicodedata.category(ch) in {"Cc", "Cs"} and ch not in allowed_controls
        try:
            clean_text(f"a{ch}b", what="it", max_len=10, multiline=multiline)
            refused = False
        except TextProblem:
            refused = True
        if refused != bad:
            wrong.append(hex(code))
    assert wrong == []


numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.sampled_from([math.nan, math.inf, -math.inf, 0, -0.0, 1e309, True, False, None]),
    st.text(max_size=20),
    st.sampled_from(["3", " 4 ", "07", "1e3", "0x10", "٣", "NaN", ""]),
)


@pytest.mark.parametrize(
    ("model_cls", "base", "name"),
    [
        (GoalDraft, {"text": "Walk", "start_date": TODAY, "cadence": "week"}, "times"),
        (GoalDraft, {"text": "Walk", "start_date": TODAY, "cadence": "day"}, "times"),
        (GoalDraft, {"text": "Walk", "start_date": TODAY}, "confidence"),
        (CheckInDraft, {"goal_id": "g", "day": TODAY, "status": "done"}, "mood"),
        (CheckInDraft, {"goal_id": "g", "day": TODAY, "status": "done"}, "amount"),
    ],
    ids=["weekly-times", "daily-times", "confidence", "mood", "amount"],
)
@settings(max_examples=150, deadline=None)
@given(value=numbers)
def test_numbers_are_in_range_or_refused_kindly(
    model_cls: type[Any], base: dict[str, Any], name: str, value: Any
) -> None:
    try:
        model = parse(model_cls, dict(base, **{name: value}), today=TODAY)
    except InvalidInput as refused:
        assert len(refused.messages) == 1 and len(refused.messages[0]) < 160
        return
    stored = getattr(model, name)
    assert stored is None or (isinstance(stored, int | float) and math.isfinite(stored))
    limits = {"times": (1, 21), "confidence": (0, 10), "mood": (1, 5), "amount": (0, 100_000)}
    low, high = limits[name]
    assert stored is None or low <= stored <= high


dates = st.one_of(
    st.dates(),
    st.text(max_size=12),
    st.integers(),
    st.sampled_from(
        ["2026-02-30", "9999-12-31", "0001-01-01", "2026-13-01", "26/11/2026", "tomorrow", ""]
    ),
)


@settings(max_examples=150, deadline=None)
@given(start=dates, review=st.one_of(st.none(), dates))
def test_goal_dates_are_sensible_or_refused(start: Any, review: Any) -> None:
    try:
        goal = parse(
            GoalDraft, {"text": "Walk", "start_date": start, "review_date": review}, today=TODAY
        )
    except InvalidInput as refused:  # one short message per field that is off
        assert 1 <= len(refused.messages) <= 2
        assert all(len(m) < 160 for m in refused.messages)
        return
    assert dt.date(2000, 1, 1) <= goal.start_date <= TODAY + dt.timedelta(days=731)
    if goal.review_date is not None:
        assert goal.start_date <= goal.review_date <= goal.start_date + dt.timedelta(days=731)


@settings(max_examples=200, deadline=None)
@given(
    text=any_text,
    why=st.one_of(st.none(), any_text),
    confidence=st.one_of(st.none(), st.integers(-5, 15)),
)
def test_the_coach_never_raises(text: str, why: str | None, confidence: int | None) -> None:
    result = assess(text, why=why, confidence=confidence)
    assert set(result.criteria) == {
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "time_bound",
    }


@settings(max_examples=200, deadline=None)
@given(text=any_text)
def test_crisis_detection_never_raises(text: str) -> None:
    assert detect_crisis(text) in (True, False)


# ---------------------------------------------------------------- through the pages


def _utf8(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# A lone surrogate can't reach the server through a widget: the browser encodes what is
# typed as UTF-8 (replacing it with U+FFFD) before Streamlit's protocol carries it. The
# models still refuse it (tests above); the pages get every other entry (every second
# one, to keep the suite quick: the models above see them all).
PAGE_NASTY = [*[v for v in NASTY if len(v) < 5000 and _utf8(v)][::2], "x" * 20_000]


def said(at: AppTest) -> str:
    return " ".join(
        str(getattr(e, "value", ""))
        for kind in ("warning", "success", "error")
        for e in at.get(kind)
    )


@pytest.mark.parametrize("value", PAGE_NASTY, ids=[f"nasty{i}" for i in range(len(PAGE_NASTY))])
def test_nasty_goal_through_build_page(local_app: Path, value: str) -> None:
    at = open_page("build")
    at.text_input(key="build-text").input(value).run()
    at.button(key="build-save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    goals = store.list_goals(store.open_db(local_app), owner=LOCAL_OWNER)
    if goals:
        assert goals[0].text == value.strip() and "saved" in said(at)
    else:
        assert at.warning, "a refusal always says why"


@pytest.mark.parametrize("value", PAGE_NASTY, ids=[f"nasty{i}" for i in range(len(PAGE_NASTY))])
def test_nasty_note_and_small_win_through_pages(local_app: Path, value: str) -> None:
    db = store.open_db(local_app)
    goal = store.add_goal(
        db,
        owner=LOCAL_OWNER,
        now=NOW,
        draft=parse(GoalDraft, {"text": "Walk 5 minutes today", "start_date": dt.date.today()}),
    )
    at = open_page("checkin")
    key = f"ci-{goal.id}-{dt.date.today().isoformat()}"
    at.toggle(key=f"{key}-more").set_value(True).run()
    at.text_area(key=f"{key}-note").input(value)
    at.button(key=f"FormSubmitter:{key}-form-Save check-in").click().run()
    assert not at.exception, [e.value for e in at.exception]
    saved = store.get_check_in(db, owner=LOCAL_OWNER, goal_id=goal.id, day=dt.date.today())
    if len(value) > 2000:  # over the box's limit: Streamlit drops it server-side, never stored
        assert saved is None or saved.note is None
    elif saved is not None:
        assert saved.note == (value.strip() or None)
    else:
        assert at.warning
    wins = open_page("wins")
    wins.text_input(key="own-win-text").input(value)
    wins.button(key="FormSubmitter:own-win-Add my win").click().run()
    assert not wins.exception, [e.value for e in wins.exception]
    logged = store.recent_wins(db, owner=LOCAL_OWNER)
    if len(value) > 200:  # over the box's limit (and the model's): never stored
        assert all(len(w.text) <= 200 for w in logged)
    elif logged:
        assert logged[0].text == value.strip()
    else:
        assert wins.warning


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00" * 100,
        b"{",
        b"[]",
        b'{"app": "small-steps"}',
        "🙂".encode() * 1000,
        json.dumps(
            {
                "app": "small-steps",
                "schema_version": 1,
                "exported_at": "x",
                "goals": [{"text": "'); DROP TABLE goals;--"}],
            }
        ).encode(),
    ],
    ids=["empty", "nul", "truncated", "list", "no-version", "emoji", "sql-ish-goal"],
)
def test_nasty_import_files_through_the_page(local_app: Path, raw: bytes) -> None:
    at = open_page("data")
    (uploader,) = at.get("file_uploader")
    assert isinstance(uploader, FileUploader)
    uploader.set_value(("x.json", raw, "application/json"))
    at.run()
    at.button(key="import-go").click().run()
    assert not at.exception
    assert any(
        "Nothing was changed" in w.value or "nothing was imported" in w.value for w in at.warning
    )
    assert store.count_goals(store.open_db(local_app), owner=LOCAL_OWNER) == 0


def test_export_survives_nasty_text(db: Database) -> None:
    goal = store.add_goal(
        db,
        owner="o",
        now=NOW,
        draft=parse(GoalDraft, {"text": "'); DROP TABLE goals;-- {{ }} %s", "start_date": TODAY}),
    )
    store.save_check_in(
        db,
        owner="o",
        now=NOW,
        draft=parse(
            CheckInDraft,
            {"goal_id": goal.id, "day": TODAY, "status": "done", "note": "\u202eevil\u202c 🏳️‍🌈"},
        ),
    )
    raw = export.to_json(db, owner="o", now=NOW)
    other = store.memory_db()
    export.import_space(other, owner="o", file=export.parse_import(raw), now=NOW)
    assert export.to_json(other, owner="o", now=NOW) == raw
