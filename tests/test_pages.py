"""Every page through Streamlit's AppTest: renders, flows, literal user text, crisis card.

With a `pages/` folder, AppTest runs a page file alone (the entrypoint is skipped), so
these tests also prove each page sets up its own frame, owner and store.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from streamlit.testing.v1 import AppTest

from core import content, demo, limits, store
from core.models import CheckInStatus, GoalStatus, WinDraft, parse
from tests.conftest import (
    board_event,
    board_words,
    choose_on_today,
    make_goal,
    open_page,
    today_board,
)
from ui.nav import PAGES, PAGES_KEY
from ui.session import LOCAL_OWNER

ROOT = Path(__file__).resolve().parents[1]
BOARD_JS = (ROOT / "ui" / "board.js").read_text(encoding="utf-8")
HELP = "Need help now?"
TRICKY = "![x](http://example.com/t.png) <b>hi</b> <img src=x onerror=alert(1)> walk 5 minutes"
CRISIS = "Honestly I want to kill myself some days"


@pytest.fixture
def filled(local_app: Path) -> Database:
    db = store.open_db(local_app)
    demo.populate(db, owner=LOCAL_OWNER, today=dt.date.today(), weeks=6)
    return db


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("name", [p.key for p in PAGES])
def test_every_page_renders_empty_with_help_link_and_disclaimer(local_app: Path, name: str) -> None:
    at = open_page(name)
    no_exception(at)
    assert at.page_link[0].value == HELP  # the same place on every page
    assert any("not treatment" in c.value for c in at.caption)


@pytest.mark.parametrize("name", [p.key for p in PAGES])
def test_every_page_renders_with_weeks_of_data(filled: Database, name: str) -> None:
    at = open_page(name)
    no_exception(at)


def build_goal(text: str) -> AppTest:
    at = open_page("build")
    at.text_input(key="build-text").input(text).run()
    at.button(key="build-save").click().run()
    no_exception(at)
    return at


def only_goal(local_app: Path) -> str:
    (goal,) = store.list_goals(store.open_db(local_app), owner=LOCAL_OWNER)
    return goal.id


def card(at: AppTest, goal_id: str) -> dict[str, Any]:
    """One goal's card on Today's board."""
    found: list[dict[str, Any]] = [c for c in today_board(at)["cards"] if c["id"] == goal_id]
    assert len(found) == 1
    return found[0]


def test_build_then_check_in_then_wins_everywhere(local_app: Path) -> None:
    words = "I will walk for 10 minutes after lunch on Monday, Wednesday and Friday."
    at = build_goal(words)
    assert any("saved" in s.value for s in at.success)
    assert at.get("download_button")
    today = open_page("today")
    goal_id = only_goal(local_app)
    shown = card(today, goal_id)
    assert shown["text"] == words
    assert shown["saved"] is None  # nothing chosen before the first check-in of the day
    assert [o["label"] for o in today_board(today)["options"]] == [
        "Done", "Partly", "Not today", "Rest day"]
    choose_on_today(today, goal_id, "done")  # one click
    no_exception(today)
    shown = card(today, goal_id)
    assert shown["flash"] is not None and "Saved: done" in shown["flash"]
    assert any("first check-in" in t.value.lower() for t in today.toast)
    assert shown["progress"] == "1 of 3 this week · plan: 3 times a week"
    assert shown["fraction"] == pytest.approx(1 / 3)
    assert shown["saved"] == "done"
    assert "Did it" in [w["title"] for w in today_board(today)["wins"]["items"]]
    wins = open_page("wins")
    assert "Your very first check-in" in markdown(wins)
    assert "Did it" in markdown(wins)


def test_today_changing_a_check_in_keeps_one_row_and_shows_the_choice(local_app: Path) -> None:
    build_goal("I will walk for 10 minutes after lunch every day.")
    goal_id = only_goal(local_app)
    today = open_page("today")
    for status in ("not_today", "partly", "partly"):
        choose_on_today(today, goal_id, status)
        no_exception(today)
    rows = store.check_ins_between(store.open_db(local_app), owner=LOCAL_OWNER,
                                   start=dt.date.today(), end=dt.date.today())
    assert [c.status for c in rows] == [CheckInStatus.PARTLY]
    assert card(today, goal_id)["saved"] == "partly"
    assert card(today, goal_id)["flash"] is None  # the same choice again changes nothing
    again = open_page("today")  # a new visit starts from what is saved
    assert card(again, goal_id)["saved"] == "partly"


def test_today_offers_check_in_after_not_today(local_app: Path) -> None:
    build_goal("I will walk for 10 minutes after lunch every day.")
    goal_id = only_goal(local_app)
    today = open_page("today")
    assert card(today, goal_id)["tough"] is False
    choose_on_today(today, goal_id, "not_today")
    shown = card(today, goal_id)
    assert shown["tough"] is True and "information, not failure" in shown["flash"]
    assert today_board(today)["tough"] == {
        "page": "checkin", "label": "Tough day? Reflect, or make the goal smaller"}


def test_today_a_refused_check_in_says_why_and_shows_what_is_saved(
    local_app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_goal("I will walk for 10 minutes after lunch every day.")
    goal_id = only_goal(local_app)
    today = open_page("today")

    def refuse(*args: object, **kwargs: object) -> None:
        raise store.LimitReached("That's a lot of check-ins for one day. Try again tomorrow.")

    monkeypatch.setattr("core.overview.check_in_now", refuse)
    choose_on_today(today, goal_id, "done")
    no_exception(today)
    shown = card(today, goal_id)
    assert shown["problem"] is not None and "Try again tomorrow" in shown["problem"]
    assert shown["saved"] is None and shown["flash"] is None
    assert store.check_ins_between(store.open_db(local_app), owner=LOCAL_OWNER,
                                   start=dt.date.today(), end=dt.date.today()) == []
    today.run()  # said once, then gone
    assert card(today, goal_id)["problem"] is None


@pytest.mark.parametrize("event", [
    {"goal": "no-such-goal", "status": "done"},
    {"goal": None, "status": "done"},
    {"status": "maybe"},
    "done",
])
def test_today_ignores_what_the_board_never_sends(local_app: Path, event: object) -> None:
    build_goal("I will walk for 10 minutes after lunch every day.")
    goal_id = only_goal(local_app)
    today = board_event(open_page("today"), "choice", event)
    no_exception(today)
    assert card(today, goal_id)["saved"] is None
    assert store.check_ins_between(store.open_db(local_app), owner=LOCAL_OWNER,
                                   start=dt.date.today(), end=dt.date.today()) == []


def test_not_today_then_make_it_smaller_keeps_both_versions(local_app: Path) -> None:
    build_goal("I will walk for 20 minutes after lunch every day.")
    goal_id = only_goal(local_app)
    checkin = open_page("checkin")
    key = f"ci-{goal_id}-{dt.date.today().isoformat()}"
    checkin.radio(key=f"{key}-status").set_value(CheckInStatus.NOT_TODAY)
    checkin.button(key="FormSubmitter:" + f"{key}-form-Save check-in").click().run()
    no_exception(checkin)
    kind_words = set(content.setbacks().kind_words)
    assert any(i.value in kind_words for i in checkin.info)
    smaller = checkin.text_input(key=f"smaller-{goal_id}").value
    assert smaller is not None and "10 minutes" in smaller
    assert [e.label for e in open_page("data").expander] == []  # one version: no history
    checkin.button(key=f"smaller-save-{goal_id}").click().run()
    no_exception(checkin)
    data = open_page("data")
    (history,) = data.expander
    assert history.label == "History (2 versions)"
    shown = [t.value for t in history.text][1::2]
    assert shown == [smaller, "I will walk for 20 minutes after lunch every day."]  # newest first
    assert history.text[0].value.startswith("Version 2 · made smaller · ")
    assert history.caption.values == []  # the reason and date are plain text, not Markdown


def test_user_markdown_and_html_show_literally(local_app: Path) -> None:
    build_goal(TRICKY)
    today = open_page("today")
    no_exception(today)
    assert TRICKY in board_words(today)  # data for the board, which sets it as plain text
    for name in ("checkin", "data"):
        at = open_page(name)
        no_exception(at)
        lines = [line for text in texts(at) for line in text.splitlines()]
        assert TRICKY in lines, name  # a whole line of a plain-text element, as typed
        assert "example.com" not in markdown(at), name
        # the only HTML on a page is our own stylesheet; never the person's words
        assert all("example.com" not in str(h.proto) for h in at.get("html"))
        assert not at.get("imgs")


def test_board_script_sets_words_as_text_and_fetches_nothing() -> None:
    code = "\n".join(line for line in BOARD_JS.splitlines() if not line.lstrip().startswith("//"))
    assert "textContent" in code
    for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                  "fetch(", "XMLHttpRequest", "import(", "http", "src", "style.cssText"):
        assert risky not in code, risky


def test_crisis_words_show_a_calm_card_and_still_save(local_app: Path) -> None:
    at = open_page("build")
    at.text_input(key="build-text").input("I will text my sister after dinner")
    at.text_area(key="build-why").input(CRISIS).run()
    assert "You don't have to carry this alone" in markdown(at)
    assert "tel:988" in markdown(at)
    at.button(key="build-save").click().run()
    no_exception(at)
    (goal,) = store.list_goals(store.open_db(local_app), owner=LOCAL_OWNER)
    assert goal.why == CRISIS
    raw = "\n".join(str(row) for row in store.open_db(local_app).query("SELECT * FROM owners"))
    assert "crisis" not in raw.lower()


def test_crisis_card_can_be_dismissed(local_app: Path) -> None:
    at = open_page("learn")
    at.text_input(key="learn-coach").input(CRISIS).run()
    assert "You don't have to carry this alone" in markdown(at)
    at.button(key="crisis-close-learn-coach").click().run()
    assert "You don't have to carry this alone" not in markdown(at)


def test_check_in_shows_one_goal_and_starts_on_a_tough_day(local_app: Path) -> None:
    build_goal("I will walk for 10 minutes after lunch every day.")
    build_goal("I will drink a glass of water after breakfast every day.")
    db = store.open_db(local_app)
    walk, water = sorted(store.list_goals(db, owner=LOCAL_OWNER), key=lambda g: g.text)
    at = open_page("checkin")
    no_exception(at)
    picker = at.selectbox(key="ci-goal")
    active = store.list_goals(db, owner=LOCAL_OWNER, statuses=(GoalStatus.ACTIVE,))
    assert picker.options == [g.text for g in active]  # the person's words, as options
    today = dt.date.today().isoformat()
    shown = picker.value
    assert shown is not None
    assert len(at.get("form")) == 1  # one goal's form at a time
    other = walk if shown.id == water.id else water
    picker.set_value(other).run()
    assert at.radio(key=f"ci-{other.id}-{today}-status") is not None
    choose_on_today(open_page("today"), other.id, "not_today")
    again = open_page("checkin")  # as if from Today's "Tough day?" link
    chosen = again.selectbox(key="ci-goal").value
    assert chosen is not None and chosen.id == other.id


def test_check_in_note_with_crisis_words_is_saved(local_app: Path) -> None:
    build_goal("I will walk for 10 minutes after lunch today.")
    goal_id = only_goal(local_app)
    at = open_page("checkin")
    key = f"ci-{goal_id}-{dt.date.today().isoformat()}"
    assert not at.text_area, "the optional fields wait behind the switch"
    at.toggle(key=f"{key}-more").set_value(True).run()
    at.text_area(key=f"{key}-note").input(CRISIS)
    at.button(key="FormSubmitter:" + f"{key}-form-Save check-in").click().run()
    no_exception(at)
    saved = store.get_check_in(
        store.open_db(local_app), owner=LOCAL_OWNER, goal_id=goal_id, day=dt.date.today()
    )
    assert saved is not None and saved.note == CRISIS


def test_check_in_quick_save_keeps_the_day_s_mood_and_note(local_app: Path) -> None:
    build_goal("I will walk for 10 minutes after lunch today.")
    goal_id = only_goal(local_app)
    key = f"ci-{goal_id}-{dt.date.today().isoformat()}"
    at = open_page("checkin")
    at.toggle(key=f"{key}-more").set_value(True).run()
    at.select_slider(key=f"{key}-mood").set_value(4)
    at.text_area(key=f"{key}-note").input("Sunny walk.")
    at.button(key=f"FormSubmitter:{key}-form-Save check-in").click().run()
    again = open_page("checkin")  # the switch starts on: this day has a mood and a note
    assert again.toggle(key=f"{key}-more").value is True
    assert again.text_area(key=f"{key}-note").value == "Sunny walk."
    again.toggle(key=f"{key}-more").set_value(False).run()  # hide them, change the status
    assert not again.text_area
    again.radio(key=f"{key}-status").set_value(CheckInStatus.PARTLY)
    again.button(key=f"FormSubmitter:{key}-form-Save check-in").click().run()
    no_exception(again)
    saved = store.get_check_in(
        store.open_db(local_app), owner=LOCAL_OWNER, goal_id=goal_id, day=dt.date.today()
    )
    assert saved is not None
    assert (saved.status, saved.mood, saved.note) == (CheckInStatus.PARTLY, 4, "Sunny walk.")


def test_empty_goal_gets_a_kind_message_and_nothing_is_saved(local_app: Path) -> None:
    at = open_page("build")
    at.text_input(key="build-text").input("   ").run()
    at.button(key="build-save").click().run()
    no_exception(at)
    assert any("few words" in w.value for w in at.warning)
    assert store.list_goals(store.open_db(local_app), owner=LOCAL_OWNER) == []


def test_today_welcomes_a_new_person(local_app: Path) -> None:
    at = open_page("today")
    labels = [link.value for link in at.page_link]
    assert "Start with one small goal" in labels
    assert "Learn what makes a goal SMART" in labels


def test_links_lead_to_their_pages_through_this_session_s_page_list(local_app: Path) -> None:
    first, second = open_page("today"), open_page("today")
    targets = {link.value: link.proto.page for link in first.page_link}
    assert targets == {HELP: "help", "Start with one small goal": "build",
                       "Learn what makes a goal SMART": "learn"}
    kept = first.session_state[PAGES_KEY]
    assert list(kept) == [info.key for info in PAGES]
    first.switch_page("pages/help.py").run()
    no_exception(first)
    assert first.session_state[PAGES_KEY] is kept  # built once per session ...
    # ... and never shared: st.navigation marks the page allowed to run on the object.
    assert all(mine is not theirs for mine, theirs
               in zip(kept.values(), second.session_state[PAGES_KEY].values(), strict=True))


def test_past_three_goals_needs_a_confirm(filled: Database) -> None:
    at = open_page("build")
    assert any("already have 3 active goals" in i.value for i in at.info)
    at.text_input(key="build-text").input("I will read for 10 minutes tonight.").run()
    assert at.button(key="build-save").disabled
    at.checkbox(key="build-confirm_more").check().run()
    at.button(key="build-save").click().run()
    no_exception(at)
    assert store.count_goals(filled, owner=LOCAL_OWNER, status=GoalStatus.ACTIVE) == 4


def test_coach_suggestion_is_one_click(local_app: Path) -> None:
    at = open_page("build")
    at.text_input(key="build-text").input("I will walk for 10 minutes after lunch").run()
    at.button(key="build-idea-use-0").click().run()
    no_exception(at)
    assert at.text_input(key="build-text").value != "I will walk for 10 minutes after lunch"


def test_big_dream_becomes_linked_steps(local_app: Path) -> None:
    at = open_page("build")
    at.radio(key="build-mode").set_value("Break a big dream into first steps").run()
    at.text_input(key="dream-text").input("Go back to school")
    at.text_input(key="dream-step-0").input(
        "I will spend 30 minutes browsing college websites this week."
    )
    at.text_input(key="dream-step-1").input("I will email one admissions advisor by Friday.")
    at.run()
    at.button(key="dream-save").click().run()
    no_exception(at)
    db = store.open_db(local_app)
    (dream,) = store.list_dreams(db, owner=LOCAL_OWNER)
    goals = store.list_goals(db, owner=LOCAL_OWNER)
    assert len(goals) == 2 and {g.dream_id for g in goals} == {dream.id}


def test_a_dream_at_the_goal_limit_is_saved_whole_or_not_at_all(
        local_app: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_GOALS", 3)
    db = store.open_db(local_app)
    make_goal(db, owner=LOCAL_OWNER)
    make_goal(db, owner=LOCAL_OWNER)  # room for one more goal, and the dream has two steps
    at = open_page("build")
    at.radio(key="build-mode").set_value("Break a big dream into first steps").run()
    at.text_input(key="dream-text").input("Go back to school")
    at.text_input(key="dream-step-0").input("I will read one college website this week.")
    at.text_input(key="dream-step-1").input("I will email one admissions advisor by Friday.")
    at.run()
    at.button(key="dream-save").click().run()
    no_exception(at)
    assert store.list_dreams(db, owner=LOCAL_OWNER) == []
    assert store.count_goals(db, owner=LOCAL_OWNER) == 2
    said = " ".join(w.value for w in at.warning)
    assert "3 goals" in said and "Archive" not in said  # no advice that cannot work
    assert at.text_input(key="dream-step-1").value  # the words stay to try again


def test_help_page_has_call_text_and_chat_links(local_app: Path) -> None:
    at = open_page("help")
    text = markdown(at)
    assert "(tel:988)" in text and "(sms:988)" in text and "(https://988lifeline.org" in text
    assert any("911" in w.value for w in at.warning)
    at.selectbox(key="help-country").set_value("GB").run()
    assert "116123" in markdown(at).replace(" ", "")


def test_help_follows_the_chosen_country_even_if_it_cannot_be_kept(
        local_app: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_SETTINGS_BYTES", 1)  # a space whose settings are full
    at = open_page("help")
    at.selectbox(key="help-country").set_value("GB").run()
    no_exception(at)
    assert "116123" in markdown(at).replace(" ", "")
    assert store.get_settings(store.open_db(local_app), owner=LOCAL_OWNER) == {}


def test_faq_search_filters(local_app: Path) -> None:
    at = open_page("faq")
    everything = len(at.expander)
    at.text_input(key="faq-search").input("rest day").run()
    assert 0 < len(at.expander) < everything


def test_wins_a_tapped_chip_is_logged_once_and_the_choice_clears(local_app: Path) -> None:
    at = open_page("wins")
    chip = content.small_win_chips()[0]
    at.pills(key="win-chip").set_value(chip).run()
    no_exception(at)
    assert any("Win saved" in s.value for s in at.success)
    assert at.pills(key="win-chip").value is None  # ready for another tap
    at.run()  # a later rerun logs nothing more
    wins = store.recent_wins(store.open_db(local_app), owner=LOCAL_OWNER)
    assert [w.text for w in wins] == [chip]


def test_wins_feed_shows_five_then_more(local_app: Path) -> None:
    db = store.open_db(local_app)
    for k in range(14):
        day = dt.date.today() - dt.timedelta(days=k)
        store.add_win(db, owner=LOCAL_OWNER, now=dt.datetime.now().replace(microsecond=0),
                      draft=parse(WinDraft, {"text": f"Win number {k}", "day": day}))
    at = open_page("wins")
    for expected in (5, 10, 14):  # newest first, five more per click
        assert [t for t in texts(at) if t.startswith("Win number")] == [
            f"Win number {k}" for k in range(expected)]
        if expected < 14:
            at.button(key="wins-more").click().run()
    assert "wins-more" not in [b.key for b in at.button]  # nothing more to show


def test_your_data_changes_a_goal_s_status_in_one_tap(local_app: Path) -> None:
    build_goal("I will walk for 10 minutes after lunch every day.")
    goal_id = only_goal(local_app)
    at = open_page("data")
    at.pills(key=f"status-{goal_id}").set_value(GoalStatus.ARCHIVED).run()
    no_exception(at)
    goal = store.get_goal(store.open_db(local_app), owner=LOCAL_OWNER, goal_id=goal_id)
    assert goal is not None and goal.status is GoalStatus.ARCHIVED
    assert at.pills(key=f"status-{goal_id}").options == ["Un-archive"]
    at.pills(key=f"status-{goal_id}").set_value(GoalStatus.ACTIVE).run()
    goal = store.get_goal(store.open_db(local_app), owner=LOCAL_OWNER, goal_id=goal_id)
    assert goal is not None and goal.status is GoalStatus.ACTIVE
    assert at.pills(key=f"status-{goal_id}").value is None


def test_wins_a_refused_chip_says_why_and_saves_nothing(
    local_app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise store.LimitReached("That's a lot of wins for one day. Try again tomorrow.")

    monkeypatch.setattr("core.store.add_win", refuse)
    at = open_page("wins")
    at.pills(key="win-chip").set_value(content.small_win_chips()[0]).run()
    no_exception(at)
    assert any("Try again tomorrow" in w.value for w in at.warning)
    assert not at.success
    monkeypatch.undo()
    assert store.recent_wins(store.open_db(local_app), owner=LOCAL_OWNER) == []
