"""The shapes of Small Steps' data and the rules that keep it sensible.

Pages build a *draft* from widget values, `core.store` keeps *stored* records, and
edits travel as *updates*. Every refusal carries a short, kind sentence (see
`InvalidInput.messages`) that a page can show as it is; pydantic's own wording never
reaches a person.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from core.safety import harm_in
from core.text import TextProblem, clean_text

GOAL_MAX = 300
NOTE_MAX = 2000
SHORT_MAX = 300
WIN_MAX = 200
GAS_MAX = 200
MAX_AMOUNT = 100_000
EARLIEST_DAY = dt.date(2000, 1, 1)
MAX_AHEAD = dt.timedelta(days=731)  # "more than 2 years ahead" is absurd for a small goal


class LifeArea(StrEnum):
    MOOD = "mood"
    ANXIETY = "anxiety"
    SOCIAL = "social"
    SELF_ESTEEM = "self_esteem"
    JOY = "joy"
    OTHER = "other"


AREA_LABELS: dict[LifeArea, str] = {
    LifeArea.MOOD: "Mood and energy",
    LifeArea.ANXIETY: "Worry and anxiety",
    LifeArea.SOCIAL: "People and connection",
    LifeArea.SELF_ESTEEM: "How I see myself",
    LifeArea.JOY: "Joy and fun",
    LifeArea.OTHER: "Something else",
}


class Cadence(StrEnum):
    DAY = "day"  # N times a day
    WEEK = "week"  # N times a week
    ONCE = "once"  # once, by the review date


class GoalStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    ACHIEVED = "achieved"
    ARCHIVED = "archived"


class CheckInStatus(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    NOT_TODAY = "not_today"
    REST = "rest"


CHECKIN_LABELS: dict[CheckInStatus, str] = {
    CheckInStatus.DONE: "Done",
    CheckInStatus.PARTLY: "Partly",
    CheckInStatus.NOT_TODAY: "Not today",
    CheckInStatus.REST: "Rest day",
}

MOOD_WORDS: dict[int, str] = {1: "Very low", 2: "Low", 3: "Okay", 4: "Good", 5: "Great"}

# What a person sees when a value has the wrong type entirely (pydantic's own
# wording is never shown).
FIELD_MESSAGES: dict[str, str] = {
    "times": "How often should be a whole number, like 3.",
    "confidence": "Confidence is a number from 0 to 10.",
    "mood": "Mood is a number from 1 (very low) to 5 (great).",
    "amount": "The amount should be a number, like 10.",
    "day": "That date doesn't look right. Please choose another day.",
    "start_date": "That start date doesn't look right. Please choose another day.",
    "review_date": "That review date doesn't look right. Please choose another day.",
    "area": "Please pick one of the life areas.",
    "cadence": "Please pick how often: a day, a week, or once.",
    "status": "Please pick one of the choices.",
    "gas_attained": "Pick a level from -2 to +2.",
}
DEFAULT_MESSAGE = "Something in that didn't look right. Please check it and try again."
HARM_MESSAGE = (  # under 160 characters, like every refusal
    "This sounds like it could hurt you, so it can't be saved as a goal. Your words are "
    "still here; your safety plan and free help lines are one tap away."
)


def kind_error(message: str) -> PydanticCustomError:
    return PydanticCustomError("kind", message)


def _text(value: Any, **rules: Any) -> str | None:
    try:
        return clean_text(value, **rules)
    except TextProblem as problem:
        raise kind_error(str(problem)) from None


def _whole_number(value: Any, *, low: int, high: int, message: str) -> int:
    """Accept ints (and whole floats or digit strings from forms); refuse the rest kindly."""
    if isinstance(value, bool):
        raise kind_error(message)
    if isinstance(value, str):
        value = value.strip()
        if not value.lstrip("-").isdigit() or len(value) > 12:
            raise kind_error(message)
        value = int(value)
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise kind_error(message)
        value = int(value)
    if not isinstance(value, int) or not low <= value <= high:
        raise kind_error(message)
    return value


def _day(value: Any, message: str) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise kind_error(message) from None
    if not isinstance(value, dt.date):
        raise kind_error(message)
    if value < EARLIEST_DAY or value > dt.date(2100, 1, 1):
        raise kind_error(message)
    return value


ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
ID_MESSAGE = "An id in that data doesn't look right."
STAMP_MESSAGE = "A saved time in that data doesn't look right."
MAX_VERSION = 1_000_000


def _id(value: Any) -> str:
    """Ids are made by the app (hex) and only ever read back: letters, digits, - and _."""
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise kind_error(ID_MESSAGE)
    return value


def _stamp(value: Any) -> str:
    """A saved moment, ISO 8601 (with or without an offset), kept as written."""
    if not isinstance(value, str) or len(value) > 40:
        raise kind_error(STAMP_MESSAGE)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise kind_error(STAMP_MESSAGE) from None
    if not EARLIEST_DAY <= moment.date() <= dt.date(2100, 1, 1):
        raise kind_error(STAMP_MESSAGE)
    return value


# Ids and saved moments as they are stored and exported (checked whenever read from a file).
Id = Annotated[str, BeforeValidator(_id)]
Stamp = Annotated[str, BeforeValidator(_stamp)]
VersionNumber = Annotated[int, BeforeValidator(
    lambda value: _whole_number(value, low=1, high=MAX_VERSION, message=DEFAULT_MESSAGE))]


def context_day(info: Any, key: str) -> dt.date | None:
    """The day a caller put in the validation context under `key`, if any."""
    context = getattr(info, "context", None)
    day = context.get(key) if isinstance(context, dict) else None
    return day if isinstance(day, dt.date) else None


def _today(info: Any) -> dt.date | None:
    return context_day(info, "today")


def latest_day(today: dt.date) -> dt.date:
    """The latest day anything may be dated: tomorrow, for a visitor whose zone is ahead
    of the server's."""
    return today + dt.timedelta(days=1)


def _refuse_harm(info: Any, *texts: str | None) -> None:
    """A goal (or a dream's) that a person types now, validated with today's date, is
    never kept when it describes harming oneself: it would get "Done" buttons. Notes and
    wins are always kept (the help card shows instead); rows already stored are read
    back as they are."""
    if _today(info) is not None and harm_in(*texts):
        raise kind_error(HARM_MESSAGE)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


class GasLevels(_Model):
    """Goal Attainment Scaling: what each level would look like, in the person's words."""

    much_less: str | None = None  # -2
    less: str | None = None  # -1
    expected: str  # 0: what I expect if things go as planned
    more: str | None = None  # +1
    much_more: str | None = None  # +2

    @field_validator("much_less", "less", "more", "much_more", mode="before")
    @classmethod
    def _optional_level(cls, value: Any) -> str | None:
        return _text(value, what="that level", max_len=GAS_MAX, required=False)

    @field_validator("expected", mode="before")
    @classmethod
    def _expected_level(cls, value: Any) -> str | None:
        return _text(
            value,
            what="the expected level",
            max_len=GAS_MAX,
            empty_message="Describe the middle level (0): what you expect if things go as planned.",
        )


GOAL_EMPTY = "Your goal needs a few words — what will you do?"


class GoalFields(_Model):
    """Everything a person decides about a goal; shared by drafts, versions and goals."""

    text: str
    area: LifeArea = LifeArea.OTHER
    cadence: Cadence = Cadence.WEEK
    times: int = 1
    when: str | None = None
    why: str | None = None
    confidence: int | None = None
    smaller_version: str | None = None
    review_date: dt.date | None = None
    gas: GasLevels | None = None

    @field_validator("text", mode="before")
    @classmethod
    def _goal_text(cls, value: Any) -> str | None:
        return _text(value, what="your goal", max_len=GOAL_MAX, empty_message=GOAL_EMPTY)

    @field_validator("when", mode="before")
    @classmethod
    def _when(cls, value: Any) -> str | None:
        return _text(value, what="when you'll do it", max_len=SHORT_MAX, required=False)

    @field_validator("why", mode="before")
    @classmethod
    def _why(cls, value: Any) -> str | None:
        return _text(
            value, what="why it matters", max_len=SHORT_MAX, required=False, multiline=True
        )

    @field_validator("smaller_version", mode="before")
    @classmethod
    def _smaller(cls, value: Any) -> str | None:
        return _text(value, what="the smaller version", max_len=GOAL_MAX, required=False)

    @field_validator("times", mode="before")
    @classmethod
    def _times(cls, value: Any) -> int:
        return _whole_number(value, low=1, high=21, message="How often should be 1 to 21 times.")

    @field_validator("confidence", mode="before")
    @classmethod
    def _confidence(cls, value: Any) -> int | None:
        if value is None:
            return None
        return _whole_number(value, low=0, high=10, message=FIELD_MESSAGES["confidence"])

    @field_validator("review_date", mode="before")
    @classmethod
    def _review(cls, value: Any) -> dt.date | None:
        return None if value is None else _day(value, FIELD_MESSAGES["review_date"])

    @model_validator(mode="after")
    def _target_fits_cadence(self) -> GoalFields:
        if self.cadence is Cadence.DAY and self.times > 7:
            raise kind_error("A few times a day is plenty — please pick 1 to 7 times a day.")
        if self.cadence is Cadence.ONCE and self.times != 1:
            raise kind_error("A one-time goal happens once.")
        return self

    @property
    def target_label(self) -> str:
        return target_label(self.cadence, self.times)


def target_label(cadence: Cadence, times: int) -> str:
    if cadence is Cadence.ONCE:
        return "once"
    count = {1: "once", 2: "twice"}.get(times, f"{times} times")
    return f"{count} a {cadence.value}"


class GoalDraft(GoalFields):
    """A new goal as a page hands it to the store."""

    start_date: dt.date
    dream_id: str | None = None

    @field_validator("start_date", mode="before")
    @classmethod
    def _start(cls, value: Any) -> dt.date:
        return _day(value, FIELD_MESSAGES["start_date"])

    @model_validator(mode="after")
    def _dates_make_sense(self, info: Any) -> GoalDraft:
        _refuse_harm(info, self.text, self.when, self.smaller_version)
        today = _today(info)
        if today is not None and self.start_date > today + MAX_AHEAD:
            raise kind_error("That start date is more than two years away. Pick a sooner day.")
        if self.review_date is not None:
            if self.review_date < self.start_date:
                raise kind_error("The review date should come after the start date.")
            if self.review_date > self.start_date + MAX_AHEAD:
                raise kind_error(
                    "A review more than two years away is a long wait. Pick a sooner day."
                )
        return self


class Goal(GoalDraft):
    """A goal as stored: its current version plus status and bookkeeping."""

    id: Id
    dream_id: Id | None = None
    status: GoalStatus = GoalStatus.ACTIVE
    version: VersionNumber = 1
    created_at: Stamp
    updated_at: Stamp
    achieved_on: dt.date | None = None
    gas_attained: int | None = None

    @field_validator("achieved_on", mode="before")
    @classmethod
    def _achieved(cls, value: Any) -> dt.date | None:
        return None if value is None else _day(value, DEFAULT_MESSAGE)

    @field_validator("gas_attained", mode="before")
    @classmethod
    def _attained(cls, value: Any) -> int | None:
        if value is None:
            return None
        return _whole_number(value, low=-2, high=2, message=FIELD_MESSAGES["gas_attained"])


class GoalChange(_Model):
    """An edit to a goal. Only the fields set here change; a new version is kept."""

    fields: dict[str, Any]
    reason: str = "edited"

    @field_validator("reason", mode="before")
    @classmethod
    def _reason(cls, value: Any) -> str | None:
        return _text(value, what="the reason", max_len=100)


class GoalVersion(GoalFields):
    """One earlier (or the current) wording of a goal, kept so change is visible."""

    goal_id: Id
    version: VersionNumber
    changed_at: Stamp
    reason: str

    @field_validator("reason", mode="before")
    @classmethod
    def _reason(cls, value: Any) -> str | None:
        return _text(value, what="the reason for a change", max_len=100)


class CheckInDraft(_Model):
    """One check-in: how a goal went on one day. Saving again for the day replaces it."""

    goal_id: Id
    day: dt.date
    status: CheckInStatus
    amount: float | None = None
    mood: int | None = None
    note: str | None = None
    what_happened: str | None = None
    what_learned: str | None = None
    try_next: str | None = None

    @field_validator("day", mode="before")
    @classmethod
    def _the_day(cls, value: Any) -> dt.date:
        return _day(value, FIELD_MESSAGES["day"])

    @field_validator("mood", mode="before")
    @classmethod
    def _mood(cls, value: Any) -> int | None:
        if value is None:
            return None
        return _whole_number(value, low=1, high=5, message=FIELD_MESSAGES["mood"])

    @field_validator("amount", mode="before")
    @classmethod
    def _amount(cls, value: Any) -> float | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise kind_error(FIELD_MESSAGES["amount"]) from None
        if isinstance(value, bool) or not math.isfinite(number):
            raise kind_error(FIELD_MESSAGES["amount"])
        if not 0 <= number <= MAX_AMOUNT:
            raise kind_error(f"The amount should be between 0 and {MAX_AMOUNT:,}.")
        return number

    @field_validator("note", "what_happened", "what_learned", "try_next", mode="before")
    @classmethod
    def _long_text(cls, value: Any) -> str | None:
        return _text(value, what="your note", max_len=NOTE_MAX, required=False, multiline=True)

    @model_validator(mode="after")
    def _not_in_future(self, info: Any) -> CheckInDraft:
        today = _today(info)
        if today is not None and self.day > latest_day(today):
            raise kind_error("You can check in for today or earlier days, not the future.")
        return self


class CheckIn(CheckInDraft):
    updated_at: Stamp


class WinDraft(_Model):
    """A small win the person logs, like "got out of bed"."""

    text: str
    day: dt.date

    @field_validator("text", mode="before")
    @classmethod
    def _win_text(cls, value: Any) -> str | None:
        return _text(
            value,
            what="your win",
            max_len=WIN_MAX,
            empty_message="Write a few words about your win — even a tiny one counts.",
        )

    @field_validator("day", mode="before")
    @classmethod
    def _the_day(cls, value: Any) -> dt.date:
        return _day(value, FIELD_MESSAGES["day"])


class Win(WinDraft):
    id: Id
    created_at: Stamp


class DreamDraft(_Model):
    """A big dream, broken into small goals that point back to it."""

    text: str

    @field_validator("text", mode="before")
    @classmethod
    def _dream_text(cls, value: Any) -> str | None:
        return _text(
            value,
            what="your dream",
            max_len=GOAL_MAX,
            empty_message="Write your big dream in a few words.",
        )

    @model_validator(mode="after")
    def _not_harm(self, info: Any) -> DreamDraft:
        _refuse_harm(info, self.text)
        return self


class Dream(DreamDraft):
    id: Id
    created_at: Stamp


class InvalidInput(ValueError):
    """Input was refused. `messages` are kind sentences, one per problem, ready to show."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def friendly_messages(error: ValidationError) -> list[str]:
    """Turn a pydantic error into kind sentences, never pydantic's own wording."""
    messages: list[str] = []
    for item in error.errors():
        if item["type"] == "kind":
            message = str(item["msg"])
        else:
            field = next((str(p) for p in reversed(item["loc"]) if isinstance(p, str)), "")
            message = FIELD_MESSAGES.get(field, DEFAULT_MESSAGE)
        if message not in messages:
            messages.append(message)
    return messages or [DEFAULT_MESSAGE]


ModelT = TypeVar("ModelT", bound=BaseModel)


def parse(model: type[ModelT], data: Any, *, today: dt.date | None = None) -> ModelT:
    """Validate `data` as `model`; raise InvalidInput with kind messages on failure.

    Pass `today` for what a person typed just now: dates are checked against it, and
    words that describe harm are refused as a goal or a dream. Rows read back from
    the store or an export file are validated without it."""
    try:
        return model.model_validate(data, context={"today": today} if today else None)
    except ValidationError as error:
        raise InvalidInput(friendly_messages(error)) from None

