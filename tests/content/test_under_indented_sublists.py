"""Bullets written two spaces in under a numbered step ('1. **Learn scripting**' then '  - bash'), or under a bullet
with blanks after its marker ('*  Effective Go' then '  * the idioms'), too few for CommonMark to nest them, are the
step's details, as the author wrote them: search shows them under the step, and they are no topics of the list
beside it. Bullets as far in as their parent's marker, or one space in under a bullet, stay a list of their own."""

from __future__ import annotations

from bot.content.models import Role
from tests.content.helpers import parse_body

STEPS = (
    "## How to become a cloud engineer\n\n"
    "1. **Learn a scripting language**\n"
    "  - bash\n"
    "  - [The Python tutorial](https://docs.python.org/3/tutorial/)\n"
    "2. **Learn networking**\n"
    "  - DNS, HTTP and TLS\n"
    "  - subnets and routing\n"
    "\n"
    "3. **Learn containers**\n"
    "\n"
    "  - images and layers\n"
    "    - multi-stage builds\n"
    "\n"
    "## Books\n\n"
    "*  Effective Go\n"
    "  \n"
    "  *  the idioms every Go program follows\n"
    "  \n"
    "*  The Go Memory Model\n"
)


def section(role: Role, title: str) -> str:
    return next(s.text for s in role.sections if s.title == title)


def test_bullets_two_spaces_in_under_a_step_are_its_details() -> None:
    role, problems = parse_body(STEPS)
    assert section(role, "Learn a scripting language").splitlines()[1:] == [
        "- bash",
        "- [The Python tutorial](https://docs.python.org/3/tutorial/)",
    ]
    assert section(role, "Learn networking").splitlines()[1:] == ["- DNS, HTTP and TLS", "- subnets and routing"]
    assert "images and layers" in section(role, "Learn containers")
    assert "the idioms every Go program follows" in section(role, "Effective Go")
    assert not [p for p in problems if p.severity == "error"]


def test_the_steps_stay_one_numbered_list() -> None:
    role, _ = parse_body(STEPS)
    text = section(role, "How to become a cloud engineer")
    assert [line[:3] for line in text.splitlines() if line[:1].isdigit()] == ["1. ", "2. ", "3. "]


def test_bullets_no_further_in_than_the_marker_stay_their_own_list() -> None:
    body = "## Tools\n\n- Git\n - GitHub\n - GitLab\n\n 1. **Deploy**\n - on a server\n"
    role, _ = parse_body(body)
    assert section(role, "Git") == "Git"
    assert section(role, "Deploy") == "**Deploy**"
    assert "on a server" in [s.title for s in role.sections]


def test_a_step_in_a_phase_keeps_its_details_as_its_children() -> None:
    role, _ = parse_body("## Week 1: Shell\n\n1. Pipes\n  - redirection\n  - tee\n2. Jobs\n")
    assert [(t.title, [c.title for c in t.children]) for t in role.phases[0].topics] == [
        ("Pipes", ["redirection", "tee"]),
        ("Jobs", []),
    ]
