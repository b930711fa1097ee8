"""What users type, checked in one place: names, proof links and time zones.

Each check returns the value to store (tidied) or raises a `UserError` that says what is wrong and
what to type instead. Text quoted back in a message goes through `escape_user_text`.

* A **name** (a study group's) is 1 to `MAX_NAME` characters on one line, with something visible in
  it, and none of: control characters (NUL, escape, …), characters that turn the text's direction
  around (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C), or invisible ones: every format
  character (U+200B, U+2060-U+2064, U+FEFF, U+180E, a soft hyphen, …) and the blanks that pass for
  letters (Hangul fillers, the braille blank). A zero-width joiner or non-joiner is kept where a script or
  an emoji needs it (between two emoji, or two letters of a script that uses them, not Latin), and so are
  the tag characters of a flag such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿.
* A **proof** is an `http://` or `https://` link to a real host: a domain name with a dot and a top-level
  domain of letters (or `xn--`), or a public IP address; no `localhost`, no user name or password
  before the host, no spaces, backslashes, control, direction or invisible characters (even
  percent-encoded), at most `MAX_PROOF` characters. It is stored with markup characters (`<>()[]"` and
  backticks, `*`, `|`, an `@` before `everyone` or `here`) percent-encoded: the same link, shown as one.
* A **time zone** is a canonical IANA name (see `bot.domain.zones`).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from urllib.parse import unquote, urlsplit

from bot.domain.weeks import local_today
from bot.domain.zones import ZoneChoice, read_zone, zone_or_utc
from bot.present import pace_label
from bot.render import escape_user_text
from bot.render.escape import BIDI_CONTROLS
from bot.services import UserError

__all__ = [
    "MAX_NAME",
    "MAX_PROOF",
    "check_name",
    "check_proof",
    "parse_start_date",
    "parse_zone",
    "read_pace",
    "zone_problem",
]

MAX_NAME = 50
MAX_PROOF = 500
_PACE_WORDS = re.compile(r"[\s_-]+")

INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0")
"""Characters that show nothing though they are no format characters (fillers, the braille blank)."""
_JOINERS = frozenset("\u200c\u200d")  # zero-width non-joiner and joiner
_EMOJI_PARTS = frozenset("\ufe0f\u20e3")  # variation selector 16, keycap


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc"


def _is_emoji_part(ch: str) -> bool:
    return unicodedata.category(ch) == "So" or ch in _EMOJI_PARTS or 0x1F3FB <= ord(ch) <= 0x1F3FF


def _joiner_has_a_place(text: str, at: int) -> bool:
    """Whether the joiner at `at` joins what needs it: two emoji (👩‍💻), or two letters of a non-Latin script."""
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if not before or not after:
        return False
    if _is_emoji_part(before) and _is_emoji_part(after):
        return True
    return all(unicodedata.category(ch)[0] in "LM" and ord(ch) >= 0x0590 for ch in (before, after))


def _is_flag_tag(text: str, at: int) -> bool:
    """Whether the tag character at `at` spells a flag: tags run on from an emoji (🏴 and then the region)."""
    while at > 0 and 0xE0020 <= ord(text[at - 1]) <= 0xE007F:
        at -= 1
    return at > 0 and _is_emoji_part(text[at - 1])


def _is_invisible(text: str, at: int) -> bool:
    ch = text[at]
    if ch in _JOINERS:
        return not _joiner_has_a_place(text, at)
    if 0xE0020 <= ord(ch) <= 0xE007F:
        return not _is_flag_tag(text, at)
    return ch in INVISIBLE or unicodedata.category(ch) == "Cf"


def _hidden_characters(text: str) -> str | None:
    """Name the first character of `text` that hides or turns text around, or None when there is none."""
    for at, ch in enumerate(text):
        if _is_control(ch):
            return f"a control character (U+{ord(ch):04X})"
        if ch in BIDI_CONTROLS:
            return f"a character that changes the text's direction (U+{ord(ch):04X})"
        if _is_invisible(text, at):
            return f"an invisible character (U+{ord(ch):04X})"
    return None


def _has_visible(text: str) -> bool:
    """Whether anything in `text` shows by itself: a letter, digit, punctuation or symbol (a mark needs one)."""
    return any(unicodedata.category(ch)[0] in "LNPS" and ch not in INVISIBLE for ch in text)


def check_name(text: str, what: str = "A group name") -> str:
    """Return a name with its whitespace tidied (one space between words), or say what is wrong with it."""
    hidden = _hidden_characters(text.replace("\n", " ").replace("\t", " ").replace("\r", " "))
    if hidden is not None:
        raise UserError(f"{what} can't contain {hidden}. Type it again without it (a copied name can bring one along).")
    name = " ".join(text.split())
    if not name or not _has_visible(name):
        raise UserError(f"{what} needs at least one visible letter, digit or symbol.")
    if len(name) > MAX_NAME:
        raise UserError(f"{what} needs 1 to {MAX_NAME} characters; this one has {len(name)}.")
    return name


_MARKUP_IN_URL = str.maketrans({c: f"%{ord(c):02X}" for c in '<>()[]"`*|'})
"""Characters percent-encoded in a proof, the same link to a browser: those that would end `<link>` or
`[text](link)` early (a mention, a second masked link), and bold and spoiler marks, rare in a link."""
_MENTION_IN_URL = re.compile(r"@(?=everyone|here)", re.IGNORECASE)
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TOP_LEVEL = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_LOCAL_NAMES = ("localhost", "localdomain", "local", "lan", "internal", "home.arpa", "invalid")
"""Names that lead to the viewer's own machine or network, never to a learner's work (RFC 6761, 6762, 8375)."""
PROOF_HINT = "Use the https:// link of your work, e.g. https://github.com/you/project or a blog post."


def _proof_error(problem: str) -> UserError:
    return UserError(f"That proof link {problem}. {PROOF_HINT}")


def _host_problem(host: str) -> str | None:
    """Say what is wrong with a link's host (already lowercased), or None when it is a real, public one."""
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        address = None
    if address is not None:
        return None if address.is_global else "points to a private or local address"
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return "has a host name that isn't valid"
    bare = ascii_host.rstrip(".")
    if bare == "localhost" or bare.endswith(".localhost"):
        return "points to this computer (localhost), which others can't open"
    labels = bare.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or not _TOP_LEVEL.match(labels[-1]):
        return f"has no real host name (like example.org) but '{escape_user_text(host, 60)}'"
    if any(bare == name or bare.endswith("." + name) for name in _LOCAL_NAMES):
        return "points to a local or reserved name, which others can't open"
    return None


def check_proof(text: str | None) -> str | None:
    """Return a proof link ready to show (markup characters percent-encoded), None when none was given."""
    if text is None or not text.strip():
        return None
    proof = text.strip()
    if len(proof) > MAX_PROOF:
        raise _proof_error(f"is {len(proof)} characters long; at most {MAX_PROOF} fit")
    hidden = _hidden_characters(proof) or _hidden_characters(unquote(proof))
    if hidden is not None:
        raise _proof_error(f"contains {hidden}, which can disguise where it leads")
    if any(ch.isspace() for ch in proof):  # urlsplit drops tabs and newlines, so look at the text itself
        raise _proof_error("contains a space; a link has none (a space in a path is written %20)")
    if "\\" in proof:
        raise _proof_error("contains a backslash, which browsers read as a slash")
    parts = urlsplit(proof)
    if parts.scheme.lower() not in ("http", "https"):
        raise _proof_error("must start with https:// (or http://)")
    if not parts.netloc:
        raise _proof_error("has no host after https://")
    if "@" in parts.netloc:
        raise _proof_error("has a user name or an @ before its host, which can hide where it leads")
    try:
        parts.port  # noqa: B018 - reading it checks it
    except ValueError:
        raise _proof_error("has a port that isn't a number from 0 to 65535") from None
    problem = _host_problem((parts.hostname or "").lower())
    if problem is not None:
        raise _proof_error(problem)
    return _MENTION_IN_URL.sub("%40", proof.translate(_MARKUP_IN_URL))


ZONE_EXAMPLES = "Europe/Berlin, America/New_York or Asia/Kolkata"


def zone_problem(text: str, choice: ZoneChoice) -> str:
    """Say why a typed time zone is refused and what to type instead."""
    shown = escape_user_text(text.strip(), 40)
    instead = f"Use your city's zone, like {ZONE_EXAMPLES} (autocomplete lists them), or UTC."
    if choice.problem == "alias":
        return f"'{shown}' is an old name of {choice.suggestion}: use `timezone:{choice.suggestion}`."
    if choice.problem == "abbreviation":
        return (
            f"'{shown}' is an abbreviation, not a place, and places that use it change their clocks on "
            f"different days. {instead}"
        )
    if choice.problem == "fixed_offset":
        return (
            f"'{shown}' is not a time zone but a fixed offset (no daylight saving; in `Etc/GMT+2` the sign is even "
            f"reversed: it means UTC-2). {instead}"
        )
    if choice.problem == "host":
        then = f" Use `timezone:{choice.suggestion}`." if choice.suggestion else f" {instead}"
        return (
            f"'{shown}' names a setting of the server's own clock, not a place: it means something else on "
            f"another machine.{then}"
        )
    if choice.suggestion:
        return f"'{shown}' is not a time zone. Did you mean `timezone:{choice.suggestion}`? Zones are named Area/City."
    return f"'{shown}' is not a time zone. Use an IANA name like {ZONE_EXAMPLES} (autocomplete lists them)."


def parse_zone(text: str) -> str:
    """Return the canonical IANA name of a typed time zone (case and spaces forgiven), or say what to use."""
    choice = read_zone(text)
    if choice.name is None:
        raise UserError(zone_problem(text, choice))
    return choice.name


def parse_start_date(text: str | None, now: datetime, tz: str = "UTC") -> date:
    """Read a start date (YYYY-MM-DD, 'today' or 'tomorrow'); default today in the learner's zone (or UTC)."""
    today = local_today(now, zone_or_utc(tz))
    if text is None or not text.strip() or text.strip().lower() == "today":
        return today
    value = text.strip().lower()
    if value == "tomorrow":
        return date.fromordinal(today.toordinal() + 1)
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        shown = escape_user_text(text.strip(), 40)
        raise UserError(f"Couldn't read the start date '{shown}'. Use YYYY-MM-DD, e.g. {today.isoformat()}.") from None
    if abs(parsed.toordinal() - today.toordinal()) > 366:
        raise UserError("The start date must be within a year of today.")
    return parsed


def read_pace(text: str, paces: Mapping[str, tuple[int, int]], path: str) -> str:
    """Read a pace as people type it ("complete beginner", "Complete-Beginner", "beginer") into its key.

    An exact match (ignoring case, spaces, dashes and underscores) wins, then a unique prefix
    ("part" for part_time), then the one pace with all the words typed ("beginner" for
    complete_beginner), then one clearly closest spelling; anything else is a UserError that lists
    the paces of `path` with their month ranges.
    """
    wanted = _PACE_WORDS.sub("_", text.strip().lower()).strip("_")
    keys = {_PACE_WORDS.sub("_", key.lower()).strip("_"): key for key in paces}
    if wanted in keys:
        return keys[wanted]
    words = set(wanted.split("_"))
    for matches in (
        [key for norm, key in keys.items() if wanted and norm.startswith(wanted)],
        [key for norm, key in keys.items() if wanted and words <= set(norm.split("_"))],
    ):
        if len(matches) == 1:
            return matches[0]
    from rapidfuzz import fuzz, process  # here: fuzzy matching is not needed to start

    close = process.extract(wanted, list(keys), scorer=fuzz.ratio, limit=2)
    if close and close[0][1] >= 80 and (len(close) == 1 or close[1][1] < close[0][1]):
        return keys[close[0][0]]
    shown = ", ".join(f"**{pace_label(k)}** ({a}-{b} months)" for k, (a, b) in paces.items())
    hint = f" Paces: {shown}." if paces else " This path has one pace."
    raise UserError(f"'{escape_user_text(text, 40)}' is not a pace of {path}.{hint}")
