"""Decode role files: UTF-8 with or without BOM, any line ending, and mojibake repair.

Mojibake here is UTF-8 text that was once decoded with a single-byte code page (Mac Roman, cp1252 or
latin-1) and saved again as UTF-8, so `🚀` became `üöÄ`. Such text is repaired by encoding it back with
that code page and decoding the bytes as UTF-8. The repair is only taken when that round trip succeeds
strictly and yields non-ASCII text, which correct text practically never does: `café` encodes to bytes that
are not valid UTF-8, and an emoji cannot be encoded with a code page at all. Mixed files (some lines damaged,
some not) are repaired line by line with the same rule.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Tried in this order; Mac Roman first because its mojibake (`‚Ä`, `√`) never encodes in cp1252.
_CODE_PAGES = ("mac_roman", "cp1252", "latin-1")
# Characters that mark likely mojibake: lead-byte look-alikes of each code page.
_SUSPECT = re.compile(
    r"[ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ‚√œ∂ƒ©Ã€™Ÿ"
    r"¬≈∆«»…\u00a0ÀŒ–—“”‘’÷◊⁄‹›ﬁﬂ‡·„‰Á\uf8ff]"  # the rest of Mac Roman's lead bytes ('½' is '¬Ω')
)


_CP1252_UNDEFINED = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))


class NotTextError(ValueError):
    """Raised when a file's bytes are not text."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A file's text, with LF line endings, and the code page it was repaired from, if any."""

    text: str
    repaired_from: str | None = None
    had_bom: bool = False


def _sloppy_encode(text: str, code_page: str) -> bytes | None:
    """Encode with a code page, mapping cp1252's five undefined bytes through latin-1 as decoders do."""
    try:
        return text.encode(code_page)
    except UnicodeEncodeError as exc:
        if code_page != "cp1252" or ord(text[exc.start]) not in _CP1252_UNDEFINED:
            return None
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) in _CP1252_UNDEFINED:
                out.append(ord(ch))
            else:
                return None
    return bytes(out)


def _undo(text: str) -> tuple[str, str] | None:
    """Return (repaired text, code page) when `text` is UTF-8 once mis-decoded, else None."""
    if text.isascii() or not _SUSPECT.search(text):
        return None
    found = []
    for code_page in _CODE_PAGES:
        raw = _sloppy_encode(text, code_page)
        if raw is None:
            continue
        try:
            fixed = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if fixed != text and not fixed.isascii():
            found.append((fixed, code_page))
    # cp1252 mojibake can also encode in Mac Roman ('CafÃ©' -> 'Caf' + U+0329): the wrong code page gives
    # combining marks out of nowhere, so take the result with the fewest (the first on a tie).
    return min(found, key=lambda f: sum(1 for c in f[0] if unicodedata.combining(c)), default=None)


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """Return the text with mojibake undone, and the code page it came from (None when untouched)."""
    if text.isascii() or not _SUSPECT.search(text):
        return text, None  # the usual case: nothing that mojibake is made of
    whole = _undo(text)
    if whole is not None:
        # Damage can be layered (decoded wrongly twice); undo until stable.
        fixed, code_page = whole
        again = _undo(fixed)
        while again is not None and again[0] != fixed:
            fixed = again[0]
            again = _undo(fixed)
        return fixed, code_page
    # Line by line, but only the lines that hold a suspect character at all.
    lines = text.split("\n")
    found: str | None = None
    suspects: list[int] = []
    line = last = 0
    for match in _SUSPECT.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        if not suspects or suspects[-1] != line:
            suspects.append(line)
    for i in suspects:
        one = _undo(lines[i])
        if one is not None:
            lines[i], found = one[0], found or one[1]
    return ("\n".join(lines), found) if found else (text, None)


def decode_role_file(data: bytes) -> DecodedText:
    """Decode a role file's bytes into normalised text, or raise NotTextError."""
    if b"\x00" in data:
        raise NotTextError("the file is not text (it contains NUL bytes); role files are UTF-8 markdown")
    had_bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Not UTF-8 at all: a legacy code page file. cp1252 covers what editors on Windows write.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise NotTextError(
                f"the file is not UTF-8 text (invalid byte at offset {exc.start}); save it as UTF-8"
            ) from exc
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        # Legacy text is mostly ASCII with a few accented letters; bytes that are mostly high are not text.
        high = sum(1 for c in text[:65536] if ord(c) > 127)
        if _has_binary_controls(text) or high > 0.3 * min(len(text), 65536):
            raise NotTextError(
                f"the file is not text (invalid UTF-8 at byte {exc.start}, and not legacy text either); "
                "role files are UTF-8 markdown"
            ) from exc
        return DecodedText(text=text, repaired_from="cp1252 (the file was not UTF-8)", had_bom=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _has_binary_controls(text):
        raise NotTextError("the file is not text (it contains control characters); role files are UTF-8 markdown")
    fixed, code_page = repair_mojibake(text)
    if code_page and fixed.startswith("\ufeff"):  # the BOM was damaged too ('ï»¿'); drop it once repaired
        fixed, had_bom = fixed[1:], True
    return DecodedText(text=fixed, repaired_from=code_page, had_bom=had_bom)


_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _has_binary_controls(text: str) -> bool:
    """Return True when the text holds C0 control characters other than tab, newline and form feed."""
    return _BINARY_CONTROLS.search(text, 0, 65536) is not None
