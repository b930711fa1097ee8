"""Role files written in Russian, Japanese and Korean: their headings, objectives, levels and words read as the
English ones do, and search and /done find their words."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.answers import answer
from bot.content.loader import load_content, parse_bytes
from bot.content.phases import is_day_heading, phase_hint, read_level_heading, read_series_heading
from bot.content.pick import best, rank
from bot.content.questions import read_question
from bot.content.search import SearchIndex, tokenize
from tests.content.helpers import roadmap, role_file


def parse(body: str, name: str = "x"):
    role, problems = parse_bytes(role_file(name, body=body).encode(), f"{name}.md")
    assert role is not None, problems
    return role, problems


@pytest.mark.parametrize(
    ("heading", "example"),
    [
        ("Неделя: Введение", "'Неделя 3: Title' or 'Недели 3-4: Title'"),
        ("Месяц ?: Практика", "'Месяц 3: Title' or 'Месяцы 3-4: Title'"),
        ("Этап ?: Тестирование", "'Этап 2: Базы данных (Недели 5-12)'"),
        ("Фаза", "'Этап 2: Базы данных (Недели 5-12)'"),
        ("フェーズ：基礎", "'フェーズ2：データベース（第5〜12週）'"),
    ],
)
def test_a_heading_that_starts_like_a_phase_gets_a_hint_in_its_own_words(heading, example):
    hint = phase_hint(heading)
    assert hint is not None
    assert hint.endswith(example)


@pytest.mark.parametrize("heading", ["День 3: Переменные", "1日目：変数", "第2日：関数", "1일차: 변수"])
def test_one_day_is_a_section_of_its_own_not_a_phase(heading):
    assert is_day_heading(heading)


@pytest.mark.parametrize(
    ("heading", "word", "number", "title"),
    [
        ("Шаг 2: Установка", "step", 2, "Установка"),
        ("ステップ2：環境構築", "step", 2, "環境構築"),
        ("모듈 3: 네트워크", "module", 3, "네트워크"),
    ],
)
def test_steps_and_their_kin_read_as_their_english_words(heading, word, number, title):
    found = read_series_heading(heading)
    assert found is not None
    assert (found[0], found[1].number, found[1].title) == (word, number, title)


@pytest.mark.parametrize(
    ("label", "colon"),
    [
        ("Цель", ":"),
        ("Цели", ":"),
        ("🎯 Цель", ":"),
        ("目標", "："),
        ("ゴール", "："),
        ("到達目標", "："),
        ("목표", ":"),
        ("학습 목표", ":"),
    ],
)
def test_an_objective_line_in_russian_japanese_or_korean_is_the_phases_objective(label, colon):
    body = (
        f"# T\n\n## Phase 1: Git (Weeks 1-2)\n**{label}{colon}** Git.\n\n- a\n\n"
        f"## Phase 2: API (Weeks 3-4)\n**{label}{colon}**\nREST API\n\n- b\n"
    )
    role, problems = parse(body)
    assert [p.objective for p in role.phases] == ["Git.", "REST API"]
    assert [p.subsections for p in role.phases] == [(), ()]
    assert problems == []


@pytest.mark.parametrize(
    "levels",
    [
        ("Начальный уровень", "Средний уровень", "Продвинутый уровень"),
        ("初級", "中級", "上級"),
        ("初級編", "中級編", "上級編"),
        ("초급", "중급", "고급"),
    ],
)
def test_a_plan_laid_out_by_skill_level_has_them_as_its_phases(levels):
    body = "# T\n\n" + "".join(f"## {level}\n\n- topic {n}\n\n" for n, level in enumerate(levels, 1))
    role, problems = parse(body)
    assert [(p.number, p.title) for p in role.phases] == [(n, level) for n, level in enumerate(levels, 1)]
    assert [str(p) for p in problems if "planned" not in p.message] == []


@pytest.mark.parametrize(
    ("heading", "weeks", "title"),
    [("中級（1〜2ヶ月）", 6, "中級"), ("Средний уровень (2 месяца)", 8, "Средний уровень"), ("고급 (4주)", 4, "고급")],
)
def test_a_level_heading_may_give_its_length_in_its_own_words(heading, weeks, title):
    found = read_level_heading(heading)
    assert found is not None
    assert (found[1].length, found[1].title) == (weeks, title)


KOREAN = """
# 백엔드 개발자 로드맵

## 1단계: 기초 (1-4주차)

**목표:** 웹이 어떻게 동작하는지 이해한다.

- HTTP 기초: 요청, 응답, 상태 코드
- 리눅스 명령어를 익히기
- [ ] 깃허브에 첫 저장소를 만들기

## 2단계: 데이터베이스 (5-8주차)

- 관계형 데이터베이스와 SQL
- [ ] 데이터베이스를 설계하고 정규화하기
"""


def korean() -> SearchIndex:
    role, problems = parse(KOREAN, "ko-backend")
    assert problems == []
    return SearchIndex([role])


def titles(found: SearchIndex, query: str) -> list[str]:
    return [h.section.title for h in found.search(query, limit=5)]


def test_korean_words_are_found_with_the_particles_written_onto_them():
    found = korean()
    assert titles(found, "리눅스")[0] == "리눅스 명령어를 익히기"
    # '깃허브에' (to GitHub), '명령어를' (commands, as an object), '저장소를': the word is found inside them
    assert titles(found, "깃허브")[0] == "깃허브에 첫 저장소를 만들기"
    assert titles(found, "명령어")[0] == "리눅스 명령어를 익히기"
    assert titles(found, "저장소")[0] == "깃허브에 첫 저장소를 만들기"
    assert "관계형 데이터베이스와 SQL" in titles(found, "데이터베이스")
    assert titles(found, "HTTP 기초")[0] == "HTTP 기초"
    assert titles(found, "데이터베이스 설계")[0] == "데이터베이스를 설계하고 정규화하기"


def test_japanese_kana_and_kanji_are_split_into_pairs_as_chinese_is():
    assert tokenize("基礎からはじめるPython") == ["基礎", "礎か", "から", "らは", "はじ", "じめ", "める", "python"]
    assert tokenize("データベース設計") == ["デー", "ータ", "タベ", "ベー", "ース", "ス設", "設計"]
    assert tokenize("ｶﾀｶﾅ") == ["カタ", "タカ", "カナ"]  # half-width katakana folded to full-width
    # Korean is written with blanks, but with its particles on its words ('명령어를'): it is paired as Chinese is
    assert tokenize("리눅스 명령어를") == ["리눅", "눅스", "명령", "령어", "어를"]
    assert tokenize("Основы Linux") == ["основы", "linux"]


def test_done_picks_the_item_a_korean_japanese_or_russian_word_is_in():
    items = [
        "깃허브에 첫 저장소를 만들기",
        "데이터베이스를 설계하고 정규화하기",
        "ポートフォリオを公開する",
        "Развернуть API на сервере",
    ]
    for typed, meant in [("저장소", 0), ("정규화", 1), ("ポートフォリオ", 2), ("сервер", 3)]:
        assert [items[f.index] for f in best(rank(typed, items))] == [items[meant]], typed


def test_roles_named_in_chinese_japanese_korean_and_russian_load_side_by_side(tmp_path: Path):
    fronts = {
        "zh-backend": "后端工程师学习路线",
        "ja-frontend": "フロントエンドエンジニア",
        "ko-backend": "백엔드 개발자",
        "ru-backend": "Python-бэкенд разработчик",
        "python-basics": "Python",
    }
    for name, display in fronts.items():
        (tmp_path / f"{name}.md").write_text(role_file(name, display, body=KOREAN), encoding="utf-8")
    index = load_content(tmp_path)
    assert [p for p in index.problems if p.severity == "error"] == []
    assert sorted(index.roles) == sorted(fronts)
    for name, display in fronts.items():
        assert index.search.role_by_key(display).name == name
    assert index.search.role_by_key("データサイエンティスト") is None


@pytest.mark.parametrize(
    ("query", "kind", "weeks", "phase"),
    [
        ("неделя 3", "week", (3, 3), None),
        ("Недели 3-4", "week", (3, 4), None),
        ("第3週", "week", (3, 3), None),
        ("3週目", "week", (3, 3), None),
        ("第3周", "week", (3, 3), None),
        ("3주차", "week", (3, 3), None),
        ("этап 2", "phase", None, 2),
        ("フェーズ2", "phase", None, 2),
        ("2단계", "phase", None, 2),
    ],
)
def test_a_week_or_phase_asked_in_russian_japanese_chinese_or_korean(query, kind, weeks, phase):
    question = read_question(query)
    assert (question.kind, question.weeks, question.phase) == (kind, weeks, phase)


def fixture_index(name: str) -> SearchIndex:
    return SearchIndex([roadmap(name)])


@pytest.mark.parametrize(
    ("name", "query", "title"),
    [
        ("korean-backend", "3주차", "1단계: 자바 기초 (1-4주차)"),
        ("korean-backend", "3단계", "3단계: 스프링 부트 (9주차~14주차)"),
        ("japanese-frontend", "第7週", "フェーズ2：JavaScript（第5週〜第10週）"),
        ("russian-backend", "неделя 12", "Этап 4: Веб-фреймворк (Недели 11 по 16)"),
        # a heading picked from the menu as it is typed is that heading
        ("korean-backend", "2단계: 데이터베이스 (5~8주차)", "2단계: 데이터베이스 (5~8주차)"),
        ("russian-backend", "Этап 3: Базы данных (Недели 7–10)", "Этап 3: Базы данных (Недели 7–10)"),
    ],
)
def test_skill_deep_dive_answers_a_week_or_phase_in_the_paths_own_words(name, query, title):
    assert answer(fixture_index(name), query).hits[0].section.title == title


def test_a_russian_word_is_found_in_any_of_its_cases_and_numbers():
    role, _ = parse(
        "# Бэкенд\n\n## Этап 1: Базы данных (Недели 1-4)\n- Индексы и запросы\n- [ ] Спроектировать схему базы\n\n"
        "## Этап 2: Веб-разработка (Недели 5-8)\n- Основы HTTP\n"
    )
    found = SearchIndex([role])
    assert titles(found, "база данных")[0] == "Этап 1: Базы данных (Недели 1-4)"
    assert titles(found, "индекс")[0] == "Индексы и запросы"
    assert titles(found, "основа http")[0] == "Основы HTTP"
    assert "Спроектировать схему базы" in titles(found, "схема")
