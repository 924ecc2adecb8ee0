"""Safety in the app, through Streamlit's AppTest: a goal that describes harm is never
coached or saved, a save under the help card is never celebrated, help follows the
person's country, My safety plan saves as it goes, and gentle signposts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlite_utils import Database
from streamlit.testing.v1 import AppTest

from core import store
from core.models import CheckInDraft, GoalDraft, parse
from core.smart_words import SAFE_GOALS
from tests.conftest import open_page
from ui.session import LOCAL_OWNER

CARD = "You don't have to carry this alone"
HARMFUL = "I will take a handful of pills after dinner 2 times this week"


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def words(at: AppTest) -> str:
    """Every piece of text the page shows (Markdown, captions, alerts, plain text)."""
    parts = [markdown(at), *(c.value for c in at.caption), *(t.value for t in at.text)]
    for kind in ("success", "info", "warning", "error"):
        parts += [e.value for e in getattr(at, kind)]
    return "\n".join(parts)


def balloons(at: AppTest) -> int:
    return len(at.get("balloons"))


def database(path: Path) -> Database:
    return store.open_db(path)


def add_goal(path: Path, text: str = "I will walk for 10 minutes after lunch every day.") -> str:
    today = dt.date.today()
    draft = parse(GoalDraft, {"text": text, "cadence": "day", "times": 1,
                              "start_date": today - dt.timedelta(days=30)}, today=today)
    return store.add_goal(database(path), owner=LOCAL_OWNER, draft=draft,
                          now=dt.datetime.now()).id


# ------------------------------------------------------------------ Build a Goal


def test_a_goal_that_describes_harm_gets_care_not_coaching(local_app: Path) -> None:
    at = open_page("build")
    at.text_input(key="build-text").input(HARMFUL).run()
    no_exception(at)
    shown = words(at)
    assert CARD in shown and "tel:988" in shown  # the calm help card
    assert "looks good" not in shown and "SMART. Nice work" not in shown  # nothing praised
    assert "Ideas from the coach" not in shown and "not yet" not in shown  # no coaching
    assert "won't rate it" in shown  # kind words instead
    assert any(link.value == "Open my safety plan" for link in at.page_link)
    assert "build-save" not in [b.key for b in at.button]  # cannot be saved as a goal
    assert at.text_input(key="build-text").value == HARMFUL  # nothing typed is lost
    assert store.list_goals(database(local_app), owner=LOCAL_OWNER) == []


def test_no_smaller_version_is_offered_for_harm(local_app: Path) -> None:
    at = open_page("build")
    at.text_input(key="build-text").input(HARMFUL).run()
    at.slider(key="build-confidence").set_value(3).run()
    assert "build-use-smaller" not in [b.key for b in at.button]
    assert not any("smaller goal" in t.value for t in at.text)


def test_a_harmful_smaller_version_also_keeps_the_goal_from_being_saved(
        local_app: Path) -> None:
    at = open_page("build")
    at.text_input(key="build-text").input("I will walk for 10 minutes after lunch").run()
    at.text_input(key="build-smaller").input("cut my arms instead").run()
    assert "build-save" not in [b.key for b in at.button]
    assert "can't be saved as a goal" in words(at)


def test_a_goal_about_staying_safe_can_be_chosen_instead(local_app: Path) -> None:
    at = open_page("build")
    at.text_input(key="build-text").input(HARMFUL).run()
    at.button(key="build-safe-0").click().run()
    assert at.text_input(key="build-text").value == SAFE_GOALS[0]
    assert "This goal is SMART" in words(at)
    at.button(key="build-save").click().run()
    no_exception(at)
    (goal,) = store.list_goals(database(local_app), owner=LOCAL_OWNER)
    assert goal.text == SAFE_GOALS[0]


def test_a_look_alike_is_coached_and_saved_as_usual(local_app: Path) -> None:
    at = open_page("build")
    at.text_input(key="build-text").input("I will take my prescribed pills each morning").run()
    assert CARD not in words(at) and "looks good" in words(at)
    at.button(key="build-save").click().run()
    assert len(store.list_goals(database(local_app), owner=LOCAL_OWNER)) == 1
    assert balloons(at) == 1  # a real step: celebrated


def test_a_coping_plan_with_crisis_words_saves_under_the_card_without_balloons(
        local_app: Path) -> None:
    text = "When I feel suicidal, I will call my sister"
    at = open_page("build")
    at.text_input(key="build-text").input(text).run()
    assert CARD in words(at) and "looks good" in words(at)  # a plan to stay safe: coached
    at.button(key="build-save").click().run()
    no_exception(at)
    (goal,) = store.list_goals(database(local_app), owner=LOCAL_OWNER)
    assert goal.text == text
    assert balloons(at) == 0 and "well done" not in words(at)
    assert "Your goal is saved." in words(at) and CARD in words(at)


# ------------------------------------------------------------------ no celebration


def check_in_with(at: AppTest, goal_id: str, note: str) -> AppTest:
    key = f"ci-{goal_id}-{dt.date.today().isoformat()}"
    at.toggle(key=f"{key}-more").set_value(True).run()
    at.text_area(key=f"{key}-note").input(note)
    return at.button(key=f"FormSubmitter:{key}-form-Save check-in").click().run()


def test_a_check_in_under_the_card_is_saved_but_not_celebrated(local_app: Path) -> None:
    goal_id = add_goal(local_app)
    at = check_in_with(open_page("checkin"), goal_id, "honestly i just want to disappear forever")
    no_exception(at)
    saved = store.get_check_in(database(local_app), owner=LOCAL_OWNER, goal_id=goal_id,
                               day=dt.date.today())
    assert saved is not None and saved.note == "honestly i just want to disappear forever"
    assert CARD in words(at)
    assert balloons(at) == 0 and len(at.toast) == 0  # no milestone pop-ups over the card
    wins = open_page("wins")  # the milestone is still there, shown quietly later
    assert "Your very first check-in" in markdown(wins)


def test_the_same_check_in_without_crisis_words_is_celebrated(local_app: Path) -> None:
    goal_id = add_goal(local_app)
    at = check_in_with(open_page("checkin"), goal_id, "Sunny walk, felt good")
    assert CARD not in words(at)
    assert balloons(at) == 1 and any("first check-in" in t.value.lower() for t in at.toast)


def test_a_small_win_under_the_card_is_saved_without_balloons(local_app: Path) -> None:
    at = open_page("wins")
    at.text_input(key="own-win-text").input("Got out of bed even though I want to die")
    at.button(key="FormSubmitter:own-win-Add my win").click().run()
    no_exception(at)
    assert [w.text for w in store.recent_wins(database(local_app), owner=LOCAL_OWNER)] == [
        "Got out of bed even though I want to die"]
    assert balloons(at) == 0 and "Nice one" not in words(at) and CARD in words(at)


# ------------------------------------------------------------------ help follows the person


def test_the_chosen_country_is_kept_and_used_by_every_card(local_app: Path) -> None:
    at = open_page("help")
    at.selectbox(key="help-country").set_value("AU").run()
    no_exception(at)
    assert store.get_settings(database(local_app), owner=LOCAL_OWNER)["country"] == "AU"
    again = open_page("help")  # a new session
    assert again.selectbox(key="help-country").value == "AU"
    shown = words(again)
    assert "(tel:131114)" in shown and "(tel:000)" in shown and "tel:988" not in shown
    learn = open_page("learn")
    learn.text_input(key="learn-coach").input("everyone would be better off without me").run()
    card = words(learn)
    assert "Showing help for Australia" in card and "(tel:131114)" in card
    assert "(tel:000)" in card


def test_before_a_choice_the_browser_s_country_decides(local_app: Path) -> None:
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "streamlit_app.py"),
                           default_timeout=60)
    at.context["locale"] = "en-NZ"
    at.switch_page("pages/help.py").run()
    assert at.selectbox(key="help-country").value == "NZ"
    assert "(tel:1737)" in words(at) and "(tel:111)" in words(at)


def test_with_no_country_known_the_us_lines_show(local_app: Path) -> None:
    at = open_page("help")
    assert at.selectbox(key="help-country").value == "US"
    assert "(tel:911)" in words(at)


def test_another_country_never_guesses_an_emergency_number(local_app: Path) -> None:
    at = open_page("help")
    at.selectbox(key="help-country").set_value("INTL").run()
    shown = words(at)
    assert "your local emergency number" in shown and "tel:" not in shown
    assert "findahelpline.com" in shown


def test_every_line_shows_its_source_and_when_it_was_checked(local_app: Path) -> None:
    at = open_page("help")
    assert "checked on [its official page](https://988lifeline.org" in words(at)


# ------------------------------------------------------------------ My safety plan


def test_the_safety_plan_saves_each_part_as_it_goes(local_app: Path) -> None:
    at = open_page("plan")
    no_exception(at)
    at.text_area(key="plan-warning_signs").input("Staying in bed\nNot answering texts").run()
    at.text_input(key="plan-people-0-name").input("Sam").run()
    at.text_input(key="plan-people-0-phone").input("0400 123 456").run()
    no_exception(at)
    plan = store.get_plan(database(local_app), owner=LOCAL_OWNER)
    assert plan is not None
    assert plan.warning_signs == ("Staying in bed", "Not answering texts")
    assert [(c.name, c.phone) for c in plan.people] == [("Sam", "0400 123 456")]
    assert [c.phone for c in plan.professionals] == ["988", "741741", "911"]  # started for them
    links = [e for e in at.get("bidi_component") if e.key == "plan-people-links"]
    assert '"href": "tel:0400123456"' in links[0].proto.json
    again = open_page("plan")  # edit it later: it is all still there
    assert again.text_area(key="plan-warning_signs").value == "Staying in bed\nNot answering texts"
    again.text_area(key="plan-warning_signs").input("Staying in bed").run()
    plan = store.get_plan(database(local_app), owner=LOCAL_OWNER)
    assert plan is not None and plan.warning_signs == ("Staying in bed",)


def test_a_wrong_number_is_refused_kindly_and_nothing_is_lost(local_app: Path) -> None:
    at = open_page("plan")
    at.text_input(key="plan-people-0-name").input("Sam").run()
    at.text_input(key="plan-people-0-phone").input("0400 abc").run()
    no_exception(at)
    assert any("doesn't look right" in w.value for w in at.warning)
    assert at.text_input(key="plan-people-0-phone").value == "0400 abc"
    plan = store.get_plan(database(local_app), owner=LOCAL_OWNER)
    assert plan is not None and [c.name for c in plan.people] == ["Sam"]


def test_the_plan_downloads_as_a_pdf(local_app: Path) -> None:
    at = open_page("plan")
    assert any(b.key == "plan-pdf" for b in at.get("download_button"))


def test_the_card_and_get_help_now_link_to_the_plan(local_app: Path) -> None:
    learn = open_page("learn")
    learn.text_input(key="learn-coach").input("i want to kms").run()
    assert any(link.value == "Open my safety plan" for link in learn.page_link)
    assert any("safety plan" in link.value for link in open_page("help").page_link)


def test_the_not_today_flow_links_to_the_plan(local_app: Path) -> None:
    goal_id = add_goal(local_app)
    draft = parse(CheckInDraft, {"goal_id": goal_id, "day": dt.date.today(),
                                 "status": "not_today"})
    store.save_check_in(database(local_app), owner=LOCAL_OWNER, draft=draft,
                        now=dt.datetime.now())
    at = open_page("checkin")
    assert any("safety plan" in link.value.lower() for link in at.page_link)


# ------------------------------------------------------------------ gentle signposts


def moods(path: Path, values: list[int]) -> None:
    goal_id = add_goal(path)
    db, today = database(path), dt.date.today()
    for back, mood in enumerate(values):
        draft = parse(CheckInDraft, {"goal_id": goal_id, "day": today - dt.timedelta(days=back),
                                     "status": "partly", "mood": mood})
        store.save_check_in(db, owner=LOCAL_OWNER, draft=draft, now=dt.datetime.now())


def test_mostly_low_moods_bring_a_calm_note_that_can_be_closed(local_app: Path) -> None:
    moods(local_app, [1, 2, 2, 1, 3, 2, 4, 1])
    before = store.get_settings(database(local_app), owner=LOCAL_OWNER)
    at = open_page("today")
    assert "last couple of weeks have been heavy" in markdown(at)
    assert any(link.value == "Free help lines, any time" for link in at.page_link)
    at.button(key="low-mood-close").click().run()
    assert "last couple of weeks have been heavy" not in markdown(at)
    assert store.get_settings(database(local_app), owner=LOCAL_OWNER) == before  # not stored


def test_no_note_with_too_few_moods_or_mostly_okay_ones(local_app: Path) -> None:
    moods(local_app, [1, 1, 1, 1, 1, 1])  # six: not enough to say
    assert "have been heavy" not in markdown(open_page("today"))


def test_no_note_when_most_moods_are_okay(local_app: Path) -> None:
    moods(local_app, [1, 2, 3, 4, 3, 3, 2, 4])
    assert "have been heavy" not in markdown(open_page("today"))


def test_celebrate_wins_welcomes_people_instead_of_counting_a_gap(local_app: Path) -> None:
    assert "Welcome!" in markdown(open_page("wins"))
    goal_id = add_goal(local_app)
    draft = parse(CheckInDraft, {"goal_id": goal_id, "status": "done",
                                 "day": dt.date.today() - dt.timedelta(days=20)})
    store.save_check_in(database(local_app), owner=LOCAL_OWNER, draft=draft,
                        now=dt.datetime.now())
    shown = markdown(open_page("wins"))
    assert "Welcome back" in shown and "0 of the last 7" not in shown


def test_delete_all_on_your_data_removes_the_safety_plan(local_app: Path) -> None:
    at = open_page("plan")
    at.text_area(key="plan-reasons").input("My dog").run()
    assert store.get_plan(database(local_app), owner=LOCAL_OWNER) is not None
    data = open_page("data")
    data.checkbox(key="delete-sure").check().run()
    data.button(key="delete-go").click().run()
    no_exception(data)
    assert store.get_plan(database(local_app), owner=LOCAL_OWNER) is None


def test_the_therapist_summary_offers_the_plan_as_a_choice(local_app: Path) -> None:
    data = open_page("data")
    assert data.checkbox(key="summary-plan").label == "Include my safety plan"
    assert data.checkbox(key="summary-plan").value is False  # only when the person ticks it


def test_the_card_over_a_goal_that_cannot_be_saved_does_not_say_saved(local_app: Path) -> None:
    at = open_page("build")
    at.text_input(key="build-text").input(HARMFUL).run()
    assert "Your words stay where you typed them" in words(at)
    assert "saved as usual" not in words(at)


# ------------------------------------------------------------------ found in review


def test_a_goal_that_hides_its_act_in_a_cue_is_still_not_saved(local_app: Path) -> None:
    at = open_page("build")
    at.text_input(key="build-text").input("When I get up tomorrow take all my pills").run()
    assert "build-save" not in [b.key for b in at.button]
    assert CARD in words(at)


def test_a_care_goal_is_never_replaced_by_make_it_smaller(local_app: Path) -> None:
    goal_id = add_goal(local_app, "I will take my sertraline every morning")
    draft = parse(CheckInDraft, {"goal_id": goal_id, "day": dt.date.today(),
                                 "status": "not_today"})
    store.save_check_in(database(local_app), owner=LOCAL_OWNER, draft=draft,
                        now=dt.datetime.now())
    at = open_page("checkin")
    assert at.text_input(key=f"smaller-{goal_id}").value == (
        "I will take my sertraline every morning")
    assert "won't change it" in words(at)


def test_the_country_survives_the_demo_and_odd_stored_codes(local_app: Path) -> None:
    db = database(local_app)
    store.save_setting(db, owner=LOCAL_OWNER, key="country", value="uk",
                       now=dt.datetime.now())
    at = open_page("help")  # a code stored in another form (an import) still works
    no_exception(at)
    assert at.selectbox(key="help-country").value == "GB"
    data = open_page("data")
    data.button(key="demo-start").click().run()
    help_in_demo = open_page("help")
    help_in_demo.session_state["demo-on"] = True
    help_in_demo.run()
    assert help_in_demo.selectbox(key="help-country").value == "GB"  # the person's, not the demo's
