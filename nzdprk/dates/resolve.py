"""Resolution: a parsed phrase becomes a `When`, its missing year or relative offset settled
from the document date (with the tense of its clause) or from the narrative, else left open."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..schema import PRECISION
from ..text import cue
from .edtf import _is_dated, _Point, _point_bounds, _Shape, _shape_edtf, _with_year, edtf_bounds
from .grammar import _Parsed, _Relative
from .scan import _Hit, _scan
from .words import _SEASON_CODE, _WEEKDAY_NAMES


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
# Resolution: tense, narrative year, document date
# ---------------------------------------------------------------------------------------------

#: Words that mark a clause future or past: the future cues of ``data/cues.csv`` (the one table
#: every stage reads), and past forms. "follows" is past: what a happening follows came before
#: it ("It follows ... more than a dozen missile tests this year").
_TENSE_MARKER = re.compile(
    rf"(?P<future>{cue('future').pattern})"
    r"|\b(?P<past>(?i:was|were|had|did|has|have|said|told|met|went|came|took|gave|made|held|began"
    r"|left|saw|became|won|lost|sent|signed|follows)|[a-z]{3,}ed)\b"
)
_SENTENCE_BREAKS = ".!?;\n"


def _sentence(text: str, start: int, end: int, story: _Narrative) -> tuple[int, int]:
    """The sentence holding the phrase ``start``-``end``: one of the sentences `nzdprk.text`
    found, when the caller gave them; else (a phrase outside prose, or a text read without
    its sentences) the stretch between stops."""
    i = bisect_right(story.starts, start) - 1
    if i >= 0 and end <= story.sentences[i][1]:
        return story.sentences[i]
    lo = max(text.rfind(c, 0, start) for c in _SENTENCE_BREAKS) + 1
    ends = [i for c in _SENTENCE_BREAKS if (i := text.find(c, end)) != -1]
    return lo, min(ends, default=len(text))


def _tense(
    text: str, start: int, end: int, story: _Narrative, default: str | None = "past"
) -> str | None:
    """The tense ("future" or "past") of the marker nearest to the phrase within its sentence;
    `default` when the sentence has no marker."""
    lo, hi = _sentence(text, start, end, story)
    nearest, tense = len(text) + 1, default
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
    year_at: int = -1  # where that phrase starts
    floor: dt.date | None = None  # first day of the previous dated phrase
    floor_text: str = ""
    previous: When | None = None  # the last explicit date of one day, month or year
    sentences: Sequence[tuple[int, int]] = ()  # the text's sentences, when the caller gave them
    starts: list[int] = field(default_factory=list)  # their starts


def _written_year(shape: _Shape) -> int | None:
    """The year a reader carries forward: the last year written in the phrase."""
    for p in reversed(shape.items):
        if p is not None and p.kind in ("day", "month", "season", "year"):
            return p.year
    return None


def _precision(shape: _Shape) -> str:
    return max((p.kind for p in shape.items if p is not None), key=PRECISION.values.index)


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


def _is_span(shape: _Shape) -> bool:
    """Whether the text names a span ("from 2003 to 2005"), not a point of some precision; an
    early, mid or late point ("in mid-2016") is written as the interval of its part, and is
    still one point in time."""
    return shape.kind == "interval"


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
        _refine(shape), resolution, _is_span(shape), parsed.rule, "; ".join(notes) or None,
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


def _same_year(shape: _Shape, story: _Narrative) -> tuple[_Shape, int] | None:
    """The shape in the year last written in the text or, when that would put it before the
    previous dated phrase, the next year ("New Year's Eve … 21 January": a narrative goes on
    across one New Year); any further is a guess, left unresolved."""
    assert story.year is not None
    for year in (story.year, story.year + 1):
        dated = _with_year(shape, year)
        if dated is None:
            continue
        latest = edtf_bounds(_shape_edtf(dated))[1]
        if story.floor is None or latest is None or latest >= story.floor:
            return dated, year
    return None


def _counted(rel: _Relative, previous: When) -> _Shape | None:
    """The date `rel` names counted from an explicit date; None when the unit is finer than what
    that date gives ("four days earlier" than "in 2003" is no day)."""
    assert previous.earliest is not None and previous.precision is not None
    day, finest = previous.earliest, ("day", "month", "year")
    if finest.index(previous.precision) > finest.index(
        "day" if rel.unit in ("day", "week") else rel.unit
    ):
        return None
    if rel.unit == "week" and rel.part == "following":
        first = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=1)
        return _span(first, first + dt.timedelta(days=6))
    if rel.unit in ("day", "week"):
        days = rel.offset * (7 if rel.unit == "week" else 1)
        return _Shape("point", (_day(day + dt.timedelta(days=days)),))
    if rel.unit == "month":
        year, month = divmod(day.year * 12 + day.month - 1 + rel.offset, 12)
        return _Shape("point", (_Point("month", year, month + 1),))
    return _Shape("point", (_Point("year", day.year + rel.offset),))


def _from_previous(text: str, start: int, end: int, parsed: _Parsed, story: _Narrative) -> When:
    """ "four days earlier", "the following year": counted from the text's last explicit date."""
    rel = parsed.relative
    assert rel is not None
    previous = story.previous
    if previous is None:
        return _unresolved_when(
            text, start, end, parsed, "no explicit date before it to count from"
        )
    try:
        shape = _counted(rel, previous)
    except (ValueError, OverflowError):
        shape = None
    if shape is None:
        why = f"'{previous.text}', the explicit date before it, gives no {rel.unit} to count from"
        return _unresolved_when(text, start, end, parsed, why)
    how = "the one after" if rel.part == "following" else _offset_words(rel.offset, rel.unit)
    note = f"{how} '{previous.text}' ({previous.edtf}), the last explicit date before it"
    return _dated_when(text, start, end, parsed, shape, "inferred", note)


def _marked_period(rel: _Relative, text: str, start: int, end: int, story: _Narrative) -> _Relative:
    """ "this year" in a past-tense clause runs up to the document date, in a future-tense
    clause from it on; with no tense marked, the whole unit."""
    if rel.offset or rel.part is not None or rel.unit not in ("week", "month", "year"):
        return rel
    tense = _tense(text, start, end, story, default=None)
    if tense is None:
        return rel
    return replace(rel, part="earlier" if tense == "past" else "later")


def _relative(
    text: str, start: int, end: int, parsed: _Parsed, anchor: dt.date | None, story: _Narrative
) -> When:
    """A phrase counted from the previous explicit date or from the document date."""
    rel = parsed.relative
    assert rel is not None
    if rel.part in ("previous", "following"):
        return _from_previous(text, start, end, parsed, story)
    if anchor is None:
        why = "weekday" if rel.unit == "weekday" else "relative date"
        return _unresolved_when(text, start, end, parsed, f"{why} in an undated document")
    tense = _tense(text, start, end, story) if rel.part == "tense" else None
    try:
        shape, note = _relative_shape(_marked_period(rel, text, start, end, story), anchor, tense)
    except (ValueError, OverflowError):
        return _unresolved_when(text, start, end, parsed, "outside the calendar")
    return _dated_when(text, start, end, parsed, shape, "anchored", note)


def _explicit(
    text: str, start: int, end: int, parsed: _Parsed, shape: _Shape, story: _Narrative
) -> When:
    """A date with its year written; it becomes the narrative's year, floor and count base."""
    when = _dated_when(text, start, end, parsed, shape, "explicit", None)
    written = _written_year(shape)
    if written is not None:
        story.year, story.year_text, story.year_at = written, when.text, start
        if when.earliest is not None:
            story.floor, story.floor_text = when.earliest, when.text
    if shape.kind == "point" and when.precision in ("day", "month", "year"):
        story.previous = when
    return when


def _year_less(
    text: str, start: int, end: int, parsed: _Parsed, anchor: dt.date | None, story: _Narrative
) -> When:
    """A date without its year ("in January", "21 July"), by the first rule that applies:

    1. a year written earlier in the same sentence ("on 3 March 2003 and on 5 March");
    2. the document date, with the tense of the clause (past: the latest such date on or
       before it; future: the first not over by then), resolution "anchored";
    3. in an undated text, the year last written before it, or the next year when that would
       put the date before the previous dated phrase; resolution "inferred";
    else unresolved. A year written after the phrase is never used.
    """
    shape = parsed.shape
    assert shape is not None
    same_sentence = story.year_at >= _sentence(text, start, start, story)[0]
    if story.year is not None and (same_sentence or anchor is None):
        found = _same_year(shape, story)
        if found is not None:
            dated, year = found
            where = "earlier in the same sentence" if same_sentence else "the last year before it"
            note = f"year {year} from '{story.year_text}', {where}"
            if year != story.year:
                note = (
                    f"year {year}: '{story.year_text}', {where}, gives {story.year}, which "
                    f"would put it before '{story.floor_text}'; the narrative goes on a year"
                )
            when = _dated_when(text, start, end, parsed, dated, "inferred", note)
            story.floor, story.floor_text = when.earliest or story.floor, when.text
            return when
    if anchor is not None:
        tense = _tense(text, start, end, story) or "past"
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
    if story.year is not None:
        why = (
            f"year not stated; neither the year of '{story.year_text}' nor the next keeps it "
            f"from going back before '{story.floor_text}'"
        )
    else:
        why = "year not stated, no earlier year in the text, no document date"
    return _unresolved_when(text, start, end, parsed, why)


def _resolve(text: str, hit: _Hit, anchor: dt.date | None, story: _Narrative) -> When:
    start, end = hit.body
    parsed = hit.parsed
    if parsed.relative is not None:
        return _relative(text, start, end, parsed, anchor, story)
    shape = parsed.shape
    assert shape is not None
    if _is_dated(shape):
        return _explicit(text, start, end, parsed, shape, story)
    return _year_less(text, start, end, parsed, anchor, story)


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def _check(anchor: dt.date | None, hemisphere: str | None) -> dt.date | None:
    if hemisphere not in _SEASON_CODE:
        raise ValueError(f"hemisphere must be 'south', 'north' or None, not {hemisphere!r}")
    return anchor.date() if isinstance(anchor, dt.datetime) else anchor


def find_dates(
    text: str,
    *,
    anchor: dt.date | None = None,
    hemisphere: str | None = None,
    sentences: Sequence[tuple[int, int]] = (),
) -> list[When]:
    """All temporal expressions in `text` (a paragraph or whole body), in text order,
    non-overlapping (longest match wins). `anchor` is the document's publication date;
    ``sentences`` (start, end), from `nzdprk.text`, bound the clause whose tense a phrase
    takes."""
    anchor = _check(anchor, hemisphere)
    spans = tuple((a, b) for a, b, *_ in sentences)
    story = _Narrative(sentences=spans, starts=[a for a, _ in spans])
    return [_resolve(text, hit, anchor, story) for hit in _scan(text, hemisphere)]


#: Phrases whose reading `parse_when` keeps: the parts of the dates of the last few documents
#: (a "since" or "until" date and the members of a coordination are read again as phrases).
_PHRASES_KEPT = 1024


@lru_cache(maxsize=_PHRASES_KEPT)
def parse_when(
    phrase: str, *, anchor: dt.date | None = None, hemisphere: str | None = None
) -> When | None:
    """One phrase that is entirely a date expression (offsets relative to `phrase`); None if it
    is not one. A leading "in"/"on"/"the" may stand before it, as in running text. The reading
    is a pure function of its arguments, and a `When` is immutable: each is made once."""
    anchor = _check(anchor, hemisphere)
    found = _scan(phrase, hemisphere)
    if len(found) != 1:
        return None
    (hit,) = found
    if phrase[: hit.start].strip() or phrase[hit.end :].strip():
        return None
    return _resolve(phrase, hit, anchor, _Narrative())
