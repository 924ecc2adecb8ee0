"""My safety plan: a person's own plan for hard moments, in the Stanley–Brown order.

Why this exists: a written plan, made while things are calmer, is one of the few crisis
tools with evidence behind it (Stanley & Brown's Safety Planning Intervention), and the
one people in apps reach for most. Small Steps keeps it as the person's own words in
seven optional parts: warning signs; things I can do on my own; people and places that
take my mind off things; people I can ask for help; professionals and services; making
my surroundings safer; what keeps me going. It is a self-help tool, not treatment.

Everything here is plain data and rules: the store keeps a plan, pages edit one part at
a time, and `lines` turns a plan into (kind, text) lines for the PDF and the therapist
summary, so both always say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from core.models import kind_error, parse
from core.safety import HelpLine
from core.text import TextProblem, clean_text

ITEM_MAX = 300
ITEMS_MAX = 12
CONTACTS_MAX = 8
PHONE_MAX = 30
_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]*$")

ListPart = Literal["warning_signs", "coping", "distractions", "safer", "reasons"]
ContactPart = Literal["people", "professionals"]


@dataclass(frozen=True)
class Part:
    """One part of the plan, in our words: its heading and a gentle hint."""

    key: str
    title: str
    hint: str


PARTS: tuple[Part, ...] = (
    Part("warning_signs", "Signs that a hard time is starting",
         "Thoughts, feelings, moods or things you notice yourself doing. One per line."),
    Part("coping", "Things I can do on my own to feel a bit steadier",
         "Small things that have helped before, even a little. One per line."),
    Part("distractions", "People and places that help take my mind off things",
         "A friend to sit with, a café, a park, a library. One per line."),
    Part("people", "People I can ask for help",
         "Someone you trust to talk to. Add a number to call or text them from here."),
    Part("professionals", "Professionals and services I can contact",
         "Your therapist, doctor or a help line. We started it with your country's lines; "
         "change it any way you like."),
    Part("safer", "Making my surroundings safer",
         "Ways to keep things that could hurt you away from you, or to be somewhere safer, "
         "maybe with someone's help. One per line."),
    Part("reasons", "What matters to me and keeps me going",
         "People, pets, hopes, small joys. One per line."),
)
LIST_PARTS: tuple[ListPart, ...] = ("warning_signs", "coping", "distractions", "safer",
                                    "reasons")
CONTACT_PARTS: tuple[ContactPart, ...] = ("people", "professionals")
TITLES = {part.key: part.title for part in PARTS}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _item(value: Any, what: str) -> str:
    try:
        text = clean_text(value, what=what, max_len=ITEM_MAX)
    except TextProblem as problem:
        raise kind_error(str(problem)) from None
    assert text is not None
    return text


class PlanContact(_Model):
    """Someone to reach: a name, and a number if there is one."""

    name: str
    phone: str | None = None

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> str:
        return _item(value, "the name")

    @field_validator("phone", mode="before")
    @classmethod
    def _phone(cls, value: Any) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str):
            raise kind_error("Please type the number as digits, like 0400 123 456.")
        phone = value.strip()
        if len(phone) > PHONE_MAX or not _PHONE.match(phone) or len(_digits(phone)) < 3:
            raise kind_error("That number doesn't look right. Use digits, spaces and an "
                             "optional + at the start, like +61 400 123 456.")
        return phone

    @property
    def dial(self) -> str | None:
        """What a phone dials: an optional +, then digits ("+61400123456")."""
        if self.phone is None:
            return None
        return ("+" if self.phone.startswith("+") else "") + _digits(self.phone)

    @property
    def label(self) -> str:
        return f"{self.name} · {self.phone}" if self.phone else self.name


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


class SafetyPlan(_Model):
    """The whole plan. Every part is optional and may be empty."""

    warning_signs: tuple[str, ...] = ()
    coping: tuple[str, ...] = ()
    distractions: tuple[str, ...] = ()
    people: tuple[PlanContact, ...] = ()
    professionals: tuple[PlanContact, ...] = ()
    safer: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()

    @field_validator(*LIST_PARTS, mode="before")
    @classmethod
    def _items(cls, value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list | tuple):
            raise kind_error("Each part of the plan is a list of short lines.")
        items = tuple(_item(v, "that line") for v in value)
        if len(items) > ITEMS_MAX:
            raise kind_error(f"That's a lot for one part — please keep it to {ITEMS_MAX} lines.")
        return items

    @model_validator(mode="after")
    def _few_contacts(self) -> SafetyPlan:
        if max(len(self.people), len(self.professionals)) > CONTACTS_MAX:
            raise kind_error(f"Please keep each list to {CONTACTS_MAX} people or services.")
        return self

    @property
    def empty(self) -> bool:
        return not any(getattr(self, key) for key in TITLES)


def lines_from_text(text: str | None) -> list[str]:
    """A text box's lines: one item each, blank lines dropped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def with_part(plan: SafetyPlan, key: str, value: Any) -> SafetyPlan:
    """The plan with one part replaced, checked again as a whole (InvalidInput, with
    kind words, when something in it can't be kept)."""
    if key not in TITLES:
        raise KeyError(key)
    return parse(SafetyPlan, plan.model_dump() | {key: value})


def starter_professionals(lines: list[HelpLine], emergency: tuple[str, ...]
                          ) -> tuple[PlanContact, ...]:
    """The person's help lines as a first list of services (their first number each),
    and the emergency number, for the plan to start from."""
    found: list[PlanContact] = []
    for line in lines:
        number = next((c.value for c in line.contacts if c.kind in ("call", "text")), None)
        if number is not None and number not in {c.phone for c in found}:
            found.append(PlanContact(name=line.name, phone=number))
    if emergency:
        found.append(PlanContact(name="Emergency services", phone=emergency[0]))
    return tuple(found[:CONTACTS_MAX])


def lines(plan: SafetyPlan) -> list[tuple[str, str]]:
    """The plan as (kind, text) lines (kind: h2, h3, user, p), for the PDF and the
    therapist summary. Parts with nothing in them are left out."""
    out: list[tuple[str, str]] = []
    for part in PARTS:
        value = getattr(plan, part.key)
        if not value:
            continue
        out.append(("h3", part.title))
        if part.key in CONTACT_PARTS:
            out.extend(("user", contact.label) for contact in value)
        else:
            out.extend(("user", item) for item in value)
    return out
