"""What users type, checked in one place: group names, proof links, time zones, and the note for a stored zone."""

from __future__ import annotations

import pytest

from bot.handlers.inputs import MAX_PROOF, check_name, check_proof, parse_zone, read_pace
from bot.present import zone_note
from bot.services import UserError

DIRECTION = [chr(c) for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))]
INVISIBLE = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\ufeff",
    "\u180e",
    "\u2060",
    "\u206a",
    "\u00ad",
    "\u3164",
    "\u2800",
    "\U000e0041",
]
CONTROL = ["\x00", "\x07", "\x1b", "\x7f", "\x85"]

# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Night Owls", "Night Owls"),
        ("  Night \t  Owls \n", "Night Owls"),
        ("@everyone <@&123> **x** `y`", "@everyone <@&123> **x** `y`"),  # allowed, and escaped wherever shown
        ("🦉", "🦉"),
        ("👩\u200d💻 Coders", "👩\u200d💻 Coders"),  # an emoji sequence needs its joiner
        ("❤\ufe0f\u200d🔥", "❤\ufe0f\u200d🔥"),
        ("می\u200cخواهم", "می\u200cخواهم"),  # Persian writes with a non-joiner between letters
        ("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f Scots", None),  # a flag's tag characters
        ("1\ufe0f\u20e3 Team", None),
        ("x" * 50, "x" * 50),
    ],
)
def test_a_name_is_tidied(typed: str, stored: str | None) -> None:
    assert check_name(typed) == (stored or typed)


@pytest.mark.parametrize("hidden", CONTROL)
@pytest.mark.parametrize("where", ["{}Owls", "Ni{}ght", "Owls{}", "{}"])
def test_a_name_with_a_control_character_is_refused(hidden: str, where: str) -> None:
    with pytest.raises(UserError, match=r"can't contain a control character \(U\+00"):
        check_name(where.format(hidden))


@pytest.mark.parametrize("hidden", DIRECTION)
@pytest.mark.parametrize("where", ["{}Owls", "Ni{}ght", "Owls{}", "{}"])
def test_a_name_that_turns_text_around_is_refused(hidden: str, where: str) -> None:
    with pytest.raises(UserError, match="can't contain a character that changes the text's direction"):
        check_name(where.format(hidden))


@pytest.mark.parametrize("hidden", INVISIBLE)
@pytest.mark.parametrize("where", ["{}Owls", "Ni{}ght", "Owls{}", "{}", "{}{}"])
def test_a_name_with_an_invisible_character_is_refused(hidden: str, where: str) -> None:
    with pytest.raises(UserError, match="can't contain an invisible character") as raised:
        check_name(where.format(hidden, hidden))
    assert f"U+{ord(hidden):04X}" in str(raised.value)
    assert "Type it again without it" in str(raised.value)


@pytest.mark.parametrize("blank", ["", "   ", "\u2003\u3000", "\n\t", "\u0301", "\ufe0f"])
def test_a_name_needs_something_visible(blank: str) -> None:
    with pytest.raises(UserError, match="needs at least one visible letter, digit or symbol"):
        check_name(blank)


def test_a_name_has_at_most_50_characters() -> None:
    with pytest.raises(UserError, match="needs 1 to 50 characters; this one has 51"):
        check_name("x" * 51)


# ---------------------------------------------------------------- proof links


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("https://github.com/ann/api", "https://github.com/ann/api"),
        ("  http://x.org  ", "http://x.org"),
        ("HTTPS://GitHub.com/Ann", "HTTPS://GitHub.com/Ann"),
        ("https://github.com/me/repo?a=b:c#L1", "https://github.com/me/repo?a=b:c#L1"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("https://bücher.de/x", "https://bücher.de/x"),
        ("https://xn--bcher-kva.de/x", "https://xn--bcher-kva.de/x"),
        ("http://8.8.8.8/notes", "http://8.8.8.8/notes"),
        ("https://example.com/a(b)", "https://example.com/a%28b%29"),  # would end a masked link early
        ("https://example.com/<@123>", "https://example.com/%3C@123%3E"),
        ("https://example.com/`x`", "https://example.com/%60x%60"),
        ("https://example.com/**x**||y||", "https://example.com/%2A%2Ax%2A%2A%7C%7Cy%7C%7C"),
        ("https://example.com/@everyone/@Here", "https://example.com/%40everyone/%40Here"),
        ("https://medium.com/@ann/my_post~1", "https://medium.com/@ann/my_post~1"),
        (None, None),
        ("   ", None),
    ],
)
def test_a_proof_is_a_link_to_a_real_host(typed: str | None, stored: str | None) -> None:
    assert check_proof(typed) == stored


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("https://@everyone", "has a user name or an @ before its host"),
        ("https://user:pw@example.com", "has a user name or an @ before its host"),
        ("https://example.com/\u202egnp.exe", "contains a character that changes the text's direction (U+202E)"),
        ("https://example.com/%e2%80%aegnp.exe", "contains a character that changes the text's direction (U+202E)"),
        ("https://example.com/\u2067x", "contains a character that changes the text's direction (U+2067)"),
        ("https://example.com/x\u200f", "contains a character that changes the text's direction (U+200F)"),
        ("https://exa\u200bmple.com/", "contains an invisible character (U+200B)"),
        ("https://example.com/%EF%BB%BF", "contains an invisible character (U+FEFF)"),
        ("https://example.com/%00", "contains a control character (U+0000)"),
        ("javascript:alert(1)", "must start with https://"),
        ("JavaScript://example.com/%0aalert(1)", "contains a control character (U+000A)"),
        ("data:text/html,hi", "must start with https://"),
        ("example.com/x", "must start with https://"),
        ("https://", "has no host after https://"),
        ("https:///path", "has no host after https://"),
        ("http://localhost", "points to this computer (localhost)"),
        ("http://api.localhost:8000", "points to this computer (localhost)"),
        ("http://127.0.0.1:5000", "points to a private or local address"),
        ("http://[fe80::1]/", "points to a private or local address"),
        ("http://169.254.169.254/latest", "points to a private or local address"),
        ("https://nas.local/x", "points to a local or reserved name"),
        ("https://router.home.arpa/", "points to a local or reserved name"),
        ("https://exa mple.com", "contains a space"),
        ("https://example.com/a b", "contains a space"),
        ("https://gist/1", "has no real host name (like example.org) but 'gist'"),
        ("https://example.c0m/", "has no real host name"),
        ("https://exa_mple.com/", "has no real host name"),
        ("https://a..com/", "has a host name that isn't valid"),
        ("https://example.com:70000/", "has a port that isn't a number from 0 to 65535"),
        ("https://example.com\\@evil.com", "contains a backslash"),
        ("https://example.com/" + "a" * MAX_PROOF, f"is {20 + MAX_PROOF} characters long; at most {MAX_PROOF} fit"),
    ],
)
def test_a_proof_that_is_not_a_link_to_a_real_host_is_refused(typed: str, problem: str) -> None:
    with pytest.raises(UserError) as raised:
        check_proof(typed)
    message = str(raised.value)
    assert message.startswith(f"That proof link {problem}"), message
    assert message.endswith("Use the https:// link of your work, e.g. https://github.com/you/project or a blog post.")


def test_a_refused_proof_quotes_its_host_escaped() -> None:
    with pytest.raises(UserError) as raised:
        check_proof("https://**x**/")
    assert "'\\*\\*x\\*\\*'" in str(raised.value)


# ---------------------------------------------------------------- time zones


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("localtime", "'localtime' names a setting of the server's own clock, not a place"),
        ("posixrules", "'posixrules' names a setting of the server's own clock, not a place"),
        ("Factory", "'Factory' names a setting of the server's own clock"),
        ("right/UTC", "Use `timezone:UTC`."),
        ("US/Pacific", "'US/Pacific' is an old name of America/Los_Angeles: use `timezone:America/Los_Angeles`."),
        ("CET", "'CET' is an abbreviation, not a place"),
        ("Etc/GMT+2", "'Etc/GMT+2' is not a time zone but a fixed offset"),
        ("Berlin", "'Berlin' is not a time zone. Did you mean `timezone:Europe/Berlin`?"),
        ("Mars/Olympus", "'Mars/Olympus' is not a time zone. Use an IANA name like Europe/Berlin"),
        ("**Mars**/`x`", "'\\*\\*Mars\\*\\*/\\`x\\`' is not a time zone."),
        ("@everyone", "'@\u200beveryone' is not a time zone."),
    ],
)
def test_a_zone_that_is_not_canonical_is_refused_with_what_to_use(typed: str, message: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_zone(typed)
    assert message in str(raised.value)


def test_a_canonical_zone_is_read_in_its_own_spelling() -> None:
    assert [parse_zone(z) for z in ("europe/berlin", "UTC", "Etc/UTC", " Asia/Kolkata ")] == [
        "Europe/Berlin",
        "UTC",
        "Etc/UTC",
        "Asia/Kolkata",
    ]


def test_zone_note() -> None:
    assert zone_note(None, "Europe/Berlin", "US/Pacific") == ""
    note = zone_note(None, "localtime")
    assert note.startswith("⚠️ Your time zone 'localtime' isn't one this server can use, so times and weeks follow UTC.")
    assert "`/remind set timezone:`" in note
    assert zone_note("right/UTC", "Europe/Berlin").startswith("⚠️ Your time zone 'right/UTC'")
    group = zone_note("posixrules", whose="This group's")
    assert (
        group == "⚠️ This group's time zone 'posixrules' isn't one this server can use, so times and weeks follow UTC."
    )
    assert "**" not in zone_note("**x**")


PACES = {"complete_beginner": (9, 12), "programming_background": (6, 9), "full_time_accelerated": (4, 6)}


@pytest.mark.parametrize(
    ("typed", "pace"),
    [
        ("complete_beginner", "complete_beginner"),
        ("complete beginner", "complete_beginner"),
        ("Complete-Beginner", "complete_beginner"),
        ("  COMPLETE   BEGINNER ", "complete_beginner"),
        ("beginner", "complete_beginner"),
        ("complete beginer", "complete_beginner"),
        ("full time", "full_time_accelerated"),
        ("prog", "programming_background"),
        ("programing background", "programming_background"),
    ],
)
def test_read_pace_takes_what_people_type(typed: str, pace: str) -> None:
    assert read_pace(typed, PACES, "Backend Engineer") == pace


@pytest.mark.parametrize("typed", ["slow", "", "back", "x" * 200])
def test_read_pace_names_the_paces_when_it_cannot_tell(typed: str) -> None:
    with pytest.raises(UserError) as error:
        read_pace(typed, PACES, "Backend Engineer")
    message = str(error.value)
    assert "is not a pace of Backend Engineer" in message
    assert "**complete beginner** (9-12 months)" in message
    assert len(message) < 400


def test_a_pace_of_one_number_of_months_is_named_so() -> None:
    with pytest.raises(UserError) as error:
        read_pace("slow", {"steady": (6, 6), "fast": (3, 4)}, "Data Engineer")
    assert "**steady** (6 months), **fast** (3-4 months)" in str(error.value)


def test_read_pace_on_a_path_with_one_pace() -> None:
    with pytest.raises(UserError, match=r"it has one pace, its weeks as written\. Leave out the pace\."):
        read_pace("fast", {}, "Notes")
