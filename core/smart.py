"""The SMART coach: a kind, rule-based check of one goal sentence.

People write a goal in their own words; this module says which of the five SMART letters
it already meets, gives one short tip for each letter it misses, notices three patterns
worth a gentle word (avoidance, all-or-nothing bars, someone else's motivation), and
offers rewrites such as a smaller version. It is plain rules over words: deterministic,
fast, offline and explainable, so the same goal always gets the same answer and a page
can show *why*. It never raises on any string.

Safety comes before coaching. A goal whose act describes harming oneself
(`core.safety.goal_harm`) gets a distinct answer: no letter praised, no tip, no rewrite,
no smaller version. Rewrites never change care from a professional (a dose, a medicine
or inhaler schedule, a therapy or appointment time): they offer a small step around it
instead. They never make a limit stricter, never change a breathing count, never halve
what someone eats, and never swap a goal for an unrelated one.

Only the first `MAX_CHARS` characters are read. A goal is capped at 300 characters where
it is typed, so anything longer is a paste accident; reading a bounded prefix keeps every
call cheap (constant time past the cap) without changing the answer for a real goal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core import smart_words as W
from core.safety import detect_crisis, goal_harm

MAX_CHARS = 3000
CRITERIA_KEYS: tuple[str, ...] = ("specific", "measurable", "achievable", "relevant", "time_bound")
FLAGS = frozenset({"avoidance", "absolute", "external_motivation"})
_META = {  # key -> (letter, name, praise)
    "specific": ("S", "Specific", "You named something you can do."),
    "measurable": ("M", "Measurable", "You'll be able to tell when it's done."),
    "achievable": ("A", "Achievable", "This sounds doable for you right now."),
    "relevant": ("R", "Relevant", "This sounds like it matters to you."),
    "time_bound": ("T", "Time-bound", "You picked when you'll do it."),
}
_TIPS = {
    "avoidance": "Try naming what you will do instead, like 'take 5 slow breaths'.",
    "vague": "Try naming something you'll do, like 'walk for 10 minutes'.",
    "comparative": "Words like 'more' are hard to count, so try a number, like 'twice this week'.",
    "uncounted": "Add how much or how often, like '10 minutes' or 'twice this week'.",
    "absolute": "Aim for 'most days' instead of 'always' or 'never', so one hard day is okay.",
    "confidence": "If it feels hard right now, make it smaller until you feel 7 out of 10 sure.",
    "both": "Aim for 'most days' instead of 'always' or 'never', and make it smaller too.",
    "external": "Think about why this matters to you, not just to someone else.",
    "no_why": "Add a few words about why this matters to you.",
    "no_time": "Pick when you'll do it, like 'this week', 'by Friday' or 'after dinner'.",
    "vague_time": "'{}' is hard to plan for, so pick a time, like 'this week' or 'after dinner'.",
}


@dataclass(frozen=True)
class Criterion:
    """One SMART letter: whether the goal meets it, and one kind sentence either way."""

    key: str
    letter: str
    name: str
    met: bool
    tip: str  # what to add or change; empty when met
    praise: str  # what is already good; empty when not met


@dataclass(frozen=True)
class Assessment:
    """The coach's answer for one goal sentence."""

    text: str
    criteria: dict[str, Criterion]  # keys in CRITERIA_KEYS order
    flags: frozenset[str]  # a subset of FLAGS
    suggestions: list[str]  # up to 3 full goal sentences
    is_smart: bool
    harm: str | None = None  # what kind of harm the goal's act describes: never coached

    @property
    def missing(self) -> tuple[str, ...]:
        """Keys of the letters not met yet, in SMART order."""
        return tuple(k for k, c in self.criteria.items() if not c.met)


@dataclass
class _Text:
    words: list[str]
    spans: list[tuple[int, int]]
    labels: list[str]  # per word: "act", "cue", "why" (a reason) or "aside"

    def at(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def has(self, i: int, phrase: tuple[str, ...]) -> bool:
        return tuple(self.words[i : i + len(phrase)]) == phrase

    def first(self, i: int, phrases: W.Phrases) -> int:
        """Length of the first phrase that starts at i, or 0."""
        for phrase in phrases.get(self.at(i), ()):
            if self.has(i, phrase):
                return len(phrase)
        return 0


@dataclass
class _Facts:
    specific: bool = False
    avoidance: bool = False
    countable: bool = False  # one clear act: "call a friend", "take a shower"
    bare_object: bool = False  # an act on a plain noun: "bake cookies"
    occasion: bool = False  # one single time: "on Friday", "tonight", "at 7 pm"
    one_off: bool = False  # one clear act done once, with no open-ended timing
    number: bool = False
    frequency: bool = False
    comparative: bool = False
    time: bool = False
    vague_time: tuple[int, int] | None = None  # word span of "someday" and friends
    absolute: bool = False
    external: bool = False
    verb: int | None = None  # index of the first concrete verb


# ---------------------------------------------------------------- reading the words
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|[0-9]+(?:st|nd|rd|th)?|[,;.!?:()%/\"-]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "–": "-"})


def _read(text: str) -> _Text:
    """Lower-case words with their spans in `text`, contractions expanded, clauses labelled."""
    low = text.translate(_QUOTES).lower()
    if len(low) != len(text):  # a few characters grow when lower-cased; keep spans honest
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_QUOTES))
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(low):
        for part in _expand(m.group()):
            words.append(part)
            spans.append(m.span())
    _merge_am_pm(words, spans)
    t = _Text(words, spans, ["act"] * len(words))
    _label(t)
    return t


def _expand(word: str) -> tuple[str, ...]:
    if word in W.CONTRACTIONS:
        return W.CONTRACTIONS[word]
    if word.endswith("n't"):
        return (word[:-3], "not")
    for end, full in (("'ll", "will"), ("'re", "are"), ("'ve", "have"), ("'d", "would"),
                      ("'m", "am"), ("'s", "'s")):
        if word.endswith(end) and len(word) > len(end):
            return (word[: -len(end)], full)
    return (word,)


def _merge_am_pm(words: list[str], spans: list[tuple[int, int]]) -> None:
    """Turn the tokens of "a.m." / "p.m." into one "am" / "pm" word."""
    i = 0
    while i + 2 < len(words):
        if words[i] in ("a", "p") and words[i + 1] == "." and words[i + 2] == "m":
            end = i + 4 if i + 3 < len(words) and words[i + 3] == "." else i + 3
            words[i:end] = [words[i] + "m"]
            spans[i:end] = [(spans[i][0], spans[end - 1][1])]
        i += 1


def _label(t: _Text) -> None:
    """Mark asides (brackets, "even if ..."), if-then cues, and the reason ("because ...")."""
    depth = 0
    for i, w in enumerate(t.words):
        depth = max(0, depth + (w == "(") - (w == ")"))
        if depth > 0 or w == ")":
            t.labels[i] = "aside"
    n = len(t.words)
    reason = next((i for i in range(n) if t.first(i, W.REASON_MARKERS)), n)
    t.labels[reason:] = ["why"] * (n - reason)
    i = 0
    while i < reason:
        size, kind = t.first(i, W.ASIDE_MARKERS), "aside"
        if not size:
            size, kind = _cue_size(t, i), "cue"
        if size and t.labels[i] == "act":
            end = _clause_end(t, i + size, reason)
            t.labels[i:end] = [kind] * (end - i)
            i = end
        else:
            i += 1


def _cue_size(t: _Text, i: int) -> int:
    size = t.first(i, W.CUE_MARKERS)
    needs_subject = t.at(i) in ("once", "after", "before", "while", "until")
    if size and needs_subject and t.at(i + 1) not in W.SUBJECTS:
        return 0
    if t.has(i, ("once", "a")):
        return 0  # "once a week" is an amount
    return size


def _clause_end(t: _Text, start: int, stop: int) -> int:
    for k in range(start, stop):
        if t.words[k] in W.CLAUSE_BREAKS or (k > start and t.first(k, W.CUE_STOPS)):
            return k
    return stop


def _where(t: _Text, *labels: str) -> list[int]:
    return [i for i, lab in enumerate(t.labels) if lab in labels]


# ---------------------------------------------------------------- actions (S, and M's one-offs)
def _action(t: _Text, i: int) -> tuple[bool, bool]:
    """(is a concrete action, is one countable act) for the word at i."""
    w, prev = t.at(i), t.at(i - 1)
    activity = w in W.ACTIVITIES or w in W.ALWAYS_CONCRETE
    if prev == "of" and t.at(i - 2) in W.UNIT_WORDS and activity:
        return True, False  # "10 minutes of stretching"
    if not _verb_slot(prev) or (w == "sort" and t.at(i + 1) == "of"):
        return False, False  # "a walk", "my reading", "mom says", "sort of"
    if w in W.ACTIVITIES:
        return True, False  # "yoga for 10 minutes"
    if w in W.GO_FORMS:
        return _go(t, i + 1)
    if w in W.GET_FORMS:
        return _get(t, i + 1)
    if w in W.HAVE_FORMS:
        j = i + 2 if t.at(i + 1) in W.DETERMINERS else i + 1
        return (True, True) if t.at(j) in W.HAVE_OBJECTS else (False, False)
    if w in W.PHRASAL and t.at(i + 1) in W.PHRASAL[w]:
        return True, _countable(t, i + 2)
    if w in W.ALWAYS_CONCRETE:
        return True, _countable(t, i + 1)
    if w in W.WITH_OBJECT:
        return _with_object(t, i + 1)
    return False, False


def _verb_slot(prev: str) -> bool:
    """Can a verb follow `prev`? ("I will walk", "and call", "gently stretch"; not "my walk")."""
    if prev in W.NOUN_CONTEXT:
        return False
    leaders = (W.VERB_LEADERS, W.TIME_WORDS, W.PARTS_OF_DAY, W.UNIT_WORDS)
    return not prev.isalpha() or prev.endswith("ly") or any(prev in g for g in leaders)


def _countable(t: _Text, j: int) -> bool:
    """Does a clear, countable object start at j? ("down one thing", "to my sister")."""
    while t.at(j) in W.PARTICLES:
        j += 1
    if t.at(j) in W.PREPOSITIONS_TO_OBJECT:
        j += 1
    w = t.at(j)
    if w in W.GREETINGS:
        return True
    good = w in W.ONE_OFF_DETERMINERS or w in W.KIN or w.isdigit() or w in W.NUMBER_WORDS
    period = t.at(j + 1) in W.PERIODS or t.at(j + 1) in W.PARTS_OF_DAY
    when = period and w in ("this", "that", "next")  # "this week" is no object
    return good and not when and not _vague_object(t, j)


def _vague_object(t: _Text, j: int) -> bool:
    """"my best", "something", "time for myself"; a later "more" is M's business, not S's."""
    for k in range(j, j + 3):
        w = t.at(k)
        if w in W.PUNCT or not w or (k > j and w in W.COMPARATIVES):
            return False
        if w in ("best", "hardest") and _is_bare_noun(t.at(k + 1)):
            continue  # "my best friend"
        if w in W.VAGUE_OBJECTS:
            return True
    return False


def _with_object(t: _Text, j: int) -> tuple[bool, bool]:
    """"take a shower", "try a yoga video", "make my bed" (but not "take care", "try to")."""
    while t.at(j) in W.PARTICLES:
        j += 1
    if t.at(j) in W.PREPOSITIONS_TO_OBJECT:
        if t.at(j + 1) not in W.DETERMINERS and t.at(j + 1) not in W.KIN:
            return False, False
        j += 1
    w = t.at(j)
    if not w or w in W.PUNCT or w in W.FUNCTION_WORDS or _vague_object(t, j):
        return False, False
    return True, _countable(t, j)


def _go(t: _Text, j: int) -> tuple[bool, bool]:
    """"go to the store", "go for a walk", "go outside" (but "going to be ..." is not a place)."""
    w = t.at(j)
    if w == "back":
        j, w = j + 1, t.at(j + 1)
    if w == "out" and t.at(j + 1) in ("for", "to", "with"):
        j, w = j + 1, t.at(j + 1)
    if w == "to":
        place = t.at(j + 1) in W.PLACES or t.at(j + 1) in W.KIN
        return place, place
    if w in ("for", "on"):
        concrete = t.at(j + 1) not in W.FUNCTION_WORDS and not _vague_object(t, j + 1)
        return concrete, concrete and _countable(t, j + 1)
    return w in W.GO_PARTICLES, False


def _get(t: _Text, j: int) -> tuple[bool, bool]:
    """"get up", "get out of bed", "get a haircut" (but not "get better", "get my life ...")."""
    if t.at(j) in W.GET_PARTICLES or t.has(j, ("out", "of")):
        return True, True
    if t.at(j) == "some" and t.at(j + 1) in ("fresh", "sun", "sunlight", "air", "exercise"):
        return True, False
    if t.at(j) in W.ONE_OFF_DETERMINERS and not _vague_object(t, j):
        return True, True
    return False, False


# ---------------------------------------------------------------- avoidance
def _negated(t: _Text, acts: list[int]) -> tuple[set[int], bool]:
    """Words under a "not doing" trigger ("won't", "stop ...ing", "no more"), and if any."""
    inside: set[int] = set()
    found = False
    for i in acts:
        size = _trigger(t, i)
        if size and i not in inside:
            found = True
            gerund = t.at(i) in W.STOP_WORDS or size > 1
            inside.update(range(i, _scope_end(t, i + size, gerund=gerund)))
    return inside, found


def _trigger(t: _Text, i: int) -> int:
    w, prev, nxt = t.at(i), t.at(i - 1), t.at(i + 1)
    if t.labels[i] != "act":
        return 0
    if w in W.NEGATIONS and prev != "if" and nxt not in ("only", "too", "just", "so"):
        return 1
    if w in W.STOP_WORDS and nxt not in W.STOP_PAUSE and nxt:
        return 1
    if w == "no" and prev not in ("say", "said", "saying") and nxt not in ("matter", "one"):
        return 1
    return t.first(i, W.GIVE_UP)


def _scope_end(t: _Text, j: int, *, gerund: bool) -> int:
    """A negation ends with its clause or at a new action ("stop scrolling and go for a walk")."""
    for k in range(j, len(t.words)):
        w, nxt = t.words[k], t.at(k + 1)
        if t.labels[k] != "act" or w in W.CLAUSE_BREAKS or w in ("but", "instead", "then"):
            return k
        if w == "and" and (nxt in ("i", "instead", "then", "will") or nxt in W.GO_FORMS):
            return k
        if w == "and" and gerund and not nxt.endswith("ing") and _action(t, k + 1)[0]:
            return k
    return len(t.words)


# ---------------------------------------------------------------- amounts (M) and times (T)
def _is_count(t: _Text, i: int) -> bool:
    w, prev, nxt = t.at(i), t.at(i - 1), t.at(i + 1)
    unit = nxt in W.UNIT_WORDS or t.at(i + 2) in W.UNIT_WORDS
    noun = nxt.isalpha() and not any(nxt in g for g in (W.AM_PM, W.TIME_WORDS, W.FUNCTION_WORDS))
    timeish = prev in W.CLOCK_WORDS and not noun  # "at 7 tonight", but "at three strangers"
    if w.isdigit():
        if nxt in W.AM_PM or nxt == ":" or (len(w) == 4 and w[:2] in ("19", "20") and not unit):
            return False
        return unit or not timeish
    if t.first(i, W.IDIOMS):
        return False
    if w in W.NUMBER_WORDS:
        if w == "one" and (nxt == "day" or t.has(i + 1, ("of", "these"))):
            return prev in ("for", "per", "a", "each", "every", "in", "within", "than") or (
                t.at(i + 2) in ("a", "per", "each", "every", "this")
            )
        return unit or not timeish
    if w == "once":
        return nxt not in W.SUBJECTS or nxt == "a"
    if w in ("an", "a"):
        return nxt in ("hour", "minute", "couple", "dozen")
    return w in ("twice", "thrice", "half") or (w == "couple" and prev == "a")


def _is_frequency(t: _Text, i: int) -> bool:
    w, nxt = t.at(i), t.at(i + 1)
    if w in ("every", "each"):
        after = t.at(i + 2) if nxt in ("single", "other") else nxt
        return after in W.PERIODS or after in W.PARTS_OF_DAY or after == "time"
    return w in ("daily", "nightly", "weekly", "monthly", "everyday", "fortnightly", "per",
                 "weekdays", "weeknights", "weekends") or w in W.WEEKDAY_PLURALS


def _is_time(t: _Text, i: int) -> bool:
    w, prev, nxt, nxt2 = t.at(i), t.at(i - 1), t.at(i + 1), t.at(i + 2)
    if w in W.TIME_WORDS or w in ("during", "within", "upon", "immediately"):
        return True
    if w in W.MONTHS:
        return prev in ("in", "by", "on", "before", "until", "this", "next", "of") or nxt.isdigit()
    if w in W.PARTS_OF_DAY:
        return prev not in ("my", "your", "good", "a")
    if w in ("this", "next", "every", "each", "coming", "tomorrow") and (
        nxt in W.PERIODS or (nxt in ("single", "other") and nxt2 in W.PERIODS)
    ):
        return True
    if w == "at":
        return nxt.isdigit() or nxt in W.AT_TIMES or t.has(i + 1, ("the", "end"))
    if w in ("by", "until", "till"):
        return nxt.isdigit() or nxt in W.BY_TIMES or (nxt == "the" and nxt2 in W.THE_TIMES)
    if w in ("before", "after"):
        return bool(nxt) and nxt not in W.NOT_AFTER_BEFORE and nxt not in W.PUNCT and not (
            nxt == "a" and nxt2 == "while"
        )
    return _is_time_phrase(t, i)


def _is_time_phrase(t: _Text, i: int) -> bool:
    w, prev, nxt, nxt2 = t.at(i), t.at(i - 1), t.at(i + 1), t.at(i + 2)
    if w.isdigit():
        return nxt in W.AM_PM or nxt == ":"
    if w[:1].isdigit():  # an ordinal: "on the 5th", "by May 3rd"
        return prev in ("the", "on", "by", "before", "until") or prev in W.MONTHS
    if w == "on":
        return nxt in W.TIME_WORDS or (nxt in ("my", "the") and nxt2 in (
            "lunch", "break", "day", "days", "way", "commute", "weekend", "weekends"))
    if w == "next" and nxt.isalpha() and nxt not in W.FUNCTION_WORDS:
        return True  # "at my next session"
    if w in ("in", "for", "over", "next"):
        rest = 2 if t.has(i + 1, ("the", "next")) else 1
        amount, period = t.at(i + rest), t.at(i + rest + 1)
        if w == "in" and amount == "the":
            return period in W.PARTS_OF_DAY
        countish = amount.isdigit() or amount in W.NUMBER_WORDS or amount in ("a", "few")
        return countish and period in ("day", "days", "week", "weeks", "month", "months")
    if w in ("a", "per") and nxt in ("day", "week", "night", "month", "weekday"):
        before = t.words[max(0, i - 5) : i]  # "8 glasses of water a day", "twice a week"
        return w == "per" or any(b.isdigit() or b in W.COUNT_WORDS for b in before)
    return (w == "right" and nxt in ("now", "away")) or (w == "straight" and nxt == "away")


# ---------------------------------------------------------------- flags: absolute, external
def _is_external(t: _Text, i: int, last_because: int) -> bool:
    """Someone else's voice: "my therapist said", "people say", "I have to ... because"."""
    w, prev = t.at(i), t.at(i - 1)
    if w in W.PEOPLE and prev == "my" and t.at(i - 2) in ("so", "that"):
        return True  # "so my mom will stop worrying"
    if w in W.PEOPLE and prev in ("my", "the", "our", "his", "her", "a", "dr"):
        return t.at(i + 1) in W.SAYS or t.at(i + 2) in W.SAYS
    if w in W.CROWD and t.at(i + 1) in W.SAYS:
        return True
    if w != "i":
        return False
    if t.first(i, W.EXTERNAL_I):
        return True
    return bool(t.first(i, W.PRESSED)) and (i < last_because or t.labels[i] == "why")


def _own_reason(t: _Text, where: list[int]) -> bool:
    return any(t.first(i, W.OWN_REASON) for i in where)


def _pushed(t: _Text) -> bool:
    last_because = max((i for i, w in enumerate(t.words) if w == "because"), default=-1)
    return any(_is_external(t, i, last_because) for i in range(len(t.words)))


def _external(t: _Text, why: _Text | None) -> bool:
    """Someone else's reason, unless the person also gives their own ("... and I want to")."""
    pushed = _pushed(t) or (why is not None and _pushed(why))
    own = _own_reason(t, _where(t, "why"))
    if why is not None:
        own = own or _own_reason(why, list(range(len(why.words))))
    return pushed and not own


# ---------------------------------------------------------------- putting the facts together
def _facts(text: str, why: str | None) -> tuple[_Text, _Facts]:
    t = _read(text[:MAX_CHARS])
    f = _Facts()
    acts, timed = _where(t, "act"), _where(t, "act", "cue")
    negated, f.avoidance = _negated(t, acts)
    for i in acts:
        concrete, one = _action(t, i) if i not in negated else (False, False)
        if concrete and f.verb is None:
            f.verb = i
        f.specific, f.countable = f.specific or concrete, f.countable or one
        f.bare_object = f.bare_object or (concrete and _is_bare_noun(t.at(i + 1)))
    f.avoidance = f.avoidance and not f.specific
    f.comparative = any(_is_comparative(t, i) for i in acts)
    f.number = any(_is_count(t, i) for i in timed)
    f.frequency = any(_is_frequency(t, i) for i in timed) or len(
        {t.words[i] for i in timed} & W.WEEKDAYS) >= 2
    f.time = any(_is_time(t, i) for i in timed) or _has_cue(t)
    f.occasion = any(_is_occasion(t, i) for i in timed)
    f.vague_time = _vague_time(t, timed)
    # One clear, one-time act ("try a yoga video", "say thank you to the cashier") is
    # bounded by doing it once; "someday"-style words still leave it open-ended.
    f.one_off = (f.countable and not (f.frequency or f.number or f.comparative)
                 and f.vague_time is None)
    f.absolute = any(t.first(i, W.ABSOLUTE_PHRASES) for i in timed)
    f.external = _external(t, _read(why[:MAX_CHARS]) if why else None)
    return t, f


def _is_comparative(t: _Text, i: int) -> bool:
    w, prev, nxt = t.at(i), t.at(i - 1), t.at(i + 1)
    if w not in W.COMPARATIVES or nxt == "than":
        return False
    return prev not in ("no", "once", "any") and not _is_count(t, i - 1)


def _is_bare_noun(w: str) -> bool:
    """A plain noun right after a verb: "bake cookies", "play guitar" (not "read quietly")."""
    skip = (W.FUNCTION_WORDS, W.DETERMINERS, W.PARTICLES, W.VAGUE_OBJECTS, W.TIME_WORDS,
            W.PARTS_OF_DAY, W.COMPARATIVES, W.PUNCT)
    return w.isalpha() and not w.endswith("ly") and not any(w in group for group in skip)


def _is_occasion(t: _Text, i: int) -> bool:
    w, prev = t.at(i), t.at(i - 1)
    if w in ("today", "tonight", "tomorrow") or (w in W.WEEKDAYS and prev != "every"):
        return True
    return (w == "at" and t.at(i + 1).isdigit()) or (w[:1].isdigit() and prev == "the")


def _has_cue(t: _Text) -> bool:
    """An if-then cue ("the next time I feel ...") that is not a vague one ("when I can")."""
    for i, lab in enumerate(t.labels):
        if lab == "cue" and (i == 0 or t.labels[i - 1] != "cue"):
            size = t.first(i, W.CUE_MARKERS)
            if not _vague_cue(t, i + size):
                return True
    return False


def _vague_cue(t: _Text, j: int) -> int:
    """Length of a cue that never comes by itself ("when I can"; but "if I can't sleep" is real)."""
    size = t.first(j, W.VAGUE_CUES)
    return 0 if t.at(j + size) == "not" else size


def _vague_time(t: _Text, where: list[int]) -> tuple[int, int] | None:
    for i in where:
        size = t.first(i, W.VAGUE_TIMES)
        if size and not (t.at(i) == "soon" and t.at(i - 1) == "as") and not (
            t.at(i) == "one" and _is_count(t, i)
        ):
            return t.spans[i][0], t.spans[i + size - 1][1]
        if t.labels[i] == "cue" and t.at(i) in ("when", "whenever", "if"):
            size = _vague_cue(t, i + 1)
            if size:
                return t.spans[i][0], t.spans[i + size][1]
    return None


# ---------------------------------------------------------------- the five letters
def _verdicts(text: str, f: _Facts, why: str | None, confidence: int | None) -> dict[str, str]:
    """Key -> the tip to show ("" when the letter is met)."""
    vague = text[f.vague_time[0] : f.vague_time[1]] if f.vague_time else ""
    return {
        "specific": "" if f.specific else _TIPS["avoidance" if f.avoidance else "vague"],
        "measurable": "" if _measurable(f) else _TIPS[
            "comparative" if f.comparative else "uncounted"],
        "achievable": _achievable_tip(f, confidence),
        "relevant": _TIPS["external"] if f.external else (
            _TIPS["no_why"] if why is not None and not _has_words(why) else ""),
        "time_bound": "" if f.time or f.one_off else (
            _TIPS["vague_time"].format(vague.capitalize()) if vague else _TIPS["no_time"]),
    }


def _achievable_tip(f: _Facts, confidence: int | None) -> str:
    unsure = isinstance(confidence, int | float) and confidence < 7
    if f.absolute:
        return _TIPS["both" if unsure else "absolute"]
    return _TIPS["confidence"] if unsure else ""


def _has_words(why: str) -> bool:
    """Whitespace and punctuation alone do not say why; an emoji might."""
    return any(not (c.isspace() or (c.isascii() and not c.isalnum())) for c in why[:MAX_CHARS])


def _criterion(key: str, tip: str) -> Criterion:
    letter, name, praise = _META[key]
    return Criterion(key=key, letter=letter, name=name, met=not tip, tip=tip,
                     praise="" if tip else praise)


def _flags(f: _Facts) -> frozenset[str]:
    named = {"avoidance": f.avoidance, "absolute": f.absolute, "external_motivation": f.external}
    return frozenset(k for k, on in named.items() if on)


def assess(text: str, *, why: str | None = None, confidence: int | None = None) -> Assessment:
    """Check one goal sentence against the five SMART letters.

    `why` is the person's own reason (None when the form has no such field; an empty string
    means they left it blank). `confidence` is their 0-10 rating, or None when not asked.
    """
    text = text if isinstance(text, str) else ""
    why = why if isinstance(why, str) else None
    harm = goal_harm(text[:MAX_CHARS])
    if harm is not None:
        return _not_coached(text, harm)
    t, f = _facts(text, why)
    tips = _verdicts(text, f, why, confidence)
    criteria = {key: _criterion(key, tips[key]) for key in CRITERIA_KEYS}
    return Assessment(
        text=text,
        criteria=criteria,
        flags=_flags(f),
        suggestions=_suggestions(text, t, f, specific=criteria["specific"].met),
        is_smart=all(c.met for c in criteria.values()),
    )


def _not_coached(text: str, harm: str) -> Assessment:
    """A goal that describes harm: nothing praised, no tips, no rewrites."""
    criteria = {key: Criterion(key=key, letter=_META[key][0], name=_META[key][1], met=False,
                               tip="", praise="") for key in CRITERIA_KEYS}
    return Assessment(text=text, criteria=criteria, flags=frozenset(), suggestions=[],
                      is_smart=False, harm=harm)


# ---------------------------------------------------------------- suggestions
def _suggestions(text: str, t: _Text, f: _Facts, *, specific: bool) -> list[str]:
    if detect_crisis(text):
        return []  # under the help card the coach rates, but rewrites nothing
    found: list[str] = []
    example = None if specific else _example(t)
    if example:
        found.append(example)
    clearer = _clearer(text, t, f)
    smaller = make_smaller(text) if len(text) <= MAX_CHARS else None  # no megabyte "goals"
    found += [s for s in (clearer, smaller) if s]
    unique: dict[str, str] = {}
    for s in found:
        unique.setdefault(" ".join(s.casefold().split()).rstrip("."), s)
    return list(unique.values())[:3]


def _example(t: _Text) -> str | None:
    """A SMART goal on the same topic, so a vague or "not doing" goal gets something to do;
    none when no topic fits (an unrelated goal is no help)."""
    words = set(t.words)
    if words & W.CARE_WORDS:
        return None  # care from a professional gets a step around it, from make_smaller
    for topic, example in W.TOPIC_EXAMPLES:
        if words & topic:
            return example
    return None


def _clearer(text: str, t: _Text, f: _Facts) -> str | None:
    """The goal with "for 10 minutes" and/or "this week" added, if that makes S, M and T met."""
    if not f.specific or len(text) > MAX_CHARS or f.verb is None:
        return None
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in `text`
    if not _measurable(f) and not f.comparative and _takes_duration(t, f.verb):
        end = t.spans[f.verb][1]
        edits.append((end, end, " for 10 minutes"))
    if not f.time:
        edits.append(_add_time(text, f))
    if not edits:
        return None
    out = text
    for start, end, new in sorted(edits, reverse=True):
        out = out[:start] + new + out[end:]
    out = out.strip()
    out = out if out.endswith((".", "!", "?")) else out + "."
    _, better = _facts(out, None)
    return out if better.specific and better.time and _measurable(better) else None


def _takes_duration(t: _Text, verb: int) -> bool:
    base = t.words[verb]
    nxt = t.at(verb + 1)
    stems = {base, base[:-1], base[:-3], base[:-2], base[:-3] + "e"}
    open_after = not nxt or nxt in W.PUNCT or nxt in W.FUNCTION_WORDS or _is_time(t, verb + 1)
    return bool(stems & W.DURATION_VERBS) and (open_after or nxt in ("outside", "around"))


def _add_time(text: str, f: _Facts) -> tuple[int, int, str]:
    """Swap "someday" for "this week", or start the goal with "This week, "."""
    lead = len(text) - len(text.lstrip())
    if f.vague_time:
        start, end = f.vague_time
        return start, end, "This week" if start == lead else "this week"
    first = text[lead : lead + 1]
    keep = re.match(r"I\b", text[lead:]) is not None
    return lead, lead + 1, "This week, " + (first if keep else first.lower())


def _measurable(f: _Facts) -> bool:
    """A number always counts; a frequency or one clear act counts unless "more" blurs it."""
    one_act = f.countable or (f.bare_object and f.occasion and not f.frequency)
    return f.number or ((f.frequency or one_act) and not f.comparative)


# ---------------------------------------------------------------- make it smaller
_SMALL_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+|[()]")
_WORD_FOR = {n: w for w, n in W.NUMBER_WORDS.items()}
_Tok = tuple[str, int, int]  # word, start, end
_Edit = tuple[int, int, str]  # start, end, replacement


def make_smaller(text: str) -> str | None:
    """The goal with its amounts roughly halved ("10 minutes" -> "5 minutes",
    "three times" -> "twice"), a small step around it for care from a professional
    ("put my medicine next to my toothbrush"), or None when there is nothing to make
    smaller.

    Times of day ("by 10 AM"), named techniques ("5-4-3-2-1"), notes in brackets, limits
    ("no more than 2 hours of screen time"), breathing counts, what someone eats and
    frequencies that cannot shrink ("once a day") stay as they are; a goal that describes
    harm gets nothing. Only the first MAX_CHARS characters are looked at; the rest is kept.
    """
    if not isinstance(text, str):
        return None
    head = text[:MAX_CHARS]
    toks = [(m.group(), m.start(), m.end()) for m in _SMALL_TOKEN.finditer(head)]
    words = {w.lower() for w, _, _ in toks}
    if goal_harm(head) is not None:
        return None
    care = _care_step(words)
    if care is not None:
        return care
    if words & W.LIMIT_WORDS or words & W.CONSUMPTION_WORDS or _has_phrase(toks, W.LIMITS):
        return None  # smaller would be stricter
    breathing = bool(words & W.BREATH_WORDS)
    edits: list[_Edit] = []
    depth = 0
    for k, (w, start, end) in enumerate(toks):
        depth = max(0, depth + (w == "(") - (w == ")"))
        if depth == 0 and not _glued(head, start, end):
            edits += _smaller_at(toks, k, breathing=breathing)
    if not edits:
        return None
    for start, end, new in sorted(edits, reverse=True):
        head = head[:start] + new + head[end:]
    return head + text[MAX_CHARS:]


def _glued(s: str, start: int, end: int) -> bool:
    """A number joined to another number ("5-4-3-2-1", "10:30", "1.5") is not an amount."""
    before = s[max(0, start - 2) : start]
    after = s[end : end + 2]
    return (len(before) == 2 and before[0].isdigit() and before[1] in "-:.,/") or (
        len(after) == 2 and after[0] in "-:.,/" and after[1].isdigit()
    )


def care_step(text: str) -> str | None:
    """For a goal about care from a professional (medicine, inhaler, therapy, treatment),
    the small step around it that the coach offers; None for any other goal."""
    if not isinstance(text, str):
        return None
    return _care_step({m.group().lower() for m in _SMALL_TOKEN.finditer(text[:MAX_CHARS])})


def _care_step(words: set[str]) -> str | None:
    """A small step around care from a professional, which is never changed itself."""
    for kind, kind_words in W.CARE_KINDS:
        if words & kind_words:
            return W.CARE_STEPS[kind]
    return None


def _has_phrase(toks: list[_Tok], phrases: tuple[tuple[str, ...], ...]) -> bool:
    low = [w.lower() for w, _, _ in toks]
    return any(tuple(low[i : i + len(p)]) == p for p in phrases for i in range(len(low)))


def _smaller_at(toks: list[_Tok], k: int, *, breathing: bool) -> list[_Edit]:
    word, start, end = toks[k]
    low = word.lower()
    nxt = toks[k + 1] if k + 1 < len(toks) else ("", end, end)
    prev = toks[k - 1][0].lower() if k else ""
    if low in ("twice", "thrice"):
        return [(start, end, _cased("once" if low == "twice" else "twice", word))]
    if low in ("an", "a", "one", "1") and nxt[0].lower() == "hour":
        first = toks[k - 1][1] if prev == "half" else start
        return [(first, nxt[2], _cased("15 minutes" if prev == "half" else "30 minutes", word))]
    if any(t[0].lower() in W.NEVER_SHRINK for t in toks[max(0, k - 3) : k]):
        return []  # "sleep 8 hours" is not a goal to halve
    n = int(word) if word.isdigit() and len(word) <= 6 else W.NUMBER_WORDS.get(low)
    unit = _unit_after(toks, k)
    if n is None or unit is None or prev in ("at", "by", "until", "till", "from"):
        return []
    unit_word = toks[unit][0].lower()
    if unit_word in W.NEVER_SHRINK_UNITS:
        return []  # what someone eats
    if breathing and (unit != k + 1 or unit_word not in W.BREATH_AMOUNTS):
        return []  # a breathing exercise: only how many breaths or rounds, or how long
    return _halved(toks, k, n, unit)


def _unit_after(toks: list[_Tok], k: int) -> int | None:
    """Index of the unit word after a number ("10 minutes", "5 slow breaths")."""
    for j in (k + 1, k + 2):
        if j < len(toks) and toks[j][0].lower() in W.UNIT_WORDS:
            return j
    return None


def _halved(toks: list[_Tok], k: int, n: int, u: int) -> list[_Edit]:
    word, start, end = toks[k]
    unit, unit_start, unit_end = toks[u]
    low_unit = unit.lower()
    if low_unit.startswith(("hour", "hr")) and n == 1:
        return []  # "1 hour" becomes "30 minutes" in the caller
    new = max(5, round(n / 10) * 5) if low_unit.startswith("min") and n >= 15 else (n + 1) // 2
    if new == n:
        return []
    if low_unit == "times" and k + 1 == u and (new == 1 or not word.isdigit()):
        return [(start, unit_end, _cased("once" if new == 1 else "twice", word))]
    number = str(new) if word.isdigit() else _cased(_WORD_FOR.get(new, str(new)), word)
    edits = [(start, end, number)]
    if new == 1 and low_unit.endswith("s"):
        edits.append((unit_start, unit_end, _singular(unit)))
    return edits


def _singular(unit: str) -> str:
    return unit[:-2] if unit.lower().endswith(("sses", "ches", "shes", "xes")) else unit[:-1]


def _cased(new: str, like: str) -> str:
    return new[:1].upper() + new[1:] if like[:1].isupper() else new
