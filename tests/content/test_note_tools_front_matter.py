"""The fields Obsidian and its common plugins write in a note's front-matter ('cssclasses', 'publish',
'banner', 'obsidianUIMode', 'creation date', a note's 'status'), and those of a Jupyter Book page ('jupytext', 'kernelspec'), load
quietly, as a blog's 'title' and 'tags' do: a note brought in with the three required fields added checks without a
warning for each."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from tests.content.helpers import warnings

NOTE = """---
name: study-home
displayName: Study Home
description: My study dashboard.
creation date: 2022-03-01 21:51
creation-time: 2022-03-01 21:51
status: in progress
cssclass: homePage
cssclasses: [wide]
publish: true
dg-publish: true
banner: "![[calm.jpg]]"
banner_x: 0.5
banner_y: 0.85
banner_lock: true
obsidianUIMode: preview
jupytext:
  formats: md:myst
kernelspec:
  name: python3
colour: blue
---
# Home

- [ ] Review the week's cards
"""


def test_obsidians_own_fields_load_quietly_and_others_still_warn() -> None:
    role, problems = parse_bytes(NOTE.encode(), "study-home.md")
    assert role is not None
    assert [w for w in warnings(problems) if "front-matter" in w] == [
        "unknown front-matter field 'colour' (kept, but the bot does not use it)"
    ]
