"""Read the plain YAML of a role file's front-matter without PyYAML's Python-side constructor.

Front-matter is a handful of `key: value` lines, lists of `- item` lines and one-level maps of
`key: value` lines. PyYAML reads it right but slowly (its constructor is Python, about 0.1 ms a file, most
of the cost of `frontmatter.loads`). `read_plain_yaml` reads exactly that shape and nothing else: any
line, scalar or character it is not sure of makes it return None, and the caller hands the text to PyYAML,
which stays the authority (and the one that explains errors). Where it answers, the answer is what PyYAML
gives: plain scalars are typed by PyYAML's own resolver and kept only when they are text, so `yes`, `1.0`,
`~` or `2024-01-01` go to PyYAML. Tests compare the two on generated input.
"""

from __future__ import annotations

import re

import yaml
import yaml.reader
import yaml.resolver

_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
_TOP = re.compile(rf"({_KEY}):(?: +(.*))?")  # a key at the margin, and its value on the same line if any
_ITEM = re.compile(r"( *)-(?: +(.*))?")
_ENTRY = re.compile(rf"( +)({_KEY}): +(.*)")
_NOT_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
_STR = "tag:yaml.org,2002:str"
_resolve = yaml.resolver.Resolver().resolve
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
# Tabs (indentation rules), a BOM, and what YAML takes for a line break but str.split("\n") does not.
_NOT_PLAIN_CHARS = re.compile("[\t\ufeff\r\x85\u2028\u2029]")


class _NotPlain(Exception):  # noqa: N818 - control flow inside this module only
    """The text is not the plain shape: PyYAML must read it."""


def read_plain_yaml(text: str) -> dict[str, object] | None:
    """Return the mapping PyYAML would load from `text`, or None when the text is not plain front-matter."""
    if _NOT_PLAIN_CHARS.search(text) or _NON_PRINTABLE.search(text):
        return None
    try:
        return _read(text)
    except _NotPlain:
        return None


def _read(text: str) -> dict[str, object] | None:
    out: dict[str, object] = {}
    block: list | dict | None = None  # the list or map the indented lines under a bare `key:` go to
    indent = -1  # the indentation of that block's lines, once known
    for line in text.split("\n"):
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            continue  # a blank line or a comment line
        top = _TOP.fullmatch(line) if line[0] != " " and line[0] != "-" else None
        if top is not None:
            if block is not None and not block:
                raise _NotPlain  # the previous key had nothing under it: null
            key, value = _key(top.group(1)), (top.group(2) or "").strip(" ")  # YAML's blanks: not NBSP
            if key in out:
                raise _NotPlain
            if value:
                out[key], block = _value(value), None
            else:
                out[key] = block = []  # a list or a map: the next line tells
                indent = -1
            continue
        if block is None:
            raise _NotPlain
        item = _ITEM.fullmatch(line)
        if item is not None and isinstance(block, list):
            value = (item.group(2) or "").strip(" ")
            if indent not in (-1, len(item.group(1))) or not value:
                raise _NotPlain
            indent = len(item.group(1))
            block.append(_scalar(value))
            continue
        entry = _ENTRY.fullmatch(line) if item is None else None
        if entry is None or indent not in (-1, len(entry.group(1))) or (isinstance(block, list) and block):
            raise _NotPlain
        if isinstance(block, list):  # the first line under the key: it is a map
            block = {}
            out[next(reversed(out))] = block
        indent = len(entry.group(1))
        key, value = _key(entry.group(2)), entry.group(3).strip(" ")
        if key in block or not value:
            raise _NotPlain
        block[key] = _scalar(value)
    if not out or (block is not None and not block):
        raise _NotPlain
    return out


def _key(text: str) -> str:
    if len(text) > 1024 or _resolve(yaml.ScalarNode, text, (True, False)) != _STR:  # libyaml: keys <= 1024
        raise _NotPlain  # `yes:`, `null:`, `1:` are not text keys
    return text


def _value(text: str) -> object:
    if text[0] == "[" and text[-1] == "]":
        inner = text[1:-1].strip(" ")
        if not inner:
            return []
        items = [item.strip(" ") for item in inner.split(",")]
        if any(not item or any(c in item for c in "'\"[]{}:#?") for item in items):
            raise _NotPlain  # quotes, nesting, or what a flow scalar may not hold
        return [_scalar(item) for item in items]
    return _scalar(text)


def _scalar(text: str) -> str:
    """Return a one-line scalar's text: double-quoted without escapes, single-quoted, or plain text."""
    first = text[0]
    if first == '"':
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
            raise _NotPlain
        return inner
    if first == "'":
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
            raise _NotPlain
        return inner.replace("''", "'")
    if first in _NOT_PLAIN_START or ": " in text or " #" in text or text.endswith(":"):
        raise _NotPlain
    if _resolve(yaml.ScalarNode, text, (True, False)) != _STR:
        raise _NotPlain  # a number, true/false, null, a date: PyYAML types it
    return text
