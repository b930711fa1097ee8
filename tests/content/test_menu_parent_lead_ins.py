"""A checklist menu says under a nested task the task it is under: its words, not the colon that led in to the list
('Log in to your laptop' under 'IT Setup', not 'IT Setup:')."""

from __future__ import annotations

from bot.present import option_context
from tests.content.helpers import parse_body

ONBOARDING = """
## First day

* [ ] **IT Setup**:
  * [ ] Log in to your laptop.
  * [ ] Join the team chat.
* [ ] Lunch with your buddy
"""


def test_a_nested_tasks_menu_context_is_its_parent_without_the_lead_in_colon() -> None:
    role, _ = parse_body(ONBOARDING)
    laptop = next(i for i in role.checklist if i.text == "Log in to your laptop.")
    assert option_context(laptop, False) == "IT Setup"
    assert option_context(laptop, True) == "First day › IT Setup"
