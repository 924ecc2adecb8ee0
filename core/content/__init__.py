"""The app's learning text, kept as TOML files and loaded into typed, frozen models.

Why: words change more often than code, and they deserve review of their own. Keeping
Learn, examples, setbacks, FAQ, resources and small-win chips as data lets a writer edit
them without touching a page, while the models below catch mistakes (a typo in a key, an
empty answer, a plain-http link, an unknown page) the first time a file is read. Files
are read lazily and cached for the life of the process.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Annotated, Literal, TypeVar, get_args
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, Field, model_validator

from core.shipped import Shipped

__all__ = [
    "CHALLENGE_KEYS", "FILES", "PAGE_KEYS", "BigDream", "ChallengeExamples", "ChallengeKey",
    "ExamplePair", "FaqItem", "Finding", "GoalExample", "Learn", "Letter", "LetterKey",
    "Offer", "PageKey", "QuizItem", "Reason", "Reflection", "Research", "Resource", "Setbacks",
    "big_dream", "examples", "faq", "learn", "load_all", "quiz", "resources", "setbacks",
    "small_win_chips",
]

PageKey = Literal["learn", "build", "checkin", "wins", "help", "plan", "data", "today"]
PAGE_KEYS: frozenset[str] = frozenset(get_args(PageKey))
ChallengeKey = Literal["mood", "anxiety", "social", "self_esteem", "joy"]
CHALLENGE_KEYS: tuple[str, ...] = get_args(ChallengeKey)
LetterKey = Literal["specific", "measurable", "achievable", "relevant", "time_bound"]
_LETTERS = (("S", "specific"), ("M", "measurable"), ("A", "achievable"), ("R", "relevant"),
            ("T", "time_bound"))


def _https(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise ValueError("links must be full https:// addresses")
    return url


HttpsUrl = Annotated[str, AfterValidator(_https)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]


# ------------------------------------------------------------------ Learn


class Reason(Shipped):
    heading: str
    body: str


class Letter(Shipped):
    letter: Literal["S", "M", "A", "R", "T"]
    key: LetterKey
    word: str
    meaning: str
    weak: str
    strong: str


class Finding(Shipped):
    topic: str
    claim: str
    effect: str
    citation: str
    url: HttpsUrl


class Research(Shipped):
    intro: str
    findings: tuple[Finding, ...] = Field(min_length=1)
    honest_note: str


class Learn(Shipped):
    intro: str
    reasons: tuple[Reason, ...] = Field(min_length=4, max_length=4)
    letters: tuple[Letter, ...]
    research: Research

    @model_validator(mode="after")
    def _letters_spell_smart(self) -> Learn:
        if tuple((x.letter, x.key) for x in self.letters) != _LETTERS:
            raise ValueError("letters must be S, M, A, R, T in order, with matching keys")
        return self


# ------------------------------------------------------------------ quiz


class QuizItem(Shipped):
    """Two goals side by side; `answer` is the SMART one, `missing` what the other lacks."""

    id: Slug
    options: tuple[str, str]
    answer: str
    missing: LetterKey
    feedback: str

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> QuizItem:
        if self.answer not in self.options or self.options[0] == self.options[1]:
            raise ValueError("answer must be one of two different options")
        return self

    @property
    def not_smart(self) -> str:
        return self.options[1] if self.answer == self.options[0] else self.options[0]


class _Quiz(Shipped):
    items: tuple[QuizItem, ...] = Field(min_length=6)


# ------------------------------------------------------------------ examples


class GoalExample(Shipped):
    """A SMART goal and its low-energy `smaller` version."""

    goal: str
    smaller: str


class ExamplePair(Shipped):
    weak: str
    smart: str
    smaller: str

    @property
    def as_goal(self) -> GoalExample:
        return GoalExample(goal=self.smart, smaller=self.smaller)


class ChallengeExamples(Shipped):
    """Examples for one life area: weak-to-SMART `pairs`, or (for joy) SMART `goals` only."""

    key: ChallengeKey
    title: str
    intro: str
    pairs: tuple[ExamplePair, ...] = ()
    goals: tuple[GoalExample, ...] = ()

    @model_validator(mode="after")
    def _enough_examples(self) -> ChallengeExamples:
        if self.key == "joy" and (len(self.goals) < 3 or self.pairs):
            raise ValueError("joy needs at least 3 goals and no weak pairs")
        if self.key != "joy" and (len(self.pairs) < 2 or self.goals):
            raise ValueError(f"{self.key} needs at least 2 weak-to-SMART pairs")
        return self

    @property
    def smart_goals(self) -> tuple[GoalExample, ...]:
        return tuple(p.as_goal for p in self.pairs) + self.goals


class BigDream(Shipped):
    dream: str
    intro: str
    steps: tuple[GoalExample, ...] = Field(min_length=3, max_length=4)


class _Examples(Shipped):
    challenges: tuple[ChallengeExamples, ...]
    big_dream: BigDream

    @model_validator(mode="after")
    def _one_per_area(self) -> _Examples:
        if tuple(c.key for c in self.challenges) != CHALLENGE_KEYS:
            raise ValueError(f"challenges must be exactly {CHALLENGE_KEYS}, in that order")
        return self


# ------------------------------------------------------------------ setbacks


class Reflection(Shipped):
    key: Literal["what_happened", "what_learned", "next_time"]
    question: str
    hint: str


class Offer(Shipped):
    key: Literal["smaller", "change_when", "pause"]
    title: str
    explanation: str


class Setbacks(Shipped):
    kind_words: tuple[str, ...] = Field(min_length=3)
    self_compassion: str
    reflection: tuple[Reflection, ...] = Field(min_length=3, max_length=3)
    offers: tuple[Offer, ...] = Field(min_length=3, max_length=3)

    @model_validator(mode="after")
    def _each_key_once(self) -> Setbacks:
        for group in (self.reflection, self.offers):
            if len({item.key for item in group}) != len(group):
                raise ValueError("each reflection question and offer appears once")
        return self


# ------------------------------------------------------------------ FAQ, resources, wins


class FaqItem(Shipped):
    id: Slug
    question: str
    answer: str
    links: tuple[PageKey, ...] = ()


class _Faq(Shipped):
    items: tuple[FaqItem, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> _Faq:
        if len({item.id for item in self.items}) != len(self.items):
            raise ValueError("FAQ ids must be unique")
        return self


class Resource(Shipped):
    name: str
    description: str
    url: HttpsUrl


class _Resources(Shipped):
    items: tuple[Resource, ...] = Field(min_length=1)


class _Wins(Shipped):
    chips: tuple[str, ...] = Field(min_length=5)

    @model_validator(mode="after")
    def _unique_chips(self) -> _Wins:
        if len(set(self.chips)) != len(self.chips):
            raise ValueError("small-win chips must be unique")
        return self


# ------------------------------------------------------------------ loading

FILES: Mapping[str, type[BaseModel]] = MappingProxyType({
    "learn.toml": Learn,
    "quiz.toml": _Quiz,
    "examples.toml": _Examples,
    "setbacks.toml": Setbacks,
    "faq.toml": _Faq,
    "resources.toml": _Resources,
    "wins.toml": _Wins,
})
"""Every data file in this package and the model that validates it."""

_M = TypeVar("_M", bound=BaseModel)


@cache
def _load(name: str) -> BaseModel:
    raw = tomllib.loads(files(__name__).joinpath(name).read_text(encoding="utf-8"))
    return FILES[name].model_validate(raw)


def _get(name: str, model: type[_M]) -> _M:
    loaded = _load(name)
    if not isinstance(loaded, model):  # only if FILES and an accessor disagree
        raise TypeError(f"{name} loaded as {type(loaded).__name__}, not {model.__name__}")
    return loaded


def load_all() -> None:
    """Read and validate every data file now (a startup or CI check); raises on a mistake."""
    for name in FILES:
        _load(name)


def learn() -> Learn:
    return _get("learn.toml", Learn)


def quiz() -> list[QuizItem]:
    return list(_get("quiz.toml", _Quiz).items)


def examples() -> list[ChallengeExamples]:
    return list(_get("examples.toml", _Examples).challenges)


def big_dream() -> BigDream:
    return _get("examples.toml", _Examples).big_dream


def setbacks() -> Setbacks:
    return _get("setbacks.toml", Setbacks)


def faq() -> list[FaqItem]:
    return list(_get("faq.toml", _Faq).items)


def resources() -> list[Resource]:
    return list(_get("resources.toml", _Resources).items)


def small_win_chips() -> list[str]:
    return list(_get("wins.toml", _Wins).chips)
