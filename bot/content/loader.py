"""Load a folder of role files into a `ContentIndex`: a bad file is reported and left out, never fatal."""

from __future__ import annotations

import gc
import hashlib
import operator
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from bot.content.encoding import NotTextError, decode_role_file
from bot.content.ids import name_key
from bot.content.models import Problem, Role
from bot.content.parse import parse_role
from bot.content.search import SearchIndex
from bot.log import get_logger

log = get_logger(__name__)

MAX_FILE_BYTES = 1024 * 1024
SKIPPED_NAMES = frozenset({"readme.md", "contributing.md", "license.md"})


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """One file's parse result, with the digest of the bytes it came from."""

    digest: bytes
    role: Role | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class ContentIndex:
    """Every role that loaded, the search index over them, and every problem found on the way."""

    roles: dict[str, Role]
    problems: tuple[Problem, ...] = ()
    search: SearchIndex = field(default_factory=lambda: SearchIndex(()))
    # What each file parsed to, by the digest of its bytes: a reload re-parses only the files that changed.
    parsed: dict[str, ParsedFile] = field(default_factory=dict, repr=False, compare=False)
    # What walking the folder found (unreadable folders, broken links): with `parsed`, what the index was made of.
    walk_problems: tuple[Problem, ...] = field(default=(), repr=False, compare=False)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def role(self, name: str) -> Role | None:
        """Return the role with this name, alias or display name (exact, case-insensitive)."""
        found = self.roles.get(name)
        if found is not None:
            return found
        return self.search.role_by_key(name)

    def left_out(self, name: str) -> str | None:
        """Return the file of a role left out for its errors that is named `name` ('data-scientist' for
        'data-scientist.md', in any folder), so a learner asking for it can be told it is not loaded, not that there
        is no such path; else None."""
        key = name_key(name)
        for problem in self.problems:
            file = PurePosixPath(problem.file)
            if problem.severity == "error" and file.suffix == ".md" and name_key(file.stem) == key:
                return problem.file
        return None


@dataclass(frozen=True, slots=True)
class FoundFiles:
    """The role files of a content folder, and what could not be looked at on the way."""

    paths: list[Path]
    problems: list[Problem]


def role_files(directory: Path) -> list[Path]:
    """Return the role files of a content folder, in a stable order."""
    return find_role_files(directory).paths


def find_role_files(directory: Path) -> FoundFiles:
    """Walk a content folder for role files; a folder or link that cannot be read is a problem, not a gap.

    Names starting with '.' or '_' are skipped, and so are README.md and its kind. Links to files are
    followed; links to folders are not (one could lead anywhere, or round in a loop), with a warning.
    """
    paths: list[Path] = []
    problems: list[Problem] = []
    # A stack, not a nested function that calls itself: that would be a reference cycle, which a process that
    # freezes the collector (`ContentHolder`) never frees, on every reload.
    folders = [directory]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as exc:
            problems.append(_unreadable_folder(directory, folder, _shown(directory, folder, folder=True), exc))
            continue
        for entry in entries:
            if entry.name.startswith((".", "_")):
                continue
            path = folder / entry.name
            is_md = entry.name.endswith(".md") and entry.name.lower() not in SKIPPED_NAMES
            try:
                if entry.is_symlink():
                    if entry.is_dir():
                        problems.append(_linked_folder(path, _shown(directory, path, folder=True)))
                    elif is_md:
                        path.stat()  # raises for a link to nothing, or round in a loop
                        if entry.is_file():
                            paths.append(path)
                elif entry.is_dir():
                    folders.append(path)
                elif is_md and entry.is_file():
                    paths.append(path)
            except OSError as exc:
                problems.append(_broken_link(path, _shown(directory, path), exc))
    return FoundFiles(sorted(paths), sorted(problems, key=lambda p: p.file))


def _shown(directory: Path, path: Path, folder: bool = False) -> str:
    return path.relative_to(directory).as_posix() + ("/" if folder else "")


def _unreadable_folder(directory: Path, folder: Path, display: str, exc: OSError) -> Problem:
    reason = exc.strerror or str(exc)
    if folder == directory:
        message = f"cannot read the content folder ({reason}); check its permissions"
        return Problem(str(directory), None, "error", message)
    message = f"cannot read this folder ({reason}), so no role file in it was loaded; check its permissions"
    return Problem(display, None, "error", message)


def _linked_folder(path: Path, display: str) -> Problem:
    message = (
        f"this is a link to the folder {os.readlink(path)}; links to folders are not followed, so no role file "
        "in it was loaded: move or copy the role files into the content folder"
    )
    return Problem(display, None, "warning", message)


def _broken_link(path: Path, display: str, exc: OSError) -> Problem:
    try:
        target = os.readlink(path)
    except OSError:  # not a link: the entry itself could not be looked at
        return Problem(display, None, "error", f"cannot read this ({exc.strerror or exc}); check its permissions")
    reason = "does not exist" if isinstance(exc, FileNotFoundError) else f"cannot be read ({exc.strerror or exc})"
    message = f"this is a link to {target}, which {reason}; point the link at the role file or remove it"
    return Problem(display, None, "error", message)


def load_file(
    path: Path, display: str, previous: ParsedFile | None = None
) -> tuple[Role | None, list[Problem], ParsedFile | None]:
    """Read, decode and parse one role file; reuse `previous` when the bytes are the same."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            message = (
                f"the file is {size:,} bytes; role files may be at most {MAX_FILE_BYTES:,} bytes: "
                "shorten it, or split the path into two roles"
            )
            return None, [Problem(display, None, "error", message)], None
        data = path.read_bytes()
    except OSError as exc:
        message = f"cannot read the file ({exc.strerror or exc}); check that it exists and that Waymark may read it"
        return None, [Problem(display, None, "error", message)], None
    digest = hashlib.blake2b(data, digest_size=16).digest()
    if previous is not None and previous.digest == digest:
        return previous.role, list(previous.problems), previous
    role, problems = parse_bytes(data, display)
    return role, problems, ParsedFile(digest, role, tuple(problems))


def parse_bytes(data: bytes, display: str) -> tuple[Role | None, list[Problem]]:
    """Decode and parse a role file's bytes."""
    try:
        decoded = decode_role_file(data)
    except NotTextError as exc:
        return None, [Problem(display, exc.line, "error", str(exc))]
    problems: list[Problem] = []
    if decoded.stray:
        n = decoded.stray
        message = (
            f"{n} byte{'s are' if n > 1 else ' is'} not valid UTF-8 (the first, 0x{decoded.byte:02X} at column "
            f"{decoded.column}) and {'were' if n > 1 else 'was'} read as Windows-1252 ({decoded.repaired_from}), as "
            f"{decoded.stray_text} here; type {'those characters' if n > 1 else 'that character'} again (quotes and "
            "dashes pasted from Word, most often) to silence this"
        )
        problems.append(Problem(display, decoded.line, "warning", message))
    elif decoded.legacy:
        message = (
            f"the file is not UTF-8 (byte 0x{decoded.byte:02X} at column {decoded.column} is the first that is not "
            f"valid UTF-8) and was read as Windows-1252 ({decoded.repaired_from}); save it as UTF-8 to silence this"
        )
        problems.append(Problem(display, decoded.line, "warning", message))
    elif decoded.repaired_from:
        where = "" if decoded.line is None else ", first on this line"
        message = (
            f"the text was damaged by a wrong encoding (UTF-8 once read as {decoded.repaired_from}, "
            f"e.g. {_mojibake_example(decoded.repaired_from)}) and was repaired"
            f"{' where it could be' if decoded.damaged else ''}{where}; "
            "replace the damaged characters in the file with the real ones to silence this"
        )
        problems.append(Problem(display, decoded.line, "warning", message))
    if decoded.damaged_line is not None:
        n = decoded.damaged
        message = (
            f"'{decoded.damaged_text}' ({f'the first of {n} such places' if n > 1 else 'the only such place'}) "
            "is damaged by a wrong encoding (UTF-8 once read as cp1252) and could not be repaired, as a byte of it was "
            f"lost: {'they are' if n > 1 else 'it is'} shown as written; replace {'them' if n > 1 else 'it'} in the "
            "file with the real characters (an emoji, a quote or a dash, most often)"
        )
        problems.append(Problem(display, decoded.damaged_line, "warning", message))
    try:
        role, found = parse_role(decoded.text, display)
    except Exception:  # a parser bug must cost one file, never the whole load
        log.exception("parsing %s failed", display)
        message = "the file could not be parsed (an error in Waymark itself, logged with its details); please report it"
        return None, [*problems, Problem(display, None, "error", message)]
    return role, problems + found


def _mojibake_example(code_page: str) -> str:
    """Show what a wrong code page makes of a character, as the author sees it in the file."""
    char = "é" if code_page == "latin-1" else "🚀"  # latin-1 makes control characters of the rocket
    return f"'{char.encode().decode(code_page)}' for '{char}'"


@contextmanager
def collector_off() -> Iterator[None]:
    """Pause the cyclic garbage collector (as it was before, after): what is freed meanwhile goes by refcount."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_content(
    directory: str | Path, previous: ContentIndex | None = None, *, defer_search: bool = False
) -> ContentIndex:
    """Load every role file under `directory`; files unchanged since `previous` are not parsed again.

    When no file changed, `previous` itself is returned: the same roles give the same index, and a reload that
    changes nothing builds nothing. `defer_search` leaves indexing the entries for search to the first search
    (`SearchIndex`).
    """
    # Loading allocates hundreds of thousands of small objects and frees none of them: the cyclic
    # garbage collector would only walk them again and again (about a fifth of the time).
    collecting = gc.isenabled()
    with collector_off():
        index = _load_content(Path(directory), previous, defer_search)
        if collecting and index is not previous:
            _age_survivors()
    return index


def _age_survivors() -> None:
    """Move every object the collector tracks into its oldest generation at once, without walking any of them."""
    # The index's objects live until the next load. Left in the youngest generation, the first allocation after the
    # collector is back on would walk all of them (~200,000 at 1,000 roles, ~70 ms), and the middle generation's
    # collection would walk them again; in the oldest one only full collections do. `gc.freeze()` then
    # `gc.unfreeze()` moves every generation there in O(1). Other young objects of the process go with them: cyclic
    # garbage among them waits for the next full collection. Skipped when anything is frozen, which unfreezing would
    # thaw too (the content holder freezes the bot's live index).
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def _load_content(directory: Path, previous_index: ContentIndex | None, defer_search: bool) -> ContentIndex:
    missing = folder_problem(directory)
    if missing is not None:
        problem = Problem(str(directory), None, "error", missing)
        return replace(build_index([], [problem]), walk_problems=(problem,))  # never the index of a folder found
    found = find_role_files(directory)
    previous = previous_index.parsed if previous_index is not None else {}
    # What could not be looked at goes first, as entries that loaded nothing: they claim no name, so the
    # files keep their order, which decides who keeps a name claimed twice.
    loaded: list[tuple[str, Role | None, list[Problem]]] = [(p.file, None, [p]) for p in found.problems]
    parsed: dict[str, ParsedFile] = {}
    skip = len(directory.parts)
    for path in found.paths:
        # The path under the folder, as path.relative_to(directory).as_posix() gives it: find_role_files makes
        # each path as directory / ... / name, so its parts past the folder's are that (several times quicker).
        display = "/".join(path.parts[skip:])
        role, problems, result = load_file(path, display, previous.get(display))
        loaded.append((display, role, problems))
        if result is not None:
            parsed[display] = result
    if (
        previous_index is not None
        and len(parsed) == len(loaded) - len(found.problems) == len(previous)
        and all(map(operator.is_, parsed.values(), previous.values()))  # the same files, in order, each unchanged
        and tuple(found.problems) == previous_index.walk_problems
    ):
        return previous_index
    index = merge_loaded(loaded, defer_search=defer_search)
    index.parsed.update(parsed)
    return replace(index, walk_problems=tuple(found.problems))


def shown_folder(directory: Path) -> str:
    """Name a folder as given, and where it points when relative (a typo is easier to see)."""
    return str(directory) if directory.is_absolute() else f"{directory} (that is {directory.absolute()})"


FOLDER_FIX = "point WAYMARK_CONTENT_DIR (or the command's folder argument) at the folder of role files"
"""How `folder_problem` says to name the right folder, unless its caller knows how its user does."""


def folder_problem(directory: Path, fix: str = FOLDER_FIX) -> str | None:
    """Say why `directory` cannot be the content folder (missing, a file, unreadable), naming it, or return None.

    `fix` says how to give the right folder, as the caller's user does it (a setting, an argument).
    """
    where = shown_folder(directory)
    try:
        with os.scandir(directory):
            return None
    except FileNotFoundError:
        tilde = "; `~` is not expanded there, write the full path" if str(directory).startswith("~") else ""
        return f"the content folder {where} does not exist; {fix} (the repository's is ./content){tilde}"
    except NotADirectoryError:
        return f"the content folder {where} is a file, not a folder; {fix}"
    except OSError as exc:
        return f"cannot read the content folder {where} ({exc.strerror or exc}); check its permissions"


def merge_loaded(
    loaded: Iterable[tuple[str, Role | None, list[Problem]]], *, defer_search: bool = False
) -> ContentIndex:
    """Check roles against each other (names and aliases are unique) and build the index."""
    roles: list[Role] = []
    problems: list[Problem] = []
    claimed: dict[str, tuple[str, str]] = {}  # key -> (file, what claimed it)
    for display, role, found in loaded:
        problems.extend(found)
        if role is None:
            continue
        stem = Path(display).stem
        if stem != role.name:
            problems.append(
                Problem(display, None, "warning", f"the file is named '{stem}.md' but its name is '{role.name}'")
            )
        clashes = []
        keys = [
            ("name", role.name),
            *(("alias", a) for a in role.aliases),
            ("displayName", role.display_name),
        ]
        own = set()
        for what, value in keys:
            key = name_key(value)
            if key in own:
                continue
            own.add(key)
            if key in claimed:
                other_file, other_what = claimed[key]
                clashes.append(f"its {what} '{value}' is already the {other_what} of {other_file}")
        if clashes:
            problems.append(
                Problem(display, None, "error", "; ".join(clashes) + " (each name and alias must be unique)")
            )
            continue
        for what, value in keys:
            claimed.setdefault(name_key(value), (display, what))
        roles.append(role)
    return build_index(roles, problems, defer_search=defer_search)


def build_index(roles: list[Role], problems: list[Problem], *, defer_search: bool = False) -> ContentIndex:
    """Build the content index over roles that passed validation."""
    return ContentIndex(
        roles={r.name: r for r in roles},
        problems=tuple(problems),
        search=SearchIndex(roles, defer=defer_search),
    )
