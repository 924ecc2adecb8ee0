"""Project-wide rules: core stays UI-free, and the code is lint- and type-clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_importing_core_never_imports_streamlit() -> None:
    code = (
        "import sys, core, core.models, core.store, core.progress, core.smart, core.safety, "
        "core.content\n"
        "bad = sorted(m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.'))\n"
        "print(','.join(bad))"
    )
    result = run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_core_source_has_no_streamlit_import() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "core").rglob("*.py")
        if "import streamlit" in path.read_text(encoding="utf-8")
        or "from streamlit" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


@pytest.mark.slow
def test_ruff_is_clean() -> None:
    result = run(sys.executable, "-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_is_clean() -> None:
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("module", ["benchmarks.store_bench", "benchmarks.data",
                                    "benchmarks.two_writers", "benchmarks.text_growth",
                                    "benchmarks.element_cost", "benchmarks.back_to_back",
                                    "benchmarks.capped_space"])
def test_benchmarks_run_in_quick_mode(module: str) -> None:
    """Proves the benchmark scripts work; their figures are read by people, not asserted."""
    result = run(sys.executable, "-m", module, "--quick")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "JSON: " in result.stdout
