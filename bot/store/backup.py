"""Copy a SQLite database with the online backup API: one consistent snapshot, checked, then put in place atomically.

`backup_target` turns what the user typed into the file to write (a folder gets a dated file inside) and refuses
what must not be written over; `copy_database` copies into a temporary file, runs `PRAGMA integrity_check` on
the copy (the very pages that were read), and only then puts it in place: a damaged database is never backed
up silently, and a failed backup leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bot.store.checks import SQLITE_MAGIC, copy_problem, explain_sqlite_error
from bot.store.errors import BackupError

BUSY_TIMEOUT_S = 5.0  # as the store's busy_timeout
DATED_NAME = "waymark-%Y%m%d-%H%M%S.sqlite3"
"""The name (a strftime pattern, UTC) of a backup written into a folder."""
SIDE_FILES = ("-wal", "-shm", "-journal")
NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS}


def dated_name(now: datetime) -> str:
    """Return the file name a backup into a folder gets: `waymark-YYYYmmdd-HHMMSS.sqlite3` in UTC."""
    return now.astimezone(UTC).strftime(DATED_NAME)


def backup_target(source: Path, dest: str, *, force: bool, now: datetime) -> Path:
    """Return the file a backup of `source` to `dest` writes; raise BackupError for a target it must not write.

    `dest` naming a folder, or ending in `/` (a folder created when missing), means a dated file inside it.
    The database itself and its -wal, -shm or -journal are refused. An existing file is refused, except with
    `force` a regular SQLite file without a -wal beside it (no program has it open): an earlier backup.
    """
    path = Path(dest)
    if dest.endswith(("/", os.sep)) or path.is_dir():
        if os.path.lexists(path) and not path.is_dir():
            raise BackupError(f"{dest} is a file, not a folder; give a folder, or the file name without the /")
        path = path / dated_name(now)
    problem = _live_file_problem(source, path)
    if problem is not None:
        raise BackupError(problem)
    if os.path.lexists(path):
        if not force:
            raise BackupError(
                f"{path} already exists; give a new file name, or a folder to put a dated copy in "
                "(--force replaces an earlier backup)"
            )
        problem = _replace_problem(path)
        if problem is not None:
            raise BackupError(problem)
    return path


def _live_file_problem(source: Path, dest: Path) -> str | None:
    """Say why `dest` is the database at `source` or one of its side files, or return None."""
    live = source.resolve()
    target = dest.resolve()
    if target == live or _same_file(dest, source):
        return f"{dest} is the database itself; write the copy to another file"
    for suffix in SIDE_FILES:
        side = Path(f"{live}{suffix}")
        if target == side or _same_file(dest, side):
            return f"{dest} belongs to the live database; write the copy to another file"
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _replace_problem(path: Path) -> str | None:
    """Say why `--force` must not replace the file at `path`, or return None for an earlier backup."""
    never = "--force replaces only an earlier SQLite backup, never another file; give another path"
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            return f"{path} is a symbolic link (to {os.readlink(path)}); {never}, or the file the link points to"
        if not stat.S_ISREG(info.st_mode):
            return f"{path} is not a regular file (a device, pipe or socket); {never}"
        with path.open("rb") as file:
            header = file.read(len(SQLITE_MAGIC))
    except OSError as exc:
        return f"{path} cannot be read ({exc.strerror}), so it is not known to be a backup; {never}"
    if header != SQLITE_MAGIC:
        return f"{path} is not a SQLite database; {never}"
    if os.path.lexists(f"{path}-wal"):
        return (
            f"{path}-wal exists beside {path}: a program has it open, or was stopped before closing it; "
            f"close that program (when nothing uses {path}, move {path}-wal away) and try again"
        )
    return None


def copy_database(
    source: Path, dest: Path, *, replace: bool, read_only: bool = False, stamp: tuple[str, str] | None = None
) -> None:
    """Copy the database at `source` into `dest` as a single file, after checking the copy.

    `replace` lets the copy replace an existing `dest` (atomically); without it an existing `dest` is never
    written over. `read_only` opens the source as a plain read-only connection (no migrations, no journal-mode
    change); `stamp` is a (key, value) row written into the copy's `meta` table when it has one. Raises
    BackupError, saying what to do, when the source is damaged or the copy cannot be written.
    """
    if dest.resolve() == source.resolve():
        raise BackupError("cannot back the database up onto itself; write the copy to another file")
    made = _missing_folders(dest.parent)
    try:
        _copy_into(source, dest, replace=replace, read_only=read_only, stamp=stamp)
    except BaseException:
        for folder in reversed(made):  # a refused backup leaves no new empty folders behind
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _missing_folders(folder: Path) -> list[Path]:
    """Return the folders that creating `folder` would make, outermost first."""
    missing: list[Path] = []
    while not folder.exists() and folder != folder.parent:
        missing.insert(0, folder)
        folder = folder.parent
    return missing


def _copy_into(source: Path, dest: Path, *, replace: bool, read_only: bool, stamp: tuple[str, str] | None) -> None:
    """Make `dest`'s folder, copy into a temporary file there, check it, and put it at `dest`."""
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    except OSError as exc:
        raise BackupError(f"cannot write in {dest.parent} ({exc.strerror}); give a folder you may write in") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _copy(source, tmp, read_only=read_only, stamp=stamp)
        _publish(tmp, dest, replace=replace)
    except sqlite3.Error as exc:
        raise BackupError(
            f"cannot back up {source} (no backup was written): {explain_sqlite_error(source, exc, write=False)}"
        ) from exc
    except OSError as exc:
        raise BackupError(f"cannot write {dest} ({exc.strerror}); give another path, or free some space") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _copy(source: Path, tmp: Path, *, read_only: bool, stamp: tuple[str, str] | None) -> None:
    """Copy `source` into the file `tmp` and check the copy; raise BackupError if it is damaged."""
    if read_only:
        src = sqlite3.connect(_read_only_uri(source), uri=True, timeout=BUSY_TIMEOUT_S)
    else:
        src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # no -wal beside the copy
            problem = copy_problem(dst)
            if problem is not None:
                raise BackupError(f"cannot back up {source} (no backup was written): {problem}")
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


def _read_only_uri(source: Path) -> str:
    """Return the URI that opens `source` read-only, also from a read-only folder or disk."""
    uri = source.resolve().as_uri() + "?mode=ro"
    # A read-only connection to a WAL database needs a -shm file: where none can be made and no -wal exists
    # (so no program is writing), the file alone is the whole database, and SQLite may read it as immutable.
    if not os.access(source.parent, os.W_OK) and not os.path.lexists(f"{source}-wal"):
        uri += "&immutable=1"
    return uri


def _publish(tmp: Path, dest: Path, *, replace: bool) -> None:
    """Put the finished copy at `dest`: replacing it only when `replace`, and durably."""
    if replace:
        os.replace(tmp, dest)
    else:
        try:
            os.link(tmp, dest)  # fails when `dest` exists, even one that appeared since it was checked
        except FileExistsError:
            raise BackupError(f"{dest} already exists; give a new file name (nothing was written)") from None
        except OSError as exc:
            if exc.errno not in NO_HARD_LINKS:
                raise
            # A file system without hard links: claim the name first, then move the copy onto the claim.
            try:
                os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                raise BackupError(f"{dest} already exists; give a new file name (nothing was written)") from None
            os.replace(tmp, dest)
    with contextlib.suppress(OSError):  # not every system can sync a folder
        folder = os.open(dest.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
