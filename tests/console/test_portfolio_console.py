"""/portfolio through the console: a learner ticks items with proofs and gets the two files."""

from __future__ import annotations

from tests.console.conftest import Session
from tests.portfolio_pages import read_page


async def test_portfolio_prints_the_attachment_names(run: Session) -> None:
    await run("/start-learning role:backend-engineer")
    out = await run("/portfolio")
    assert out == (
        "(only you)\n\nNothing is ticked on Backend Engineer yet, so your portfolio would be empty. Tick what you have "
        "done with `/done item:… proof:https://…` (the proof link shows in the portfolio) or in `/checklist`, then "
        "ask again."
    )

    await run(
        "/done item:Use git professionally proof:https://github.com/me/dotfiles",
        "/done item:Understand HTTP and web protocols",
    )
    out = await run("/portfolio")
    assert out.startswith("(only you)\n\nYour portfolio of Backend Engineer: 2 of 15 items finished (13%)")
    assert "(file: portfolio-backend-engineer.md, " in out
    assert "(file: portfolio-backend-engineer.html, " in out

    shared = await run("/portfolio share:true")
    assert shared.startswith("**learner**'s portfolio · Backend Engineer: 2 of 15 items finished (13%)")
    assert "(only you)" not in shared
    assert "(file: portfolio-backend-engineer.html, " in shared


async def test_every_ticked_item_and_proof_link_is_in_the_page(run: Session) -> None:
    proofs = {
        "Use git professionally": "https://github.com/me/dotfiles",
        "Write comprehensive tests": "https://github.com/me/api/actions",
        "Build basic API endpoints": "https://api.example.org/docs",
    }
    await run("/start-learning role:backend-engineer")
    for item, proof in proofs.items():
        await run(f"/done item:{item} proof:{proof}")
    await run("/done item:Optimize database queries")

    await run("/portfolio")

    reply = run.console.last
    assert reply is not None
    page = read_page(reply.files[1].data.decode())
    git, tests, api = proofs
    assert page.texts("item") == [git, tests, "Optimize database queries", api]  # in checklist order
    assert page.links == [(url, url) for url in proofs.values()]
    markdown = reply.files[0].data.decode()
    assert all(f"- {item} · ticked 2026-11-27 · proof: <{url}>" in markdown for item, url in proofs.items())


async def test_portfolio_without_a_path(run: Session) -> None:
    out = await run("/portfolio")
    assert "You aren't following any path yet. Pick one with `/start-learning`" in out
