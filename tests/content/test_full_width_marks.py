"""Phase headings that mix Chinese punctuation with English words ('# Phase 1：Python 基础（Week 1–4）', as
Chinese keyboards type the colon and the brackets): the span is read out of the full-width brackets and the title
keeps neither the colon nor the emptied brackets."""

from __future__ import annotations

from bot.handlers.learning import phase_body
from tests.content.helpers import parse_messages, phase_spans

PLAN = """
# 智能体工程 12 周计划

# Phase 1：Python 后端基础（Week 1–4）

## Week 1 — Typing
- [ ] 写一个带类型的 CLI

# Phase 2: Agent Loop（Weeks 5-8）

## Week 5 — 手写循环
- [ ] 实现 max_steps

# Phase 3：部署 (Week 9–12)

- [ ] Docker 化
"""


def test_full_width_marks_around_an_english_span_leave_no_residue_in_the_title() -> None:
    role, messages = parse_messages(PLAN)
    assert phase_spans(role) == [
        (1, "Python 后端基础", (1, 4)),
        (2, "Agent Loop", (5, 8)),
        (3, "部署", (9, 12)),
    ]
    assert not messages
    shown = phase_body(role.phases[0], role.checklist)
    assert "写一个带类型的 CLI" in shown
