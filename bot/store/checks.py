"""Why a database file cannot be used, said in one line with what to do, before anything is written to it.

`Store.open` calls `prepare_path` before it connects and `check_opened` on the new connection, before the
journal mode changes or a migration runs; `waymark db backup` calls `file_problem` on what it copies and
`copy_problem` on the copy before putting it in place. A reason completes "cannot open database PATH: <reason>".
"""

from __future__ import annotations

import errno
import functools
import os
import sqlite3
import struct
from pathlib import Path

from bot.store.errors import DatabaseOpenError, SchemaTooNewError
from bot.store.migrations import LATEST_VERSION, MIGRATIONS, get_version
from bot.wording import agree

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
DATABASE_SUFFIXES = (".sqlite3", ".sqlite", ".db")  # a folder named like this was meant to be a file
HELP = 'README.md, "When something goes wrong"'
MAX_REPORTED = 3  # problems asked of quick_check/integrity_check; a message quotes the first
TABLES_SQL = "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_'"
NOT_A_DATABASE = (
    "it is not a SQLite database (it does not start with SQLite's header); check that WAYMARK_DB_PATH (or --db) "
    "names Waymark's database{new}; if this was your database, restore a backup (" + HELP + ")"
)


def prepare_path(path: Path) -> None:
    """Refuse a path that cannot hold this process's database; create its folder when missing."""
    reason = file_problem(path, write=True)
    if reason is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = _cannot_create(path, exc)
    if reason is not None:
        raise DatabaseOpenError(path, reason)


def file_problem(path: Path, *, write: bool) -> str | None:
    """Say why the file at `path` cannot be read (and, with `write`, written) as a SQLite database, or None.

    A path that does not exist is fine when it could be created (`write`) and an error otherwise; an empty
    file is fine: SQLite makes a new database in it.
    """
    try:
        if path.is_symlink() and not path.exists():
            return (
                f"it is a symbolic link to {os.readlink(path)}, which does not exist (a disk that is not mounted?); "
                "fix the link, or give the real file's path"
            )
        if path.is_dir():
            if path.suffix in DATABASE_SUFFIXES:
                return (
                    "it is a folder, not a file (Docker makes one where a bind-mounted file did not exist on the "
                    "host); if it is empty, remove it and start again, or give a file's path"
                )
            return f"it is a folder, not a file; give a file's path, e.g. {path / 'waymark.sqlite3'}"
        if not path.exists():
            return _creation_problem(path) if write else "there is no file there; check WAYMARK_DB_PATH (or --db)"
        if not path.is_file():
            return "it is not a regular file (a device, pipe or socket); give the path of a SQLite database file"
    except OSError as exc:
        return f"it cannot be looked at ({exc.strerror}); check the permissions of its folders for {_who()}"
    return _content_problem(path, write=write) or (_write_problem(path) if write else None)


def not_a_database(*, write: bool) -> str:
    """Say that a file is not a SQLite database; with `write`, that a new path makes a new one."""
    return NOT_A_DATABASE.format(new=", or give a path that does not exist yet for a new one" if write else "")


def _content_problem(path: Path, *, write: bool) -> str | None:
    """Read the header: not SQLite, or cut shorter than the header says (when no crash recovery is pending)."""
    try:
        with path.open("rb") as file:
            header = file.read(HEADER_SIZE)
            size = os.fstat(file.fileno()).st_size
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM):
            return (
                f"{_who()} may not read it; let that user read and write it (chown or chmod), "
                "or run Waymark as its owner"
            )
        return f"it cannot be read ({exc.strerror}); check the disk"
    if not header:
        return None
    if not header.startswith(SQLITE_MAGIC):
        return not_a_database(write=write)
    if len(header) < HEADER_SIZE:
        return f"the file is cut short ({size} bytes, not even SQLite's header); {recovery_advice()}"
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    # The header's page count is current only when it matches the change counter; and a crash may leave the
    # file short with the rest in a -wal, or with a -journal that SQLite rolls back on open.
    if pages and change_counter == valid_for and size < pages * page_size and not _recovery_pending(path):
        return f"the file is cut short ({size} bytes; its header says {pages * page_size}); {recovery_advice()}"
    return None


def _recovery_pending(path: Path) -> bool:
    """Return whether a -wal with frames (its header alone is 32 bytes) or a non-empty -journal is beside `path`."""
    for suffix, header_size in (("-wal", 32), ("-journal", 0)):
        try:
            if Path(f"{path}{suffix}").stat().st_size > header_size:
                return True
        except OSError:
            continue
    return False


def _write_problem(path: Path) -> str | None:
    """Ask the system whether this process may write the file (opening it for writing changes nothing)."""
    try:
        fd = os.open(path, os.O_WRONLY)
    except OSError as exc:
        return _write_refused(path, exc)
    os.close(fd)
    return None


def _write_refused(path: Path, exc: OSError) -> str:
    if exc.errno == errno.EROFS or _read_only_disk(path):
        return (
            "it is on a read-only disk; mount that disk read-write (a Docker volume without :ro), "
            "or move the database to a writable disk"
        )
    if exc.errno == errno.EACCES:
        return (
            f"the file is read-only for {_who()}; let that user write it (chown it to that user, or chmod u+w), "
            "or run Waymark as its owner"
        )
    if exc.errno == errno.EPERM:
        return (
            "the system refuses to let anyone write it (is it marked immutable? `lsattr` shows an i, "
            "`chattr -i` removes it)"
        )
    return f"it cannot be opened for writing ({exc.strerror})"


def _creation_problem(path: Path) -> str | None:
    """Say why a database cannot be created at `path` (missing folders included), or None."""
    ancestor = path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        return f"{ancestor} is a file, not a folder; give a path in a folder"
    if not os.access(ancestor, os.W_OK | os.X_OK):
        return _folder_refused(ancestor, create=path if ancestor == path.parent else path.parent)
    return None


def _cannot_create(path: Path, exc: OSError) -> str:
    """Explain a failure to create the database's folder."""
    return _creation_problem(path) or (
        f"its folder {path.parent} cannot be created ({exc.strerror}); create it, or give another path"
    )


def _folder_refused(folder: Path, *, create: Path | None = None) -> str:
    """Say that `folder` cannot be written, and what needs writing there."""
    if _read_only_disk(folder):
        return (
            f"its folder {folder} is on a read-only disk; mount that disk read-write, "
            "or move the database to a writable disk"
        )
    what = f"so {create} cannot be created" if create else "where SQLite keeps the -wal and -shm files beside it"
    return (
        f"its folder {folder} is not writable by {_who()}, {what}; let that user write the folder, or give another path"
    )


def _read_only_disk(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # AttributeError: no statvfs on this system
        return False


def _who() -> str:
    """Name the user this process runs as, for messages about permissions."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:
        return "this user"
    uid = geteuid()
    try:
        import pwd

        return f"user {pwd.getpwuid(uid).pw_name} (uid {uid})"
    except (ImportError, KeyError):
        return f"uid {uid}"


def recovery_advice() -> str:
    """Say what to do about a damaged database file."""
    return (
        "stop Waymark, keep this file, and restore your latest backup (made by `waymark db backup`), "
        f"or rescue what is readable with sqlite3's .recover: {HELP}, has the steps"
    )


def describe_damage(found_by: str, problems: list[str]) -> str:
    """Describe damage and who found it on one line, e.g. `damaged (SQLite's quick_check: "..." and more)`."""
    # A check's answer may hold several problems in one row, after a "*** in database main ***" line.
    lines = [line.strip() for row in problems for line in row.splitlines()]
    lines = [line for line in lines if line and not line.startswith("***")] or ["no details"]
    more = " and more" if len(lines) > 1 else ""
    return f'damaged ({found_by}: "{lines[0]}"{more})'


def check_opened(db: sqlite3.Connection, path: Path) -> int:
    """Refuse a database that is newer, damaged, incomplete, not Waymark's or read-only; return its version.

    Changes nothing on disk. Raises DatabaseOpenError, or the sqlite3.Error for `explain_sqlite_error`.
    """
    version = get_version(db)
    if version > LATEST_VERSION:
        raise SchemaTooNewError(path, version, LATEST_VERSION)
    problems = _column(db, f"PRAGMA quick_check({MAX_REPORTED})")
    if problems != ["ok"]:
        damage = describe_damage("SQLite's quick_check", problems)
        raise DatabaseOpenError(path, f"the file is {damage}; {recovery_advice()}")
    reason = schema_problem(version, set(_column(db, TABLES_SQL)))
    if reason is not None:
        raise DatabaseOpenError(path, reason)
    # SQLite opens a file it may not write read-only without a word, and even BEGIN IMMEDIATE succeeds:
    # only a write tells. Setting the version it already has, in a transaction rolled back, changes nothing.
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(f"PRAGMA user_version = {int(version)}")
    finally:
        db.rollback()
    return version


def _column(db: sqlite3.Connection, sql: str) -> list[str]:
    return [str(row[0]) for row in db.execute(sql)]


def copy_problem(db: sqlite3.Connection) -> str | None:
    """Run the full integrity_check and the schema check on a copy; say what is wrong with it, or None."""
    problems = [str(row[0]) for row in db.execute(f"PRAGMA integrity_check({MAX_REPORTED})")]
    if problems != ["ok"]:
        damage = describe_damage("SQLite's integrity_check", problems)
        return f"the file is {damage}; {recovery_advice()}"
    (version,) = db.execute("PRAGMA user_version").fetchone()
    tables = {str(row[0]) for row in db.execute(TABLES_SQL)}
    if not version and not tables:
        # Fine to open (a new database), pointless to keep: and what a failed recovery leaves behind.
        return f"it is empty, so there is nothing to back up; check WAYMARK_DB_PATH (or --db), or see {HELP}"
    return schema_problem(int(version), tables)


def schema_problem(version: int, tables: set[str]) -> str | None:
    """Say why tables and version do not make a Waymark database (a bad restore, another program's file)."""
    if version == 0:
        if not tables:
            return None  # a new database
        return (
            f"it holds tables ({_names(tables)}) but no Waymark schema version: it is another program's database, "
            f"or a copy that lost its version; check WAYMARK_DB_PATH (or --db), or see {HELP}"
        )
    if version > LATEST_VERSION:
        return None  # a newer Waymark's: which tables it needs is not known here
    missing = expected_tables(version) - tables
    if not missing:
        return None
    return (
        f"it is incomplete: a Waymark database at schema version {version} has the "
        f"{agree(len(missing), 'table')} {_names(missing)}, "
        f"which this file lacks (a restore or a recovery that went wrong?); restore a backup ({HELP})"
    )


def _names(tables: set[str] | frozenset[str]) -> str:
    shown = sorted(tables)
    return ", ".join(shown[:5]) + (", …" if len(shown) > 5 else "")


@functools.cache
def expected_tables(version: int) -> frozenset[str]:
    """Return the tables the migrations up to `version` create, by running them on an in-memory database."""
    db = sqlite3.connect(":memory:")
    try:
        for script in MIGRATIONS[:version]:
            db.executescript(script)
        return frozenset(str(row[0]) for row in db.execute(TABLES_SQL))
    finally:
        db.close()


def explain_sqlite_error(path: Path, exc: sqlite3.Error, *, write: bool = True) -> str:
    """Turn an error SQLite raised on `path` into a reason with what to do (`write`: it was opened to write)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_NOTADB":
        return not_a_database(write=write)
    if name.startswith("SQLITE_CORRUPT"):
        return f"the file is {describe_damage('SQLite', [str(exc)])}; {recovery_advice()}"
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        reason = file_problem(path, write=write)
        if reason is not None:
            return reason
        if not os.access(path.parent, os.W_OK | os.X_OK):
            return _folder_refused(path.parent)
        return f"SQLite cannot write it ({exc}); let {_who()} read and write the file and its folder"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return (
            f"another program holds a lock on it ({exc}); stop whatever else uses the file "
            "(another `waymark run`, a sqlite3 shell) and try again"
        )
    if name == "SQLITE_FULL":
        return f"the disk it is on is full ({exc}); free some space and try again"
    if name.startswith("SQLITE_IOERR"):
        return f"the disk reported an error ({exc}); check the disk, and restore a backup if it goes on ({HELP})"
    return f"SQLite says: {exc}"
