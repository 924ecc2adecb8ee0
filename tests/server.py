"""Start the real app with `streamlit run` on a free localhost port, for tests and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import TracebackType

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class StreamlitServer:
    """`with StreamlitServer(db_path) as server:` — `server.url` is ready when entered."""

    def __init__(self, db_path: Path, *, script: str = "streamlit_app.py",
                 env: dict[str, str] | None = None, options: tuple[str, ...] = (),
                 address: str = "127.0.0.1") -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_path = db_path
        self.script = script
        self.env = env or {}
        self.options = options
        self.address = address
        self.process: subprocess.Popen[bytes] | None = None
        self.started_in = 0.0

    def __enter__(self) -> StreamlitServer:
        env = {k: v for k, v in os.environ.items() if k != "SMALL_STEPS_MODE"}
        env |= {"SMALL_STEPS_DB": str(self.db_path)} | self.env
        command = [sys.executable, "-m", "streamlit", "run", self.script,
                   "--server.headless", "true", "--server.port", str(self.port),
                   "--server.address", self.address, "--server.fileWatcherType", "none",
                   "--browser.gatherUsageStats", "false", *self.options]
        start = time.perf_counter()
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE)
        self.wait_healthy(timeout=60)
        self.started_in = time.perf_counter() - start
        return self

    def wait_healthy(self, *, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode() if self.process.stderr else ""
                raise RuntimeError(f"streamlit exited early: {error[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.05)
        raise TimeoutError("streamlit did not become healthy")

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
