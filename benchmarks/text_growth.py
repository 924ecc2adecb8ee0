"""No catastrophic backtracking: the SMART coach and crisis detection grow at most
linearly from 1 KB to 1 MB of text. Exits non-zero if either grows faster.

    uv run python -m benchmarks.text_growth            # 1 KB, 10 KB, 100 KB, 1 MB
    uv run python -m benchmarks.text_growth --quick

Linear growth is a ratio of about 1,000 from 1 KB to 1 MB (the coach reads at most
3,000 characters, so its ratio stays near 1). The check allows 3× linear for noise:
quadratic or exponential backtracking would be 1,000× or far more beyond that.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable

from core.safety import detect_crisis
from core.smart import assess

SENTENCE = "When I notice my heart racing, I will breathe slowly for 5 minutes... "
HOSTILE = "I want to want to kil kil myself myselff " + "\u200b" * 3 + "!!!! "
LIMIT = 3 * 1000  # 3x linear from 1 KB to 1 MB


def median_s(fn: Callable[[str], object], text: str, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(text)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    sizes = [1_000, 1_000_000] if args.quick else [1_000, 10_000, 100_000, 1_000_000]
    results: dict[str, dict[str, float]] = {}
    failed = False
    print(f"{'function':<14}{'text':<9}" + "".join(f"{n // 1000:>9} KB" for n in sizes)
          + f"{'1 MB ÷ 1 KB':>14}")
    for name, fn in (("assess", assess), ("detect_crisis", detect_crisis)):
        for label, unit in (("everyday", SENTENCE), ("hostile", HOSTILE)):
            times = {n: median_s(fn, (unit * (n // len(unit) + 1))[:n], 3 if n > 100_000 else 9)
                     for n in sizes}
            ratio = times[sizes[-1]] / max(times[sizes[0]], 1e-9)
            failed = failed or ratio > LIMIT
            results[f"{name}/{label}"] = {**{str(n): t for n, t in times.items()},
                                          "ratio": ratio}
            print(f"{name:<14}{label:<9}" + "".join(f"{times[n] * 1000:>9.2f}ms" for n in sizes)
                  + f"{ratio:>14.0f}")
    print("JSON: " + json.dumps({"bench": "text_growth", "limit": LIMIT, "results": results}))
    if failed:
        print(f"FAIL: growth above {LIMIT} from 1 KB to 1 MB", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
