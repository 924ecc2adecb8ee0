"""Reading text the way people type it, for crisis-language matching.

People in distress write fast: lowercase, no apostrophes, stretched letters ("dieee"),
text-speak ("wanna", "u", "2"), letters swapped for digits ("su1c1de"), spaced-out letters
("s u i c i d e") and the odd pill emoji. `read` turns any text into canonical words so
that one phrase list catches all of these, and notes where a clause ends (a full stop,
a comma, a new line) so a phrase can ask to stand at the end of one. It is one pass per
step over the text: linear, whatever the input. It never raises on a string.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SURROGATES = re.compile("[\ud800-\udfff]")
INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_APOSTROPHES = re.compile("['`\u00b4\u2018\u2019\u201b\u02bc\u2032]")
_COMBINING = re.compile("[\u0300-\u036f]")
# Emoji that stand for words in crisis messages (the pill emoji most of all).
_EMOJI = str.maketrans({"\U0001f48a": " pills ", "\U0001f52a": " knife ", "\U0001faa2": " rope "})
# A run of letters, digits and the symbols people put in place of letters.
_CHUNK = re.compile(r"[^\W_]+(?:[@$!*]+[^\W_]+)*|[@$][^\W_]+")
_CLAUSE_END = re.compile(r"[.!?;,:\n\u3002\uff0c]")
_REPEATS = re.compile(r"([^\W\d_])\1+")  # stretched letters; numbers keep their digits
_PARTS = re.compile(r"[^\W_]+")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a",
                       "$": "s", "!": "i", "*": ""})
# Numbers with a unit glued on ("10am", "5kms", "3rd") are not words in disguise.
_GLUED_UNIT = re.compile(r"\d+(?:st|nd|rd|th|am|pm|k|km|kms|min|mins|hr|hrs|x|s|h|m|kg|lbs?)")

# One word for each way of writing it. Applied to single words, then to word pairs.
_WORDS = {
    "wana": ("want", "to"), "wanna": ("want", "to"), "gona": ("going", "to"),
    "gonna": ("going", "to"), "gota": ("got", "to"), "tryna": ("trying", "to"),
    "ima": ("im", "going", "to"), "iam": ("im",), "u": ("you",), "ur": ("your",),
    "cannot": ("cant",), "everybody": ("everyone",),
    "every1": ("everyone",), "ppl": ("people",), "pls": ("please",), "rn": ("right", "now"),
    "bcuz": ("because",), "cuz": ("because",), "coz": ("because",), "myslf": ("myself",),
    "b": ("be",), "nemore": ("anymore",), "nomore": ("no", "more"), "ne1": ("anyone",),
    "sum1": ("someone",), "some1": ("someone",), "no1": ("nobody",), "theyd": ("they", "would"),
    "theyll": ("they", "will"), "youd": ("you", "would"), "everyones": ("everyone",),
    "itd": ("it", "would"), "itll": ("it", "will"), "thatd": ("that", "would"),
    "thatll": ("that", "will"), "dads": ("dad",), "mums": ("mum",), "moms": ("mom",),
    "wud": ("would",), "wld": ("would",), "cud": ("could",), "shud": ("should",),
    "ded": ("dead",), "y": ("why",), "nite": ("night",), "tonite": ("tonight",),
    "lastnite": ("last", "night"), "lastnight": ("last", "night"), "tkn": ("taken",),
    "dnt": ("dont",), "cnt": ("cant",), "wanted2": ("wanted", "to"),
    "agen": ("again",), "agin": ("again",), "agn": ("again",), "2day": ("today",),
    "2nite": ("tonight",), "2night": ("tonight",), "tmrw": ("tomorrow",), "tmr": ("tomorrow",),
    "tmrow": ("tomorrow",), "2moro": ("tomorrow",), "2morrow": ("tomorrow",), "wat": ("what",),
    "wot": ("what",), "bein": ("being",), "pilz": ("pills",), "pillz": ("pills",),
}
_PAIRS = {
    ("my", "self"): "myself", ("me", "self"): "myself", ("any", "more"): "anymore",
    ("i", "am"): "im", ("i", "m"): "im", ("can", "not"): "cant", ("do", "not"): "dont",
    ("will", "not"): "wont", ("would", "not"): "wouldnt", ("did", "not"): "didnt",
    ("does", "not"): "doesnt", ("is", "not"): "isnt",
    ("every", "one"): "everyone", ("self", "harm"): "selfharm", ("self", "harming"): "selfharm",
    ("self", "harmed"): "selfharm", ("self", "harms"): "selfharm",
    ("un", "alive"): "unalive", ("sewer", "slide"): "sewerslide",
}
# Written as `read` leaves words (no doubled letters), so "tomorrow" meets "tomorow".
_WORDS = {_REPEATS.sub(r"\1", k): tuple(_REPEATS.sub(r"\1", w) for w in v)
          for k, v in _WORDS.items()}
_PAIRS = {(_REPEATS.sub(r"\1", a), _REPEATS.sub(r"\1", b)): _REPEATS.sub(r"\1", v)
          for (a, b), v in _PAIRS.items()}
# "no one", "noone", "no-one" as one word, before "noone" would squeeze to "none".
_NO_ONE = re.compile(r"\bno[\s-]*one\b")
# "2" reads as "to" after these ("i want 2 die"), and as a number anywhere else.
_BEFORE_TO = frozenset([
    "want", "need", "going", "have", "got", "trying", "try", "ready", "about", "wish",
    "like",
])


@dataclass(frozen=True, slots=True)
class Reading:
    """Canonical words, and the indexes of words a clause ends after."""

    words: tuple[str, ...]
    ends: frozenset[int]


def _plain(text: str, invisible: str) -> str:
    text = INVISIBLE.sub(invisible, _SURROGATES.sub(" ", text)).translate(_EMOJI)
    text = unicodedata.normalize("NFKC", _APOSTROPHES.sub("", text)).casefold()
    return _NO_ONE.sub("nobody", _COMBINING.sub("", unicodedata.normalize("NFKD", text)))


def _unleet(chunk: str) -> str:
    """"su1c1de" -> "suicide"; plain words and numbers with units stay as they are."""
    if chunk.isalpha() or chunk.isdigit() or chunk in _WORDS or _GLUED_UNIT.fullmatch(chunk):
        return chunk
    letters = sum(c.isalpha() for c in chunk)
    mapped = chunk.translate(_LEET)
    return mapped if letters and len(mapped) >= 3 and mapped.isalpha() else chunk


def _chunks(text: str) -> tuple[list[str], set[int]]:
    words: list[str] = []
    ends: set[int] = set()
    last = 0
    for match in _CHUNK.finditer(_REPEATS.sub(r"\1", text)):
        if words and _CLAUSE_END.search(match.string, last, match.start()):
            ends.add(len(words) - 1)
        last = match.end()
        chunk = match.group()
        if chunk.isalpha() or chunk.isdigit():
            words.append(chunk)
        else:  # digits or symbols for letters ("su1c1de"), then squeezed again ("k1ll")
            words.extend(_REPEATS.sub(r"\1", part) for part in _PARTS.findall(_unleet(chunk)))
    if words:
        ends.add(len(words) - 1)
    return words, ends


def _join_letters(words: list[str], ends: set[int]) -> tuple[list[str], set[int]]:
    """"s u i c i d e" -> "suicide": three or more single letters in a row are one word."""
    out: list[str] = []
    out_ends: set[int] = set()
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and len(words[j]) == 1 and words[j].isalpha() and (
                j == i or j - 1 not in ends):
            j += 1
        if j - i >= 3:
            out.append(_REPEATS.sub(r"\1", "".join(words[i:j])))
            i = j
        else:
            out.append(words[i])
            i += 1
        if i - 1 in ends:
            out_ends.add(len(out) - 1)
    return out, out_ends


def _canonical(words: list[str], ends: set[int]) -> tuple[list[str], set[int]]:
    out: list[str] = []
    out_ends: set[int] = set()
    for i, word in enumerate(words):
        if word == "2" and out and out[-1] in _BEFORE_TO:
            word = "to"
        parts = _WORDS.get(word, (word,))
        for part in parts:
            if out and (out[-1], part) in _PAIRS and len(out) - 1 not in out_ends:
                out[-1] = _PAIRS[(out[-1], part)]
            else:
                out.append(part)
        if i in ends and out:
            out_ends.add(len(out) - 1)
    return out, out_ends


def read(text: str, *, invisible: str = "") -> Reading:
    """Canonical words of `text`. `invisible` replaces zero-width characters: "" rejoins
    a word they split, " " keeps apart two words only they separated."""
    words, ends = _chunks(_plain(text, invisible))
    words, ends = _join_letters(words, ends)
    words, ends = _canonical(words, ends)
    return Reading(tuple(words), frozenset(ends))
