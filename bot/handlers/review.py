"""Spaced review: `/review`, the "Still got it" / "Review again" buttons, and `/remind reviews` to turn it off or on.

A ticked item comes back 1 week later, then 3, 8 and 21 weeks after each "Still got it"; "Review again" brings
it back a week later (`bot.domain.review`). Up to 3 due items show in the weekly reminder and in `/today`;
`/review` shows everything due now.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot import components, i18n
from bot.content.models import Role
from bot.domain import review as schedule
from bot.domain.review import BOX_WEEKS, LAST_BOX, ReviewState, is_due, upcoming
from bot.i18n import N_, _, _n, _p, cmd, command_text, format_date
from bot.present import COLOR, review_item, review_place, review_rows, review_text
from bot.reminders.review import due_prompts, learner_zone
from bot.render import Card, Field, Reply, clip, escape_user_text
from bot.render.limits import MAX_ACTION_ROWS, MAX_EMBED_TITLE
from bot.services import Caller, Response, Services, UserError, no_live_path
from bot.store.models import FOLLOWED

MAX_LISTED = MAX_ACTION_ROWS
"""Due items `/review` lists at once: one row of buttons each."""
RHYTHM = N_(
    "an item you tick comes back for review 1 week later, then 3, 8 and 21 weeks after each **Still got it** "
    "(**Review again** brings it back a week later); after the fourth **Still got it** it is retired"
)
"""How items come back, in English: translate where shown, `_(RHYTHM)`."""


def _turn(on: bool) -> str:
    """Return the command that turns spaced review on (or off): "`/remind reviews state:on`"."""
    return cmd("remind reviews", state=i18n.choice_text("on" if on else "off"))


def _weekday_date(day: date) -> str:
    """Name a day with its weekday as the current language does: "Monday 2027-01-04", "Montag, 04.01.2027"."""
    if i18n.current() == i18n.DEFAULT:
        return f"{day:%A %Y-%m-%d}"
    from babel.dates import format_date as babel_date

    return _("{weekday} {date}", weekday=babel_date(day, "EEEE", locale=i18n.current()), date=format_date(day))


def _day(instant: datetime, tz: str) -> str:
    """Name the local date of `instant`: "Monday 2027-01-04"."""
    return _weekday_date(instant.astimezone(ZoneInfo(tz)).date())


async def _followed(svc: Services, caller: Caller, role: str | None) -> list[Role]:
    """Return the paths to review: the one named (which the caller must follow), else every loaded one they follow.

    A finished path (its weeks are over, its last reminder went out) counts: what was learned there still comes
    back for review, here, though no weekly reminder asks any more.
    """
    enrollments = await svc.store.list_enrollments(caller.user_id, FOLLOWED)
    live = [svc.content.index.roles[e.role] for e in enrollments if e.role in svc.content.index.roles]
    if role:
        found = svc.role(role)
        if found.name not in {r.name for r in live}:
            raise UserError(
                _(
                    "You aren't following {path}. Start with {start}.",
                    path=found.display_name,
                    start=cmd("start-learning", role=found.name),
                )
            )
        return [found]
    if not live:
        raise no_live_path(enrollments)
    return live


async def review(svc: Services, caller: Caller, role: str | None = None) -> Reply:
    """Show the caller's finished items due for review now (all their paths, or one), with buttons to answer."""
    roles = await _followed(svc, caller, role)
    tz = await learner_zone(svc, caller.user_id)
    due = await due_prompts(svc, caller.user_id, caller.now, roles, limit=None)
    shown = due[:MAX_LISTED]
    stored = [r for r in await svc.store.get_reviews(caller.user_id) if r.role in {x.name for x in roles}]
    known = {(r.name, i.id): i for r in roles for i in r.checklist}
    stored = [r for r in stored if (r.role, r.item_id) in known]
    retired = sum(1 for r in stored if r.due_at is None)
    if due and len(due) > len(shown):
        lines = [
            _n(
                "{n} item due for review. Still got it? These {shown} waited longest; answer them and the others "
                "follow.",
                "{n} items due for review. Still got it? These {shown} waited longest; answer them and the others "
                "follow.",
                len(due),
                shown=len(shown),
            )
        ]
    elif due:
        lines = [_n("{n} item due for review. Still got it?", "{n} items due for review. Still got it?", len(due))]
    elif not stored:
        lines = [_("Nothing in review yet: {rhythm}.", rhythm=_(RHYTHM))]
    else:
        lines = [_("Nothing to review right now.")]
        later = upcoming(stored, caller.now, list(known))
        if later:
            first = later[0]
            assert first.due_at is not None  # upcoming reviews are never retired
            text = known[(first.role, first.item_id)].text
            lines.append(_("Next: **{item}** on {day}.", item=text, day=_day(first.due_at, tz)))
        elif retired:
            lines.append(_("Every item you ticked is retired: you knew each at all {last} reviews.", last=LAST_BOX))
    if not await svc.store.reviews_enabled(caller.user_id):
        lines.append(
            _(
                "Reviews are off in your weekly reminder and {today} ({turn_on} brings them back); you can still "
                "answer them here.",
                today=cmd("today"),
                turn_on=_turn(True),
            )
        )
    fields = [Field(_("Due now"), review_text(shown, with_path=len(roles) > 1))] if shown else []
    in_review = len(stored) - retired
    if stored:
        fields.append(
            Field(
                _("In review"),
                _n("{n} item · {retired} retired", "{n} items · {retired} retired", in_review, retired=retired),
            )
        )
    title = _("Review") if len(roles) > 1 else _("Review · {path}", path=roles[0].display_name)
    card = Card(
        title=clip(title, MAX_EMBED_TITLE),
        description="\n".join(lines),
        fields=tuple(fields),
        footer=_(
            "Reviews come 1, 3, 8 and 21 weeks apart while you still have it · {command} turns them on or off",
            command=command_text("remind reviews"),
        ),
        color=COLOR,
    )
    return Reply(cards=(card,), rows=review_rows(shown), ephemeral=True)


@components.REVIEW.handles
async def review_answer(svc: Services, caller: Caller, role: str, item: str, answer: str) -> Response:
    """Answer a due review: "Still got it" moves the item up a box (or retires it), "Review again" back to box 1.

    Only a due review takes an answer, once: a second click, or one on an older reminder, says when the item
    comes back instead.
    """
    try:
        given = schedule.read_answer(answer)
    except ValueError:
        raise UserError(components.STALE) from None
    found = svc.content.index.roles.get(role)
    if found is None:
        raise UserError(
            _(
                "Your path `{role}` is not in the content right now; a moderator may be fixing it. "
                "Your progress is kept.",
                role=role,
            )
        )
    checklist_item = review_item(found, item)
    if checklist_item is None:
        raise UserError(
            _(
                "That item is no longer on the {path} checklist. {review} shows what is due.",
                path=found.display_name,
                review=cmd("review"),
            )
        )
    text = escape_user_text(checklist_item.text, 200)
    stored = await svc.store.get_review(caller.user_id, role, checklist_item.id)
    if stored is None:
        raise UserError(_("**{item}** isn't ticked any more, so there is nothing to review.", item=text))
    tz = await learner_zone(svc, caller.user_id)
    state = ReviewState(stored.box, stored.due_at)
    if state.retired:
        raise UserError(
            _(
                "**{item}** is retired already: you knew it at all {last} reviews. It won't come back.",
                item=text,
                last=LAST_BOX,
            )
        )
    if not is_due(state, caller.now):
        assert state.due_at is not None
        raise UserError(_("Already answered: **{item}** comes back on {day}.", item=text, day=_day(state.due_at, tz)))
    after = schedule.answer(state, given, caller.now, tz)
    moved = await svc.store.answer_review(
        caller.user_id, role, checklist_item.id, state.box, after.box, after.due_at, caller.now
    )
    if not moved:  # another click on the same review got there first
        raise UserError(
            _("Already answered: **{item}** moved on. {review} shows what is due now.", item=text, review=cmd("review"))
        )
    if after.due_at is None:
        content = _(
            "🎓 **{item}** is retired: you knew it at all {last} reviews, so it won't come back.",
            item=text,
            last=LAST_BOX,
        )
    elif given == "got":
        content = _n(
            "✅ **{item}**: next review in {n} week, on {day} (review {box} of {last}).",
            "✅ **{item}**: next review in {n} weeks, on {day} (review {box} of {last}).",
            BOX_WEEKS[after.box - 1],
            item=text,
            day=_day(after.due_at, tz),
            box=after.box,
            last=LAST_BOX,
        )
    else:
        content = _(
            "🔁 **{item}** comes back next week, on {day}. Go over it meanwhile: {place}.",
            item=text,
            day=_day(after.due_at, tz),
            place=review_place(found, checklist_item),
        )
    return Response(Reply(content=clip(content, 2000), ephemeral=True))


async def remind_reviews(svc: Services, caller: Caller, state: str | None = None) -> Reply:
    """Turn spaced review on or off in the weekly reminder and `/today`; without `state`, say which it is."""
    if state is None or not state.strip():
        on = await svc.store.reviews_enabled(caller.user_id)
        if on:
            text = _("Spaced review is on. {command} changes it.", command=_turn(False))
        else:
            text = _("Spaced review is off. {command} changes it.", command=_turn(True))
        return Reply(content=text, ephemeral=True)
    value = state.strip().lower()
    # The values are "on" and "off"; the names Discord shows for them in the learner's language are taken too.
    said_on = value in ("on", _p("choice", "On").lower())
    if not said_on and value not in ("off", _p("choice", "Off").lower()):
        shown = escape_user_text(state.strip(), 20)
        raise UserError(
            _("'{value}' is neither on nor off: {off} or {on}.", value=shown, off=_turn(False), on=_turn(True))
        )
    on = said_on
    await svc.store.set_reviews_enabled(caller.user_id, on, caller.now)
    if on:
        text = _(
            "Spaced review is on: {rhythm}. Up to 3 due items show in your weekly reminder and in {today}; "
            "{review} lists them all.",
            rhythm=_(RHYTHM),
            today=cmd("today"),
            review=cmd("review"),
        )
    else:
        text = _(
            "Spaced review is off: finished items no longer come back in your weekly reminder or {today}. Their "
            "schedule is kept: {review} still shows what is due, and {turn_on} brings them back.",
            today=cmd("today"),
            review=cmd("review"),
            turn_on=_turn(True),
        )
    return Reply(content=text, ephemeral=True)
