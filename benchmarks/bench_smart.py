"""How fast is the SMART coach? Typical goals, then inputs from 1 KB to 1 MB.

Run with `uv run python benchmarks/bench_smart.py`. Prints a table and one JSON line.
`assess` reads only a bounded prefix of its input, so time should stay flat past the cap
(and must never grow faster than linearly); 100k characters must take well under 50 ms.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.smart import assess, make_smaller

TYPICAL = [
    "I will walk for 10 minutes after dinner this week.",
    "The next time I feel a panic attack coming on, I will sit down and use the 5-4-3-2-1 "
    "grounding technique (name 5 things I see, 4 things I feel, 3 things I hear, 2 things I "
    "smell, and 1 thing I taste).",
    "I want to be less anxious.",
    "I will run a marathon because my therapist said exercise is good.",
    "Every night before bed, I will write down one thing I did well today, even if it was small.",
    "I need to stop worrying.",
]
SIZES = {"1 KB": 1_000, "10 KB": 10_000, "100 KB": 100_000, "1 MB": 1_000_000}


def median_us(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm up
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1e6)
    return statistics.median(runs)


def main() -> None:
    typical = statistics.median(median_us(partial(assess, g), 200) for g in TYPICAL)
    smaller = median_us(partial(make_smaller, TYPICAL[0]), 200)
    sentence = "I will walk for 10 minutes after dinner, because I want to feel calm. "
    inputs = {label: (sentence * (n // len(sentence) + 1))[:n] for label, n in SIZES.items()}
    sized = {label: median_us(partial(assess, s), 20) for label, s in inputs.items()}
    rows = [("typical goal", typical), ("make_smaller", smaller), *sized.items()]
    print(f"{'input':<14}{'median µs':>12}{'vs 1 KB':>10}")
    for label, us in rows:
        ratio = f"{us / sized['1 KB']:.2f}x" if label in sized else ""
        print(f"{label:<14}{us:>12.1f}{ratio:>10}")
    growth = sized["1 MB"] / sized["1 KB"]
    print(json.dumps({
        "bench": "smart",
        "typical_us": round(typical, 1),
        "make_smaller_us": round(smaller, 1),
        "sized_us": {k: round(v, 1) for k, v in sized.items()},
        "growth_1kb_to_1mb": round(growth, 2),
        "ok_100kb_under_50ms": sized["100 KB"] < 50_000,
    }))


if __name__ == "__main__":
    main()
