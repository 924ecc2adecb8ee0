"""Storage modes, per-visitor isolation, signed-in owners, import/delete through the UI,
the therapist summary, and demo mode."""

from __future__ import annotations

import ast
import datetime as dt
import json
import logging
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import FileUploader

from core import demo, export, limits, store, summary, summary_pdf
from core.models import CheckIn, CheckInDraft, GoalVersion, parse
from core.modes import (
    Mode,
    ModeProblem,
    demo_owner,
    from_elsewhere,
    owner_for_identity,
    resolve_mode,
)
from core.store import transfer
from core.summary_pdf import MISSING, printable, to_pdf, unicode_font
from tests.conftest import NOW, TODAY, make_goal, open_page
from ui.nav import PAGES
from ui.session import LOCAL_OWNER

ROOT = Path(__file__).resolve().parents[1]
SECRET = "Visitor A's private goal: walk 7 minutes tonight 🌙"


@pytest.mark.parametrize(
    ("configured", "address", "expected"),
    [
        (None, "localhost", Mode.LOCAL),
        (None, "127.0.0.1", Mode.LOCAL),
        (None, "::1", Mode.LOCAL),
        (None, "[::1]", Mode.LOCAL),
        (None, "127.0.0.2", Mode.LOCAL),
        (None, "0.0.0.0", Mode.HOSTED),
        (None, "", Mode.HOSTED),
        (None, None, Mode.HOSTED),
        (None, "192.168.1.20", Mode.HOSTED),
        (None, "example.org", Mode.HOSTED),
        ("local", "0.0.0.0", Mode.LOCAL),
        ("HOSTED", "localhost", Mode.HOSTED),
    ],
    ids=[
        "localhost",
        "ipv4-loopback",
        "ipv6-loopback",
        "bracketed-ipv6",
        "loopback-range",
        "all-interfaces",
        "empty-is-all",
        "unset-is-all",
        "lan-address",
        "hostname",
        "explicit-local-wins",
        "explicit-hosted-wins",
    ],
)
def test_mode_is_safe_by_default(
    configured: str | None, address: str | None, expected: Mode
) -> None:
    assert resolve_mode(configured, address) is expected


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Host": "localhost:8501"}, None),
        ({"Host": "127.0.0.1:8501", "User-Agent": "x"}, None),
        ({"host": "[::1]:8501"}, None),
        ({"Host": "127.0.0.2"}, None),
        ({}, None),  # no request (AppTest): nothing came from elsewhere
        ({"Host": "smallsteps.example.org"}, "host"),
        ({"Host": "192.168.1.20:8501"}, "host"),
        ({"Host": "localhost.evil.example"}, "host"),
        ({"Host": "abc.ngrok-free.app"}, "host"),
        ({"Host": "localhost:8501", "X-Forwarded-For": "198.51.100.7"}, "proxy"),
        ({"Host": "localhost:8501", "x-forwarded-host": "smallsteps.example.org"}, "proxy"),
        ({"Host": "localhost", "Forwarded": "for=198.51.100.7"}, "proxy"),
        ({"Host": "localhost", "Via": "1.1 caddy"}, "proxy"),
        ({"Host": "localhost", "CF-Connecting-IP": "198.51.100.7"}, "proxy"),
    ],
)
def test_a_request_from_elsewhere_is_recognised(headers: dict[str, str],
                                                expected: str | None) -> None:
    assert from_elsewhere(headers) == expected


def test_unknown_mode_is_refused_with_a_fix() -> None:
    with pytest.raises(ModeProblem, match="'local' or 'hosted'"):
        resolve_mode("public", "localhost")


def test_signed_in_owner_is_a_stable_hash_of_issuer_and_subject() -> None:
    one = owner_for_identity(issuer="https://id.example", subject="abc")
    assert one == owner_for_identity(issuer="https://id.example", subject="abc")
    assert one != owner_for_identity(issuer="https://id.example", subject="abd")
    assert one != owner_for_identity(issuer="https://other.example", subject="abc")
    assert "abc" not in one and "example" not in one
    assert demo_owner(one) != one and demo_owner(one).startswith("demo-")


SIGNIN: dict[str, object] = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "test",
        "client_id": "x",
        "client_secret": "y",
        "server_metadata_url": "https://id.example/.well-known",
    }
}


def app(
    name: str = "today", *, user: dict[str, object] | None = None, signin: bool = False
) -> AppTest:
    return open_page(name, user=user, secrets=SIGNIN if signin else None)


def everything_shown(at: AppTest) -> str:
    parts = [
        str(getattr(e, "value", ""))
        for kind in ("text", "markdown", "caption", "code", "success", "info", "warning")
        for e in at.get(kind)
    ]
    # Today's board (one custom element): all of the data the browser is sent
    parts += [json.dumps(json.loads(e.proto.json), ensure_ascii=False)
              for e in at.get("bidi_component")]
    return "\n".join(parts)


def add_goal(at: AppTest, text: str) -> None:
    at.switch_page("pages/build.py").run()
    at.text_input(key="build-text").input(text).run()
    at.button(key="build-save").click().run()
    assert not at.exception


def test_hosted_visitors_never_see_each_other(hosted_app: Path) -> None:
    visitor_a = app("build")
    add_goal(visitor_a, SECRET)
    visitor_a.switch_page("pages/today.py").run()
    assert SECRET in everything_shown(visitor_a)
    visitor_b = app("today")
    for info in PAGES:
        visitor_b.switch_page(info.path).run()
        assert not visitor_b.exception, info.key
        assert SECRET not in everything_shown(visitor_b), info.key
    assert "Private session" in everything_shown(visitor_b)
    # nothing of an anonymous visitor is written to the server's file
    assert not hosted_app.exists() or SECRET.encode() not in hosted_app.read_bytes()


def test_signed_in_people_persist_apart_and_no_email_is_stored(hosted_app: Path) -> None:
    alice = {
        "is_logged_in": True,
        "sub": "alice-123",
        "iss": "https://id.example",
        "email": "alice@example.com",
        "name": "Alice",
    }
    at = app("build", user=alice, signin=True)
    add_goal(at, SECRET)
    bob = app("today", user=alice | {"sub": "bob-456", "email": "bob@example.com"}, signin=True)
    assert SECRET not in everything_shown(bob)
    again = app("today", user=alice, signin=True)
    assert SECRET in everything_shown(again)
    db = store.open_db(hosted_app)
    owners = [row["owner"] for row in db.query("SELECT owner FROM owners")]
    assert owners == [owner_for_identity(issuer="https://id.example", subject="alice-123")]
    db.close()
    raw = hosted_app.read_bytes() + (
        hosted_app.with_name(hosted_app.name + "-wal").read_bytes()
        if hosted_app.with_name(hosted_app.name + "-wal").exists()
        else b""
    )
    assert b"alice@example.com" not in raw and b"Alice" not in raw


def test_caches_never_hold_one_persons_data() -> None:
    """Per-person data may only be cached per session: no st.cache_data anywhere, and
    every st.cache_resource is scope="session"."""
    for path in [*ROOT.glob("ui/*.py"), *ROOT.glob("pages/*.py"), ROOT / "streamlit_app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "cache_data":
                pytest.fail(f"{path.name} uses st.cache_data")
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "cache_resource":
                scopes = [k.value for k in node.keywords if k.arg == "scope"]
                assert scopes and isinstance(scopes[0], ast.Constant), path.name
                assert scopes[0].value == "session", path.name


def upload(at: AppTest, raw: bytes) -> None:
    (uploader,) = at.get("file_uploader")
    assert isinstance(uploader, FileUploader)
    uploader.set_value(("backup.json", raw, "application/json"))
    at.run()


def test_delete_needs_a_confirm_then_removes_everything(local_app: Path) -> None:
    db = store.open_db(local_app)
    demo.populate(db, owner=LOCAL_OWNER, today=dt.date.today(), weeks=2)
    store.ensure_owner(db, owner="someone-else", now=NOW)
    at = app("data")
    assert at.button(key="delete-go").disabled
    at.checkbox(key="delete-sure").check().run()
    at.button(key="delete-go").click().run()
    assert not at.exception
    assert store.count_goals(db, owner=LOCAL_OWNER) == 0
    assert db.execute("SELECT count(*) FROM check_ins").fetchone()[0] == 0
    assert [r["owner"] for r in db.query("SELECT owner FROM owners")] == ["someone-else"]


def test_export_delete_import_through_the_page_brings_everything_back(local_app: Path) -> None:
    db = store.open_db(local_app)
    demo.populate(db, owner=LOCAL_OWNER, today=dt.date.today(), weeks=2)
    before = export.export_space(db, owner=LOCAL_OWNER, now=NOW).model_dump(mode="json")
    raw = export.to_json(db, owner=LOCAL_OWNER, now=NOW)
    store.delete_owner(db, owner=LOCAL_OWNER)
    at = app("data")
    upload(at, raw)
    at.button(key="import-go").click().run()
    assert not at.exception
    assert any("Imported 3 goals" in s.value for s in at.success)
    after = export.export_space(db, owner=LOCAL_OWNER, now=NOW).model_dump(mode="json")
    assert after == before


def test_a_bad_import_says_why_on_the_page_and_changes_nothing(local_app: Path) -> None:
    db = store.open_db(local_app)
    demo.populate(db, owner=LOCAL_OWNER, today=dt.date.today(), weeks=1)
    before = export.export_space(db, owner=LOCAL_OWNER, now=NOW).model_dump(mode="json")
    at = app("data")
    upload(at, b'{"app": "small-steps", "schema_ver')
    at.button(key="import-go").click().run()
    assert any("Nothing was changed" in w.value for w in at.warning)
    assert export.export_space(db, owner=LOCAL_OWNER, now=NOW).model_dump(mode="json") == before


def test_demo_is_separate_banner_everywhere_reset_and_leave(local_app: Path) -> None:
    db = store.open_db(local_app)
    at = app("data")
    at.button(key="demo-start").click().run()
    assert not at.exception
    for info in PAGES:
        at.switch_page(info.path).run()
        assert not at.exception, info.key
        assert "Demo" in everything_shown(at), info.key
    assert store.count_goals(db, owner=LOCAL_OWNER) == 0  # real space untouched
    demo_space = demo_owner(LOCAL_OWNER)
    assert store.count_goals(db, owner=demo_space) == 3
    at.button(key="demo-reset").click().run()
    assert store.count_goals(db, owner=demo_space) == 3
    at.button(key="demo-leave").click().run()
    assert store.count_goals(db, owner=demo_space) == 0
    assert "Demo" not in everything_shown(at)


def test_summary_markdown_and_pdf() -> None:
    space = store.memory_db()
    demo.populate(space, owner="a", today=TODAY, weeks=6)
    without = summary.build(
        space, owner="a", start=TODAY - dt.timedelta(weeks=6), end=TODAY, include_reflections=False
    )
    text = summary.to_markdown(without)
    assert summary.NOTICE in text
    assert "walk around the block for 10 minutes" in text.replace("\\", "")  # earlier version
    assert "stayed in bed" not in text  # reflections only when asked
    assert "T-score 60.0 across 1 goal" in text
    with_reflections = summary.build(
        space, owner="a", start=TODAY - dt.timedelta(weeks=6), end=TODAY, include_reflections=True
    )
    assert "stayed in bed" in summary.to_markdown(with_reflections)
    pdf = to_pdf(with_reflections)
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000


def test_summary_escapes_the_persons_markdown() -> None:
    space = store.memory_db()
    from tests.conftest import make_goal

    make_goal(space, owner="a", text="![x](http://example.com/t.png) <b>hi</b>")
    report = summary.build(
        space, owner="a", start=TODAY - dt.timedelta(days=7), end=TODAY, include_reflections=False
    )
    text = summary.to_markdown(report)
    assert "![x](" not in text and "<b>" not in text
    assert r"\!\[x\]\(http\://example\.com/t\.png\)" in text


def test_summary_pdf_without_a_unicode_font_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    import core.summary_pdf as pdf_module

    monkeypatch.setattr(pdf_module, "FONT_CANDIDATES", ())
    space = store.memory_db()
    demo.populate(space, owner="a", today=TODAY, weeks=2)
    report = summary.build(
        space, owner="a", start=TODAY - dt.timedelta(weeks=2), end=TODAY, include_reflections=True
    )
    assert pdf_module.to_pdf(report).startswith(b"%PDF")


def test_summary_range_is_bounded() -> None:
    start, end = summary.clamp_range(TODAY, TODAY - dt.timedelta(days=3000))
    assert end == TODAY and (end - start).days < summary.MAX_WEEKS * 7


def test_export_is_json_with_a_schema_version() -> None:
    space = store.memory_db()
    demo.populate(space, owner="a", today=TODAY, weeks=1)
    data = json.loads(export.to_json(space, owner="a", now=NOW))
    assert data["schema_version"] == export.SCHEMA_VERSION and data["app"] == "small-steps"


def test_a_summary_stays_a_summary_and_keeps_words_out_of_the_log(
        caplog: pytest.LogCaptureFixture) -> None:
    """40 goals with 150 versions each: the summary shows 10 goals and 3 earlier versions
    each, the PDF is a page or two, and emoji the font lacks are marked, not dropped, and
    never logged (fpdf2 logs missing glyphs)."""
    space = store.memory_db()
    now = NOW.isoformat(timespec="seconds")
    goals: list[tuple[export.ExportedGoal, list[GoalVersion], list[CheckIn]]] = []
    for g in range(40):
        goal_id = f"g{g}"
        versions = [GoalVersion(goal_id=goal_id, version=v + 1, changed_at=now, reason="edited",
                                text=f"Walk {v + 1} minutes with the dog 🐕 on Monday")
                    for v in range(150)]
        goal = export.ExportedGoal(id=goal_id, text=versions[-1].text, start_date=TODAY,
                                   version=150, created_at=now, updated_at=now,
                                   versions=versions)
        goals.append((goal, versions, []))
    with pytest.MonkeyPatch.context() as patch:  # past the limits, as an old file could be
        patch.setattr(limits, "MAX_VERSIONS", 1_000)
        patch.setattr(limits, "MAX_ALL_VERSIONS", 10_000)
        transfer.load_space(space, owner="a", now=NOW, dreams=[], goals=goals, wins=[],
                            settings={})
    built = summary.build(space, owner="a", start=TODAY - dt.timedelta(weeks=4), end=TODAY,
                          include_reflections=True)
    text = summary.to_markdown(built)
    assert len(built.goals) == summary.MAX_GOALS_SHOWN
    assert "30 more goals are not shown here" in text
    assert text.count("with the dog") == summary.MAX_GOALS_SHOWN * (1 + summary.MAX_EARLIER)
    assert export.to_json(space, owner="a", now=NOW)  # export never refuses what is held
    with caplog.at_level(logging.DEBUG):
        pdf = to_pdf(built)
    assert pdf.count(b"/Type /Page\n") <= 3
    assert not [r for r in caplog.records if "🐕" in r.getMessage() or "dog" in r.getMessage()]


def test_a_reflection_with_blank_lines_stays_inside_its_quote() -> None:
    space = store.memory_db()
    goal = make_goal(space, owner="a")
    store.save_check_in(space, owner="a", now=NOW, draft=parse(CheckInDraft, {
        "goal_id": goal.id, "day": TODAY, "status": "not_today",
        "what_happened": "First part.\n\nStatus: achieved\n\n# Not a heading"}))
    text = summary.to_markdown(summary.build(space, owner="a", start=TODAY, end=TODAY,
                                             include_reflections=True))
    start = text.rfind("\n", 0, text.index("First part")) + 1
    quoted = text[start:].split("\n\n")[0]
    assert all(line.startswith(">") for line in quoted.split("\n")), quoted
    assert "\n\nStatus" not in text.split("Latest reflections")[1]


def test_sign_in_and_out_where_the_host_set_it_up(hosted_app: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(st, "login", lambda provider=None: calls.append(("login", provider)))
    monkeypatch.setattr(st, "logout", lambda: calls.append(("logout", None)))
    at = app("data", user={"is_logged_in": False}, signin=True)
    buttons = {b.key: b for b in at.button}
    assert buttons["account-side-in-default"].label == "Sign in to keep your goals"
    buttons["account-data-in-default"].click().run()
    assert calls == [("login", None)]
    alice = {"is_logged_in": True, "sub": "alice-123", "iss": "https://id.example"}
    at = app("today", user=alice, signin=True)
    assert [b.key for b in at.button if (b.key or "").startswith("account-")] == [
        "account-side-out"]
    at.button(key="account-side-out").click().run()
    assert calls[-1] == ("logout", None)
    named: dict[str, object] = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback",
                      "cookie_secret": "test", "google": {"client_id": "x",
                                                          "client_secret": "y",
                                                          "server_metadata_url": "https://a"}}}
    at = open_page("data", user={"is_logged_in": False}, secrets=named)
    at.button(key="account-data-in-google").click().run()
    assert calls == [("login", None), ("logout", None), ("login", "google")]


def test_no_sign_in_without_auth_or_on_your_own_computer(local_app: Path) -> None:
    for at in (open_page("data"), app("data", user={"is_logged_in": False}, signin=True)):
        assert not [b for b in at.button if b.key and b.key.startswith("account-")]


def test_the_pdf_marks_what_its_font_cannot_draw(monkeypatch: pytest.MonkeyPatch) -> None:
    """Against a font that has Latin and Arabic letters but no emoji (like DejaVu Sans,
    whose real character map is used when it is installed)."""
    font = unicode_font()
    if font is None:
        font = Path("/nonexistent/like-dejavu.ttf")
        letters = {*range(0x20, 0x250), *range(0x600, 0x700)}
        monkeypatch.setattr(summary_pdf, "_shapes", lambda _font: frozenset(letters))
    shown, marked = printable("Walk 🐕 with \u2066مرحبا\u2069 café", font)
    assert (shown, marked) == (f"Walk {MISSING} with مرحبا café", True)
    assert printable("Plain words, é ü ß", font) == ("Plain words, é ü ß", False)


def test_a_mode_we_dont_know_is_said_once_a_page_and_keeps_one_private_space(
        hosted_app: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMALL_STEPS_MODE", "lcoal")
    at = open_page("data")
    said = [w.value for w in at.warning if "SMALL_STEPS_MODE" in str(w.value)]
    assert len(said) == 1 and "'local' or 'hosted'" in said[0]
    first = at.session_state["session-place"]
    at.run()
    assert at.session_state["session-place"] == first and not first.persistent
    assert len([w for w in at.warning if "SMALL_STEPS_MODE" in str(w.value)]) == 1
