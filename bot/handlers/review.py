"""Spaced review: `/review`, the "Still got it" / "Review again" buttons, and `/remind reviews` to turn it off or on.

A ticked item comes back 1 week later, then 3, 8 and 21 weeks after each "Still got it"; "Review again" brings
it back a week later (`bot.domain.review`). Up to 3 due items show in the weekly reminder and in `/today`;
`/review` shows everything due now.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot import components
from bot.content.models import Role
from bot.domain import review as schedule
from bot.domain.review import BOX_WEEKS, LAST_BOX, ReviewState, is_due, upcoming
from bot.present import COLOR, review_item, review_place, review_rows, review_text
from bot.reminders.review import due_prompts, learner_zone
from bot.render import Card, Field, Reply, clip, escape_user_text
from bot.render.limits import MAX_ACTION_ROWS, MAX_EMBED_TITLE
from bot.services import Caller, Response, Services, UserError, no_live_path
from bot.wording import plural

MAX_LISTED = MAX_ACTION_ROWS
"""Due items `/review` lists at once: one row of buttons each."""
RHYTHM = (
    "an item you tick comes back for review 1 week later, then 3, 8 and 21 weeks after each **Still got it** "
    "(**Review again** brings it back a week later); after the fourth **Still got it** it is retired"
)
TURN_ON = "`/remind reviews state:on`"
TURN_OFF = "`/remind reviews state:off`"


def _day(instant: datetime, tz: str) -> str:
    """Name the local date of `instant`: "Monday 2027-01-04"."""
    return f"{instant.astimezone(ZoneInfo(tz)):%A %Y-%m-%d}"


async def _followed(svc: Services, caller: Caller, role: str | None) -> list[Role]:
    """Return the paths to review: the one named (which the caller must follow), else every loaded one they follow.

    A finished path (its weeks are over, its last reminder went out) counts: what was learned there still comes
    back for review, here, though no weekly reminder asks any more.
    """
    enrollments = await svc.store.list_enrollments(caller.user_id, ("active", "completed"))
    live = [svc.content.index.roles[e.role] for e in enrollments if e.role in svc.content.index.roles]
    if role:
        found = svc.role(role)
        if found.name not in {r.name for r in live}:
            raise UserError(
                f"You aren't following {found.display_name}. Start with `/start-learning role:{found.name}`."
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
    if due:
        more = (
            f" These {len(shown)} waited longest; answer them and the others follow." if len(due) > len(shown) else ""
        )
        lines = [f"{plural(len(due), 'item')} due for review. Still got it?{more}"]
    elif not stored:
        lines = [f"Nothing in review yet: {RHYTHM}."]
    else:
        lines = ["Nothing to review right now."]
        later = upcoming(stored, caller.now, list(known))
        if later:
            first = later[0]
            assert first.due_at is not None  # upcoming reviews are never retired
            text = known[(first.role, first.item_id)].text
            lines.append(f"Next: **{text}** on {_day(first.due_at, tz)}.")
        elif retired:
            lines.append(f"Every item you ticked is retired: you knew each at all {LAST_BOX} reviews.")
    if not await svc.store.reviews_enabled(caller.user_id):
        lines.append(
            f"Reviews are off in your weekly reminder and `/today` ({TURN_ON} brings them back); you can still "
            "answer them here."
        )
    fields = [Field("Due now", review_text(shown, with_path=len(roles) > 1))] if shown else []
    in_review = len(stored) - retired
    if stored:
        fields.append(Field("In review", f"{plural(in_review, 'item')} · {retired} retired"))
    title = "Review" if len(roles) > 1 else f"Review · {roles[0].display_name}"
    card = Card(
        title=clip(title, MAX_EMBED_TITLE),
        description="\n".join(lines),
        fields=tuple(fields),
        footer="Reviews come 1, 3, 8 and 21 weeks apart while you still have it · /remind reviews turns them on or off",
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
            f"Your path `{role}` is not in the content right now; a moderator may be fixing it. Your progress is kept."
        )
    checklist_item = review_item(found, item)
    if checklist_item is None:
        raise UserError(f"That item is no longer on the {found.display_name} checklist. `/review` shows what is due.")
    text = escape_user_text(checklist_item.text, 200)
    stored = await svc.store.get_review(caller.user_id, role, checklist_item.id)
    if stored is None:
        raise UserError(f"**{text}** isn't ticked any more, so there is nothing to review.")
    tz = await learner_zone(svc, caller.user_id)
    state = ReviewState(stored.box, stored.due_at)
    if state.retired:
        raise UserError(f"**{text}** is retired already: you knew it at all {LAST_BOX} reviews. It won't come back.")
    if not is_due(state, caller.now):
        assert state.due_at is not None
        raise UserError(f"Already answered: **{text}** comes back on {_day(state.due_at, tz)}.")
    after = schedule.answer(state, given, caller.now, tz)
    moved = await svc.store.answer_review(
        caller.user_id, role, checklist_item.id, state.box, after.box, after.due_at, caller.now
    )
    if not moved:  # another click on the same review got there first
        raise UserError(f"Already answered: **{text}** moved on. `/review` shows what is due now.")
    if after.due_at is None:
        content = f"🎓 **{text}** is retired: you knew it at all {LAST_BOX} reviews, so it won't come back."
    elif given == "got":
        weeks = BOX_WEEKS[after.box - 1]
        content = (
            f"✅ **{text}**: next review in {plural(weeks, 'week')}, on {_day(after.due_at, tz)} "
            f"(review {after.box} of {LAST_BOX})."
        )
    else:
        content = (
            f"🔁 **{text}** comes back next week, on {_day(after.due_at, tz)}. "
            f"Go over it meanwhile: {review_place(found, checklist_item)}."
        )
    return Response(Reply(content=clip(content, 2000), ephemeral=True))


async def remind_reviews(svc: Services, caller: Caller, state: str | None = None) -> Reply:
    """Turn spaced review on or off in the weekly reminder and `/today`; without `state`, say which it is."""
    if state is None or not state.strip():
        on = await svc.store.reviews_enabled(caller.user_id)
        how = TURN_OFF if on else TURN_ON
        return Reply(content=f"Spaced review is {'on' if on else 'off'}. {how} changes it.", ephemeral=True)
    value = state.strip().lower()
    if value not in ("on", "off"):
        shown = escape_user_text(state.strip(), 20)
        raise UserError(f"'{shown}' is neither on nor off: {TURN_OFF} or {TURN_ON}.")
    on = value == "on"
    await svc.store.set_reviews_enabled(caller.user_id, on, caller.now)
    if on:
        text = (
            f"Spaced review is on: {RHYTHM}. Up to 3 due items show in your weekly reminder and in `/today`; "
            "`/review` lists them all."
        )
    else:
        text = (
            "Spaced review is off: finished items no longer come back in your weekly reminder or `/today`. Their "
            f"schedule is kept: `/review` still shows what is due, and {TURN_ON} brings them back."
        )
    return Reply(content=text, ephemeral=True)
