"""The crisis model (core/safety/model.json): it loads, reads text the same way every
time, matches the training sentences it says it was trained on, and only adds cards."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from core import content
from core.safety import detect_crisis, goal_harm, model
from core.safety.crisis import MODEL, crisis_category
from core.safety.reading import read
from core.smart_words import CARE_STEPS, TOPIC_EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
RAW = json.loads((ROOT / "core" / "safety" / "model.json").read_text("utf-8"))


def test_the_model_was_trained_on_the_committed_sentences() -> None:
    """Changing the training sentences without training again would leave the weights
    describing other data: retrain with `uv run python -m scripts.train_crisis_model`."""
    files = sorted((ROOT / "scripts" / "training").glob("*.csv"))
    assert files
    assert RAW["trained_on"] == {f.name: hashlib.sha256(f.read_bytes()).hexdigest()
                                 for f in files}


def test_the_team_s_evaluation_table_is_never_training_data() -> None:
    table = (ROOT / "tests" / "tables" / "crisis_sentences.csv").read_bytes()
    assert hashlib.sha256(table).hexdigest() not in RAW["trained_on"].values()


def test_the_model_is_small_and_its_threshold_sensible() -> None:
    loaded = model.load()
    assert 0.5 <= loaded.threshold < 1
    assert 1_000 < len(loaded.weights) < 60_000
    assert all(name[:2] in ("w:", "c:") for name in loaded.weights)


def test_features_are_word_runs_and_letter_groups() -> None:
    found = model.features(read("I want to die").words)
    assert {"w:want", "w:want to", "w:want to die", "c: di", "c:die ", "c: die "} <= found
    assert model.features(()) == set()


def test_a_score_is_the_same_every_time() -> None:
    words = read("some nights I count the tablets in the drawer").words
    assert len({model.probability(words) for _ in range(5)}) == 1


def test_long_text_is_scored_in_note_sized_pieces() -> None:
    text = "I walked to the shop and bought bread. " * 200
    pieces = model.windows(read(text))
    assert len(pieces) > 10
    assert max(map(len, pieces)) <= model.WINDOW_WORDS
    assert sum(map(len, pieces)) == len(read(text).words)  # every word, once


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("I keep counting the tablets in the drawer and thinking tonight could "
                     "be the night", id="means-and-timing"),
        pytest.param("nobody would even look up if my chair was empty tomorrow",
                     id="nobody-would-notice"),
    ],
)
def test_the_model_catches_wording_no_phrase_foresaw(text: str) -> None:
    assert crisis_category(text) == MODEL


def test_the_model_never_decides_what_can_be_saved_as_a_goal() -> None:
    text = "I keep counting the tablets in the drawer and thinking tonight could be the night"
    assert detect_crisis(text) and goal_harm(text) is None


def _app_goals() -> list[str]:
    found = content.small_win_chips() + [e for _, e in TOPIC_EXAMPLES]
    found += list(CARE_STEPS.values())
    for area in content.examples():
        found += [p.weak for p in area.pairs] + [p.smart for p in area.pairs]
        found += [g.goal for g in area.goals]
    return found


@pytest.mark.parametrize("text", _app_goals())
def test_the_app_s_own_example_goals_never_bring_up_the_card(text: str) -> None:
    assert not detect_crisis(text)


@pytest.mark.parametrize("text", [
    "I want to feel good about myself.", "I need to calm down.", "I want to stop overthinking",
    "I want to be happy again", "stop hating my body", "get my life together",
    "I will take my meds every morning", "I can't sleep, I want to sleep better",
])
def test_vague_wishes_people_type_as_goals_never_bring_up_the_card(text: str) -> None:
    assert not detect_crisis(text)
