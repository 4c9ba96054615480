"""Split a document body into blocks (title, headings, infobox, list items, prose paragraphs),
prose into sentences, sentences into clauses, and paragraphs into quoted spans, keeping exact
character offsets: ``text[start:end]`` is always the unit itself, with no surrounding white
space. The cue words every later stage reads (future, negation, speech, hedge, approximation)
come from one table, ``data/cues.csv``, through `cue`."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from . import curated
from .schema import CUE_KIND

#: Words after which a full stop does not end a sentence (lower-cased, without the stop).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "rev",
        "prof",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "cpl",
        "adm",
        "hon",
        "rt",
        "jr",
        "sr",
        "no",
        "nos",
        "vol",
        "co",
        "corp",
        "inc",
        "ltd",
        "vs",
        "etc",
        "approx",
        "est",
        "fig",
        "al",
        "e.g",
        "i.e",
        "u.s",
        "u.n",
        "u.k",
        "n.z",
        "d.p.r.k",
        "a.m",
        "p.m",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)

_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))

# Runs are possessive (``*+``) so that no line can make a pattern backtrack: every match is
# linear in the length of the line. The title keeps its trailing blanks (stripped by the caller).
_HEADING = re.compile(r"^(?P<eq>={1,6})[ \t]*+(?P<title>[^=\n]*+)(?P=eq)[ \t]*+$")
_LIST_ITEM = re.compile(r"^[ \t]*[-*•][ \t]+")
_INFOBOX_START = re.compile(r"^[ \t]*Infobox\b.*$")
_DASH = re.compile(r"[ \t]*+-")
# A sentence can end after . ! ? (and closing quotes/brackets); the next sentence starts with
# an upper-case letter, a digit or an opening quote/bracket, after white space or, as in some
# press releases, straight after a closing stop ('.“A small delegation').
_BOUNDARY = re.compile(
    r"""(?<![.!?])(?P<stop>[.!?]++)(?P<close>["'”’)\]]*)(?P<gap>\s++|(?=[“‘"]\s*[A-Z]))(?=[“‘"'(\[]*[A-Z0-9])"""
)


class Sentence(NamedTuple):
    """One prose sentence: its span, the number of its paragraph (1, 2, ...) and the heading
    of its section (None in the lead or outside encyclopedia articles)."""

    start: int
    end: int
    paragraph: int
    section: str | None


@dataclass(frozen=True, slots=True)
class Block:
    """A line-level unit of a document: ``kind`` is title, heading, infobox, list_item or prose."""

    kind: str
    char_start: int
    char_end: int
    level: int = 0
    key: str | None = None
    value_start: int | None = None
    value_end: int | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """A titled stretch of an encyclopedia article (the lead has heading None, level 1)."""

    heading: str | None
    level: int
    char_start: int
    char_end: int


def blocks(text: str, doc_type: str) -> list[Block]:
    """Classify each non-blank line. Wiki markup is only read in encyclopedia articles."""
    out: list[Block] = []
    wiki = doc_type == "encyclopedia_article"
    in_infobox = False
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if not stripped:
            in_infobox = False
            continue
        s = start + (len(raw) - len(raw.lstrip()))
        e = start + len(raw.rstrip())
        heading = _HEADING.match(raw) if wiki else None
        if heading:
            level = len(heading["eq"])
            kind = "title" if level == 1 and not out else "heading"
            out.append(Block(kind, s, e, level=level))
            in_infobox = False
        elif wiki and _INFOBOX_START.match(raw):
            in_infobox = True
        elif in_infobox and (kv := _key_value(raw)):
            key, value_start, value_end = kv
            out.append(
                Block(
                    "infobox",
                    s,
                    e,
                    key=key,
                    value_start=start + value_start,
                    value_end=start + value_end,
                )
            )
        elif _LIST_ITEM.match(raw):
            out.append(Block("list_item", s, e))
        else:
            in_infobox = False
            out.append(Block("prose", s, e))
    return out


def _key_value(line: str) -> tuple[str, int, int] | None:
    """An infobox line ``- key: value``: the key, and the value's span in the line (both
    without surrounding blanks; a key of blanks only is its last blank). One pass, no regex
    backtracking, so a line of any length costs time in proportion to its length."""
    dash = _DASH.match(line)
    colon = line.find(":", dash.end()) if dash else -1
    if dash is None or colon <= dash.end():
        return None
    region = line[dash.end() : colon]
    key = region.strip(" \t") or region[-1]
    value_start = colon + 1
    while value_start < len(line) and line[value_start] in " \t":
        value_start += 1
    value_end = len(line.rstrip(" \t"))
    return key, value_start, max(value_start, value_end)


def sections(text: str, doc_type: str) -> list[Section]:
    """Sections of an encyclopedia article, from its headings; other documents have one."""
    heads = [b for b in blocks(text, doc_type) if b.kind == "heading"]
    out = [Section(None, 1, 0, heads[0].char_start if heads else len(text))]
    for i, head in enumerate(heads):
        end = heads[i + 1].char_start if i + 1 < len(heads) else len(text)
        title = _HEADING.match(text[head.char_start : head.char_end])
        heading = title["title"].rstrip(" \t") if title else None
        out.append(Section(heading, head.level, head.char_start, end))
    return [s for s in out if s.char_end > s.char_start]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph), trimmed of white space."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group("stop") == "." and _is_abbreviation(text, begin, m.start()):
            continue
        cut = m.end("close")
        if cut > begin:
            spans.append((begin, cut))
        begin = m.end()
    if begin < end:
        spans.append((begin, end))
    return [t for s, e in spans if (t := _trim(text, s, e))]


def _is_abbreviation(text: str, begin: int, stop: int) -> bool:
    """True when the word before a full stop is a known abbreviation or a single initial."""
    first = stop
    while (
        first > begin and stop - first <= _LONGEST_ABBREVIATION and _word_or_stop(text[first - 1])
    ):
        first -= 1
    if first == stop or (first > begin and _word_or_stop(text[first - 1])):
        return False  # no word, or one longer than any abbreviation
    token = text[first:stop].lower()
    return token in ABBREVIATIONS or (
        len(token) == 1 and token.isalpha() and token.isascii() and text[stop - 1].isupper()
    )


def _word_or_stop(char: str) -> bool:
    """A letter, digit, underscore or full stop (what an abbreviation is written with)."""
    return char.isalnum() or char in "_."


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[–—-]\s")
_QUOTES_OPEN = '“"'
_QUOTES_CLOSE = '”"'


def clauses(
    text: str, start: int, end: int, protected: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Clause spans of one sentence, cut at commas, semicolons, colons and spaced dashes.
    Breaks inside dates, amounts or names (``protected``) are ignored, and an appositive — a
    stretch between commas that is only a name ("the Foreign Minister, Paek Nam-sun, in
    Bangkok") — joins the clauses on both sides."""
    cuts = [
        m.start()
        for m in _CLAUSE_BREAK.finditer(text, start, end)
        if not any(s <= m.start() < e for s, e in protected)
    ]
    bounds = [start, *cuts, end]
    spans = [(a, b) for a, b in itertools.pairwise(bounds) if b > a]
    merged: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        a, b = spans[i]
        if merged and i + 1 < len(spans) and _name_only(text, a, b, protected):
            prev = merged.pop()
            merged.append((prev[0], spans[i + 1][1]))
            i += 2
            continue
        merged.append((a, b))
        i += 1
    return merged


def _name_only(text: str, start: int, end: int, protected: Sequence[tuple[int, int]]) -> bool:
    """True when text[start:end], without names, has no word but punctuation."""
    keep = [True] * (end - start)
    for s, e in protected:
        for i in range(max(s, start), min(e, end)):
            keep[i - start] = False
    rest = "".join(ch for ch, k in zip(text[start:end], keep, strict=True) if k)
    return not re.search(r"[a-z]", rest)


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of a paragraph inside quotation marks.

    Curly “ always opens and ” closes; a straight " opens after white space or an opening
    bracket, or before a word after other punctuation, and closes otherwise. A mark at the very
    start of a paragraph opens (typists often use ” there), a new opening mark ends an unclosed
    quotation, and an unclosed one runs to the end of the paragraph, as multi-paragraph
    quotations do.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in _QUOTES_OPEN and ch not in _QUOTES_CLOSE:
            continue
        opens = i == start or ch == "“" or (ch == '"' and _straight_opens(text, i, start, end))
        if open_at is None:
            if opens:
                open_at = i
        elif not opens:
            spans.append((open_at, i + 1))
            open_at = None
        else:
            spans.append((open_at, i))
            open_at = i
    if open_at is not None:
        spans.append((open_at, end))
    return spans


def _straight_opens(text: str, i: int, start: int, end: int) -> bool:
    """Whether the straight mark at ``i`` opens a quotation: after white space or an opening
    bracket or dash, or glued to the start of a word after other punctuation, as in
    ``Korea."A small`` where the curly original had no space either."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return before.isspace() or before in "([—–-" or (after.isalnum() and not before.isalnum())


def in_spans(spans: Sequence[tuple[int, int]], starts: Sequence[int], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted, not overlapping; ``starts`` their
    starts), found by bisection rather than by reading every span."""
    i = bisect_right(starts, pos)
    return i > 0 and pos < spans[i - 1][1]


@cache
def cue(kind: str) -> re.Pattern[str]:
    """The cue words of one kind (``schema.CUE_KIND``: future, negation, hypothetical, speech,
    hedge, approximation) from ``data/cues.csv`` (approximation: the hedging words of
    ``data/qualifiers.csv``), as one pattern of whole words. A cue marked
    ``case_sensitive`` matches only as written ("may" is a modal, "May" a month)."""
    rows = curated.table("cues.csv")
    curated.check_vocabulary("cues.csv", rows, "kind", CUE_KIND.values)
    if kind not in CUE_KIND.values:
        raise ValueError(f"no cue kind {kind!r}; the kinds are {', '.join(CUE_KIND.values)}")
    words = [
        r["pattern"] if r["case_sensitive"] == "yes" else f"(?i:{r['pattern']})"
        for r in rows
        if r["kind"] == kind
    ]
    if kind == "approximation":  # the hedging words of the one table of qualifier words
        hedges = curated.table("qualifiers.csv")
        words += [f"(?i:{re.escape(r['phrase'])})" for r in hedges if r["hedge"] == "yes"]
    return re.compile(rf"\b(?:{'|'.join(words)})\b")
