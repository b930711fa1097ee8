"""Cards become discord.py embeds; autocomplete choices are clipped, never their values."""

import discord

from bot.discord_io import to_choices, to_embed, to_embeds, to_files
from bot.render.paging import fit_message, paginate
from bot.render.reply import Attachment, Card, Field, Reply


def test_to_embed_round_trips_every_part() -> None:
    card = Card(
        title="Week 1",
        description="Basics",
        fields=(Field("Goal", "Learn SQL"), Field("Time", "4h", inline=True)),
        footer="Backend path",
        url="https://example.test",
        color=0x5865F2,
    )
    embed = to_embed(card)
    assert embed.title == "Week 1"
    assert embed.description == "Basics"
    assert embed.url == "https://example.test"
    assert embed.color == discord.Colour(0x5865F2)
    assert [(f.name, f.value, f.inline) for f in embed.fields] == [
        ("Goal", "Learn SQL", False),
        ("Time", "4h", True),
    ]
    assert embed.footer.text == "Backend path"
    assert len(embed) == card.length


def test_to_embed_leaves_out_what_the_card_lacks() -> None:
    embed = to_embed(Card(description="only this"))
    data = embed.to_dict()
    assert "title" not in data
    assert "footer" not in data
    assert "color" not in data
    assert data["description"] == "only this"


def test_to_embeds_keeps_order_and_paginated_cards_stay_in_limits() -> None:
    cards = paginate("Long", "word " * 3000, [Field(f"f{i}", "v " * 300) for i in range(30)])
    messages = fit_message(cards)
    assert len(messages) > 1
    embeds = [embed for message in messages for embed in to_embeds(Reply(cards=message))]
    assert [e.description for e in embeds] == [c.description for c in cards]
    assert all(sum(len(e) for e in to_embeds(Reply(cards=m))) <= 6000 for m in messages)
    for card in cards:
        embed = to_embed(card)
        assert len(embed) <= 6000
        assert embed.footer.text == card.footer


def test_to_files() -> None:
    [file] = to_files(Reply(files=(Attachment("plan.md", b"abc"),)))
    assert file.filename == "plan.md"
    assert file.fp.read() == b"abc"


def test_to_choices_clips_names_drops_long_values_and_caps_at_25() -> None:
    pairs = [("n" * 150, "long-name"), ("Too long value", "v" * 101), ("", "shown-as-value")]
    pairs += [(f"Role {i}", f"role-{i}") for i in range(40)]
    choices = to_choices(pairs)
    assert len(choices) == 25
    assert choices[0].name.endswith("…")
    assert len(choices[0].name) == 100
    assert choices[0].value == "long-name"
    assert all(c.value != "v" * 101 for c in choices)
    assert choices[1].name == "shown-as-value"
    assert [c.value for c in choices[2:]] == [f"role-{i}" for i in range(23)]
    assert all(isinstance(c, discord.app_commands.Choice) for c in choices)


def test_to_choices_accepts_a_mapping() -> None:
    assert [(c.name, c.value) for c in to_choices({"Backend": "backend"})] == [("Backend", "backend")]
