"""A DocC article (Swift's documentation catalogs, '.docc') opens with a '@Metadata { … }' block of page settings
and links other articles as '<doc:article-name>': the settings are no words of the page, and a link to another
article shows that article's name, not 'doc:article-name'."""

from __future__ import annotations

from tests.content.helpers import parse_body

ARTICLE = """
# Interview Drills

@Metadata {
  @PageColor(green)
  @TitleHeading("Practice plan")
}

Twelve drills to work through, one a day.

@Options {
  @AutomaticSeeAlso(disabled)
}

## Hard drills

- <doc:drill-01-sliding-window>
- <doc:drill-02-heap-merge>
"""


def test_a_docc_articles_settings_are_no_words_of_it() -> None:
    role, _ = parse_body(ARTICLE)
    shown = {s.title: s.text for s in role.sections}
    assert shown["Interview Drills"] == "Twelve drills to work through, one a day."


def test_a_link_to_another_article_shows_its_name() -> None:
    role, _ = parse_body(ARTICLE)
    shown = {s.title: s.text for s in role.sections}
    assert shown["Hard drills"] == "- drill-01-sliding-window\n- drill-02-heap-merge"
