"""Copy a SQLite database with the online backup API: one consistent snapshot, written atomically."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

BUSY_TIMEOUT_S = 5.0  # as the store's busy_timeout


def copy_database(source: Path, dest: Path, *, read_only: bool = False, stamp: tuple[str, str] | None = None) -> None:
    """Copy the database at `source` into `dest`, replacing it atomically; the copy is a single file.

    `read_only` opens the source as a plain read-only connection (no migrations, no journal-mode change);
    `stamp` is a (key, value) row written into the copy's `meta` table when it has one.
    """
    if dest.resolve() == source.resolve():
        raise ValueError("cannot back the database up onto itself")
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if read_only:
            src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
        else:
            src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # no -wal beside the copy
                if stamp is not None:
                    with dst:  # only when the copy is a Waymark database (it has a meta table)
                        if dst.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone():
                            dst.execute(
                                "INSERT INTO meta (key, value) VALUES (?, ?)"
                                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                stamp,
                            )
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
