"""Bold written against Chinese or Japanese punctuation ('看**《C++ Primer》**了', '**「リーダブルコード」**を読む',
'**Effective C++**这本书'), which CommonMark leaves as literal asterisks (its closing run follows punctuation and is
followed by a letter), reads as the author meant, as Typora and Obsidian show it: bold in what is shown, and no
asterisks in titles. Asterisks elsewhere stay as written."""

from __future__ import annotations

from bot.content.models import Role
from tests.content.helpers import parse_body

BOOKS = (
    "## 资料推荐\n\n"
    "- 入门之后，就可以看**《C++ Primer》**了，这本书强烈推荐\n"
    "- **Effective C++**这本书讲了写程序时要注意的条款\n"
    "- **「リーダブルコード」**を読む\n"
    "- 先看**深入理解计算机系统**，再看**操作系统**\n"
)


def titles(role: Role) -> list[str]:
    return [s.title for s in role.sections]


def test_bold_against_cjk_punctuation_leaves_no_asterisks_in_titles() -> None:
    role, _ = parse_body(BOOKS)
    shown = titles(role)
    assert "入门之后，就可以看《C++ Primer》了，这本书强烈推荐" in shown
    assert "先看深入理解计算机系统，再看操作系统" in shown
    assert not [t for t in shown if "*" in t]


def test_bold_against_cjk_punctuation_shows_bold_not_escaped_marks() -> None:
    role, _ = parse_body(BOOKS)
    texts = [s.text for s in role.sections if s.kind == "topic"]
    assert any("**《C++ Primer》**了" in t for t in texts)
    assert any("**「リーダブルコード」**を読む" in t for t in texts)
    assert not [t for t in texts if "\\*" in t]


def test_a_bold_name_against_cjk_words_is_titled_as_its_bullet_reads() -> None:
    role, _ = parse_body(BOOKS)
    assert "Effective C++这本书讲了写程序时要注意的条款" in titles(role)


def test_asterisks_away_from_cjk_text_stay_as_written() -> None:
    role, _ = parse_body("## Notes\n\n- 2 ** 10 ** 2 is a big number\n- pass \\*\\*kwargs\\*\\* along\n")
    assert "2 ** 10 ** 2 is a big number" in titles(role)
    assert "pass **kwargs** along" in titles(role)
