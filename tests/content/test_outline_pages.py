"""Outline pages (plans written as nested bullets): headings in list items and what is written under them, and list
items that hold only a quote or a table."""

from __future__ import annotations

from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages, phase_spans, section_titled

OUTLINE = (
    "- ## Phase 1: Shell (Weeks 1-2)\n"
    "  goal:: Feel at home on a fresh server.\n"
    "  - pipes and redirection\n"
    "- ## Phase 2: Images (Weeks 3-4)\n"
    "  Build any app into a small image.\n"
    "  - layers and the build cache\n"
    "- ## Phase 3: Pipelines (Weeks 5-6)\n"
    "  **Goal:** Every commit is built and tested.\n"
    "  - ### Runners\n"
    "    - hosted or self-hosted\n"
    "- ## Further reading\n"
    "  - [The Twelve-Factor App](https://12factor.net/)\n"
    "- ## Monthly retro\n"
    "  - What slowed me down?\n"
)


def test_what_is_written_under_a_heading_in_a_list_item_is_the_phases_objective():
    role, _ = parse_messages(OUTLINE)
    assert [p.objective for p in role.phases] == [
        "Feel at home on a fresh server.",
        "Build any app into a small image.",
        "Every commit is built and tested.",
    ]
    assert phase_body(role.phases[0]).split("\n") == [
        "**Objective:** Feel at home on a fresh server.",
        "",
        "- pipes and redirection",
    ]


def test_a_heading_item_beside_the_phase_items_ends_the_last_phase():
    role, _ = parse_messages(OUTLINE)
    assert phase_spans(role) == [(1, "Shell", (1, 2)), (2, "Images", (3, 4)), (3, "Pipelines", (5, 6))]
    assert phase_body(role.phases[2]).split("\n") == [
        "**Objective:** Every commit is built and tested.",
        "",
        "- Runners",
        "  - hosted or self-hosted",
    ]
    assert section_titled(role, "Further reading").text == "- [The Twelve-Factor App](https://12factor.net/)"
    assert section_titled(role, "Monthly retro").text == "- What slowed me down?"
    assert role.phases[2].last_week == 6


def test_a_bullet_of_only_a_quote_or_a_table_stands_in_its_own_place():
    body = (
        "## Phase 1: Networking (Weeks 1-2)\n"
        "- Subnets and CIDR\n"
        "- > Learn what each layer breaks, not its name.\n"
        "- | Tool | Verdict |\n"
        "  |---|---|\n"
        "  | tcpdump | must learn |\n"
        "- Firewalls\n"
    )
    role, _ = parse_messages(body)
    assert phase_body(role.phases[0]).split("\n") == [
        "- Subnets and CIDR",
        "",
        "> Learn what each layer breaks, not its name.",
        "",
        "- tcpdump — Verdict: must learn",
        "- Firewalls",
    ]


def test_a_quote_or_a_table_item_in_an_outline_phase_is_no_part_of_the_bullet_before_it():
    body = (
        "- ## Phase 1: Networking (Weeks 1-2)\n"
        "\t- Subnets and CIDR\n"
        "\t- > Learn what each layer breaks, not its name.\n"
        "\t- | Tool | Verdict |\n"
        "\t  |---|---|\n"
        "\t  | tcpdump | must learn |\n"
        "- ## Phase 2: DNS (Weeks 3-4)\n"
        "\t- resolvers\n"
    )
    role, _ = parse_messages(body)
    assert phase_body(role.phases[0]).split("\n") == [
        "- Subnets and CIDR",
        "",
        "> Learn what each layer breaks, not its name.",
        "",
        "- tcpdump — Verdict: must learn",
    ]
    assert [t.text for t in role.phases[0].topics] == ["Subnets and CIDR", "tcpdump — Verdict: must learn"]


def test_a_phase_item_after_a_heading_item_that_is_no_phase_is_beside_it_not_under_it():
    body = (
        "- ## Phase 1: Shell (Weeks 1-2)\n"
        "  - pipes\n"
        "- ## Notes on the break\n"
        "  - rest\n"
        "- ## Phase 2: Images (Weeks 3-4)\n"
        "  - layers\n"
    )
    role, _ = parse_messages(body)
    assert phase_spans(role) == [(1, "Shell", (1, 2)), (2, "Images", (3, 4))]
    assert section_titled(role, "Phase 2: Images (Weeks 3-4)").path == ("Phase 2: Images (Weeks 3-4)",)
    assert section_titled(role, "Notes on the break").text == "- rest"
    assert phase_body(role.phases[0]).split("\n") == ["- pipes"]
