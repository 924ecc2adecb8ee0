"""Measuring the safety checks on labelled tables of sentences (CSV: label,category,text).

The team's own tables live in tests/tables/; the same code measures sentences kept
outside the project. Crisis tables label rows `crisis` or `everyday`; goal tables label
them `harm` or `healthy`.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.safety import phrases
from core.safety.crisis import detect_crisis, goal_harm
from core.safety.reading import read

POSITIVE = {"crisis": True, "everyday": False, "harm": True, "healthy": False}


@dataclass(frozen=True)
class Row:
    label: str
    category: str
    text: str

    @property
    def positive(self) -> bool:
        return POSITIVE[self.label]


@dataclass
class Score:
    """How a check did on one table: counts by (label, category), and the rows it got
    wrong."""

    right: dict[tuple[str, str], int] = field(default_factory=dict)
    total: dict[tuple[str, str], int] = field(default_factory=dict)
    wrong: list[Row] = field(default_factory=list)

    def rate(self, label: str, category: str | None = None) -> float:
        keys = [k for k in self.total if k[0] == label and category in (None, k[1])]
        total = sum(self.total[k] for k in keys)
        return sum(self.right[k] for k in keys) / total if total else float("nan")

    def recall(self) -> float:
        """Share of positive rows (crisis, harm) the check noticed."""
        return self.rate(next(lab for lab in ("crisis", "harm") if self._has(lab)))

    def false_alarms(self) -> float:
        """Share of negative rows (everyday, healthy) the check fired on."""
        return 1 - self.rate(next(lab for lab in ("everyday", "healthy") if self._has(lab)))

    def _has(self, label: str) -> bool:
        return any(k[0] == label for k in self.total)


def read_table(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [Row(r["label"], r["category"], r["text"]) for r in csv.DictReader(handle)]


def check_for(rows: list[Row]) -> Callable[[str], bool]:
    """`detect_crisis` for a crisis table, `goal_harm` for a goal table."""
    if any(row.label in ("harm", "healthy") for row in rows):
        return lambda text: goal_harm(text) is not None
    return detect_crisis


def score(rows: list[Row]) -> Score:
    check = check_for(rows)
    result = Score()
    for row in rows:
        key = (row.label, row.category)
        ok = check(row.text) == row.positive
        result.total[key] = result.total.get(key, 0) + 1
        result.right[key] = result.right.get(key, 0) + ok
        if not ok:
            result.wrong.append(row)
    return result


def explain(text: str) -> str:
    """Which phrase of phrases.toml fired on `text` (for reading a false alarm)."""
    rule = phrases.find_rule(read(text))
    return "-" if rule is None else f"[{rule.category}] {rule.pattern}"
