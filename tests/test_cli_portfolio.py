"""`waymark portfolio`: the same two files /portfolio attaches, written into a folder; one-line errors otherwise."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest

from bot.__main__ import main
from bot.content.holder import ContentHolder
from bot.content.loader import ContentIndex
from bot.handlers import learning, portfolio, progress
from bot.services import Caller, Services
from bot.store import Store
from tests.conftest import CONTENT_DIR
from tests.portfolio_pages import read_page
from tests.store.conftest import postgres_database

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
ANN, BOB, NOBODY = 7, 8, 9
FILES = ["portfolio-backend-engineer.md", "portfolio-backend-engineer.html"]
GIT_PROOF = "https://github.com/ann/dotfiles"


@pytest.fixture(autouse=True)
def _no_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the project's
    for key in [k for k in os.environ if k.startswith(("WAYMARK_", "DISCORD_"))]:
        monkeypatch.delenv(key)


async def fill(target: str | Path, index: ContentIndex) -> None:
    """Ann follows the backend path in Berlin with three items ticked (two with proofs); Bob ticked nothing."""
    async with await Store.open(target) as store:
        svc = Services(ContentHolder(CONTENT_DIR, index, NOW), store)
        ann = Caller(ANN, "ann", NOW)
        await learning.start_learning(svc, ann, "backend-engineer")
        await store.set_timezone(ANN, "Europe/Berlin", NOW)
        late = Caller(ANN, "ann", NOW + timedelta(hours=13, minutes=30))  # 23:30 UTC: the 28th in Berlin
        await progress.done(svc, late, "Use git professionally", GIT_PROOF)
        await progress.done(svc, late, "Understand HTTP and web protocols")
        await progress.done(svc, late, "Build basic API endpoints", "https://api.example.org/docs")
        await learning.start_learning(svc, Caller(BOB, "bob", NOW), "data-engineer")


@pytest.fixture
async def db(tmp_path: Path, shipped_index: ContentIndex) -> Path:
    path = tmp_path / "data" / "waymark.sqlite3"
    await fill(path, shipped_index)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["portfolio", *args, "--content", str(CONTENT_DIR), "--now", "2026-12-01T09:00:00+00:00"])
    out, err = capsys.readouterr()
    return code, out, err


def test_writes_the_markdown_and_the_page(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "site" / "ann"  # made, with its parents

    code, out, err = run(capsys, str(ANN), "--db", str(db), "--out", str(out_dir), "--name", "Ann Example")

    assert (code, err) == (0, "")
    assert out == (f"Wrote {out_dir / FILES[0]} and {out_dir / FILES[1]}: 3 of 15 items finished (20%).\n")
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(FILES)  # nothing half-written left beside them
    page = read_page((out_dir / FILES[1]).read_text(encoding="utf-8"))
    assert page.by_tag["dd"] == [
        "Ann Example",
        "2026-11-27",
        "in progress, 3 of 15 items",
        "2026-12-01",
        "days in Europe/Berlin",
    ]
    assert page.texts("item") == [
        "Understand HTTP and web protocols",
        "Use git professionally",
        "Build basic API endpoints",
    ]
    assert page.texts("meta")[1] == f"ticked 2026-11-28 · proof: {GIT_PROOF}"
    assert [href for href, _ in page.links] == [GIT_PROOF, "https://api.example.org/docs"]
    markdown = (out_dir / FILES[0]).read_text(encoding="utf-8")
    assert f"- Use git professionally · ticked 2026-11-28 · proof: <{GIT_PROOF}>\n" in markdown


async def test_the_files_are_the_ones_the_command_attaches(
    db: Path, tmp_path: Path, shipped_index: ContentIndex
) -> None:
    when = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    async with await Store.open(db) as store:
        svc = Services(ContentHolder(CONTENT_DIR, shipped_index, when), store)
        reply = await portfolio.portfolio(svc, Caller(ANN, "ann", when))
    args = ["portfolio", str(ANN), "--db", str(db), "--out", str(tmp_path / "out"), "--name", "ann"]
    args += ["--content", str(CONTENT_DIR), "--now", when.isoformat()]
    code = await asyncio.to_thread(main, args)  # main() runs an event loop of its own
    assert code == 0
    assert {f.filename: f.data for f in reply.files} == {n: (tmp_path / "out" / n).read_bytes() for n in FILES}


def test_role_picks_the_path(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(ANN), "--role", "Backend Engineer", "--db", str(db), "--out", str(tmp_path))
    assert code == 0
    assert out.endswith(": 3 of 15 items finished (20%).\n")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ((str(NOBODY),), 2, "waymark portfolio: no learner with ID 9 in {db}."),
        (
            (str(ANN), "--role", "fronted"),
            2,
            "waymark portfolio: no role called 'fronted'. Did you mean: frontend-engineer?",
        ),
        (
            (str(ANN), "--role", "data-engineer"),
            2,
            "waymark portfolio: user 7 is not following data-engineer (paths followed: backend-engineer).",
        ),
        (
            (str(BOB),),
            1,
            "waymark portfolio: user 8 has ticked nothing on data-engineer yet: there is no portfolio to write",
        ),
    ],
)
def test_unknown_learner_role_or_nothing_ticked(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], code: int, message: str
) -> None:
    out_dir = tmp_path / "out"
    result = run(capsys, *args, "--db", str(db), "--out", str(out_dir))
    assert result == (code, "", message.format(db=db) + "\n")
    assert not out_dir.exists()


def test_a_folder_it_cannot_write_in(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")

    assert run(capsys, str(ANN), "--db", str(db), "--out", str(a_file)) == (
        2,
        "",
        f"waymark portfolio: cannot write to {a_file}: it is a file, not a folder\n",
    )
    assert run(capsys, str(ANN), "--db", str(db), "--out", str(a_file / "sub")) == (
        2,
        "",
        f"waymark portfolio: cannot write to {a_file / 'sub'}: {a_file} is a file, not a folder\n",
    )
    assert a_file.read_text(encoding="utf-8") == "mine"


def test_a_folder_the_system_refuses(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What the system says when writing fails after the checks passed (here: a file name taken by a folder)."""
    out_dir = tmp_path / "out"
    (out_dir / FILES[1]).mkdir(parents=True)  # a folder where the page would go

    code, out, err = run(capsys, str(ANN), "--db", str(db), "--out", str(out_dir))

    assert (code, out) == (2, "")
    assert err.startswith(f"waymark portfolio: cannot write to {out_dir}: ")
    assert len(err.splitlines()) == 1
    assert not [p.name for p in out_dir.iterdir() if p.name.endswith(".partial")]  # nothing half-written left


def test_a_database_that_is_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.sqlite3"
    assert run(capsys, str(ANN), "--db", str(missing), "--out", str(tmp_path / "out")) == (
        2,
        "",
        f"waymark portfolio: cannot open database {missing}: there is no file there; check WAYMARK_DB_PATH (or --db)\n",
    )
    assert not missing.exists()  # never made


def test_a_time_or_a_content_folder_it_cannot_use_exits_2(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    with pytest.raises(SystemExit) as exc:
        main(["portfolio", str(ANN), "--db", str(db), "--out", str(out_dir), "--now", "tomorrow"])
    assert exc.value.code == 2
    assert capsys.readouterr().err == (
        "waymark portfolio: --now must be an ISO-8601 time like 2026-01-05T09:00:00+00:00, got 'tomorrow'\n"
    )
    code = main(["portfolio", str(ANN), "--db", str(db), "--out", str(out_dir), "--content", str(tmp_path / "x")])
    assert code == 2
    assert capsys.readouterr().err.startswith(f"waymark portfolio: the content folder {tmp_path / 'x'} does not exist")
    assert not out_dir.exists()


async def test_a_postgresql_database_is_read_as_it_is(
    tmp_path: Path, shipped_index: ContentIndex, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Named by --db or by WAYMARK_DATABASE_URL: never WAYMARK_DB_PATH's file instead, which would be stale."""
    async with postgres_database() as url:
        await fill(url, shipped_index)
        said = f"Wrote {tmp_path / 'out' / FILES[0]} and {tmp_path / 'out' / FILES[1]}: 3 of "
        code, out, err = await asyncio.to_thread(run, capsys, str(ANN), "--db", url, "--out", str(tmp_path / "out"))
        assert (code, err) == (0, "") and out.startswith(said)
        assert "Use git professionally" in (tmp_path / "out" / FILES[0]).read_text()
        monkeypatch.setenv("WAYMARK_DATABASE_URL", url)
        (tmp_path / "data").mkdir()
        (tmp_path / "data" / "waymark.sqlite3").write_bytes(b"")  # a file WAYMARK_DB_PATH names: not read
        code, out, err = await asyncio.to_thread(run, capsys, str(ANN), "--out", str(tmp_path / "again"))
        assert (code, err) == (0, "") and out.startswith(f"Wrote {tmp_path / 'again' / FILES[0]}")


async def test_a_database_that_is_no_waymarks_is_refused_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with postgres_database() as url:
        code, out, err = await asyncio.to_thread(run, capsys, str(ANN), "--db", url, "--out", str(tmp_path / "out"))
        assert (code, out) == (2, "")
        assert err.startswith("waymark portfolio: cannot open database postgresql://")
        assert err.endswith(": it holds no Waymark tables yet (nothing was created): is it the bot's database?\n")
        conn = await asyncpg.connect(url)
        try:
            assert await conn.fetchval("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0
        finally:
            await conn.close()
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()  # a SQLite file with no tables
    code, out, err = await asyncio.to_thread(run, capsys, str(ANN), "--db", str(empty), "--out", str(tmp_path / "out"))
    assert (code, out) == (2, "")
    assert err == (
        f"waymark portfolio: cannot open database {empty}: it holds no Waymark tables yet (nothing was created): "
        "is it the bot's database?\n"
    )
    with sqlite3.connect(empty) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    assert not (tmp_path / "out").exists()
