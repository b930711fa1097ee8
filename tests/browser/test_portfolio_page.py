"""The portfolio page in a real browser: Debian's chromium, headless, opens the file `waymark portfolio` wrote.

Chromium prints the page as it ended up (`--dump-dom`) and, with `--enable-logging=stderr`, every console message
as a `CONSOLE` log line: script errors, `console.*` calls and Content-Security-Policy refusals alike. The page
has no scripts, so any such line is a fault. `test_console_messages_are_seen` shows with a page that does log
that those lines are read, so a silent run means a clean page, not a deaf check.

Where chromium is missing these tests skip and say why; `WAYMARK_REQUIRE_CHROMIUM=1` (set by `.ci/run`, which
installs it) makes that a failure instead.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.handlers import learning, progress
from bot.services import Caller, Services
from bot.store import Store
from tests.conftest import CONTENT_DIR
from tests.portfolio_pages import Page, read_page

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
ANN = 7
NAME = 'Ann "<script>console.error(1)</script>'
CONSOLE_LINE = re.compile(r":CONSOLE\b")
"""Chromium's log lines for console messages: `[pid:tid:time:INFO:CONSOLE:12] "message", source: URL (12)`."""
BROWSER_FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root, where chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-extensions",
    "--no-first-run",
    "--enable-logging=stderr",
    "--v=0",
)
LINKED = {
    "Use git professionally": "https://github.com/ann/dotfiles",
    "Build basic API endpoints": "http://api.example.org/docs?a=1&b=%3Cx%3E",
}
"""Items ticked with /done and an http(s) proof: each must be a link."""
AS_TEXT = {
    "Write comprehensive tests": "javascript:console.error('proof ran')",
    "Optimize database queries": 'https://example.com/" onmouseover="console.error(2)',
}
"""Proofs an old database might hold that /done refuses today: each must be shown as text."""


def chromium() -> str:
    """Return Debian's chromium, or skip (fail where WAYMARK_REQUIRE_CHROMIUM=1) saying why."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is not None:
        return found
    reason = "chromium is not installed, so the portfolio page is not checked in a browser (apt-get install chromium)"
    if os.environ.get("WAYMARK_REQUIRE_CHROMIUM") == "1":
        pytest.fail(f"{reason}; WAYMARK_REQUIRE_CHROMIUM=1 requires it")
    pytest.skip(reason)


def open_page(page: Path, profile: Path) -> tuple[str, list[str]]:
    """Open a page in headless chromium; return the DOM it ended with and every console message it logged."""
    done = subprocess.run(
        [chromium(), *BROWSER_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout, [line for line in done.stderr.splitlines() if CONSOLE_LINE.search(line)]


@pytest.fixture
async def page_file(tmp_path: Path, shipped_index: ContentIndex) -> Path:
    """The page `waymark portfolio` writes for a learner who ticked items with and without proofs."""
    db = tmp_path / "waymark.sqlite3"
    async with await Store.open(db) as store:
        svc = Services(ContentHolder(CONTENT_DIR, shipped_index, NOW), store)
        ann = Caller(ANN, NAME, NOW)
        await learning.start_learning(svc, ann, "backend-engineer")
        for n, (item, proof) in enumerate(LINKED.items()):
            await progress.done(svc, Caller(ANN, NAME, NOW + timedelta(days=n)), item, proof)
        role = shipped_index.roles["backend-engineer"]
        for item, proof in AS_TEXT.items():
            item_id = next(i.id for i in role.checklist if i.text == item)
            await store.set_item_done(ANN, role.name, item_id, NOW, proof)  # as stored before /done checked proofs
        await progress.done(svc, ann, "Understand HTTP and web protocols")
    out = tmp_path / "site"
    args = ["portfolio", str(ANN), "--db", str(db), "--out", str(out), "--name", NAME, "--content", str(CONTENT_DIR)]
    assert await asyncio.to_thread(main, args) == 0  # main() runs an event loop of its own
    return out / "portfolio-backend-engineer.html"


def test_console_messages_are_seen(tmp_path: Path) -> None:
    noisy = tmp_path / "noisy.html"
    noisy.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'\">"
        "<style>p { color: red }</style></head>"
        "<body><p>x</p><script>console.error('canary')</script></body></html>",
        encoding="utf-8",
    )
    _, console = open_page(noisy, tmp_path / "profile")
    assert any('"canary"' in line for line in console), console  # a console call
    assert any("Content Security Policy" in line for line in console), console  # a refused style sheet


def test_the_page_renders_every_item_with_its_links_and_logs_nothing(page_file: Path, tmp_path: Path) -> None:
    dom, console = open_page(page_file, tmp_path / "profile")

    assert console == []
    page: Page = read_page(dom)
    assert "script" not in page.tag_names
    assert page.by_tag["h1"] == ["Backend Engineer"]
    assert page.by_tag["dd"][0] == NAME
    assert page.texts("summary") == ["5 of 15 items finished (33%)"]
    assert page.texts("item") == [
        "Understand HTTP and web protocols",
        "Use git professionally",
        "Write comprehensive tests",
        "Optimize database queries",
        "Build basic API endpoints",
    ]
    # Every http(s) proof is a link to exactly that address; the others are text beside their item.
    assert sorted(page.links) == sorted((url, url) for url in LINKED.values())
    assert all(attrs.keys() == {"href", "rel"} for name, attrs in page.tags if name == "a")
    assert sorted(page.texts("proof-text")) == sorted(AS_TEXT.values())
