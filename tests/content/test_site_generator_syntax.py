"""What GitBook, Hugo/Jekyll and Docusaurus/MDX leave in an exported role file, as a learner sees it in /phase and
search: notes as quotes, embeds and videos as links, tag lines and comments never."""

from __future__ import annotations

from bot.content.loader import parse_bytes
from bot.content.models import Role
from bot.content.search import SearchIndex
from bot.handlers.learning import phase_body
from tests.content.helpers import finishes_in_a_minute, parse_body, role_file


def searched(role: Role, query: str) -> list[str]:
    return [f"{h.section.title}: {h.section.text}" for h in SearchIndex([role]).search(query)]


def all_text(role: Role) -> str:
    return "\n".join(f"{s.title}\n{s.text}" for s in role.sections)


GITBOOK = """
## Phase 1: The Web (Weeks 1-3)

- Semantic HTML

{% hint style="warning" %}
Learn plain JavaScript first.
{% endhint %}

{% embed url="https://www.youtube.com/watch?v=UB1O30fR-EE" %}

{% embed url="https://vitejs.dev/guide/" %}
Vite guide
{% endembed %}

{% tabs %}
{% tab title="npm" %}
`npm create vite@latest`
{% endtab %}
{% tab title="pnpm" %}
`pnpm create vite`
{% endtab %}
{% endtabs %}

{% content-ref url="https://example.com/week-7-react" %}
[Week 7: React](https://example.com/week-7-react)
{% endcontent-ref %}
"""


def test_gitbook_hints_are_notes_embeds_links_and_tags_never_shown():
    role, _ = parse_body(GITBOOK)
    body = phase_body(role.phases[0])
    assert "{%" not in body and "%}" not in body
    assert "> ⚠️ Learn plain JavaScript first." in body
    assert "https://www.youtube.com/watch?v=UB1O30fR-EE" in body
    assert "[Vite guide](https://vitejs.dev/guide/)" in body
    assert "**npm:** `npm create vite@latest`" in body
    assert "**pnpm:** `pnpm create vite`" in body
    assert "[Week 7: React](https://example.com/week-7-react)" in body
    assert "{%" not in all_text(role)


def test_a_gitbook_tag_line_keeps_its_line_number():
    role, _ = parse_body(GITBOOK)
    text = role_lines(GITBOOK)
    (topic,) = [s for s in role.sections if s.kind == "topic"]
    assert text[topic.line - 1] == "- Semantic HTML"


def role_lines(body: str) -> list[str]:
    from tests.content.helpers import role_file

    return role_file(body=body).split("\n")


HUGO = """
## Phase 1: CI (Weeks 1-3)

- GitHub Actions

{{< youtube R8_veQiYBjI >}}

{{% notice tip %}}
Use slim base images.
{{% /notice %}}
{% include callout.html content="Protect main!" %}

{{< youtube id="X48VuDVv0do" >}}

{{< figure src="/images/docker-arch.png" title="Docker architecture" >}}

{% raw %}
```yaml
image: {{ .Values.image.repository }}
```
{% endraw %}
"""


def test_hugo_videos_are_links_paired_shortcodes_keep_their_body_and_tag_lines_go():
    role, _ = parse_body(HUGO)
    body = phase_body(role.phases[0])
    assert "https://www.youtube.com/watch?v=R8_veQiYBjI" in body
    assert "https://www.youtube.com/watch?v=X48VuDVv0do" in body
    assert "Use slim base images." in body
    for raw in ("{{<", "{{%", "{%", "include callout", "figure"):
        assert raw not in body
    # code is shown as written
    assert "```yaml\nimage: {{ .Values.image.repository }}\n```" in body
    assert any("youtube.com/watch?v=R8_veQiYBjI" in hit for hit in searched(role, "youtube"))
    assert not any("{{<" in hit or "{%" in hit for hit in searched(role, "youtube"))


LIQUID = """
import Tabs from '@theme/Tabs';
export const meta = {
  draft: false,
};

# {{ page.title }}

Welcome to {{ site.title }}.

## Phase 1: Basics (Weeks 1-3)

- Functions
"""


def test_mdx_imports_are_never_shown_or_searched_and_a_page_variable_is_its_front_matter_value():
    role, _ = parse_body(LIQUID)
    text = all_text(role)
    for raw in ("page.title", "import", "@theme", "export", "draft"):
        assert raw not in text
    assert role.title == "Test Role"  # '# {{ page.title }}': the front-matter's displayName
    assert searched(role, "tabs theme") == []


def test_a_site_variable_in_a_sentence_stays_as_written():
    role, _ = parse_body(LIQUID)
    assert "Welcome to {{ site.title }}." in all_text(role)


def test_a_line_of_nothing_but_a_variable_shows_nothing():
    role, _ = parse_body("# {{ site.title }}\n\n{{ content }}\n\n## Phase 1: Basics (Weeks 1-3)\n\n- Functions\n")
    assert "{{" not in all_text(role)
    assert role.title == "Test Role"


def test_page_variables_show_their_front_matter_values_but_in_code():
    role, _ = parse_body(
        "## Phase 1: Basics (Weeks 1-3)\n\n- {{ page.displayName }} starts here: {{ page.description }}\n"
        "- Print it with `{{ page.description }}`\n- {{ page.nothing }} stays\n"
    )
    assert [t.text for t in role.phases[0].topics] == [
        "Test Role starts here: A test path.",
        "Print it with `{{ page.description }}`",
        "{{ page.nothing }} stays",
    ]


def test_inline_shortcodes_and_tags_linking_pages_read_as_links():
    body = (
        '## Phase 1: Basics (Weeks 1-3)\n\n- Functions: see {{< ref "functions.md" >}} for more\n'
        '- Read [the guide]({{< relref "docs/guide.md" >}}) and [the intro]({% link _posts/intro.md %})\n'
        "- Watch {{< youtube R8_veQiYBjI >}} first\n"
    )
    role, _ = parse_body(body)
    assert [t.text for t in role.phases[0].topics] == [
        "Functions: see functions for more",
        "Read the guide and the intro",
        "Watch <https://www.youtube.com/watch?v=R8_veQiYBjI> first",
    ]
    linked, _ = parse_bytes(
        role_file(body=body, extra="baseUrl: https://github.com/me/plan/blob/main/\n").encode(), "x.md"
    )
    assert linked is not None
    assert linked.phases[0].topics[1].text == (
        "Read [the guide](https://github.com/me/plan/blob/main/docs/guide.md) and "
        "[the intro](https://github.com/me/plan/blob/main/_posts/intro.md)"
    )


DOCUSAURUS = """
## Phase 1: Basics (Weeks 1-3)

- Functions

:::note
You can skim weeks 1 and 2.
:::

:::tip Before you start
Install Python 3.12.
:::

:::info[Did you know?]
Python is 30 years old.
:::

{/* TODO: add a section on type checking */}

{/*
  This page is generated from the roadmap repo.
*/}

<Tabs groupId="os">
<TabItem value="linux" label="Linux">

Run `sudo apt install docker.io`.

</TabItem>
<TabItem value="mac">

Install Docker Desktop from the website.

</TabItem>
</Tabs>
"""


def test_docusaurus_admonitions_are_notes_with_their_titles_and_comments_are_gone():
    role, _ = parse_body(DOCUSAURUS)
    body = phase_body(role.phases[0])
    assert ":::" not in body
    assert "> ℹ️ You can skim weeks 1 and 2." in body
    assert "**💡 Before you start:**\n> Install Python 3.12." in body
    assert "**ℹ️ Did you know?**\n> Python is 30 years old." in body
    for raw in ("{/*", "TODO", "type checking", "generated"):
        assert raw not in body
        assert raw not in all_text(role)
    assert searched(role, "generated roadmap repo") == []


def test_docusaurus_tabs_keep_their_labels():
    role, _ = parse_body(DOCUSAURUS)
    body = phase_body(role.phases[0])
    assert "**Linux:** Run `sudo apt install docker.io`." in body
    assert "**mac:** Install Docker Desktop from the website." in body
    assert "<Tab" not in body


def test_the_same_braces_in_code_and_prose_stay():
    body = (
        "## Phase 1: Helm (Weeks 1-3)\n\n- Templates: `{{ .Values.image }}` and `${{ secrets.TOKEN }}`\n\n"
        "```md\n{% hint style='info' %}\n:::note\n{/* kept */}\n```\n\nRatios like 1:::2 stay.\n"
    )
    role, _ = parse_body(body)
    shown = phase_body(role.phases[0])
    assert "`{{ .Values.image }}` and `${{ secrets.TOKEN }}`" in shown
    assert "```md\n{% hint style='info' %}\n:::note\n{/* kept */}\n```" in shown
    assert "Ratios like 1:::2 stay." in shown


def test_template_syntax_left_in_the_text_gets_one_warning_on_its_first_line():
    body = (
        "## Phase 1: Basics (Weeks 1-3)\n\n- Functions\n\n{% include toc.html %}\n\n"
        "- Copy with {{< kbd Ctrl+C >}}, not `{{< kbd x >}}` or ${{ secrets.TOKEN }}\n"
        "- Run {% unknown x %} first\n\n```yaml\nimage: {{ .Values.image }}\n```\n"
    )
    role, problems = parse_body(body)
    (warning,) = [p for p in problems if "template" in p.message]
    assert warning.message == (
        "2 template tags are shown as written (the first: '{{< kbd Ctrl+C >}}'): the bot does not run Jekyll, "
        "Hugo or GitBook; write the text they stand for instead"
    )
    assert role_lines(body)[warning.line - 1].startswith("- Copy with {{< kbd Ctrl+C >}}")
    assert "Copy with {{< kbd Ctrl+C >}}" in phase_body(role.phases[0])


def test_template_syntax_the_bot_reads_gets_no_warning():
    for body in (GITBOOK, HUGO, LIQUID.replace("Welcome to {{ site.title }}.", "Welcome.")):
        _, problems = parse_body(body)
        assert [p.message for p in problems if "template" in p.message] == []


def test_a_shell_line_that_opens_the_body_with_export_is_text_not_an_mdx_statement():
    body = "export PATH=$HOME/.local/bin:$PATH before anything else.\n\n## Phase 1: Shell (Weeks 1-3)\n\n- Paths\n"
    role, _ = parse_body(body)
    assert "export PATH=$HOME/.local/bin:$PATH before anything else." in all_text(role)
    mdx = "import { Tabs } from '@theme/Tabs';\n\n## Phase 1: Shell (Weeks 1-3)\n\n- Paths\n"
    assert "@theme" not in all_text(parse_body(mdx)[0])


DIVS = """
# Guide

::: {#intro .abstract}
Written for the Tuesday study group.
:::

## Phase 1: Data (Weeks 1-3)

- Pandas

::: {.warning}
Back up the notebook first.
:::

::: {.callout-tip title="Shortcut"}
Press Shift+Enter to run a cell.
:::

::::note Layout

One folder per week.

:::danger

Never commit the data.

:::

::::

```{note}
The exercises live in `ex/`.
```

```{admonition} Optional reading
:class: tip
Chapter 3 of the handbook.
```

:::{important}
Submit by Friday.
:::

```{python}
print("a code cell")
```

- [ ] Load the dataset
"""


def test_pandoc_divs_docusaurus_nested_notes_and_myst_directives_are_notes_with_no_fence_shown():
    role, _ = parse_body(DIVS)
    body = phase_body(role.phases[0])
    assert "> ⚠️ Back up the notebook first." in body
    assert "**💡 Shortcut:**\n> Press Shift+Enter to run a cell." in body
    assert "**ℹ️ Layout:**\n> One folder per week." in body
    assert "> ❗ Never commit the data." in body
    assert "> ℹ️ The exercises live in `ex/`." in body
    assert "**💡 Optional reading:**\n> Chapter 3 of the handbook." in body
    assert "> 💡 Submit by Friday." in body
    assert 'print("a code cell")\n```' in body  # a code cell of Jupyter Book's stays code
    for raw in (":::", "{.", "{note}", "{admonition}", ":class:"):
        assert raw not in body
    intro = next(s for s in role.sections if s.title == "Guide")
    assert intro.text == "Written for the Tuesday study group."  # a div of no note: its text as written
    assert [i.text for i in role.checklist] == ["Load the dataset"]


QUARTO_HEADED_CALLOUTS = """
## Phase 1: Linear algebra (Weeks 1-2) {#sec-linalg}

::: {.callout-note collapse="true"}
## Why start here?
Every model later on is matrix multiplication.
:::

::: {.callout-tip}

### Shortcut {.unnumbered}
Skim it if you know it.
:::

- Vectors
"""


def test_a_quarto_callout_is_titled_by_the_heading_at_its_top_not_shown_with_its_hashes() -> None:
    role, problems = parse_body(QUARTO_HEADED_CALLOUTS)
    body = phase_body(role.phases[0])
    assert "**ℹ️ Why start here?**\n> Every model later on is matrix multiplication." in body
    assert "**💡 Shortcut:**\n> Skim it if you know it." in body
    assert "## Why" not in body and "### Shortcut" not in body and "{.unnumbered}" not in body
    # the heading is no section of its own: the phase keeps its bullets
    assert [s.title for s in role.sections if s.kind == "heading"] == []
    assert "Vectors" in body


def test_a_note_whose_line_runs_on_in_blanks_is_read_in_time_linear_in_its_size() -> None:
    """A directive, a div's or a MyST fence's line, or an option line, with a long run of blanks before its last
    word: a quadratic pattern would take minutes over these lines, so the file is read in a subprocess, with a
    limit."""
    script = (
        "from bot.content.loader import parse_bytes\n"
        "blank = ' ' * 50_000\n"
        "note = (\n"
        "    f'```{{note}} a{blank}x\\n:class: tip{blank}x\\ntext\\n```\\n\\n:::{{note}} b{blank}x\\ntext\\n:::\\n\\n'\n"
        "    f'::: {{.warning}} c{blank}x\\ntext\\n:::\\n\\n:::tip d{blank}x\\ntext\\n:::\\n\\n'\n"
        ")\n"
        "text = '---\\nname: t\\ndisplayName: T\\ndescription: d\\n---\\n# T\\n\\n## Phase 1: Notes (Weeks 1-2)\\n\\n'\n"
        "role, _ = parse_bytes((text + note * 3).encode(), 't.md')\n"
        "assert role is not None and role.phases\n"
    )
    finishes_in_a_minute(script, "reading notes with long lines")


EMBEDDED_VIDEOS = """import YouTube from '@site/src/components/YouTube';

## Phase 1: Linear algebra (Weeks 1-2)

{{< video https://www.youtube.com/watch?v=fNk_zzaMoSs >}}

<YouTube id="qz0aGYrrlhU" />

<ReactPlayer url="https://vimeo.com/12345" controls />

{{< video lecture-01.mp4 >}}

- Vectors
"""


def test_a_video_quarto_or_an_mdx_component_embeds_is_shown_as_its_link() -> None:
    role, problems = parse_body(EMBEDDED_VIDEOS)
    body = phase_body(role.phases[0])
    assert "https://www.youtube.com/watch?v=fNk_zzaMoSs" in body  # Quarto's video shortcode
    assert "https://www.youtube.com/watch?v=qz0aGYrrlhU" in body  # Docusaurus's <YouTube id=… />
    assert "https://vimeo.com/12345" in body
    assert "lecture-01" not in body and "<YouTube" not in body and "{{<" not in body  # a file of the site: nothing
    assert [p.message for p in problems] == []


# A Hugo page of tabs, each a table written right under its tab's line (Hugo renders a tab's text on its own, so each
# is a table on the site), in a school's planner of calendar weeks.
HUGO_TAB_TABLES = """
## Planners

{{< tabs >}}

{{% tab name="Year 4" %}}
Week|Theory|Practice
--|--|--
35|HTML tags|Exercise: intro to CSS
36|CSS selectors|Exercise: text properties

{{% /tab %}}

{{% tab name="Year 5" %}}
| Week | Theory |
|---|---|
| 35 | Microcontrollers |
{{% /tab %}}

{{< /tabs >}}
"""


def test_a_table_right_under_a_hugo_tab_is_read_as_a_table_under_its_label():
    role, _ = parse_body(HUGO_TAB_TABLES)
    text = all_text(role)
    assert "|" not in text  # no row left as a paragraph of pipes
    assert "**Year 4:**" in text and "**Year 5:**" in text
    # a table of weeks is read as any is: here its weeks are the plan's (starting at week 35, with a warning)
    assert [phase.title for phase in role.phases] == ["HTML tags", "CSS selectors"]
    assert "Microcontrollers — Week: 35" in text
    assert searched(role, "css selectors")[0].startswith("Week 36: CSS selectors")


def test_a_hugo_tabs_text_right_under_its_line_stays_labelled_by_it():
    role, _ = parse_body('## Setup\n\n{{< tabs >}}\n\n{{% tab name="Linux" %}}\nRun the installer.\n{{% /tab %}}\n')
    assert "**Linux:**\nRun the installer." in all_text(role)


def test_a_tab_right_after_another_tabs_table_is_no_row_of_that_table():
    # tabs written tight, with no blank line between a tab's end and the next tab's line: the second tab's label
    # stays on its own line, not a row of the first tab's table, nor glued to a paragraph before it
    role, _ = parse_body(
        "## Planners\n\n{{< tabs >}}\n"
        '{{% tab name="Year 4" %}}\n| Week | Theory |\n|---|---|\n| 1 | HTML tags |\n| 2 | CSS selectors |\n'
        '{{% /tab %}}\n{{% tab name="Year 5" %}}\n| Week | Theory |\n|---|---|\n| 1 | Microcontrollers |\n'
        "{{% /tab %}}\n{{< /tabs >}}\n"
    )
    assert [phase.title for phase in role.phases] == ["HTML tags", "CSS selectors"]
    assert "Year 5" not in " ".join(phase.title for phase in role.phases)
    text = all_text(role)
    assert "**Year 5:**" in text and "Microcontrollers — Week: 1" in text


def test_a_tabs_label_is_not_glued_to_the_paragraph_above_its_blank_line():
    role, _ = parse_body(
        '## Install\n\nPick your system below.\n\n{{% tab name="Linux" %}}\n| Step | Command |\n|---|---|\n'
        "| Update | apt update |\n{{% /tab %}}\n"
    )
    assert "Pick your system below.\n\n**Linux:**" in all_text(role)
