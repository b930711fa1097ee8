"""A bold label written under several sub-headings of one phase ('**Deliverable**' under '### Week 1: Git' and
'### Week 2: HTML' in '## Month 1') names a checklist group per sub-heading, so the weeks' items stay apart in
/checklist and /done; the items keep the IDs their words and headings gave them."""

from __future__ import annotations

from bot.content.ids import checklist_item_id
from tests.content.helpers import parse_body

MONTH = (
    "## Month 1 — Foundations\n\n### Week 1: Git\n\n**Deliverable**\n- [ ] Push your lab to the cohort repo\n\n"
    "### Week 2: HTML\n\n**Deliverable**\n- [ ] Push your lab to the cohort repo\n"
)
TWO_MONTHS = (
    "# Bootcamp\n\n## Month 1 — Foundations\n\n### Week 1: Git\n\n**Readings**\n- Pro Git\n\n**Deliverable**\n"
    "- [ ] A repo with three branches\n\n### Week 2: HTML\n\n**Deliverable**\n- [ ] A static page\n\n"
    "## Month 2 — JavaScript\n\n### Week 5: DOM\n\n**Deliverable**\n- [ ] A todo app\n\n"
    "### Week 6: Fetch\n\n**Deliverable**\n- [ ] A weather widget\n"
)


parse = parse_body


def test_a_label_under_each_week_of_a_month_is_a_group_per_week():
    role, problems = parse(MONTH)
    assert [(i.group, i.text) for i in role.checklist] == [
        ("Week 1: Git › Deliverable", "Push your lab to the cohort repo"),
        ("Week 2: HTML › Deliverable", "Push your lab to the cohort repo"),
    ]
    assert problems == []


def test_the_weeks_items_keep_the_ids_their_words_and_week_headings_gave_them():
    role, _ = parse(MONTH)
    assert [i.id for i in role.checklist] == [
        checklist_item_id("Push your lab to the cohort repo"),
        checklist_item_id("Week 2: HTML Push your lab to the cohort repo"),
    ]


def test_week_groups_of_several_months_need_no_phase_name_to_stay_apart():
    role, _ = parse(TWO_MONTHS)
    assert role.checklist_groups == (
        "Week 1: Git › Deliverable",
        "Week 2: HTML › Deliverable",
        "Week 5: DOM › Deliverable",
        "Week 6: Fetch › Deliverable",
    )
    assert [i.phase for i in role.checklist] == [1, 1, 2, 2]
    assert [i.id for i in role.checklist] == [checklist_item_id(i.text) for i in role.checklist]


def test_a_weeks_item_is_found_in_search_under_its_week_and_label():
    role, _ = parse(TWO_MONTHS)
    (entry,) = [s for s in role.sections if s.kind == "checklist" and s.title == "A weather widget"]
    assert entry.path == ("Bootcamp", "Month 2 — JavaScript", "Week 6: Fetch", "Deliverable")


def test_a_label_under_one_week_only_keeps_its_own_name_when_it_names_the_work():
    body = (
        "## Month 1 — Foundations\n\n### Week 1: Git\n\n**A first repo**\n- [ ] Make it\n\n"
        "### Week 2: HTML\n\n**Portfolio page**\n- [ ] A static page\n"
    )
    role, _ = parse(body)
    assert role.checklist_groups == ("A first repo", "Portfolio page")


def test_a_generic_label_under_one_week_only_is_named_with_its_week():
    # 'Deliverable' alone says nothing of where it is in /checklist; the IDs stay those of the items' words
    body = (
        "## Month 1 — Foundations\n\n### Week 1: Git\n\n**Deliverable**\n- [ ] A repo\n\n"
        "### Week 2: HTML\n\n**Mini project**\n- [ ] A static page\n"
    )
    role, _ = parse(body)
    assert role.checklist_groups == ("Week 1: Git › Deliverable", "Week 2: HTML › Mini project")
    assert [i.id for i in role.checklist] == [checklist_item_id("A repo"), checklist_item_id("A static page")]
    (entry,) = [s for s in role.sections if s.kind == "checklist" and s.title == "A static page"]
    assert entry.path == ("Month 1 — Foundations", "Week 2: HTML", "Mini project")
