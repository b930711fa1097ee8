"""Decode role files: UTF-8 with or without BOM, any line ending, and mojibake repair.

Mojibake here is UTF-8 text that was once decoded with a single-byte code page (Mac Roman, cp1252 or
latin-1) and saved again as UTF-8, so `🚀` became `üöÄ`. Such text is repaired by encoding it back with
that code page and decoding the bytes as UTF-8. The repair is only taken when that round trip succeeds
strictly and yields non-ASCII text, which correct text practically never does: `café` encodes to bytes that
are not valid UTF-8, and an emoji cannot be encoded with a code page at all. Mixed files (some lines damaged,
some not) are repaired line by line with the same rule.

A file that is not UTF-8 is read as Windows-1252, whole when it holds no UTF-8 beyond ASCII (a legacy file), else
byte by byte where it is not UTF-8 (curly quotes pasted from Word into a file with emoji).
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
    """Raised when a file's bytes are not text; `line` is where the first bad byte is, when that helps."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A file's text, with LF line endings, and how it was repaired, if it was.

    `repaired_from` is the code page that mojibake was undone from, or that a file that is not UTF-8 at all
    was read with (`legacy` is then True). `line` is the first line repaired or holding a byte that is not
    UTF-8; None when the whole file was repaired at once.
    """

    text: str
    repaired_from: str | None = None
    had_bom: bool = False
    legacy: bool = False
    line: int | None = None
    column: int | None = None
    byte: int | None = None  # the first byte that is not UTF-8, for a legacy file
    stray: int = 0  # bytes of a UTF-8 file that are not UTF-8, read as Windows-1252 (a smart quote pasted from Word)
    stray_text: str = ""  # what the first of them was read as
    # Mojibake left as it is, as a byte of it was lost (see `_restore_lost`): its first line and what it shows there
    damaged_line: int | None = None
    damaged_text: str = ""
    damaged: int = 0  # how many such places the file has


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


# The byte that cp1252 mojibake lost, by the bytes before it: a decoder that drops cp1252's undefined bytes (see
# `_CP1252_UNDEFINED`) leaves a UTF-8 sequence one byte short. Put back only where one character is all but certain:
# U+FE0F, the emoji presentation selector written after most emoji that have one ('🗺️', '⚙️', '✔️' end in 'ï¸' and a
# lost 0x8F), and after 'â€' the right double quote '”' (0x9D), or the zero-width joiner (0x8D) when an emoji follows
# ('👨‍💻'). Elsewhere each of the five bytes makes a likely character ('ðŸ˜' and a lost byte is '😁', '😍', '😏', '😐'
# or '😝'), and such text is left as it is.
_LOST_SELECTOR = re.compile(rb"\xef\xb8(?![\x80-\xbf])")
_LOST_JOINER = re.compile(rb"\xe2\x80(?![\x80-\xbf])(?=\xf0)")
_LOST_QUOTE = re.compile(rb"\xe2\x80(?![\x80-\xbf])")
# A sequence of three or four bytes short of its last one, then a space and the emoji presentation selector.
_SPACED_SELECTOR = re.compile(rb"([\xe0-\xef][\x80-\xbf]|[\xf0-\xf4][\x80-\xbf]{2}) (?=\xef\xb8)")


def _restore_lost(raw: bytes) -> bytes | None:
    """Return cp1252-encoded mojibake bytes as UTF-8 once what was lost since is put back (see `_LOST_SELECTOR`), or
    None when they are not UTF-8 even so.

    Besides a dropped byte, a no-break space (0xA0, the last byte of '🛠' and '⚠') that an editor or a copy from a web
    page made a plain space: a space where a sequence of three or four bytes lacks its last one, and the emoji
    presentation selector follows ('ðŸ› ï¸'), is taken for it; that selector never follows a space. Elsewhere the
    space may be written after a character whose last byte was dropped ('ðŸ¤ Contribution', for '🤝')."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return raw  # the usual case: nothing was lost
    raw = _LOST_SELECTOR.sub(b"\xef\xb8\x8f", raw)
    raw = _LOST_QUOTE.sub(b"\xe2\x80\x9d", _LOST_JOINER.sub(b"\xe2\x80\x8d", raw))
    raw = _SPACED_SELECTOR.sub(b"\\1\xa0", raw)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return raw


def _undo(text: str) -> tuple[str, str] | None:
    """Return (repaired text, code page) when `text` is UTF-8 once mis-decoded, else None."""
    if text.isascii() or not _SUSPECT.search(text):
        return None
    found = []
    for code_page in _CODE_PAGES:
        raw = _sloppy_encode(text, code_page)
        if raw is None:
            continue
        if code_page == "cp1252":
            raw = _restore_lost(raw) or raw
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
    fixed, code_page, _ = _repair(text)
    return fixed, code_page


def _repair(text: str) -> tuple[str, str | None, int | None]:
    """Undo mojibake; return the text, the code page, and the first line repaired (None for the whole file)."""
    if text.isascii() or not _SUSPECT.search(text):
        return text, None, None  # the usual case: nothing that mojibake is made of
    whole = _undo(text)
    if whole is not None:
        # Damage can be layered (decoded wrongly twice); undo until stable.
        fixed, code_page = whole
        again = _undo(fixed)
        while again is not None and again[0] != fixed:
            fixed = again[0]
            again = _undo(fixed)
        return fixed, code_page, None
    # Line by line, but only the lines that hold a suspect character at all.
    lines = text.split("\n")
    found: str | None = None
    first: int | None = None
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
            first = i + 1 if first is None else first
    return ("\n".join(lines), found, first) if found else (text, None, None)


_UTF8_BOM = b"\xef\xbb\xbf"
# Byte order marks of the encodings editors offer besides UTF-8; UTF-32 first, as its LE mark starts like UTF-16's.
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "UTF-32", "utf-32-be"),
    (b"\xff\xfe", "UTF-16", "utf-16-le"),
    (b"\xfe\xff", "UTF-16", "utf-16-be"),
)
# Without a mark: (name, codec, bytes per unit, where an ASCII character's one non-NUL byte sits).
_WIDE_LAYOUTS = (
    ("UTF-32", "utf-32-le", 4, 0),
    ("UTF-32", "utf-32-be", 4, 3),
    ("UTF-16", "utf-16-le", 2, 0),
    ("UTF-16", "utf-16-be", 2, 1),
)
_SAVE_AS_UTF8 = "save it as UTF-8 (in most editors: Save As or Save with Encoding, then UTF-8)"


def _if_role_file(fix: str) -> str:
    """Say what to do with a file that is not text: fix it if it is a role file, else keep it out of the way."""
    return f"if it is a role file, {fix}; if not, move it out of the content folder or start its name with '_'"


def _wide_encoding(data: bytes) -> tuple[str, str] | None:
    """Return (name, codec) when the bytes are UTF-16 or UTF-32 text, by their byte order mark or NUL pattern."""
    for bom, name, codec in _WIDE_BOMS:
        if data.startswith(bom):
            return name, codec
    sample = data[:4096]
    if b"\x00" not in sample:
        return None
    for name, codec, unit, at in _WIDE_LAYOUTS:
        units = [sample[i : i + unit] for i in range(0, len(sample) - unit + 1, unit)]
        ascii_units = sum(1 for u in units if u[at] and not any(b for i, b in enumerate(u) if i != at))
        if not units or ascii_units < len(units) / 2:
            continue
        # Mostly ASCII in that layout; it is that encoding only if the whole file decodes strictly.
        try:
            data[: len(data) - len(data) % unit].decode(codec)
        except UnicodeDecodeError:
            continue
        return name, codec
    return None


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column (in characters) of byte `offset`, counting CRLF and CR as a line end."""
    head = data[:offset]
    line = head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
    start = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
    prefix = head[start:]
    if start == 0 and prefix.startswith(_UTF8_BOM):
        prefix = prefix[len(_UTF8_BOM) :]
    return line, len(prefix.decode("utf-8", errors="replace")) + 1


def _text_position(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based line and column of `text[index]` in LF-normalised text."""
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def decode_role_file(data: bytes) -> DecodedText:
    """Decode a role file's bytes into normalised text, or raise NotTextError."""
    wide = _wide_encoding(data)
    if wide is not None:
        name, codec = wide
        order = "little-endian" if codec.endswith("le") else "big-endian"
        raise NotTextError(f"the file is {name} ({order}), not UTF-8; {_SAVE_AS_UTF8}")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _byte_position(data, nul)
        raise NotTextError(
            f"the file is not text: it holds a NUL byte at column {column}; {_if_role_file('delete that byte')}",
            line,
        )
    had_bom = data.startswith(_UTF8_BOM)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # exc.object is the data after any BOM, and exc.start an offset into it.
        line, column = _byte_position(exc.object, exc.start)
        byte = exc.object[exc.start]
        bad = f"byte 0x{byte:02X} at column {column} is not valid UTF-8"
        mixed = _utf8_with_stray_bytes(exc.object)
        if mixed is not None:  # UTF-8 with a few bytes pasted from Windows: those are read as Windows-1252
            text, stray = mixed
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            if not _has_binary_controls(text):
                first = exc.object[exc.start : exc.start + 1].decode("cp1252")
                return DecodedText(text, "cp1252", had_bom, False, line, column, byte, stray=stray, stray_text=first)
        # Not UTF-8 at all: a legacy code page file. cp1252 covers what editors on Windows write.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise NotTextError(f"the file is not UTF-8 text ({bad}); {_SAVE_AS_UTF8}", line) from exc
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        # Legacy text is mostly ASCII with a few accented letters; bytes that are mostly high are not text.
        high = sum(1 for c in text[:65536] if ord(c) > 127)
        if _has_binary_controls(text) or high > 0.3 * min(len(text), 65536):
            raise NotTextError(
                f"the file is not text ({bad}, and the bytes are not legacy text either); "
                + _if_role_file(_SAVE_AS_UTF8),
                line,
            ) from exc
        return DecodedText(text=text, repaired_from="cp1252", legacy=True, line=line, column=column, byte=byte)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL_OR_SUSPECT.search(text) is None:
        return DecodedText(text=text, had_bom=had_bom)  # the usual case, found by one scan instead of two
    control = _BINARY_CONTROLS.search(text, 0, 65536)
    if control is not None:
        line, column = _text_position(text, control.start())
        code = f"U+{ord(control.group()):04X}"
        raise NotTextError(
            f"the file is not text: it holds the control character {code} at column {column}; "
            + _if_role_file("delete that character"),
            line,
        )
    fixed, code_page, line = _repair(text)
    damaged = [run for run in _NON_ASCII_RUN.finditer(fixed) if _DAMAGED.search(run.group())]
    at, shown = (None, "") if not damaged else (_text_position(fixed, damaged[0].start())[0], damaged[0].group())
    left = {"damaged_line": at, "damaged_text": shown, "damaged": len(damaged)}
    if code_page is None:
        return DecodedText(text=text, had_bom=had_bom, **left)
    if fixed.startswith("\ufeff"):  # the BOM was damaged too ('ï»¿'); drop it once repaired
        fixed, had_bom = fixed[1:], True
    return DecodedText(text=fixed, repaired_from=code_page, had_bom=had_bom, line=line, **left)


def _utf8_with_stray_bytes(data: bytes) -> tuple[str, int] | None:
    """Return the text of UTF-8 bytes with some bytes that are not UTF-8 (a curly quote or a dash pasted from Word, in
    a file with emoji or accents of UTF-8), those read as Windows-1252, and how many they are; None when the bytes
    hold no UTF-8 beyond ASCII (a legacy file, read whole as Windows-1252) or a byte Windows-1252 does not define."""
    text = data.decode("utf-8", "surrogateescape")  # each stray byte is a lone surrogate, U+DC80 to U+DCFF
    stray = len(_STRAY.findall(text))
    if _STRAY.sub("", text).isascii():
        return None
    try:
        return _STRAY.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252"), text), stray
    except UnicodeDecodeError:
        return None


_STRAY = re.compile("[\udc80-\udcff]")
# What is left of cp1252 mojibake that could not be repaired: the first two bytes of an emoji ('ðŸ', U+1F000 on), of
# the punctuation from U+2000 ('â€') or of the emoji presentation selector ('ï¸'), which no text writes so, shown with
# the other characters of the run of non-ASCII text they are in ('ðŸ¤' for '🤝'). The runs are found first, then
# the marks in each: one pattern for both would try every start in a long run without a mark (Chinese text has no
# spaces), in quadratic time.
_NON_ASCII_RUN = re.compile(r"[^\s\x00-\x7f]+")
_DAMAGED = re.compile("ðŸ|â€|ï¸")
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# Either of the above: a text with neither is decoded as it is (no control character to report, no mojibake).
_CONTROL_OR_SUSPECT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f" + _SUSPECT.pattern[1:])


def _has_binary_controls(text: str) -> bool:
    """Return True when the text holds C0 control characters other than tab, newline and form feed."""
    return _BINARY_CONTROLS.search(text, 0, 65536) is not None
