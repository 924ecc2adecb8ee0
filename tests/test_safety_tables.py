"""The safety checks measured on the team's labelled tables (tests/tables/*.csv).

The crisis table holds sentences written the way people type them (indirect wording,
past tense, slang, typos, non-native English) and everyday sentences with risky words;
the goal table holds goals that describe harm and healthy look-alikes. Figures are in
docs/safety.md (`uv run python -m scripts.safety_tables` prints them).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from core.safety.tables import Row, read_table, score
from core.smart import CRITERIA_KEYS, assess, make_smaller

TABLES = Path(__file__).parent / "tables"
CRISIS = read_table(TABLES / "crisis_sentences.csv")
GOALS = read_table(TABLES / "goal_safety.csv")
CRISIS_CATEGORIES = {
    "direct", "indirect", "burden", "better_off", "no_way_out", "cant_go_on", "not_wake_up",
    "disappear", "ending_it", "goodbye", "final_acts", "past_acts", "plans_means",
    "self_harm", "eating", "substances", "stopping_treatment", "slang", "typos", "non_native",
}


def misses(rows: list[Row]) -> str:
    return "\n".join(f"{r.label}/{r.category}: {r.text}" for r in score(rows).wrong)


def test_the_crisis_table_is_big_and_spread_over_every_way_people_write() -> None:
    labels = Counter(row.label for row in CRISIS)
    assert labels["crisis"] >= 200 and labels["everyday"] >= 200
    per_category = Counter(row.category for row in CRISIS if row.label == "crisis")
    assert set(per_category) == CRISIS_CATEGORIES
    assert min(per_category.values()) >= 10


def test_crisis_recall_is_at_least_95_percent() -> None:
    assert score(CRISIS).recall() >= 0.95, misses(CRISIS)


def test_false_alarms_on_everyday_sentences_are_at_most_5_percent() -> None:
    assert score(CRISIS).false_alarms() <= 0.05, misses(CRISIS)


@pytest.mark.parametrize("category", sorted(CRISIS_CATEGORIES))
def test_every_kind_of_crisis_wording_is_mostly_caught(category: str) -> None:
    assert score(CRISIS).rate("crisis", category) >= 0.85, misses(CRISIS)


def test_the_goal_table_has_harm_and_look_alikes() -> None:
    labels = Counter(row.label for row in GOALS)
    assert labels["harm"] >= 100 and labels["healthy"] >= 100


@pytest.mark.parametrize("row", [r for r in GOALS if r.label == "harm"], ids=lambda r: r.text)
def test_a_goal_that_describes_harm_is_never_coached(row: Row) -> None:
    """The distinct state: nothing praised, no tip, no rewrite, no smaller version."""
    result = assess(row.text, why="It matters to me", confidence=9)
    assert result.harm is not None
    assert not result.is_smart and result.suggestions == [] and result.flags == frozenset()
    assert tuple(result.criteria) == CRITERIA_KEYS
    assert all(not c.met and not c.tip and not c.praise for c in result.criteria.values())
    assert make_smaller(row.text) is None


@pytest.mark.parametrize("row", [r for r in GOALS if r.label == "healthy"],
                         ids=lambda r: r.text)
def test_a_healthy_look_alike_gets_the_usual_coach(row: Row) -> None:
    result = assess(row.text)
    assert result.harm is None
    assert all(c.met != bool(c.tip) for c in result.criteria.values())
    assert any(c.praise for c in result.criteria.values())
