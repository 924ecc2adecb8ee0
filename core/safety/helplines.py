"""The help-line directory: free crisis lines and emergency numbers by country.

The lines are data (`helplines.toml` beside this file), each with the official page it
was checked against and when, validated on first use and cached. Apps have shipped
wrong crisis numbers before, so a number goes in only when its own organisation's page
(or a government's) confirms it, and tests pin every one.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from core.shipped import Shipped

__all__ = [
    "DEFAULT_COUNTRY", "INTERNATIONAL", "Contact", "ContactKind", "HelpLine", "countries",
    "country_for_locale", "country_name", "emergency_numbers", "help_lines", "known_country",
]

# ------------------------------------------------------------------ help lines

INTERNATIONAL = "INTL"
DEFAULT_COUNTRY = "US"  # before a person chooses, when their browser names no country we know
ContactKind = Literal["call", "text", "chat", "web", "tty", "email"]
_SCHEMES: dict[str, str] = {"call": "tel:", "tty": "tel:", "text": "sms:", "chat": "https://",
                            "web": "https://", "email": "mailto:"}
_CODE_ALIASES = {"UK": "GB"}


class Contact(Shipped):
    """One way to reach a line: `href` is ready for a link, `label` is what people read."""

    kind: ContactKind
    value: str
    href: str
    label: str

    @model_validator(mode="after")
    def _href_fits_kind(self) -> Contact:
        scheme = _SCHEMES[self.kind]
        if not self.href.startswith(scheme):
            raise ValueError(f"a {self.kind} link must start with {scheme!r}")
        dialled = scheme in ("tel:", "sms:")
        if dialled and not (_is_ascii_digits(self.value) and self.href == scheme + self.value):
            raise ValueError("a phone or text value must be digits and match its link")
        return self


class HelpLine(Shipped):
    """A free help line in one country, with every way to reach it."""

    country_code: str = Field(pattern=r"^[A-Z]{2}$|^INTL$")
    country_name: str
    name: str
    contacts: tuple[Contact, ...] = Field(min_length=1)
    languages: tuple[str, ...] = Field(min_length=1)
    hours: str
    notes: str
    source: str = Field(pattern=r"^https://")  # the official page the contacts were checked on
    last_checked: date


class _Emergency(Shipped):
    numbers: dict[str, tuple[str, ...]]

    @model_validator(mode="after")
    def _digits_only(self) -> _Emergency:
        every = [n for nums in self.numbers.values() for n in nums]
        if not all(_is_ascii_digits(n) for n in every) or not all(self.numbers.values()):
            raise ValueError("emergency numbers must be non-empty lists of digits")
        return self


class _Directory(Shipped):
    emergency: _Emergency
    lines: tuple[HelpLine, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_international_line(self) -> _Directory:
        if [line.country_code for line in self.lines].count(INTERNATIONAL) != 1:
            raise ValueError(f"exactly one {INTERNATIONAL} line is needed as the fallback")
        missing = {line.country_code for line in self.lines} - {INTERNATIONAL}
        missing -= set(self.emergency.numbers)
        if missing:
            raise ValueError(f"no emergency number for {sorted(missing)}")
        return self


def _is_ascii_digits(value: str) -> bool:
    return value.isascii() and value.isdigit()


@cache
def _directory() -> _Directory:
    raw = tomllib.loads(Path(__file__).with_name("helplines.toml").read_text("utf-8"))
    return _Directory.model_validate(raw)


def _code(country_code: str) -> str:
    code = country_code.strip().upper() if isinstance(country_code, str) else ""
    return _CODE_ALIASES.get(code, code)


def help_lines(country_code: str) -> list[HelpLine]:
    """Lines for a country, always ending with the international directory.

    Unknown or empty codes get the international directory alone.
    """
    code = _code(country_code)
    lines = _directory().lines
    fallback = [line for line in lines if line.country_code == INTERNATIONAL]
    if code == INTERNATIONAL:
        return fallback
    return [line for line in lines if line.country_code == code] + fallback


def countries() -> list[tuple[str, str]]:
    """(code, name) pairs for a country picker, in file order, "another country" last."""
    seen: dict[str, str] = {}
    for line in _directory().lines:
        seen.setdefault(line.country_code, line.country_name)
    international = seen.pop(INTERNATIONAL)
    return [*seen.items(), (INTERNATIONAL, international)]


def emergency_numbers(country_code: str) -> tuple[str, ...]:
    """Every emergency number we know for a country, the usual one first; none for
    "another country" or one we do not know: we never guess a number."""
    return _directory().emergency.numbers.get(_code(country_code), ())


def canonical_country(country_code: object) -> str | None:
    """The picker's code for a country ("uk", " gb " -> "GB"), or None if unknown."""
    if not isinstance(country_code, str):
        return None
    code = _code(country_code)
    return code if code in dict(countries()) else None


def known_country(country_code: object) -> bool:
    """A country the picker offers (one with lines of its own, or "another country")."""
    return isinstance(country_code, str) and any(
        code == _code(country_code) for code, _ in countries())


def country_name(country_code: str) -> str:
    """The picker's name for a country ("Australia", "another country")."""
    return dict(countries()).get(_code(country_code), dict(countries())[INTERNATIONAL])


def country_for_locale(locale: object) -> str | None:
    """The country of a browser language tag ("en-AU" -> "AU") when we have lines for it;
    None for a tag with no region or a country we have no lines for."""
    if not isinstance(locale, str):
        return None
    parts = locale.replace("_", "-").split("-")
    regions = [p for p in parts[1:] if len(p) == 2 and p.isalpha()]
    if not regions:
        return None
    code = _code(regions[0])
    return code if code != INTERNATIONAL and known_country(code) else None
