"""Benchmark how long `/content reload` and `/content validate` stall the event loop at 1,000 roles.

    python bench/bench_reload.py [--roles 1000] [--big-role 4000] [--repeat 3] [--seed 1] [--strict]

A ticker task on the loop sleeps 1 ms at a time and records the gap between its ticks, while the handlers the cog
calls (`content_admin.reload`, `content_admin.validate`) run on the same loop against a generated corpus
(bench/corpus.py) held as the bot holds it. The longest gap is the longest stall. Every figure is printed beside
its goal and baselines measured in the same run; see bench/README.md.
Timings on a shared machine are noisy, so the exit code is 0 unless --strict is given.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bot.content import holder as holder_module
from bot.content.holder import Checked, ContentHolder, Keys, _short_gil_slices, diff_indexes
from bot.content.loader import load_content, role_files
from bot.handlers import content_admin
from bot.render import Reply
from bot.services import Caller, Services
from bot.store import Store

GOAL_STALL_MS = 20.0
GOAL_RSS_MB = 150.0
TICK_S = 0.001
SETTLE_S = 0.3
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
MODERATOR = Caller(1, "mod", NOW, guild_id=1, is_moderator=True)
CHECKLIST = "## ✅ Success Checklist"
BENCH_DIR = Path(__file__).resolve().parent


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# --- measuring ----------------------------------------------------------------------------------


class Ticker:
    """A task that sleeps 1 ms at a time and records each gap between its ticks, in ms.

    Each tick also does a little of what a bot does between events: it makes a few objects, in reference cycles,
    and keeps them a while in a bounded cache (as discord.py keeps messages), so the cyclic collector runs during
    the measurements, young and full passes alike, as it does in the bot.
    """

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._cache: deque[dict[str, object]] = deque(maxlen=2_000)
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(TICK_S)
            now = time.perf_counter()
            self.gaps.append((now - last) * 1000)
            last = now
            event: dict[str, object] = {"at": now, "payload": list(range(8))}
            event["self"] = event
            self._cache.append(event)

    def start(self) -> None:
        self.gaps = []
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> list[float]:
        assert self._task is not None
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        return self.gaps


@dataclass
class Case:
    """One measured case, run `--repeat` times: the longest gap of each run and the handler's wall time."""

    name: str
    goal: bool
    longest: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.longest)


async def measure(
    ticker: Ticker, case: Case, work: Callable[[], Awaitable[object]], settle_s: float = SETTLE_S
) -> None:
    """Run `work` on the loop with the ticker going, from 50 ms before it to `settle_s` after it.

    What the work leaves behind (garbage, collections, freeing the old index) falls in the window too.
    """
    ticker.start()
    await asyncio.sleep(0.05)
    t0 = time.perf_counter()
    await work()
    case.wall.append(time.perf_counter() - t0)
    await asyncio.sleep(settle_s)
    case.longest.append(max(await ticker.stop()))


def spin(seconds: float) -> None:
    """Plain Python work (no long C calls) for `seconds`, with the GIL slice a reload uses."""
    with _short_gil_slices():
        end = time.perf_counter() + seconds
        n = 0
        while time.perf_counter() < end:
            n += 1


def load_average() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load average unknown"
    return f"load average {one:.1f} (5 min: {five:.1f}) on {os.cpu_count()} CPUs"


# --- the edits ----------------------------------------------------------------------------------


class Toggle:
    """An edit of the corpus that is undone by the next call, so that every run of a case changes as much."""

    def __init__(self, apply: Callable[[bool], int]) -> None:
        self._apply = apply
        self._on = False

    def __call__(self) -> int:
        self._on = not self._on
        return self._apply(self._on)


def reword_items(files: list[Path], count: int) -> Toggle:
    """Reword every checklist item of the first files, `count` items in all (a new word: a new item ID)."""
    chosen: list[Path] = []
    items = 0
    for path in files:
        if items >= count:
            break
        chosen.append(path)
        items += len(re.findall(r"^- \[ \] ", path.read_text(encoding="utf-8").partition(CHECKLIST)[2], re.M))

    def apply(on: bool) -> int:
        done = 0
        for path in chosen:
            head, sep, checklist = path.read_text(encoding="utf-8").partition(CHECKLIST)
            if on:
                checklist, n = re.subn(r"^(- \[ \] .*)$", r"\1 thoroughly", checklist, flags=re.M)
            else:
                checklist, n = re.subn(r" thoroughly$", "", checklist, flags=re.M)
            path.write_text(head + sep + checklist, encoding="utf-8")
            done += n
        return done

    return Toggle(apply)


def edit_one_file(path: Path) -> Toggle:
    """One file edited as an author would: one checklist item reworded."""

    def apply(on: bool) -> int:
        body = path.read_text(encoding="utf-8")
        if on:
            body = re.sub(r"^(- \[ \] .*)$", r"\1 by hand", body, count=1, flags=re.M)
        else:
            body = body.replace(" by hand\n", "\n", 1)
        path.write_text(body, encoding="utf-8")
        return 1

    return Toggle(apply)


def big_role(root: Path, template: Path, items: int) -> Toggle:
    """Write a role like the generated ones with `items` checklist items (groups of 20); the toggle rewords them all."""
    head = template.read_text(encoding="utf-8").partition(CHECKLIST)[0]
    head = re.sub(r"^name: .*$", "name: big-checklist-role", head, count=1, flags=re.M)
    head = re.sub(r"^displayName: .*$", "displayName: Big Checklist Role", head, count=1, flags=re.M)
    head = re.sub(r"^aliases:\n(?:  - .*\n)*", "", head, flags=re.M)
    lines = [head, CHECKLIST]
    for k in range(items):
        if k % 20 == 0:
            lines += ["", f"### Practice set {k // 20 + 1}"]
        lines.append(f"- [ ] Practise exercise {k} of the practice sets and write down what went wrong")
    path = root / "big-checklist-role.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    old, new = " and write down what went wrong", ", then note what went wrong"

    def apply(on: bool) -> int:
        body = path.read_text(encoding="utf-8")
        path.write_text(body.replace(old, new) if on else body.replace(new, old), encoding="utf-8")
        return items

    return Toggle(apply)


def summary(checked: Checked | None) -> str:
    if checked is None:
        return ""
    d = checked.diff
    return (
        f"{len(d.renamed):,} reworded, {len(d.items_added) - len(d.renamed):,} added, "
        f"{len(d.items_removed) - len(d.renamed):,} removed, {len(d.phases):,} phase changes"
    )


# --- the run ------------------------------------------------------------------------------------


async def run(args: argparse.Namespace, tmp: Path) -> int:
    root = tmp / "content"
    files = role_files(root)
    big = big_role(root, files[0], args.big_role) if args.big_role else None
    rss_imports = rss_mb()
    started = time.perf_counter()
    holder = ContentHolder.load(root, NOW, freeze_gc=True)  # as bot.py loads it
    loaded_s = time.perf_counter() - started
    rss_loaded = rss_mb()
    index = holder.index
    print(
        f"corpus   {len(index.roles):,} roles, {len(index.search):,} search entries, "
        f"{sum(len(r.checklist) for r in index.roles.values()):,} checklist items "
        f"(loaded in {loaded_s:.1f} s; seed {args.seed}; {args.repeat} run(s) of each case)"
    )
    print(f"machine  {load_average()} at the start")
    if index.has_errors:
        print("the corpus has errors:", *index.problems[:5], sep="\n  ")
        return 1
    del index

    # Record what each check found, to show it beside the figures.
    checks: list[Checked] = []
    check = holder.check

    async def recording_check(*, to_swap: bool = False) -> Checked:
        checked = await check(to_swap=to_swap)
        checks.append(checked)
        return checked

    holder.check = recording_check  # type: ignore[method-assign]

    store = await Store.open(tmp / "bench.sqlite3")
    svc = Services(holder, store)
    ticker = Ticker()
    cases: dict[str, Case] = {}

    async def run_case(name: str, work: Callable[[], Awaitable[object]], goal: bool = True, **kw: float) -> None:
        case = cases.setdefault(name, Case(name, goal))
        checks.clear()
        await measure(ticker, case, work, **kw)
        case.note = summary(checks[-1] if checks else None)

    def reload() -> Awaitable[Reply]:
        return content_admin.reload(svc, MODERATOR)

    def validate() -> Awaitable[Reply]:
        return content_admin.validate(svc, MODERATOR)

    one_file = edit_one_file(files[0])  # not among the files `many` rewords, whose edits would hide this one
    many = reword_items(files[1:], 4000)
    for _ in range(args.repeat):
        await run_case("nothing running (1 s)", lambda: asyncio.sleep(1.0), goal=False, settle_s=0.0)
        await run_case("plain Python in a worker thread (1 s)", lambda: asyncio.to_thread(spin, 1.0), goal=False)
        await run_case("reload, nothing changed", reload)
        one_file()
        await run_case("reload, 1 file edited", reload)
        reworded = many()
        await run_case(f"validate, {reworded:,} items in {reworded // 15} roles reworded", validate)
        await run_case(f"reload, {reworded:,} items in {reworded // 15} roles reworded", reload)
        if big is not None:
            big()
            await run_case(f"validate, 1 role of {args.big_role:,} items, all reworded", validate)
            await run_case(f"reload, 1 role of {args.big_role:,} items, all reworded", reload)
    peak = rss_mb()

    # Baselines, in the same run: the same work without the worker thread, or without its settings.
    for _ in range(args.repeat):
        one_file()
        live = holder.index

        async def on_the_loop(live: object = live) -> None:
            new = load_content(root, live)  # type: ignore[arg-type]
            diff_indexes(live, new)  # type: ignore[arg-type]
            Keys(new)

        await run_case("load + diff + keys on the loop, 1 file edited", on_the_loop, goal=False)
        del live
        await run_case("validate, 1 file edited", validate, goal=False)

        async def default_gil_slice() -> Reply:
            saved = holder_module.GIL_SLICE_S
            holder_module.GIL_SLICE_S = sys.getswitchinterval()
            try:
                return await validate()
            finally:
                holder_module.GIL_SLICE_S = saved

        interval = sys.getswitchinterval() * 1000
        await run_case(f"validate, 1 file edited, {interval:.0f} ms GIL slice", default_gil_slice, goal=False)
        await reload()

        async def full_collection_unfrozen() -> None:
            gc.unfreeze()
            try:
                gc.collect()
            finally:
                gc.freeze()

        await run_case("one full GC pass, index not frozen", full_collection_unfrozen, goal=False, settle_s=0.05)
    await store.close()

    print(f"machine  {load_average()} at the end")
    report(args, list(cases.values()), rss_imports, rss_loaded, peak)
    goal_cases = [c for c in cases.values() if c.goal]
    worst = max(goal_cases, key=lambda c: c.median)
    goals = [
        (worst.median <= GOAL_STALL_MS, f"longest stall <= {GOAL_STALL_MS:.0f} ms", f"{worst.median:.1f} ms"),
        (peak <= GOAL_RSS_MB, f"peak RSS <= {GOAL_RSS_MB:.0f} MB", f"{peak:.0f} MB"),
    ]
    print()
    for ok, goal, value in goals:
        print(f"{'PASS' if ok else 'FAIL'}  {goal}  ({value})")
    return 1 if args.strict and not all(ok for ok, _, _ in goals) else 0


def report(args: argparse.Namespace, cases: list[Case], rss_imports: float, rss_loaded: float, peak: float) -> None:
    width = max(len(c.name) for c in cases) + 2
    print()
    print(f"{'longest gap between ticks (ms)':<{width}}{'median':>8}{'worst':>8}{'handler s':>11}   what changed")
    for heading, goal in (("goal: <= 20 ms", True), ("baselines", False)):
        print(f"-- {heading}")
        for c in (c for c in cases if c.goal == goal):
            wall = statistics.median(c.wall)
            print(f"{c.name:<{width}}{c.median:8.1f}{max(c.longest):8.1f}{wall:11.2f}   {c.note}")
    goal_cases = [c for c in cases if c.goal]
    worst = max(goal_cases, key=lambda c: c.median)
    worst_single = max(goal_cases, key=lambda c: max(c.longest))
    idle, spinning = cases[0], cases[1]  # the first two cases of each round
    print()
    print(
        f"The ticker sleeps {TICK_S * 1000:.0f} ms: an idle loop shows gaps of ~1 ms. Median: of the {args.repeat} "
        "runs' longest gaps; worst: the longest of them all."
    )
    print(
        f"Other processes on the machine show up in both: the idle loop's worst was {max(idle.longest):.1f} ms, with "
        f"plain Python in a thread {max(spinning.longest):.1f} ms\n(a thread that holds the GIL while the system "
        "runs another process keeps the loop waiting meanwhile)."
    )
    print(f"longest stall, median of runs: {worst.median:.1f} ms ({worst.name})")
    print(f"longest stall, any single run: {max(worst_single.longest):.1f} ms ({worst_single.name})")
    print(
        f"peak RSS: {peak:.0f} MB after all the handlers ({rss_imports:.0f} MB with the bot's modules imported, "
        f"{rss_loaded:.0f} MB with the index loaded)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roles", type=int, default=1000, help="role files to generate (default 1000)")
    parser.add_argument(
        "--big-role", type=int, default=4000, help="items of the extra one-role checklist, 0 for none (default 4000)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="waymark-bench-reload-") as tmp:
        # In a child process: the generator's vocabulary and buffers are not the bot's memory.
        command = [sys.executable, str(BENCH_DIR / "corpus.py"), str(Path(tmp) / "content")]
        subprocess.run(
            [*command, "--roles", str(args.roles), "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL
        )
        return asyncio.run(run(args, Path(tmp)))


if __name__ == "__main__":
    sys.exit(main())
