"""Autocomplete as a member types: roles, topics, checklist items and paces."""

from __future__ import annotations

import pytest

from tests.cogs.helpers import BACKEND, GIT_ITEM

ODD_INPUTS = ["", " ", "a", "e", "engineer", "🚀", "<@123> @everyone **x**", "x" * 300, "phase 1: foundations"]


def assert_valid(choices: list[dict]) -> None:
    """What Discord accepts: at most 25 choices, names and values of at most 100 characters."""
    assert len(choices) <= 25
    for choice in choices:
        assert 1 <= len(choice["name"]) <= 100, choice
        assert 1 <= len(choice["value"]) <= 100, choice


async def test_role_by_alias_and_prefix(channel, alice):
    by_alias = await alice.autocomplete(channel, "start-learning", "role", "sre")
    by_prefix = await alice.autocomplete(channel, "start-learning", "role", "back")
    everything = await alice.autocomplete(channel, "start-learning", "role", "")

    assert by_alias[0] == {
        "name": "DevOps / Site Reliability Engineer (devops-sre-engineer)",
        "value": "devops-sre-engineer",
    }
    assert by_prefix[0]["value"] == BACKEND
    assert len(everything) == 6


@pytest.mark.parametrize("command", ["start-learning", "skill-deep-dive", "phase", "stop-learning", "checklist"])
async def test_every_role_option_autocompletes(channel, alice, command):
    choices = await alice.autocomplete(channel, command, "role", "data")

    assert choices[0]["value"] == "data-engineer"


async def test_topic_suggests_sections_while_typing(channel, alice):
    assert await alice.autocomplete(channel, "skill-deep-dive", "topic", "") == []

    choices = await alice.autocomplete(channel, "skill-deep-dive", "topic", "postg")

    assert choices
    assert all(c["value"].startswith("key:") for c in choices)
    assert "PostgreSQL/MySQL · Backend Engineer" in [c["name"] for c in choices]


async def test_topic_within_one_role(channel, alice):
    choices = await alice.autocomplete(channel, "skill-deep-dive", "topic", "postg", role="data-engineer")

    assert choices
    assert all(c["name"].endswith("· Data Engineer") for c in choices)


async def test_items_are_only_the_learners_own(channel, alice, bob):
    assert await alice.autocomplete(channel, "done", "item", "git") == []

    await alice.slash(channel, "start-learning", role=BACKEND)

    assert (await alice.autocomplete(channel, "done", "item", "git"))[0]["name"] == GIT_ITEM
    assert await bob.autocomplete(channel, "done", "item", "git") == []
    everything = await alice.autocomplete(channel, "done", "item", "")
    assert len(everything) == 15
    assert all(c["value"].startswith(f"{BACKEND}:") for c in everything)


async def test_items_of_several_paths_name_their_path(channel, alice):
    await alice.slash(channel, "start-learning", role=BACKEND)
    await alice.slash(channel, "start-learning", role="data-engineer")

    choices = await alice.autocomplete(channel, "done", "item", "")

    assert len(choices) == 25  # 15 + the data engineer's items, capped
    assert choices[0]["name"].endswith("(Backend Engineer)")

    await alice.slash(channel, "stop-learning", role=BACKEND)
    after_stop = await alice.autocomplete(channel, "done", "item", "")
    assert after_stop
    assert not any(c["value"].startswith(f"{BACKEND}:") for c in after_stop)


async def test_pace_depends_on_the_chosen_role(channel, alice):
    backend = await alice.autocomplete(channel, "start-learning", "pace", "", role=BACKEND)
    data = await alice.autocomplete(channel, "start-learning", "pace", "", role="data-engineer")
    filtered = await alice.autocomplete(channel, "start-learning", "pace", "full", role=BACKEND)
    no_role = await alice.autocomplete(channel, "start-learning", "pace", "")

    assert [c["value"] for c in backend] == ["complete_beginner", "programming_background", "full_time_accelerated"]
    assert backend[0]["name"] == "complete beginner (9-12 months)"
    assert data[0]["name"] == "complete beginner (10-14 months)"
    assert filtered == [{"name": "full time accelerated (4-6 months)", "value": "full_time_accelerated"}]
    assert no_role == []


async def test_choices_always_fit_discord(channel, alice):
    for role in ("backend-engineer", "data-engineer", "ml-engineer"):
        await alice.slash(channel, "start-learning", role=role)
    for typed in ODD_INPUTS:
        typed = typed[:100]
        assert_valid(await alice.autocomplete(channel, "start-learning", "role", typed))
        assert_valid(await alice.autocomplete(channel, "skill-deep-dive", "topic", typed))
        assert_valid(await alice.autocomplete(channel, "done", "item", typed))
        assert_valid(await alice.autocomplete(channel, "start-learning", "pace", typed, role=BACKEND))
