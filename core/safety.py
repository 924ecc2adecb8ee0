"""Crisis-language detection and the help-line directory.

Why this exists: someone setting a small goal may type words that say they are not safe.
When that happens the app shows a calm card with free help lines, so help is one tap
away. This is a soft backup only. It is not a risk assessment, it never blocks saving,
nothing about a match is stored or logged, and the Help link sits on every page anyway.
Missing a message is possible, so the wording on the card never promises otherwise.

Detection is plain phrase matching over normalised words with a little spelling
tolerance, in linear time, with no network and no randomness. The help lines are data
(`helplines.toml` beside this file), validated on first use and cached.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from core.shipped import Shipped

__all__ = [
    "INTERNATIONAL", "Contact", "ContactKind", "HelpLine", "countries", "detect_crisis",
    "emergency_number", "emergency_numbers", "help_lines",
]

# ------------------------------------------------------------------ detection

_SURROGATES = re.compile("[\ud800-\udfff]")
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_APOSTROPHES = re.compile("['`\u00b4\u2018\u2019\u201b\u02bc\u2032]")
_COMBINING = re.compile("[\u0300-\u036f]")
_NON_WORD = re.compile(r"[\W_]+")
_REPEATS = re.compile(r"(.)\1+")
_JOINS = ((re.compile(r"\bmy self\b"), "myself"), (re.compile(r"\bany more\b"), "anymore"))

# Words that may be misspelt by one edit ("lfe", "myslef", "sucide"). Kept short on
# purpose: fuzzy "harm" would also match "warm", fuzzy "living" would match "loving".
_FUZZY_TEXT = "myself suicide suicidal life dead reason anymore without better want wish"
_ALIASES = {"to": frozenset({"2"})}
_TAIL = 3  # how many following words an `unless_next` exclusion looks at
_COUNT_TEXT = ("a few many more several some the of those these extra total half couple one two "
               "three four five six seven eight nine ten twelve fifteen twenty hundred")


def _normalise(text: str, invisible: str = "") -> str:
    """Casefold, NFKC, drop accents and invisible marks, squeeze repeats ("dieee" -> "die").

    `invisible` replaces zero-width characters: "" rejoins a word split by them,
    " " keeps two words apart that only they separated.
    """
    text = _INVISIBLE.sub(invisible, _SURROGATES.sub(" ", text))
    text = unicodedata.normalize("NFKC", _APOSTROPHES.sub("", text)).casefold()
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    text = _NON_WORD.sub(" ", _APOSTROPHES.sub("", text))
    text = _REPEATS.sub(r"\1", text)
    for pattern, joined in _JOINS:
        text = pattern.sub(joined, text)
    return text.strip()


_FUZZY = frozenset(_normalise(_FUZZY_TEXT).split())
_COUNT_WORDS = frozenset(_normalise(_COUNT_TEXT).split())


@dataclass(frozen=True, slots=True)
class _Phrase:
    tokens: tuple[str, ...]
    unless_next: frozenset[str] = field(default_factory=frozenset)
    unless_after_count: bool = False  # "walk 5 kms" is a distance


_DIE_IDIOMS = "hair laughing laughter"  # "want to die my hair" is a typo for "dye"
_PHRASES: tuple[tuple[str, str], ...] = (
    # (phrase, words that cancel it when they follow within _TAIL words)
    *((p, _DIE_IDIOMS) for p in ("want to die", "wanna die", "wish i could die",
                                  "wish i would die")),
    *((p, "") for p in ("want to be dead", "wanna be dead", "wish i was dead",
                        "wish i were dead", "wish i was never born",
                        "wish i had never been born", "wish i wasnt alive",
                        "wish i was not alive", "better off dead")),
    *((p, "laughing laughter") for p in ("kill myself", "killing myself")),
    *((p, "") for p in ("hang myself", "end my life", "ending my life", "end my own life",
                        "ending my own life", "end it all", "ending it all", "suicide",
                        "suicidal")),
    *((p, "back") for p in ("take my life", "taking my life", "take my own life",
                            "taking my own life")),
    *((p, "") for p in ("no reason to live", "no reason to keep living", "no reason to go on",
                        "nothing to live for", "no point in living", "no point living",
                        "not worth living", "isnt worth living")),
    *((f"{neg} {want} {rest}", "") for neg in ("dont", "do not") for want in ("want to", "wanna")
      for rest in ("be here anymore", "be alive", "live", "exist")),
    *((p, "") for p in ("better off without me", "better off if i was gone",
                        "better off if i were gone")),
    *((p, "") for p in ("hurt myself", "hurting myself", "harm myself", "harming myself",
                        "self harm", "selfharm", "self harming", "self injury",
                        "self injuring")),
    *((p, "some slack off slice piece free loose short break")
      for p in ("cut myself", "cutting myself")),
)


@cache
def _phrase_index() -> tuple[dict[str, tuple[_Phrase, ...]], dict[str, tuple[str, ...]]]:
    """Phrases by first word, plus the fuzzy first words by their first letter."""
    phrases = [_Phrase(tuple(_normalise(p).split()), frozenset(_normalise(u).split()))
               for p, u in _PHRASES]
    phrases.append(_Phrase(("kms",), unless_after_count=True))
    by_first: dict[str, list[_Phrase]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase.tokens[0], []).append(phrase)
    fuzzy: dict[str, list[str]] = {}
    for first in by_first:
        if first in _FUZZY:
            fuzzy.setdefault(first[0], []).append(first)
    return ({k: tuple(v) for k, v in by_first.items()},
            {k: tuple(v) for k, v in fuzzy.items()})


def _within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insert, delete, swap or adjacent transpose."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1]


def _token_matches(token: str, pattern: str) -> bool:
    if token == pattern or token in _ALIASES.get(pattern, ()):
        return True
    return (pattern in _FUZZY and len(token) >= 3 and token[0] == pattern[0]
            and _within_one_edit(token, pattern))


def _is_count(token: str) -> bool:
    return token in _COUNT_WORDS or any(ch.isdigit() for ch in token)


def _matches_at(tokens: list[str], i: int, phrase: _Phrase) -> bool:
    end = i + len(phrase.tokens)
    if end > len(tokens):
        return False
    if not all(_token_matches(tokens[i + j], p) for j, p in enumerate(phrase.tokens)):
        return False
    if phrase.unless_next and not phrase.unless_next.isdisjoint(tokens[end : end + _TAIL]):
        return False
    return not (phrase.unless_after_count and i > 0 and _is_count(tokens[i - 1]))


def _candidates(token: str) -> tuple[_Phrase, ...]:
    """Phrases that could start at this word (exactly, or by one spelling slip)."""
    by_first, fuzzy = _phrase_index()
    found = list(by_first.get(token, ()))
    for first in fuzzy.get(token[:1], ()):
        if first != token and _token_matches(token, first):
            found.extend(by_first[first])
    return tuple(found)


def _scan(tokens: list[str]) -> bool:
    # Long texts repeat words, so remember candidates for this call only: nobody's words
    # outlive the call (a module-level cache would keep them in memory).
    seen: dict[str, tuple[_Phrase, ...]] = {}
    for i, token in enumerate(tokens):
        if token not in seen:
            seen[token] = _candidates(token)
        if any(_matches_at(tokens, i, phrase) for phrase in seen[token]):
            return True
    return False


def detect_crisis(text: str) -> bool:
    """True when `text` contains first-person crisis language ("I want to die", "kms").

    Never raises: anything that is not a string, or is empty, is simply not a match.
    """
    if not isinstance(text, str) or not text:
        return False
    # Zero-width characters may hide inside a word or stand between two: try both readings.
    readings = ("", " ") if _INVISIBLE.search(text) else ("",)
    return any(_scan(_normalise(text, invisible).split()) for invisible in readings)


# ------------------------------------------------------------------ help lines

INTERNATIONAL = "INTL"
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
    last_checked: date


class _Emergency(Shipped):
    default: str
    numbers: dict[str, tuple[str, ...]]

    @model_validator(mode="after")
    def _digits_only(self) -> _Emergency:
        every = [self.default, *(n for nums in self.numbers.values() for n in nums)]
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
    """Every emergency number we know for a country, the usual one first."""
    emergency = _directory().emergency
    return emergency.numbers.get(_code(country_code), (emergency.default,))


def emergency_number(country_code: str) -> str:
    """The usual emergency number ("911", "999", "112"); 112 when the country is unknown."""
    return emergency_numbers(country_code)[0]
