"""Every slash command, declared once: its name, options, help, example and handler.

The cogs build their discord.py app commands from `COMMANDS` (`bot.cogs.common`), the console its
parser (`bot.console`), and `/help` its list and detail view (here). A handler is called as
``handler(services, caller, **options)`` with each option the caller gave, typed as its `Option` says:
text as `str`, integers as `int`, flags as `bool`, a member as `Member`, a channel as its ID.

Names and descriptions are declared in English; Discord shows them in each user's language from the
catalogs (`bot.i18n_tools` extracts them, `bot.discord_io.Translator` serves them), and `/help` names
commands and options the way the reader's Discord does (`bot.i18n.command_text`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from bot import i18n
from bot.handlers import content_admin, groups, learning, portfolio, progress, reminders, review, today
from bot.i18n import N_, _, _n, _p, cmd, command_text
from bot.present import COLOR
from bot.render import Card, Field, Reply, clip, escape_user_text
from bot.render.limits import MAX_EMBED_FIELDS, MAX_FIELD_VALUE
from bot.services import Caller, Services, UserError
from bot.store.models import FOLLOWED

OptionType = Literal["text", "integer", "boolean", "member", "channel"]
Suggest = Literal["role", "pace", "topic", "item", "group", "zone", "command"]
Area = Literal["learning", "progress", "content", "reminders", "groups"]
Handler = Callable[..., Awaitable[Reply]]


def shown_name(name: str, context: Literal["command", "option", "choice"]) -> str:
    """Return a declared name (a command's, an option's, a choice's) as the reader's Discord shows it."""
    return i18n.translate_in(i18n.current(), name, context) or name


@dataclass(frozen=True)
class Option:
    """One option of a command, as Discord shows it and the console reads it.

    `suggest` names the autocomplete that offers values while the user types; `choices` are the only
    values Discord offers (the handler still reads typed text, e.g. "fri"); `low`/`high` bound an
    integer's value or a text's length.
    """

    name: str
    description: str
    type: OptionType = "text"
    required: bool = False
    suggest: Suggest | None = None
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None

    @property
    def shown_name(self) -> str:
        """The option's name as the reader's Discord shows it (`rolle` for `role` in German)."""
        return shown_name(self.name, "option")

    def choice_title(self, choice: str) -> str:
        """Return a choice as Discord lists it to the reader: "Friday", "Freitag", "viernes"."""
        return shown_name(choice.title(), "choice")

    def shown(self, value: str) -> str:
        """Return an example value as the reader would give it: a choice by its name in their language.

        English shows the value itself ("friday"), as typed; a command named as a value (`/help command:`)
        is named in the reader's language too.
        """
        if self.suggest == "command":
            return command_text(value).removeprefix("/")
        return i18n.choice_text(value) if value in self.choices else value


@dataclass(frozen=True)
class Group:
    """A command with subcommands (`/remind on`), as Discord lists it."""

    name: str
    description: str
    area: Area
    guild_only: bool = False
    moderator: bool = False  # Discord hides the whole group from members without Manage Server


@dataclass(frozen=True)
class Command:
    """A slash command: what it is called, what it takes, what it does, and how to use it.

    `sample` is the example `/help` shows, as option values by option name (`{"role": "backend-engineer"}`):
    `example` writes it out with the command and option names of the reader's language, and `example_with` with
    the values of `content_examples` for the options that name a path or an item.
    `moderator` commands are listed in `/help` only to moderators and are checked when run.
    `cooldown` is (uses, seconds) per user. `defer` answers "thinking…" first, for work that may
    take longer than Discord's 3 s. `dm` sends the reply to the caller by DM on Discord.
    """

    name: str
    description: str
    handler: Handler
    area: Area
    sample: Mapping[str, str]
    options: tuple[Option, ...] = ()
    moderator: bool = False
    cooldown: tuple[int, float] | None = None
    defer: bool = False
    dm: bool = False

    @property
    def group(self) -> str | None:
        """The group a subcommand belongs to (`remind` for `remind set`), None for a top-level command."""
        return self.name.split(" ", 1)[0] if " " in self.name else None

    @property
    def leaf(self) -> str:
        """The command's own name, without its group."""
        return self.name.rsplit(" ", 1)[-1]

    @property
    def usage(self) -> str:
        """The command with its options, optional ones in brackets: `/phase [number] [role]` (in the reader's words)."""
        words = [o.shown_name if o.required else f"[{o.shown_name}]" for o in self.options]
        return " ".join([command_text(self.name), *words])

    @property
    def example(self) -> str:
        """The example `/help` shows: `/start-learning role:backend-engineer` (`/lernen-starten rolle:…` in German)."""
        return self.example_with({})

    def example_with(self, content: Mapping[str, str]) -> str:
        """The example with `content`'s value (by `Option.suggest`: "role", "item") for an option that names one."""
        values = {o: content.get(self.option(o).suggest or "", v) for o, v in self.sample.items()}
        return command_text(self.name, **{o: self.option(o).shown(v) for o, v in values.items()})

    def option(self, name: str) -> Option:
        """Return the option called `name`."""
        return next(o for o in self.options if o.name == name)


SAMPLE_ROLE = "backend-engineer"
SAMPLE_ITEM = "Use git professionally"
"""The path and item the examples name where the loaded content has them (the shipped content does)."""
MAX_EXAMPLE_ITEM = 60
ROLE = Option("role", "The path (default: your latest)", suggest="role")
GROUP_NAME = Option("name", "The study group", suggest="group")
DAY = Option("day", "Day of the week", choices=reminders.DAYS)
TIME = Option("time", "24-hour time, HH:MM")

GROUPS: tuple[Group, ...] = (
    Group("my-data", "Everything Waymark stores about you", "progress"),
    Group("content", "Moderators: manage role files", "content", guild_only=True, moderator=True),
    Group("remind", "Your weekly reminder", "reminders"),
    Group("group", "Study groups that learn a path together", "groups", guild_only=True),
)
KINDS = {
    "integer": N_("a number"),
    "boolean": N_("true or false"),
    "member": N_("a member"),
    "channel": N_("a channel"),
}
"""What `/help` says an option of each type takes (text needs no word)."""


async def content_examples(svc: Services, caller: Caller) -> dict[str, str]:
    """Return what examples give the options that name a path or an item ("role", "item"), so that they work here:
    the samples where the loaded content has them; else the caller's latest path (or the first loaded) and an item
    of its checklist (or of another path's); a placeholder where the content has none."""
    roles = svc.content.index.roles
    role = roles.get(SAMPLE_ROLE)
    if role is None and roles:
        live = [e for e in await svc.store.list_enrollments(caller.user_id, FOLLOWED) if e.role in roles]
        role = roles[max(live, key=lambda e: e.updated_at).role] if live else roles[min(roles)]
    items = list(role.checklist) if role is not None else []
    items = items or [i for name in sorted(roles) for i in roles[name].checklist]
    item = next((i.text for i in items if i.text == SAMPLE_ITEM), items[0].text if items else None)
    item = item and item.replace("`", "")  # the example is shown as code: a backtick in it would end it
    return {
        # i18n: stands in for a path's name in an example when no path is loaded, in capitals as a placeholder
        "role": role.name if role is not None else _p("placeholder", "ROLE"),
        # i18n: stands in for a checklist item in an example when no path has one, in capitals as a placeholder
        "item": clip(item, MAX_EXAMPLE_ITEM) if item else _p("placeholder", "ITEM"),
    }


async def help_reply(svc: Services, caller: Caller, command: str | None = None) -> Reply:
    """List the commands the caller can use with an example each, or explain one command in full."""
    content = await content_examples(svc, caller)
    if command is not None and command.strip():
        group = _find_group(command)
        if group is not None:
            return Reply(cards=(_group_detail(group, caller),), ephemeral=True)
        return Reply(cards=(_detail(find_command(command), content),), ephemeral=True)
    shown = [c for c in COMMANDS if caller.is_moderator or not c.moderator]
    fields: list[Field] = []
    for name, members in _by_heading(shown):
        if len(members) == 1 and members[0].group is None:
            only = members[0]
            fields.append(Field(only.usage, f"{_(only.description)}.\n`{only.example_with(content)}`"))
            continue
        group = next(g for g in GROUPS if g.name == name)
        subs = "|".join(shown_name(c.leaf, "command") for c in members)
        lines = [f"{_(group.description)}.", *(f"`{c.example_with(content)}`" for c in members[:2])]
        fields.append(Field(f"{command_text(name)} {subs}", clip("\n".join(lines), MAX_FIELD_VALUE)))
    paths = len(svc.content.index.roles)
    # i18n: what the reader puts after `/help command:`, in capitals as a placeholder
    placeholder = _p("placeholder", "NAME")
    card = Card(
        title=_("Waymark · learning paths, one week at a time"),
        description=_n(
            "{n} path loaded. Start with {roles}, then {start}. {help} explains one command in full.",
            "{n} paths loaded. Start with {roles}, then {start}. {help} explains one command in full.",
            paths,
            roles=cmd("roles"),
            start=cmd("start-learning"),
            help=cmd("help", command=placeholder),
        ),
        fields=tuple(fields[:MAX_EMBED_FIELDS]),
        color=COLOR,
    )
    return Reply(cards=(card,), ephemeral=True)


def _by_heading(commands: list[Command]) -> list[tuple[str, list[Command]]]:
    """Group commands under their top-level name, in declaration order."""
    out: dict[str, list[Command]] = {}
    for c in commands:
        out.setdefault(c.group or c.name, []).append(c)
    return list(out.items())


def _detail(command: Command, content: Mapping[str, str]) -> Card:
    lines = [
        f"{_(command.description)}.",
        "",
        _("**Usage:** `{usage}`", usage=command.usage),
        _("**Example:** `{example}`", example=command.example_with(content)),
    ]
    if command.options:
        lines.append("")
        for o in command.options:
            extra = [_(KINDS[o.type])] if o.type in KINDS else []
            if o.choices:
                choices = o.choices if i18n.current() == i18n.DEFAULT else [o.choice_title(c) for c in o.choices]
                extra.append(_("one of {choices}", choices=", ".join(choices)))
            if o.required:
                extra.insert(0, _("required"))
            line = _("• `{option}`: {description}", option=o.shown_name, description=_(o.description))
            lines.append(line + (f" ({'; '.join(extra)})" if extra else ""))
    if command.moderator:
        lines += ["", _("Moderators only (Manage Server, or the moderator role).")]
    if command.dm:
        lines += ["", _("The answer comes by direct message.")]
    return Card(title=command_text(command.name), description="\n".join(lines), color=COLOR)


def _group_detail(group: Group, caller: Caller) -> Card:
    """Explain a group of commands: what it is for, and each subcommand the caller can use with its options."""
    subs = [c for c in COMMANDS if c.group == group.name]
    usable = [c for c in subs if caller.is_moderator or not c.moderator] or subs
    lines = [f"{_(group.description)}.", ""]
    lines += [_("• `{usage}`: {description}", usage=c.usage, description=_(c.description)) for c in usable]
    example = command_text(usable[0].name).removeprefix("/")
    lines += ["", _("{help} explains one of them in full.", help=cmd("help", command=example))]
    if all(c.moderator for c in usable):
        lines += ["", _("Moderators only (Manage Server, or the moderator role).")]
    return Card(title=command_text(group.name), description="\n".join(lines), color=COLOR)


def _find_group(text: str) -> Group | None:
    """Return the group of commands `text` names (`remind`, `/erinnerung`), or None."""
    wanted = " ".join(text.strip().lstrip("/").casefold().split())
    return next((g for g in GROUPS if wanted in _group_names(g.name)), None)


def _names(command: Command) -> set[str]:
    """Every way to name a command, in any language the bot speaks, or mixing two (`remind einstellen`)."""
    found = {command.name}
    for locale in i18n.available():
        words = [i18n.translate_in(locale, word, "command") or word for word in command.name.split(" ")]
        found.add(" ".join(words).casefold())
        if command.group is not None:
            found.add(f"{words[0]} {command.leaf}".casefold())
            found.add(f"{command.group} {words[1]}".casefold())
    return found


def _group_names(group: str) -> set[str]:
    """Every way to name a group of commands, in any language the bot speaks."""
    return {group} | {(i18n.translate_in(locale, group, "command") or group).casefold() for locale in i18n.available()}


def find_command(text: str) -> Command:
    """Find a command by name (`today`, `/remind set`, `remind`, or as the reader's Discord names it: `heute`),
    or raise a UserError that suggests some."""
    import difflib  # here: only a mistyped name needs it

    wanted = " ".join(text.strip().lstrip("/").casefold().split())
    by_name = {name: c for c in COMMANDS for name in _names(c)}
    if wanted in by_name:
        return by_name[wanted]
    group = _find_group(wanted)
    if group is not None:
        subs = [c for c in COMMANDS if c.group == group.name]
        raise UserError(
            _(
                "{group} has subcommands: {commands}.",
                group=command_text(group.name),
                commands=", ".join(cmd(c.name) for c in subs),
            )
        )
    # Suggest from the names the reader sees and the English ones, each command once, as the reader names it.
    readable = {c.name: c for c in COMMANDS} | {command_text(c.name).removeprefix("/").casefold(): c for c in COMMANDS}
    close = difflib.get_close_matches(wanted, list(readable), n=6, cutoff=0.6)
    suggested = list(dict.fromkeys(cmd(readable[name].name) for name in close))[:3]
    shown = escape_user_text(text.strip(), 40)
    if suggested:
        raise UserError(
            _("There is no command '{name}'. Did you mean {commands}?", name=shown, commands=", ".join(suggested))
        )
    raise UserError(_("There is no command '{name}'. {help} lists them all.", name=shown, help=cmd("help")))


def command_names(query: str) -> list[str]:
    """Suggest the commands whose name, in English or as the reader's Discord shows it, contains what was typed
    (for `/help command:`); return their declared names."""
    q = query.strip().lstrip("/").casefold()
    return [c.name for c in COMMANDS if q in c.name or q in command_text(c.name).removeprefix("/").casefold()][:25]


COMMANDS: tuple[Command, ...] = (
    Command(
        "start-learning",
        "Enroll in a learning path, or resume it",
        learning.start_learning,
        "learning",
        {"role": SAMPLE_ROLE},
        (
            Option("role", "The path to follow", required=True, suggest="role"),
            Option("pace", "How fast (the path's paces)", suggest="pace"),
            Option("start", "Start date, YYYY-MM-DD (default today)"),
        ),
    ),
    Command(
        "today",
        "This week's topics, links and next step on your path",
        today.today,
        "learning",
        {},
        (ROLE,),
    ),
    Command(
        "skill-deep-dive",
        "Find the part of a path about a topic, or ask about a week",
        learning.skill_deep_dive,
        "learning",
        {"topic": "postgres"},
        (
            Option("topic", "A topic or a question, e.g. 'week 14' (typos are fine)", required=True, suggest="topic"),
            Option("role", "Only search this path", suggest="role"),
        ),
        cooldown=(5, 10.0),
    ),
    Command("roles", "Every learning path, its timeline and salary range", learning.roles_list, "learning", {}),
    Command(
        "phase",
        "One phase of a path in full (your current one by default)",
        learning.phase_view,
        "learning",
        {"number": "2"},
        (Option("number", "Phase number", type="integer", low=0, high=99), ROLE),
    ),
    Command(
        "progress",
        "Week N of M, your finish date, pace, checklist and streak",
        progress.progress,
        "progress",
        {"share": "true"},
        (
            Option("member", "Someone else's progress (if they made it visible)", type="member"),
            Option("share", "Post it for everyone", type="boolean"),
        ),
    ),
    Command(
        "checklist",
        "Tick and untick your path's checklist",
        progress.checklist_view,
        "progress",
        {},
        (ROLE,),
    ),
    Command(
        "done",
        "Tick a checklist item by name",
        progress.done,
        "progress",
        {"item": SAMPLE_ITEM, "proof": "https://github.com/you/project"},
        (
            Option("item", "The item (start typing)", required=True, suggest="item"),
            Option("proof", "A link that shows it, e.g. a repository"),
        ),
    ),
    Command(
        "review",
        "Finished items due for review now, with buttons to answer",
        review.review,
        "progress",
        {},
        (Option("role", "Only this path (default: all your paths)", suggest="role"),),
    ),
    Command(
        "portfolio",
        "Your finished items with dates and proof links, as a Markdown file and a web page",
        portfolio.portfolio,
        "progress",
        {"share": "true"},
        (ROLE, Option("share", "Post it for everyone, with a short summary", type="boolean")),
        cooldown=(2, 30.0),
    ),
    Command(
        "stop-learning",
        "Leave a path (your progress is kept)",
        learning.stop_learning,
        "learning",
        {"role": SAMPLE_ROLE},
        (
            Option("role", "The path to leave", required=True, suggest="role"),
            Option("forget", "Also forget your checklist progress on it", type="boolean"),
        ),
    ),
    Command(
        "my-data export",
        "Get everything stored about you as a JSON file",
        progress.export_data,
        "progress",
        {},
        cooldown=(1, 30.0),
    ),
    Command(
        "my-data delete",
        "Delete everything stored about you (asks first)",
        progress.delete_data,
        "progress",
        {},
    ),
    Command("remind on", "Turn your weekly reminder on", reminders.remind_on, "reminders", {}),
    Command("remind off", "Turn your weekly reminder off", reminders.remind_off, "reminders", {}),
    Command(
        "remind set",
        "Choose the day, time and time zone of your weekly reminder",
        reminders.remind_set,
        "reminders",
        {"day": "friday", "time": "18:00", "timezone": "Europe/Berlin"},
        (DAY, TIME, Option("timezone", "Your time zone, e.g. Europe/Berlin", suggest="zone")),
    ),
    Command(
        "remind pause",
        "Pause your reminder until a date",
        reminders.remind_pause,
        "reminders",
        {"until": "2027-01-04"},
        (Option("until", "The date reminders resume, YYYY-MM-DD", required=True),),
    ),
    Command(
        "remind preview",
        "Get this week's reminder now, by DM",
        reminders.remind_preview,
        "reminders",
        {},
        cooldown=(2, 60.0),
        defer=True,
        dm=True,
    ),
    Command(
        "remind reviews",
        "Turn spaced review of finished items on or off",
        review.remind_reviews,
        "reminders",
        {"state": "off"},
        (Option("state", "on or off (leave it out to see which)", choices=("on", "off")),),
    ),
    Command(
        "group create",
        "Create a study group with a weekly post (Manage Server)",
        groups.create,
        "groups",
        {"name": "Backend Crew", "role": SAMPLE_ROLE, "channel": "#study", "day": "monday", "time": "18:00"},
        (
            Option("name", "Group name", required=True, low=1, high=50),
            Option("role", "The path the group follows", required=True, suggest="role"),
            Option("channel", "Where the weekly post goes", type="channel", required=True),
            DAY,
            TIME,
            Option("timezone", "The group's time zone", suggest="zone"),
        ),
        moderator=True,
    ),
    Command(
        "group join",
        "Join a study group",
        groups.join,
        "groups",
        {"name": "Backend Crew"},
        (Option("name", "The study group", required=True, suggest="group"),),
    ),
    Command(
        "group leave",
        "Leave a study group (your progress stays)",
        groups.leave,
        "groups",
        {},
        (GROUP_NAME,),
    ),
    Command(
        "group board",
        "Members' progress in the group's current phase",
        groups.board,
        "groups",
        {},
        (GROUP_NAME,),
    ),
    Command(
        "group pause",
        "Pause a group's weekly post (Manage Server)",
        groups.pause,
        "groups",
        {"name": "Backend Crew"},
        (GROUP_NAME,),
        moderator=True,
    ),
    Command(
        "group resume",
        "Resume a group's weekly post (Manage Server)",
        groups.resume,
        "groups",
        {"name": "Backend Crew"},
        (GROUP_NAME,),
        moderator=True,
    ),
    Command(
        "group delete",
        "Delete a study group (Manage Server; asks first)",
        groups.delete,
        "groups",
        {"name": "Backend Crew"},
        (Option("name", "The study group", required=True, suggest="group"),),
        moderator=True,
    ),
    Command(
        "content reload",
        "Validate the role files and swap them in",
        content_admin.reload,
        "content",
        {},
        moderator=True,
        cooldown=(1, 10.0),
        defer=True,
    ),
    Command(
        "content status",
        "What content is loaded, and its problems",
        content_admin.status,
        "content",
        {},
        moderator=True,
    ),
    Command(
        "content validate",
        "Check the role files and show what a reload would change",
        content_admin.validate,
        "content",
        {},
        moderator=True,
        cooldown=(1, 10.0),
        defer=True,
    ),
    Command(
        "help",
        "What Waymark can do, or one command in full",
        help_reply,
        "learning",
        {"command": "today"},
        (Option("command", "A command to explain, e.g. today", suggest="command"),),
    ),
)
