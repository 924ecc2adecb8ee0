"""Tests for the learning text: every file loads, mistakes are refused, links are safe,
and every example goal teaches the right lesson according to the SMART coach.
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import pytest
from pydantic import ValidationError

from core import content
from core.content import (
    CHALLENGE_KEYS,
    FILES,
    PAGE_KEYS,
    big_dream,
    examples,
    faq,
    learn,
    quiz,
    resources,
    setbacks,
    small_win_chips,
)

DATA_DIR = files("core.content")


def _raw(name: str) -> dict[str, Any]:
    return tomllib.loads(DATA_DIR.joinpath(name).read_text(encoding="utf-8"))


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _mutations(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Yield (path, replacement) for every place a mistake could be made in a raw file."""
    if isinstance(node, dict):
        yield (*path, "surprise_key"), "a typo'd or unknown key"
        for key, value in node.items():
            yield from _mutations(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _mutations(value, (*path, index))
    elif isinstance(node, str):
        yield path, ""
        yield path, "   "


def _with(raw: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(raw)
    target: Any = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


# ------------------------------------------------------------------ loading and validation


def test_every_data_file_has_a_model_and_loads() -> None:
    on_disk = {entry.name for entry in DATA_DIR.iterdir() if entry.name.endswith(".toml")}
    assert on_disk == set(FILES)
    content.load_all()


@pytest.mark.parametrize("name", sorted(FILES))
def test_files_refuse_unknown_keys_and_empty_text(name: str) -> None:
    raw = _raw(name)
    model = FILES[name]
    model.model_validate(raw)
    checked = 0
    for path, value in _mutations(raw):
        with pytest.raises(ValidationError):
            model.model_validate(_with(raw, path, value))
        checked += 1
    assert checked > 3


def test_models_are_frozen() -> None:
    item = faq()[0]
    with pytest.raises(ValidationError):
        item.answer = "changed"  # type: ignore[misc]


def test_accessors_return_fresh_lists() -> None:
    chips = small_win_chips()
    chips.clear()
    assert small_win_chips()
    assert faq() is not faq()


def test_every_link_is_https() -> None:
    urls = [s for name in FILES for s in _strings(_raw(name)) if "://" in s or s.startswith("www")]
    assert urls
    assert all(url.startswith("https://") for url in urls), urls


def test_an_http_link_is_refused() -> None:
    with pytest.raises(ValidationError):
        content.Resource(name="x", description="y", url="http://example.org")


def test_page_links_are_known_pages() -> None:
    links = [link for item in faq() for link in item.links]
    assert links and set(links) <= PAGE_KEYS


# ------------------------------------------------------------------ Learn


def test_learn_has_four_reasons_and_five_letters() -> None:
    page = learn()
    assert [r.heading for r in page.reasons] and len(page.reasons) == 4
    assert "".join(letter.letter for letter in page.letters) == "SMART"


def test_research_cites_the_four_studies() -> None:
    research = learn().research
    assert {f.url for f in research.findings} == {
        "https://doi.org/10.1037/ccp0000260",
        "https://doi.org/10.1016/S0065-2601(06)38002-1",
        "https://doi.org/10.1177/0146167212445599",
        "https://doi.org/10.1177/0146167297239001",
    }
    effects = " ".join(f.effect for f in research.findings)
    assert "0.34" in effects and "0.65" in effects
    assert "not treatment" in research.honest_note


# ------------------------------------------------------------------ quiz, examples, setbacks


def test_quiz_answers_are_one_of_the_two_options() -> None:
    items = quiz()
    assert len(items) >= 6
    for item in items:
        assert item.answer in item.options and item.not_smart in item.options
        assert item.answer != item.not_smart
    assert {item.options.index(item.answer) for item in items} == {0, 1}
    assert len({item.id for item in items}) == len(items)


def test_quiz_refuses_an_answer_that_is_not_an_option() -> None:
    with pytest.raises(ValidationError):
        content.QuizItem(id="x", options=("a", "b"), answer="c", missing="specific", feedback="f")


def test_examples_cover_each_life_area_once() -> None:
    areas = examples()
    assert tuple(area.key for area in areas) == CHALLENGE_KEYS
    for area in areas:
        expected = 3 if area.key == "joy" else 2
        assert len(area.smart_goals) >= expected
        assert all(goal.smaller for goal in area.smart_goals)


def test_big_dream_has_three_or_four_small_steps() -> None:
    dream = big_dream()
    assert dream.dream == "Go back to school"
    assert 3 <= len(dream.steps) <= 4


def test_setbacks_offer_questions_and_choices() -> None:
    words = setbacks()
    assert len(words.kind_words) >= 3
    assert [q.key for q in words.reflection] == ["what_happened", "what_learned", "next_time"]
    assert [o.key for o in words.offers] == ["smaller", "change_when", "pause"]


# ------------------------------------------------------------------ FAQ, resources, wins


def test_faq_ids_are_unique_and_the_core_questions_are_there() -> None:
    ids = [item.id for item in faq()]
    assert len(ids) == len(set(ids)) >= 10
    assert {
        "didnt-reach-goal", "how-many-goals", "right-goal", "only-fixing", "big-dream",
        "is-this-therapy", "who-sees-my-data", "rest-day", "missed-days", "make-it-smaller",
        "with-my-therapist", "in-crisis",
    } <= set(ids)


def test_resources_point_to_the_trusted_sites() -> None:
    assert {r.url for r in resources()} == {
        "https://www.nami.org",
        "https://www.samhsa.gov",
        "https://www.nimh.nih.gov",
        "https://www.apa.org",
        "https://988lifeline.org",
    }


def test_small_win_chips_include_the_basics() -> None:
    chips = small_win_chips()
    assert {"Got out of bed", "Drank water", "Took a shower", "Stepped outside",
            "Reached out to someone"} <= set(chips)
    assert len(chips) == len(set(chips)) >= 6


# ------------------------------------------------------------------ the SMART coach agrees


def _smart_examples() -> list[Any]:
    cases = [pytest.param(x.strong, id=f"learn-{x.key}-strong") for x in learn().letters]
    for area in examples():
        cases += [pytest.param(g.goal, id=f"{area.key}-{i}")
                  for i, g in enumerate(area.smart_goals, 1)]
    cases += [pytest.param(s.goal, id=f"big-dream-step-{i}")
              for i, s in enumerate(big_dream().steps, 1)]
    cases += [pytest.param(item.answer, id=f"quiz-{item.id}") for item in quiz()]
    return cases


def _weak_examples() -> list[Any]:
    cases = [pytest.param(x.weak, id=f"learn-{x.key}-weak") for x in learn().letters]
    for area in examples():
        cases += [pytest.param(p.weak, id=f"{area.key}-weak-{i}")
                  for i, p in enumerate(area.pairs, 1)]
    cases += [pytest.param(item.not_smart, id=f"quiz-{item.id}-other") for item in quiz()]
    return cases


@pytest.mark.parametrize("goal", _smart_examples())
def test_smart_examples_pass_the_coach(goal: str) -> None:
    from core.smart import assess

    result = assess(goal)
    unmet = [key for key, criterion in result.criteria.items() if not criterion.met]
    assert result.is_smart is True, f"unmet: {unmet}"


@pytest.mark.parametrize("goal", _weak_examples())
def test_weak_examples_do_not_pass_the_coach(goal: str) -> None:
    from core.smart import assess

    assert assess(goal).is_smart is False


@pytest.mark.parametrize(
    ("goal", "letter"),
    [pytest.param(x.weak, x.key, id=f"learn-{x.key}") for x in learn().letters]
    + [pytest.param(q.not_smart, q.missing, id=f"quiz-{q.id}") for q in quiz()],
)
def test_each_weak_example_misses_the_letter_it_teaches(goal: str, letter: str) -> None:
    from core.smart import assess

    assert assess(goal).criteria[letter].met is False
