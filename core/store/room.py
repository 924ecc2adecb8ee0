"""Enforcing core.limits inside a write transaction: a write that would pass a limit
raises LimitReached, and the caller's transaction (core.store.connection.write) rolls
the whole write back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core import limits
from core.store.connection import LimitReached

if TYPE_CHECKING:
    from sqlite_utils import Database

_GOAL_WORDS = ('text', '"when"', "why", "smaller_version", "gas")


def _bytes(*columns: str) -> str:
    return " + ".join(f"coalesce(length(CAST({c} AS BLOB)), 0)" for c in columns)


_USAGE = f"""
SELECT
  (SELECT count(*) FROM goals WHERE owner = :o),
  (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM goal_versions
     WHERE owner = :o GROUP BY goal_id)),
  (SELECT count(*) FROM goal_versions WHERE owner = :o),
  (SELECT count(*) FROM check_ins WHERE owner = :o),
  (SELECT count(*) FROM wins WHERE owner = :o),
  (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM wins
     WHERE owner = :o GROUP BY day)),
  (SELECT count(*) FROM dreams WHERE owner = :o),
  (SELECT coalesce(sum(length(CAST(settings AS BLOB))), 0) FROM owners WHERE owner = :o),
  (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM owners, json_each(settings)
     WHERE owner = :o)),
  (SELECT coalesce(sum({_bytes(*_GOAL_WORDS)}), 0) FROM goals WHERE owner = :o)
  + (SELECT coalesce(sum({_bytes(*_GOAL_WORDS, "reason")}), 0) FROM goal_versions
     WHERE owner = :o)
  + (SELECT coalesce(sum({_bytes("note", "what_happened", "what_learned", "try_next")}), 0)
     FROM check_ins WHERE owner = :o)
  + (SELECT coalesce(sum({_bytes("text")}), 0) FROM wins WHERE owner = :o)
  + (SELECT coalesce(sum({_bytes("text")}), 0) FROM dreams WHERE owner = :o)
  + (SELECT coalesce(sum({_bytes("plan")}), 0) FROM safety_plans WHERE owner = :o)
"""


@dataclass(frozen=True)
class Usage:
    goals: int
    versions_per_goal: int  # the most any one goal has
    versions: int
    check_ins: int
    wins: int
    wins_per_day: int  # the most on any one day
    dreams: int
    settings_bytes: int
    settings: int
    words_bytes: int


def usage(db: Database, *, owner: str) -> Usage:
    return Usage(*(int(v) for v in db.execute(_USAGE, {"o": owner}).fetchone()))


def _checks() -> tuple[tuple[str, int, str], ...]:
    """(what is counted, its limit, what a person is told), read when needed so tests can
    change a limit."""
    return (
        ("goals", limits.MAX_GOALS,
         f"There are {limits.MAX_GOALS} goals in your space already, which is the most it "
         "can hold, so nothing new was added."),
        ("versions_per_goal", limits.MAX_VERSIONS,
         f"A goal keeps up to {limits.MAX_VERSIONS} versions, so that history can't be "
         "added."),
        ("versions", limits.MAX_ALL_VERSIONS,
         f"Your space keeps up to {limits.MAX_ALL_VERSIONS:,} versions of goals, so that "
         "history can't be added."),
        ("check_ins", limits.MAX_CHECK_INS,
         f"Your space holds up to {limits.MAX_CHECK_INS:,} check-ins and is full, so "
         "this one wasn't saved."),
        ("wins_per_day", limits.MAX_WINS_PER_DAY,
         f"That's {limits.MAX_WINS_PER_DAY} wins for one day already — what a day! "
         "Add more tomorrow."),
        ("wins", limits.MAX_WINS,
         f"Your space holds up to {limits.MAX_WINS:,} small wins and is full, so this "
         "one wasn't saved."),
        ("dreams", limits.MAX_DREAMS,
         f"Your space holds up to {limits.MAX_DREAMS} big dreams and is full, so nothing "
         "new was added."),
        ("settings", limits.MAX_SETTINGS,
         "Those settings are more than one space keeps, so they weren't saved."),
        ("settings_bytes", limits.MAX_SETTINGS_BYTES,
         "Those settings are more than one space keeps, so they weren't saved."),
        ("words_bytes", limits.MAX_WORDS_BYTES,
         "Your space is full of words — about "
         f"{limits.MAX_WORDS_BYTES // 1_000_000} MB, the most it can hold — so this "
         "wasn't saved."),
    )


def ensure_room(db: Database, *, owner: str, before: Usage | None = None) -> None:
    """Raise LimitReached (kind words) if the write just made `owner`'s space go past a
    limit, or further past it. Call it inside the write's transaction, after writing: the
    whole write is then undone. A space already past a limit (from an older version of
    Small Steps, whose limits were looser) can still do everything that doesn't add to
    what is over."""
    after = usage(db, owner=owner)
    for name, limit, message in _checks():
        now = getattr(after, name)
        if now > limit and (before is None or now > getattr(before, name)):
            raise LimitReached(message)


@contextmanager
def room(db: Database, *, owner: str) -> Iterator[None]:
    """`with write(db), room(db, owner=…):` — the limits, checked against what this
    write added."""
    before = usage(db, owner=owner)
    yield
    ensure_room(db, owner=owner, before=before)
