"""Per-document extraction: one `Document` in, one `Analysis` out (plain Python, no pandas).

Extraction is a pure function of a single document — nothing here looks at another file — so a
corpus can be processed one document at a time, in parallel, or on many machines, and give the
same rows.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from . import actors, dates, money
from . import text as seg
from .claims import actor_table, events
from .claims.aid import AidFlow, AidInputs, amount_measures, extract_aid_flows
from .home_currency import home_currency
from .read import Document, Problem, Published

#: The work budget of one document: a sentence (or a heading, list item or infobox line) longer
#: than this is kept in the text and the sentences but not searched for dates, amounts, names or
#: events, and is reported as a problem. The longest sentence of the sources is some 500
#: characters; the extraction rules look at a sentence as a whole, so a sentence this long of
#: repeated cues costs seconds, and an unbroken run of text of any length stays quick to pass.
MAX_UNIT_CHARS = 2_000

#: Words after a date that make it the time of the following clause ("until July 2000 when …").
_UNTIL_WHEN = re.compile(r"\s*,?\s*when\b")


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything read from one document; offsets refer to ``Document.text``."""

    blocks: list[seg.Block]
    sentences: list[seg.Sentence]
    sections: list[seg.Section]
    dates: list[dates.When]
    mentions: list[actors.Mention]
    unresolved: list[actors.UnresolvedName]
    money: list[money.Money]
    events: list[events.Event]
    event_dates: list[dates.When]
    published: Published
    published_note: str | None
    aid_flows: list[AidFlow]
    amount_measures: dict[int, str]  # by an amount's start: what a non-aid amount is


def _segment(
    doc: Document,
) -> tuple[list[seg.Block], list[seg.Section], list[seg.Sentence]]:
    """Blocks, sections and sentences (start, end, paragraph number, section heading)."""
    text = doc.text
    blocks = seg.blocks(text, doc.doc_type)
    sections = seg.sections(text, doc.doc_type)
    heads = [s.char_start for s in sections]
    sentences = []
    prose = (b for b in blocks if b.kind == "prose")
    for number, block in enumerate(prose, start=1):
        i = bisect.bisect_right(heads, block.char_start)
        section = sections[i - 1].heading if i else None
        for start, end in seg.split_sentences(text, block.char_start, block.char_end):
            sentences.append(seg.Sentence(start, end, number, section))
    return blocks, sections, sentences


def _over_budget(blocks: list[seg.Block], sentences: list[seg.Sentence]) -> list[tuple[int, int]]:
    """Spans of the sentences and non-prose lines longer than `MAX_UNIT_CHARS`, in text order."""
    units = [(b.char_start, b.char_end) for b in blocks if b.kind != "prose"]
    units += [(s, e) for s, e, _, _ in sentences]
    return sorted((s, e) for s, e in units if e - s > MAX_UNIT_CHARS)


def work_problems(doc: Document) -> list[Problem]:
    """The parts of a document too long to analyse (see `MAX_UNIT_CHARS`), as problems (with
    the line of the file, except in a press release, whose text starts after its front matter)."""
    blocks, _, sentences = _segment(doc)
    text = doc.text
    return [
        Problem(
            doc.path,
            "warning",
            f"a sentence of {end - start:,} characters (characters {start}-{end}) is longer than "
            f"{MAX_UNIT_CHARS:,}; it is kept in the text but not searched for dates, amounts, "
            "names or events",
            None if doc.doc_type == "press_release" else text.count("\n", 0, start) + 1,
        )
        for start, end in _over_budget(blocks, sentences)
    ]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span turned into spaces (same length, so offsets stay valid)."""
    parts, pos = [], 0
    for start, end in spans:
        parts += [text[pos:start], " " * (end - start)]
        pos = end
    return "".join([*parts, text[pos:]])


def analyse(doc: Document) -> Analysis:
    """Segment, date, name, price and code one document (its over-long sentences blanked)."""
    blocks, sections, sentences = _segment(doc)
    prose = [b for b in blocks if b.kind == "prose"]
    skipped = _over_budget(blocks, sentences)
    if skipped:
        doc = replace(doc, text=_blank(doc.text, skipped))
    text = doc.text
    anchor = doc.published.earliest if doc.published.precision == "day" else None
    found = dates.find_dates(text, anchor=anchor, sentences=sentences)
    mentions, unresolved = actors.find_mentions(text, doc.ministers)
    lookup = _with_found(actor_lookup(), mentions)
    first_end = sentences[0][1] if sentences else 0
    home = home_currency(doc, mentions, first_end, lookup.country, lookup.kind)
    amounts = money.find_money(
        text,
        default_currency=home.code if home else None,
        default_reason=home.reason if home else None,
    )
    event_dates = [_until_when(text, w, anchor) for w in found]
    authors = _authors(doc, mentions)
    coded = events.extract_events(
        text,
        [(s, e) for s, e, _, _ in sentences],
        [(b.char_start, b.char_end) for b in prose],
        event_dates,
        mentions,
        [(m.char_start, m.char_end) for m in amounts],
        lookup=lookup,
        author_ids=authors,
        anchor=anchor,
    )
    published, note = _publication(doc, found, [(a, b) for a, b, _, _ in sentences])
    reading = AidInputs(text, sentences, found, amounts, mentions, coded, published)
    flows = extract_aid_flows(reading, lookup=lookup)
    return Analysis(
        blocks,
        sentences,
        sections,
        found,
        mentions,
        unresolved,
        amounts,
        coded,
        event_dates,
        published,
        note,
        flows,
        amount_measures(reading, lookup=lookup),
    )


@cache
def actor_lookup() -> events.Lookup:
    """Kind and country of every curated actor, as the extraction rules need them."""
    table = actor_table()
    return events.Lookup(kind=table.kind, country=table.country)


def _with_found(lookup: events.Lookup, mentions: list[actors.Mention]) -> events.Lookup:
    """The curated lookup plus the kind of each actor found in this text but not curated
    (a person or organisation without a known country)."""
    found = {m.actor_id: m.kind for m in mentions if m.actor_id not in lookup.kind}
    return events.Lookup(kind={**lookup.kind, **found}, country=lookup.country) if found else lookup


def _authors(doc: Document, mentions: list[actors.Mention]) -> tuple[str, ...]:
    """Actor ids of the ministers a press release is issued by (its own voice)."""
    ids = [actor_id for name in doc.ministers for actor_id in _named(name)]
    return tuple(dict.fromkeys(ids))


@lru_cache(maxsize=1024)
def _named(name: str) -> tuple[str, ...]:
    """Actor ids of a minister's name read on its own (the same few names head most releases,
    so each is read once)."""
    found, _ = actors.find_mentions(name, (name,))
    return tuple(m.actor_id for m in found if m.text == name.strip())


def _until_when(text: str, when: dates.When, anchor) -> dates.When:
    """ "until July 2000 when X met" dates the meeting to July 2000, not to the open period."""
    if not when.text.lower().startswith("until ") or not _UNTIL_WHEN.match(text, when.char_end):
        return when
    inner = dates.parse_when(when.text[6:], anchor=anchor)
    if inner is None:
        return when
    return replace(
        inner,
        char_start=when.char_start + 6,
        char_end=when.char_end,
        note=(inner.note or "") + "the time of the 'when' clause after 'until'",
    )


def _publication(
    doc: Document, found: list[dates.When], sentences: list[tuple[int, int]]
) -> tuple[Published, str | None]:
    """The stated publication date, or for an undated document an inferred lower bound: it was
    written on or after the latest date it mentions in the past tense."""
    if doc.published.edtf is not None:
        return doc.published, "front-matter date field"
    if doc.published.text is not None:
        return doc.published, f"front-matter date {doc.published.text!r} is not a date"
    best: tuple[str, dates.When, object] | None = None
    starts = [a for a, _ in sentences]
    clear: dict[int, int] = {}
    for w in found:
        if w.resolution != "explicit" or w.edtf is None:
            continue
        if _in_future_tense(doc.text, w, sentences, starts, clear):
            continue
        last = _whole_unit(_last_part(w.edtf), w)
        earliest, _ = dates.edtf_bounds(last)
        if earliest is not None and (best is None or earliest > best[2]):
            best = (last, w, earliest)
    if best is None:
        return doc.published, "no publication date, and no dated past event to bound it"
    last, w, earliest = best
    # "one of: that date or later". EDTF sets take plain dates only, so a decade, century or
    # season is written as its first year or month (the same lower bound).
    precision = _precision_of(last)
    first = {"decade": f"{earliest:%Y}", "century": f"{earliest:%Y}", "season": f"{earliest:%Y-%m}"}
    edtf = f"[{first.get(precision, last)}..]"
    note = (
        f"not stated; inferred to be on or after the latest date it mentions as past: "
        f"{w.text!r} (characters {w.char_start}-{w.char_end})"
    )
    return Published(None, edtf, earliest, None, precision, "inferred"), note


def _precision_of(part: str) -> str:
    """Precision of one EDTF date (no interval, no set)."""
    if re.fullmatch(r"\d{2}XX", part):
        return "century"
    if re.fullmatch(r"\d{3}X", part):
        return "decade"
    if re.fullmatch(r"\d{4}-(?:2[1-9]|3\d|4[01])", part):
        return "season"
    return {4: "year", 7: "month"}.get(len(part), "day")


#: Longer than any future cue of `text.cue` ("are expected to" is 15 characters).
_CUE_REACH = 32


def _in_future_tense(
    text: str,
    when: dates.When,
    sentences: list[tuple[int, int]],
    starts: list[int],
    clear: dict[int, int],
) -> bool:
    """Whether a future cue precedes the date in its sentence. ``clear`` holds, per sentence,
    where an earlier search found no cue: the next date's search starts a cue's length before
    it, so that a sentence of many dates is read once, not once per date."""
    i = bisect.bisect_right(starts, when.char_start) - 1
    inside = i >= 0 and when.char_start < sentences[i][1]
    start = sentences[i][0] if inside else when.char_start
    begin = max(start, clear.get(start, start) - _CUE_REACH)
    if seg.cue_search("future", text, begin, when.char_end):
        return True
    clear[start] = max(clear.get(start, start), when.char_end)
    return False


#: Months a season's early, mid or late part can begin after the season itself (the last part
#: of a season of no stated hemisphere, `dates` `_GROUPINGS`).
_SEASON_PART_REACH = 8


def _whole_unit(last: str, when: dates.When) -> str:
    """The whole unit of an early, mid or late end ("early May" → May): where the part begins
    is a convention, so the end began on or after the unit's first day, not the part's. An
    exact part that is the whole date ("the second half of 2023") begins with its first
    sub-unit (July 2023)."""
    refine = (when.refine or "").split("/")[-1]
    if not refine:
        return last
    if not when.is_interval and when.qualifier == "none" and when.edtf is not None:
        return when.edtf.split("/")[0]
    day = dates.edtf_bounds(last)[0]
    assert day is not None
    if when.precision == "season":
        year, month = divmod(day.year * 12 + day.month - 1 - _SEASON_PART_REACH, 12)
        return f"{year:04d}-{month + 1:02d}"
    return {
        "month": f"{day.year:04d}-{day.month:02d}",
        "decade": f"{day.year // 10:03d}X",
        "century": f"{day.year // 100:02d}XX",
    }.get(str(when.precision), f"{day.year:04d}")


def _last_part(edtf: str) -> str:
    """The last endpoint or element of an EDTF date, interval or set, without qualifiers."""
    part = edtf
    if "/" in part:
        start, end = part.split("/", 1)
        part = end if end not in ("", "..") else start
    if part.startswith(("{", "[")):
        part = part.strip("{}[]").split(",")[-1].strip()
        part = part.split("..")[-1] or part.split("..")[0]
    return part.rstrip("~?%")
