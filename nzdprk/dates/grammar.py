"""The phrase grammar: regular expressions for one calendar point and the builders that turn a
rule's match into a year-less or dated shape, or a phrase relative to an anchor."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .edtf import (
    _GROUPINGS,
    _fill_years,
    _is_dated,
    _Point,
    _settle,
    _Shape,
    _valid,
    approximate,
    conventional,
    has_part,
)
from .words import (
    _CENTURY_OF,
    _CENTURY_WORDS,
    _COUNT_OF,
    _MONTH_NAMES,
    _MONTH_OF,
    _NAMED_DAYS,
    _QUALIFIER_WORD,
    _REFINE_WORD,
    _SEASON_CODE,
    _WEEKDAY_NAMES,
)


@dataclass(frozen=True, slots=True)
class _Relative:
    """A phrase that counts from the document date ("yesterday", "next week", "on Monday") or,
    with part "previous"/"following", from the text's previous explicit date ("four days
    earlier", "the following year")."""

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
_QUALIFIER = r"\b(?i:" + "|".join(w for w in _QUALIFIER_WORD if w.isalpha()) + ")"
_CIRCA = r"\b(?i:ca?)\."
_REFINE = r"\b(?i:early|mid|late)"
_REFINE_OF = (  # "the end of", "the first half of", "the last quarter of"
    r"\b(?i:beginning|start|middle|end"
    r"|(?:first|second|third|fourth|last)[^\S\n]+(?:half|quarter))"
)
_FALL = r"\b(?i:fall)"  # autumn, only right before a year: "the fall of 1975" is an event
_SPLIT_YEAR = r"\d{2}(?!\w)|" + _YEAR  # "summer 2024/25"
_ISO = (
    r"(?<![\w./-])(?P<{p}_iso_y>1\d{{3}}|20\d{{2}})-(?P<{p}_iso_m>0[1-9]|1[0-2])"
    r"-(?P<{p}_iso_d>0[1-9]|[12]\d|3[01])(?![\w/-])"
)


def _point_re(p: str) -> str:
    """One calendar point. Group names start with `p` so that a rule can hold two points.

    Long because it is one regular expression written as a table of its
    alternatives (days, months and years, coarse units, named days), each on its own lines.

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


def _read_point(
    m: re.Match[str], p: str, hemisphere: str | None
) -> tuple[str, _Point, int | None] | None:
    """The point matched by `_point_re(p)`: (alternative, point, weekday written) or None. A
    part ("mid-2016", "the first half of 2024") must be one its unit has; a part placed by a
    convention ("mid") makes the date approximate."""
    read = _read_unit(m, p, hemisphere)
    if read is None or read[1].refine is None:
        return read
    alt, point, weekday = read
    if not has_part(point.kind, point.refine):
        return None
    if conventional(point.kind, point.refine):
        point = replace(point, qualifier=approximate(point.qualifier))
    return alt, point, weekday


def _read_unit(
    m: re.Match[str], p: str, hemisphere: str | None
) -> tuple[str, _Point, int | None] | None:
    """The unit matched by `_point_re(p)`, with its refine word as written."""
    alt = next(a for a in _POINT_RULE if m.group(f"{p}_{a}") is not None)

    def get(name: str) -> str:
        return m.group(f"{p}_{name}") or ""

    qualifier = _QUALIFIER_WORD.get((get("q") or get("qc")).lower(), "none")
    words = get("r1") or get("e1") or get("r2") or get("e2")
    refine = _REFINE_WORD.get(" ".join(words.lower().split()))
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
            first, length = _GROUPINGS[code]
            if following != year + 1 or first + length <= 13:  # only a season across New Year
                return None
        return alt, _Point("season", year, code, refine=refine, qualifier=qualifier), None
    if alt == "dec":
        first = int(get("dec_x")) * 10
        kind = "century" if first % 100 == 0 and first < 2000 else "decade"
        return alt, _Point(kind, first, refine=refine, qualifier=qualifier), None
    if alt == "cen":
        word = get("cen_n").lower()
        number = _CENTURY_OF[word] if word in _CENTURY_OF else int(word[:-2])
        if not 2 <= number <= 21:
            return None
        return alt, _Point("century", (number - 1) * 100, refine=refine, qualifier=qualifier), None
    return alt, _Point("year", year, refine=refine, qualifier=qualifier), None


# ---------------------------------------------------------------------------------------------
# Rule builders: regex match → _Parsed (None rejects the match)
# ---------------------------------------------------------------------------------------------


def _lead_word(m: re.Match[str]) -> str:
    """The first lead word before the phrase ("in", "for"…), lower-case; "" when none."""
    lead = m.group("lead")
    return lead.split()[0].lower() if lead else ""


def _has_cue(m: re.Match[str], text: str, words: tuple[str, ...]) -> bool:
    """A bare month/season/year is a date only after a cue word, or when it is the whole text."""
    lead = m.group("lead")
    if lead is not None and lead.split()[0].lower() in words:
        return True
    return not text[: m.start()].strip() and not text[m.end() :].strip()


#: Words after which a capitalised month name alone is a date ("talks scheduled for October").
_MONTH_CUES = ("in", "during", "throughout", "for")
_YEAR_CUES = ("in", "during", "throughout", "on", "at", "of", "the", "a", "an")


#: A number after "the" is read as a year only from this year on. Below it, "the NNNN" is far
#: more often a name or a count ("the 1718 Committee" of the Security Council, "the 1000
#: soldiers") than a year a modern text writes with an article; from the nineteenth century on,
#: "the 1953 armistice" is the usual way English names a year's event.
THE_YEAR_FROM = 1800


def _year_cued(m: re.Match[str], text: str, year: int) -> bool:
    """A bare year needs a cue; an article ("the 1953 armistice", "a 1994 deal") only from
    `THE_YEAR_FROM` ("the 1718 Committee")."""
    if m.group("paren") is not None and text.startswith(")", m.end()):
        return True
    if (m.group("lead") or "").lower() in ("the", "a", "an") and year < THE_YEAR_FROM:
        return False
    return _has_cue(m, text, _YEAR_CUES)


def _build_point(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
    read = _read_point(m, "a", hemisphere)
    if read is None:
        return None
    alt, point, weekday = read
    if alt != "y" and _lead_word(m) in ("a", "an"):
        return None  # "on a Tuesday": any Tuesday; only a year takes "a" ("a 1994 deal")
    plain = point.refine is None and point.qualifier == "none"
    if plain and alt == "y" and not _year_cued(m, text, point.year or 0):
        return None
    if plain and alt in ("m", "s") and not _has_cue(m, text, _MONTH_CUES):
        return None
    if plain and alt == "m" and m.group("a_m_m") == "May" and _lead_word(m) == "for":
        return None  # "support for May": after "for", May is as often a name as a month
    shape = _Shape("point", (point,))
    return _Parsed(_POINT_RULE[alt], shape, weekday=weekday) if _valid(shape) else None


def _plain_year(read: tuple[str, _Point, int | None]) -> bool:
    """A plain year after "the" describes a noun ("the 1953 armistice"); it bounds nothing."""
    alt, point, _ = read
    return alt == "y" and point.refine is None and point.qualifier == "none"


def _build_range(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
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
    if not op and join and start[0] == end[0] == "y" and not _year_cued(m, text, THE_YEAR_FROM):
        return None
    items = _fill_years((start[1], end[1]))
    shape = _Shape("interval", items) if items is not None else None
    return _Parsed(shape=shape) if shape is not None and _valid(shape) else None


def _build_day_range(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
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


def _build_day_list(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
    """Lists of days: "3 and 5 April 2015" (both days), "3 or 4 April" (one of them)."""
    month = _MONTH_OF[m.group("m")[:3].lower()]
    year = int(m.group("y")) if m.group("y") else None
    days = [int(d) for d in re.findall(r"\d+", m.group("days"))]
    if days != sorted(set(days)):  # "5 and 3 June" is not how dates are listed
        return None
    shape = _list_shape([_Point("day", year, month, d) for d in days], m.group("conj"))
    return _Parsed(shape=shape) if shape is not None else None


def _build_month_list(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
    """Lists of months: "July and August 2000", "in July or August"."""
    year = int(m.group("y")) if m.group("y") else None
    if year is None and not _has_cue(m, text, _MONTH_CUES):
        return None
    names = re.findall(_MONTH_FULL, m.group("months"))
    points = [_Point("month", year if i == len(names) - 1 else None, _MONTH_OF[n[:3].lower()])
              for i, n in enumerate(names)]  # fmt: skip
    shape = _list_shape(points, m.group("conj"))
    return _Parsed(shape=shape) if shape is not None else None


def _build_year_list(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
    """Lists of years: "in 1974 and 1978", "in 2018, 2019 and 2021" ({…}), "2018 or 2019" ([…])."""
    years = [int(y) for y in re.findall(r"\d{4}", m.group("years"))]
    if not _year_cued(m, text, min(years)):
        return None
    shape = _list_shape([_Point("year", y) for y in years], m.group("conj"))
    return _Parsed(shape=shape) if shape is not None else None


def _build_year_span(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
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


def _build_open(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
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


def _build_ago(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
    """Counted back: "three days ago", "a year ago" (the calendar unit that far back)."""
    count = m.group("n").lower()
    number = int(count) if count.isdigit() else _COUNT_OF[count]
    unit = m.group("unit").lower().rstrip("s")
    plural = m.group("unit").lower().endswith("s")
    if number == 0 or plural != (number != 1):
        return None
    return _Parsed(relative=_Relative(unit, -number))


def _build_counted(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
    """Counted from the previous date in the text: "four days earlier", "a year later"."""
    parsed = _build_ago(m, text, hemisphere)
    if parsed is None or parsed.relative is None:
        return None
    sign = -1 if m.group("dir").lower() == "earlier" else 1
    rel = parsed.relative
    return _Parsed(relative=_Relative(rel.unit, -rel.offset * sign, "previous"))


def _build_following(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
    """The unit after the previous date in the text: "the following week", "the next day".
    Without "the", "next week" counts from the document date (`_build_relative_period`)."""
    lead = (m.group("lead") or "").lower().split()
    if not lead or lead[-1] != "the":
        return None
    return _Parsed(relative=_Relative(m.group("unit").lower(), 1, "following"))


def _build_relative_period(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
    """Calendar units: "next week", "last month", "this year", "earlier this year"…"""
    which = (m.group("which") or "this").lower()
    offset = {"last": -1, "this": 0, "next": 1}[which]
    part = m.group("part").lower() if m.group("part") else None
    return _Parsed(relative=_Relative(m.group("unit").lower(), offset, part))


_DAY_OFFSETS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}


def _build_relative_day(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
    """Days: "today", "yesterday", "tomorrow", "this morning", "last night"."""
    offset = _DAY_OFFSETS[m.group("word").split()[0].lower()]
    return _Parsed(relative=_Relative("day", offset))


def _build_recent(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
    return _Parsed(relative=_Relative("recent"))


_GENERIC_WEEKDAY = re.compile(r"\b(?i:a|an|every|each|any)\s+\Z")


def _build_weekday(m: re.Match[str], text: str, hemisphere: str | None) -> _Parsed | None:
    """Weekdays: "on Monday" (tense decides), "last Monday", "next Tuesday"; not "every Monday"."""
    if _GENERIC_WEEKDAY.search(text, max(0, m.start() - 8), m.start()):
        return None
    which = (m.group("which") or "tense").lower()
    weekday = _WEEKDAY_NAMES.index(m.group("wd"))
    return _Parsed(relative=_Relative("weekday", weekday, which))
