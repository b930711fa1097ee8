"""The `waymark` command line (also `python -m bot`)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.content.loader import ContentIndex, folder_problem, load_content
from bot.content.models import Phase, Role, Topic
from bot.log import setup_logging
from bot.settings import Settings, SettingsError
from bot.store.errors import BackupError, DatabaseOpenError, MigrationError
from bot.wording import plural

if TYPE_CHECKING:
    from bot.render import Attachment

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
EXIT_UNREACHABLE = 3
"""`run` only: Discord could not be reached for WAYMARK_CONNECT_RETRY_S."""


def _settings() -> Settings:
    try:
        return Settings.load()
    except SettingsError as exc:
        print(f"waymark: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE) from None


def _content_dir(arg: str | None) -> Path:
    return Path(arg) if arg else _settings().content_dir


def _folder_refused(directory: Path, command: str) -> bool:
    """Say on stderr, in one line, why `directory` cannot be the content folder, and return True; else False.

    Checked before anything is loaded: a folder that is not there is a mistake in how the command was started
    (exit 2), not an error in a role file (exit 1).
    """
    problem = folder_problem(directory, "give the folder of role files with --content or WAYMARK_CONTENT_DIR")
    if problem is not None:
        print(f"{command}: {problem}", file=sys.stderr)
    return problem is not None


def _write(text: str) -> None:
    """Write to stdout and flush, so a reader that stopped early (`| head`) ends the output quietly."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_to_devnull()


def _stdout_to_devnull() -> None:
    """Point stdout at /dev/null: the reader has gone, and the flush at exit must not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (a test's capture): swap the object instead
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - open until exit, like stdout
    finally:
        os.close(devnull)


def _flat_topics(topics: Sequence[Topic]) -> list[str]:
    out: list[str] = []
    for t in topics:
        out.append(t.text)
        out.extend(_flat_topics(t.children))
    return out


def _phase_json(p: Phase) -> dict:
    topics = _flat_topics(p.topics)
    for sub in p.subsections:
        topics.extend(_flat_topics(sub.topics))
    return {
        "number": p.number,
        "title": p.title,
        "weeks": [p.first_week, p.last_week],
        "weeks_planned": p.planned,
        "objective": p.objective,
        "topics": topics,
        "subsections": [{"label": s.label, "topics": _flat_topics(s.topics)} for s in p.subsections],
    }


def role_json(role: Role) -> dict:
    """Describe a role as the `content check --json` output does."""
    return {
        "name": role.name,
        "display_name": role.display_name,
        "file": role.file,
        "aliases": list(role.aliases),
        "self_paced": role.self_paced,
        "total_weeks": role.total_weeks,
        "phases": [_phase_json(p) for p in role.phases],
        "checklist": [
            {"id": i.id, "group": i.group, "text": i.text, "phase": i.phase, "line": i.line} for i in role.checklist
        ],
        "sections": [
            {"id": s.id, "title": s.title, "path": list(s.path), "line": s.line, "kind": s.kind}
            for s in role.sections
            if s.kind in ("section", "phase", "subsection", "facts")
        ],
    }


def cmd_content_check(args: argparse.Namespace) -> int:
    """Validate a content folder; exit 1 when any file has an error, 2 when the folder itself cannot be read."""
    directory = Path(args.dir) if args.dir else _content_dir(args.content)
    if _folder_refused(directory, "waymark content check"):
        return EXIT_USAGE
    index = load_content(directory, defer_search=True)  # a check never searches
    if args.json:
        payload = {
            "roles": [role_json(r) for r in index.roles.values()],
            "problems": [
                {"file": p.file, "line": p.line, "severity": p.severity, "message": p.message} for p in index.problems
            ],
        }
        _write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        lines = [str(problem) for problem in index.problems]
        errors = sum(p.severity == "error" for p in index.problems)
        warnings = len(index.problems) - errors
        lines.append(
            f"{directory}: {plural(len(index.roles), 'role')} loaded, {plural(errors, 'error')}, "
            f"{plural(warnings, 'warning')}" + ("" if not errors else " — files with errors were left out")
        )
        _write("\n".join(lines) + "\n")
    return EXIT_ERRORS if index.has_errors else EXIT_OK


def _load_for_search(directory: Path) -> ContentIndex:
    index = load_content(directory)
    for problem in index.problems:
        if problem.severity == "error":
            print(problem, file=sys.stderr)
    return index


def cmd_search(args: argparse.Namespace) -> int:
    """Answer a topic or a question ("week 14", "after databases") as /skill-deep-dive does."""
    from bot.content.answers import SHOWN, answer

    limit = SHOWN if args.limit is None else args.limit
    if limit < 1:
        print("waymark search: --limit must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    directory = _content_dir(args.content)
    if _folder_refused(directory, "waymark search"):
        return EXIT_USAGE
    index = _load_for_search(directory)
    role_name = None
    if args.role:
        role = index.role(args.role)
        if role is None:
            guesses = ", ".join(m.name for m in index.search.find_roles(args.role, limit=3))
            hint = f" Did you mean: {guesses}?" if guesses else f" Known roles: {', '.join(index.roles)}."
            print(f"waymark search: no role called '{args.role}'.{hint}", file=sys.stderr)
            return EXIT_USAGE
        role_name = role.name
    result = answer(index.search, args.query, role=role_name, limit=limit)
    # A question without an answer (a week in several paths, one past a path's end) is answered with why: exit 0.
    hits = result.hits
    if args.json:
        payload = {
            "query": args.query,
            "note": result.note,
            "problem": result.problem,
            "needs_role": list(result.needs_role),
            "results": [
                {
                    "role": h.role,
                    "section": h.section.title,
                    "path": list(h.path),
                    "score": h.score,
                    "snippet": h.snippet,
                    "line": h.section.line,
                    "phase": h.section.phase,
                }
                for h in hits
            ],
        }
        _write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if result.needs_role:
        _write(f"{result.problem} Add --role NAME: {', '.join(result.needs_role)}.\n")
        return EXIT_OK
    if result.problem:
        _write(result.problem + "\n")
        return EXIT_OK
    if not hits and not any(c.isalnum() for c in args.query):  # blank, or marks alone ('???', '🐳')
        _write("Nothing to search for: give a topic or a question, e.g. 'postgres', 'week 3', 'after databases'.\n")
        return EXIT_OK
    if not hits:
        _write(f"Nothing found for '{args.query}'. Try fewer or other words.\n")
        return EXIT_OK
    lines = [result.note] if result.note else []
    for n, h in enumerate(hits, 1):
        lines.append(f"{n}. {h.section.title}  [{h.where(index.roles[h.role])}]  score {h.score:g}")
        lines.append(f"   {h.snippet}")
    _write("\n".join(lines) + "\n")
    return EXIT_OK


def _parse_now(text: str | None, command: str) -> datetime | None:
    """Read `--now`; a time that cannot be read exits with EXIT_USAGE and one line on stderr."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        print(
            f"{command}: --now must be an ISO-8601 time like 2026-01-05T09:00:00+00:00, got {text!r}", file=sys.stderr
        )
        raise SystemExit(EXIT_USAGE) from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def cmd_console(args: argparse.Namespace) -> int:
    """Run the offline console over standard input."""
    from bot import i18n
    from bot.console import CONSOLE_DB_PATH, run_console

    settings = _settings()
    setup_logging("WARNING")
    if i18n.language_of(args.locale) != i18n.normalize(args.locale):  # say so rather than answer in English unasked
        spoken = ", ".join(i18n.available())
        print(
            f"waymark: no catalog for --locale {args.locale!r}; answering in English (it speaks {spoken})",
            file=sys.stderr,
        )
    now = _parse_now(args.now, "waymark")
    content = Path(args.content) if args.content else settings.content_dir
    if _folder_refused(content, "waymark"):
        return EXIT_USAGE
    db = _database_arg(args.db) if args.db else CONSOLE_DB_PATH  # its own file: never the bot's database by default
    try:
        return asyncio.run(run_console(content, db, args.user, now, sys.stdin, sys.stdout, args.locale))
    except (DatabaseOpenError, MigrationError) as exc:  # raised only by opening the database
        print(f"waymark: {_open_failure(db, exc)}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader stopped early (`| head`): the session ends there, without a traceback
        _stdout_to_devnull()
        return EXIT_OK


def cmd_i18n(args: argparse.Namespace) -> int:
    """Extract the translatable strings, merge them into the catalogs, or check the catalogs."""
    from bot import i18n_tools

    problem = i18n_tools.source_problem()
    if problem is not None:
        print(f"waymark i18n: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.i18n_command == "check":
        template = i18n_tools.extract_template()
        counts = []
        for locale in i18n_tools.languages():
            problems = i18n_tools.check(locale, template)
            for problem in problems:
                print(problem)
            counts.append((locale, len(problems)))
        summary = "; ".join(f"{locale}: {plural(n, 'problem')}" for locale, n in counts)
        print(f"{summary} (of {len(template)} strings)")
        return 1 if any(n for _, n in counts) else 0
    template, changed = i18n_tools.write_template(i18n_tools.TEMPLATE)
    shown = os.path.relpath(i18n_tools.TEMPLATE)
    print(f"wrote {shown}: {len(template)} strings" if changed else f"{shown} is up to date: {len(template)} strings")
    if args.i18n_command == "update":
        for locale, changed in i18n_tools.update_catalogs(template):
            shown = os.path.relpath(i18n_tools.catalog_path(locale))
            print(f"updated {shown}" if changed else f"{shown} is up to date")
    return 0


def _database_arg(text: str) -> str | Path:
    """Read a `--db` argument: a `postgresql://` URL as it is, anything else as a SQLite file's path."""
    from bot.store.database import is_postgres_url

    return text if is_postgres_url(text) else Path(text)


def _open_failure(path: Path | str, exc: DatabaseOpenError | MigrationError) -> str:
    """Word a failure to open the database as `cannot open database PATH: reason`."""
    from bot.store.database import describe_target

    return str(exc) if isinstance(exc, DatabaseOpenError) else f"cannot open database {describe_target(path)}: {exc}"


async def _database_problem(path: Path | str) -> str | None:
    """Open, check and close the database at `path`; say why it cannot be used, or return None."""
    from bot.store import Store

    try:
        store = await Store.open(path)
    except (DatabaseOpenError, MigrationError) as exc:
        return _open_failure(path, exc)
    await store.close()
    return None


def cmd_run(args: argparse.Namespace) -> int:
    """Run the bot on Discord: exit 0 on a clean stop, 2 on a start-up problem to fix, 3 when Discord is unreachable."""
    import discord

    from bot.runner import SETUP_HELP, DiscordUnreachableError, StartupError, quiet_start, run_bot

    settings = _settings()
    setup_logging(settings.log_level)
    if not settings.token:
        print(f"waymark: DISCORD_TOKEN is not set. {SETUP_HELP}", file=sys.stderr)
        return EXIT_USAGE
    # The database first: a file that cannot be used stops the bot before it contacts Discord.
    with quiet_start():  # the other start-up checks may refuse in one line too: no store log lines before it
        problem = asyncio.run(_database_problem(settings.database))
    if problem is not None:
        print(f"waymark: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return asyncio.run(run_bot(settings))
    except StartupError as exc:
        print(f"waymark: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DiscordUnreachableError as exc:
        print(f"waymark: {exc}", file=sys.stderr)
        return EXIT_UNREACHABLE
    except discord.LoginFailure:
        print(f"waymark: Discord rejected DISCORD_TOKEN (improper token). {SETUP_HELP}", file=sys.stderr)
        return EXIT_USAGE
    except discord.PrivilegedIntentsRequired:
        print("waymark: Discord refused the connection: privileged intents are not enabled.", file=sys.stderr)
        return EXIT_USAGE


def backup_database(source: Path, dest: Path, *, replace: bool = False) -> None:
    """Copy the database at `source` into `dest` with SQLite's backup API, after an integrity check of the copy.

    The source is opened read-only, as a plain connection: no migrations, no journal-mode change, and
    under WAL one consistent snapshot that never blocks the bot's writes. The copy is a single file
    (no -wal beside it) and records where it came from (`backup:source`), so `waymark console` knows
    it may send reminders from it while it is not back at that path. An existing `dest` is replaced
    (atomically) only with `replace`. Raises BackupError.
    """
    from bot.console import BACKUP_SOURCE_KEY
    from bot.store.backup import copy_database

    copy_database(source, dest, replace=replace, read_only=True, stamp=(BACKUP_SOURCE_KEY, str(source.resolve())))


def cmd_db_backup(args: argparse.Namespace) -> int:
    """Copy the database with SQLite's online backup API (safe while the bot runs)."""
    from bot.store.backup import backup_target
    from bot.store.checks import file_problem
    from bot.store.database import describe_target, is_postgres_url
    from bot.store.store import pg_dump_advice

    settings = _settings()
    chosen = _database_arg(args.db) if args.db else settings.database
    if is_postgres_url(chosen):
        print(f"waymark db backup: {pg_dump_advice(describe_target(chosen))}", file=sys.stderr)
        return EXIT_USAGE
    source = Path(chosen)
    problem = file_problem(source, write=False)
    if problem is not None:
        print(f"waymark db backup: cannot back up {source}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        dest = backup_target(source, args.path, force=args.force, now=datetime.now(UTC))
        backup_database(source, dest, replace=args.force)
    except BackupError as exc:
        print(f"waymark db backup: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Backed up {source} to {dest}")
    return EXIT_OK


class PortfolioError(Exception):
    """A reason `waymark portfolio` writes nothing, worded for the person who ran it, and the exit code it ends with."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def _out_problem(folder: Path) -> str | None:
    """Say why files cannot be written into `folder` (made when missing), or None.

    Checked before anything is read, so a mistyped folder fails at once; the writing itself still
    reports what the system says (`os.access` is no promise, and it says yes to root everywhere).
    """
    if folder.exists():
        if not folder.is_dir():
            return "it is a file, not a folder"
        return None if os.access(folder, os.W_OK | os.X_OK) else "you may not write in that folder"
    parent = folder.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        return f"{parent} is a file, not a folder"
    return None if os.access(parent, os.W_OK | os.X_OK) else f"you may not make a folder in {parent}"


async def _portfolio_files(
    args: argparse.Namespace, db: str | Path, index: ContentIndex, now: datetime
) -> tuple[str, list[Attachment]]:
    """Read a learner's portfolio from the database; return a summary line and the files, or raise PortfolioError."""
    from bot.handlers.portfolio import build_portfolio, portfolio_files
    from bot.store import Store

    user = args.user_id
    async with await Store.open(db, create=False) as store:  # a database that is no Waymark's is never made one
        learner = await store.get_learner(user)
        every = await store.list_enrollments(user, statuses=None)
        if learner is None and not every:
            raise PortfolioError(f"no learner with ID {user} in {store.location}.")
        following = [e for e in every if e.status == "active"]
        if args.role:
            role = index.role(args.role)
            if role is None:
                guesses = ", ".join(m.name for m in index.search.find_roles(args.role, limit=3))
                hint = f" Did you mean: {guesses}?" if guesses else f" Known roles: {', '.join(index.roles)}."
                raise PortfolioError(f"no role called '{args.role}'.{hint}")
            enrollment = next((e for e in following if e.role == role.name), None)
            if enrollment is None:
                names = ", ".join(e.role for e in following) or "none"
                raise PortfolioError(f"user {user} is not following {role.name} (paths followed: {names}).")
        else:
            live = [e for e in following if e.role in index.roles]
            if not live:
                gone = f" ({', '.join(e.role for e in following)} not in the content)" if following else ""
                raise PortfolioError(f"user {user} follows no path{gone}.")
            enrollment = max(live, key=lambda e: e.updated_at)  # the latest, as /portfolio picks
            role = index.roles[enrollment.role]
        progress = await store.get_progress(user, role.name)
    name = args.name if args.name is not None else str(user)
    built = build_portfolio(role, enrollment, progress, name, learner.timezone if learner else "UTC", now)
    if built.done == 0:
        raise PortfolioError(
            f"user {user} has ticked nothing on {role.name} yet: there is no portfolio to write", EXIT_ERRORS
        )
    summary = f"{built.done} of {plural(built.total, 'item')} finished ({built.percent}%)"
    return summary, list(portfolio_files(built, role.name))


def cmd_portfolio(args: argparse.Namespace) -> int:
    """Write a learner's portfolio (Markdown and HTML), as /portfolio attaches it, into a folder."""
    from bot.store.checks import file_problem
    from bot.store.database import is_postgres_url

    settings = _settings()
    now = _parse_now(args.now, "waymark portfolio") or datetime.now(UTC)
    # A PostgreSQL URL is read as it is (never WAYMARK_DB_PATH instead: a file left from before the move is stale).
    chosen = _database_arg(args.db) if args.db else settings.database
    db: str | Path = chosen if is_postgres_url(chosen) else Path(chosen)
    out = Path(args.out)
    problem = _out_problem(out)
    if problem is not None:
        print(f"waymark portfolio: cannot write to {out}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    problem = file_problem(db, write=False) if isinstance(db, Path) else None  # a missing file is named
    if problem is not None:
        print(f"waymark portfolio: cannot open database {db}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    directory = _content_dir(args.content)
    if _folder_refused(directory, "waymark portfolio"):
        return EXIT_USAGE
    setup_logging("WARNING")
    index = _load_for_search(directory)
    try:
        summary, files = asyncio.run(_portfolio_files(args, db, index, now))
    except (DatabaseOpenError, MigrationError) as exc:
        print(f"waymark portfolio: {_open_failure(db, exc)}", file=sys.stderr)
        return EXIT_USAGE
    except PortfolioError as exc:
        print(f"waymark portfolio: {exc}", file=sys.stderr)
        return exc.code
    # Both files are written in full beside their names first, then renamed: a reader never sees half a file.
    partials: list[tuple[Path, Path]] = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for f in files:
            target = out / f.filename
            partials.append((target.with_name(target.name + ".partial"), target))
            partials[-1][0].write_bytes(f.data)
        for partial, target in partials:
            partial.replace(target)
    except OSError as exc:
        for partial, _ in partials:
            partial.unlink(missing_ok=True)
        print(f"waymark portfolio: cannot write to {out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Wrote {' and '.join(str(target) for _, target in partials)}: {summary}.")
    return EXIT_OK


def cmd_db_copy(args: argparse.Namespace) -> int:
    """Copy every row of one database into a new, empty one (SQLite into PostgreSQL, or back); check row counts."""
    from bot.store.copy import CopyError

    setup_logging("WARNING")
    source, dest = _database_arg(args.source), _database_arg(args.dest)
    if isinstance(source, Path) and not source.exists():
        print(f"waymark db copy: there is no database at {source}; give an existing file or a URL", file=sys.stderr)
        return EXIT_USAGE
    try:
        counts = asyncio.run(_copy(source, dest))
    except (DatabaseOpenError, MigrationError) as exc:
        print(f"waymark db copy: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CopyError as exc:
        print(f"waymark db copy: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    from bot.store.database import describe_target

    lines = [f"  {table}: {plural(n, 'row')}" for table, n in counts.items()]
    _write(
        f"Copied {describe_target(source)} into {describe_target(dest)}; "
        "the row counts of every table match:\n" + "\n".join(lines) + "\n"
    )
    return EXIT_OK


async def _copy(source: Path | str, dest: Path | str) -> dict[str, int]:
    from bot.store.copy import copy_rows
    from bot.store.database import open_database

    src = await open_database(source)
    try:
        dst = await open_database(dest)
        try:
            return await copy_rows(src, dst)
        finally:
            await dst.close()
    finally:
        await src.close()


def _languages() -> tuple[str, ...]:
    """Return the languages the bot speaks (English and each catalog's)."""
    from bot import i18n

    return i18n.available()


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="waymark", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="run the bot on Discord (needs DISCORD_TOKEN)")
    run.set_defaults(func=cmd_run)

    content = sub.add_parser("content", help="check role files")
    content_sub = content.add_subparsers(dest="content_command", required=True, metavar="SUBCOMMAND")
    check = content_sub.add_parser(
        "check", help="validate a content folder (exit 1 on errors in its files, 2 when the folder cannot be read)"
    )
    check.add_argument("dir", nargs="?", help="folder of role files (default: --content)")
    check.add_argument("--content", help="content folder (default: WAYMARK_CONTENT_DIR, else ./content)")
    check.add_argument("--json", action="store_true", help="print the index and problems as JSON")
    check.set_defaults(func=cmd_content_check)

    search = sub.add_parser("search", help="answer a topic or a question ('week 14') as /skill-deep-dive does")
    search.add_argument(
        "query", help="a topic, or a question: 'week 14', 'what comes after databases', 'when do I learn docker'"
    )
    search.add_argument("--role", help="only this role (name, alias or display name); a week question needs one")
    search.add_argument("--limit", type=int, help="how many results (default: as many as /skill-deep-dive shows)")
    search.add_argument("--json", action="store_true", help="print results as JSON")
    search.add_argument("--content", help="content folder (default: WAYMARK_CONTENT_DIR, else ./content)")
    search.set_defaults(func=cmd_search)

    db = sub.add_parser("db", help="database tools")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="SUBCOMMAND")
    backup = db_sub.add_parser("backup", help="copy the database safely, even while the bot runs")
    backup.add_argument(
        "path",
        help="a new file, or a folder (an existing one, or a new one ending in /) to put "
        "waymark-YYYYmmdd-HHMMSS.sqlite3 (UTC) in",
    )
    backup.add_argument("--force", action="store_true", help="replace PATH if it is an earlier backup (a SQLite file)")
    backup.add_argument(
        "--db",
        help="the database (default: WAYMARK_DATABASE_URL, else WAYMARK_DB_PATH, else ./data/waymark.sqlite3); "
        "a PostgreSQL database is backed up with pg_dump",
    )
    backup.set_defaults(func=cmd_db_backup)
    copy = db_sub.add_parser(
        "copy", help="copy a database into a new, empty one: SQLite into PostgreSQL or back (row counts checked)"
    )
    copy.add_argument("source", help="a SQLite file's path, or a postgresql:// URL (stop the bot that uses it first)")
    copy.add_argument("dest", help="a SQLite path that does not exist yet, or the URL of an empty PostgreSQL database")
    copy.set_defaults(func=cmd_db_copy)

    folio = sub.add_parser("portfolio", help="write a learner's portfolio (Markdown and HTML) as /portfolio does")
    folio.add_argument("user_id", type=int, metavar="USER_ID", help="the learner's Discord user ID")
    folio.add_argument("--role", help="the path (name, alias or display name); default: their latest, as /portfolio")
    folio.add_argument("--out", required=True, metavar="DIR", help="the folder to write the files in (made if missing)")
    folio.add_argument("--name", help="the learner's name to show (default: the user ID)")
    folio.add_argument(
        "--db",
        help="SQLite file or postgresql:// URL (default: WAYMARK_DATABASE_URL, else WAYMARK_DB_PATH, else "
        "./data/waymark.sqlite3)",
    )
    folio.add_argument("--content", help="content folder (default: WAYMARK_CONTENT_DIR, else ./content)")
    folio.add_argument("--now", help="pretend it is this time (ISO-8601); default: the real clock")
    folio.set_defaults(func=cmd_portfolio)

    console = sub.add_parser("console", help="try the bot offline: slash commands typed or piped in")
    console.add_argument("--user", default="learner", help="who you are (default: learner)")
    console.add_argument(
        "--db",
        help="SQLite file or postgresql:// URL (default: ./data/console.sqlite3, the console's own; "
        "never the bot's database)",
    )
    console.add_argument("--content", help="content folder (default: WAYMARK_CONTENT_DIR, else ./content)")
    console.add_argument("--now", help="pretend it is this time (ISO-8601); default: the real clock")
    console.add_argument(
        "--locale",
        default="en",
        help="the language to answer in, as Discord's locale names it: en, de, es (default: en)",
    )
    console.set_defaults(func=cmd_console)

    i18n = sub.add_parser(
        "i18n", help="translation catalogs of a source checkout: extract the strings, merge them, check each language"
    )
    i18n_sub = i18n.add_subparsers(dest="i18n_command", required=True, metavar="SUBCOMMAND")
    i18n_sub.add_parser("extract", help="write bot/locales/waymark.pot from the code").set_defaults(func=cmd_i18n)
    i18n_sub.add_parser("update", help="extract, then merge into every language's waymark.po").set_defaults(
        func=cmd_i18n
    )
    i18n_sub.add_parser("check", help="list what each catalog misses (exit 1 if anything)").set_defaults(func=cmd_i18n)
    _own_parsers(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # said by the command's own parser, with its own usage line ('waymark console --bogus')
        getattr(args, "command_parser", parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    return args.func(args)


def _own_parsers(parser: argparse.ArgumentParser) -> None:
    """Give every command's parser itself as a default, so an argument it does not know is told with its usage."""
    for action in parser._actions:  # argparse lists a parser's subcommands nowhere else
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                command.set_defaults(command_parser=command)
                _own_parsers(command)


if __name__ == "__main__":
    sys.exit(main())
