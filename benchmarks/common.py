"""Small helpers the benchmarks share: percentiles, tables, the JSON line, server RSS."""

from __future__ import annotations

import json
import math
import statistics
import threading
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.server import StreamlitServer

CACHE = Path("/tmp/small-steps-bench")


def p50(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile (the max for fewer than 20 values)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def ratio(top: float, bottom: float) -> float:
    return top / bottom if bottom and not math.isnan(bottom) else math.nan


def mark(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "MISS")


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain fixed-width table; floats get 1 decimal (2 when below 10)."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            if math.isnan(value):
                return "-"
            return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"
        return str(value)

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.rjust(w) if i else h.ljust(w)
                       for i, (h, w) in enumerate(zip(headers, widths, strict=True)))]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(c.rjust(w) if i else c.ljust(w)
                               for i, (c, w) in enumerate(zip(row, widths, strict=True))))
    return "\n".join(lines)


def _clean(value: Any) -> Any:
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 3)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def emit_json(payload: dict[str, Any]) -> None:
    print("JSON: " + json.dumps(_clean(payload), ensure_ascii=False, sort_keys=False), flush=True)


def rss_kb(pid: int) -> int:
    """Resident memory of one process in KiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


@contextmanager
def serve(db_path: Path, *, mode: str = "local", script: str = "streamlit_app.py",
          options: Sequence[str] = (), env: Mapping[str, str] | None = None,
          ) -> Iterator[StreamlitServer]:
    """tests.server.StreamlitServer, plus a thread that drains its stderr: a long run
    must never stall because nobody read the server's log pipe."""
    server = StreamlitServer(db_path, script=script,
                             env={"SMALL_STEPS_MODE": mode, **(env or {})},
                             options=tuple(options))
    with server:
        process = server.process
        assert process is not None and process.stderr is not None
        stderr = process.stderr
        tail: deque[bytes] = deque(maxlen=50)
        drain = threading.Thread(target=lambda: tail.extend(iter(stderr.readline, b"")),
                                 daemon=True)
        drain.start()
        server.log_tail = tail  # type: ignore[attr-defined]
        yield server


def server_pid(server: StreamlitServer) -> int:
    assert server.process is not None
    return server.process.pid


GC_OFF = ("--runner.postScriptGC", "false")
