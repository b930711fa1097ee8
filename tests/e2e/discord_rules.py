"""What Discord would accept: its OpenAPI spec (when present) plus the limits the spec leaves out.

Every check returns a list of problems (plain strings); an empty list means Discord would take it.
The limits are written out here from Discord's docs on purpose, not imported from `bot.render.limits`:
a wrong constant in the bot must not be able to hide itself.

The OpenAPI layer reads Discord's MIT-licensed spec from `../shared/discord-api-spec/openapi.json`
next to the repository (or `WAYMARK_DISCORD_SPEC`); it is never copied into the repository. Building
openapi-core's validator is done once per process (`load_spec`), without re-validating the spec
itself against the OpenAPI meta-schema, which alone takes several seconds for a spec this size.
"""

from __future__ import annotations

import functools
import json
import os
import re
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SPEC_PATH = Path(__file__).resolve().parents[2] / "../shared/discord-api-spec/openapi.json"
SPEC_HOST = "https://discord.com"
SPEC_PREFIX = "/api/v10"

# Application commands (https://discord.com/developers/docs/interactions/application-commands)
COMMAND_NAME = re.compile(r"^[-_a-z0-9]{1,32}$")
MAX_DESCRIPTION = 100
MAX_OPTIONS = 25
MAX_CHOICES = 25
MAX_CHOICE_NAME = 100
MAX_CHOICE_VALUE = 100
MAX_COMMAND_CHARS = 4_000
MAX_GLOBAL_COMMANDS = 100
SUB_COMMAND, SUB_COMMAND_GROUP, STRING = 1, 2, 3
OPTION_TYPES = range(1, 12)

# Messages and embeds (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
MAX_CONTENT = 2_000
MAX_EMBEDS = 10
MAX_FILES = 10
MAX_TITLE = 256
MAX_EMBED_DESCRIPTION = 4_096
MAX_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1_024
MAX_FOOTER = 2_048
MAX_AUTHOR = 256
MAX_EMBED_TOTAL = 6_000

# Components (https://discord.com/developers/docs/components/reference)
MAX_ROWS = 5
MAX_ROW_BUTTONS = 5
MAX_LABEL = 80
MAX_CUSTOM_ID = 100
MAX_SELECT_OPTIONS = 25
MAX_PLACEHOLDER = 150
MAX_OPTION_TEXT = 100
ACTION_ROW, BUTTON, STRING_SELECT = 1, 2, 3
LINK_STYLE = 5
EPHEMERAL = 1 << 6


# --------------------------------------------------------------------------- limits the spec leaves out


def command_problems(commands: Any) -> list[str]:
    """Problems Discord would reject in a bulk command overwrite (`PUT .../commands`)."""
    if not isinstance(commands, list):
        return [f"commands payload must be a list, got {type(commands).__name__}"]
    problems: list[str] = []
    chat = [c for c in commands if c.get("type", 1) == 1]
    if len(chat) > MAX_GLOBAL_COMMANDS:
        problems.append(f"{len(chat)} slash commands, over {MAX_GLOBAL_COMMANDS}")
    names = [c.get("name") for c in chat]
    for name in {n for n in names if names.count(n) > 1}:
        problems.append(f"command name {name!r} is used twice")
    for command in commands:
        where = f"/{command.get('name')}"
        if command.get("type", 1) == 1:
            problems += _named(where, command)
        problems += _options(where, command.get("options") or [], depth=0)
        chars = _command_chars(command)
        if chars > MAX_COMMAND_CHARS:
            problems.append(f"{where}: {chars} characters in names, descriptions and choices, over {MAX_COMMAND_CHARS}")
    return problems


def _named(where: str, thing: dict) -> list[str]:
    problems = []
    name = thing.get("name")
    if not isinstance(name, str) or not COMMAND_NAME.match(name):
        problems.append(f"{where}: name {name!r} does not match {COMMAND_NAME.pattern}")
    description = thing.get("description")
    if not isinstance(description, str) or not 1 <= len(description) <= MAX_DESCRIPTION:
        problems.append(f"{where}: description must be 1-{MAX_DESCRIPTION} characters, got {description!r}")
    return problems


def _options(where: str, options: list, depth: int) -> list[str]:
    problems: list[str] = []
    if len(options) > MAX_OPTIONS:
        problems.append(f"{where}: {len(options)} options, over {MAX_OPTIONS}")
    seen_optional = False
    names = [o.get("name") for o in options]
    for name in {n for n in names if names.count(n) > 1}:
        problems.append(f"{where}: option name {name!r} is used twice")
    for option in options:
        kind = option.get("type")
        here = f"{where} {option.get('name')}"
        problems += _named(here, option)
        if kind not in OPTION_TYPES:
            problems.append(f"{here}: unknown option type {kind!r}")
        if kind in (SUB_COMMAND, SUB_COMMAND_GROUP):
            allowed = depth == 0 or (depth == 1 and kind == SUB_COMMAND)
            if not allowed:
                problems.append(f"{here}: subcommands nest at most group > subcommand")
            children = option.get("options") or []
            if kind == SUB_COMMAND_GROUP and any(c.get("type") != SUB_COMMAND for c in children):
                problems.append(f"{here}: a subcommand group may only hold subcommands")
            problems += _options(here, children, depth + 1)
            continue
        if option.get("required"):
            if seen_optional:
                problems.append(f"{here}: required option after an optional one")
        else:
            seen_optional = True
        choices = option.get("choices") or []
        if choices and option.get("autocomplete"):
            problems.append(f"{here}: autocomplete and choices are exclusive")
        problems += choice_problems(here, choices)
    return problems


def choice_problems(where: str, choices: list) -> list[str]:
    """Problems with command choices or an autocomplete answer."""
    problems = []
    if len(choices) > MAX_CHOICES:
        problems.append(f"{where}: {len(choices)} choices, over {MAX_CHOICES}")
    for choice in choices:
        name, value = choice.get("name"), choice.get("value")
        if not isinstance(name, str) or not 1 <= len(name) <= MAX_CHOICE_NAME:
            problems.append(f"{where}: choice name must be 1-{MAX_CHOICE_NAME} characters, got {name!r}")
        if isinstance(value, str) and not 1 <= len(value) <= MAX_CHOICE_VALUE:
            problems.append(f"{where}: choice value must be 1-{MAX_CHOICE_VALUE} characters, got {value!r}")
    return problems


def _command_chars(command: dict) -> int:
    total = len(command.get("name") or "") + len(command.get("description") or "")
    for option in command.get("options") or []:
        total += _command_chars(option)
        for choice in option.get("choices") or []:
            total += len(str(choice.get("name", ""))) + len(str(choice.get("value", "")))
    return total


def message_problems(payload: dict, files: int = 0, *, new: bool = True) -> list[str]:
    """Problems with a message the bot creates (`new`) or edits: content, embeds, components, files."""
    problems: list[str] = []
    content = payload.get("content")
    if isinstance(content, str) and len(content) > MAX_CONTENT:
        problems.append(f"content is {len(content)} characters, over {MAX_CONTENT}")
    embeds = payload.get("embeds") or []
    if len(embeds) > MAX_EMBEDS:
        problems.append(f"{len(embeds)} embeds, over {MAX_EMBEDS}")
    total = 0
    for n, embed in enumerate(embeds):
        size, found = _embed_problems(f"embed {n}", embed)
        total += size
        problems += found
    if total > MAX_EMBED_TOTAL:
        problems.append(f"embeds hold {total} characters together, over {MAX_EMBED_TOTAL}")
    attachments = payload.get("attachments") or []
    if max(files, len(attachments)) > MAX_FILES:
        problems.append(f"{max(files, len(attachments))} files, over {MAX_FILES}")
    problems += component_problems(payload.get("components") or [])
    if new and not (content or embeds or files or payload.get("components") or payload.get("poll")):
        problems.append("empty message (Discord answers 50006 Cannot send an empty message)")
    return problems


def _embed_problems(where: str, embed: dict) -> tuple[int, list[str]]:
    problems: list[str] = []
    texts = {
        "title": ((embed.get("title") or ""), MAX_TITLE),
        "description": ((embed.get("description") or ""), MAX_EMBED_DESCRIPTION),
        "footer": (((embed.get("footer") or {}).get("text") or ""), MAX_FOOTER),
        "author": (((embed.get("author") or {}).get("name") or ""), MAX_AUTHOR),
    }
    size = 0
    for name, (text, limit) in texts.items():
        size += len(text)
        if len(text) > limit:
            problems.append(f"{where} {name} is {len(text)} characters, over {limit}")
    fields = embed.get("fields") or []
    if len(fields) > MAX_FIELDS:
        problems.append(f"{where}: {len(fields)} fields, over {MAX_FIELDS}")
    for i, f in enumerate(fields):
        name, value = f.get("name") or "", f.get("value") or ""
        size += len(name) + len(value)
        if not 1 <= len(name) <= MAX_FIELD_NAME:
            problems.append(f"{where} field {i} name must be 1-{MAX_FIELD_NAME} characters, got {len(name)}")
        if not 1 <= len(value) <= MAX_FIELD_VALUE:
            problems.append(f"{where} field {i} value must be 1-{MAX_FIELD_VALUE} characters, got {len(value)}")
    if size > MAX_EMBED_TOTAL:
        problems.append(f"{where} holds {size} characters, over {MAX_EMBED_TOTAL}")
    return size, problems


def component_problems(rows: list) -> list[str]:
    """Problems with a message's action rows, buttons and string selects."""
    problems: list[str] = []
    if len(rows) > MAX_ROWS:
        problems.append(f"{len(rows)} action rows, over {MAX_ROWS}")
    custom_ids: list[str] = []
    for r, row in enumerate(rows):
        if row.get("type") != ACTION_ROW:
            problems.append(f"row {r} is type {row.get('type')}, not an action row")
            continue
        items = row.get("components") or []
        kinds = {c.get("type") for c in items}
        if not items:
            problems.append(f"row {r} is empty")
        elif kinds == {BUTTON}:
            if len(items) > MAX_ROW_BUTTONS:
                problems.append(f"row {r} has {len(items)} buttons, over {MAX_ROW_BUTTONS}")
        elif kinds == {STRING_SELECT}:
            if len(items) != 1:
                problems.append(f"row {r} has {len(items)} selects; a select takes a whole row")
        else:
            problems.append(f"row {r} mixes component types {sorted(kinds, key=str)}")
        for c in items:
            where = f"row {r} {c.get('label') or c.get('custom_id')!r}"
            if c.get("custom_id") is not None:
                custom_ids.append(c["custom_id"])
            if c.get("type") == BUTTON:
                problems += _button_problems(where, c)
            elif c.get("type") == STRING_SELECT:
                problems += _select_problems(where, c)
    for custom_id in {c for c in custom_ids if custom_ids.count(c) > 1}:
        problems.append(f"custom_id {custom_id!r} is used twice in one message")
    return problems


def _button_problems(where: str, button: dict) -> list[str]:
    problems = []
    label = button.get("label")
    if label is not None and len(label) > MAX_LABEL:
        problems.append(f"{where}: label is {len(label)} characters, over {MAX_LABEL}")
    if not label and not button.get("emoji"):
        problems.append(f"{where}: a button needs a label or an emoji")
    if button.get("style") == LINK_STYLE:
        if not button.get("url") or button.get("custom_id") is not None:
            problems.append(f"{where}: a link button needs a url and no custom_id")
    else:
        custom_id = button.get("custom_id")
        if not isinstance(custom_id, str) or not 1 <= len(custom_id) <= MAX_CUSTOM_ID:
            problems.append(f"{where}: custom_id must be 1-{MAX_CUSTOM_ID} characters, got {custom_id!r}")
        if button.get("url"):
            problems.append(f"{where}: only link buttons have a url")
    return problems


def _select_problems(where: str, select: dict) -> list[str]:
    problems = []
    custom_id = select.get("custom_id")
    if not isinstance(custom_id, str) or not 1 <= len(custom_id) <= MAX_CUSTOM_ID:
        problems.append(f"{where}: custom_id must be 1-{MAX_CUSTOM_ID} characters, got {custom_id!r}")
    placeholder = select.get("placeholder") or ""
    if len(placeholder) > MAX_PLACEHOLDER:
        problems.append(f"{where}: placeholder is {len(placeholder)} characters, over {MAX_PLACEHOLDER}")
    options = select.get("options") or []
    if not 1 <= len(options) <= MAX_SELECT_OPTIONS:
        problems.append(f"{where}: {len(options)} options, must be 1-{MAX_SELECT_OPTIONS}")
    low, high = select.get("min_values", 1), select.get("max_values", 1)
    if not 0 <= low <= high <= min(len(options), MAX_SELECT_OPTIONS) or high < 1:
        problems.append(f"{where}: min_values {low} / max_values {high} do not fit {len(options)} options")
    values = [o.get("value") for o in options]
    if len(set(values)) != len(values):
        problems.append(f"{where}: duplicate option values")
    for o in options:
        for key in ("label", "value"):
            text = o.get(key)
            if not isinstance(text, str) or not 1 <= len(text) <= MAX_OPTION_TEXT:
                problems.append(f"{where}: option {key} must be 1-{MAX_OPTION_TEXT} characters, got {text!r}")
        if len(o.get("description") or "") > MAX_OPTION_TEXT:
            problems.append(f"{where}: option description over {MAX_OPTION_TEXT} characters")
    if sum(bool(o.get("default")) for o in options) > high:
        problems.append(f"{where}: more default options than max_values")
    return problems


# --------------------------------------------------------------------------- the OpenAPI layer


@dataclass
class SpecRequest:
    """One request as openapi-core's `Request` protocol wants it, addressed to discord.com."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes | None
    content_type: str
    host_url: str = SPEC_HOST
    parameters: Any = field(init=False)

    def __post_init__(self) -> None:
        from openapi_core.datatypes import RequestParameters

        self.parameters = RequestParameters(query=self.query, header=self.headers, cookie={})


@dataclass
class Spec:
    """Discord's OpenAPI spec, ready to validate requests; `reason` says why it is missing when it is."""

    path: Path
    openapi: Any = None
    reason: str = ""
    load_seconds: float = 0.0
    validated: int = 0
    validate_seconds: float = 0.0

    @property
    def available(self) -> bool:
        return self.openapi is not None

    def check(self, method: str, path: str, query: dict[str, str], headers: dict[str, str], body: Any) -> list[str]:
        """Validate one request (`path` below /api/v10; `body` already decoded JSON, or None)."""
        if self.openapi is None:
            return []
        from openapi_core.validation.request.exceptions import SecurityValidationError

        raw = None if body is None else json.dumps(lenient(body)).encode()
        request = SpecRequest(
            method=method.lower(),
            path=SPEC_PREFIX + path,
            query=query,
            headers=headers,
            body=raw,
            content_type="application/json" if raw is not None else "",
        )
        started = time.perf_counter()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "Unsupported scheme type" for the OAuth2 alternative
                self.openapi.validate_request(request)
        except SecurityValidationError:
            return []  # the fake checks the bot token itself; the spec's OAuth2 alternative is not modelled
        except Exception as exc:
            return [f"OpenAPI: {method} {path}: {describe(exc)}"]
        finally:
            self.validated += 1
            self.validate_seconds += time.perf_counter() - started
        return []


def lenient(body: Any) -> Any:
    """A copy of `body` with the one liberty Discord takes that its spec does not describe.

    discord.py numbers uploads `attachments: [{"id": 0, ...}]` with integer list indexes, exactly as
    Discord's own upload docs do; the spec types that `id` as a snowflake string. Everything else is
    validated as sent.
    """
    body = json.loads(json.dumps(body))
    holders = [body, body.get("data")] if isinstance(body, dict) else []
    for holder in holders:
        if isinstance(holder, dict):
            for attachment in holder.get("attachments") or []:
                if isinstance(attachment, dict) and isinstance(attachment.get("id"), int):
                    attachment["id"] = str(attachment["id"])
    return body


def describe(exc: BaseException) -> str:
    """A short, readable account of an openapi-core error and the schema errors under it."""
    parts = [f"{type(exc).__name__}: {exc}"]
    cause = exc.__cause__
    while cause is not None:
        for error in getattr(cause, "schema_errors", ()) or ():
            where = "/".join(str(p) for p in getattr(error, "absolute_path", ()))
            parts.append(f"at {where or '<root>'}: {getattr(error, 'message', error)}"[:400])
            for sub in (getattr(error, "context", None) or [])[:6]:
                sub_where = "/".join(str(p) for p in sub.absolute_path)
                parts.append(f"  - at {sub_where or '<root>'}: {sub.message}"[:300])
        cause = cause.__cause__
    return "\n    ".join(parts)


def spec_path() -> Path:
    override = os.environ.get("WAYMARK_DISCORD_SPEC")
    return Path(override) if override else SPEC_PATH.resolve()


@functools.cache
def load_spec(path: Path | None = None) -> Spec:
    """Build the validator once per process; when the spec is missing, say so in `reason`."""
    path = path or spec_path()
    if not path.is_file():
        return Spec(path, reason=f"Discord's OpenAPI spec is not at {path}: requests were not validated against it")
    try:
        from openapi_core import Config, OpenAPI
    except ImportError as exc:
        return Spec(path, reason=f"openapi-core is not installed ({exc}): requests were not validated against the spec")
    started = time.perf_counter()
    document = json.loads(path.read_text(encoding="utf-8"))
    # spec_validator_cls=None: trust Discord's own spec instead of re-checking it (~6 s here).
    openapi = OpenAPI.from_dict(document, config=Config(spec_validator_cls=None))
    return Spec(path, openapi=openapi, load_seconds=time.perf_counter() - started)
