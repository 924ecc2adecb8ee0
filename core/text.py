"""Cleaning and checking free text that people type.

Every piece of user-written text (a goal, a note, a reflection, a small win) passes
through `clean_text` before it is stored, so the rules are the same everywhere and a
refusal always comes with one short, kind sentence a page can show as it is.
"""

from __future__ import annotations

import re

# Characters no text box should produce: C0/C1 controls (Unicode category Cc) and lone
# surrogates (Cs, which cannot be stored as UTF-8). A multi-line box may hold newlines
# and tabs. One compiled pattern each: a regex scan, not a Python loop per character
# (every goal, check-in and win read back from the store is checked again by its model).
_BAD_SINGLE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_BAD_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class TextProblem(ValueError):
    """A piece of text was refused; `str(exc)` is the kind message to show."""


def _bad_character(value: str, *, multiline: bool) -> bool:
    return (_BAD_MULTILINE if multiline else _BAD_SINGLE_LINE).search(value) is not None


def clean_text(
    value: object,
    *,
    what: str,
    max_len: int,
    required: bool = True,
    multiline: bool = False,
    empty_message: str | None = None,
) -> str | None:
    """Trim `value` and check it; return the text, or None when optional and blank.

    `what` names the field in plain words ("your goal", "the note") for messages.
    Raises TextProblem with a kind message when the text cannot be kept.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise TextProblem(f"Please type {what} as words.")
    # A quick bound before any per-character work, so megabytes are refused cheaply.
    if len(value) > max_len * 4 + 1000:
        raise TextProblem(_too_long(what, max_len))
    text = value.strip()
    if not text:
        if required:
            raise TextProblem(empty_message or f"Please add a few words for {what}.")
        return None
    if _bad_character(text, multiline=multiline):
        raise TextProblem(
            f"Something in {what} looks like a hidden or broken character. "
            "Try typing it again instead of pasting it."
        )
    if len(text) > max_len:
        raise TextProblem(_too_long(what, max_len))
    return text


def _too_long(what: str, max_len: int) -> str:
    return f"That is a lot of words for {what}. Please keep it under {max_len:,} characters."


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&:=\"'])")


def md_escape(text: str) -> str:
    """Text shown literally by any Markdown viewer: every ASCII punctuation mark that
    Markdown could read as syntax is backslash-escaped (CommonMark allows all of them)."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\r", " ").replace("\n", "  \n")
