"""Split a document body into blocks (title, headings, infobox, list items, prose paragraphs),
prose into sentences, sentences into clauses, and paragraphs into quoted spans, keeping exact
character offsets: ``text[start:end]`` is always the unit itself, with no surrounding white
space. The cue words every later stage reads (future, negation, speech, hedge, approximation)
come from one table, ``data/cues.csv``, through `cue`; `cue_search` and `cue_finditer` search
them as `cue` does, but only where one pass over the document (`CueIndex`) found a word that
every match of the kind contains."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from re import _compiler, _parser
from re import _constants as _c
from typing import Any, NamedTuple

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
_QUOTE_MARK = re.compile(f"[{_QUOTES_OPEN}{_QUOTES_CLOSE}]")
_LOWER = re.compile(r"[a-z]")


#: Sentences whose clauses are kept: those of the last few documents, as the event and the aid
#: rules each cut the same sentences.
_CLAUSES_KEPT = 256


def clauses(
    text: str, start: int, end: int, protected: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Clause spans of one sentence, cut at commas, semicolons, colons and spaced dashes.
    Breaks inside dates, amounts or names (``protected``) are ignored, and an appositive — a
    stretch between commas that is only a name ("the Foreign Minister, Paek Nam-sun, in
    Bangkok") — joins the clauses on both sides."""
    return list(_clauses(text, start, end, tuple(map(tuple, protected))))


@lru_cache(maxsize=_CLAUSES_KEPT)
def _clauses(
    text: str, start: int, end: int, protected: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], ...]:
    """`clauses`, cut once for each sentence and its protected spans."""
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(text, start, end)]
    if protected:
        cuts = [at for at in cuts if not any(s <= at < e for s, e in protected)]
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
    return tuple(merged)


def _name_only(text: str, start: int, end: int, protected: Sequence[tuple[int, int]]) -> bool:
    """True when text[start:end], without names, has no word but punctuation."""
    pos = start  # the stretches between the protected spans are searched, one by one
    for s, e in sorted((max(s, start), min(e, end)) for s, e in protected if s < end and e > start):
        if s > pos and _LOWER.search(text, pos, s):
            return False
        pos = max(pos, e)
    return not (pos < end and _LOWER.search(text, pos, end))


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
    for mark in _QUOTE_MARK.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
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


#: The most strings a part of a cue pattern may stand for in `_words` (a part that stands for
#: more is taken as unknown): more than the spellings of one row of ``data/cues.csv``.
_WORDS_LIMIT = 64


def _words(items: list) -> frozenset[str] | None:
    """Every string (lower-cased) that parsed regular expression `items` can match, when they
    are few and known (letters, small classes, groups, alternatives, short optional parts);
    else None."""
    out = {""}
    for op, av in items:
        part = _part_words(op, av)
        if part is None:
            return None
        out = {a + b for a in out for b in part}
        if len(out) > _WORDS_LIMIT:
            return None
    return frozenset(out)


def _part_words(op: object, av: object) -> frozenset[str] | None:
    """`_words` of one parsed item (a zero-width one matches the empty string)."""
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""})
    if op is _c.LITERAL:
        return frozenset({chr(av).lower()})
    if op is _c.IN:
        return class_members(av)
    if op is _c.SUBPATTERN:
        return _words(av[-1].data)
    if op is _c.BRANCH:
        found = [_words(alternative.data) for alternative in av[1]]
        return None if any(f is None for f in found) else frozenset().union(*found)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[1] <= 1:
        body = _words(av[2].data)
        return None if body is None else body | ({""} if av[0] == 0 else set())
    return None


def class_members(items: list, limit: int = _WORDS_LIMIT) -> frozenset[str] | None:
    """The lower-cased members of a parsed character class (``re._parser``), None if they
    are not listed or a range is wider than `limit`: the pre-filters of the trigger and cue
    searches read a pattern's classes through this."""
    out = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av).lower())
        elif op is _c.RANGE and av[1] - av[0] < limit:
            out.update(chr(code).lower() for code in range(av[0], av[1] + 1))
        else:
            return None
    return frozenset(out)


def _needed(items: list) -> frozenset[str] | None:
    """Strings (lower-cased, none empty) one of which every match of parsed regular expression
    `items` contains, the longest found (a run of parts with known `_words`, or what a group,
    every alternative or a repeated part needs); None when none is known."""
    best: frozenset[str] | None = None
    run: frozenset[str] = frozenset({""})
    for op, av in items:
        part = _part_words(op, av)
        joined = None if part is None else frozenset(a + b for a in run for b in part)
        if joined is not None and len(joined) <= _WORDS_LIMIT:
            run = joined
            continue
        best = _better(best, run)
        run = frozenset({""}) if part is None else part
        if op is _c.SUBPATTERN:
            best = _better(best, _needed(av[-1].data))
        elif op is _c.BRANCH:
            found = [_needed(alternative.data) for alternative in av[1]]
            if all(f is not None for f in found):
                best = _better(best, frozenset().union(*found))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            best = _better(best, _needed(av[2].data))
    return _better(best, run)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """Of two sets of needed strings, the one whose shortest string is longer (it is found in
    fewer places); a set holding the empty string needs nothing and is None."""
    found = [s for s in (a, b) if s and "" not in s]
    return max(found, key=lambda s: (min(map(len, s)), -len(s)), default=None)


class _Filter(NamedTuple):
    """The words every cue of a kind contains, read from the kinds' patterns."""

    kinds_of: dict[str, tuple[str, ...]]  # each word (lower-cased) and the kinds that need it
    words: re.Pattern[str]  # the longest word at each place one begins, in lower-cased text
    kinds_at: dict[str, tuple[str, ...]]  # the kinds of a word and of the words it begins with
    starts: dict[str, re.Pattern[str]]  # where each word begins, ignoring case as `cue` does
    always: frozenset[str]  # kinds whose needed words are not known: always searched
    odd_folds: str  # characters a pattern ignoring case equates with a letter, not by lower()


@cache
def _cue_filter() -> _Filter:
    """The pre-filter of the cue kinds: for each kind, the words one of which every match of
    `cue` contains (`_needed`), compared ignoring case, so that it finds at least every place
    the kind's pattern can match; a kind whose words cannot be read is always searched."""
    needed = {}
    for kind in CUE_KIND.values:
        pattern = cue(kind)
        needed[kind] = _needed(_parser.parse(pattern.pattern, pattern.flags).data)
    kinds_of: dict[str, list[str]] = {}
    for kind, words in needed.items():
        for word in sorted(words or ()):
            kinds_of.setdefault(word, []).append(kind)
    letters = {ord(c) for w in kinds_of for c in w}
    return _Filter(
        kinds_of={w: tuple(ks) for w, ks in kinds_of.items()},
        words=re.compile(f"(?=({_trie(list(kinds_of))}))"),
        kinds_at={
            w: tuple(sorted({k for v in kinds_of if w.startswith(v) for k in kinds_of[v]}))
            for w in kinds_of
        },
        starts={w: re.compile(f"(?={re.escape(w)})", re.IGNORECASE) for w in kinds_of},
        always=frozenset(k for k, w in needed.items() if not w),
        odd_folds="".join(chr(c) for a in letters for c in _compiler._EXTRA_CASES.get(a, ())),
    )


class CueIndex:
    """Where in one document each kind of cue could match: the starts of the words one of
    which every match of the kind contains (`_cue_filter`), found once for the document. A
    search of a stretch with none of them cannot match and is not run, so the results are
    those of `cue` by construction."""

    def __init__(self, text: str):
        found = _cue_filter()
        self._always = found.always
        self._at: dict[str, list[int]] = {}
        lowered = text.lower()
        # str.find in the lower-cased text finds a word where the pattern ignoring case does,
        # unless a character is lower-cased to more than one or equated with a letter another
        # way ("ſ" is an "s" to the pattern): then each word's own pattern is searched.
        if len(lowered) == len(text) and not any(c in text for c in found.odd_folds):
            for m in found.words.finditer(lowered):
                for kind in found.kinds_at[m.group(1)]:
                    self._at.setdefault(kind, []).append(m.start())
            return
        for word, kinds in found.kinds_of.items():
            for m in found.starts[word].finditer(text):
                for kind in kinds:
                    self._at.setdefault(kind, []).append(m.start())
        for at in self._at.values():
            at.sort()

    def may_match(self, kind: str, start: int, end: int) -> bool:
        """Whether a cue of ``kind`` could match in ``text[start:end]``."""
        if kind in self._always:
            return True
        at = self._at.get(kind, ())
        i = bisect_left(at, start)
        return i < len(at) and at[i] < end


def _trie(words: list[str]) -> str:
    """A pattern of ``words`` that shares their common beginnings (one branch per letter, not
    one per word, is tried at each place) and matches the longest word it can."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(tree) or "(?!)"


def _branch(node: dict) -> str:
    """The pattern of one node of `_trie`'s tree: its branches, optional when a word ends."""
    branches = [re.escape(char) + _branch(sub) for char, sub in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


#: Documents whose `CueIndex` is kept: the stages read one document at a time, so the few
#: last ones are all that is asked for again.
_INDEXED_DOCUMENTS = 4


@lru_cache(maxsize=_INDEXED_DOCUMENTS)
def cue_index(text: str) -> CueIndex:
    """The `CueIndex` of a document's text, made once."""
    return CueIndex(text)


def cue_search(
    kind: str, text: str, start: int = 0, end: int | None = None
) -> re.Match[str] | None:
    """``cue(kind).search(text, start, end)``, run only where the document's `CueIndex` found a
    word the kind needs. ``text`` is a whole document's text (its index is kept)."""
    pattern, end = cue(kind), len(text) if end is None else end
    return pattern.search(text, start, end) if cue_index(text).may_match(kind, start, end) else None


def cue_finditer(kind: str, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``cue(kind).finditer(text, start, end)``, run only where the document's `CueIndex`
    found a word the kind needs."""
    pattern = cue(kind)
    return (
        pattern.finditer(text, start, end)
        if cue_index(text).may_match(kind, start, end)
        else iter(())
    )


def protected_spans(*groups: Iterable[Any]) -> list[tuple[int, int]]:
    """The spans of the items of ``groups`` (objects with ``char_start``/``char_end``, or
    ``(start, end)`` pairs), in text order: dates, amounts and names, which no clause rule
    splits."""
    return sorted(
        (item.char_start, item.char_end) if hasattr(item, "char_start") else tuple(item)
        for group in groups
        for item in group
    )
