"""Fixtures for the store tests: a fresh database file per test and a fixed clock."""

import os
import select
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def now() -> datetime:
    return NOW


def start_child(code: str, *args: object) -> subprocess.Popen[str]:
    """Run `python -c code args...` with the project importable; its stdout is a pipe of text lines."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def expect_line(proc: subprocess.Popen[str], expected: str, timeout: float = 20) -> str:
    """Wait for the child's next line and check it is `expected` (with its newline)."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, f"the child printed nothing within {timeout} s"
    line = proc.stdout.readline()
    assert line == expected, f"unexpected output {line!r}; stderr: {proc.stderr.read() if proc.poll() else ''}"
    return line
