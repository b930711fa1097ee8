"""Handlers for study groups: create, join (asking once who may see your progress), leave, board, pause, resume,
delete (after a confirmation)."""

from __future__ import annotations

from bot import components
from bot.domain.weeks import local_today
from bot.domain.zones import zone_or_utc
from bot.handlers.inputs import check_name, parse_zone
from bot.handlers.reminders import DEFAULT_DAY, DEFAULT_TIME, every_weekday, parse_day, parse_time, schedule_text
from bot.i18n import N_, _, _n, _p, cmd
from bot.present import COLOR, confirm, zone_note
from bot.reminders.compose import group_standing, group_week, member_names, member_visible
from bot.reminders.planning import replan_group, replan_user
from bot.render import Button, Card, Field, Reply, clip, escape_user_text, progress_bar
from bot.services import Caller, Response, Services, UserError
from bot.store.errors import GroupNameTakenError
from bot.store.models import StudyGroup

HIDDEN = N_("(progress hidden)")


def _join_hint(name: str) -> str:
    """The command that joins a group, to copy; without the name when it has anything markdown or a mention
    would read (a code span shows text as typed, but a backtick in the name would end it early)."""
    if escape_user_text(name) == name:
        return cmd("group join", name=name)
    return _("{join} (pick the name from the list)", join=cmd("group join"))


def _names(groups: list[StudyGroup]) -> str:
    """List group names for a message, each escaped and in bold."""
    return ", ".join(f"**{escape_user_text(g.name)}**" for g in groups)


def _guild(caller: Caller) -> int:
    if caller.guild_id is None:
        raise UserError(_("Study groups live in a server: use this command in a server channel."))
    return caller.guild_id


async def _group(svc: Services, caller: Caller, name: str | None) -> StudyGroup:
    guild = _guild(caller)
    if name:
        group = await svc.store.get_group_by_name(guild, name.strip())
        if group is None:
            names = _names(await svc.store.list_groups(guild)) or _("none yet")
            raise UserError(
                _("No study group called '{name}'. Groups here: {names}.", name=escape_user_text(name, 60), names=names)
            )
        return group
    mine = [g for g in await svc.store.user_groups(caller.user_id) if g.guild_id == guild]
    if len(mine) == 1:
        return mine[0]
    if not mine:
        raise UserError(_("You aren't in a study group here. {join} lists them as you type.", join=cmd("group join")))
    option = "`" + _p("option", "name") + ":`"  # the option as the user's Discord names it
    raise UserError(_("You're in several groups ({groups}): say which with {name}.", groups=_names(mine), name=option))


def _require_manager(caller: Caller) -> None:
    if not caller.is_moderator:
        raise UserError(_("Only members with Manage Server can create, delete, pause or resume study groups."))


async def create(
    svc: Services,
    caller: Caller,
    name: str,
    role: str,
    channel: int,
    day: str | None = None,
    time: str | None = None,
    timezone: str | None = None,
) -> Reply:
    """Create a study group that gets a weekly post in a channel."""
    _require_manager(caller)
    guild = _guild(caller)
    name = check_name(name)
    found = svc.role(role)
    weekday = parse_day(day) if day else DEFAULT_DAY
    at = parse_time(time) if time else DEFAULT_TIME
    zone = parse_zone(timezone) if timezone else "UTC"
    try:
        group = await svc.store.create_group(
            guild_id=guild,
            name=name,
            role=found.name,
            channel_id=channel,
            weekday=weekday,
            local_time=at,
            timezone=zone,
            created_by=caller.user_id,
            now=caller.now,
            locale=caller.guild_locale or caller.locale,  # its posts speak the server's language, else its creator's
        )
    except GroupNameTakenError:
        raise UserError(_("There is already a group called '{name}' here.", name=escape_user_text(name))) from None
    await replan_group(svc, group.id, caller.now)
    svc.plans_changed()
    mention = f"<#{channel}>"
    return Reply(
        content=_(
            "Study group **{name}** follows {role}. Weekly posts: {schedule} in {channel}. Members join with {join}.",
            name=escape_user_text(group.name),
            role=found.display_name,
            schedule=schedule_text(weekday, at, zone),
            channel=mention,
            join=_join_hint(group.name),
        ),
        ephemeral=True,
    )


async def join(svc: Services, caller: Caller, name: str) -> Reply:
    """Join a study group (and its path, if the learner isn't on it yet)."""
    group = await _group(svc, caller, name)
    await svc.store.ensure_learner(caller.user_id, caller.now)
    added = await svc.store.join_group(group.id, caller.user_id, caller.now)
    enrollment = await svc.store.get_enrollment(caller.user_id, group.role)
    note = ""
    if enrollment is None or enrollment.status != "active":
        learner = await svc.store.get_learner(caller.user_id)
        # A new enrollment starts today in the learner's zone (UTC when theirs can't be used here).
        start = None if enrollment else local_today(caller.now, zone_or_utc(learner.timezone if learner else None))
        await svc.store.enroll(caller.user_id, group.role, None, start, caller.now)
        role = svc.content.index.roles.get(group.role)
        if role:
            note = " " + _(
                "You're now following **{role}** too: {progress} shows where you are.",
                role=role.display_name,
                progress=cmd("progress"),
            )
        else:
            note = " " + _(
                "You're now following the group's path too: {progress} shows where you are.", progress=cmd("progress")
            )
        # As with /start-learning: reminders are on after enrolling (Monday 09:00 in the learner's zone).
        if await svc.store.get_reminder_settings(caller.user_id) is None:
            await svc.store.set_reminder_settings(
                caller.user_id, enabled=True, weekday=DEFAULT_DAY, local_time=DEFAULT_TIME, now=caller.now
            )
        await replan_user(svc, caller.user_id, caller.now)
        svc.plans_changed()
    shown = escape_user_text(group.name)
    text = (
        _("You joined **{group}**.", group=shown) if added else _("You're already in **{group}**.", group=shown)
    ) + note
    if not added or await svc.store.visibility_chosen(caller.user_id):
        return Reply(content=text, ephemeral=True)
    # Asked once: whatever the learner answers (here or with /progress's button) counts as their choice.
    question = "\n\n" + _(
        "**May the group see your progress?** Shown, your name and what you tick appear in its weekly post and "
        "{board} (and {member} shows your progress to other members). Hidden, what you tick still counts in the "
        "group's numbers, without your name.",
        board=cmd("group board"),
        member=cmd("progress", member=""),
    )
    buttons = (
        Button(
            _("Show my progress to the group"), custom_id=components.GROUP_SHARE.id(group.id, True), style="success"
        ),
        Button(_("Keep it hidden"), custom_id=components.GROUP_SHARE.id(group.id, False)),
    )
    return Reply(content=text + question, rows=(buttons,), ephemeral=True)


@components.GROUP_SHARE.handles
async def share_with_group(svc: Services, caller: Caller, group_id: int, visible: bool) -> Response:
    """Answer "may the group see your progress?": show it to others, or keep it hidden."""
    await svc.store.ensure_learner(caller.user_id, caller.now)
    await svc.store.set_progress_visible(caller.user_id, visible, caller.now)
    group = await svc.store.get_group(group_id)
    progress = cmd("progress")
    if group is None:
        if visible:
            text = _(
                "Your progress shows to your study group: your name and what you tick appear in its weekly post and "
                "board. {progress} has a button to hide it again.",
                progress=progress,
            )
        else:
            text = _(
                "Your progress stays hidden: your study group's weekly post counts what you tick without naming you. "
                "{progress} has a button to show it.",
                progress=progress,
            )
    elif visible:
        text = _(
            "Your progress shows to **{group}**: your name and what you tick appear in its weekly post and board. "
            "{progress} has a button to hide it again.",
            group=escape_user_text(group.name),
            progress=progress,
        )
    else:
        text = _(
            "Your progress stays hidden: **{group}**'s weekly post counts what you tick without naming you. "
            "{progress} has a button to show it.",
            group=escape_user_text(group.name),
            progress=progress,
        )
    return Response(Reply(content=text, ephemeral=True), update=True)


async def leave(svc: Services, caller: Caller, name: str | None = None) -> Reply:
    """Leave a study group (the path and progress stay)."""
    group = await _group(svc, caller, name)
    left = await svc.store.leave_group(group.id, caller.user_id)
    if not left:
        raise UserError(_("You aren't in **{group}**.", group=escape_user_text(group.name)))
    text = _("You left **{group}**. Your path and progress stay.", group=escape_user_text(group.name))
    return Reply(content=text, ephemeral=True)


async def board(svc: Services, caller: Caller, name: str | None = None) -> Reply:
    """Show members' progress in the group's current phase."""
    group = await _group(svc, caller, name)
    role = svc.content.index.roles.get(group.role)
    if role is None:
        raise UserError(
            _(
                "The path of **{group}** (`{role}`) isn't loaded right now; a moderator may be fixing its file. "
                "Members' progress is kept: try again later.",
                group=escape_user_text(group.name),
                role=group.role,
            )
        )
    standing = await group_standing(svc, group, role, caller.now)
    view, pos, total = standing.view, standing.position, standing.total_weeks
    # Like `/progress member:`, a member's progress shows to others only if they made it visible.
    names = await member_names(svc, standing.done)
    shown: list[tuple[int, str]] = []
    hidden: list[str] = []
    for user_id, done in standing.done.items():
        if user_id == caller.user_id or member_visible(standing.roster, user_id):
            shown.append((done, f"{names[user_id]} {progress_bar(done, len(standing.items), width=8)}"))
        else:
            hidden.append(f"{names[user_id]} {_(HIDDEN)}")  # after the others, in joining order: no rank to read
    shown.sort(key=lambda x: -x[0])
    body = "\n".join([*(line for _done, line in shown), *hidden]) or _(
        "No members yet: {join}.", join=cmd("group join")
    )
    if pos.self_paced:  # no phases: the bars count the whole checklist
        week = group_week(pos)
        count = len(standing.items)
        if count:
            stretch = _n(
                "Self-paced, no phases: the whole checklist ({n} item)",
                "Self-paced, no phases: the whole checklist ({n} items)",
                count,
            )
        else:
            stretch = _("Self-paced, no phases: no checklist")
    else:
        week = _("finished") if view.status == "finished" else _("week {week} of {total}", week=pos.week, total=total)
        # The phase as role files head it (in English there), to compare with the checklist group's heading.
        phase = f"Phase {view.phase_number}: {view.phase_title}"
        group_name = view.items_group or "—"
        # Items written inside a phase are grouped under its heading: say the phase once, not twice.
        if group_name.startswith(phase):
            stretch = group_name
        else:
            stretch = _(
                "{group} · Phase {number}: {title}", group=group_name, number=view.phase_number, title=view.phase_title
            )
    zone = zone_or_utc(group.timezone)
    at = group.local_time.strftime("%H:%M")
    every = _("{days} {time} ({zone})", days=every_weekday(group.weekday), time=at, zone=zone)
    card = Card(
        title=clip(f"{escape_user_text(group.name)} · {role.display_name} · {week}", 256),
        description=clip(body, 4096),
        fields=(Field(_("This stretch"), clip(stretch, 1024)),),
        footer=_("Paused") if group.paused else _("Weekly post: {schedule}", schedule=every),
        color=COLOR,
    )
    return Reply(content=zone_note(group.timezone, whose="This group's"), cards=(card,), ephemeral=True)


async def set_paused(svc: Services, caller: Caller, paused: bool, name: str | None = None) -> Reply:
    """Pause or resume a group's weekly post."""
    _require_manager(caller)
    group = await _group(svc, caller, name)
    await svc.store.set_group_paused(group.id, paused)
    await replan_group(svc, group.id, caller.now)
    svc.plans_changed()
    shown = escape_user_text(group.name)
    if paused:
        text = _("Weekly posts of **{group}** are paused.", group=shown)
    else:
        text = _("Weekly posts of **{group}** are resumed.", group=shown)
    return Reply(content=text, ephemeral=True)


async def pause(svc: Services, caller: Caller, name: str | None = None) -> Reply:
    """Pause a group's weekly post."""
    return await set_paused(svc, caller, True, name)


async def resume(svc: Services, caller: Caller, name: str | None = None) -> Reply:
    """Resume a group's weekly post."""
    return await set_paused(svc, caller, False, name)


async def delete(svc: Services, caller: Caller, name: str) -> Reply:
    """Ask to confirm deleting a study group (members keep their paths and progress)."""
    _require_manager(caller)
    group = await _group(svc, caller, name)
    members = len(await svc.store.group_members(group.id))
    return confirm(
        _n(
            "Delete the study group **{group}** ({n} member)? Its weekly posts stop; members keep their paths and "
            "progress. This cannot be undone.",
            "Delete the study group **{group}** ({n} members)? Its weekly posts stop; members keep their paths and "
            "progress. This cannot be undone.",
            members,
            group=escape_user_text(group.name),
        ),
        _("Delete the group"),
        components.GROUP_DELETE.id(group.id),
    )


@components.GROUP_DELETE.handles
async def confirm_delete(svc: Services, caller: Caller, group_id: int) -> Response:
    """Delete a study group, after a moderator confirmed."""
    _require_manager(caller)
    group = await svc.store.get_group(group_id)
    if group is None or group.guild_id != caller.guild_id:
        raise UserError(_("That study group is gone already."))
    await svc.store.delete_group(group.id)
    await svc.store.clear_plan("group", group.id)
    svc.plans_changed()
    text = _("Deleted **{group}**. Members keep their progress.", group=escape_user_text(group.name))
    return Response(Reply(content=text, ephemeral=True), update=True)


async def group_names(svc: Services, guild_id: int | None, query: str) -> list[str]:
    """Suggest group names of a server."""
    if guild_id is None:
        return []
    q = query.strip().lower()
    return [g.name for g in await svc.store.list_groups(guild_id) if q in g.name.lower()][:25]
