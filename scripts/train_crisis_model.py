"""Train the crisis model (core/safety/model.json) from the labelled training sentences.

    uv run python -m scripts.train_crisis_model          # writes core/safety/model.json

Training data: scripts/training/*.csv (label,category,text; `crisis` or `everyday`),
written for Small Steps in many voices, plus everyday examples the app itself holds (the
coach's table of goals, the examples on Learn and Build, the small-win chips and the
coach's own suggestions), so ordinary goals never look like crisis. The team's evaluation table
(tests/tables/crisis_sentences.csv) is never trained on: it measures the result.

scikit-learn is a development dependency only: the app reads the JSON it writes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import sklearn
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

from core import content
from core.safety.crisis import for_model
from core.safety.model import features
from core.safety.reading import read
from core.safety.tables import read_table
from core.smart_words import CARE_STEPS, TOPIC_EXAMPLES
from tests.smart_cases import CASES

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "scripts" / "training"
OUT = ROOT / "core" / "safety" / "model.json"
PRUNE = 0.01  # weights smaller than this change no decision worth keeping


def examples() -> tuple[list[str], list[bool], dict[str, str]]:
    texts: list[str] = []
    labels: list[bool] = []
    hashes: dict[str, str] = {}
    for path in sorted(TRAINING.glob("*.csv")):
        hashes[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
        for row in read_table(path):
            texts.append(row.text)
            labels.append(row.positive)
    goals = everyday_in_the_app()
    texts += goals
    labels += [False] * len(goals)
    return texts, labels, hashes


def everyday_in_the_app() -> list[str]:
    found = [case.text for case in CASES] + content.small_win_chips()
    found += [example for _, example in TOPIC_EXAMPLES] + list(CARE_STEPS.values())
    for area in content.examples():
        found += [p.weak for p in area.pairs] + [p.smart for p in area.pairs]
        found += [g.goal for g in area.goals]
    for item in content.quiz():
        found += list(item.options)
    return found


def train(threshold: float, strength: float) -> dict[str, object]:
    texts, labels, hashes = examples()
    vectoriser = CountVectorizer(analyzer=lambda t: sorted(features(for_model(read(t)).words)),
                                 binary=True, min_df=2)
    matrix = vectoriser.fit_transform(texts)
    model = LogisticRegression(C=strength, class_weight="balanced", max_iter=5000)
    model.fit(matrix, labels)
    names = vectoriser.get_feature_names_out()
    weights = {str(name): round(float(w), 4) for name, w in zip(names, model.coef_[0],
                                                                 strict=True)
               if abs(w) >= PRUNE}
    return {"bias": round(float(model.intercept_[0]), 4), "threshold": threshold,
            "weights": dict(sorted(weights.items())), "trained_on": hashes,
            "examples": len(texts), "scikit_learn": sklearn.__version__}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--strength", type=float, default=1.0, help="C: less is smoother")
    args = parser.parse_args()
    data = train(args.threshold, args.strength)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(data['weights'])} weights from {data['examples']} examples")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
