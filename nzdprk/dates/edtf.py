"""EDTF algebra: calendar points and shapes (point, interval, set), their strict first and last
day, the EDTF string of a shape, and the bounds of an EDTF string (`edtf_bounds`)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

_QUALIFIER_MARK = {"none": "", "approximate": "~", "uncertain": "?", "uncertain_approximate": "%"}
_MARK_QUALIFIER = {mark: qualifier for qualifier, mark in _QUALIFIER_MARK.items()}


# EDTF sub-year groupings → (first month, number of months); a season that starts in December
# runs into the next year. A season of no stated hemisphere (level 1) spans both hemispheres'
# readings: spring and autumn fall between March and November, summer and winter between June
# and the next February; no narrower months are claimed.
_GROUPINGS = {
    21: (3, 9), 22: (6, 9), 23: (3, 9), 24: (6, 9),  # level 1: either hemisphere's (below)
    25: (3, 3), 26: (6, 3), 27: (9, 3), 28: (12, 3),  # northern spring … winter
    29: (9, 3), 30: (12, 3), 31: (3, 3), 32: (6, 3),  # southern spring … winter
    33: (1, 3), 34: (4, 3), 35: (7, 3), 36: (10, 3),  # quarters
    37: (1, 4), 38: (5, 4), 39: (9, 4),  # quadrimesters
    40: (1, 6), 41: (7, 6),  # semesters
}  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Internal shapes: points (year None until resolved), spans and sets
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Point:
    """One calendar unit as written; decades and centuries are stored by their first year."""

    kind: str  # one of schema.PRECISION
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


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


#: The parts of a unit: per unit and part, its first and last sub-unit, counted from 1 (days of
#: a month, months of a year) or from 0 (years of a decade or century). Early, mid and late are
#: thirds, a convention English does not state; a decade's thirds are 0–3, 4–6, 7–9 rather
#: than 0–3, 3–6, 7–9 so that every year is in one part ("the early 2000s" and "the mid-2000s"
#: do not both claim 2003), and a century's are the decade's ten times over. Halves and
#: quarters are exact where the unit divides into whole sub-units (a year's months, a decade's
#: or century's years); a month's halves split its days at the 15th, again a convention.
_PARTS: dict[str, dict[str, tuple[int, int]]] = {
    "month": {
        "early": (1, 10), "mid": (11, 20), "late": (21, 31),  # late ends on the last day
        "first half": (1, 15), "second half": (16, 31),
    },
    "year": {
        "early": (1, 4), "mid": (5, 8), "late": (9, 12),
        "first half": (1, 6), "second half": (7, 12),
        "first quarter": (1, 3), "second quarter": (4, 6),
        "third quarter": (7, 9), "fourth quarter": (10, 12),
    },
    "decade": {
        "early": (0, 3), "mid": (4, 6), "late": (7, 9),
        "first half": (0, 4), "second half": (5, 9),
    },
    "century": {
        "early": (0, 39), "mid": (40, 69), "late": (70, 99),
        "first half": (0, 49), "second half": (50, 99),
        "first quarter": (0, 24), "second quarter": (25, 49),
        "third quarter": (50, 74), "fourth quarter": (75, 99),
    },
}  # fmt: skip
_THIRDS = ("early", "mid", "late")


def has_part(kind: str, refine: str) -> bool:
    """Whether a unit of this kind has the part ("the third quarter of May" has none)."""
    return refine in _PARTS.get(kind, {}) or (kind == "season" and refine in _THIRDS)


def conventional(kind: str, refine: str) -> bool:
    """Whether a part's bounds are a convention rather than the calendar's: early, mid and late,
    and a month's halves. Such a date is marked approximate."""
    return refine in _THIRDS or kind == "month"


def _unit_bounds(p: _Point) -> tuple[dt.date, dt.date]:
    """First and last day of the whole unit of a point whose year is known (refine ignored)."""
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


def _add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after the month of `day`."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, 1)


def _point_bounds(p: _Point) -> tuple[dt.date, dt.date]:
    """First and last day of a point whose year is known; for a refined point ("mid-2016", "the
    first half of 2024"), of that part of its unit (`_PARTS`).

    A season's part is one of its three months; a season of no stated hemisphere (nine months,
    see `_GROUPINGS`) holds both hemispheres' parts, months i and i + 6, and everything between.
    """
    lower, upper = _unit_bounds(p)
    if p.refine is None or p.kind == "day":
        return lower, upper
    if p.kind == "season":
        i = _THIRDS.index(p.refine)
        spread = (upper.year - lower.year) * 12 + upper.month - lower.month - 2  # 0 or 6
        return _add_months(lower, i), _add_months(lower, i + spread + 1) - dt.timedelta(days=1)
    first, last = _PARTS[p.kind][p.refine]
    if p.kind == "month":
        return lower.replace(day=first), lower.replace(day=min(last, upper.day))
    if p.kind == "year":
        return lower.replace(month=first), _add_months(lower, last) - dt.timedelta(days=1)
    return lower.replace(year=lower.year + first), upper.replace(year=lower.year + last)


#: Months an early, mid or late part of a season can lie from the season's own first or last
#: month: a season of no stated hemisphere runs nine months (`_GROUPINGS`), a part one to seven.
_SEASON_REACH = 8


def whole_units(
    earliest: dt.date | None, latest: dt.date | None, precision: str, refine: str | None
) -> tuple[dt.date | None, dt.date | None]:
    """Bounds whose ends are parts placed by a convention (`conventional`: "mid-2000s",
    2004–2006) widened to the whole units of `precision` they fall in (2000–2009): how such a
    date compares with others, since where a unit's parts split is not the text's word.
    `refine` is the date's, per end ("mid/early"); exact parts ("the first half of 2024") and
    unrefined ends stay. Season ends, whose season the bounds alone do not tell, widen by
    `_SEASON_REACH` months."""
    parts = (refine or "").split("/")
    wide = [bool(part) and conventional(precision, part) for part in (parts[0], parts[-1])]
    lower, upper = earliest, latest
    if precision == "season":
        if lower is not None and wide[0]:
            lower = _add_months(lower, -_SEASON_REACH)
        if upper is not None and wide[1]:
            upper = _add_months(upper, _SEASON_REACH + 1) - dt.timedelta(days=1)
        return lower, upper
    if precision not in ("month", "year", "decade", "century"):
        return lower, upper
    if lower is not None and wide[0]:
        lower = _unit_bounds(_unit_of(lower, precision))[0]
    if upper is not None and wide[1]:
        upper = _unit_bounds(_unit_of(upper, precision))[1]
    return lower, upper


def _unit_of(day: dt.date, precision: str) -> _Point:
    """The unit of `precision` (month, year, decade, century) that holds `day`."""
    size = {"decade": 10, "century": 100}.get(precision, 1)
    return _Point(precision, day.year // size * size, day.month if precision == "month" else 0)


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


def approximate(qualifier: str) -> str:
    """The qualifier of a date placed by a convention (an early, mid or late part): approximate,
    and still uncertain if it was."""
    return "uncertain_approximate" if qualifier.startswith("uncertain") else "approximate"


def _part_edge(p: _Point, day: dt.date) -> str:
    """A first or last day of an early, mid or late part, written in the unit its parts are
    counted in (`_PARTS`: days of a month, months of a year or season, years of a decade)."""
    mark = _QUALIFIER_MARK[p.qualifier]
    if p.kind == "month":
        return f"{day.year:04d}-{day.month:02d}-{day.day:02d}{mark}"
    if p.kind in ("year", "season"):
        return f"{day.year:04d}-{day.month:02d}{mark}"
    return f"{day.year:04d}{mark}"


def _point_edtf(p: _Point) -> str:
    assert p.year is not None
    if p.refine is not None and p.kind != "day":  # the interval of its part's days
        first, last = (_part_edge(p, edge) for edge in _point_bounds(p))
        return first if first == last else f"{first}/{last}"
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
    if p.refine is not None and p.kind != "day":
        return _part_edge(p, edge)
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
