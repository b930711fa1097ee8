"""Database files broken the ways a self-hoster breaks them, a read-only file or folder, and a Discord tripwire.

Shared by the store tests and the CLI tests (`waymark run`, `console`, `db backup` as real processes).
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.store import LATEST_VERSION, MIGRATIONS

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
TOKEN = "MTQ0MjAwMDAwMDAwMDAwMDAw.GfAkE2.db-open-dummy-token-not-a-secret"
"""Shaped like a bot token so a message that printed it would be noticed; it opens nothing."""


def waymark_database(path: Path, learners: int = 2000) -> Path:
    """Write a Waymark database at the latest schema with enough rows to span many pages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    try:
        for script in MIGRATIONS:
            db.executescript(script)
        db.execute(f"PRAGMA user_version = {LATEST_VERSION}")
        when = "2026-01-05T09:00:00.000000+00:00"
        with db:
            db.executemany(
                "INSERT INTO learners (user_id, timezone, progress_visible, created_at) VALUES (?, 'UTC', 0, ?)",
                [(1000 + n, when) for n in range(learners)],
            )
            db.executemany(
                "INSERT INTO checklist_progress (user_id, role, item_id, done_at) VALUES (?, 'backend-engineer', ?, ?)",
                [(1000 + n, f"item-{n:05d}", when) for n in range(learners)],
            )
    finally:
        db.close()
    return path


def garble_middle(path: Path, size: int = 8192, seed: int = 8) -> None:
    """Overwrite `size` bytes in the middle of the file with random ones, in place."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + size] = random.Random(seed).randbytes(size)
    path.write_bytes(bytes(data))


def is_damaged(path: Path) -> bool:
    """Return whether SQLite's own integrity_check finds damage (the precondition of a corruption test)."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError:
        return True
    finally:
        db.close()


def truncate_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def future_schema(path: Path) -> None:
    """Mark a database as written by a newer Waymark."""
    db = sqlite3.connect(path)
    try:
        db.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
        db.commit()
    finally:
        db.close()


def another_programs_database(path: Path) -> None:
    """A SQLite file with tables of its own and no Waymark schema version."""
    db = sqlite3.connect(path)
    try:
        db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        db.execute("INSERT INTO invoices (total) VALUES (12.5)")
        db.commit()
    finally:
        db.close()


# A broken file at `path`, made from a good Waymark database (already there) or from nothing.
BROKEN_FILES: dict[str, Callable[[Path], None]] = {
    "text": lambda p: p.write_text("my notes\n" * 50, encoding="utf-8"),
    "random-bytes": lambda p: p.write_bytes(random.Random(3).randbytes(20_000)),
    "truncated": truncate_half,
    "garbage-in-the-middle": garble_middle,
    "newer-schema": future_schema,
    "another-programs-database": lambda p: (p.unlink(), another_programs_database(p)),
}
REASONS = {
    "text": "it is not a SQLite database",
    "random-bytes": "it is not a SQLite database",
    "truncated": "the file is cut short",
    "garbage-in-the-middle": "the file is damaged (SQLite",
    "newer-schema": f"it is at schema version {LATEST_VERSION + 1}, but this version of Waymark only knows",
    "another-programs-database": "it holds tables (invoices) but no Waymark schema version",
    "folder": "it is a folder, not a file",
    "symlink-to-folder": "it is a folder, not a file",
    "read-only-file": "",  # the wording depends on how the file was made read-only (checked in the store tests)
    "read-only-folder": "",
}


def broken_database(kind: str, path: Path) -> Path:
    """Make the database at `path` broken in the way `kind` names; return `path`."""
    if kind == "folder":
        path.mkdir(parents=True)
    elif kind == "symlink-to-folder":
        target = path.with_name("elsewhere")
        target.mkdir(parents=True)
        path.symlink_to(target.name, target_is_directory=True)  # relative to the link's folder
    else:
        waymark_database(path)
        BROKEN_FILES[kind](path)
    return path


@contextlib.contextmanager
def read_only_file(path: Path) -> Iterator[None]:
    """Make the file read-only for this process: its mode for a user, the immutable flag for root."""
    if not IS_ROOT:
        mode = path.stat().st_mode
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)], check=False).returncode:
        pytest.skip("running as root without chattr +i: no way to make a file read-only for this process")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[list[str]]:
    """Yield a command prefix under which `folder` cannot be written (a read-only mount for root)."""
    if not IS_ROOT:
        mode = folder.stat().st_mode
        folder.chmod(0o555)
        try:
            yield []
        finally:
            folder.chmod(mode)
        return
    script = 'd="$1"; shift; mount --bind "$d" "$d" && mount -o remount,bind,ro "$d" "$d" && exec "$@"'
    prefix = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", str(folder)]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    if not shutil.which("unshare") or probe.returncode:
        pytest.skip(f"running as root without a private read-only mount: {probe.stderr.decode().strip()}")
    yield prefix


class Tripwire:
    """A TCP listener on 127.0.0.1 standing in for Discord: it counts connections and closes each at once."""

    def __init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.05)
        self.port = self._sock.getsockname()[1]
        self.connections = 0
        self.contacted = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            self.contacted.set()
            conn.close()

    @property
    def env(self) -> dict[str, str]:
        return {
            "DISCORD_API_BASE": f"http://127.0.0.1:{self.port}/api/v10",
            "DISCORD_GATEWAY_URL": f"ws://127.0.0.1:{self.port}/",
        }

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()
