"""Read source files into `Document` records, reporting every bad file instead of failing.

Three kinds of document are recognised from the text itself, never from a file name:

* ``press_release``: the file opens with YAML front matter (``---`` ... ``---``);
* ``encyclopedia_article``: the first non-blank line is a wiki title (``= Title =``);
* ``news_article``: anything else (plain prose, no metadata).

Character offsets in every frame refer to ``Document.text``: the body after the front
matter, decoded as UTF-8 (a byte-order mark is dropped), with CRLF/CR line endings turned
into LF and Unicode normalised to NFC, once, here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

DOC_TYPES = ("encyclopedia_article", "press_release", "news_article")

#: Front-matter fields with a meaning; any other field is kept (in ``front_matter``) and reported.
KNOWN_FIELDS = ("title", "date", "url", "ministers", "portfolios")

#: Control characters (Unicode category Cc) other than the ordinary white space.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_OPENING = re.compile(r"\A---[ \t]*\n")
#: A line that starts YAML: a ``key:`` field, a list item, a comment, a flow collection, an
#: anchor, alias, tag or directive, or a closing ``---``.
_YAML_LINE = re.compile(r"""[^\s:#][^:\s]*+(?:[ \t]++[^:\s]++)*+[ \t]*+:(?:\s|\Z)|[-#{\[?!&*%]""")
_CLOSING = re.compile(r"^-{3,}[ \t]*$", re.MULTILINE)
_ISO_DATE = re.compile(
    r"\A(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2})"
    r"(?P<time>(?:[Tt]|[ \t]+)[0-9:.]+(?:[ \t]*(?:[Zz]|[-+][0-9:]+))?)?)?)?\Z"
)
#: Front matter is a few fields: deeper nesting, or more values than this once YAML aliases
#: (``*name``) are expanded, is refused (a "billion laughs" or a self-referencing value).
_MAX_DEPTH = 32
_MAX_VALUES = 10_000
#: ... and more text than twice the front matter's own size (at least this many bytes) once
#: aliases are expanded is refused too: a small file that names one long string thousands of
#: times would otherwise fill gigabytes of output.
_MIN_BYTES = 65_536
_UTF16_32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input file. ``severity="error"`` means the file was skipped."""

    path: str
    severity: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Published:
    """The publication date as the document states it (see ``dates`` for the when-block)."""

    text: str | None = None
    edtf: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    precision: str | None = None
    resolution: str = "unresolved"


@dataclass(frozen=True, slots=True)
class Document:
    """A source document: metadata from its front matter or title line, and its body text."""

    doc_id: str
    path: str
    doc_type: str
    text: str
    title: str | None = None
    url: str | None = None
    ministers: tuple[str, ...] = ()
    portfolios: tuple[str, ...] = ()
    published: Published = field(default_factory=Published)
    front_matter: dict[str, Any] = field(default_factory=dict)
    file_sha256: str = ""
    publisher: str | None = None  # issuing body named by the corpus catalogue, if any


class CorpusError(Exception):
    """Raised in strict mode: the message lists every problem found, one per line."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the corpus:\n{lines}")


class NoDocumentsError(CorpusError):
    """There is no document to read: the folder is missing, is a file, or holds none."""

    def __str__(self) -> str:
        return "; ".join(str(p) for p in self.problems)


def normalise_text(text: str) -> str:
    """LF line endings and NFC, applied once so that offsets stay valid everywhere."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def read_document(path: Path, *, root: Path) -> tuple[Document | None, list[Problem]]:
    """Read one file. Returns the document (or None if it cannot be used) and its problems."""
    rel = path.relative_to(root).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(rel, "error", f"cannot be read ({exc.strerror or exc})")]
    text, problem = _decode(data, rel)
    if problem:
        return None, [problem]
    assert text is not None
    if not text.strip():
        return None, [Problem(rel, "error", "empty file: there is no text to read")]
    doc_id = rel.rsplit(".", 1)[0] if "." in Path(rel).name else rel
    sha = hashlib.sha256(data).hexdigest()
    problems: list[Problem] = []
    if text.startswith("\ufeff"):
        boms = len(text) - len(text.lstrip("\ufeff"))
        text = text[boms:]
        problems.append(
            Problem(
                rel,
                "warning",
                f"starts with {boms + 1} byte-order marks; the extra ones are dropped",
                1,
            )
        )
    opening = _OPENING.match(text)
    if opening and _front_matter_follows(text, opening.end()):
        doc, found = _read_press_release(text, doc_id=doc_id, rel=rel, sha=sha)
        return doc, problems + found
    if opening:
        problems.append(
            Problem(
                rel,
                "warning",
                "the first line '---' is not followed by 'key: value' fields, so it opens no "
                "front matter; the file is read as a news article",
                1,
            )
        )
    title = _wiki_title(text)
    if title is not None:
        doc = Document(doc_id, rel, "encyclopedia_article", text, title=title, file_sha256=sha)
        return doc, problems
    return Document(doc_id, rel, "news_article", text, file_sha256=sha), problems


def _front_matter_follows(text: str, pos: int) -> bool:
    """Whether the lines after an opening ``---`` are front matter: the first non-blank one is
    a ``key:`` field, YAML syntax or the closing ``---``, not a line of prose."""
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip()
        if line:
            return bool(_YAML_LINE.match(line))
        pos = end + 1
    return True


def _wiki_title(text: str) -> str | None:
    """The title of a first non-blank line ``= Title =``, else None. A scan of that one line
    (no regex backtracking), so a long first line costs time in proportion to its length."""
    body = text.lstrip()
    newline = body.find("\n")
    line = body if newline < 0 else body[:newline]
    close = line.find("=", 1)
    if not line.startswith("=") or close < 2 or line[close + 1 :].strip(" \t"):
        return None
    return line[1:close].strip()


def _decode(data: bytes, rel: str) -> tuple[str | None, Problem | None]:
    if data.startswith(_UTF16_32_BOMS):
        encoding = "UTF-32" if data[:4] in _UTF16_32_BOMS[:2] else "UTF-16"
        return None, Problem(
            rel,
            "error",
            f"not a text file in UTF-8: it starts with a {encoding} byte-order mark; "
            "re-save the file as UTF-8",
        )
    if b"\x00" in data:
        return None, Problem(rel, "error", "not a text file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start : exc.start + 1].hex()
        return None, Problem(
            rel,
            "error",
            f"not UTF-8: byte 0x{bad} at byte offset {exc.start} cannot be decoded; "
            "re-save the file as UTF-8",
            line,
        )
    controls = len(_CONTROL.findall(text, 0, 8192))
    if controls > max(8, len(text[:8192]) // 100):
        return None, Problem(rel, "error", "not a text file (too many control characters)")
    return normalise_text(text), None


def _read_press_release(
    text: str, *, doc_id: str, rel: str, sha: str
) -> tuple[Document | None, list[Problem]]:
    opening = _OPENING.match(text)
    assert opening is not None
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        return None, [
            Problem(
                rel,
                "error",
                "front matter opened with '---' is never closed by a second '---' line",
                1,
            )
        ]
    block = text[opening.end() : closing.start()]
    body = text[closing.end() + 1 :] if closing.end() < len(text) else ""
    try:
        meta = _load_yaml(block)
    except yaml.YAMLError as exc:
        reason, line = _yaml_error(exc, block)
        return None, [Problem(rel, "error", f"front matter is not valid YAML ({reason})", line)]
    except _TooLarge as exc:
        return None, [Problem(rel, "error", exc.args[0], exc.args[1])]
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return None, [Problem(rel, "error", "front matter is not a set of 'key: value' fields", 2)]
    problems: list[Problem] = []
    keys = [
        (m.group(1), i + 2)
        for i, raw in enumerate(block.split("\n"))
        if (m := re.match(r"([^\s:#][^:]*):", raw))
    ]
    line_of = dict(keys)
    for key, count in Counter(k for k, _ in keys).items():
        if count > 1 and key in meta:
            problems.append(
                Problem(
                    rel,
                    "warning",
                    f"front-matter field {key!r} is given {count} times; only the last is used",
                    line_of[key],
                )
            )
    for key in meta:
        if key not in KNOWN_FIELDS:
            problems.append(
                Problem(
                    rel,
                    "warning",
                    f"unknown front-matter field {key!r} (kept in front_matter_json)",
                    line_of.get(str(key)),
                )
            )
    published, date_problem = _published(meta.get("date"))
    if date_problem:
        problems.append(Problem(rel, "warning", date_problem, line_of.get("date")))
    if not body.strip():
        problems.append(Problem(rel, "warning", "the body after the front matter is empty"))
    fields: dict[str, Any] = {}
    for key, read in (
        ("title", _text_field),
        ("url", _text_field),
        ("ministers", _list_field),
        ("portfolios", _list_field),
    ):
        fields[key], complaint = read(meta.get(key))
        if complaint:
            problems.append(
                Problem(rel, "warning", f"front-matter field {key!r} {complaint}", line_of.get(key))
            )
    doc = Document(
        doc_id,
        rel,
        "press_release",
        body,
        title=fields["title"],
        url=fields["url"],
        ministers=fields["ministers"],
        portfolios=fields["portfolios"],
        published=published,
        front_matter=meta,
        file_sha256=sha,
    )
    return doc, problems


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML's safe loader (no tag can build a Python object or run code), except that
    timestamps stay text: the reader checks dates itself and says what is wrong with them."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_scalar)


def _yaml_error(exc: yaml.YAMLError, block: str) -> tuple[str, int | None]:
    """What is wrong, and the line of the file where it is (the block starts on line 2)."""
    mark = getattr(exc, "problem_mark", None)
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is not None and block[mark.index : mark.index + 1] == "\t":
        return "a tab character; YAML is indented with spaces", mark.line + 2
    if context:
        reason = f"{reason} {context}"
    if context_mark is not None and "end of stream" in reason:
        mark = context_mark  # an unclosed quote or bracket: where it was opened
    return reason, mark.line + 2 if mark is not None else None


class _TooLarge(ValueError):
    """Front matter nested too deeply, or too large once its aliases are expanded."""


def _load_yaml(block: str) -> Any:
    import frontmatter

    _check_nesting(block)
    meta = frontmatter.YAMLHandler().load(block, Loader=_Loader)
    _check_size(meta, max(_MIN_BYTES, 2 * len(block.encode("utf-8"))))
    return meta


_OPENS = (
    yaml.FlowSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.BlockMappingStartToken,
)
_CLOSES = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)


def _too_deep(line: int) -> _TooLarge:
    return _TooLarge(
        f"front matter is nested more than {_MAX_DEPTH} levels deep; write its fields out plainly",
        line + 2,
    )


def _check_flow_nesting(block: str) -> None:
    """Count ``[`` and ``{`` outside quotes and comments in the text itself, so that the
    message is ours whatever limit (or none) a PyYAML release puts on nesting."""
    depth = 0
    for number, line in enumerate(block.split("\n")):
        quote = None
        for i, char in enumerate(line):
            before = line[i - 1] if i else " "
            if quote:
                if char == quote and (quote == "'" or before != "\\"):
                    quote = None
            elif char in "\"'" and before in " \t[{,:":
                quote = char
            elif char == "#" and before in " \t":
                break
            elif char in "[{":
                depth += 1
                if depth > _MAX_DEPTH:
                    raise _too_deep(number)
            elif char in "]}":
                depth = max(depth - 1, 0)


def _check_nesting(block: str) -> None:
    """Refuse deep nesting before it is loaded: the C loader recurses once per level and
    crashes the interpreter (no exception) at some ten thousand levels."""
    _check_flow_nesting(block)
    loader = _Loader(block)
    depth = 0
    try:
        while (token := loader.get_token()) is not None:
            if isinstance(token, _OPENS):
                depth += 1
                if depth > _MAX_DEPTH:
                    raise _too_deep(token.start_mark.line)
            elif isinstance(token, _CLOSES):
                depth -= 1
    finally:
        loader.dispose()


def _check_size(meta: Any, max_bytes: int) -> None:
    """Refuse front matter whose aliases expand it beyond `_MAX_VALUES` values (or forever),
    or beyond ``max_bytes`` bytes of text (one long string referred to many times)."""
    stack = [meta]
    count = size = 0
    while stack:
        value = stack.pop()
        count += 1
        if count > _MAX_VALUES:
            raise _TooLarge(
                f"front matter has more than {_MAX_VALUES} values once its YAML aliases (*name) "
                "are expanded, or refers to itself; write its fields out plainly",
                2,
            )
        if isinstance(value, str):
            size += len(value.encode("utf-8", "surrogatepass"))
            if size > max_bytes:
                raise _TooLarge(
                    f"front matter holds more than {max_bytes:,} bytes of text once its YAML "
                    "aliases (*name) are expanded; write its fields out plainly",
                    2,
                )
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list | tuple | set | frozenset):
            stack.extend(value)


_COLLECTIONS = (dict, list, tuple, set, frozenset)


def _text_field(value: Any) -> tuple[str | None, str | None]:
    """A text field: a scalar as its text (``2024`` -> "2024"); a list or mapping is no text,
    and is left empty with a complaint rather than written as a Python repr."""
    if value is None:
        return None, None
    if isinstance(value, _COLLECTIONS):
        kind = "mapping" if isinstance(value, dict) else "list"
        return None, f"is a {kind}, not text; it is left empty"
    text = str(value).strip()
    return text or None, None


def _list_field(value: Any) -> tuple[tuple[str, ...], str | None]:
    """A list of names (or one name); items that are themselves lists or mappings are left
    out with a complaint."""
    if value is None:
        return (), None
    if isinstance(value, dict):
        return (), "is a mapping, not a list of names; it is left empty"
    items = value if isinstance(value, list) else [value]
    kept = tuple(
        t for item in items if not isinstance(item, _COLLECTIONS) and (t := str(item).strip())
    )
    odd = sum(isinstance(item, _COLLECTIONS) for item in items)
    return kept, f"has {odd} item(s) that are not text; they are left out" if odd else None


def _published(value: Any) -> tuple[Published, str | None]:
    """Publication date from the front matter, never more precise than what is written."""
    if value is None:
        return Published(), None
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    if not match:
        return Published(text=text), (
            f"date field {text!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); "
            "the document is kept as undated"
        )
    year, month, day = int(match["y"]), match["m"], match["d"]
    try:
        if day:
            d = dt.date(year, int(month), int(day))
            if match["time"]:
                return _day(text, d), "date field has a time of day; only the date is used"
            return _day(text, d), None
        if month:
            m = int(month)
            first = dt.date(year, m, 1)
            last = dt.date(year, m, calendar.monthrange(year, m)[1])
            return Published(text, text, first, last, "month", "explicit"), None
        return Published(
            text, text, dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "explicit"
        ), None
    except ValueError:
        return Published(text=text), (
            f"date field {text!r} is not a real calendar date; the document is kept as undated"
        )


def _day(text: str, day: dt.date) -> Published:
    return Published(text, day.isoformat(), day, day, "day", "explicit")


def front_matter_json(meta: dict[str, Any]) -> str | None:
    """Lossless, deterministic JSON of the front matter (dates as ISO strings; keys that YAML
    reads as numbers, booleans or null, such as ``1:`` or ``yes:``, as text)."""
    if not meta:
        return None
    return json.dumps(_jsonable(meta), ensure_ascii=False, sort_keys=True, default=str)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k if isinstance(k, str) else str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((_jsonable(v) for v in value), key=str)
    return value


def check_pattern(pattern: str) -> str:
    """A file pattern relative to the corpus folder (``*.txt``, ``news/*.txt``), else ValueError."""
    parts = Path(pattern).parts
    if not pattern or Path(pattern).is_absolute() or ".." in parts:
        raise ValueError(
            f"pattern {pattern!r} must name files inside the corpus folder, such as '*.txt'"
        )
    return pattern


def find_files(
    root: Path, pattern: str = "*.txt", *, follow_symlinks: bool = False
) -> tuple[list[Path], list[Problem]]:
    """Document files below ``root`` in a stable order, and a problem for every entry that
    matches but cannot be read.

    The rules, the same for files and folders:

    * names starting with "." (hidden files and folders) are skipped, as a shell's ``*`` does;
    * ``pattern`` is matched with its case (``*.txt`` does not read ``A.TXT``), but a name
      that matches only when case is ignored is reported, so that no file is left out unsaid;
    * a symbolic link is followed when it points inside the corpus folder, and reported and
      not followed when it points outside it (unless ``follow_symlinks=True``) or nowhere;
    * a folder that cannot be listed, a matching name that is not a regular file (a FIFO, a
      socket, a device) and a name that is not valid UTF-8 are reported and not read.

    Folders are walked with a list, not by recursion, so any depth is read.
    """
    check_pattern(pattern)
    problems: list[Problem] = []
    found: list[Path] = []
    real_root = os.path.realpath(root)
    seen = {_identity(root)}  # folders walked and files found, so that none is read twice
    folded = pattern.casefold()
    stack = [Path(root)]
    links: list[tuple[Path, bool]] = []  # followed after every real folder: real paths win
    while stack or links:
        if not stack:
            path, is_dir = links.pop(0)
            rel = _shown(root, path)
            identity = _identity(path)
            if identity in seen:
                problems.append(
                    Problem(rel, "warning", "a link to a file or folder read already; skipped")
                )
            elif is_dir:
                seen.add(identity)
                stack.append(path)
            else:
                seen.add(identity)
                found.append(path)
            continue
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(_unreadable(root, folder, "folder cannot be listed", exc))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            rel = _shown(root, path)
            if _surrogates(entry.name):
                problems.append(
                    Problem(
                        rel, "error", "the name is not valid UTF-8, so it is not read; rename it"
                    )
                )
                continue
            matches = PurePosixPath(rel).match(pattern)
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=True)
                is_file = not is_dir and entry.is_file(follow_symlinks=True)
            except OSError as exc:
                problems.append(_unreadable(root, path, "cannot be read", exc))
                continue
            if is_link and (is_dir or matches):
                target = os.path.realpath(path)
                inside = os.path.commonpath([real_root, target]) == real_root
                if not os.path.exists(target):
                    problems.append(
                        Problem(
                            rel, "error", "a symbolic link to nothing (a broken link); not read"
                        )
                    )
                elif not inside and not follow_symlinks:
                    problems.append(
                        Problem(
                            rel,
                            "error",
                            f"a symbolic link to {target}, outside the corpus folder; not "
                            "followed (allow it with follow_symlinks=True)",
                        )
                    )
                elif is_dir or is_file:
                    links.append((path, is_dir))
                else:
                    problems.append(
                        Problem(rel, "error", f"not a regular file (a {_kind(path)}); not read")
                    )
            elif is_link:
                continue
            elif is_dir:
                seen.add(_identity(path))
                subfolders.append(path)
            elif matches and is_file:
                seen.add(_identity(path))
                found.append(path)
            elif matches:
                problems.append(
                    Problem(rel, "error", f"not a regular file (a {_kind(path)}); not read")
                )
            elif PurePosixPath(rel.casefold()).match(folded):
                problems.append(
                    Problem(
                        rel,
                        "warning",
                        f"the name matches {pattern!r} only if case is ignored; not read "
                        "(rename it, or choose the pattern that matches it)",
                    )
                )
        stack.extend(reversed(subfolders))
    found.sort(key=lambda p: p.relative_to(root).as_posix())
    return found, problems


def _identity(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _surrogates(name: str) -> bool:
    """Whether a file name held undecodable bytes (Python keeps them as lone surrogates)."""
    return any("\udc80" <= ch <= "\udcff" for ch in name)


def _shown(root: Path, path: Path) -> str:
    """The path below the corpus folder as text that can always be printed: bytes that are not
    UTF-8 are shown as ``\\xe9``."""
    rel = path.relative_to(root).as_posix()
    return os.fsencode(rel).decode("utf-8", "backslashreplace") if _surrogates(rel) else rel


def _unreadable(root: Path, path: Path, what: str, exc: OSError) -> Problem:
    where = _shown(root, path) if path != Path(root) else str(root)
    return Problem(where, "error", f"{what} ({exc.strerror or exc}); its documents are not read")


def _kind(path: Path) -> str:
    mode = os.stat(path).st_mode
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def read_corpus(
    root: Path, pattern: str = "*.txt", *, follow_symlinks: bool = False
) -> tuple[list[Document], list[Problem]]:
    """Read every document below ``root``; problems of all files are collected, none raised.
    See `find_files` for which files are read, and how symbolic links are treated."""
    files, problems = corpus_files(root, pattern, follow_symlinks=follow_symlinks)
    documents, found = keep_unique(read_document(path, root=root) for path in files)
    return documents, problems + found


def corpus_files(
    root: Path, pattern: str = "*.txt", *, follow_symlinks: bool = False
) -> tuple[list[Path], list[Problem]]:
    """The files `read_corpus` reads, and the problems of listing them; a missing folder, or a
    file given for one, raises `NoDocumentsError`."""
    if root.exists() and not root.is_dir():
        raise NoDocumentsError([Problem(str(root), "error", "is a file, not a corpus folder")])
    if not root.is_dir():
        raise NoDocumentsError([Problem(str(root), "error", "corpus folder does not exist")])
    files, problems = find_files(root, pattern, follow_symlinks=follow_symlinks)
    if not files:
        problems.append(
            Problem(
                str(root.name or root),
                "warning",
                f"no files matching {pattern!r} in the corpus folder",
            )
        )
    return files, problems


def keep_unique(
    read: Iterable[tuple[Document | None, list[Problem]]],
) -> tuple[list[Document], list[Problem]]:
    """The documents read (in file order) without a second one of the same doc_id, and the
    problems of every file; a text read twice is kept, with a warning."""
    documents: list[Document] = []
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    seen: dict[str, str] = {}
    for doc, found in read:
        problems.extend(found)
        if doc is None:
            continue
        if doc.doc_id in ids:
            problems.append(
                Problem(
                    doc.path,
                    "error",
                    f"its doc_id {doc.doc_id!r} is already that of {ids[doc.doc_id]}; not read "
                    "(rename one of the two files)",
                )
            )
            continue
        ids[doc.doc_id] = doc.path
        text_hash = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        if text_hash in seen:
            problems.append(
                Problem(doc.path, "warning", f"same text as {seen[text_hash]}; both are kept")
            )
        seen.setdefault(text_hash, doc.path)
        documents.append(doc)
    return documents, problems
