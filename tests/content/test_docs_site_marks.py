"""What MkDocs Material and kramdown (Jekyll) pages add to inline markdown, as a learner sees it in /phase and search:
an attribute list after a link, image or icon ('[Start](…){ .md-button }', '{:target="_blank"}'), an icon shortcode
(':material-rocket-launch:', ':octicons-book-24:') and a snippet include line ('--8<-- "notes.md"') are never shown;
the link, image and GitHub emoji they sit by are."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from bot.content.models import Role
from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import parse_body, role_file


def titles(role: Role) -> set[str]:
    return {s.title for s in role.sections}


def shown(role: Role) -> str:
    return "\n".join(f"{s.title}\n{s.text}" for s in role.sections)


ATTRIBUTES = """
## Week 1: Set up the laptop

- [Install guide](https://example.org/install){ .md-button .md-button--primary }
- ![Network map](https://example.org/map.png){ width="420" }
- Read [the team handbook](https://example.org/handbook){:target="_blank"} before standup
- Pair with your buddy on `make test`{ .shell }

## Week 2: First ticket

- Keep {curly} words, `{ .code }` and ${{ secrets.TOKEN }} as written
- A set {a, b} after a [link](https://example.org/set) {.spaced}
"""


def test_an_attribute_list_after_a_link_image_or_code_is_never_shown() -> None:
    role, _ = parse_body(ATTRIBUTES)
    body = phase_body(role.phases[0])
    assert "{" not in body and "}" not in body, body
    assert "[Install guide](https://example.org/install)" in body
    assert "[the team handbook](https://example.org/handbook) before standup" in body
    assert "https://example.org/map.png" in body
    entries = titles(role)
    assert {"Install guide", "Read the team handbook before standup", "Pair with your buddy on make test"} <= entries
    assert not [t for t in entries if "{" in t and "curly" not in t and "set" not in t], entries


def test_braces_that_are_no_attribute_list_stay_as_written() -> None:
    role, _ = parse_body(ATTRIBUTES)
    body = phase_body(role.phases[1])
    assert "Keep {curly} words, `{ .code }` and ${{ secrets.TOKEN }} as written" in body
    assert "A set {a, b} after a [link](https://example.org/set) {.spaced}" in body


ICONS = """
# Onboarding

<div class="grid cards" markdown>

-   :material-clock-fast:{ .lg .middle } __First day__

    Laptop, accounts and a coffee with the team.

-   :octicons-book-24: Read the [handbook](https://example.org/handbook) :octicons-arrow-right-24:

-   [Start here :octicons-arrow-right-24:](https://example.org/start)

-   [:rocket: Launch day](https://example.org/launch)

</div>

## Week 1: Accounts :material-account-key:

- :fontawesome-brands-github: Join the GitHub organisation
- :simple-slack:{ .slack } Say hello in the team channel :wave:

## Week 2: Deploy :rocket:

- Ship a one-line change
"""


def test_an_icon_shortcode_is_never_shown_and_a_github_emoji_is() -> None:
    role, _ = parse_body(ICONS)
    assert [p.title for p in role.phases] == ["Accounts", "Deploy"]
    body = phase_body(role.phases[0])
    assert ":fontawesome" not in body and ":simple" not in body and "{" not in body, body
    assert "Join the GitHub organisation" in body
    assert "Say hello in the team channel 👋" in body
    entries = titles(role)
    assert {"First day", "Join the GitHub organisation", "Say hello in the team channel 👋"} <= entries
    assert not [t for t in entries if ":material" in t or ":octicons" in t or "{" in t], entries
    assert "[handbook](https://example.org/handbook)" in shown(role)
    assert {"Start here", "🚀 Launch day"} <= entries
    assert "[Start here](https://example.org/start)" in shown(role)


SNIPPETS = """--8<-- "includes/abbreviations.md"

# Platform onboarding

## Week 1: Tools

;--8<-- "includes/not-included.md"
--8<-- "includes/laptop-setup.md"

- Install the CLI

```text
--8<-- "kept/in/code.md"
```

--8<--
includes/first.md
includes/second.md
--8<--

## Week 2: Services

- Read the service catalogue
"""


def test_a_snippet_include_line_is_never_shown_nor_searched() -> None:
    role, _ = parse_body(SNIPPETS)
    assert "--8<--" not in phase_body(role.phases[0]).replace('```text\n--8<-- "kept/in/code.md"\n```', "")
    assert '--8<-- "kept/in/code.md"' in phase_body(role.phases[0])
    assert "includes/" not in shown(role)
    assert not SearchIndex([role]).search("abbreviations")
    assert [p.title for p in role.phases] == ["Tools", "Services"]


JEKYLL_LINKS = """
## Week 1: Orientation

- [Course policies]({{ site.baseurl }}/policies/)
- [First lab]({{ '/labs/first/' | relative_url }})
- [Slides]({{site.url}}{{site.baseurl}}/slides/one.pdf) and [notes]({{ "/notes/one" | absolute_url }})
- ![Campus map]({{ site.baseurl }}/img/map.png)
- Read [the style guide]({{ site.baseurl }}{% link _pages/style.md %})

## [Week 2: Spreadsheets]({{ site.baseurl }}/week2/)

- Pivot tables

## Week 3: Elsewhere

- Welcome to {{ site.title }}: the variable in a sentence stays
- [Our forum]({{ site.forum_url }}) stays as written too
"""


def test_a_jekyll_link_to_a_page_of_the_site_is_a_link_to_its_path() -> None:
    role, problems = parse_body(JEKYLL_LINKS)
    assert [p.title for p in role.phases] == ["Orientation", "Spreadsheets", "Elsewhere"]
    entries = titles(role)
    assert {"Course policies", "First lab", "Slides and notes", "Campus map", "Read the style guide"} <= entries
    assert "Week 2: Spreadsheets" in entries
    body = phase_body(role.phases[0])
    assert "site." not in body and "_url" not in body, body
    with_base, _ = parse_bytes(
        role_file(body=JEKYLL_LINKS, extra="baseUrl: https://course.example.org/\n").encode(), "x.md"
    )
    assert with_base is not None
    linked = phase_body(with_base.phases[0])
    assert "[Course policies](https://course.example.org/policies/)" in linked
    assert "[First lab](https://course.example.org/labs/first/)" in linked
    assert "[notes](https://course.example.org/notes/one)" in linked
    assert "[the style guide](https://course.example.org/_pages/style.md)" in linked
    assert "{{ site.title }}" in phase_body(role.phases[2])
    assert "[Our forum]({{ site.forum_url }})" in shown(role) or "Our forum" in entries


HUGO_CARDS = """
# Web Basics

Each week has its own page of notes.

{{< cards >}}
  {{< card link="weeks/one" title="Week 1: Markup" icon="document-text" subtitle="Elements, attributes and forms" >}}
  {{< card link="https://notes.example.org/two" title="Week 2: Styling" subtitle="Selectors and the box model" >}}
  {{< card title="Week 3: Layout" subtitle="Flexbox and grid" >}}
  {{< card link="weeks/four" icon="beaker" >}}
{{< /cards >}}
"""


def test_a_hugo_card_is_an_item_of_its_title_link_and_subtitle() -> None:
    role, _ = parse_body(HUGO_CARDS)
    assert [(p.title, p.first_week) for p in role.phases] == [("Markup", 1), ("Styling", 2), ("Layout", 3)]
    assert phase_body(role.phases[0]) == "**Objective:** Elements, attributes and forms"
    assert "[Week 2: Styling](https://notes.example.org/two)" in phase_body(role.phases[1])
    assert "Selectors and the box model" in phase_body(role.phases[1])
    text = shown(role)
    assert "{{" not in text and "weeks/" not in text, text
    assert SearchIndex([role]).search("box model")[0].section.phase == 2


HUGO_ONE_LINE_PAIRS = """
## Week 1: Config files

{{< tabs items="JSON,YAML" >}}
  {{< tab >}}**JSON**: braces, quotes and no comments.{{< /tab >}}
  {{< tab >}}**YAML**: indentation and comments.{{< /tab >}}
{{< /tabs >}}

{{< callout type="warning" >}}Keep secrets out of both.{{< /callout >}}

- Validate a file with a schema
"""


def test_a_hugo_shortcode_opened_and_closed_on_one_line_shows_its_text() -> None:
    role, problems = parse_body(HUGO_ONE_LINE_PAIRS)
    body = phase_body(role.phases[0])
    assert "{{" not in body and "}}" not in body, body
    assert "**JSON:** braces, quotes and no comments." in body
    assert "**YAML:** indentation and comments." in body
    assert "Keep secrets out of both." in body
    assert not [t for t in titles(role) if "}}" in t or "{{" in t], titles(role)
    assert not [p for p in problems if "template" in p.message], problems


LIQUID_LOOP = """
## Schedule

{% for week in site.data.weeks %}
### {{ week.title }}
{% for topic in week.topics %}
- [{{ topic.title }}](./topics/{{ topic.title | slugify }}.html)
- {{ topic.day }} Lecture: {{ topic.name }}
{% endfor %}
{% endfor %}

## Week 1: Setup

- Install {{ tool.name }} before class
"""


def test_a_line_of_nothing_but_a_liquid_loops_values_shows_nothing() -> None:
    role, problems = parse_body(LIQUID_LOOP)
    entries = titles(role)
    assert "{{ week.title }}" not in entries and not [t for t in entries if t.startswith("[{{")], entries
    assert "{{ topic.day }} Lecture: {{ topic.name }}" in entries  # words of its own: kept as written, and told
    assert "Install {{ tool.name }} before class" in entries
    assert [p for p in problems if "template tags are shown as written" in p.message]


def test_shortcodes_paired_several_times_on_a_line_or_around_nothing_read_as_each_alone() -> None:
    body = """
## Week 1: Marks
Read the intro.

{{< mark >}}Arrays{{< /mark >}} before {{< mark >}}lists{{< /mark >}}

{{< youtube abc123 >}}{{< /youtube >}}
"""
    role, problems = parse_body(body)
    shown = phase_body(role.phases[0])
    assert "{{<" not in shown and "/mark" not in shown
    assert "Arrays" in shown and "lists" in shown
    assert "https://www.youtube.com/watch?v=abc123" in shown
    assert not [p for p in problems if "template tag" in p.message]


def test_a_jekyll_path_the_site_address_is_prepended_to_is_a_link_to_its_path() -> None:
    body = '## Week 1: Labs\n- [Second lab]({{ "/labs/second/" | prepend: site.baseurl }})\n'
    role, _ = parse_bytes(role_file(body=body, extra="baseUrl: https://course.example.org/\n").encode(), "x.md")
    assert role is not None
    assert "[Second lab](https://course.example.org/labs/second/)" in phase_body(role.phases[0])
