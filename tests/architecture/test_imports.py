"""The package graph: dependencies point one way, pure packages stay pure, rendering needs no discord.py.

Every import counts, also one inside a function: a deferred import is still a dependency.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[2] / "bot"


def _unit(module: str) -> str | None:
    """Return the unit a module belongs to: `bot.content` for `bot.content.parse`, `bot.services` for itself."""
    parts = module.split(".")
    if parts[0] != "bot" or len(parts) < 2:
        return None
    return ".".join(parts[:2])


def _module_of(path: Path) -> str:
    rel = path.relative_to(BOT.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Return every module a file imports (absolute names, relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_of(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # `from bot import components`
    return found


def _exists(unit: str) -> bool:
    path = BOT.parent / unit.replace(".", "/")
    return path.is_dir() or path.with_suffix(".py").exists()


def _graph() -> dict[str, set[str]]:
    """Return which units each unit imports (`bot.handlers` -> {`bot.services`, ...})."""
    graph: dict[str, set[str]] = defaultdict(set)
    for path in BOT.rglob("*.py"):
        source = _unit(_module_of(path)) or "bot"
        for name in _imports(path):
            target = _unit(name)
            if target is not None and target != source and _exists(target):
                graph[source].add(target)
    return graph


def _external(unit: str) -> set[str]:
    """Return the top-level names of everything a unit imports."""
    root = BOT.parent / unit.replace(".", "/")
    files = list(root.rglob("*.py")) if root.is_dir() else [root.with_suffix(".py")]
    return {name.split(".")[0] for f in files for name in _imports(f)}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_package_graph_has_no_cycle() -> None:
    graph = _graph()
    assert graph["bot.handlers"], "the graph was read (handlers import something)"
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_a_cycle_would_be_found() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) is None


@pytest.mark.parametrize(
    ("unit", "allowed"),
    [
        ("bot.content", {"bot.domain", "bot.i18n", "bot.log"}),
        ("bot.domain", set()),
        ("bot.i18n", set()),
        ("bot.render", {"bot.wording", "bot.i18n"}),
        ("bot.store", {"bot.wording", "bot.log"}),
        ("bot.services", {"bot.content", "bot.domain", "bot.i18n", "bot.render", "bot.store"}),
        ("bot.components", {"bot.i18n", "bot.render", "bot.services"}),
        (
            "bot.reminders",
            {
                "bot.components",
                "bot.content",
                "bot.domain",
                "bot.i18n",
                "bot.log",
                "bot.present",
                "bot.render",
                "bot.services",
                "bot.store",
                "bot.wording",
            },
        ),
    ],
)
def test_lower_layers_import_only_what_is_below_them(unit: str, allowed: set[str]) -> None:
    assert _graph()[unit] <= allowed, sorted(_graph()[unit] - allowed)


@pytest.mark.parametrize(
    "unit",
    [
        "bot.content",
        "bot.domain",
        "bot.render",
        "bot.store",
        "bot.services",
        "bot.components",
        "bot.present",
        "bot.handlers",
        "bot.reminders",
        "bot.commands",
        "bot.console",
    ],
)
def test_only_the_discord_edge_imports_discord_py(unit: str) -> None:
    assert not _external(unit) & {"discord", "aiohttp"}


def test_the_console_starts_without_discord_py() -> None:
    code = "import sys, bot.console; print(sorted(m for m in sys.modules if m.split('.')[0] in ('discord', 'aiohttp')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=BOT.parent)
    assert out.stdout.strip() == "[]"


def test_english_needs_no_catalog() -> None:
    """Babel reads catalogs only for another language: the English console does not import it."""
    code = (
        "import sys, asyncio, bot.console, bot.commands;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=BOT.parent)
    assert out.stdout.strip() == "[]"


def test_every_component_action_has_its_handler() -> None:
    """A button whose action no handler serves would fail on click: every declared action is bound."""
    import bot.handlers  # noqa: F401 - binds every handler
    from bot.components import ACTIONS

    assert [a.name for a in ACTIONS if a.handler is None] == []


def test_the_console_answers_help_without_what_other_paths_need(tmp_path: Path) -> None:
    """Starting the console and answering /help imports none of these: each is imported where it is used."""
    unwanted = ["aiohttp", "asyncpg", "discord", "dotenv", "prometheus_client", "rapidfuzz"]
    unwanted += ["bot.cogs", "bot.health", "bot.metrics", "bot.render.portfolio", "bot.runner", "bot.store.postgres"]
    code = (
        "import io, sys\n"
        "from bot.__main__ import main\n"
        "sys.stdin, out, sys.stdout = io.StringIO('/help\\n'), sys.stdout, io.StringIO()\n"
        f"code = main(['console', '--db', 'console.sqlite3', '--content', {str(BOT.parent / 'content')!r}])\n"
        "assert code == 0 and 'Waymark' in sys.stdout.getvalue(), sys.stdout.getvalue()\n"
        f"print(sorted(m for m in sys.modules if any(m == u or m.startswith(u + '.') for u in {unwanted!r})), file=out)\n"
    )
    # Run in an empty folder: a `.env` there would be read (python-dotenv is imported to read one).
    env = {**os.environ, "PYTHONPATH": str(BOT.parent)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path, env=env
    )
    assert out.stdout.strip() == "[]"
