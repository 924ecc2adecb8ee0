"""Noticing crisis wording in what people write, and harm described in a goal.

Why this exists: someone setting a small goal may type words that say they are not safe.
When that happens the app shows a calm card with free help lines, so help is one tap
away. This is a soft backup only. It is not a risk assessment, it never blocks saving a
note, nothing about a match is stored or logged, and the help link sits on every page
anyway. Missing a message is possible, so the card never promises otherwise.

A goal is different: text that describes harming oneself must never be coached, praised,
rewritten or saved as a goal (it would then get "Done" buttons). `goal_harm` reads a goal
the same way, leaving out an if-then cue and an "instead of" part, so a coping plan such
as "when I get the urge to hurt myself, I will text my sister" is coached as usual.

Detection is phrase matching over canonical words (`reading`, `phrases`), with a small
linear model (`model`) as a second net for wording no phrase foresaw: both linear in the
text's length, offline, deterministic. The goal-harm rule uses the phrases alone, so
what may be saved as a goal never rests on a statistical guess.
"""

from __future__ import annotations

from core.safety import model, phrases
from core.safety.reading import INVISIBLE, Reading, read

# Words that open a cue or a replacement, whose clause is not the goal's act.
_CUE_OPENERS = (("when",), ("whenever",), ("if",), ("once",), ("next", "time"),
                ("every", "time"), ("each", "time"), ("anytime",), ("any", "time"),
                ("instead", "of"), ("rather", "than"), ("as", "soon", "as"))
_ACT_STARTS = (("i", "wil"), ("i", "wont"), ("il",), ("then",), ("im", "going", "to"),
               ("i", "can"), ("i", "should"), ("i", "need", "to"), ("i", "must"), ("lets",))
# A cue is a trigger ("when I feel like hurting myself") only with a word about feelings
# or urges in it (spelt as `read` leaves them: "feel" is "fel"). "When I get home" or
# "when I'm gone" is no trigger: it stays part of what the goal says.
_TRIGGERS = frozenset(
    [
        "fel", "feling", "felt", "want", "wanting", "wanted", "urge", "urges", "thoughts",
        "thought", "think", "thinking", "notice", "noticing", "crave", "craving", "tempted",
        "struggle", "struggling", "panic", "panicking", "overwhelmed", "low", "sad",
        "anxious", "angry", "upset", "cope", "coping", "triggered", "spiral", "spiraling",
        "spiralling",
    ])


def _readings(text: object) -> list[Reading]:
    if not isinstance(text, str) or not text:
        return []
    # Zero-width characters may hide inside a word or stand between two: try both.
    invisibles = ("", " ") if INVISIBLE.search(text) else ("",)
    return [read(text, invisible=invisible) for invisible in invisibles]


MODEL = "model"  # the category when only the model noticed


def prepare() -> None:
    """Build the phrase graph and load the model now (about a second, once per process)
    rather than at the first check a person's words need."""
    phrases.index()
    phrases.idiom_index()
    model.load()


def crisis_category(text: str) -> str | None:
    """What kind of crisis wording `text` holds ("direct", "burden", ... or "model" when
    only the model noticed it), or None."""
    readings = _readings(text)
    for reading in readings:
        found = phrases.find(reading)
        if found is not None:
            return found
    return MODEL if any(model.flags(for_model(reading)) for reading in readings) else None


def for_model(reading: Reading) -> Reading:
    """The reading without its everyday idioms ("dying to see it", "kill time"): the
    model cannot tell them from the strong words they are made of."""
    cut = phrases.spans(reading, phrases.idiom_index())
    if not cut:
        return reading
    hidden = bytearray(len(reading.words))
    for start, end in cut:
        hidden[start:end] = b"\x01" * (end - start)
    keep = [i for i, out in enumerate(hidden) if not out]
    return Reading(tuple(reading.words[i] for i in keep),
                   frozenset(n for n, i in enumerate(keep) if i in reading.ends))


def detect_crisis(text: str) -> bool:
    """True when `text` contains crisis wording ("I want to die", "no way out", "kms").

    Never raises: anything that is not a string, or is empty, is simply not a match.
    """
    return crisis_category(text) is not None


def any_crisis(*texts: str | None) -> bool:
    """True when several texts read together (a note and its reflections) hold crisis
    wording: read as the help card reads them, so the two always agree."""
    return detect_crisis(" ".join(t for t in texts if t))


def _starts(words: tuple[str, ...], i: int, options: tuple[tuple[str, ...], ...]) -> int:
    for option in options:
        if words[i: i + len(option)] == option:
            return len(option)
    return 0


def _without_cues(reading: Reading) -> Reading:
    """The reading with its cue clauses ("when I feel like hurting myself,") left out."""
    words, ends = reading.words, reading.ends
    keep: list[int] = []
    i = 0
    while i < len(words):
        size = _starts(words, i, _CUE_OPENERS)
        if not size:
            keep.append(i)
            i += 1
            continue
        j = i + size
        while j < len(words) and j - 1 not in ends and not _starts(words, j, _ACT_STARTS):
            j += 1
        # Left out only when it is a trigger and the goal's act stands apart from it:
        # after it, or before it when the cue ends the goal. A cue that runs on to the
        # end of a goal that starts with it holds the act itself ("when I get home take
        # all my pills") and stays.
        apart = j < len(words) or bool(keep)
        if _TRIGGERS.isdisjoint(words[i + size: j]) or not apart:
            keep.extend(range(i, j))
        i = j
    kept = tuple(words[k] for k in keep)
    return Reading(kept, frozenset(n for n, k in enumerate(keep) if k in ends))


def harm_in(*texts: str | None) -> str | None:
    """`goal_harm` over several parts of one goal (its words, when, its smaller version)."""
    return next((found for t in texts if t and (found := goal_harm(t))), None)


def goal_harm(text: str) -> str | None:
    """What kind of harm a goal's own act describes ("overdose", "final_acts", ...), or
    None for a goal to coach as usual. Cue clauses are left out: "when I want to cut, I
    will hold ice" is a coping plan. Never raises."""
    for reading in _readings(text):
        found = phrases.find(_without_cues(reading))
        if found is not None:
            return found
    return None
