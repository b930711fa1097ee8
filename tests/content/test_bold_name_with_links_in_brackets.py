"""A bold name with its links in brackets after it, then what it is ('**Django** ([docs](…)): the web framework for
perfectionists', '**Flask** ([site](…), [repo](…)) - a micro framework'), is titled by the name, as a bold name
before a dash is; the bullet shows its links."""

from __future__ import annotations

from tests.content.helpers import parse_body

BODY = (
    "## Frameworks\n\n"
    "- **Django** ([docs](https://docs.djangoproject.com)): the web framework for perfectionists\n"
    "- **Flask** ([site](https://flask.palletsprojects.com), [repo](https://github.com/pallets/flask)) - a micro framework\n"
    "- **FastAPI** — modern and fast\n"
)


def test_a_bold_name_before_its_links_in_brackets_titles_the_bullet() -> None:
    role, _ = parse_body(BODY)
    assert [s.title for s in role.sections][3:] == ["Django", "Flask", "FastAPI"]
    shown = {s.title: s.text for s in role.sections}
    assert "[docs](https://docs.djangoproject.com)" in shown["Django"]
