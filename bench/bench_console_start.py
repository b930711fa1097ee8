"""Console start to first reply, beside `python -c pass` measured in the same run.

Each round starts `python -m bot console` on a fresh database with `/help` on stdin, and times from the
start of the process to the first reply on stdout; the baseline round starts `python -c pass`. Rounds
alternate, so a busy machine slows both alike. The medians are printed with the goal (≤ 250 ms), and beside
them the CPU time each process used (user + system, from `getrusage`), which waiting for a busy CPU does not
inflate.

Python's bytecode cache is on for the console (whatever PYTHONDONTWRITEBYTECODE says) and one warm-up round
is not counted: `pip install` compiles the package's .pyc files, so that is how a user's console starts.

    .venv/bin/python bench/bench_console_start.py            # 15 rounds
    .venv/bin/python bench/bench_console_start.py --rounds 40
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_MS = 250.0


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _first_reply(db: Path) -> tuple[float, float]:
    """Start the console, send `/help`; return the seconds until its first line of output, and its CPU time."""
    cpu = _cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "console", "--db", str(db), "--content", str(ROOT / "content")],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=ENV,
    )
    assert proc.stdin is not None
    assert proc.stdout is not None
    proc.stdin.write("/help\n")
    proc.stdin.close()
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.stdout.read()
    if proc.wait(timeout=30) != 0 or not line:
        raise SystemExit("the console did not answer /help")
    return elapsed, _cpu() - cpu


def _python_pass() -> tuple[float, float]:
    cpu = _cpu()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - start, _cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    console: list[tuple[float, float]] = []
    baseline: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        _first_reply(Path(tmp) / "warm-up.sqlite3")  # writes the bytecode cache, as an install would have
        for n in range(args.rounds):
            baseline.append(_python_pass())
            console.append(_first_reply(Path(tmp) / f"console-{n}.sqlite3"))
    c, b = (statistics.median(x[0] for x in runs) * 1000 for runs in (console, baseline))
    c_cpu, b_cpu = (statistics.median(x[1] for x in runs) * 1000 for runs in (console, baseline))
    verdict = "met" if c <= GOAL_MS else "MISSED"
    print(f"rounds: {args.rounds}")
    print(f"python -c pass          median {b:7.1f} ms  (CPU {b_cpu:6.1f} ms)")
    print(f"console to first reply  median {c:7.1f} ms  (CPU {c_cpu:6.1f} ms)  goal ≤ {GOAL_MS:.0f} ms: {verdict}")
    print(f"console minus python    median {c - b:7.1f} ms  · ratio {c / b:.1f}x")


if __name__ == "__main__":
    main()
