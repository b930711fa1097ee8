"""Benchmark the content engine (parse, index build, search, autocomplete, memory) on a generated corpus.

    python bench/bench_content.py [--roles 1000] [--queries 500] [--seed 1] [--strict] [--profile]

Every figure is printed beside its goal and a baseline measured in the same run; see bench/README.md.
Timings on a shared machine are noisy, so the exit code is 0 unless --strict is given.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import math
import pstats
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import corpus
import frontmatter
import pyromark
import yaml
from rapidfuzz import fuzz, process

from bot.content.loader import ContentIndex, load_content, merge_loaded, parse_bytes, role_files
from bot.content.markdown import OPTIONS
from bot.content.models import Problem, Role
from bot.content.parse import _FM, _YamlLoader
from bot.content.search import SearchIndex, own_text, post_words

GOAL_SEARCH_P99_MS = 2.0
GOAL_BUILD_S = 0.5
GOAL_RSS_MB = 150.0
SEARCH_LIMIT = 20  # the hits /skill-deep-dive asks for (bot/handlers/learning.py)
Loaded = list[tuple[str, Role | None, list[Problem]]]
T = TypeVar("T")


# --- measuring ----------------------------------------------------------------------------------


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def pct(sorted_ms: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_ms:
        return math.nan
    return sorted_ms[max(1, math.ceil(p / 100 * len(sorted_ms))) - 1]


@dataclass
class Lat:
    """Per-call latencies in ms, ascending: wall clock, and this process's CPU time (immune to other load)."""

    wall: list[float]
    cpu: list[float]
    pass_p99: tuple[float, ...] = ()  # the wall p99 of each pass on its own

    def p(self, q: float) -> float:
        return pct(self.wall, q)

    def cpu_p(self, q: float) -> float:
        return pct(self.cpu, q)


def latencies(
    fn: Callable[[object], object],
    items: Sequence[object],
    before: Callable[[], None] | None = None,
    passes: int = 1,
) -> tuple[Lat, list[float]]:
    """Time fn(item) for each item with the collector off; `before` runs untimed before each call.

    With `passes` > 1 the whole list is timed that many times over and each item's median is kept: every
    timing is still a first one in its pass (all the other items ran since), and a burst of load from
    other processes, which hits one pass, is not counted as the item's cost. Returns the sorted latencies
    and the wall latencies in call order (to split them by kind of query)."""
    walls: list[list[float]] = [[] for _ in items]
    cpus: list[list[float]] = [[] for _ in items]
    clock, cpu_clock = time.perf_counter_ns, time.process_time_ns
    gc.collect()
    gc.disable()
    try:
        for _ in range(passes):
            for item, wall, cpu in zip(items, walls, cpus, strict=True):
                if before is not None:
                    before()
                c0, t0 = cpu_clock(), clock()
                fn(item)
                t1, c1 = clock(), cpu_clock()
                wall.append((t1 - t0) / 1e6)
                cpu.append((c1 - c0) / 1e6)
    finally:
        gc.enable()
    in_order = [statistics.median(w) for w in walls]
    pass_p99 = tuple(pct(sorted(w[i] for w in walls), 99) for i in range(passes))
    return Lat(sorted(in_order), sorted(statistics.median(c) for c in cpus), pass_p99), in_order


@dataclass
class Timed:
    wall: float
    cpu: float


def timed(fn: Callable[[], object]) -> tuple[Timed, object]:
    """Run fn once (collector on, as in the bot) and return its wall and CPU seconds and its result."""
    c0, t0 = time.process_time(), time.perf_counter()
    result = fn()
    return Timed(time.perf_counter() - t0, time.process_time() - c0), result


def median(xs: list[Timed]) -> Timed:
    return Timed(statistics.median(x.wall for x in xs), statistics.median(x.cpu for x in xs))


def clear_word_cache(index: SearchIndex) -> None:
    """Empty the index's per-word expansion cache, so each query pays its fuzzy vocabulary lookups."""
    cache = getattr(index, "_expand", None)
    if hasattr(cache, "cache_clear"):
        cache.cache_clear()


# --- the work measured --------------------------------------------------------------------------


def parse_files(files: list[Path], root: Path) -> Loaded:
    """What load_content does per file: read the bytes, decode and parse them."""
    loaded: Loaded = []
    for path in files:
        display = path.relative_to(root).as_posix()
        role, problems = parse_bytes(path.read_bytes(), display)
        loaded.append((display, role, problems))
    return loaded


def without_collector(fn: Callable[[], T]) -> T:
    """Run fn with the cyclic garbage collector paused, as `load_content` runs the two halves."""
    gc.disable()
    try:
        return fn()
    finally:
        gc.enable()


def frontmatter_files(files: list[Path]) -> int:
    """Baseline (b): read the same files and only split them and YAML-load their front-matter."""
    return len([frontmatter.loads(path.read_bytes().decode("utf-8")) for path in files])


def entry_texts(roles: list[Role]) -> list[tuple[str, str]]:
    """Return each entry's title and the text the index reads beyond it (prepared outside the timing)."""
    out = []
    for role in roles:
        for s in role.sections:
            out.append((s.title, SearchIndex._body_text(s, own_text(s))))
    return out


def bulk_steps(files: list[Path], entries: list[tuple[str, str]]) -> int:
    """Do the steps of a load whose cost grows with bytes and words, as `load_content` does them, and no more.

    Read and decode every file, read its front-matter (PyYAML), run the CommonMark parser over its body (its
    events thrown away), find the words of every entry's title and text and append the entry to their
    posting lists. Left out: everything per line or per entry that makes the records (headings, phases,
    topics, checklist IDs, sections), orders them and validates them (see bench/README.md)."""
    for path in files:
        front, body = _FM.split(path.read_bytes().decode("utf-8"))
        yaml.load(front, Loader=_YamlLoader)
        deque(pyromark.events_with_range(body, options=OPTIONS, merge_text=True), maxlen=0)
    postings = post_words([t for t, _ in entries], [b for _, b in entries])
    return len(postings.title) + len(postings.body)


def wratio_scan(roles: list[Role], queries: list[str]) -> Lat:
    """Baseline (a): a full fuzzy scan of every entry's title + text, per query."""
    strings = [f"{s.title} {s.text}" for r in roles for s in r.sections]
    return latencies(lambda q: process.extract(q, strings, scorer=fuzz.WRatio, limit=10), queries)[0]


def profile(title: str, fn: Callable[[], object], top: int = 14) -> str:
    """Run fn under cProfile and return its top functions by own time."""
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats("tottime").print_stats(top)
    lines = [ln for ln in out.getvalue().splitlines() if ln.strip() and not ln.lstrip().startswith(("Ordered", "List"))]
    return f"\n--- profile: {title} (by own time) ---\n" + "\n".join(lines)


def rss_probe(directory: Path, queries: list[str]) -> None:
    """Child-process mode: load the corpus as the bot does, run a few searches, print the peak RSS."""
    content = load_content(directory)
    for q in queries:
        content.search.search(q)
    print(f"{rss_mb():.1f}")


def fresh_process_rss(directory: Path, queries: list[str]) -> float:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--rss-probe", str(directory), *queries]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True)
        return float(done.stdout.strip().splitlines()[-1])
    except (subprocess.SubprocessError, ValueError, IndexError):
        return math.nan


# A child process that loads a corpus with the engine of the source tree it is started in, and prints the median
# seconds of `load_content` over its rounds. Run in a fresh process so that an older engine's modules (`--against`)
# and this one's never share an interpreter; this engine is timed the same way beside it.
_LOAD_PROBE = """
import gc, statistics, sys, time
sys.path.insert(0, sys.argv[1])
from bot.content.loader import load_content
took = []
for _ in range(int(sys.argv[3])):
    gc.collect()
    start = time.perf_counter()
    load_content(sys.argv[2])
    took.append(time.perf_counter() - start)
print(statistics.median(took))
"""


def engine_at(rev: str, into: Path) -> Path:
    """Write the `bot` package of git revision `rev` of this repository into `into`; return that tree."""
    repo = Path(__file__).resolve().parents[1]
    archive = subprocess.run(["git", "-C", str(repo), "archive", rev, "bot"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def load_in_process(tree: Path, directory: Path, repeat: int) -> float:
    """Return the median seconds of `load_content(directory)` with the engine in `tree`, in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _LOAD_PROBE, str(tree), str(directory), str(repeat)],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
        cwd=tree,
    )
    return float(done.stdout.strip().splitlines()[-1])


def against(rev: str, directory: Path, repeat: int, rounds: int = 3) -> tuple[float, float]:
    """Time files to a ready index with the engine at `rev` and with this one, each in fresh processes, rounds
    interleaved so that other load hits both alike; return (theirs, ours), the median of the rounds."""
    with tempfile.TemporaryDirectory(prefix="waymark-engine-") as tmp:
        old = engine_at(rev, Path(tmp))
        ours = Path(__file__).resolve().parents[1]
        theirs_t, ours_t = [], []
        for _ in range(rounds):
            theirs_t.append(load_in_process(old, directory, repeat))
            ours_t.append(load_in_process(ours, directory, repeat))
    return statistics.median(theirs_t), statistics.median(ours_t)


# --- printing -----------------------------------------------------------------------------------


def fmt_ms(value: float) -> str:
    if math.isnan(value):
        return "n/a"
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def fmt_s(value: float) -> str:
    return f"{value:.2f} s"


def ratio(slow: float, fast: float, what: str) -> str:
    if not fast > 0 or math.isnan(slow):
        return ""
    r = slow / fast
    return f"({r:.0f}x {what})" if r >= 10 else f"({r:.1f}x {what})"


def table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False))
        print(f"{cells}  {row[-1]}".rstrip())


# --- the benchmark ------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="waymark-bench-") as tmp:
        root = Path(tmp)
        gen, (generated, vocab) = timed(lambda: corpus.generate(root, args.roles, args.seed))
        files = role_files(root)
        size_mb = sum(p.stat().st_size for p in files) / 1e6
        print(
            f"corpus   {len(files):,} role files, {size_mb:.1f} MB (seed {args.seed}, generated in {gen.wall:.1f} s "
            f"from {len(vocab.phrases):,} phrases and {len(vocab.tech):,} tech names)"
        )

        # (1) + (2): files to a ready index, its two halves, and the front-matter baseline, interleaved so that
        # noise hits them alike.
        total_t: list[Timed] = []
        parse_t: list[Timed] = []
        build_t: list[Timed] = []
        fm_t: list[Timed] = []
        content: ContentIndex | None = None
        for _ in range(args.repeat):
            content = None  # drop the previous index before building the next, so peak RSS stays honest
            gc.collect()
            fm_t.append(timed(lambda: frontmatter_files(files))[0])
            took, loaded = timed(lambda: without_collector(lambda: parse_files(files, root)))
            parse_t.append(took)
            took, content = timed(lambda loaded=loaded: without_collector(lambda: merge_loaded(loaded)))
            build_t.append(took)
            del loaded
            content = None
            gc.collect()
            took, content = timed(lambda: load_content(root))
            total_t.append(took)
        assert content is not None
        index = content.search
        roles = list(content.roles.values())
        # (2c) the bulk steps of the same load alone, without making the records.
        entries = entry_texts(roles)
        bulk_t = [
            timed(lambda e=entries: without_collector(lambda: bulk_steps(files, e)))[0] for _ in range(args.repeat)
        ]
        del entries
        kinds = Counter(s.kind for r in roles for s in r.sections)
        errors = sum(p.severity == "error" for p in content.problems)
        print(
            f"index    {len(roles):,} roles, {len(index):,} searchable entries = {len(index) / max(len(roles), 1):.1f} "
            f"per file ({', '.join(f'{n:,} {k}' for k, n in kinds.most_common())}); "
            f"vocabulary {index.vocabulary_size:,} words; {len(content.problems)} problems ({errors} errors)"
        )

        # (3) search: warm up on other queries; time each query with an empty word cache (cold: every word
        # pays its fuzzy vocabulary lookup), then again with all its words cached (warm: a repeated query).
        queries = corpus.make_queries(rng, generated, vocab, args.queries)
        warmup = corpus.make_queries(random.Random(args.seed + 1000), generated, vocab, 50)
        for q in warmup:
            index.search(q.text, role=q.role, limit=SEARCH_LIMIT)

        def search(q: corpus.Query) -> list:
            return index.search(q.text, role=q.role, limit=SEARCH_LIMIT)

        cold, in_order = latencies(search, queries, before=lambda: clear_word_cache(index), passes=args.passes)
        with_hits = sum(bool(search(q)) for q in queries)  # also fills the word cache for the warm pass
        warm, _ = latencies(search, queries, passes=args.passes)
        filtered = sorted(t for t, q in zip(in_order, queries, strict=True) if q.role is not None)
        typos = sorted(t for t, q in zip(in_order, queries, strict=True) if q.typo)

        # (4) autocomplete (prefix search, distinct titles) and the role picker.
        prefixes = corpus.make_prefixes(rng, generated, max(args.queries // 2, 20))
        role_queries = corpus.make_role_queries(rng, generated, max(args.queries // 2, 20))
        titles, _ = latencies(index.titles, prefixes, before=lambda: clear_word_cache(index), passes=args.passes)
        find, _ = latencies(index.find_roles, role_queries, passes=args.passes)

        # (5) memory with the index loaded, before the baseline makes its own copy of every string.
        rss_here = rss_mb()
        rss_fresh = fresh_process_rss(root, [q.text for q in queries[:50]]) if args.fresh_rss else math.nan
        compared = against(args.against, root, args.repeat) if args.against else None

        # (2b) what a moderator's /content reload costs after editing one file: unchanged files are reused.
        # Measured after the memory figure: it holds a second and a third index for a moment.
        loaded_once = load_content(root)
        edited = files[len(files) // 2]
        edited.write_text(edited.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
        reload_t, _ = timed(lambda previous=loaded_once: load_content(root, previous))
        loaded_once = None

        sample = queries[: args.baseline_queries]
        scan = wratio_scan(roles, [q.text for q in sample])

        profiles: list[str] = []
        if args.profile:
            profiles.append(profile("parse: read + parse_bytes, all files", lambda: parse_files(files, root)))
            loaded = parse_files(files, root)
            profiles.append(profile("index build: merge_loaded", lambda: merge_loaded(loaded)))
            del loaded

            def all_queries() -> None:
                for q in queries:
                    clear_word_cache(index)
                    search(q)

            profiles.append(profile(f"search: {len(queries)} queries, cold word cache", all_queries))

    parse, build, fm, total = median(parse_t), median(build_t), median(fm_t), median(total_t)
    bulk = median(bulk_t)
    p99 = cold.p(99)

    print(
        f"queries  {len(queries)} timed ({sum(q.typo for q in queries)} with a typo, {len(filtered)} role-filtered, "
        f"{with_hits} with hits) after {len(warmup)} warm-up ones; baseline scan on the first {len(sample)}\n"
        f"method   load_content: median of {args.repeat} rounds, as the bot calls it (it pauses the collector), "
        "and its two halves the same way;\n         query loops: collector off, "
        f"{args.passes} passes over all the queries, each query's median kept;"
        "\n         wall clock, with this process's CPU time in [brackets] "
        "(a gap means other load on the machine)\n"
    )

    def s_pair(t: Timed) -> str:
        return f"{fmt_s(t.wall)} [{fmt_s(t.cpu)}]"

    def ms_pair(lat: Lat, q: float) -> str:
        return f"{fmt_ms(lat.p(q))} [{fmt_ms(lat.cpu_p(q))}]"

    def p50_p99(lat: Lat) -> str:
        return f"{fmt_ms(lat.p(50))} / {fmt_ms(lat.p(99))}"

    fm_base = f"frontmatter.loads {fmt_s(fm.wall)}"
    rows: list[tuple[str, ...]] = [
        ("figure", "value", "goal", "baseline", ""),
        ("parse (read + parse_bytes)", s_pair(parse), "", fm_base, ratio(parse.wall, fm.wall, "the baseline")),
        ("index build (merge_loaded)", s_pair(build), "", "", ""),
        ("reload, 1 file edited", s_pair(reload_t), "", fm_base, ratio(reload_t.wall, fm.wall, "the baseline")),
        (
            "files to index (load_content)",
            s_pair(total),
            f"≤ {GOAL_BUILD_S} s",
            fm_base,
            ratio(total.wall, fm.wall, "the baseline"),
        ),
        ("  bulk steps alone", s_pair(bulk), "", fm_base, ratio(bulk.wall, fm.wall, "the baseline")),
        (
            "search p50, cold",
            ms_pair(cold, 50),
            "",
            f"WRatio scan p50 {fmt_ms(scan.p(50))}",
            ratio(scan.p(50), cold.p(50), "faster"),
        ),
        ("search p95, cold", ms_pair(cold, 95), "", "", ""),
        (
            "search p99, cold",
            ms_pair(cold, 99),
            f"≤ {GOAL_SEARCH_P99_MS:g} ms",
            f"WRatio scan p99 {fmt_ms(scan.p(99))}",
            ratio(scan.p(99), p99, "faster"),
        ),
        ("search max, cold", ms_pair(cold, 100), "", f"WRatio scan max {fmt_ms(scan.p(100))}", ""),
        ("  p99 of each pass alone", " / ".join(fmt_ms(x) for x in cold.pass_p99), "", "", ""),
        ("search p50 / p99, warm", p50_p99(warm), "", "", ""),
        (
            "  role-filtered p50 / p99",
            f"{fmt_ms(pct(filtered, 50))} / {fmt_ms(pct(filtered, 99))}",
            "",
            f"{len(filtered)} of the cold queries",
            "",
        ),
        (
            "  with a typo p50 / p99",
            f"{fmt_ms(pct(typos, 50))} / {fmt_ms(pct(typos, 99))}",
            "",
            f"{len(typos)} of the cold queries",
            "",
        ),
        ("titles() p50 / p99", p50_p99(titles), "", f"{len(prefixes)} half-typed inputs, cold", ""),
        ("find_roles() p50 / p99", p50_p99(find), "", f"{len(role_queries)} role-name inputs", ""),
        ("peak RSS, index loaded", f"{rss_here:.0f} MB", f"≤ {GOAL_RSS_MB:g} MB", "", ""),
    ]
    if args.fresh_rss:
        rows.append(("peak RSS, fresh process", f"{rss_fresh:.0f} MB", "", "load_content + 50 searches", ""))
    if compared is not None:
        theirs, ours = compared
        rows.append(
            (
                "files to index, fresh processes",
                fmt_s(ours),
                f"≤ {args.against}",
                f"engine at {args.against} {fmt_s(theirs)}",
                f"({ours / theirs:.2f}x its time)",
            )
        )
    table(rows)

    goals = [
        (
            p99 <= GOAL_SEARCH_P99_MS,
            f"search p99 ≤ {GOAL_SEARCH_P99_MS:g} ms",
            f"{fmt_ms(p99)}, cpu {fmt_ms(cold.cpu_p(99))}",
        ),
        (
            total.wall <= GOAL_BUILD_S,
            f"index build ≤ {GOAL_BUILD_S} s",
            f"load_content {fmt_s(total.wall)}, cpu {fmt_s(total.cpu)}; index build alone {fmt_s(build.wall)}; "
            f"bulk steps alone {fmt_s(bulk.wall)}",
        ),
        (rss_here <= GOAL_RSS_MB, f"peak RSS ≤ {GOAL_RSS_MB:g} MB", f"{rss_here:.0f} MB"),
    ]
    if compared is not None:
        theirs, ours = compared
        goals.append(
            (
                ours <= theirs,
                f"never slower than the engine at {args.against}",
                f"{fmt_s(ours)} against {fmt_s(theirs)}, each the median of 3 fresh processes",
            )
        )
    for text in profiles:
        print(text)
    print()
    for ok, goal, value in goals:
        print(f"{'PASS' if ok else 'FAIL'}  {goal}  ({value})")
    print(f"\ntotal run time {time.perf_counter() - started:.1f} s")
    failed = not all(ok for ok, _, _ in goals)
    return 1 if args.strict and failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roles", type=int, default=1000, help="role files to generate (default 1000)")
    parser.add_argument("--queries", type=int, default=500, help="timed search queries (default 500)")
    parser.add_argument("--seed", type=int, default=1, help="corpus and query seed (default 1)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds of load_content and its halves, median reported (default 3)"
    )
    parser.add_argument(
        "--passes", type=int, default=3, help="timed passes over the queries, each query's median kept (default 3)"
    )
    parser.add_argument("--baseline-queries", type=int, default=30, help="queries for the WRatio scan (default 30)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    parser.add_argument("--profile", action="store_true", help="also print cProfile tables of parse, build, search")
    parser.add_argument("--fresh-rss", action="store_true", help="also measure peak RSS in a fresh process")
    parser.add_argument(
        "--against",
        metavar="REV",
        help="also time files to a ready index with the engine at this git revision, beside this one",
    )
    parser.add_argument("--rss-probe", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("probe_queries", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rss_probe is not None:
        rss_probe(args.rss_probe, args.probe_queries)
        return 0
    if args.probe_queries:
        parser.error(f"unrecognized arguments: {' '.join(args.probe_queries)}")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
