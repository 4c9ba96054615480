"""English date phrases → EDTF "when" blocks with strict bounds (data-model §1).

`find_dates` scans a text with one closed table of regular-expression rules (`_RULES`). Each
match becomes a `When`: the phrase as written, an EDTF string (levels 0–2), its strict first and
last possible day, precision, qualifier (EDTF ``~ ? %``), refine (early/mid/late, which EDTF cannot
say) and where any missing part came from. Nothing is guessed: a phrase that cannot be placed keeps
``edtf=None`` and says why in ``note``.

Decisions (the tests show each on an example):

* Span: a phrase starts at its first word with date meaning. The article "the" and prepositions
  that only place it in time (in, on, at, during, throughout, of) are left out; words that change
  the meaning (since, from, until, by, before, after, between, around, early…) are kept.
* Month and weekday names count only when capitalised, so "it may be" is not a date. A bare
  month needs "in/during/throughout" before it; a bare year needs one of those, "of", "the"
  (from 1800 on: "the 1718 Committee" is a name) or brackets ("(1993)"), or a day, range, refine
  or qualifier next to it. "a Tuesday", "every Monday" are not dates.
* Qualifiers (around, circa, c., probably…) apply to days, months and years only: EDTF has no
  qualified season, and "circa the 1950s" keeps just the decade.
* At each position the longest reading wins; matches never overlap.
* A year-less date ("21 January", "in July", "3-5 April") takes its year from (1) the latest year
  written in an earlier date of the same text, moved on a year when it would otherwise end before
  the previous date (a narrative does not go back in time); else (2) the document date: the latest
  occurrence starting on or before it (past tense) or the first one not over by then (future
  tense). Tense is the nearest tense marker in the sentence ("will", "is to", "is due to", "plans
  to", "next"… against "was", "had", "said", "-ed"…), past by default. A future-tense phrase in a
  dated document always uses (2): an earlier historical year cannot place a plan. Else (3) the
  date stays unresolved with its precision.
* Seasons follow the hemisphere (south: EDTF 29–32, north: 25–28) and are dated by the year they
  begin: a southern "summer 2024" (also "summer 2024/25") is 2024-12-01…2025-02-28. The `edtf`
  package cuts codes 24/28/30 off at 31 December; we do not.
* Relative phrases count from the document date (weeks run Monday–Sunday; "on Monday" is the last
  Monday before it in past tense, the next one in future tense). "in recent days" is
  ``../<document date>``: only its end is known. Without a document date they stay unresolved.
* "before X"/"after X" end one unit before/after X (``../2009`` for "before 2010"), except when X
  carries a refine or qualifier, which makes the unit itself the bound.
* "the 1900s" (any ``YY00s`` before 2000) is read as the century, which holds the decade reading
  too; "the 2000s" is the decade. "2007/08" is the span 2007–2008, not a fiscal year: the text
  does not say whose fiscal year it is.
* The `edtf` package cannot parse a season inside an interval or an X-year next to an open end,
  so such endpoints are written as the equivalent first/last month or year (same bounds).
* Not read: numeric dates (3/4/2015: day-first and month-first cannot be told apart), moveable
  feasts (Easter), "next July"/"last March", "the 3rd to the 5th of March", "the past few days",
  all-capital month names, times of day. Resolution "inferred" is never produced here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class When:
    """One temporal expression found in a text: the "when" block of data-model §1.4."""

    text: str
    char_start: int
    char_end: int
    edtf: str | None
    earliest: dt.date | None
    latest: dt.date | None
    precision: str | None
    qualifier: str
    refine: str | None
    resolution: str
    is_interval: bool
    rule: str
    note: str | None


# ---------------------------------------------------------------------------------------------
# Calendar vocabulary
# ---------------------------------------------------------------------------------------------

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_OF = {name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, 1)}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_PRECISIONS = ("day", "month", "season", "year", "decade", "century")  # finest first
_QUALIFIER_MARK = {"none": "", "approximate": "~", "uncertain": "?", "uncertain_approximate": "%"}
_MARK_QUALIFIER = {mark: qualifier for qualifier, mark in _QUALIFIER_MARK.items()}
_QUALIFIER_WORD = {
    "around": "approximate",
    "about": "approximate",
    "approximately": "approximate",
    "roughly": "approximate",
    "circa": "approximate",
    "c.": "approximate",
    "ca.": "approximate",
    "probably": "uncertain",
    "possibly": "uncertain",
    "perhaps": "uncertain",
}
_REFINE_WORD = {
    "early": "early",
    "beginning": "early",
    "start": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "end": "late",
}
# EDTF seasons by hemisphere (level-2 codes, so the hemisphere is explicit in the string).
_SEASON_CODE = {
    "south": {"spring": 29, "summer": 30, "autumn": 31, "fall": 31, "winter": 32},
    "north": {"spring": 25, "summer": 26, "autumn": 27, "fall": 27, "winter": 28},
}
# EDTF sub-year groupings → (first month, number of months); a season that starts in December
# runs into the next year.
_GROUPINGS = {
    21: (3, 3), 22: (6, 3), 23: (9, 3), 24: (12, 3),  # level 1: spring … winter, read as north
    25: (3, 3), 26: (6, 3), 27: (9, 3), 28: (12, 3),  # northern spring … winter
    29: (9, 3), 30: (12, 3), 31: (3, 3), 32: (6, 3),  # southern spring … winter
    33: (1, 3), 34: (4, 3), 35: (7, 3), 36: (10, 3),  # quarters
    37: (1, 4), 38: (5, 4), 39: (9, 4),  # quadrimesters
    40: (1, 6), 41: (7, 6),  # semesters
}  # fmt: skip
# Days with a fixed date every year, keyed by the lower-case name without apostrophes.
_NAMED_DAYS = {
    "new years day": (1, 1),
    "waitangi day": (2, 6),
    "valentines day": (2, 14),
    "anzac day": (4, 25),
    "armistice day": (11, 11),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "boxing day": (12, 26),
    "new years eve": (12, 31),
}
_CENTURY_WORDS = (
    *("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
    *("eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"),
    *("seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first"),
)
_CENTURY_OF = {word: n for n, word in enumerate(_CENTURY_WORDS, 2)}
_NUMBER_WORDS = (
    *("one", "two", "three", "four", "five", "six"),
    *("seven", "eight", "nine", "ten", "eleven", "twelve"),
)
_COUNT_OF = {"a": 1, "an": 1} | {word: n for n, word in enumerate(_NUMBER_WORDS, 1)}


# ---------------------------------------------------------------------------------------------
# Internal shapes: points (year None until resolved), spans and sets
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Point:
    """One calendar unit as written; decades and centuries are stored by their first year."""

    kind: str  # one of _PRECISIONS
    year: int | None
    month: int = 0  # 1–12, or an EDTF grouping code (21–41) for seasons
    day: int = 0
    refine: str | None = None
    qualifier: str = "none"


@dataclass(frozen=True, slots=True)
class _Shape:
    """A point, an interval (None = open end) or a set of points ("all" {…} or "one of" […])."""

    kind: str  # "point" | "interval" | "all" | "one"
    items: tuple[_Point | None, ...]
    shift: int = 0  # "before"/"after": move the bound one unit back/on once the year is known


@dataclass(frozen=True, slots=True)
class _Relative:
    """A phrase that counts from the document date ("yesterday", "next week", "on Monday")."""

    unit: str  # "day" | "week" | "month" | "year" | "weekday" | "recent"
    offset: int = 0  # units from the anchor's; for "weekday" the weekday number (Monday = 0)
    part: str | None = None  # "earlier"/"later" this week…; for weekdays "last"/"next"/"tense"


@dataclass(frozen=True, slots=True)
class _Parsed:
    """What a rule read, before the year or anchor is settled."""

    rule: str = ""  # empty: the id of the table row that matched
    shape: _Shape | None = None
    relative: _Relative | None = None
    weekday: int | None = None  # weekday written next to a full date, checked after resolution


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _point_bounds(p: _Point) -> tuple[dt.date, dt.date]:
    """First and last day of a point whose year is known."""
    y = p.year
    assert y is not None
    if p.kind == "day":
        day = dt.date(y, p.month, p.day)
        return day, day
    if p.kind == "month":
        return dt.date(y, p.month, 1), dt.date(y, p.month, _last_day(y, p.month))
    if p.kind == "season":
        first, length = _GROUPINGS[p.month]
        last_year, last_month = divmod(first + length - 2, 12)
        end_year, end_month = y + last_year, last_month + 1
        return dt.date(y, first, 1), dt.date(end_year, end_month, _last_day(end_year, end_month))
    span = {"year": 1, "decade": 10, "century": 100}[p.kind]
    return dt.date(y, 1, 1), dt.date(y + span - 1, 12, 31)


def _sort_key(p: _Point) -> tuple[int, int, int]:
    """Order of points within a year, safe for an invalid day such as 29 February."""
    first_month = _GROUPINGS[p.month][0] if p.kind == "season" else max(p.month, 1)
    return (p.year or 0, first_month, max(p.day, 1))


def _fill_years(items: tuple[_Point | None, ...]) -> tuple[_Point | None, ...] | None:
    """Give year-less points the year of their dated neighbour ("26 July to 3 August 1950").

    A point before a dated one takes its year, or the year before when it would begin after it
    ("December to February 1951"); a point after the last dated one takes its year, or the next.
    Returns None when a year-less point sits next to a decade or century.
    """
    points = list(items)
    dated = [p for p in points if p is not None and p.year is not None]
    if not dated or len(dated) == len([p for p in points if p is not None]):
        return items
    if any(p.kind in ("decade", "century") for p in dated):
        return None
    following: _Point | None = None
    for i in reversed(range(len(points))):
        p = points[i]
        if p is None:
            continue
        if p.year is None and following is not None:
            p = replace(p, year=following.year)
            if _sort_key(p) > _sort_key(following):
                p = replace(p, year=p.year - 1)
            points[i] = p
        if p.year is not None:
            following = p
    previous: _Point | None = None
    for i, p in enumerate(points):
        if p is None:
            continue
        if p.year is None and previous is not None:
            p = replace(p, year=previous.year)
            if _sort_key(p) < _sort_key(previous):
                p = replace(p, year=p.year + 1)
            points[i] = p
        previous = p
    return tuple(points)


def _is_dated(shape: _Shape) -> bool:
    return all(p is None or p.year is not None for p in shape.items)


def _valid(shape: _Shape) -> bool:
    """Days exist and an interval does not end before it starts (29 February only in leap years)."""
    for p in shape.items:
        if p is not None and p.kind == "day":
            longest = _last_day(p.year if p.year is not None else 2000, p.month)  # 2000: leap
            if p.day > longest:
                return False
    if shape.kind == "interval" and _is_dated(shape) and None not in shape.items:
        start, end = shape.items
        return _point_bounds(start)[0] <= _point_bounds(end)[1]
    return True


def _shift_point(p: _Point, step: int) -> _Point:
    """The unit just before (step -1) or after (+1) a point, at the same precision."""
    lower, upper = _point_bounds(p)
    day = lower - dt.timedelta(days=1) if step < 0 else upper + dt.timedelta(days=1)
    if p.kind == "day":
        return _Point("day", day.year, day.month, day.day)
    if p.kind in ("month", "season"):
        return _Point("month", day.year, day.month)
    if p.kind == "decade":
        return _Point("decade", day.year // 10 * 10)
    if p.kind == "century":
        return _Point("century", day.year // 100 * 100)
    return _Point("year", day.year)


def _settle(shape: _Shape) -> _Shape | None:
    """Apply a pending before/after shift to a dated shape; None if it is not a real date."""
    if shape.shift:
        start, end = shape.items
        bound = start if start is not None else end
        assert bound is not None
        if bound.refine is None and bound.qualifier == "none":
            try:
                bound = _shift_point(bound, shape.shift)
            except (ValueError, OverflowError):
                return None
        items = (bound, None) if start is not None else (None, bound)
        shape = _Shape("interval", items)
    return shape if _valid(shape) else None


def _with_year(shape: _Shape, year: int) -> _Shape | None:
    """A year-less shape dated by giving its last point `year`; None if that date does not exist."""
    if not 1 <= year <= 9999:
        return None
    items = list(shape.items)
    last = max(i for i, p in enumerate(items) if p is not None)
    items[last] = replace(items[last], year=year)
    filled = _fill_years(tuple(items))
    if filled is None:
        return None
    try:
        return _settle(replace(shape, items=filled))
    except (ValueError, OverflowError):
        return None


# ---------------------------------------------------------------------------------------------
# EDTF: writing shapes and reading back their bounds
# ---------------------------------------------------------------------------------------------


def _point_edtf(p: _Point) -> str:
    assert p.year is not None
    mark = _QUALIFIER_MARK[p.qualifier]
    if p.kind == "day":
        return f"{p.year:04d}-{p.month:02d}-{p.day:02d}{mark}"
    if p.kind == "month":
        return f"{p.year:04d}-{p.month:02d}{mark}"
    if p.kind == "season":
        return f"{p.year:04d}-{p.month}"
    if p.kind == "decade":
        return f"{p.year // 10:03d}X"
    if p.kind == "century":
        return f"{p.year // 100:02d}XX"
    return f"{p.year:04d}{mark}"


def _endpoint_edtf(p: _Point | None, *, start: bool, other_open: bool) -> str:
    """An interval endpoint, in a form the `edtf` package can parse (see module docstring)."""
    if p is None:
        return ".."
    lower, upper = _point_bounds(p)
    edge = lower if start else upper
    if p.kind == "season":
        return f"{edge.year:04d}-{edge.month:02d}"
    if p.kind in ("decade", "century") and other_open:
        return f"{edge.year:04d}"
    return _point_edtf(p)


def _shape_edtf(shape: _Shape) -> str:
    if shape.kind == "point":
        point = shape.items[0]
        assert point is not None
        return _point_edtf(point)
    if shape.kind == "interval":
        start, end = shape.items
        return (
            _endpoint_edtf(start, start=True, other_open=end is None)
            + "/"
            + _endpoint_edtf(end, start=False, other_open=start is None)
        )
    inner = ",".join(_point_edtf(p) for p in shape.items if p is not None)
    return "{" + inner + "}" if shape.kind == "all" else "[" + inner + "]"


_EDTF_POINT = re.compile(r"(\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)")


def _parse_edtf_point(token: str) -> _Point:
    """One EDTF date of the supported subset: YYYY[-MM[-DD]] with ~?%, YYYX, YYXX, YYYY-21…41."""
    m = _EDTF_POINT.fullmatch(token)
    if m is None:
        raise ValueError(f"not an EDTF date in the supported subset: {token!r}")
    digits, month, day, mark = m.groups()
    qualifier = _MARK_QUALIFIER[mark]
    year = int(digits.replace("X", "0"))
    if year < 1:
        raise ValueError(f"year 0 cannot be given as a date: {token!r}")
    if "X" in digits:
        if month:
            raise ValueError(f"unspecified year digits with a month are not supported: {token!r}")
        return _Point("decade" if digits.count("X") == 1 else "century", year, qualifier=qualifier)
    if month is None:
        return _Point("year", year, qualifier=qualifier)
    number = int(month)
    if number in _GROUPINGS and day is None and not mark:
        return _Point("season", year, number)
    if not 1 <= number <= 12:
        raise ValueError(
            f"month must be 01–12 (or a grouping 21–41 without day or mark): {token!r}"
        )
    if day is None:
        return _Point("month", year, number, qualifier=qualifier)
    if not 1 <= int(day) <= _last_day(year, number):
        raise ValueError(f"no such day: {token!r}")
    return _Point("day", year, number, int(day), qualifier=qualifier)


def _set_element_bounds(element: str) -> tuple[dt.date | None, dt.date | None]:
    if ".." not in element:
        return _point_bounds(_parse_edtf_point(element))
    first, _, last = element.partition("..")
    lower = _point_bounds(_parse_edtf_point(first))[0] if first else None
    upper = _point_bounds(_parse_edtf_point(last))[1] if last else None
    if lower is None and upper is None:
        raise ValueError("a set element needs at least one end")
    return lower, upper


def edtf_bounds(edtf: str) -> tuple[dt.date | None, dt.date | None]:
    """Strict first and last possible day of an EDTF string; None for an open or unknown end.

    Supported: dates (YYYY, YYYY-MM, YYYY-MM-DD, qualified with ~ ? %), decades YYYX, centuries
    YYXX, groupings YYYY-21…41 (seasons, quarters…), intervals with ``..`` or empty ends, and
    sets ``{…}``/``[…]`` with ``a..b`` ranges. Raises ValueError for anything else.
    """
    if edtf[:1] + edtf[-1:] in ("{}", "[]"):
        parts = [_set_element_bounds(e.strip()) for e in edtf[1:-1].split(",")]
        lowers = [lo for lo, _ in parts]
        uppers = [hi for _, hi in parts]
        lower = None if None in lowers else min(lo for lo in lowers if lo is not None)
        upper = None if None in uppers else max(hi for hi in uppers if hi is not None)
    elif "/" in edtf:
        first, _, last = edtf.partition("/")
        if "/" in last or {first, last} <= {"", ".."}:
            raise ValueError(f"an interval needs one dated end: {edtf!r}")
        lower = None if first in ("", "..") else _point_bounds(_parse_edtf_point(first))[0]
        upper = None if last in ("", "..") else _point_bounds(_parse_edtf_point(last))[1]
    else:
        lower, upper = _point_bounds(_parse_edtf_point(edtf))
    if lower is not None and upper is not None and lower > upper:
        raise ValueError(f"ends before it starts: {edtf!r}")
    return lower, upper


# ---------------------------------------------------------------------------------------------
# Regular expressions. Case-sensitive, with (?i:…) around cue words: month and weekday names
# must be capitalised.
# ---------------------------------------------------------------------------------------------

_SP = r"(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)"  # spaces (NBSP too), at most one line break
_DASH = r"[^\S\n]*[-‐‑‒–—][^\S\n]*"  # hyphen, en or em dash, spaced or not
_MONTH_ABBREVIATIONS = (
    *("Jan", "Feb", "Mar", "Apr", "Jun", "Jul"),
    *("Aug", "Sept", "Sep", "Oct", "Nov", "Dec"),
)
_MONTH_FULL = r"\b(?:" + "|".join(_MONTH_NAMES) + r")\b"
_MONTH = _MONTH_FULL + r"|\b(?:" + "|".join(_MONTH_ABBREVIATIONS) + r")\b\.?"
_WEEKDAY = r"\b(?:" + "|".join(_WEEKDAY_NAMES) + r")\b"
_DAY = r"(?<![\w.,$£€#/])(?:3[01]|[12]\d|0?[1-9])"
_ORDINAL = r"(?:st|nd|rd|th)?\b"
# A year 1000–2099 that is not part of a larger number, an amount, a measure ("2000 km") or a
# decade ("1950's").
_UNIT = (
    r"\s*(?:%|(?i:per\s?cent|percent|km|kg|mm|cm|tonnes?|tons?"
    r"|people|persons|men|women|soldiers|troops|personnel)\b)"
)
_YEAR = rf"(?<![\w,$£€#])(?<!\d\.)(?:1\d{{3}}|20\d{{2}})(?!\w|[.,]\d|(?<=0)['’]s\b|{_UNIT})"
_SEASON = r"\b(?i:spring|summer|autumn|winter)\b"
_DECADE = r"(?<![\w$£€#])(?:1\d\d|20\d)(?=0['’]?s\b)"
_CENTURY = r"\b(?:1\d|2[01]|[2-9])(?:st|nd|rd|th)|\b(?i:" + "|".join(_CENTURY_WORDS) + ")"
_NAMED_DAY = (  # the days of _NAMED_DAYS, as written
    r"(?:New\s+Year['’]?s\s+(?:Day|Eve)|Christmas\s+(?:Day|Eve)|Boxing\s+Day|A(?:nzac|NZAC)\s+Day"
    r"|Waitangi\s+Day|Armistice\s+Day|Valentine['’]?s\s+Day)\b"
)
_COUNT = r"\b(?:\d{1,2}|(?i:" + "|".join(_COUNT_OF) + r"))\b"
_QUALIFIER = r"\b(?i:around|about|approximately|roughly|circa|probably|possibly|perhaps)"
_CIRCA = r"\b(?i:ca?)\."
_REFINE = r"\b(?i:early|mid|late)"
_REFINE_OF = r"\b(?i:beginning|start|middle|end)"
_FALL = r"\b(?i:fall)"  # autumn, only right before a year: "the fall of 1975" is an event
_SPLIT_YEAR = r"\d{2}(?!\w)|" + _YEAR  # "summer 2024/25"
_ISO = (
    r"(?<![\w./-])(?P<{p}_iso_y>1\d{{3}}|20\d{{2}})-(?P<{p}_iso_m>0[1-9]|1[0-2])"
    r"-(?P<{p}_iso_d>0[1-9]|[12]\d|3[01])(?![\w/-])"
)


def _point_re(p: str) -> str:
    """One calendar point. Group names start with `p` so that a rule can hold two points.

    Alternatives are named ``{p}_{alt}`` (see `_POINT_RULE`) with fields ``{p}_{alt}_{field}``;
    the shared prefixes are ``{p}_q``/``{p}_qc`` (qualifier: days, months, years),
    ``{p}_wd`` (weekday: days) and ``{p}_r…``/``{p}_e…`` (refine: months and coarser).
    """

    def alt(name: str, body: str) -> str:
        return f"(?P<{p}_{name}>{body})"

    def field(name: str, body: str) -> str:
        return f"(?P<{p}_{name}>{body})"

    qualifier = (  # "around 1995", "c. 1950", "probably (in) 2001"
        rf"(?:{field('q', _QUALIFIER)}{_SP}(?:(?i:in|on|during){_SP})?"
        rf"|{field('qc', _CIRCA)}[^\S\n]*)?"
    )

    def refine(n: int) -> str:  # "mid-April", "early 2019", "the end of 2019"
        return (
            rf"(?:{field(f'r{n}', _REFINE)}(?:-[^\S\n]*|{_SP})"
            rf"|{field(f'e{n}', _REFINE_OF)}{_SP}(?i:of){_SP}(?:(?i:the){_SP})?)?"
        )

    weekday = rf"(?:{field('wd', _WEEKDAY)},?{_SP})?"  # "Monday, 3 March 2015"
    of = rf"(?:{_SP}(?i:of))?"
    days = "|".join(
        (
            # "26 July 1950", "the 3rd of March, 2015"
            alt(
                "dmy",
                f"{field('dmy_d', _DAY)}{_ORDINAL}{of}{_SP}{field('dmy_m', _MONTH)},?{_SP}"
                f"{field('dmy_y', _YEAR)}",
            ),
            # "June 25, 1950"
            alt(
                "mdy",
                f"{field('mdy_m', _MONTH)}{_SP}{field('mdy_d', _DAY)}{_ORDINAL},?{_SP}"
                f"{field('mdy_y', _YEAR)}",
            ),
            # year-less: "21 January", "November 20"
            alt("dm", f"{field('dm_d', _DAY)}{_ORDINAL}{of}{_SP}{field('dm_m', _MONTH)}"),
            alt("md", f"{field('md_m', _MONTH)}{_SP}{field('md_d', _DAY)}{_ORDINAL}"),
        )
    )
    months_years = "|".join(
        (
            # "March 2001", "early May 2024", "around June 1950"
            alt("my", rf"{field('my_m', _MONTH)}(?:,|{_SP}(?i:of))?{_SP}{field('my_y', _YEAR)}"),
            # "2006", "around 1995", "late 2019"
            alt("y", field("y_y", _YEAR)),
        )
    )
    coarse = "|".join(
        (
            # "the 1950s", "the mid-2000s"
            alt("dec", rf"{field('dec_x', _DECADE)}0['’]?s\b"),
            # "the 19th century", "the nineteenth century"
            alt("cen", rf"{field('cen_n', _CENTURY)}(?:-|{_SP})(?i:century)\b"),
            # "spring 2024", "the spring of 2019", "summer 2024/25", "fall 2019"
            alt(
                "sy",
                rf"(?:{field('sy_s', _SEASON)}(?:{_SP}(?i:of))?|{field('sy_f', _FALL)})"
                rf"{_SP}{field('sy_y', _YEAR)}(?:[/–-]{field('sy_y2', _SPLIT_YEAR)})?",
            ),
            # year-less, only after "in", "during"…: "in the spring", "in July"
            alt("s", field("s_s", _SEASON)),
            alt("m", field("m_m", _MONTH_FULL)),
        )
    )
    named = alt("nd", rf"\b{field('nd_n', _NAMED_DAY)}(?:,?{_SP}{field('nd_y', _YEAR)})?")
    return (
        f"{qualifier}(?:{weekday}(?:{days})|{alt('iso', _ISO.format(p=p))}"
        f"|{refine(1)}(?:{months_years}))|{refine(2)}(?:{coarse})|{named}"
    )


_WITH_YEAR = ("dmy", "mdy", "iso", "my", "y", "sy", "nd")  # alternatives with a year group
_POINT_RULE = {
    "dmy": "date.day_month_year",  # "26 July 1950"
    "mdy": "date.month_day_year",  # "June 25, 1950"
    "dm": "date.day_month",  # "21 January" (year-less)
    "md": "date.month_day",  # "November 20" (year-less)
    "iso": "date.iso",  # "2015-03-03"
    "my": "date.month_year",  # "March 2001"
    "y": "date.year",  # "in 2006"
    "dec": "date.decade",  # "the 1950s"
    "cen": "date.century",  # "the 19th century"
    "sy": "date.season_year",  # "spring 2024"
    "s": "date.season",  # "in the spring" (year-less)
    "m": "date.month",  # "in July" (year-less)
    "nd": "date.named_day",  # "New Year's Eve"
}


def _read_point(m: re.Match[str], p: str, hemisphere: str) -> tuple[str, _Point, int | None] | None:
    """The point matched by `_point_re(p)`: (alternative, point, weekday written) or None."""
    alt = next(a for a in _POINT_RULE if m.group(f"{p}_{a}") is not None)

    def get(name: str) -> str:
        return m.group(f"{p}_{name}") or ""

    qualifier = _QUALIFIER_WORD.get((get("q") or get("qc")).lower(), "none")
    refine = _REFINE_WORD.get((get("r1") or get("e1") or get("r2") or get("e2")).lower())
    year = int(get(f"{alt}_y")) if alt in _WITH_YEAR and get(f"{alt}_y") else None
    weekday = _WEEKDAY_NAMES.index(get("wd")) if get("wd") else None
    if alt == "nd":
        month, day = _NAMED_DAYS[re.sub(r"['’]", "", " ".join(get("nd_n").lower().split()))]
        return alt, _Point("day", year, month, day), None
    if alt in ("dmy", "mdy", "dm", "md", "iso"):
        month = int(get("iso_m")) if alt == "iso" else _MONTH_OF[get(f"{alt}_m")[:3].lower()]
        return alt, _Point("day", year, month, int(get(f"{alt}_d")), qualifier=qualifier), weekday
    if alt in ("my", "m"):
        month = _MONTH_OF[get(f"{alt}_m")[:3].lower()]
        return alt, _Point("month", year, month, refine=refine, qualifier=qualifier), None
    if alt in ("sy", "s"):
        code = _SEASON_CODE[hemisphere][(get(f"{alt}_s") or get("sy_f")).lower()]
        second = get("sy_y2")
        if second and year is not None:
            following = int(second) if len(second) == 4 else year // 100 * 100 + int(second)
            if following != year + 1 or _GROUPINGS[code][0] != 12:  # only a season across New Year
                return None
        return alt, _Point("season", year, code, refine=refine), None
    if alt == "dec":
        first = int(get("dec_x")) * 10
        kind = "century" if first % 100 == 0 and first < 2000 else "decade"
        return alt, _Point(kind, first, refine=refine), None
    if alt == "cen":
        word = get("cen_n").lower()
        number = _CENTURY_OF[word] if word in _CENTURY_OF else int(word[:-2])
        if not 2 <= number <= 21:
            return None
        return alt, _Point("century", (number - 1) * 100, refine=refine), None
    return alt, _Point("year", year, refine=refine, qualifier=qualifier), None


# ---------------------------------------------------------------------------------------------
# Rule builders: regex match → _Parsed (None rejects the match)
# ---------------------------------------------------------------------------------------------


def _has_cue(m: re.Match[str], text: str, words: tuple[str, ...]) -> bool:
    """A bare month/season/year is a date only after a cue word, or when it is the whole text."""
    lead = m.group("lead")
    if lead is not None and lead.split()[0].lower() in words:
        return True
    return not text[: m.start()].strip() and not text[m.end() :].strip()


_MONTH_CUES = ("in", "during", "throughout")
_YEAR_CUES = ("in", "during", "throughout", "on", "at", "of", "the")


def _year_cued(m: re.Match[str], text: str, year: int) -> bool:
    """A bare year needs a cue; "the" alone only from 1800 ("the 1718 Committee" is a name)."""
    if m.group("paren") is not None and text.startswith(")", m.end()):
        return True
    if (m.group("lead") or "").lower() == "the" and year < 1800:
        return False
    return _has_cue(m, text, _YEAR_CUES)


def _build_point(m: re.Match[str], text: str, hemisphere: str) -> _Parsed | None:
    read = _read_point(m, "a", hemisphere)
    if read is None:
        return None
    alt, point, weekday = read
    plain = point.refine is None and point.qualifier == "none"
    if plain and alt == "y" and not _year_cued(m, text, point.year or 0):
        return None
    if plain and alt in ("m", "s") and not _has_cue(m, text, _MONTH_CUES):
        return None
    shape = _Shape("point", (point,))
    return _Parsed(_POINT_RULE[alt], shape, weekday=weekday) if _valid(shape) else None


def _plain_year(read: tuple[str, _Point, int | None]) -> bool:
    """A plain year after "the" describes a noun ("the 1953 armistice"); it bounds nothing."""
    alt, point, _ = read
    return alt == "y" and point.refine is None and point.qualifier == "none"


def _build_range(m: re.Match[str], text: str, hemisphere: str) -> _Parsed | None:
    """Spans of two points: "from P to P", "between P and P", "P–P"."""
    op = (m.group("op") or "").lower()
    join = (m.group("join") or "").strip().lower()
    if (op == "between") != (join == "and"):
        return None
    start, end = _read_point(m, "a", hemisphere), _read_point(m, "b", hemisphere)
    if start is None or end is None:
        return None
    if (m.group("the_a") and _plain_year(start)) or (m.group("the_b") and _plain_year(end)):
        return None
    if not op and join and start[0] == end[0] == "y" and not _year_cued(m, text, 1800):
        return None
    items = _fill_years((start[1], end[1]))
    shape = _Shape("interval", items) if items is not None else None
    return _Parsed(shape=shape) if shape is not None and _valid(shape) else None


def _build_day_range(m: re.Match[str], text: str, hemisphere: str) -> _Parsed | None:
    """Day spans within a month: "3-5 April", "between 19 and 23 September", "April 3-5"."""
    op = (m.group("op") or "").lower()
    join = (m.group("join") or "").strip().lower()
    if (op == "between") != (join == "and"):
        return None
    first, last = int(m.group("d1")), int(m.group("d2"))
    if first >= last:
        return None
    month = _MONTH_OF[m.group("m")[:3].lower()]
    year = int(m.group("y")) if m.group("y") else None
    shape = _Shape(
        "interval", (_Point("day", year, month, first), _Point("day", year, month, last))
    )
    return _Parsed(shape=shape) if _valid(shape) else None


def _list_shape(points: list[_Point], conjunction: str) -> _Shape | None:
    items = _fill_years(tuple(points))
    if items is None:
        return None
    shape = _Shape("one" if conjunction.lower() == "or" else "all", items)
    return shape if _valid(shape) else None


def _build_day_list(m: re.Match[str], text: str, hemisphere: str) -> _Parsed | None:
    """Lists of days: "3 and 5 April 2015" (both days), "3 or 4 April" (one of them)."""
    month = _MONTH_OF[m.group("m")[:3].lower()]
    year = int(m.group("y")) if m.group("y") else None
    days = [int(d) for d in re.findall(r"\d+", m.group("days"))]
    if days != sorted(set(days)):  # "5 and 3 June" is not how dates are listed
        return None
    shape = _list_shape([_Point("day", year, month, d) for d in days], m.group("conj"))
    return _Parsed(shape=shape) if shape is not None else None


def _build_month_list(m: re.Match[str], text: str, hemisphere: str) -> _Parsed | None:
    """Lists of months: "July and August 2000", "in July or August"."""
    year = int(m.group("y")) if m.group("y") else None
    if year is None and not _has_cue(m, text, _MONTH_CUES):
        return None
    names = re.findall(_MONTH_FULL, m.group("months"))
    points = [_Point("month", year if i == len(names) - 1 else None, _MONTH_OF[n[:3].lower()])
              for i, n in enumerate(names)]  # fmt: skip
    shape = _list_shape(points, m.group("conj"))
    return _Parsed(shape=shape) if shape is not None else None


def _build_year_list(m: re.Match[str], text: str, hemisphere: str) -> _Parsed | None:
    """Lists of years: "in 1974 and 1978", "in 2018, 2019 and 2021" ({…}), "2018 or 2019" ([…])."""
    years = [int(y) for y in re.findall(r"\d{4}", m.group("years"))]
    if not _year_cued(m, text, min(years)):
        return None
    shape = _list_shape([_Point("year", y) for y in years], m.group("conj"))
    return _Parsed(shape=shape) if shape is not None else None


def _build_year_span(m: re.Match[str], text: str, hemisphere: str) -> _Parsed | None:
    """Years with a short end, "1950-53", and split years, "2007/08" (= 2007–2008)."""
    first, written = int(m.group("y1")), m.group("y2")
    last = int(written) if len(written) == 4 else first // 100 * 100 + int(written)
    if last <= first and len(written) == 2:
        last += 100
    if last <= first or (m.group("slash") and last != first + 1):
        return None
    return _Parsed(shape=_Shape("interval", (_Point("year", first), _Point("year", last))))


# Open-ended periods: the word → (rule id, the point is the start?, shift of the bound)
_OPEN_WORDS = {
    "since": ("date.since", True, 0),
    "from": ("date.since", True, 0),
    "after": ("date.after", True, 1),
    "until": ("date.until", False, 0),
    "till": ("date.until", False, 0),
    "up to": ("date.until", False, 0),
    "up until": ("date.until", False, 0),
    "by": ("date.by", False, 0),
    "before": ("date.before", False, -1),
}


def _build_open(m: re.Match[str], text: str, hemisphere: str) -> _Parsed | None:
    """Open periods: "since 1995" → 1995/..; "until 1971" → ../1971; "before 2010" → ../2009."""
    read = _read_point(m, "a", hemisphere)
    if read is None or (m.group("the") and _plain_year(read)):
        return None
    rule, is_start, shift = _OPEN_WORDS[" ".join(m.group("op").lower().split())]
    items = (read[1], None) if is_start else (None, read[1])
    shape = _Shape("interval", items, shift)
    if _is_dated(shape):
        settled = _settle(shape)
        return _Parsed(rule, settled) if settled is not None else None
    return _Parsed(rule, shape) if _valid(shape) else None


def _build_ago(m: re.Match[str], text: str, hemisphere: str) -> _Parsed | None:
    """Counted back: "three days ago", "a year ago" (the calendar unit that far back)."""
    count = m.group("n").lower()
    number = int(count) if count.isdigit() else _COUNT_OF[count]
    unit = m.group("unit").lower().rstrip("s")
    plural = m.group("unit").lower().endswith("s")
    if number == 0 or plural != (number != 1):
        return None
    return _Parsed(relative=_Relative(unit, -number))


def _build_relative_period(m: re.Match[str], text: str, hemisphere: str) -> _Parsed | None:
    """Calendar units: "next week", "last month", "this year", "earlier this year"…"""
    which = (m.group("which") or "this").lower()
    offset = {"last": -1, "this": 0, "next": 1}[which]
    part = m.group("part").lower() if m.group("part") else None
    return _Parsed(relative=_Relative(m.group("unit").lower(), offset, part))


_DAY_OFFSETS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}


def _build_relative_day(m: re.Match[str], text: str, hemisphere: str) -> _Parsed | None:
    """Days: "today", "yesterday", "tomorrow", "this morning", "last night"."""
    offset = _DAY_OFFSETS[m.group("word").split()[0].lower()]
    return _Parsed(relative=_Relative("day", offset))


def _build_recent(m: re.Match[str], text: str, hemisphere: str) -> _Parsed | None:
    return _Parsed(relative=_Relative("recent"))


_GENERIC_WEEKDAY = re.compile(r"\b(?i:a|an|every|each|any)\s+\Z")


def _build_weekday(m: re.Match[str], text: str, hemisphere: str) -> _Parsed | None:
    """Weekdays: "on Monday" (tense decides), "last Monday", "next Tuesday"; not "every Monday"."""
    if _GENERIC_WEEKDAY.search(text, max(0, m.start() - 8), m.start()):
        return None
    which = (m.group("which") or "tense").lower()
    weekday = _WEEKDAY_NAMES.index(m.group("wd"))
    return _Parsed(relative=_Relative("weekday", weekday, which))


# ---------------------------------------------------------------------------------------------
# The closed table of rules. Every pattern is preceded by an optional lead word that places the
# phrase but is not part of it ("in", "on", "during", "the"…) or an opening bracket; the phrase
# itself is the group `body`. At each position the longest match wins, earlier rows on ties.
# ---------------------------------------------------------------------------------------------

_LEAD_WORDS = ("in", "on", "at", "during", "throughout", "of")
_LEAD = (  # "in", "on the", "in the year", "the", "(" …
    rf"(?:\b(?P<lead>(?i:(?:{'|'.join(_LEAD_WORDS)})(?:{_SP}the(?:{_SP}year)?)?"
    rf"|the(?:{_SP}year)?)){_SP}|(?P<paren>\())?"
)
_FROM = rf"(?:\b(?P<op>(?i:from|between)){_SP})?"
_JOIN = rf"(?:{_SP}(?P<join>(?i:to|until|till|through|and)){_SP}|{_DASH})"

#: Lists of days, months or years ("in 2018, 2019 and 2021") are read up to this many items
#: before the last: a bounded run, so that a long run of years costs linear time, not one
#: re-reading of the run from each year in it.
_LIST = 48

_RULES = (
    # "from mid-April to early May 2024", "1950–1953", "between March and May 2001"
    (
        "date.range",
        rf"{_FROM}(?:(?P<the_a>(?i:the)){_SP})?(?>{_point_re('a')}){_JOIN}"  # atomic: no retries
        rf"(?:(?P<the_b>(?i:the)){_SP})?(?:{_point_re('b')})",
        _build_range,
    ),
    # "3-5 April", "between 19 and 23 September 2000"
    (
        "date.day_range",
        rf"{_FROM}(?P<d1>{_DAY}){_ORDINAL}{_JOIN}(?P<d2>{_DAY}){_ORDINAL}(?:{_SP}(?i:of))?"
        rf"{_SP}(?P<m>{_MONTH})(?:,?{_SP}(?P<y>{_YEAR}))?",
        _build_day_range,
    ),
    # "April 3-5", "between April 3 and 5, 2015"
    (
        "date.month_day_range",
        rf"{_FROM}(?P<m>{_MONTH}){_SP}(?P<d1>{_DAY}){_ORDINAL}{_JOIN}(?P<d2>{_DAY}){_ORDINAL}"
        rf"(?:,?{_SP}(?P<y>{_YEAR}))?",
        _build_day_range,
    ),
    # "3 and 5 April 2015", "21, 22 or 23 January"
    (
        "date.day_list",
        rf"(?P<days>{_DAY}{_ORDINAL}(?:,{_SP}{_DAY}{_ORDINAL}){{0,{_LIST}}},?{_SP}(?P<conj>(?i:and|or)){_SP}"
        rf"{_DAY}{_ORDINAL})(?:{_SP}(?i:of))?{_SP}(?P<m>{_MONTH})(?:,?{_SP}(?P<y>{_YEAR}))?",
        _build_day_list,
    ),
    # "July and August 2000", "in July or August"
    (
        "date.month_list",
        rf"(?P<months>{_MONTH_FULL}(?:,{_SP}{_MONTH_FULL}){{0,{_LIST}}},?{_SP}(?P<conj>(?i:and|or)){_SP}"
        rf"{_MONTH_FULL})(?:,?{_SP}(?P<y>{_YEAR}))?",
        _build_month_list,
    ),
    # "in 1974 and 1978", "in 2018, 2019 and 2021", "in 2018 or 2019"
    (
        "date.year_list",
        rf"(?P<years>{_YEAR}(?:,{_SP}{_YEAR}){{0,{_LIST}}},?{_SP}(?P<conj>(?i:and|or)){_SP}{_YEAR})",
        _build_year_list,
    ),
    # "1950-53", "2007/08", "2007/2008"
    (
        "date.year_span",
        rf"(?P<y1>{_YEAR})(?:(?P<slash>/)|{_DASH})(?P<y2>\d{{2}}|{_YEAR})(?![\w/-])",
        _build_year_span,
    ),
    # "since 1995", "from 2018", "until 1971", "by the end of 2010", "before 9 October 2006";
    # ids date.since, date.until, date.by, date.before, date.after (see _OPEN_WORDS)
    (
        "date.open",
        rf"\b(?P<op>(?i:since|from|until|till|up{_SP}(?:to|until)|by|before|after)){_SP}"
        rf"(?:(?P<the>(?i:the)){_SP})?(?:{_point_re('a')})",
        _build_open,
    ),
    # "three days ago", "a year ago"
    (
        "date.ago",
        rf"(?P<n>{_COUNT}){_SP}(?P<unit>(?i:days?|weeks?|months?|years?)){_SP}(?i:ago)\b",
        _build_ago,
    ),
    # "next week", "last month", "this year", "earlier this year"
    (
        "date.relative_period",
        rf"\b(?:(?P<part>(?i:earlier|later)){_SP}(?i:this)|(?P<which>(?i:this|next|last)))"
        rf"{_SP}(?P<unit>(?i:week|month|year))\b",
        _build_relative_period,
    ),
    # "today", "yesterday", "tomorrow", "tonight", "this morning", "last night"
    (
        "date.relative_day",
        rf"\b(?P<word>(?i:today|tonight|yesterday|tomorrow|this{_SP}(?:morning|afternoon|evening)"
        rf"|last{_SP}night))\b",
        _build_relative_day,
    ),
    # "in recent days", "in recent years"
    ("date.recent", rf"\b(?i:recent){_SP}(?i:days|weeks|months|years)\b", _build_recent),
    # any single point: "26 July 1950", "June 25, 1950", "in 2006", "the 1950s", "spring 2024";
    # ids by alternative (see _POINT_RULE)
    ("date.point", _point_re("a"), _build_point),
    # "on Monday", "last Friday", "next Tuesday" (after the points: "Monday, 3 March 2015")
    (
        "date.weekday",
        rf"(?:\b(?P<which>(?i:last|next)){_SP})?(?P<wd>{_WEEKDAY})",
        _build_weekday,
    ),
)


# Every match holds a trigger word (a digit, a month, weekday or season name, "today", "week"…),
# and before its first trigger there are only starter words ("from the end of the 1990s", "in",
# "around", "mid-", "(" …). So rules are tried only at the trigger and at the starters of the
# unbroken chain just before it, and only after a cheap gate; this keeps a scan of 10,000
# documents to seconds.
_TRIGGER_WORDS = (
    *_MONTH_NAMES,
    *_MONTH_ABBREVIATIONS,
    *_WEEKDAY_NAMES,
    *(
        case(word)
        for word in (
            *("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening"),
            *("night", "day", "days", "week", "weeks", "month", "months", "year", "years"),
            *("recent", "century", "spring", "summer", "autumn", "winter", "fall"),
            *_CENTURY_WORDS,
        )
        for case in (str.lower, str.title)
    ),
)
_OPENING_WORDS = (  # words a rule's own text can start with, before its trigger
    *("between", "this", "next", "last", "earlier", "later"),
    *(word for words in _OPEN_WORDS for word in words.split()),  # "up to", "since"…
    *(word.rstrip(".") for word in _QUALIFIER_WORD),
    *_REFINE_WORD,
    *_COUNT_OF,
)
_STARTERS = frozenset((*_LEAD_WORDS, "the", "(", *_OPENING_WORDS))
_REACH = 60  # characters searched back for starters ("throughout the beginning of the ")


def _one_of(words: tuple[str, ...]) -> str:
    """Literal alternatives grouped by first letter, which the regex engine rejects much faster."""
    by_initial: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        by_initial.setdefault(word[0], []).append(re.escape(word[1:]))
    return "(?:" + "|".join(f"{re.escape(c)}(?:{'|'.join(r)})" for c, r in by_initial.items()) + ")"


_TRIGGER = rf"\b(?:[0-9]|{_one_of(_TRIGGER_WORDS)}\b)|\b{_NAMED_DAY}"
_TOKEN = r"\(|[^\s(]+"
# What a rule's text (after its lead) can begin with: a number that is not part of "1,044" or
# "1.4", a trigger word, or an opening word.
_FIRST = (
    rf"(?=[0-9]+(?![.,][0-9])|{_one_of(_TRIGGER_WORDS)}\b|{_NAMED_DAY}"
    rf"|\b(?i:{'|'.join(_OPENING_WORDS)})\b)"
)
_CACHE: dict[str, tuple[re.Pattern[str], ...]] = {}


def _compile() -> tuple[re.Pattern[str], ...]:
    """Trigger, token, gate (every rule in one regex, top-level groups ``r{row}``) and one regex
    per rule, compiled on first use so that importing the module stays fast."""
    if not _CACHE:
        anonymous = (re.sub(r"[(][?]P<[^>]+>", "(?:", pattern) for _, pattern, _ in _RULES)
        alternatives = "|".join(f"(?P<r{row}>{body})" for row, body in enumerate(anonymous))
        gate = f"{re.sub(r'[(][?]P<[^>]+>', '(?:', _LEAD)}{_FIRST}(?:{alternatives})"
        rules = (f"{_LEAD}(?P<body>{pattern})" for _, pattern, _ in _RULES)
        _CACHE["all"] = tuple(map(re.compile, (_TRIGGER, _TOKEN, gate, *rules)))
    return _CACHE["all"]


def _longest(text: str, start: int, hemisphere: str) -> tuple[re.Match[str], _Parsed] | None:
    """The longest rule match at `start` that its builder accepts (earlier rows win ties)."""
    compiled = _compile()
    gate = compiled[2].match(text, start)
    if gate is None:
        return None
    first = int((gate.lastgroup or "r0")[1:])  # the rows before it do not match here
    best = None
    for (rule, _, build), regex in zip(_RULES[first:], compiled[3 + first :], strict=True):
        m = regex.match(text, start)
        if m is None or (best is not None and m.end() <= best[0].end()):
            continue
        parsed = build(m, text, hemisphere)
        if parsed is not None:
            best = (m, parsed if parsed.rule else replace(parsed, rule=rule))
    return best


def _chain(text: str, pos: int, trigger: int) -> list[int]:
    """Starts of the starter words ("in", "from the end of the", "(") just before `trigger`."""
    tokens = list(_compile()[1].finditer(text, max(pos, trigger - _REACH), trigger))
    starts: list[int] = []
    for token in reversed(tokens):
        if token.group().rstrip(".-").lower() not in _STARTERS:
            break
        starts.append(token.start())
    return starts[::-1]


def _scan(text: str, hemisphere: str) -> list[tuple[re.Match[str], _Parsed]]:
    """Leftmost-longest, non-overlapping matches of the rule table, in text order."""
    trigger = _compile()[0]
    found = []
    pos = 0
    while (hit := trigger.search(text, pos)) is not None:
        for start in (*_chain(text, pos, hit.start()), hit.start()):
            best = _longest(text, start, hemisphere)
            if best is not None:
                found.append(best)
                pos = best[0].end()
                break
        else:
            pos = hit.end()
    return found


# ---------------------------------------------------------------------------------------------
# Resolution: tense, narrative year, document date
# ---------------------------------------------------------------------------------------------

_TENSE_MARKER = re.compile(
    r"(?P<future>\b(?i:will|shall|won['’]t|upcoming|forthcoming|next"
    r"|(?:is|are|am)(?:\s+(?:due|scheduled|expected|set|planning|going|about))?\s+to"
    r"|plans?\s+to|planning\s+to|intends?\s+to)\b|['’]ll\b)"
    r"|\b(?P<past>(?i:was|were|had|did|has|have|said|told|met|went|came|took|gave|made|held|began"
    r"|left|saw|became|won|lost|sent|signed)|[a-z]{3,}ed)\b"
)
_SENTENCE_BREAKS = ".!?;\n"


def _tense(text: str, start: int, end: int) -> str:
    """The tense ("future" or "past") of the marker nearest to the phrase within its sentence."""
    lo = max(text.rfind(c, 0, start) for c in _SENTENCE_BREAKS) + 1
    ends = [i for c in _SENTENCE_BREAKS if (i := text.find(c, end)) != -1]
    hi = min(ends, default=len(text))
    nearest, tense = len(text) + 1, "past"
    for marker in _TENSE_MARKER.finditer(text, lo, hi):
        if marker.end() <= start:
            distance = start - marker.end()
        elif marker.start() >= end:
            distance = marker.start() - end
        else:
            continue
        if distance < nearest:
            nearest, tense = distance, "future" if marker.group("future") else "past"
    return tense


@dataclass(slots=True)
class _Narrative:
    """What earlier dates in the same text say about a year-less one."""

    year: int | None = None  # latest year written out in a date so far
    year_text: str = ""  # the phrase that wrote it
    floor: dt.date | None = None  # first day of the previous dated phrase
    floor_text: str = ""


def _written_year(shape: _Shape) -> int | None:
    """The year a reader carries forward: the last year written in the phrase."""
    for p in reversed(shape.items):
        if p is not None and p.kind in ("day", "month", "season", "year"):
            return p.year
    return None


def _precision(shape: _Shape) -> str:
    return max((p.kind for p in shape.items if p is not None), key=_PRECISIONS.index)


def _qualifier(shape: _Shape) -> str:
    found = {p.qualifier for p in shape.items if p is not None} - {"none"}
    if len(found) > 1:
        return "uncertain_approximate"
    return found.pop() if found else "none"


def _refine(shape: _Shape) -> str | None:
    refines = [p.refine if p is not None else None for p in shape.items]
    if not any(refines) or shape.kind in ("all", "one"):
        return None
    return "/".join(r or "" for r in refines)


def _weekday_note(shape: _Shape, weekday: int | None) -> str | None:
    point = shape.items[0]
    if weekday is None or point is None or point.kind != "day" or point.year is None:
        return None
    day = _point_bounds(point)[0]
    if day.weekday() == weekday:
        return None
    written, actual = _WEEKDAY_NAMES[weekday], _WEEKDAY_NAMES[day.weekday()]
    return f"{written} written, but {day.isoformat()} is a {actual}"


def _dated_when(
    text: str,
    start: int,
    end: int,
    parsed: _Parsed,
    shape: _Shape,
    resolution: str,
    note: str | None,
) -> When:
    edtf = _shape_edtf(shape)
    earliest, latest = edtf_bounds(edtf)
    notes = [n for n in (note, _weekday_note(shape, parsed.weekday)) if n]
    return When(
        text[start:end], start, end, edtf, earliest, latest, _precision(shape), _qualifier(shape),
        _refine(shape), resolution, "/" in edtf, parsed.rule, "; ".join(notes) or None,
    )  # fmt: skip


def _unresolved_when(text: str, start: int, end: int, parsed: _Parsed, note: str) -> When:
    if parsed.shape is not None:
        shape = parsed.shape
        precision, qualifier, refine = _precision(shape), _qualifier(shape), _refine(shape)
        is_interval = shape.kind == "interval"
    else:
        rel = parsed.relative
        assert rel is not None
        precision = rel.unit if rel.unit in ("month", "year") else "day"
        qualifier, refine = "none", None
        is_interval = rel.unit in ("week", "recent") or rel.part in ("earlier", "later")
    return When(
        text[start:end], start, end, None, None, None, precision, qualifier, refine, "unresolved",
        is_interval, parsed.rule, note,
    )  # fmt: skip


def _day(d: dt.date) -> _Point:
    return _Point("day", d.year, d.month, d.day)


def _span(first: dt.date, last: dt.date) -> _Shape:
    return _Shape("interval", (_day(first), _day(last)))


def _offset_words(n: int, unit: str) -> str:
    """Words for an offset: "the week of", "1 month before", "2 years after"."""
    if n == 0:
        return f"the {unit} of"
    return f"{abs(n)} {unit}{'s' if abs(n) != 1 else ''} {'before' if n < 0 else 'after'}"


def _weekday_shape(rel: _Relative, anchor: dt.date, tense: str | None) -> tuple[_Shape, str]:
    """A weekday: "last Monday" or past-tense "on Monday" before the anchor, else the next one."""
    name, iso = _WEEKDAY_NAMES[rel.offset], anchor.isoformat()
    why = f" ({tense} tense)" if rel.part == "tense" else ""
    if rel.part == "last" or (rel.part == "tense" and tense == "past"):
        day = anchor - dt.timedelta(days=(anchor.weekday() - rel.offset - 1) % 7 + 1)
        return _Shape("point", (_day(day),)), f"the last {name} before the document date {iso}{why}"
    day = anchor + dt.timedelta(days=(rel.offset - anchor.weekday() - 1) % 7 + 1)
    return _Shape("point", (_day(day),)), f"the first {name} after the document date {iso}{why}"


def _relative_shape(rel: _Relative, anchor: dt.date, tense: str | None) -> tuple[_Shape, str]:
    """The date a relative phrase names, counted from `anchor`, and a note saying how."""
    iso = anchor.isoformat()
    if rel.unit == "recent":
        return _Shape("interval", (None, _day(anchor))), f"ends at the document date {iso}"
    if rel.unit == "weekday":
        return _weekday_shape(rel, anchor, tense)
    if rel.unit == "day":
        day = anchor + dt.timedelta(days=rel.offset)
        words = "" if rel.offset == 0 else _offset_words(rel.offset, "day") + " "
        return _Shape("point", (_day(day),)), f"{words}the document date {iso}"
    what = f"{_offset_words(rel.offset, rel.unit)} the document date {iso}"
    if rel.unit == "week":
        first = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=rel.offset)
        last = first + dt.timedelta(days=6)
        what = f"Monday–Sunday, {what}"
        point = None
    elif rel.unit == "month":
        year, month = divmod(anchor.year * 12 + anchor.month - 1 + rel.offset, 12)
        point = _Point("month", year, month + 1)
        first, last = _point_bounds(point)
    else:
        point = _Point("year", anchor.year + rel.offset)
        first, last = _point_bounds(point)
    if rel.part == "earlier":
        return _span(first, anchor), f"{what}, up to it"
    if rel.part == "later":
        return _span(anchor, last), f"{what}, from it on"
    return (_span(first, last) if point is None else _Shape("point", (point,))), what


def _from_anchor(shape: _Shape, anchor: dt.date, tense: str) -> tuple[_Shape, int] | None:
    """Past: the latest occurrence starting on or before the anchor; future: the first not over."""
    past = tense == "past"
    years = (
        range(anchor.year + 1, anchor.year - 9, -1)
        if past
        else range(anchor.year - 1, anchor.year + 9)
    )
    for year in years:
        dated = _with_year(shape, year)
        if dated is None:
            continue
        earliest, latest = edtf_bounds(_shape_edtf(dated))
        if past and (earliest if earliest is not None else latest) <= anchor:
            return dated, year
        if not past and (latest if latest is not None else earliest) >= anchor:
            return dated, year
    return None


def _from_narrative(shape: _Shape, story: _Narrative) -> tuple[_Shape, int] | None:
    """The year last written in the text, or a later one not ending before the previous date."""
    assert story.year is not None
    for year in range(story.year, story.year + 9):
        dated = _with_year(shape, year)
        if dated is None:
            continue
        latest = edtf_bounds(_shape_edtf(dated))[1]
        if story.floor is None or latest is None or latest >= story.floor:
            return dated, year
    return None


def _resolve(
    text: str, m: re.Match[str], parsed: _Parsed, anchor: dt.date | None, story: _Narrative
) -> When:
    start, end = m.span("body")
    phrase = text[start:end]
    if parsed.relative is not None:
        if anchor is None:
            why = "weekday" if parsed.relative.unit == "weekday" else "relative date"
            return _unresolved_when(text, start, end, parsed, f"{why} in an undated document")
        tense = _tense(text, start, end) if parsed.relative.part == "tense" else None
        try:
            shape, note = _relative_shape(parsed.relative, anchor, tense)
        except (ValueError, OverflowError):
            return _unresolved_when(text, start, end, parsed, "outside the calendar")
        return _dated_when(text, start, end, parsed, shape, "anchored", note)
    shape = parsed.shape
    assert shape is not None
    if _is_dated(shape):
        when = _dated_when(text, start, end, parsed, shape, "explicit", None)
        written = _written_year(shape)
        if written is not None:
            story.year, story.year_text = written, phrase
            if when.earliest is not None:
                story.floor, story.floor_text = when.earliest, phrase
        return when
    tense = _tense(text, start, end) if anchor is not None else None
    if story.year is not None and tense != "future":
        found = _from_narrative(shape, story)
        if found is not None:
            dated, year = found
            note = f"year {year} from '{story.year_text}' earlier in the text"
            if year != story.year:
                note = (
                    f"year {year}: '{story.year_text}' earlier in the text gives {story.year}; "
                    f"moved on to the first year in which the date exists and does not go back "
                    f"before '{story.floor_text}'"
                )
            when = _dated_when(text, start, end, parsed, dated, "anchored", note)
            story.floor, story.floor_text = when.earliest or story.floor, phrase
            return when
    if anchor is not None and tense is not None:
        found = _from_anchor(shape, anchor, tense)
        if found is not None:
            dated, year = found
            how = (
                "past tense: latest such date on or before it"
                if tense == "past"
                else "future tense: first such date not over by then"
            )
            note = f"year {year} from the document date {anchor.isoformat()} ({how})"
            return _dated_when(text, start, end, parsed, dated, "anchored", note)
    return _unresolved_when(
        text, start, end, parsed, "year not stated, no earlier year in the text, no document date"
    )


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def _check(anchor: dt.date | None, hemisphere: str) -> dt.date | None:
    if hemisphere not in _SEASON_CODE:
        raise ValueError(f"hemisphere must be 'south' or 'north', not {hemisphere!r}")
    return anchor.date() if isinstance(anchor, dt.datetime) else anchor


def find_dates(
    text: str, *, anchor: dt.date | None = None, hemisphere: str = "south"
) -> list[When]:
    """All temporal expressions in `text` (a paragraph or whole body), in text order,
    non-overlapping (longest match wins). `anchor` is the document's publication date."""
    anchor = _check(anchor, hemisphere)
    story = _Narrative()
    return [_resolve(text, m, parsed, anchor, story) for m, parsed in _scan(text, hemisphere)]


def parse_when(
    phrase: str, *, anchor: dt.date | None = None, hemisphere: str = "south"
) -> When | None:
    """One phrase that is entirely a date expression (offsets relative to `phrase`); None if it
    is not one. A leading "in"/"on"/"the" may stand before it, as in running text."""
    anchor = _check(anchor, hemisphere)
    found = _scan(phrase, hemisphere)
    if len(found) != 1:
        return None
    m, parsed = found[0]
    if phrase[: m.start()].strip() or phrase[m.end() :].strip():
        return None
    return _resolve(phrase, m, parsed, anchor, _Narrative())
