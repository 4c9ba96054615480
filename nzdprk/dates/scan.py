"""The closed table of date rules and the leftmost-longest scan of a text with it."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from .edtf import _Shape
from .grammar import (
    _COUNT,
    _DASH,
    _DAY,
    _MONTH,
    _MONTH_ABBREVIATIONS,
    _MONTH_FULL,
    _NAMED_DAY,
    _OPEN_WORDS,
    _ORDINAL,
    _SP,
    _WEEKDAY,
    _YEAR,
    _build_ago,
    _build_counted,
    _build_day_list,
    _build_day_range,
    _build_following,
    _build_month_list,
    _build_open,
    _build_point,
    _build_range,
    _build_recent,
    _build_relative_day,
    _build_relative_period,
    _build_weekday,
    _build_year_list,
    _build_year_span,
    _Parsed,
    _point_re,
)
from .words import (
    _CENTURY_WORDS,
    _COUNT_OF,
    _MONTH_NAMES,
    _QUALIFIER_WORD,
    _REFINE_WORD,
    _WEEKDAY_NAMES,
)

# ---------------------------------------------------------------------------------------------
# The closed table of rules. Every pattern is preceded by an optional lead word that places the
# phrase but is not part of it ("in", "on", "during", "the"…) or an opening bracket; the phrase
# itself is the group `body`. At each position the longest match wins, earlier rows on ties.
# ---------------------------------------------------------------------------------------------

_LEAD_WORDS = ("in", "on", "at", "during", "throughout", "of", "for")
_LEAD = (  # "in", "on the", "in the year", "the", "a" ("a 1994 deal"), "(" …
    rf"(?:\b(?P<lead>(?i:(?:{'|'.join(_LEAD_WORDS)})(?:{_SP}the(?:{_SP}year)?)?"
    rf"|the(?:{_SP}year)?|an?)){_SP}|(?P<paren>\())?"
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
    # "four days earlier", "two years later": counted from the previous date in the text
    (
        "date.counted",
        rf"(?P<n>{_COUNT}){_SP}(?P<unit>(?i:days?|weeks?|months?|years?)){_SP}"
        rf"(?P<dir>(?i:earlier|later))\b",
        _build_counted,
    ),
    # "the following week", "the next day": the unit after the previous date in the text
    (
        "date.following",
        rf"\b(?i:following|next){_SP}(?P<unit>(?i:day|week|month|year))\b",
        _build_following,
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
    *("between", "this", "next", "last", "earlier", "later", "following"),
    *(word for words in _OPEN_WORDS for word in words.split()),  # "up to", "since"…
    *(word.rstrip(".") for word in _QUALIFIER_WORD),
    *(word for phrase in _REFINE_WORD for word in phrase.split()),  # "first", "half"…
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


def _longest(text: str, start: int, hemisphere: str | None) -> tuple[re.Match[str], _Parsed] | None:
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
        if build is not _build_point and (m.groupdict().get("lead") or "").lower() in ("a", "an"):
            continue  # "on a Tuesday" is any Tuesday: an article leads only a year ("a 1994 deal")
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


class _Hit(NamedTuple):
    """One phrase found: its span with the lead word, the span of the phrase itself, its reading."""

    start: int
    end: int
    body: tuple[int, int]
    parsed: _Parsed


#: "until" reaches a date after "in" at most this many words on ("until the mission ends in
#: April"): one short clause. Further on, the date more likely belongs to another verb.
_UNTIL_WORDS = 8
_UNTIL_CLAUSE = re.compile(rf"\b(?i:until|till){_SP}(?:[^\W\d][\w'’-]*{_SP}){{1,{_UNTIL_WORDS}}}\Z")


def _until_clause(text: str, hit: _Hit, after: int) -> _Hit:
    """ "until the mission ends in April" is the open period up to April (``../April``): a point
    read after "in" whose clause opens with "until" (no punctuation or other date between)."""
    shape = hit.parsed.shape
    lead = text[hit.start : hit.body[0]].split()
    if shape is None or shape.kind != "point" or not lead or lead[0].lower() != "in":
        return hit
    clause = _UNTIL_CLAUSE.search(text, after, hit.start)
    if clause is None:
        return hit
    until = _Shape("interval", (None, shape.items[0]))
    return _Hit(clause.start(), hit.end, (clause.start(), hit.end), _Parsed("date.until", until))


def _scan(text: str, hemisphere: str | None) -> list[_Hit]:
    """Leftmost-longest, non-overlapping matches of the rule table, in text order."""
    trigger = _compile()[0]
    found: list[_Hit] = []
    pos = 0
    while (hit := trigger.search(text, pos)) is not None:
        for start in (*_chain(text, pos, hit.start()), hit.start()):
            best = _longest(text, start, hemisphere)
            if best is not None:
                m, parsed = best
                after = found[-1].end if found else 0
                read = _Hit(m.start(), m.end(), m.span("body"), parsed)
                found.append(_until_clause(text, read, after))
                pos = m.end()
                break
        else:
            pos = hit.end()
    return found
