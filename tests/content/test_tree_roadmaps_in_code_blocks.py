"""A roadmap drawn as a tree in a code block ('├── HTML' then '│   ├── Forms', as `tree` prints one and READMEs
copy it) is read as the nested list it draws: each branch a bullet under the one it hangs from, found by search on
its own, the line above the branches its title, a line of rails alone a blank line between branches. A tree of
files ('├── src/', '│   └── main.py') and code in a language ('```bash') stay code."""

from __future__ import annotations

from bot.content.models import Role
from tests.content.helpers import parse_body

TREE = """
## The map

```
Backend Roadmap:
├── Internet
│   ├── How DNS works
│   └── HTTP & HTTPS
│
├── Databases
│   ├── Relational
│   │   └── PostgreSQL
│   └── Key-value (Redis, ...)
│
└── APIs
    ├── REST
    └── GraphQL
```

## Layout

```
project/
├── src/
│   └── main.py
└── README.md
```
"""


def section(role: Role, title: str) -> str:
    return next(s.text for s in role.sections if s.title == title)


def test_a_tree_in_a_code_block_is_the_nested_list_it_draws() -> None:
    role, problems = parse_body(TREE)
    assert section(role, "The map").splitlines() == [
        "Backend Roadmap:",
        "- Internet",
        "  - How DNS works",
        "  - HTTP & HTTPS",
        "",
        "- Databases",
        "  - Relational",
        "    - PostgreSQL",
        "  - Key-value (Redis, ...)",
        "",
        "- APIs",
        "  - REST",
        "  - GraphQL",
    ]
    assert not [p for p in problems if p.severity == "error"]


def test_each_branch_is_found_on_its_own() -> None:
    role, _ = parse_body(TREE)
    assert section(role, "Relational").splitlines() == ["Relational", "- PostgreSQL"]
    assert "Key-value (Redis, ...)" in [s.title for s in role.sections]


def test_a_tree_of_files_and_code_in_a_language_stay_code() -> None:
    role, _ = parse_body(TREE + "\n## Shell\n\n```bash\necho '├── a'\necho '└── b'\necho '└── c'\n```\n")
    assert section(role, "Layout").startswith("```\nproject/\n├── src/")
    assert section(role, "Shell").startswith("```bash")
