"""Press releases: a file that opens with YAML front matter (``---`` ... ``---``). Detect it,
split the front matter from the body, and load the fields that have a meaning."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from typing import Any

import yaml

from .front_matter import _load_yaml, _TooLarge, _yaml_error
from .records import Document, Problem, Published

#: Front-matter fields with a meaning; any other field is kept (in ``front_matter``) and reported.
KNOWN_FIELDS = ("title", "date", "url", "ministers", "portfolios")


_OPENING = re.compile(r"\A---[ \t]*\n")
#: A line that starts YAML: a ``key:`` field, a list item, a comment, a flow collection, an
#: anchor, alias, tag or directive, or a closing ``---``.
_YAML_LINE = re.compile(r"""[^\s:#][^:\s]*+(?:[ \t]++[^:\s]++)*+[ \t]*+:(?:\s|\Z)|[-#{\[?!&*%]""")
_CLOSING = re.compile(r"^-{3,}[ \t]*$", re.MULTILINE)
_ISO_DATE = re.compile(
    r"\A(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2})"
    r"(?P<time>(?:[Tt]|[ \t]+)[0-9:.]+(?:[ \t]*(?:[Zz]|[-+][0-9:]+))?)?)?)?\Z"
)


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


def detect(text: str) -> bool:
    """Whether the text opens with ``---`` followed by front-matter lines."""
    opening = _OPENING.match(text)
    return opening is not None and _front_matter_follows(text, opening.end())


def false_opening(text: str, rel: str) -> Problem | None:
    """A warning for a first line ``---`` that opens no front matter (the file is read on)."""
    if _OPENING.match(text) is None or detect(text):
        return None
    return Problem(
        rel,
        "warning",
        "the first line '---' is not followed by 'key: value' fields, so it opens no "
        "front matter; the file is read as a news article",
        1,
    )


def split(text: str) -> tuple[str, str] | None:
    """The front-matter block and the body after it; None when the block is never closed."""
    opening = _OPENING.match(text)
    assert opening is not None
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        return None
    block = text[opening.end() : closing.start()]
    return block, text[closing.end() + 1 :] if closing.end() < len(text) else ""


def load(text: str, *, doc_id: str, rel: str, sha: str) -> tuple[Document | None, list[Problem]]:
    """The release: its fields from the front matter, checked one by one, and its body."""
    parts = split(text)
    if parts is None:
        return None, [
            Problem(
                rel,
                "error",
                "front matter opened with '---' is never closed by a second '---' line",
                1,
            )
        ]
    block, body = parts
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
    line_of, problems = _field_lines(block, meta, rel)
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


def _field_lines(
    block: str, meta: dict[Any, Any], rel: str
) -> tuple[dict[str, int], list[Problem]]:
    """The file line of each field, and a warning for each field given twice or unknown."""
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
    return line_of, problems
