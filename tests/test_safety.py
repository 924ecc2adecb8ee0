"""Tests for the crisis-language backup and the help-line directory.

The detector is a soft backup: it should notice plain and misspelt first-person crisis
language, stay quiet for everyday goal talk ("this traffic is killing me"), and never
raise or slow down on strange input.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from core import safety
from core.safety import (
    Contact,
    countries,
    country_for_locale,
    country_name,
    detect_crisis,
    emergency_numbers,
    help_lines,
    known_country,
)
from core.safety.reading import read

CRISIS = [
    pytest.param("I want to die", id="want-to-die"),
    pytest.param("Honestly I just want to kill myself", id="kill-myself"),
    pytest.param("I keep thinking about killing myself", id="killing-myself"),
    pytest.param("Sometimes I think about ending my life", id="ending-my-life"),
    pytest.param("I want to end my life", id="end-my-life"),
    pytest.param("There's no reason to live", id="no-reason-to-live"),
    pytest.param("I keep wanting to hurt myself", id="hurt-myself"),
    pytest.param("I've been feeling suicidal lately", id="suicidal"),
    pytest.param("thinking about suicide again", id="suicide"),
    pytest.param("I don't want to be here anymore", id="not-here-anymore"),
    pytest.param("I don’t want to be here any more", id="curly-apostrophe-any-more"),
    pytest.param("everyone would be better off without me", id="better-off-without-me"),
    pytest.param("I just want to end it all", id="end-it-all"),
    pytest.param("I cut myself last night", id="cut-myself"),
    pytest.param("i wanna die", id="wanna-die"),
    pytest.param("i want to kms", id="want-to-kms"),
    pytest.param("kms", id="kms-alone"),
    pytest.param("I wish I was dead", id="wish-i-was-dead"),
    pytest.param("I might take my own life", id="take-my-own-life"),
    pytest.param("I want to harm myself", id="harm-myself"),
    pytest.param("I started to self-harm again", id="self-harm-hyphen"),
    pytest.param("i want to kil myself", id="typo-kil"),
    pytest.param("I want to end my lfe", id="typo-lfe"),
    pytest.param("i want to kill myslef", id="typo-transposed-myself"),
    pytest.param("i have sucidal thoughts", id="typo-sucidal"),
    pytest.param("i want too die", id="typo-too"),
    pytest.param("i want 2 die", id="digit-two"),
    pytest.param("I WANT TO DIE!!!", id="shouting"),
    pytest.param("i want to dieeeee", id="repeated-letters"),
    pytest.param("i   want...to -- die", id="extra-spaces-and-punctuation"),
    pytest.param("I\u200bwant to die", id="zero-width-between-words"),
    pytest.param("I want to k\u200bill myself", id="zero-width-inside-word"),
    pytest.param("\uff49 \uff57\uff41\uff4e\uff54 \uff54\uff4f \uff44\uff49\uff45", id="fullwidth"),
    pytest.param("I want to kill my self", id="my-self-two-words"),
    pytest.param("there is no point in living", id="no-point-in-living"),
    pytest.param("life isn't worth living", id="not-worth-living"),
    pytest.param("i dont want to live anymore", id="dont-want-to-live"),
    pytest.param("they'd be better off if I was gone", id="better-off-if-gone"),
    pytest.param("Goal: walk. Also I want to die", id="inside-goal-text"),
]

EVERYDAY = [
    pytest.param("I'm dying to try yoga", id="dying-to-try"),
    pytest.param("this traffic is killing me", id="traffic-killing-me"),
    pytest.param("I feel hopeless about cooking", id="hopeless-about-cooking"),
    pytest.param("I read to kill time", id="kill-time"),
    pytest.param("I want to stop overthinking", id="stop-overthinking"),
    pytest.param("my feet are killing me", id="feet-killing-me"),
    pytest.param("I could die laughing", id="die-laughing"),
    pytest.param("That was a killer workout", id="killer-workout"),
    pytest.param("this deadline is killing me", id="deadline"),
    pytest.param("the plant died", id="plant-died"),
    pytest.param("I want to dye my hair", id="dye-hair"),
    pytest.param("I want to die my hair pink", id="die-hair-misspelt"),
    pytest.param("I'd kill for a coffee", id="kill-for-coffee"),
    pytest.param("I will end my day with a walk", id="end-my-day"),
    pytest.param("I hurt my knee at football", id="hurt-my-knee"),
    pytest.param("I want to live more fully", id="live-more-fully"),
    pytest.param("the battery died", id="battery-died"),
    pytest.param("kill the lights at 10 PM", id="kill-the-lights"),
    pytest.param("On Saturday I will walk 5 kms", id="kms-as-distance"),
    pytest.param("I ran three kms today", id="kms-after-number-word"),
    pytest.param("I want to take my life back", id="take-my-life-back"),
    pytest.param("I'll cut myself some slack today", id="cut-myself-some-slack"),
    pytest.param("I will cut myself a little slack", id="cut-myself-a-little-slack"),
    pytest.param("I'd kill myself laughing at that show", id="kill-myself-laughing"),
    pytest.param("DBT is about building a life worth living", id="life-worth-living"),
    pytest.param("I killed it at work today", id="killed-it"),
    pytest.param("my phone is dead", id="phone-dead"),
    pytest.param("I'm dead tired after the gym", id="dead-tired"),
    pytest.param("first, do no harm", id="do-no-harm"),
    pytest.param("I will cut my hair on Sunday", id="cut-my-hair"),
    pytest.param("I'm dying of boredom", id="dying-of-boredom"),
    pytest.param("I want to warm myself up with tea", id="warm-myself"),
    pytest.param("There's no reason to love Mondays", id="no-reason-to-love"),
    pytest.param("Today I will walk for ten minutes", id="plain-goal"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", CRISIS)
def test_notices_crisis_language(text: str) -> None:
    assert detect_crisis(text) is True


@pytest.mark.parametrize("text", EVERYDAY)
def test_stays_quiet_for_everyday_goal_talk(text: str) -> None:
    assert detect_crisis(text) is False


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\x00", id="nul"),
        pytest.param("\ud800", id="lone-surrogate"),
        pytest.param("\udfff\ud800\x00\x7f", id="surrogates-and-controls"),
        pytest.param("   \n\t  ", id="whitespace"),
        pytest.param("🙂🙂🙂", id="emoji"),
        pytest.param("e\u0301\u0301\u0301" * 1000, id="stacked-accents"),
        pytest.param("\u200b" * 10_000, id="only-zero-width"),
    ],
)
def test_odd_input_is_quiet_and_never_raises(text: str) -> None:
    assert detect_crisis(text) is False


def test_phrase_next_to_lone_surrogate_is_still_noticed() -> None:
    assert detect_crisis("\ud800I want to die\ud800") is True


def test_non_string_is_not_a_match() -> None:
    assert detect_crisis(None) is False  # type: ignore[arg-type]
    assert detect_crisis(b"I want to die") is False  # type: ignore[arg-type]


def test_is_deterministic() -> None:
    text = "some days I want to end my lfe, other days I walk"
    assert {detect_crisis(text) for _ in range(20)} == {True}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("I will walk more and rest. " * 40_000, False, id="long-everyday"),
        pytest.param("I will walk. " * 80_000 + "I want to die", True, id="long-phrase-at-end"),
        pytest.param("I want to dye my hair. I killed it at work. " * 25_000, False,
                     id="long-near-misses"),
        pytest.param("\u200bk" * 500_000, False, id="long-zero-width"),
    ],
)
def test_megabyte_text_is_read_correctly(text: str, expected: bool) -> None:
    # how fast is checked by benchmarks/text_growth.py (linear growth), not timed here
    assert detect_crisis(text) is expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=300))
def test_never_raises_on_any_text(text: str) -> None:
    assert detect_crisis(text) in (True, False)


# ------------------------------------------------------------------ help lines

ALL_LINES = [line for code, _ in countries() for line in help_lines(code)]


def test_every_href_uses_a_safe_scheme() -> None:
    for line in ALL_LINES:
        for contact in line.contacts:
            assert contact.href.startswith(("tel:", "sms:", "https://", "mailto:")), contact


def test_phone_and_text_values_are_digits() -> None:
    for line in ALL_LINES:
        for contact in line.contacts:
            if contact.kind in ("call", "text", "tty"):
                assert contact.value.isascii() and contact.value.isdigit(), contact
                assert contact.href.split(":", 1)[1] == contact.value


def test_every_line_cites_its_official_page_and_when_it_was_checked() -> None:
    for line in ALL_LINES:
        assert line.source.startswith("https://"), line.name
        assert isinstance(line.last_checked, date)
        assert date(2026, 11, 1) <= line.last_checked <= date.today(), line.name


def test_us_988_has_call_text_and_chat() -> None:
    lifeline = help_lines("US")[0]
    assert lifeline.name == "988 Suicide & Crisis Lifeline"
    assert {"call", "text", "chat", "tty"} <= {c.kind for c in lifeline.contacts}
    chat = next(c for c in lifeline.contacts if c.kind == "chat")
    assert chat.href == "https://988lifeline.org/chat/"
    labels = " ".join(c.label for c in lifeline.contacts)
    assert "press 2" in labels and "AYUDA" in labels and "ASL Now" in labels
    assert "Spanish" in lifeline.languages


def test_us_includes_veterans_crisis_line_and_crisis_text_line() -> None:
    lines = {line.name: line for line in help_lines("US")}
    veterans = lines["Veterans Crisis Line"]
    assert any("press 1" in c.label for c in veterans.contacts)
    assert "sms:838255" in {c.href for c in veterans.contacts}
    assert [c.href for c in lines["Crisis Text Line"].contacts] == ["sms:741741"]


def test_nothing_mentions_the_ended_press_3_option() -> None:
    raw = Path(safety.__file__).with_name("helplines.toml").read_text("utf-8")
    assert "press 3" not in raw.casefold()
    dumped = " ".join(line.model_dump_json() for line in ALL_LINES)
    assert "press 3" not in dumped.casefold()


# Every number shown, pinned: apps have shipped wrong crisis numbers before. Each one
# was checked on the `source` page of its line (docs/safety.md lists them).
PINNED = {
    "US": {"tel:988", "sms:988", "sms:838255", "sms:741741"},
    "CA": {"tel:988", "sms:988", "sms:686868"},
    "GB": {"tel:116123", "mailto:jo@samaritans.org", "sms:85258"},
    "IE": {"tel:116123"},
    "AU": {"tel:131114"},
    "NZ": {"tel:1737", "sms:1737"},
    "INTL": set(),
}


@pytest.mark.parametrize("code", list(PINNED))
def test_every_number_shown_is_pinned(code: str) -> None:
    shown = {c.href for line in help_lines(code) for c in line.contacts
             if not c.href.startswith("https://")}
    assert shown == PINNED[code]


@pytest.mark.parametrize(
    ("code", "name", "text"),
    [
        pytest.param("GB", "Shout", "Text SHOUT to 85258", id="uk-shout"),
        pytest.param("CA", "Kids Help Phone", "Text CONNECT to 686868", id="canada-kids"),
        pytest.param("AU", "Lifeline", "Call 13 11 14", id="australia-lifeline"),
        pytest.param("NZ", "1737, Need to talk?", "Text 1737", id="new-zealand-1737"),
    ],
)
def test_lines_added_for_more_countries(code: str, name: str, text: str) -> None:
    line = next(line for line in help_lines(code) if line.name == name)
    assert text in [c.label for c in line.contacts]


@pytest.mark.parametrize(
    ("code", "name", "email"),
    [
        pytest.param("GB", "Samaritans", "mailto:jo@samaritans.org", id="uk"),
    ],
)
def test_samaritans_free_number_and_email(code: str, name: str, email: str) -> None:
    line = help_lines(code)[0]
    assert line.name == name
    assert {c.href for c in line.contacts} >= {"tel:116123", email}


def test_samaritans_ireland_free_number() -> None:
    line = help_lines("IE")[0]
    assert line.name == "Samaritans Ireland"
    assert "tel:116123" in {c.href for c in line.contacts}


def test_canada_988_in_english_and_french() -> None:
    line = help_lines("CA")[0]
    assert {"tel:988", "sms:988"} <= {c.href for c in line.contacts}
    assert set(line.languages) == {"English", "French"}


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("US", id="us"),
        pytest.param("gb", id="lowercase"),
        pytest.param(" UK ", id="uk-alias-with-spaces"),
        pytest.param("ZZ", id="unknown"),
        pytest.param("", id="empty"),
        pytest.param("INTL", id="international"),
    ],
)
def test_find_a_helpline_always_comes_last(code: str) -> None:
    lines = help_lines(code)
    assert lines[-1].contacts[0].href == "https://findahelpline.com"
    assert sum(line.name == "Find A Helpline" for line in lines) == 1


def test_unknown_country_gets_only_the_international_directory() -> None:
    assert [line.name for line in help_lines("ZZ")] == ["Find A Helpline"]


def test_countries_for_a_picker() -> None:
    pairs = countries()
    codes = [code for code, _ in pairs]
    assert codes == ["US", "CA", "GB", "IE", "AU", "NZ", "INTL"]
    assert all(name for _, name in pairs)
    assert country_name("AU") == "Australia" and country_name("ZZ") == "Another country"


@pytest.mark.parametrize(
    ("code", "numbers"),
    [
        pytest.param("US", ("911",), id="us"),
        pytest.param("CA", ("911",), id="canada"),
        pytest.param("GB", ("999", "112"), id="uk"),
        pytest.param("uk", ("999", "112"), id="uk-alias"),
        pytest.param("IE", ("112", "999"), id="ireland"),
        pytest.param("AU", ("000", "112"), id="australia"),
        pytest.param("NZ", ("111",), id="new-zealand"),
        pytest.param("INTL", (), id="another-country-never-guesses"),
        pytest.param("FR", (), id="a-country-without-lines"),
        pytest.param("ZZ", (), id="unknown"),
    ],
)
def test_emergency_numbers(code: str, numbers: tuple[str, ...]) -> None:
    assert emergency_numbers(code) == numbers


@pytest.mark.parametrize(
    ("locale", "country"),
    [
        pytest.param("en-AU", "AU", id="australia"),
        pytest.param("en-NZ", "NZ", id="new-zealand"),
        pytest.param("en-GB", "GB", id="uk"),
        pytest.param("en_IE", "IE", id="underscore"),
        pytest.param("fr-CA", "CA", id="french-canada"),
        pytest.param("es-US", "US", id="spanish-us"),
        pytest.param("zh-Hant-TW", None, id="script-and-a-country-without-lines"),
        pytest.param("de-DE", None, id="no-lines-for-germany"),
        pytest.param("en", None, id="no-region"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="none"),
    ],
)
def test_country_for_a_browser_locale(locale: str | None, country: str | None) -> None:
    assert country_for_locale(locale) == country


def test_known_country() -> None:
    assert known_country("AU") and known_country("INTL") and known_country("uk")
    assert not known_country("FR") and not known_country(None) and not known_country("")


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"kind": "call", "value": "988", "href": "https://a.example"}, id="call-web"),
        pytest.param({"kind": "text", "value": "9 8 8", "href": "sms:9 8 8"}, id="spaces"),
        pytest.param({"kind": "call", "value": "988", "href": "tel:911"}, id="mismatch"),
        pytest.param({"kind": "web", "value": "x", "href": "http://x.example"}, id="plain-http"),
        pytest.param({"kind": "fax", "value": "1", "href": "tel:1"}, id="unknown-kind"),
        pytest.param({"kind": "call", "value": "988", "href": "tel:988", "x": 1}, id="extra-key"),
    ],
)
def test_contact_rejects_bad_links(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Contact.model_validate({"label": "Call", **fields})


# ------------------------------------------------------------------ reading and phrases


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("I don't wanna", ("i", "dont", "want", "to"), id="apostrophe-and-wanna"),
        pytest.param("I am so done", ("im", "so", "done"), id="i-am-is-im"),
        pytest.param("dieeeee!!!", ("die",), id="stretched"),
        pytest.param("su1c1dal", ("suicidal",), id="digits-for-letters"),
        pytest.param("k!ll myself", ("kil", "myself"), id="symbol-for-a-letter"),
        pytest.param("s u i c i d e", ("suicide",), id="spaced-letters"),
        pytest.param("i want 2 go", ("i", "want", "to", "go"), id="two-means-to"),
        pytest.param("walk 2 miles", ("walk", "2", "miles"), id="two-is-a-number"),
        pytest.param("5kms at 10am", ("5kms", "at", "10am"), id="numbers-with-units-stay"),
        pytest.param("charity!", ("charity",), id="trailing-mark-is-no-letter"),
        pytest.param("took 💊💊", ("tok", "pils", "pils"), id="pill-emoji"),
        pytest.param("no1 wud care", ("nobody", "would", "care"), id="text-speak"),
        pytest.param("no one, no-one, noone", ("nobody", "nobody", "nobody"), id="no-one"),
    ],
)
def test_text_is_read_the_way_people_type(text: str, words: tuple[str, ...]) -> None:
    assert read(text).words == words


def test_clause_ends_are_noted() -> None:
    reading = read("I stopped eating. Then lunch, and tea")
    assert reading.words[2] == "eating"
    assert 2 in reading.ends and 4 in reading.ends and 5 not in reading.ends


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("honestly killing it at work this week", id="killing-it"),
        pytest.param("dying to see it!!", id="dying-to-see-it"),
        pytest.param("dead tired after the night shift", id="dead-tired"),
        pytest.param("reading to kill time on the train", id="kill-time"),
        pytest.param("ugh my phone died again", id="phone-died"),
        pytest.param("this year I take my life back from anxiety", id="take-my-life-back"),
        pytest.param("that's odd, the bus was early", id="odd-is-not-od"),
        pytest.param("so proud of myself honestly", id="proud-of-myself"),
        pytest.param("going to bring it up with my brother gently", id="bring-it-up"),
        pytest.param("Shot myself in the foot agreeing to host Christmas", id="shot-in-the-foot"),
        pytest.param("Bungee jumped off the bridge in Queenstown!", id="bungee"),
        pytest.param("hanging off a rope 40 metres up on my first abseil", id="abseil"),
        pytest.param("Day 3 of my cut, tracking macros", id="gym-cut"),
        pytest.param("giving away everything I don't need before the move", id="declutter"),
        pytest.param("Gave out meds to the whole ward, zero errors", id="nurse"),
    ],
)
def test_everyday_idioms_stay_quiet(text: str) -> None:
    assert detect_crisis(text) is False


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("everyone would be better off without me", id="better-off"),
        pytest.param("i'm just a burden to my family", id="burden"),
        pytest.param("there's no way out of this", id="no-way-out"),
        pytest.param("I can't go on like this", id="cant-go-on"),
        pytest.param("i just want to sleep and not wake up", id="not-wake-up"),
        pytest.param("I wish I could disappear forever", id="disappear"),
        pytest.param("thinking about ending it tonight", id="ending-it"),
        pytest.param("wrote my goodbye letters", id="goodbye"),
        pytest.param("gave all my things away today", id="final-act"),
        pytest.param("I took a bunch of pills last night", id="past-tense"),
        pytest.param("been saving up my tablets", id="stockpiling"),
        pytest.param("gonna unalive myself", id="slang"),
        pytest.param("i wanna dieeee", id="stretched"),
        pytest.param("i dont wanna live anymore", id="no-apostrophe"),
        pytest.param("i want finish my life", id="non-native"),
        pytest.param("took 30 tablets", id="a-big-number-of-pills"),
        pytest.param("how easy it would be to just go over the edge", id="how-easy"),
    ],
)
def test_crisis_wording_the_way_people_write_it(text: str) -> None:
    assert detect_crisis(text) is True


# ------------------------------------------------------------------ found in review
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Walk \u1369 mile", id="ethiopic-digit"),
        pytest.param("\u0663\u0664 pills", id="arabic-indic-digits"),
        pytest.param("\U0001d7d9\U0001d7da tablets", id="mathematical-digits"),
    ],
)
def test_digits_of_other_scripts_never_raise(text: str) -> None:
    assert detect_crisis(text) in (True, False)
    assert safety.goal_harm(text) is None


def test_repeated_digits_are_kept_as_written() -> None:
    assert read("Eat 2000 calories and 44 grapes").words[1] == "2000"
    assert detect_crisis("I swallowed 44 tablets") is True
    assert detect_crisis("Eat 2000 calories a day") is False


@pytest.mark.parametrize("text", ["ab" * 40_000, "a b " * 40_000, "x" * 200_000])
def test_one_long_word_is_read_in_linear_time(text: str) -> None:
    # how fast is a benchmark's business; this proves the shape reads at all (it took
    # minutes when every long word was checked for spelling slips)
    assert detect_crisis(text) is False


@pytest.mark.parametrize("code", ["uk", " gb ", "au", "INTL"])
def test_a_country_code_in_any_form_is_made_canonical(code: str) -> None:
    assert safety.canonical_country(code) in {"GB", "AU", "INTL"}
    assert safety.canonical_country("FR") is None and safety.canonical_country(None) is None
