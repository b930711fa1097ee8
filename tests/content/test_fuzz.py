"""Property tests: no input crashes the parser, and generated role files parse to exactly what was written."""

from __future__ import annotations

import itertools
import json
import random
import unicodedata
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from bot.__main__ import role_json
from bot.content.loader import parse_bytes
from bot.content.parse import BOXES, DOTS, PRIORITY_MARKS
from bot.content.phases import without_progress_marks
from tests.content.helpers import role_file

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_problems(role, problems, data: bytes) -> None:
    """What any input must give: a role or a reason, and problems a user can act on."""
    assert role is not None or any(p.severity == "error" for p in problems), problems
    if role is not None:
        assert not any(p.severity == "error" for p in problems), problems
    max_line = data.count(b"\n") + data.count(b"\r") + 1
    for p in problems:
        assert p.file == "fuzz.md"
        assert p.severity in ("error", "warning")
        assert isinstance(p.message, str)
        assert p.message.strip()
        assert p.line is None or 1 <= p.line <= max_line, (p, max_line)
        str(p)  # the CLI prints it


# --- arbitrary input ---------------------------------------------------------------------------


@FAST
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(data):
    role, problems = parse_bytes(data, "fuzz.md")
    check_problems(role, problems, data)


@FAST
@given(st.text(max_size=1500))
def test_arbitrary_text_never_crashes(text):
    data = text.encode("utf-8", "surrogatepass")
    role, problems = parse_bytes(data, "fuzz.md")
    check_problems(role, problems, data)


MD_PIECES = st.sampled_from(
    [
        "---",
        "# ",
        "## ",
        "### Phase 1: A (Weeks 1-2)",
        "### Phase 2: B (Week 3)",
        "## Phase 3",
        "**Objective:** ",
        "**Label:**",
        "- ",
        "  - ",
        "- [ ] ",
        "- [x] ",
        "{#id}",
        "```",
        "~~~",
        "===",
        "\t",
        "\n",
        "\r\n",
        "name: x",
        "displayName: X",
        "description: d",
        "aliases: [a, b]",
        "timelineMonths: {a: 1-2}",
        "salaryRange:\n  senior: 1",
        ": [",
        "'",
        '"',
        "\ufeff",
        "🚀",
        "Ã©",
        "√©",
    ]
)


@FAST
@given(st.lists(st.one_of(MD_PIECES, st.text(max_size=12)), max_size=60))
def test_markdown_and_yaml_shaped_junk_never_crashes(pieces):
    text = "---\nname: fuzz\ndisplayName: Fuzz\ndescription: d\n" + "".join(pieces)
    data = text.encode("utf-8", "surrogatepass")
    role, problems = parse_bytes(data, "fuzz.md")
    check_problems(role, problems, data)


# --- generated valid role files ----------------------------------------------------------------

# Words a content author could really write: plain, accented, emoji, CJK and other scripts.
ASCII_WORDS = ["Foundations", "Databases", "APIs", "Security", "Go", "C++", "C#", "Node.js", "CI/CD", "k8s", "v2"]
ASCII_WORDS += ["&", "-", "+", "/", "101", "Deep", "Dive", "Data", "Cloud", "ML", "Ops", "Testing", "2024"]
UNICODE_WORDS = ["café", "naïve", "Größe", "señor", "São", "Paulo", "Ærø", "Øresund", "façade", "résumé", "Über"]
UNICODE_WORDS += ["Ünïcode", "Ελληνικά", "Привет", "学习", "数据库", "データ", "한국어", "עברית", "العربية", "हिन्दी"]
UNICODE_WORDS += ["🚀", "✅", "⭐", "🔐", "🧠", "👩🏽‍💻", "—", "–", "…", "“quoted”", "‘single’", "€100", "½", "№"]
# Random code points from scripts that no single-byte code page can hold, so they are never "mojibake".
_SCRIPTS = [(0x0620, 0x064A), (0x0905, 0x0939), (0x0E01, 0x0E30), (0x3041, 0x3096), (0x30A1, 0x30FA)]
_SCRIPTS += [(0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0x1F300, 0x1F5FF), (0x1F900, 0x1F9FF), (0x2600, 0x26FF)]
SCRIPT_CHARS = [chr(c) for a, b in _SCRIPTS for c in range(a, b + 1) if unicodedata.category(chr(c)) in ("Lo", "So")]
WORDS = ASCII_WORDS + UNICODE_WORDS
TITLE_EDGES = " \t:-–—|.,;·•"


def bare_title(title: str) -> str:
    """A phase title as shown: without the separators and emoji at its edges, unless it is nothing else."""
    chars = list(title)
    while chars and (chars[0] in TITLE_EDGES or unicodedata.category(chars[0]) in ("So", "Sk", "Mn", "Me", "Cf")):
        chars.pop(0)
    while chars and (chars[-1] in TITLE_EDGES or unicodedata.category(chars[-1]) in ("So", "Sk", "Mn", "Me", "Cf")):
        chars.pop()
    bare = "".join(chars) or title.strip(TITLE_EDGES)
    # a slash with a blank beside it is a separator too ('Wk 7 / Deploy'), a slash in a word ('/etc') is not
    if bare[:2] in ("/ ", "/\t") or bare[-2:] in (" /", "\t/"):
        return bare_title(bare[2:] if bare[:1] == "/" else bare[:-2])
    return bare


def phrase(rnd: random.Random, min_words: int = 1, max_words: int = 5) -> str:
    """A few words: mostly real ones, some random characters from other scripts."""
    words = []
    for _ in range(rnd.randint(min_words, max_words)):
        if rnd.random() < 0.8:
            words.append(rnd.choice(WORDS))
        else:
            words.append("".join(rnd.choice(SCRIPT_CHARS) for _ in range(rnd.randint(1, 4))))
    return " ".join(words)


@dataclass
class Generated:
    text: str  # with LF line endings, no BOM
    data: bytes  # as written to disk: BOM and line endings applied
    phases: list[tuple[int, str, tuple[int, int], str]]  # number, title, weeks, objective
    checklist: list[tuple[str, str]]  # text, group

    def __repr__(self) -> str:  # shown by hypothesis on failure
        return f"Generated(data={self.data!r})"


@st.composite
def role_files(draw) -> Generated:
    """A valid role file. Hypothesis picks the shape; a seeded Random fills in the words (much faster to draw)."""
    n_phases = draw(st.integers(1, 7), label="phases")
    n_groups = draw(st.integers(0, 4), label="checklist groups")
    level = draw(st.integers(2, 4), label="phase heading level")
    endings = draw(st.sampled_from(["lf", "crlf", "cr", "mixed"]), label="line endings")
    bom = draw(st.booleans(), label="BOM")
    rnd = random.Random(draw(st.integers(0, 2**32 - 1), label="seed"))

    lines: list[str] = []
    name = rnd.choice(["backend", "data-eng", "x", "ml-ops-2", "a1-b2-c3"])
    lines += ["---", f"name: {name}", f"displayName: {json.dumps(phrase(rnd, 1, 4), ensure_ascii=False)}"]
    lines += [f"description: {json.dumps(phrase(rnd, 1, 8), ensure_ascii=False)}"]
    if rnd.random() < 0.5:
        lines += ["salaryRange:", '  senior: "$135K-$180K"']
    lines += ["timelineMonths:", f"  steady: {rnd.randint(1, 6)}-{rnd.randint(7, 24)}", "---", ""]

    # A document title that always holds some non-ASCII text, like the shipped files' emoji.
    title = rnd.choice(UNICODE_WORDS) + " " + phrase(rnd, 1, 4)
    if rnd.random() < 0.3:
        lines += [title, "=" * rnd.randint(1, 12), ""]
    else:
        lines += [f"# {title}", ""]
    lines += [rnd.choice(["Intro text.", "Some intro – with “quotes”.", "Plain words"]), ""]

    if level > 2:
        lines += ["## Learning Path", ""]
    phases = []
    week = 1
    for number in range(1, n_phases + 1):
        first = week
        last = week = first + rnd.randint(0, 8)
        week += 1
        ph_title = phrase(rnd, 1, 5)
        # a title of words: one of marks alone ('✅ — ✅') reads as the author's progress on nothing
        while not any(c.isalnum() for c in ph_title):
            ph_title = phrase(rnd, 1, 5)
        sep = rnd.choice([":", " -", " –", " —", ":"])
        if first == last and rnd.random() < 0.5:
            weeks = f"Week {first}"
        else:
            dash = rnd.choice(["-", "–", "—", " - ", " to "])
            weeks = f"{rnd.choice(['Weeks', 'weeks', 'WEEKS'])} {first}{dash}{last}"
        heading = f"Phase {number}{sep} {ph_title} ({weeks})"
        if rnd.random() < 0.3:
            heading = f"**{heading}**"
        objective = phrase(rnd, 1, 6)
        lines += [f"{'#' * level} {heading}", f"**Objective:** {objective}", ""]
        # Separators at a title's edges belong to the heading's punctuation ('Phase 1 — Go — (Weeks 1-4)').
        phases.append((number, bare_title(ph_title), (first, last), objective))
        for _ in range(rnd.randint(0, 3)):
            block = rnd.choice(["bullets", "bullets", "label", "text", "fence"])
            if block == "text":
                lines += ["Some words " + phrase(rnd, 0, 4), ""]
                continue
            if block == "fence":
                fence = rnd.choice(["```", "~~~", "````"])
                lines += [fence, "### Phase 99: Not a phase (Weeks 1-2)", "- [ ] not an item", "# not a title", fence]
                continue
            if block == "label":
                lines += [f"**{phrase(rnd, 1, 3)}:**"]
            indent = 0
            for _ in range(rnd.randint(1, 5)):
                indent = rnd.choice(sorted({0, indent, indent + 2}))
                text = phrase(rnd, 1, 6)
                # '- ✅ ...' is a checklist item of its own kind, also as a list inside this one ('- - ✅ ...'):
                # not what this draws.
                if text.lstrip("-*+0123456789. ")[:1] in BOXES:
                    text = "x " + text
                if rnd.random() < 0.3:
                    text = f"**{phrase(rnd, 1, 2)}:** {text}"
                lines += [f"{' ' * indent}{rnd.choice(['-', '*', '+', '1.'])} {text}"]
            lines += [""]

    lines += ["## ✅ Checklist", ""]
    checklist = []
    n = 0
    for _ in range(n_groups):
        group = phrase(rnd, 1, 4)
        lines += [f"### {group}"]
        for _ in range(rnd.randint(1, 5)):
            n += 1
            # A distinct number keeps every item's meaning (and so its ID) distinct: one no phrase can hold (a
            # phrase's "½" reads as the numbers 1 and 2, so "½ task 1" and "½ task 2" would mean the same).
            item = f"{phrase(rnd, 0, 5)} task {1000 + n}".strip()
            lines += [f"{rnd.choice(['-', '*', '+'])} {rnd.choice(['[ ]', '[x]', '[X]'])} {item}"]
            checklist.append((task_title(item), group))
        lines += [""]
    text = "\n".join(lines) + "\n"

    if endings == "mixed":
        out = "".join(ln + rnd.choice(["\n", "\r\n"]) for ln in lines)
    else:
        out = text.replace("\n", {"lf": "\n", "crlf": "\r\n", "cr": "\r"}[endings])
    return Generated(text, (b"\xef\xbb\xbf" if bom else b"") + out.encode("utf-8"), phases, checklist)


@SLOW
@given(role_files())
def test_generated_role_files_parse_to_exactly_what_was_written(gen):
    role, problems = parse_bytes(gen.data, "fuzz.md")
    assert role is not None, problems
    assert problems == [], problems
    assert [(p.number, p.title, p.weeks, p.objective) for p in role.phases] == gen.phases
    assert [(i.text, i.group) for i in role.checklist] == gen.checklist
    assert role.total_weeks == gen.phases[-1][2][1]
    # Byte-level details (BOM, line endings) never change the result.
    plain, _ = parse_bytes(gen.text.encode("utf-8"), "fuzz.md")
    assert role_json(plain) == role_json(role)


@st.composite
def mutated(draw) -> bytes:
    gen = draw(role_files())
    lines = gen.text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["delete", "duplicate", "swap", "shuffle"]))
        if how == "delete":
            del lines[i]
        elif how == "duplicate":
            lines.insert(i, lines[i])
        elif how == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines = draw(st.permutations(lines))
        if not lines:
            lines = [""]
    return "\n".join(lines).encode("utf-8")


@FAST
@given(mutated())
def test_mutated_role_files_never_crash(data):
    role, problems = parse_bytes(data, "fuzz.md")
    check_problems(role, problems, data)
    if role is not None:
        weeks = [p.weeks for p in role.phases]
        assert all(1 <= a <= b for a, b in weeks)
        assert all(b1 < a2 for (_, b1), (a2, _) in itertools.pairwise(weeks))  # never overlapping
        assert len({i.id for i in role.checklist}) == len(role.checklist)


# --- mojibake ----------------------------------------------------------------------------------

_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def mis_decode(data: bytes, code_page: str) -> str:
    """Read UTF-8 bytes with a single-byte code page, as a misconfigured editor does."""
    if code_page == "cp1252":
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; Windows and browsers map them through latin-1.
            return "".join(chr(b) if b in _CP1252_HOLES else bytes([b]).decode("cp1252") for b in data)
    return data.decode(code_page)


def repair_warnings(problems) -> list:
    return [p for p in problems if p.severity == "warning" and "wrong encoding" in p.message]


@SLOW
@given(gen=role_files(), code_page=st.sampled_from(["mac_roman", "cp1252"]))
def test_mojibake_round_trip_gives_the_same_role_with_a_warning(gen, code_page):
    original, problems = parse_bytes(gen.data, "fuzz.md")
    assert original is not None, problems
    damaged = mis_decode(gen.data, code_page).encode("utf-8")
    assert damaged != gen.data  # the title always holds non-ASCII text
    role, problems = parse_bytes(damaged, "fuzz.md")
    assert role is not None, problems
    assert role_json(role) == role_json(original)
    [warning] = problems
    assert warning.severity == "warning"
    assert warning.line is None
    assert repair_warnings(problems) == [warning]


@SLOW
@given(gen=role_files(), code_page=st.sampled_from(["mac_roman", "cp1252"]))
def test_a_few_damaged_lines_in_a_correct_file_are_repaired(gen, code_page):
    lines = gen.text.split("\n")
    damaged_at = [i for i, ln in enumerate(lines) if not ln.isascii() and i > 0]
    assume(len(damaged_at) >= 2)
    # Damage only the last non-ASCII line; the others stay correct, so only a line-by-line repair can fix it.
    i = damaged_at[-1]
    lines[i] = mis_decode(lines[i].encode("utf-8"), code_page)
    role, problems = parse_bytes("\n".join(lines).encode("utf-8"), "fuzz.md")
    original, _ = parse_bytes(gen.text.encode("utf-8"), "fuzz.md")
    assert role is not None, problems
    assert role_json(role) == role_json(original)
    assert len(repair_warnings(problems)) == 1


STARS = "⭐🌟★☆"


def task_title(item: str) -> str:
    """Return a task's title as written: a leading '⭐' or '🔥' marks a board card's priority, a coloured dot or a
    rating of two or more stars at either end ('café ⭐ ⭐', '⚪ Docker') marks its status, and ticks after it ('café
    ✅') the author's progress: no words of its title."""
    rest = item.lstrip(PRIORITY_MARKS + " \t")
    title = rest if any(c.isalnum() for c in rest) else item
    marks = DOTS + STARS + "\ufe0f \t"
    head = title.lstrip(marks)
    if head and _status(title[: len(title) - len(head)]):
        title = head
    tail = title.rstrip(marks)
    if tail and _status(title[len(tail) :]):
        title = tail
    return without_progress_marks(title)


def _status(marks: str) -> bool:
    return any(c in DOTS for c in marks) or sum(c in STARS for c in marks) >= 2


CORRECT_TEXT = st.lists(
    st.one_of(
        st.sampled_from(UNICODE_WORDS),
        st.sampled_from(ASCII_WORDS),
        st.text(st.sampled_from(SCRIPT_CHARS), min_size=1, max_size=4),
        st.text(
            st.characters(categories=["Ll", "Lu"], min_codepoint=0xC0, max_codepoint=0x17F), min_size=1, max_size=1
        ),
    ),
    min_size=1,
    max_size=8,
).map(" ".join)


@FAST
@given(title=CORRECT_TEXT, objective=CORRECT_TEXT, item=CORRECT_TEXT)
@example(title="café", objective="naïve", item="café ⭐ ⭐")  # a rating after the task: its status, no word of it
@example(title="São", objective="Über", item="⚪ señor")  # a status dot before it
@example(title="café", objective="café", item="café ✅")  # the author's tick after it
def test_correct_non_ascii_text_is_never_repaired(title, objective, item):
    text = (
        "---\nname: x\ndisplayName: X\ndescription: d\n---\n"
        f"# {title}\n### Phase 1: Basics (Weeks 1-2)\n**Objective:** {objective}\n## C\n- [ ] {item}\n"
    )
    role, problems = parse_bytes(text.encode("utf-8"), "fuzz.md")
    assert problems == []
    assert role.title == title.strip()
    assert role.phases[0].objective == objective.strip()
    assert role.checklist[0].text == task_title(item.strip())


@pytest.mark.parametrize("code_page", ["mac_roman", "cp1252"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["no-bom", "bom"])
def test_accented_file_damaged_by_either_code_page_is_repaired(code_page, bom):
    # Only accents, no emoji: 'CafÃ©' (cp1252 damage) also encodes in Mac Roman, to 'Caf' + U+0329.
    body = "# Café résumé\n### Phase 1: São Paulo señor (Weeks 1-2)\n**Objective:** façade\n## C\n- [ ] Señor résumé\n"
    good = bom + role_file(display="Café", body=body).encode("utf-8")
    original, problems = parse_bytes(good, "fuzz.md")
    assert problems == []
    role, problems = parse_bytes(mis_decode(good, code_page).encode("utf-8"), "fuzz.md")
    assert [p.severity for p in problems] == ["warning"]
    assert role_json(role) == role_json(original)
    assert (role.title, role.phases[0].title, role.display_name) == ("Café résumé", "São Paulo señor", "Café")


@pytest.mark.parametrize("code_page", ["mac_roman", "cp1252"])
def test_seed_saved_with_a_bom_and_damaged_is_repaired(seed_text, code_page):
    good = b"\xef\xbb\xbf" + seed_text.encode("utf-8")
    original, _ = parse_bytes(good, "backend-engineer.md")
    role, problems = parse_bytes(mis_decode(good, code_page).encode("utf-8"), "backend-engineer.md")
    assert role is not None, problems
    assert [p.severity for p in problems] == ["warning"]
    assert role_json(role) == role_json(original)


@pytest.mark.parametrize("word", ["½ done", "°C", "£5", "α-β", "Český šum", "中文", "हिन्दी", "да"])
def test_one_damaged_line_is_found_whatever_script_it_holds(word):
    # Mac Roman damage of some of these shows no accented letter at all: '¬Ω', '¬∞', '¬£', 'Œ±-Œ≤', '–¥–∞'.
    good = role_file(body=f"# 🚀 Path\n### Phase 1: Basics (Weeks 1-2)\n**Objective:** o\n## C\n- [ ] Learn {word}\n")
    damaged = good.replace(f"Learn {word}", f"Learn {word}".encode().decode("mac_roman"))
    role, problems = parse_bytes(damaged.encode("utf-8"), "fuzz.md")
    assert [p.severity for p in problems] == ["warning"], problems
    assert role.checklist[0].text == f"Learn {word}"


# Pieces that spans and Latin-language phase words are made of, in any case, to build headings from.
HEADING_PIECES = st.sampled_from(
    [
        *("Week", "weeks", "WKS", "W", "Woche", "Semanas", "mês", "Month", "mesi", "Days", "Tage", "día", "jours"),
        *("Stage", "tage", "Hafta", "Aşama", "ETAP", "tygodnie", "Minggu", "Tuần", "weken", "maand", "dni"),
        *("1", "12", "3", "-", "–", " to ", " bis ", " & ", "(", ")", "[", "]", " ", "  ", "#", ":", "x", "Phase", "ſ"),
    ]
)


@FAST
@given(st.lists(HEADING_PIECES, max_size=10).map("".join), st.integers(0, 4), st.integers(0, 4))
def test_the_fast_span_and_language_lookups_find_what_their_regexes_find(text: str, pos: int, cut: int):
    from bot.content import phases

    end = max(pos, len(text) - cut)
    slow = phases._SPAN_AT.search(text, pos, end)
    fast = phases._span_search(text, pos, end)
    assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict()))
    said = phases._DIGIT.search(text) is not None and phases._LATIN_MAYBE.search(text) is not None
    assert phases._maybe_latin(text) is said


# Pieces of ASCII titles, with the author's progress written in them or words that look like it.
TITLE_PIECES = st.sampled_from(
    [
        *("Linux", "Docker", "Week 2", "Getting started", "(basics)", "Electricity", " ", " - ", " | ", " <- "),
        *(" (done)", " (Done)", " (WIP)", " (in progress)", " (Completed)", " (not yet started)", " (pending)"),
        *(" (current)", " (Current Week)", " (Hecho)", " (en curso)", " (fertig)", " (100% done)", " (60 %)"),
        *(
            " (Paused)",
            " (a faire)",
            " [x]",
            " [ ]",
            " done",
            " Done",
            " you are here",
            "(",
            ")",
            ":",
            "x",
            " (Current)",
        ),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(TITLE_PIECES, min_size=2, max_size=5).map("".join))
def test_the_quick_look_for_a_status_in_a_title_finds_what_its_regex_finds(title: str):
    from bot.content import phases

    # '(Current)' after a week's number ('Week 2 (Current)') is cut before the regex looks
    place = phases._CURRENT_AFTER_NUMBER.search(title)
    cut = title if place is None else title[: place.start("current")] + title[place.end() :]
    found = phases._STATUS_AT_END.search(cut)
    slow = " ".join(phases._STATUS_AT_END.sub(" ", cut).split()).rstrip(phases._EDGES) if found else cut
    assert phases.without_status.__wrapped__(title) == (slow or cut)
