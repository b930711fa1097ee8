"""The offline console: the bot's command handlers, driven by lines of text instead of Discord.

    /start-learning role:backend-engineer pace:full_time_accelerated
    click Checklist
    select Use git professionally
    :user alice

A line that starts with `/` is a slash command (`/content reload` for a subcommand); options are
`name:value`, a value running to the next ` name:` of that command or to the end of the line.
`click LABEL` presses a button of the last reply, `select LABEL` picks an option of its menu,
`:user NAME` switches the learner. Replies are printed as text.

The console has its own database (`CONSOLE_DB_PATH` unless `--db` says otherwise). It sends reminders only
from a database it created (marked with `OWNER_KEY`) or a copy written by `waymark db backup`: on the bot's
database a reminder printed here would go on record as delivered and move a real learner's plan on. And only
while no other process sends the reminders of that file: it takes the reminder lease as `waymark run` does
(see `bot.reminders.lease`), and says who holds it when another process does. On PostgreSQL it claims each due
reminder instead, as every `waymark run` there does (see `bot.reminders.claims`): consoles and bots on one
database print or send each reminder once.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import re
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo

from bot import components, i18n
from bot.commands import COMMANDS as DECLARED
from bot.commands import Command, shown_name
from bot.content.holder import ContentHolder
from bot.domain.zones import zone_or_utc
from bot.i18n import N_, _, _n, _p, command_text
from bot.log import get_logger
from bot.reminders.claims import Claimer
from bot.reminders.lease import Holder, SenderLease, lease_seconds
from bot.reminders.scheduler import Scheduler
from bot.render import Reply, Select, clip, render_text
from bot.render.limits import MAX_CONTENT
from bot.services import Caller, Member, Services, UserError, utc_now
from bot.store import Store
from bot.store.models import Lease

log = get_logger(__name__)

COMMANDS = {c.name: c for c in DECLARED}
"""The declared commands (`bot.commands`) by name, as typed after the `/`: `today`, `remind set`."""
GROUPS = {c.group for c in DECLARED if c.group}
CONSOLE_GUILD = 1  # the console is one server, so study groups work
TICK = re.compile(r"(\d+)\s*([dhm])")
TICK_UNITS = {"d": "days", "h": "hours", "m": "minutes"}
MAX_TICK_STEPS = 10_000
CONSOLE_DB_PATH = Path("data/console.sqlite3")
"""The console's own database, relative to the working directory; never the bot's `WAYMARK_DB_PATH`."""
OWNER_KEY = "console:owner"
"""Meta key set to "1" in a database the console created: only there (or in a backup copy) it sends reminders."""
BACKUP_SOURCE_KEY = "backup:source"
"""Meta key `waymark db backup` sets in a copy: the absolute path of the database it was copied from."""
BOT_DB_NOTICE = N_(
    "(reminders are not sent from the console on the bot's database; use a copy, "
    "e.g. `waymark db backup copy.sqlite3`, then `waymark console --db copy.sqlite3`)"
)
NOT_ON_BOT_DB = N_("no reminders are sent from the console on the bot's database")
SENT_ELSEWHERE = N_("no reminders are sent from the console: {holder} sends them")
TAKEN_OVER = N_("no reminders are sent from the console: {holder} sends them from this database now")
TRUE, FALSE = {"true", "yes", "1", "on"}, {"false", "no", "0", "off"}
_OPTION_LIKE = re.compile(r"(?:^|(?<=\s))([a-zß-öø-ÿ][a-z0-9ß-öø-ÿ_-]*):(?=[^\s/:])")
"""A `name:value` word; `https://…` and `a::b` are not options."""


def channel_id_for(name: str) -> int:
    """Return a stable ID for a console channel name such as #study."""
    return user_id_for("#" + name.lstrip("#"))


def user_id_for(name: str) -> int:
    """Return a stable, snowflake-sized ID for a console user name."""
    return int.from_bytes(hashlib.blake2b(name.lower().encode(), digest_size=7).digest(), "big") + 1


def local_name(typed: str, kind: str, group: str | None = None, command: Command | None = None) -> str:
    """Return the declared name of a command (or group, or option) typed in the console's language, else as typed.

    Discord shows German and Spanish users the names in their language (`/heute`); the console takes those
    and the English ones alike.
    """
    if i18n.current() == i18n.DEFAULT:
        return typed
    if kind == "option" and command is not None:
        names = [o.name for o in command.options]
    elif group is not None:
        names = [c.leaf for c in DECLARED if c.group == group]
    else:
        names = [c.group or c.name for c in DECLARED]
    if typed in names:
        return typed
    return next((n for n in names if i18n.translate_in(i18n.current(), n, kind) == typed.casefold()), typed)


def parse_options(
    text: str, names: tuple[str, ...], command: Command | None = None, *, shown: tuple[str, ...] | None = None
) -> dict[str, str]:
    """Split `a:1 b:two words` into options; a value runs to the next ` name:` of a known option.

    With `command`, options may be named in the console's language (`rolle:`); they come back by their
    declared names. `shown` are the names a mistake lists (default: `names`).
    """
    if not text.strip():
        return {}
    if command is not None and i18n.current() != i18n.DEFAULT:
        local = {i18n.translate_in(i18n.current(), n, "option"): n for n in names}
        local = {k: v for k, v in local.items() if k}
        shown = tuple(i18n.translate_in(i18n.current(), n, "option") or n for n in names)
        given = parse_options(text, (*names, *local), shown=shown)
        return {local.get(k, k): v for k, v in given.items()}
    listed = ", ".join(shown if shown is not None else names)  # the names the user is told about
    if not names:
        raise UserError(_("This command takes no options (got '{text}').", text=text.strip()))
    for word in _OPTION_LIKE.finditer(text):  # e.g. `colour:blue`, which would otherwise join the value before it
        if word.group(1) not in names:
            raise UserError(_("Unknown option '{name}'; this command takes {names}.", name=word.group(1), names=listed))
    pattern = re.compile(rf"(?:^|\s)({'|'.join(map(re.escape, names))}):")
    matches = list(pattern.finditer(text))
    if not matches or text[: matches[0].start()].strip():
        raise UserError(_("Options are written name:value; this command takes {names}.", names=listed))
    out: dict[str, str] = {}
    for m, nxt in zip(matches, [*matches[1:], None], strict=True):
        out[m.group(1)] = text[m.end() : nxt.start() if nxt else len(text)].strip()
    return out


def holder_text(holder: str) -> str:
    """Name the process that holds the reminder lease, in the current language: 'process 1234 on host web-1'."""
    parsed = Holder.parse(holder)
    if parsed is None:
        return repr(holder)
    return _("process {pid} on host {host}", pid=str(parsed.pid), host=parsed.host)


class ConsoleSender:
    """Print reminders instead of sending them: `reminder to NAME at TIME` and the reminder as text.

    TIME is when the reminder goes out, by the console's clock: its due time, or later for a catch-up after
    downtime (the reminder itself says it comes late)."""

    def __init__(self, services: Services, clock: Callable[[], datetime]) -> None:
        self.services = services
        self.clock = clock
        self._sent: list[tuple[datetime, str, str, Reply, int | None]] = []  # due, to whom, text, reply, user ID

    async def _name(self, user_id: int) -> str:
        return await self.services.store.get_meta(f"console:name:{user_id}") or str(user_id)

    async def send_user(self, user_id: int, reply: Reply, nonce: str, due: datetime) -> None:
        learner = await self.services.store.get_learner(user_id)
        settings = await self.services.store.get_reminder_settings(user_id)
        tz = zone_or_utc((settings.timezone if settings else None) or (learner.timezone if learner else None))
        when = self._sent_at(due, tz)
        name = await self._name(user_id)
        self._sent.append((due, name, f"reminder to {name} at {when}\n{render_text(reply)}", reply, user_id))

    async def send_channel(self, channel_id: int, label: str, reply: Reply, nonce: str, due: datetime) -> None:
        groups_ = [g for g in await self.services.store.list_groups(CONSOLE_GUILD) if g.channel_id == channel_id]
        groups_.sort(key=lambda g: g.name != label)  # several groups may share a channel: the one posting first
        tz = zone_or_utc(groups_[0].timezone if groups_ else None)
        when = self._sent_at(due, tz)
        self._sent.append((due, label, f"reminder to {label} at {when}\n{render_text(reply)}", reply, None))

    def _sent_at(self, due: datetime, tz: str) -> str:
        return max(due, self.clock()).astimezone(ZoneInfo(tz)).isoformat()

    def flush(self, reader: int) -> tuple[str, Reply | None]:
        """Return the reminders sent since the last flush, as text, and the one `click` acts on (None: none sent).

        They are printed by due time, then by whom they go to: the scheduler sends several at once, and the order
        they finish in says nothing. `click` acts on the reader's own latest reminder, else on the last printed.
        """
        sent, self._sent = sorted(self._sent, key=lambda s: (s[0], s[1].casefold(), s[1])), []
        own = [reply for _due, _to, _text, reply, user_id in sent if user_id == reader]
        clicked = own[-1] if own else sent[-1][3] if sent else None
        return "\n\n".join(text for _due, _to, text, _reply, _user in sent), clicked


class Console:
    """One console session: the current user, the clock, and the last reply (for `click`)."""

    def __init__(
        self,
        services: Services,
        user: str = "learner",
        now: datetime | None = None,
        *,
        send_reminders: bool = True,
        lease: SenderLease | None = None,
        claimer: Claimer | None = None,
        locale: str = i18n.DEFAULT,
    ) -> None:
        self.services = services
        self.user = user
        self.locale = i18n.normalize(locale)  # the language the console's user writes and reads
        self.fixed_now = now
        self.send_reminders = send_reminders  # False on the bot's database: see `may_send_reminders`
        self.quiet: tuple[str, str] = (NOT_ON_BOT_DB, "")  # why no reminders are sent, and who sends them instead
        self.lease = lease  # held while this console sends; another process may take it while the console idles
        self.last: Reply | None = None
        self.sender = ConsoleSender(services, self.now)
        self.scheduler = Scheduler(services, self.sender, self.now, rate=0, lease=lease, claimer=claimer)

    def now(self) -> datetime:
        """Return the console's clock: the time it pretends (`--now`, `:tick`), else the real one."""
        return self.fixed_now or utc_now()

    async def _lease_lost(self) -> str | None:
        """Renew the lease before sending; when another process took it meanwhile, stop sending and say so."""
        if self.lease is None or not self.send_reminders or await self.lease.hold():
            return None
        self.send_reminders = False
        with i18n.using(self.locale):
            self.quiet = (TAKEN_OVER, self.lease.current.holder if self.lease.current else "")
            return f"({self.quiet_because})"

    @property
    def quiet_because(self) -> str:
        """Say why this console sends no reminders, in the current language."""
        message, holder = self.quiet
        if message == NOT_ON_BOT_DB:
            return _(message)
        return _(message, holder=holder_text(holder) if holder else _("another process"))

    async def _remember_name(self) -> None:
        """Keep user names in the database, so reminders after a restart still say who they are for."""
        key = f"console:name:{user_id_for(self.user)}"
        if await self.services.store.get_meta(key) != self.user:
            await self.services.store.set_meta(key, self.user)

    async def send_due(self) -> str:
        """Send every reminder due now (after downtime: one catch-up per target) and return them as text."""
        if not self.send_reminders:
            return ""
        if lost := await self._lease_lost():
            return lost
        await self.scheduler.run_due(self.now())
        return self._printed()

    def _printed(self) -> str:
        """Return the reminders sent, as text; the one `click` acts on becomes the last reply (a quiet tick keeps
        the last reply)."""
        text, clicked = self.sender.flush(user_id_for(self.user))
        if clicked is not None:
            self.last = clicked
        return text

    async def tick(self, text: str) -> str:
        """Advance the clock (`7d`, `36h`, `90m`, `1d12h`), sending each reminder at its due time."""
        parts = TICK.findall(text.lower())
        if not parts or TICK.sub("", text.lower()).strip():
            raise UserError(_("Say how long, e.g. `:tick 7d`, `:tick 36h` or `:tick 90m`."))
        step = timedelta(**{TICK_UNITS[u]: 0 for u in TICK_UNITS})
        start = self.now()
        try:
            for amount, unit in parts:
                step += timedelta(**{TICK_UNITS[unit]: int(amount)})
            target = start + step
        except OverflowError:
            raise UserError(_("That is too far ahead: tick by days, hours or minutes, e.g. `:tick 7d`.")) from None
        lost = await self._lease_lost()
        if not self.send_reminders:
            self.fixed_now = target
            clock = _("(it is now {time}; {why})", time=target.isoformat(), why=self.quiet_because)
            return f"{lost}\n\n{clock}" if lost else clock
        self.fixed_now = start
        for _step in range(MAX_TICK_STEPS):
            earliest = await self.scheduler.earliest()  # of what this console may send (not another's claims)
            if earliest is None or earliest > target:
                break
            self.fixed_now = max(self.fixed_now, earliest)
            if not await self.scheduler.run_due(self.fixed_now):
                break
        self.fixed_now = target
        sent = self._printed()
        clock = _("(it is now {time})", time=target.isoformat())
        return f"{sent}\n\n{clock}" if sent else clock

    def caller(self) -> Caller:
        now = self.now()
        return Caller(
            user_id_for(self.user),
            self.user,
            now,
            guild_id=CONSOLE_GUILD,
            is_moderator=True,
            locale=self.locale,
            guild_locale=self.locale,  # the console is one server, speaking the console's language
        )

    async def handle_line(self, line: str) -> str:
        """Run one input line and return what to print, in the console's language."""
        with i18n.using(self.locale):
            return await self._handle_line(line)

    async def _handle_line(self, line: str) -> str:
        line = line.strip()
        if not line or line.startswith("#"):
            return ""
        try:
            if line.startswith(":tick"):
                return await self.tick(line[len(":tick") :].strip())
            if line.startswith(":user"):
                name = line[len(":user") :].strip()
                if not name:
                    raise UserError(_("Say who: `:user NAME`."))
                self.user = name
                return _("(you are now {name})", name=name)
            if line.startswith("/"):
                await self._remember_name()
                reply = await self._command(line[1:])
                self.last = reply
                return render_text(reply)
            word, _space, rest = line.partition(" ")
            if word in ("click", "select"):
                return await self._component(word, rest.strip())
            raise UserError(
                _(
                    "Unknown input '{line}'. Commands start with /, e.g. {help}; or click LABEL.",
                    line=line[:60],
                    help=i18n.command_text("help"),
                )
            )
        except UserError as exc:  # clipped: the message may quote a long value back
            return render_text(Reply(content=clip(f"❌ {exc}", MAX_CONTENT), ephemeral=True))
        except Exception:
            import uuid  # here: only an unexpected error needs it, and it is slow to import (it loads `platform`)

            error_id = uuid.uuid4().hex[:8]
            log.exception("Unexpected error %s on console input %r", error_id, line)
            return render_text(
                Reply(content=_("Something went wrong (error ID {error_id}).", error_id=error_id), ephemeral=True)
            )

    async def _command(self, text: str) -> Reply:
        name, _space, rest = text.partition(" ")
        name = local_name(name, "command")
        if name in GROUPS:
            sub, _space, rest = rest.strip().partition(" ")
            sub = local_name(sub, "command", group=name)
            subs = [c.leaf for c in DECLARED if c.group == name]
            if sub not in subs:
                local = ", ".join(shown_name(leaf, "command") for leaf in subs)
                raise UserError(
                    _("{command} needs one of: {subcommands}.", command=command_text(name), subcommands=local)
                )
            name = f"{name} {sub}"
        command = COMMANDS.get(name)
        if command is None:
            raise UserError(_("Unknown command '/{name}'. Try {help}.", name=name[:40], help=command_text("help")))
        given = parse_options(rest, tuple(o.name for o in command.options), command)
        kwargs = {key: self._convert(command, key, value) for key, value in given.items()}
        # Discord never sends a command without its required options; say so as it would show them.
        missing = [o.shown_name for o in command.options if o.required and o.name not in kwargs]
        if missing:
            needed = ", ".join(f"{m}:…" for m in missing)
            raise UserError(_("{command} needs {options}.", command=command_text(name), options=needed))
        caller = self.caller()
        try:
            return await command.handler(self.services, caller, **kwargs)
        finally:  # as on Discord: the learner's reminders speak the language they last used
            await self.services.remember_locale(caller)

    def _convert(self, command: Command, key: str, value: str) -> object:
        """Read an option's text as its declared type, with the limits Discord would enforce."""
        option = command.option(key)
        shown = option.shown_name  # as the user named it
        if option.type == "integer":
            if not re.fullmatch(r"-?\d+", value):
                raise UserError(
                    _("{option} must be a whole number, got '{value}'.", option=shown, value=clip(value, 40))
                )
            number = int(value)
            if (option.low is not None and number < option.low) or (option.high is not None and number > option.high):
                raise UserError(
                    _(
                        "{option} must be between {low} and {high}, got {number}.",
                        option=shown,
                        low=option.low,
                        high=option.high,
                        number=number,
                    )
                )
            return number
        if option.type == "boolean":
            if value.lower() not in TRUE | FALSE:
                raise UserError(
                    _("{option} must be true or false, got '{value}'.", option=shown, value=clip(value, 40))
                )
            return value.lower() in TRUE
        if option.type == "member":
            name = value.lstrip("@").strip()
            if not name:
                raise UserError(_("{option} needs a name, e.g. {option}:alice.", option=shown))
            return Member(user_id_for(name), name)
        if option.type == "channel":
            return channel_id_for(value)
        if option.high is not None and len(value) > option.high:
            raise UserError(
                _n(
                    "{option} can be at most {n} character.",
                    "{option} can be at most {n} characters.",
                    option.high,
                    option=shown,
                )
            )
        # A choice may be given by the name Discord lists it under in the user's language (`tag:Freitag`).
        return next((c for c in option.choices if option.choice_title(c).casefold() == value.casefold()), value)

    async def _component(self, kind: str, label: str) -> str:
        if self.last is None or not self.last.rows:
            raise UserError(_("The last reply has no buttons or menus."))
        if kind == "click":
            buttons = [b for row in self.last.rows if not isinstance(row, Select) for b in row]
            button = None
            for wanted in _spellings(label, self.locale):
                button = next((b for b in buttons if b.label.lower() == wanted), None) or next(
                    (b for b in buttons if b.label.lower().startswith(wanted)), None
                )
                if button is not None:
                    break
            if button is None or button.custom_id is None:
                names = ", ".join(f"[{b.label}]" for b in buttons) or _p("buttons", "none")
                raise UserError(
                    _("No button '{label}' on the last reply. Buttons: {buttons}.", label=label, buttons=names)
                )
            if button.disabled:
                raise UserError(_("[{label}] is disabled.", label=button.label))
            custom_id, values = button.custom_id, []
        else:
            found = None
            for wanted in _spellings(label, self.locale):
                for row in self.last.rows:
                    if isinstance(row, Select):
                        for option in row.options:
                            if option.label.lower() == wanted or (
                                found is None and option.label.lower().startswith(wanted)
                            ):
                                found = (row, option)
                                if option.label.lower() == wanted:
                                    break
                if found is not None:
                    break
            menus = [row for row in self.last.rows if isinstance(row, Select)]
            if found is None and label.isdigit() and len(menus) == 1 and 1 <= int(label) <= len(menus[0].options):
                found = (menus[0], menus[0].options[int(label) - 1])  # 'select 2': the number it is printed with
            if found is None and label.isdigit() and len(menus) > 1:
                raise UserError(
                    _(
                        "The last reply has {count} menus, so a number does not say which: select an option by its "
                        "words, like select {example}.",
                        count=len(menus),
                        example=menus[0].options[0].label,
                    )
                )
            if found is None:
                raise UserError(_("No menu option '{label}' on the last reply.", label=label))
            select, option = found
            if select.max_values > 1:  # a multi-select: picking an option toggles it
                chosen = {o.value for o in select.options if o.default} ^ {option.value}
                values = [o.value for o in select.options if o.value in chosen]
            else:
                values = [option.value]
            custom_id = select.custom_id
        caller = self.caller()
        try:
            response = await components.handle(self.services, caller, custom_id, values)
        finally:
            await self.services.remember_locale(caller)
        self.last = response.reply
        return render_text(response.reply)


def _spellings(label: str, locale: str) -> list[str]:
    """Return what a typed label may match, lowercased: itself, then its translation when it is an English label.

    A console in German shows German buttons; `click Checklist` still finds the one labelled "Checkliste".
    """
    found = [label.lower()]
    for english in dict.fromkeys((label, label.capitalize(), label[:1].upper() + label[1:])):
        local = i18n.translate_in(locale, english) if locale != i18n.DEFAULT else None
        if local is not None and local.lower() not in found:
            found.append(local.lower())
    return found


def _another_file(source: str, location: str) -> bool:
    """Return whether a backup's recorded source is another file than the database now open."""
    return Path(source) != Path(location).resolve()


async def may_send_reminders(store: Store) -> bool:
    """Return whether the console may send reminders from this (opened) database.

    Yes for a database the console created (`OWNER_KEY`; an empty one is marked now) and for a copy
    written by `waymark db backup` that is not back at its source's path. No for any other database
    that holds data: it is taken to be the bot's, whose learners must not have reminders recorded as
    delivered by a console.
    """
    if await store.get_meta(OWNER_KEY) == "1":
        return True
    source = await store.get_meta(BACKUP_SOURCE_KEY)
    if source is not None and store.database.dialect == "sqlite" and _another_file(source, store.location):
        return True
    if await store.holds_data():
        return False
    await store.set_meta(OWNER_KEY, "1")
    return True


async def run_console(
    content_dir: Path,
    db_path: Path | str,
    user: str,
    now: datetime | None,
    stdin: IO[str],
    stdout: IO[str],
    locale: str = i18n.DEFAULT,
) -> int:
    """Read lines from stdin until its end, printing each reply; return the exit code."""
    # The database opens in the store's own thread (SQLite and the disk, mostly) while the content loads here.
    opening = asyncio.create_task(Store.open(db_path))
    await asyncio.sleep(0)  # lets the task hand the open to that thread
    try:
        holder = ContentHolder.load(content_dir, now or utc_now(), defer_search=True)  # a session may never search
    except BaseException:
        with contextlib.suppress(Exception):
            await (await opening).close()
        raise
    for problem in holder.index.problems:
        if problem.severity == "error":
            print(f"content: {problem}", file=sys.stderr)
    async with await opening as store:
        lease = SenderLease(store)
        shared = store.database.dialect == "postgres"  # no lease there: each reminder is claimed
        blocked = None if shared else await lease.other_holder()  # `waymark run`, or another console, sends
        send_reminders = blocked is None and await may_send_reminders(store)
        if send_reminders and not shared:
            taken = await lease.acquire()
            if not lease.mine:  # another process took it in between
                blocked, send_reminders = taken, False
        with i18n.using(locale):
            if blocked is not None:
                stdout.write(held_notice(blocked, store.location) + "\n\n")
            elif not send_reminders:
                stdout.write(_(BOT_DB_NOTICE) + "\n\n")
        console = Console(
            Services(holder, store),
            user,
            now,
            send_reminders=send_reminders,
            lease=lease if send_reminders and not shared else None,
            claimer=Claimer(shared=True) if shared else None,
            locale=locale,
        )
        if blocked is not None:
            console.quiet = (SENT_ELSEWHERE, blocked.holder)
        try:
            await _serve(console, holder, stdin, stdout)
        finally:
            await lease.release()  # only if taken: `waymark run` need not wait for it to expire
    return 0


def held_notice(lease: Lease, path: Path | str) -> str:
    """Say that another process sends this database's reminders, and how to try them anyway."""
    return _(
        "(reminders are not sent from the console: {held}. Stop it to send them here, or try them on a copy: "
        "`waymark db backup copy.sqlite3`, then `waymark console --db copy.sqlite3`)",
        held=_held(lease, path),
    )


def _held(lease: Lease, path: Path | str) -> str:
    """Say who sends the reminders of a database and when their lease would lapse if they are gone (as
    `held_message` does for the log), in the current language."""
    beat, left = lease_seconds(lease, utc_now())
    at = lease.expires_at.strftime("%H:%M:%S")
    return _(
        "{holder} sends the reminders of {db} (last heartbeat {beat}s ago); if it was killed, its lease expires at "
        "{at} UTC (in {left}s)",
        holder=holder_text(lease.holder),
        db=str(path),
        beat=str(beat),
        at=at,
        left=str(left),
    )


async def _serve(console: Console, holder: ContentHolder, stdin: IO[str], stdout: IO[str]) -> None:
    """Print the catch-up, then answer each input line until stdin ends."""
    caught_up = await console.send_due()  # after downtime, as the bot does: one catch-up per target
    if caught_up:
        stdout.write(caught_up.rstrip("\n") + "\n\n")
    interactive = stdin.isatty()
    if interactive:
        with i18n.using(console.locale):
            banner = _n(
                "Waymark console · {n} path · type {help}, Ctrl-D to quit",
                "Waymark console · {n} paths · type {help}, Ctrl-D to quit",
                len(holder.index.roles),
                help=i18n.command_text("help"),
            )
        stdout.write(banner + "\n")
    while True:
        if interactive:
            stdout.write(f"{console.user}> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            break
        out = await console.handle_line(line)
        if out:
            if not interactive:
                stdout.write(f"> {line.strip()}\n")
            stdout.write(out.rstrip("\n") + "\n\n")
            stdout.flush()
