"""A learner and a study group on a German (or Spanish) path, through a console in that language, for two weeks.

The role file is written in the language too, so every line the bot prints must be in it: no English word of
the bot's own may show (the console's `reminder to NAME at TIME` headers, which tools read, aside).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.console import Console
from bot.content.holder import ContentHolder
from bot.services import Services
from tests.console.conftest import NOW

ROADMAPS = Path(__file__).resolve().parents[1] / "fixtures" / "roadmaps"

# Words of the bot's English replies that are no word of German or Spanish (nor of the fixtures' role files).
ENGLISH = re.compile(
    r"\b(the|your|you|you're|week|weeks|this|progress|streak|items?|reminders?|today|finish(?:ed)?|behind|ahead|"
    r"on track|welcome|checklist|enrolled|pace|groups?|members?|next|step|clicks?|shows?|hidden|done|of|and|"
    r"with|what|when|phase \d+ of|page|only you|select|review|still got it|worked on this|nothing|yet)\b",
    re.IGNORECASE,
)
CASES = {
    "de": {
        "file": "german-backend.md",
        "role": "german-backend",
        "item": "Ein eigenes Repository",
        "topic": "Datenbanken",
        "questions": ("was steht in Woche 6 an?", "was kommt nach Datenbanken"),
        "zone": "Europe/Berlin",
        "words": ("Woche", "Fortschritt", "Checkliste"),
    },
    "es": {
        "file": "spanish-frontend.md",
        "role": "spanish-frontend",
        "item": "Publicar una página personal",
        "topic": "React",
        "questions": ("¿qué toca en la semana 6?", "qué viene después de React"),
        "zone": "Europe/Madrid",
        "words": ("semana", "progreso", "lista de tareas"),
    },
}


def _own_text(out: str) -> str:
    """Return what the bot wrote, without the headers tools read and the links role files give."""
    lines = [line for line in out.splitlines() if not line.startswith("reminder to ")]
    return re.sub(r"https?://\S+", "", "\n".join(lines))


@pytest.mark.parametrize("locale", ["de", "es"])
async def test_a_path_in_the_learner_language_is_answered_in_it_throughout(locale, store, tmp_path):
    case = CASES[locale]
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(ROADMAPS / case["file"], content / case["file"])
    holder = ContentHolder.load(content, NOW)
    assert not [p for p in holder.index.problems if p.severity == "error"]
    console = Console(Services(holder, store), "lena", NOW, locale=locale)
    role, zone = case["role"], case["zone"]
    lines = [
        f"/start-learning role:{role}",
        "/today",
        "/progress",
        "/checklist",
        f"/done item:{case['item']} proof:https://example.com/repo",
        "/phase",
        "/phase number:2",
        f"/skill-deep-dive topic:{case['topic']}",
        *(f"/skill-deep-dive topic:{question}" for question in case["questions"]),  # a week, what comes after
        "/roles",
        "/help",
        f"/remind set day:monday time:09:00 timezone:{zone}",
        f"/group create name:Eulen role:{role} channel:#lernen day:monday time:10:00 timezone:{zone}",
        "/group join name:Eulen",
        "click Show my progress to the group",  # English labels work in any console
        ":tick 7d",
        "click I worked on this",  # the English label works in any console
        "/group board name:Eulen",
        ":tick 7d",
        "/review",
        "/portfolio",
        "/progress",
        "/today",
        "/unknown",
        "/done item:zzzz qqqq",
    ]
    printed = []
    for line in lines:
        out = await console.handle_line(line)
        printed.append(out)
        own = _own_text(out)
        # SQL's SELECT and GROUP BY in a topic are the role file's, not the bot's.
        english = sorted({m.group(0).lower() for m in ENGLISH.finditer(own) if not m.group(0).isupper()})
        assert not english, f"{line!r} answered with English words {english}:\n{out}"
    everything = "\n".join(printed)
    for word in case["words"]:
        assert word in everything
    assert everything.count("reminder to lena at") >= 2  # a reminder each week, in the learner's language
