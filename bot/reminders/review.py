"""Spaced review where learners meet it: the due reviews a reminder, `/today` or `/review` shows, and the due time
a fresh tick starts with. The schedule is `bot.domain.review`'s; the wording `bot.present`'s.

Here (not in `bot.handlers`) because the weekly reminder shows reviews too, and reminders never import handlers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.content.models import Role
from bot.domain.review import MAX_SHOWN, first_review, pick_due
from bot.domain.zones import zone_or_utc
from bot.present import ReviewBlock, ReviewPrompt, review_block
from bot.services import Services


async def learner_zone(svc: Services, user_id: int) -> str:
    """Return the zone a learner's review dates fall in: theirs, as their weeks (UTC when it can't be used here)."""
    learner = await svc.store.get_learner(user_id)
    return zone_or_utc(learner.timezone if learner else None)


async def first_review_due(svc: Services, user_id: int, now: datetime) -> datetime:
    """Return when an item ticked at `now` is first due for review: a week later, at the start of that local day.

    Ticking passes it to `Store.set_item_done(review_due=...)`, which writes it with the tick.
    """
    due = first_review(now, await learner_zone(svc, user_id)).due_at
    assert due is not None  # a first review is never retired
    return due


async def due_prompts(
    svc: Services, user_id: int, now: datetime, roles: Sequence[Role], limit: int | None = MAX_SHOWN
) -> list[ReviewPrompt]:
    """Return the learner's reviews due at `now` on these paths, oldest due first (ties in checklist order, paths
    in the order given), at most `limit` (None: all). Items no longer on a checklist are left out."""
    if not roles:
        return []
    items = {(role.name, item.id): (role, item) for role in roles for item in role.checklist}
    reviews = await svc.store.get_reviews(user_id, roles[0].name if len(roles) == 1 else None)
    picked = pick_due(reviews, now, list(items), limit)
    prompts = []
    for review in picked:
        role, item = items[(review.role, review.item_id)]
        assert review.due_at is not None  # only due reviews are picked
        prompts.append(ReviewPrompt(role, item, review.box, review.due_at))
    return prompts


async def shown_prompts(svc: Services, user_id: int, now: datetime, roles: Sequence[Role]) -> list[ReviewPrompt]:
    """Return the due reviews a weekly reminder or `/today` shows: at most `MAX_SHOWN`, none when the learner turned
    reviews off (`/remind reviews`)."""
    if not roles or not await svc.store.reviews_enabled(user_id):
        return []
    return await due_prompts(svc, user_id, now, roles)


async def review_extras(
    svc: Services, user_id: int, now: datetime, roles: Sequence[Role], *, with_path: bool = True, free_rows: int = 5
) -> ReviewBlock | None:
    """Return the due reviews a weekly reminder or `/today` adds (buttons in at most `free_rows` rows), or None when
    nothing is due or the learner turned reviews off."""
    prompts = await shown_prompts(svc, user_id, now, roles)
    return review_block(prompts, with_path=with_path, free_rows=free_rows) if prompts else None
