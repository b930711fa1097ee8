"""Words typed without their accents find the text written with them, and the other way round: Vietnamese typed on
a keyboard without its marks ('thiet ke luoc do' for 'Thiết kế lược đồ'), Spanish 'semantica', German 'strasse'."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from bot.content.accents import fold_marks
from bot.content.loader import parse_bytes
from bot.content.pick import best, rank
from bot.content.search import Hit, SearchIndex, tokenize
from tests.content.helpers import parse_body

VIETNAMESE = Path(__file__).resolve().parents[1] / "fixtures" / "roadmaps" / "lo-trinh-backend-vi.md"


@pytest.fixture(scope="module")
def vietnamese() -> SearchIndex:
    role, problems = parse_bytes(VIETNAMESE.read_bytes(), VIETNAMESE.name)
    assert role is not None, problems
    return SearchIndex([role])


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Thiết kế lược đồ", "Thiet ke luoc do"),
        ("Giai đoạn 2: Cơ sở dữ liệu", "Giai doan 2: Co so du lieu"),
        ("HTML semántico", "HTML semantico"),
        ("Straße", "Strasse"),
        ("Łódź, Ørsted, Æsir", "Lodz, Orsted, AEsir"),
        ("ёлка", "елка"),
    ],
)
def test_letters_lose_their_marks_and_keep_their_case(written: str, typed: str) -> None:
    assert fold_marks(written) == typed


def test_other_scripts_keep_their_letters() -> None:
    assert fold_marks("데이터베이스 データベース が 数据库 й") == "데이터베이스 データベース が 数据库 й"
    assert tokenize("데이터베이스") == ["데이", "이터", "터베", "베이", "이스"]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("sql co ban", "Tuần 5-6: SQL cơ bản"),
        ("thiet ke luoc do", "Tuần 7-8: Thiết kế lược đồ"),
        ("nen tang lap trinh", "Giai đoạn 1: Nền tảng lập trình (Tuần 1–4)"),
        ("co so du lieu", "Giai đoạn 2: Cơ sở dữ liệu (Tuần 5 - 8)"),
        ("Thiết kế lược đồ", "Tuần 7-8: Thiết kế lược đồ"),  # typed with its marks, as before
        ("SQL cơ bản", "Tuần 5-6: SQL cơ bản"),
    ],
)
def test_vietnamese_typed_with_or_without_its_marks_finds_its_heading(
    vietnamese: SearchIndex, query: str, title: str
) -> None:
    hits = vietnamese.search(query)
    assert hits, query
    assert hits[0].section.title == title
    assert hits[0].exact


def test_a_word_with_accents_finds_the_text_written_without_them() -> None:
    role, _ = parse_body("## Phase 1: Frontend (Weeks 1-2)\n\n### HTML semantico\n\n- Landmarks\n\n### CSS\n")
    index = SearchIndex([role])
    assert index.search("semántico")[0].section.title == "HTML semantico"
    assert index.search("html semántico")[0].exact


def test_the_snippet_is_the_line_that_holds_the_words_typed_without_marks(vietnamese: SearchIndex) -> None:
    (heading,) = [s for s in vietnamese.roles["lo-trinh-backend-vi"].sections if s.title.endswith("Thiết kế lược đồ")]
    assert (
        Hit("lo-trinh-backend-vi", heading, 90.0, ("muc", "co", "lap")).snippet
        == "- Giao dịch (transaction) và mức cô lập"
    )


def test_a_role_is_found_by_its_name_typed_without_marks(vietnamese: SearchIndex) -> None:
    assert [m.name for m in vietnamese.find_roles("lo trinh backend")] == ["lo-trinh-backend-vi"]


def test_a_checklist_item_is_picked_by_its_words_typed_without_marks() -> None:
    items = ["Thiết kế lược đồ cho một cửa hàng online", "Triển khai API lên một VPS với HTTPS"]
    assert [items[f.index] for f in best(rank("thiet ke luoc do", items))] == [items[0]]
    assert [items[f.index] for f in best(rank("trien khai", items))] == [items[1]]
    assert [items[f.index] for f in best(rank("Triển khai API", items))] == [items[1]]
    assert rank("thiet ke luoc do cho mot cua hang online", items)[0].exact


@pytest.mark.parametrize(
    "typed",
    [
        unicodedata.normalize("NFD", "thiết kế lược đồ"),  # marks typed apart from their letters (combining mode)
        "ＴＨＩＥＴ ＫＥ ＬＵＯＣ ＤＯ",  # full-width, as some Vietnamese and Japanese keyboards write
        "THIẾT KẾ LƯỢC ĐỒ",
    ],
)
def test_the_checklist_matcher_reads_a_query_as_search_does(typed: str) -> None:
    texts = ["Thiết kế lược đồ cơ sở dữ liệu", "Triển khai ứng dụng"]
    fits = rank(typed, texts)
    assert fits
    assert fits[0].index == 0
    assert tokenize(typed) == tokenize("thiet ke luoc do")
