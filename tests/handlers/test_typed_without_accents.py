"""A learner who types without diacritics ('thiet ke luoc do' for 'Thiết kế lược đồ') finds and ticks what the path
writes with them: /skill-deep-dive and /done."""

from __future__ import annotations

from bot.handlers import learning, progress
from tests.handlers.conftest import Load, caller, text

VIETNAMESE = """
## Giai đoạn 1: Cơ sở dữ liệu (Tuần 1-4)

### Tuần 1-2: SQL cơ bản

- SELECT, WHERE, JOIN

### Tuần 3-4: Thiết kế lược đồ

- Chuẩn hóa dữ liệu
- [ ] Thiết kế lược đồ cho một cửa hàng online
"""


async def test_a_topic_typed_without_diacritics_is_found(load: Load) -> None:
    svc = load({"vi": VIETNAMESE})
    shown = text(await learning.skill_deep_dive(svc, caller(), "sql co ban"))
    assert "\n\nTuần 1-2: SQL cơ bản\n===" in shown


async def test_an_item_typed_without_diacritics_is_ticked(load: Load) -> None:
    svc = load({"vi": VIETNAMESE})
    await learning.start_learning(svc, caller(), "vi")
    shown = text(await progress.done(svc, caller(), "thiet ke luoc do"))
    assert "Ticked: **Thiết kế lược đồ cho một cửa hàng online**" in shown
