"""Whatever is typed, the console answers with text and never with a crash."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.console import COMMANDS, Console
from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.services import Services
from bot.store import Store
from tests.console.conftest import CONTENT_DIR, NOW

VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            "backend-engineer",
            "Backend Engineer",
            "back",
            "complete_beginner",
            "2026-12-01",
            "tomorrow",
            "3",
            "-1",
            "true",
            "Use git professionally",
            "https://example.com/x",
            "key:000000000000",
            "@someone",
            "<@123> **bold** @everyone",
        ]
    ),
    st.text(max_size=40),
    st.text(min_size=2100, max_size=2200, alphabet="ab "),
)


@st.composite
def command_line(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(sorted(COMMANDS)))
    options = draw(
        st.lists(st.sampled_from([o.name for o in COMMANDS[name].options] or ["x"]), max_size=3, unique=True)
    )
    parts = [f"{o}:{draw(VALUES)}" for o in options]
    return f"/{name} " + " ".join(parts)


LINES = st.one_of(
    command_line(),
    st.builds(lambda w, v: f"{w} {v}", st.sampled_from(["click", "select"]), VALUES),
    st.builds(lambda v: f":user {v}", st.sampled_from(["ann", "bob", ""])),
    st.text(max_size=60),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINES, min_size=1, max_size=6), days=st.integers(-30, 400))
def test_any_input_gets_an_answer(shipped_index: ContentIndex, tmp_path: Path, lines: list[str], days: int) -> None:
    async def session() -> list[str]:
        db = tmp_path / "fuzz.sqlite3"
        async with await Store.open(db) as store:
            console = Console(Services(ContentHolder(CONTENT_DIR, shipped_index, NOW), store), "ann", NOW)
            outs = [await console.handle_line("/start-learning role:backend-engineer")]
            console.fixed_now = NOW + timedelta(days=days)
            for line in lines:
                outs.append(await console.handle_line(line))
        return outs

    for out in asyncio.run(session()):
        assert isinstance(out, str)
        assert "Something went wrong" not in out


async def test_a_very_long_value_in_an_error_is_clipped(console: Console) -> None:
    out = await console.handle_line("/phase number:" + "a" * 3000)
    assert out.startswith("(only you)\n\n❌ number must be a whole number, got 'aaa")
    assert len(out) <= len("(only you)\n\n") + 100  # the value is shown clipped, not in full
    assert out.endswith("…'.")
