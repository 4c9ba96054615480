"""The finder: curated aliases, elided names and their sense, then the other names in turn."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from . import tables
from .keys import _TOKEN, alias_key
from .names import (
    _back_references,
    _defined_organisations,
    _known_persons,
    _persons,
    _unknown_names,
)
from .tables import Mention, UnresolvedName, _Alias, _Index, _lookup, _pick
from .words import (
    _ACTOR_BEFORE,
    _COMPASS,
    _MOTION,
    _ORDINARY,
    _PLACE_BEFORE,
    _TITLES,
    _actor_verbs,
    _joined,
    _Tok,
    _tokens,
)

#: How far back the word before a mention is looked for (a long word and its spaces).
_WORD_REACH = 40
#: How far back a place context is read: a verb of motion and "to", or "north of", within the
#: last six words.
_CONTEXT_REACH = 80
#: How far forward a mention's clause is read for its verb: longer than the clauses after a
#: name in the sources and the dev set (it ends at the first stop anyway).
_CLAUSE_REACH = 200
#: How far back "X and" is looked for before an elided name ("North and South Korea").
_PAIR_REACH = 60

# Sense: actor or place


#: The last word before trailing spaces; the look-behind spares tries from inside a word.
_LAST_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]+)[^\S\n]+$")
_STOPS = re.compile(r"[.;:!?\n]")
_LETTERS = re.compile(r"[A-Za-z]+")


def _prev_word(text: str, pos: int) -> str:
    match = _LAST_WORD.search(text[max(0, pos - _WORD_REACH) : pos])
    return match.group(1).lower() if match else ""


def _place_context(text: str, start: int) -> bool:
    """After "in/at/near/from/visited...", "north of", or "to" following a verb of motion."""
    before = text[max(0, start - _CONTEXT_REACH) : start]
    word = _prev_word(text, start)
    if word in _PLACE_BEFORE:
        return True
    lowered = before.lower()
    if lowered.rstrip().endswith("of") and _COMPASS.search(lowered):  # its cheap half first
        return True
    if word == "to":
        clause = _STOPS.split(before)[-1]
        return bool(_MOTION.intersection(w.lower() for w in _LETTERS.findall(clause)[-6:]))
    return False


#: Time adverbs and auxiliaries that may stand between an acting subject and its verb.
_ADVERBIAL = re.compile(
    r"^(?:\s+(?:on\s+[A-Z]\w+|today|yesterday|also|again|once\s+again|now|has|have|had|will|"
    r"would|was|were|is|are|later|earlier|then|last\s+(?:week|month|year)))+\b"
)


def _acting(text: str, start: int, end: int) -> bool:
    """A metonym in actor position: possessive, after "with/against...", or before a verb."""
    if _prev_word(text, start) in _ACTOR_BEFORE or re.match(r"['’‘ʼ]s\b", text[end : end + 3]):
        return True
    rest = text[end : end + _CLAUSE_REACH]
    rest = re.sub(r"^\s*,[^,.;:!?\n]{1,60},", "", rest)
    rest = re.sub(r"^\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*", "", rest)
    rest = _ADVERBIAL.sub("", rest)  # "Tokyo on Friday condemned", "Seoul has also said"
    verb = re.match(r"\s+([A-Za-z]+)", rest)
    return bool(verb and verb.group(1).lower() in _actor_verbs())


def _can_be_place(entry: _Alias) -> bool:
    return entry.alias_type != "demonym" and (
        entry.kind == "state" or entry.alias_type == "metonym"
    )


_COORDINATED = re.compile(r"\s+(?:and|or)\s+")
_APPOSED = re.compile(r",\s*")


def _sense(text: str, start: int, end: int, entry: _Alias, previous: _Placed | None) -> str:
    """ "place" for a state or capital used as a location, else "actor" (see module docstring).

    A name coordinated with ("X and Y") or in apposition to ("Pyongyang, North Korea") a
    previous state or capital takes that one's sense.
    """
    if not _can_be_place(entry):
        return "actor"
    if previous is not None and _can_be_place(previous.entry):
        between = text[previous.end : start]
        if _COORDINATED.fullmatch(between) or (
            _APPOSED.fullmatch(between) and previous.sense == "place"
        ):
            return previous.sense
    if _place_context(text, start):
        return "place"
    if entry.alias_type == "metonym":
        return "actor" if _acting(text, start, end) else "place"
    return "actor"


# ------------------------------------------------------------------------------------------
# The finder


class _Hit(NamedTuple):
    start: int
    end: int
    entry: _Alias


class _Placed(NamedTuple):
    end: int
    entry: _Alias
    sense: str


def _alias_starts(text: str, toks: list[_Tok], first_words: frozenset[str]) -> list[int]:
    """The usable tokens an alias can begin with: whose key, with or without a possessive,
    is the first word of a curated key. One pass over the tokens, before any span is built."""
    return [
        i
        for i, t in enumerate(toks)
        if t.usable
        and (
            t.piece.folded in first_words or t.piece.stem_folded in first_words
            if t.piece is not None
            else not first_words.isdisjoint(
                alias_key(text[t.start : end]) for end in (t.end, t.stem_end)
            )
        )
    ]


def _alias_hits(text: str, toks: list[_Tok], index: _Index) -> list[_Hit]:
    """All alias candidates, then the longest non-overlapping ones (earliest on ties).

    Each token is keyed once (its ``piece``); a span's key is its tokens' pieces joined as
    :func:`alias_key` joins them, and a span grows only while its key begins a curated key.
    """
    direct, candidates = index.direct, []

    def add(start: int, end: int, entries: list[_Alias], cased: str) -> None:
        entry = _pick(entries, text[start:end], cased)
        if entry:
            candidates.append(_Hit(start, end, entry))

    for i in _alias_starts(text, toks, index.first_words):
        first = toks[i]
        cased: str | None = ""  # the span's key so far, case kept (None: keyed whole)
        folded = ""  # and folded
        for j in range(i, min(i + index.max_words, len(toks))):
            last = toks[j]
            if not last.usable or (j > i and not _joined(text, toks[j - 1], last)):
                break
            piece = last.piece
            if piece is None or cased is None:
                cased = None
                for end in (last.end,) if last.stem_end == last.end else (last.end, last.stem_end):
                    entry = _lookup(direct, text[first.start : end])
                    if entry:
                        candidates.append(_Hit(first.start, end, entry))
                continue
            sep = " " if j == i + 1 else ""
            grown_cased, grown = cased + sep + piece.cased, folded + sep + piece.folded
            entries = direct.get(grown)
            if entries:
                add(first.start, last.end, entries, grown_cased)
            if last.stem_end != last.end:  # "Korea's" is a candidate without its 's too
                entries = direct.get(folded + sep + piece.stem_folded)
                if entries:
                    add(first.start, last.stem_end, entries, cased + sep + piece.stem_cased)
            cased, folded = grown_cased, grown
            if folded not in index.prefixes:
                break
    taken = bytearray(len(text))
    chosen = []
    for hit in sorted(candidates, key=lambda h: (h.start - h.end, h.start)):
        if taken.find(1, hit.start, hit.end) == -1:
            taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
            chosen.append(hit)
    return sorted(chosen)


#: "X and " or "X or " just before a name: X may be an elided name's head.
_PAIR = re.compile(r"(?<![\w'’])([A-Z][\w'’]*)[^\S\n]+(?:and|or)[^\S\n]+$")


def _elided_hits(text: str, hits: list[_Hit], index: _Index) -> list[_Hit]:
    """ "North and South Korea": the bare "North" borrows the rest of the following name."""
    taken = bytearray(len(text))
    for hit in hits:
        taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    out = []
    for hit in hits:
        if not text[hit.start - 1 : hit.start].isspace():
            continue  # what _PAIR needs first, tested alone as it is cheap
        offset = max(0, hit.start - _PAIR_REACH)
        before = text[offset : hit.start]
        if not before.rstrip().endswith(("and", "or")):
            continue  # and what it needs next
        name = text[hit.start : hit.end]
        words = list(_TOKEN.finditer(name))
        match = _PAIR.search(before)
        if len(words) < 2 or not match or match.group(1) in _ORDINARY | _TITLES:
            continue
        start, end = offset + match.start(1), offset + match.end(1)
        entry = _lookup(index.direct, match.group(1) + name[words[0].end() :])
        if entry is not None and taken.find(1, start, end) == -1:
            out.append(_Hit(start, end, entry))
    return out


def _curated_mentions(text: str, toks: list[_Tok], index) -> list[Mention]:
    """Mentions of curated actors (aliases, and aliases with an elided head), in text order,
    each with its sense (actor or place) read against the mention before it."""
    hits = _alias_hits(text, toks, index)
    hits = sorted(hits + _elided_hits(text, hits, index))
    mentions: list[Mention] = []
    previous: _Placed | None = None
    for hit in hits:
        sense = _sense(text, hit.start, hit.end, hit.entry, previous)
        previous = _Placed(hit.end, hit.entry, sense)
        mentions.append(
            Mention(
                hit.entry.actor_id,
                text[hit.start : hit.end],
                hit.start,
                hit.end,
                hit.entry.alias_type,
                sense,
                hit.entry.kind,
            )
        )
    return mentions


def _cut(items: list, drop: list[tuple[int, int]]) -> list:
    """``items`` without those in the index ranges ``drop``, sorted (they may overlap)."""
    out, pos = [], 0
    for first, last in drop:
        out += items[pos:first]
        pos = max(pos, last)
    return out + items[pos:]


def find_mentions(
    text: str, persons: Sequence[str] = ()
) -> tuple[list[Mention], list[UnresolvedName]]:
    """Find mentions of actors in ``text``, curated or not, and every name-like span left
    unexplained.

    ``persons`` are names known from outside the text to be persons (a release's ministers):
    they are persons wherever they occur, and antecedents of a bare family name.
    Returns mentions and unresolved names, each sorted by ``char_start``; all offsets are
    code-point offsets into ``text`` and ``text[char_start:char_end]`` is the reported text.
    The rules are described in the module docstring.
    """
    index = tables._index()
    toks = _tokens(text)
    mentions = _curated_mentions(text, toks, index)

    taken = bytearray(len(text))

    free = [t for t in toks if t.usable]
    starts, ends = [t.start for t in free], [t.end for t in free]

    def take(items: Sequence[Mention | UnresolvedName]) -> list[_Tok]:
        """Mark ``items`` taken; the tokens still free (only ever fewer, so filter the last).
        The tokens an item overlaps are a run of ``free``, found by bisection; the runs are
        cut out of ``free`` and of its ``starts`` and ``ends`` alike, by slicing."""
        nonlocal free, starts, ends
        drop: list[tuple[int, int]] = []
        for item in items:
            taken[item.char_start : item.char_end] = b"\x01" * (item.char_end - item.char_start)
            if item.char_end > item.char_start:
                first = bisect_right(ends, item.char_start)
                drop.append((first, bisect_left(starts, item.char_end, first)))
        drop = sorted(r for r in drop if r[0] < r[1])  # the runs of tokens overlapped
        if drop:
            free, starts, ends = (_cut(column, drop) for column in (free, starts, ends))
        return free

    take(mentions)
    mentions += _defined_organisations(text, toks, mentions, taken)
    free = take(mentions)
    known = _known_persons(persons, index)

    backrefs, unresolved = _back_references(
        text, free, mentions, index, frozenset(a for a, _ in known.values() if a)
    )
    ambiguous = [u for u in unresolved if u.reason == "ambiguous"]
    free = take(backrefs + ambiguous)
    people, unclear = _persons(text, free, mentions + backrefs, known)
    free = take(people + unclear)
    unresolved = unclear + [
        u for u in unresolved if taken.find(1, u.char_start, u.char_end) == -1 or u in ambiguous
    ]
    free = take(unresolved)
    unresolved += _unknown_names(text, free, index)

    return (
        sorted(mentions + backrefs + people, key=lambda m: m.char_start),
        sorted(unresolved, key=lambda u: u.char_start),
    )
