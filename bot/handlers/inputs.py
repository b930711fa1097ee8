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

from bot import i18n
from bot.content.parse import months_text
from bot.domain.weeks import local_today
from bot.domain.zones import ZoneChoice, read_zone, zone_or_utc
from bot.i18n import N_, _, _p
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
        code = f"U+{ord(ch):04X}"
        if _is_control(ch):
            return _("a control character ({code})", code=code)
        if ch in BIDI_CONTROLS:
            return _("a character that changes the text's direction ({code})", code=code)
        if _is_invisible(text, at):
            return _("an invisible character ({code})", code=code)
    return None


def _has_visible(text: str) -> bool:
    """Whether anything in `text` shows by itself: a letter, digit, punctuation or symbol (a mark needs one)."""
    return any(unicodedata.category(ch)[0] in "LNPS" and ch not in INVISIBLE for ch in text)


def check_name(text: str, what: str | None = None) -> str:
    """Return a name with its whitespace tidied (one space between words), or say what is wrong with it.

    `what` names the name in the messages, as their subject ("A group name" when not given).
    """
    what = what or _("A group name")
    hidden = _hidden_characters(text.replace("\n", " ").replace("\t", " ").replace("\r", " "))
    if hidden is not None:
        raise UserError(
            _(
                "{what} can't contain {hidden}. Type it again without it (a copied name can bring one along).",
                what=what,
                hidden=hidden,
            )
        )
    name = " ".join(text.split())
    if not name or not _has_visible(name):
        raise UserError(_("{what} needs at least one visible letter, digit or symbol.", what=what))
    if len(name) > MAX_NAME:
        raise UserError(
            _("{what} needs 1 to {max} characters; this one has {count}.", what=what, max=MAX_NAME, count=len(name))
        )
    return name


_MARKUP_IN_URL = str.maketrans({c: f"%{ord(c):02X}" for c in '<>()[]"`*|'})
"""Characters percent-encoded in a proof, the same link to a browser: those that would end `<link>` or
`[text](link)` early (a mention, a second masked link), and bold and spoiler marks, rare in a link."""
_MENTION_IN_URL = re.compile(r"@(?=everyone|here)", re.IGNORECASE)
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TOP_LEVEL = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_LOCAL_NAMES = ("localhost", "localdomain", "local", "lan", "internal", "home.arpa", "invalid")
"""Names that lead to the viewer's own machine or network, never to a learner's work (RFC 6761, 6762, 8375)."""
PROOF_HINT = N_("Use the https:// link of your work, e.g. https://github.com/you/project or a blog post.")
"""What a proof link should be, in English: translate where shown, `_(PROOF_HINT)`."""


def _proof_error(problem: str) -> UserError:
    """Say what is wrong with a proof link: `problem` goes on from "That proof link" ("has no host after https://")."""
    return UserError(_("That proof link {problem}. {hint}", problem=problem, hint=_(PROOF_HINT)))


def _host_problem(host: str) -> str | None:
    """Say what is wrong with a link's host (already lowercased), or None when it is a real, public one."""
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        address = None
    if address is not None:
        return None if address.is_global else _("points to a private or local address")
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return _("has a host name that isn't valid")
    bare = ascii_host.rstrip(".")
    if bare == "localhost" or bare.endswith(".localhost"):
        return _("points to this computer (localhost), which others can't open")
    labels = bare.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or not _TOP_LEVEL.match(labels[-1]):
        return _("has no real host name (like example.org) but '{host}'", host=escape_user_text(host, 60))
    if any(bare == name or bare.endswith("." + name) for name in _LOCAL_NAMES):
        return _("points to a local or reserved name, which others can't open")
    return None


def check_proof(text: str | None) -> str | None:
    """Return a proof link ready to show (markup characters percent-encoded), None when none was given."""
    if text is None or not text.strip():
        return None
    proof = text.strip()
    if len(proof) > MAX_PROOF:
        raise _proof_error(_("is {length} characters long; at most {max} fit", length=len(proof), max=MAX_PROOF))
    hidden = _hidden_characters(proof) or _hidden_characters(unquote(proof))
    if hidden is not None:
        raise _proof_error(_("contains {hidden}, which can disguise where it leads", hidden=hidden))
    if any(ch.isspace() for ch in proof):  # urlsplit drops tabs and newlines, so look at the text itself
        raise _proof_error(_("contains a space; a link has none (a space in a path is written %20)"))
    if "\\" in proof:
        raise _proof_error(_("contains a backslash, which browsers read as a slash"))
    parts = urlsplit(proof)
    if parts.scheme.lower() not in ("http", "https"):
        raise _proof_error(_("must start with https:// (or http://)"))
    if not parts.netloc:
        raise _proof_error(_("has no host after https://"))
    if "@" in parts.netloc:
        raise _proof_error(_("has a user name or an @ before its host, which can hide where it leads"))
    try:
        parts.port  # noqa: B018 - reading it checks it
    except ValueError:
        raise _proof_error(_("has a port that isn't a number from 0 to 65535")) from None
    problem = _host_problem((parts.hostname or "").lower())
    if problem is not None:
        raise _proof_error(problem)
    return _MENTION_IN_URL.sub("%40", proof.translate(_MARKUP_IN_URL))


ZONE_EXAMPLES = N_("Europe/Berlin, America/New_York or Asia/Kolkata")
"""Zones to give as examples, in English: translate where shown, `_(ZONE_EXAMPLES)` (only the "or" changes)."""


def _zone_option(zone: str | None) -> str:
    """Return how to type a zone into the `timezone` option: "`timezone:Europe/Berlin`"."""
    option = _p("option", "timezone")
    return f"`{option}:{zone}`"


def zone_problem(text: str, choice: ZoneChoice) -> str:
    """Say why a typed time zone is refused and what to type instead."""
    shown = escape_user_text(text.strip(), 40)
    examples = _(ZONE_EXAMPLES)
    instead = _("Use your city's zone, like {examples} (autocomplete lists them), or UTC.", examples=examples)
    if choice.problem == "alias":
        return _(
            "'{zone}' is an old name of {suggestion}: use {option}.",
            zone=shown,
            suggestion=choice.suggestion,
            option=_zone_option(choice.suggestion),
        )
    if choice.problem == "abbreviation":
        return _(
            "'{zone}' is an abbreviation, not a place, and places that use it change their clocks on "
            "different days. {instead}",
            zone=shown,
            instead=instead,
        )
    if choice.problem == "fixed_offset":
        return _(
            "'{zone}' is not a time zone but a fixed offset (no daylight saving; in `Etc/GMT+2` the sign is even "
            "reversed: it means UTC-2). {instead}",
            zone=shown,
            instead=instead,
        )
    if choice.problem == "host" and choice.suggestion:
        return _(
            "'{zone}' names a setting of the server's own clock, not a place: it means something else on "
            "another machine. Use {option}.",
            zone=shown,
            option=_zone_option(choice.suggestion),
        )
    if choice.problem == "host":
        return _(
            "'{zone}' names a setting of the server's own clock, not a place: it means something else on "
            "another machine. {instead}",
            zone=shown,
            instead=instead,
        )
    if choice.suggestion:
        return _(
            "'{zone}' is not a time zone. Did you mean {option}? Zones are named Area/City.",
            zone=shown,
            option=_zone_option(choice.suggestion),
        )
    return _(
        "'{zone}' is not a time zone. Use an IANA name like {examples} (autocomplete lists them).",
        zone=shown,
        examples=examples,
    )


def parse_zone(text: str) -> str:
    """Return the canonical IANA name of a typed time zone (case and spaces forgiven), or say what to use."""
    choice = read_zone(text)
    if choice.name is None:
        raise UserError(zone_problem(text, choice))
    return choice.name


def parse_start_date(text: str | None, now: datetime, tz: str = "UTC") -> date:
    """Read a start date (YYYY-MM-DD, 'today' or 'tomorrow', also in the learner's language); default today in the
    learner's zone (or UTC)."""
    today = local_today(now, zone_or_utc(tz))
    value = (text or "").strip().lower()
    if not value or value in ("today", _p("start date", "today").lower()):
        return today
    if value in ("tomorrow", _p("start date", "tomorrow").lower()):
        return date.fromordinal(today.toordinal() + 1)
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        shown = escape_user_text((text or "").strip(), 40)
        raise UserError(
            _(
                "Couldn't read the start date '{date}'. Use YYYY-MM-DD, e.g. {example}.",
                date=shown,
                example=today.isoformat(),
            )
        ) from None
    if abs(parsed.toordinal() - today.toordinal()) > 366:
        raise UserError(_("The start date must be within a year of today."))
    return parsed


def read_pace(text: str, paces: Mapping[str, tuple[int, int]], path: str) -> str:
    """Read a pace as people type it ("complete beginner", "Complete-Beginner", "beginer") into its key.

    An exact match (ignoring case, spaces, dashes and underscores) wins, then a unique prefix
    ("part" for part_time), then the one pace with all the words typed ("beginner" for
    complete_beginner), then one clearly closest spelling; anything else is a UserError that lists
    the paces of `path` with their month ranges.
    """
    wanted = _norm_pace(text)
    # The keys first, as they always were read; then the paces' names in the languages the bot speaks.
    for names in ({_norm_pace(key): key for key in paces}, _pace_names(paces)):
        found = _pick_pace(wanted, names)
        if found is not None:
            return found
    shown = ", ".join(
        _("**{pace}** ({months} months)", pace=pace_label(k), months=months_text(a, b)) for k, (a, b) in paces.items()
    )
    typed = escape_user_text(text, 40)
    if paces:
        raise UserError(_("'{pace}' is not a pace of {path}. Paces: {paces}.", pace=typed, path=path, paces=shown))
    raise UserError(
        _(
            "'{pace}' is not a pace of {path}: it has one pace, its weeks as written. Leave out the pace.",
            pace=typed,
            path=path,
        )
    )


def _norm_pace(text: str) -> str:
    """Return a pace as typed, lowercase with words joined by `_`: "Complete-Beginner" is "complete_beginner"."""
    return _PACE_WORDS.sub("_", text.strip().lower()).strip("_")


def _pace_names(paces: Mapping[str, tuple[int, int]]) -> dict[str, str]:
    """Return each pace's name in every language the bot speaks (normalised as `_norm_pace` does) to its key."""
    names: dict[str, str] = {}
    for key in paces:
        for locale in i18n.available():
            with i18n.using(locale):
                names.setdefault(_norm_pace(pace_label(key)), key)
    return names


def _pick_pace(wanted: str, names: Mapping[str, str]) -> str | None:
    """Return the key of the pace `wanted` names in `names` (normalised name to key), or None.

    An exact name wins, then a unique prefix, then the one name with all the words typed, then one clearly
    closest spelling.
    """
    if wanted in names:
        return names[wanted]
    words = set(wanted.split("_"))
    for matches in (
        {key for norm, key in names.items() if wanted and norm.startswith(wanted)},
        {key for norm, key in names.items() if wanted and words <= set(norm.split("_"))},
    ):
        if len(matches) == 1:
            return matches.pop()
    from rapidfuzz import fuzz, process  # here: fuzzy matching is not needed to start

    best: dict[str, float] = {}  # each pace's closest name: two names of one pace are no tie
    for norm, score, _index in process.extract(wanted, list(names), scorer=fuzz.ratio, limit=None):
        best[names[norm]] = max(score, best.get(names[norm], 0.0))
    close = sorted(best.items(), key=lambda pair: pair[1], reverse=True)[:2]
    if close and close[0][1] >= 80 and (len(close) == 1 or close[1][1] < close[0][1]):
        return close[0][0]
    return None
