"""/portfolio: a learner's finished checklist items, with when and the proof, as a Markdown file and an HTML page.

`build_portfolio` gathers what the files show from a role, an enrollment and the ticks; `portfolio_files` turns
it into attachments. The handler and `waymark portfolio` (the command line) both use them, so they write the
same files.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from bot import i18n
from bot.content.models import Role
from bot.domain.weeks import local_today
from bot.domain.zones import zone_or_utc
from bot.handlers.learning import enrolled_plan
from bot.i18n import _, _p, cmd, format_date
from bot.render import Attachment, Reply, clip, escape_user_text
from bot.render.limits import MAX_CONTENT, MAX_UPLOAD_BYTES
from bot.services import Caller, Services, UserError
from bot.store.models import Enrollment, ItemProgress

if TYPE_CHECKING:  # the renderer is imported where a portfolio is made: the console and the bot start without it
    from bot.render.portfolio import Portfolio


def build_portfolio(
    role: Role,
    enrollment: Enrollment,
    progress: Mapping[str, ItemProgress],
    learner: str,
    tz: str,
    now: datetime,
) -> Portfolio:
    """Gather a learner's finished items of a role, under the checklist's groups and in its order.

    Ticks on items the role no longer has are left out (they come back with the item); dates are days in
    `tz`, the learner's stored zone, or UTC where that zone can't be used here.
    """
    from bot.render.portfolio import FinishedItem, ItemGroup, Portfolio

    zone = zone_or_utc(tz)
    groups: dict[str, list[FinishedItem]] = {}
    totals: dict[str, int] = {}
    for item in role.checklist:  # one pass: a checklist may have thousands of groups
        totals[item.group] = totals.get(item.group, 0) + 1
        groups.setdefault(item.group, [])
        tick = progress.get(item.id)
        if tick is not None:
            groups[item.group].append(FinishedItem(item.text, local_today(tick.done_at, zone), tick.proof))
    return Portfolio(
        path=role.display_name,
        learner=learner,
        started=enrollment.start_date,
        generated=local_today(now, zone),
        zone=zone,
        total=len(role.checklist),
        groups=tuple(ItemGroup(title, tuple(items), totals[title]) for title, items in groups.items() if items),
    )


def portfolio_files(portfolio: Portfolio, slug: str) -> tuple[Attachment, Attachment]:
    """Return the Markdown file and the HTML page of a portfolio, named after the path (`slug`)."""
    from bot.render.portfolio import file_names, portfolio_html, portfolio_markdown

    md_name, html_name = file_names(slug)
    return (
        Attachment(md_name, portfolio_markdown(portfolio).encode()),
        Attachment(html_name, portfolio_html(portfolio).encode()),
    )


def _mb(size: int) -> str:
    """Return a size in megabytes with one decimal, as the current language writes it: "8.0 MB", "8,0 MB"."""
    megabytes = size / (1024 * 1024)
    if i18n.current() == i18n.DEFAULT:
        return f"{megabytes:.1f} MB"
    from babel.numbers import format_decimal

    return f"{format_decimal(megabytes, format='#,##0.0', locale=i18n.current())} MB"


def nothing_ticked(role: Role) -> str:
    """Say that a portfolio would be empty, and how to fill it."""
    path = escape_user_text(role.display_name, 100)
    if not role.checklist:
        return _("{path} has no checklist, so there is nothing to put in a portfolio.", path=path)
    return _(
        "Nothing is ticked on {path} yet, so your portfolio would be empty. "
        "Tick what you have done with {done} (the proof link shows in the portfolio) "
        "or in {checklist}, then ask again.",
        path=path,
        done=cmd("done", item="…", proof="https://…"),
        checklist=cmd("checklist"),
    )


async def portfolio(svc: Services, caller: Caller, role: str | None = None, share: bool = False) -> Reply:
    """Attach the caller's portfolio of a path (their latest by default); `share` posts it with a short summary."""
    plan = await enrolled_plan(svc, caller, role)
    learner = await svc.store.get_learner(caller.user_id)
    progress = await svc.store.get_progress(caller.user_id, plan.role.name)
    tz = learner.timezone if learner is not None else "UTC"
    built = build_portfolio(plan.role, plan.enrollment, progress, caller.name, tz, caller.now)
    if built.done == 0:
        return Reply(content=nothing_ticked(plan.role), ephemeral=True)  # never posted: there is nothing to show
    files = portfolio_files(built, plan.role.name)
    path = escape_user_text(built.path, 100)  # the reply is Discord markdown; the files escape for themselves
    size = sum(len(f.data) for f in files)
    if size > MAX_UPLOAD_BYTES:
        raise UserError(
            _(
                "Your portfolio of {path} is {size}, more than Discord takes in one message "
                "({limit}). The bot's operator can write it to files: `waymark portfolio`.",
                path=path,
                size=_mb(size),
                limit=_mb(MAX_UPLOAD_BYTES),
            )
        )
    from bot.render.portfolio import summary_text

    fields = {"path": path, "summary": summary_text(built)}
    finished = built.finished_on
    if finished:
        fields["date"] = format_date(finished)
    else:
        fields["date"] = format_date(built.started)
    if share:
        fields["name"] = escape_user_text(caller.name, 80)
        if finished:
            text = _("**{name}**'s portfolio · {path}: {summary}, finished on {date}.", **fields)
        else:
            text = _("**{name}**'s portfolio · {path}: {summary}, started {date}.", **fields)
    else:
        share_option = _p("option", "share")
        fields["share"] = f"`{share_option}:true`"
        if finished:
            text = _(
                "Your portfolio of {path}: {summary}, finished on {date}. Open the .html file in a browser "
                "(it works offline), or paste the .md file into a README. {share} posts it for everyone.",
                **fields,
            )
        else:
            text = _(
                "Your portfolio of {path}: {summary}, started {date}. Open the .html file in a browser "
                "(it works offline), or paste the .md file into a README. {share} posts it for everyone.",
                **fields,
            )
    return Reply(content=clip(text, MAX_CONTENT), files=files, ephemeral=not share)
