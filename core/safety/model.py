"""A small linear model of crisis wording, as a second net under the phrase list.

Why this exists: phrase lists catch the ways of saying it that someone thought of. On
sentences written fresh by other people they caught about two in three; people say it
sideways ("I've got the tablets the doctor gave Mum, for when I need them") in more ways
than any list holds. A logistic regression over the words and letter groups of what
someone wrote, trained on a few thousand labelled sentences (scripts/training/, by
scripts/train_crisis_model.py), carries over to new wording much better.

It stays small, offline and explainable: the weights are a JSON file beside this
module (features -> weight), read once per process; a text's score is the sum of the
weights of the features it has, so any decision can be traced to the words behind it.
It only ever adds a card: `detect_crisis` shows one when the phrases or the model say
so, and the goal-harm rule (which decides what can be saved as a goal) uses phrases
alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.safety.reading import Reading

WINDOW_WORDS = 80  # about what the model was trained on: one note, a few sentences
_GRAMS = (3, 4, 5)  # letter groups inside a word, with its edges marked by spaces


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float  # a probability: show the card at or above it


def features(words: tuple[str, ...]) -> set[str]:
    """Word runs of one to three words, and letter groups of three to five inside each
    word (so "sucidal" shares most of its groups with "suicidal")."""
    found = {"w:" + " ".join(words[i:i + n]) for n in (1, 2, 3)
             for i in range(len(words) - n + 1)}
    for word in set(words):
        padded = f" {word} "
        found.update("c:" + padded[i:i + n] for n in _GRAMS for i in range(len(padded) - n + 1))
    return found


@cache
def load() -> Model:
    raw = json.loads(Path(__file__).with_name("model.json").read_text("utf-8"))
    return Model(float(raw["bias"]), {str(k): float(v) for k, v in raw["weights"].items()},
                 float(raw["threshold"]))


def probability(words: tuple[str, ...], model: Model | None = None) -> float:
    model = model or load()
    total = model.bias + sum(model.weights.get(f, 0.0) for f in features(words))
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, total))))


def windows(reading: Reading) -> list[tuple[str, ...]]:
    """The text in pieces of about a note's length, cut at sentence ends, so a long text
    is scored piece by piece (linear in its length) and a short one whole."""
    words, ends = reading.words, reading.ends
    pieces: list[tuple[str, ...]] = []
    start = 0
    for i in range(len(words)):
        if i - start + 1 >= WINDOW_WORDS or (i in ends and i - start + 1 >= WINDOW_WORDS // 2):
            pieces.append(words[start:i + 1])
            start = i + 1
    if start < len(words):
        pieces.append(words[start:])
    return pieces


def flags(reading: Reading, model: Model | None = None) -> bool:
    """True when some piece of the text scores at or above the model's threshold."""
    model = model or load()
    return any(probability(piece, model) >= model.threshold for piece in windows(reading))
