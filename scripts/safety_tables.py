"""Print how the crisis check and the goal-harm check do on labelled tables.

    uv run python -m scripts.safety_tables                 # the team's tables (tests/tables)
    uv run python -m scripts.safety_tables other.csv -v    # any other table; -v lists misses

Figures go in docs/safety.md. Tables are CSV with label,category,text (see
core/safety/tables.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from core.safety.tables import explain, read_table, score

TABLES = Path(__file__).resolve().parents[1] / "tests" / "tables"


def report(path: Path, *, verbose: bool) -> None:
    result = score(read_table(path))
    print(f"\n{path}")
    for label, category in sorted(result.total):
        key = (label, category)
        print(f"  {label:9} {category:22} {result.right[key]:4}/{result.total[key]:<4}")
    print(f"  recall {result.recall():.1%} · false alarms {result.false_alarms():.1%}")
    if verbose:
        for row in result.wrong:
            print(f"  wrong {row.label}/{row.category}: {row.text}")
            if not row.positive:
                print(f"        fired: {explain(row.text)[:160]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tables", nargs="*", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    for path in args.tables or sorted(TABLES.glob("*.csv")):
        report(path, verbose=args.verbose)


if __name__ == "__main__":
    main()
