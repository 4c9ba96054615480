"""The event lexicon: which words name which kind of happening, in which sense.

Each row of ``data/lexicon.csv`` is keyed by a lemma and gives its PLOVER category (manual of
February 2024, plus the local ``STATEMENT`` for pure speech and ``OTHER``), the surface forms
that name it (a regular expression) and its *sense guards*: what may not come right before or
right after a form for it to have this sense ("meets its commitments" is no meeting, "its
nuclear test site" no test); a ``not_before`` guard starts at a word's start ("North Korea
closed" does not end in the article "a"). Triggers are found in one pass over a whole document
(a combined pattern marks where any form begins; each form is then tried there only) and
assigned to sentences by bisection, not searched sentence by sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from re import _constants as _c
from re import _parser
from typing import Any, NamedTuple

from .. import curated
from ..schema import EVENT_TYPE
from ..text import class_members

#: PLOVER's four quadrants (the local STATEMENT and OTHER have none).
QUAD_CLASS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal_cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material_cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal_conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material_conflict"),
}

#: How far back a ``not_before`` guard looks: longer than any guard phrase of the lexicon.
_GUARD_REACH = 40

#: "such" before a plural or singular noun: the noun names a kind of thing described before
#: ("two such tests" after "the sixth nuclear test"); not after "any", which names no happening
#: ("any such assistance").
_SUCH = re.compile(r"(?<!\bany )\bsuch\s+(?P<noun>[a-z]+)\b", re.IGNORECASE)
_SUCH_WORD = re.compile("such", re.IGNORECASE)  # what every match of `_SUCH` holds


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of the lexicon."""

    lemma: str
    action: str
    event_type: str
    mode: str | None
    context: str | None
    cameo_code: str | None
    symmetric: bool
    speech: bool
    requires: str | None
    needs_recipient: bool  # a one-way action that is no fact without its object
    state_key: bool  # positions of office holders are their state's (fact keys use the state)
    states_only: bool  # its participants are states (relations are between states, whoever signs)
    happens_once: bool  # once for a set of participants: disjoint dates of it conflict
    recipient_is_host: bool  # the place or state it goes to is its host (a visit)
    pattern: re.Pattern[str]
    not_before: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None


#: The entry of a statement with no lexicon word: its action is the clause's main verb.
GENERIC = Trigger(
    lemma="",
    action="",
    event_type="OTHER",
    mode=None,
    context=None,
    cameo_code=None,
    symmetric=False,
    speech=False,
    requires=None,
    needs_recipient=False,
    state_key=False,
    states_only=False,
    happens_once=False,
    recipient_is_host=False,
    pattern=re.compile(r"(?!)"),
)


@cache
def triggers() -> tuple[Trigger, ...]:
    """The curated lexicon, in file order (earlier rows win ties)."""
    rows = curated.table("lexicon.csv")
    curated.check_vocabulary("lexicon.csv", rows, "event_type", EVENT_TYPE.values)
    for column in ("symmetric", "speech", "needs_recipient", "happens_once", "recipient_is_host"):
        curated.check_vocabulary("lexicon.csv", rows, column, ("yes", "no"))
    curated.check_vocabulary("lexicon.csv", rows, "participants", ("states", "any"))
    return tuple(
        Trigger(
            lemma=r["lemma"],
            action=r["action"],
            event_type=r["event_type"],
            mode=r["mode"] or None,
            context=r["context"] or None,
            cameo_code=r["cameo_code"] or None,
            symmetric=r["symmetric"] == "yes",
            speech=r["speech"] == "yes",
            requires=r["requires"] or None,
            needs_recipient=r["needs_recipient"] == "yes",
            state_key=r["key_level"] == "state",
            states_only=r["participants"] == "states",
            happens_once=r["happens_once"] == "yes",
            recipient_is_host=r["recipient_is_host"] == "yes",
            pattern=re.compile(rf"\b(?:{r['forms']})\b", re.IGNORECASE),
            not_before=re.compile(rf"(?<![\w-])(?:{r['not_before']})\Z", re.I)
            if r["not_before"]
            else None,
            not_after=re.compile(r["not_after"], re.IGNORECASE) if r["not_after"] else None,
        )
        for r in rows
    )


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon form found in the text."""

    start: int
    end: int
    trigger: Trigger


@cache
def _order() -> dict[str, int]:
    return {t.action: i for i, t in enumerate(triggers())}


def _in_sense(text: str, start: int, end: int, trigger: Trigger) -> bool:
    """Whether a form found at [start, end) has the lexicon's sense (no guard rules it out)."""
    if trigger.not_after and trigger.not_after.match(text, end):
        return False
    before = text[max(0, start - _GUARD_REACH) : start]
    return not (trigger.not_before and trigger.not_before.search(before))


#: The most characters a character class may stand for in `_first_chars` (a wider one is
#: taken as "any character"): more than an alphabet in both cases, fewer than a category.
_CLASS_LIMIT = 64


def _first_chars(items: list) -> tuple[frozenset[str] | None, bool]:
    """The lower-cased characters a match of parsed regular expression `items` can begin with
    (None: any), and whether it can match the empty string. Anything not plain letters,
    classes, groups, alternatives and repeats is taken as "any": the answer is never too small.
    """
    chars: set[str] = set()
    for op, av in items:
        if op is _c.AT:
            continue
        if op is _c.LITERAL:
            return frozenset(chars | {chr(av).lower()}), False
        if op is _c.IN:
            return _class_chars(av, chars), False
        if op is _c.SUBPATTERN:
            first, empty = _first_chars(av[-1].data)
        elif op is _c.BRANCH:
            found = [_first_chars(alternative.data) for alternative in av[1]]
            first = (
                None
                if any(f is None for f, _ in found)
                else frozenset().union(*(f for f, _ in found))
            )
            empty = any(e for _, e in found)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            first, empty = _first_chars(av[2].data)
            empty = empty or av[0] == 0
        else:
            return None, False
        if first is None:
            return None, False
        chars |= first
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def _class_chars(items: list, chars: set[str]) -> frozenset[str] | None:
    """`chars` and the lower-cased members of a parsed character class, None if not listed."""
    members = class_members(items, _CLASS_LIMIT)
    return None if members is None else frozenset(chars) | members


class _ByFirst(NamedTuple):
    """The lexicon rows by the (lower-cased, ASCII) character their forms can begin with."""

    rows: dict[str, tuple[int, ...]]  # the rows that can begin with a character
    anywhere: tuple[int, ...]  # rows whose first characters are not known: tried everywhere


@cache
def _by_first() -> _ByFirst:
    """Which lexicon rows can match where: so that each form is tried only at the word
    boundaries before a character it can begin with (an ASCII character: any other is
    compared ignoring case by Unicode's rules, so every row is tried before it)."""
    rows: dict[str, list[int]] = {}
    anywhere = []
    for i, t in enumerate(triggers()):
        first, empty = _first_chars(_parser.parse(t.pattern.pattern, t.pattern.flags).data)
        if first is None or empty or not all(c.isascii() for c in first):
            anywhere.append(i)
            continue
        for char in first:
            rows.setdefault(char, []).append(i)
    return _ByFirst({c: tuple(ids) for c, ids in rows.items()}, tuple(anywhere))


@cache
def _rows_at(char: str | None) -> tuple[int, ...]:
    """The rows that can match before a lower-cased ASCII character (None: any other one, for
    which every row is tried)."""
    by_first = _by_first()
    if char is None:
        return tuple(range(len(triggers())))
    return tuple(sorted(by_first.rows.get(char, ()) + by_first.anywhere))


#: The most two-letter beginnings a form may have in `_openings` (more: taken as unknown).
_OPENINGS_LIMIT = 256


def _openings(items: list) -> frozenset[str] | None:
    """The lower-cased first two characters of every match of parsed regular expression
    `items` (a shorter string: a match that ends there), None if not known. A lookaround
    is read as matching nothing, so the answer is never too small."""
    out = {""}
    for op, av in items:
        if all(len(p) >= 2 for p in out):
            break
        part = _opening_of(op, av)
        if part is None:
            return None
        out = {p if len(p) >= 2 else (p + q)[:2] for p in out for q in part}
        if len(out) > _OPENINGS_LIMIT:
            return None
    return frozenset(out)


def _opening_of(op: object, av: Any) -> frozenset[str] | None:
    """`_openings` of one parsed item."""
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""})
    if op in (_c.LITERAL, _c.IN):  # a character that lower-cases to two is not known
        chars = {chr(av).lower()} if op is _c.LITERAL else class_members(av, _CLASS_LIMIT)
        return None if chars is None or any(len(c) != 1 for c in chars) else frozenset(chars)
    if op is _c.SUBPATTERN:
        return _openings(av[-1].data)
    if op is _c.BRANCH:
        found = [_openings(alternative.data) for alternative in av[1]]
        return None if any(f is None for f in found) else frozenset().union(*found)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        body = _openings(av[2].data)
        if body is None or "" in body:
            return None
        once = body | ({""} if av[0] == 0 else set())
        twice = {p if len(p) >= 2 else (p + q)[:2] for p in body for q in body}
        if av[0] >= 2:
            return frozenset(twice)
        return frozenset(once | (twice if av[1] >= 2 else set()))
    return None


@cache
def _some_form() -> re.Pattern[str]:
    """Where a form may begin, found in one search of the text: at a word boundary, one
    branch per first character, which opens on that character in both cases (the regular
    expression engine passes over a branch whose first character differs without entering
    it), then one per second character (`_openings`) that looks ahead, from the first one,
    for the forms of the rows that can begin so, and one for the rows whose second character
    is not known; before a character outside ASCII, every form. Each match takes the first
    character only, so the search goes on at the next. It matches wherever a form of the
    rows `_rows_at` gives for the character there does (and may at a few more places: it
    is a pre-filter, each row's own pattern is tried where it matches)."""
    by_first = _by_first()
    rows = triggers()
    openings = [_openings(_parser.parse(t.pattern.pattern, t.pattern.flags).data) for t in rows]
    branches = []
    for char in sorted(by_first.rows):
        second: dict[str, list[int]] = {}
        unknown = []
        for i in _rows_at(char):
            pairs = sorted(p for p in openings[i] or () if p[:1] == char)
            if openings[i] is None or not pairs or any(len(p) < 2 for p in pairs):
                unknown.append(i)
                continue
            for p in pairs:
                second.setdefault(p[1], []).append(i)
        inner = [
            f"(?=(?i:[{re.escape(c)}]))(?<=(?=(?i:{_forms(ids)})).)"
            for c, ids in sorted(second.items())
        ]
        inner += [f"(?<=(?=(?i:{_forms(unknown)})).)"] if unknown else []
        branches.append(f"[{re.escape(char)}{re.escape(char.upper())}](?:{'|'.join(inner)})")
    branches.append(rf"[^\x00-\x7f](?<=(?=(?i:{_forms(_rows_at(None))})).)")
    if by_first.anywhere:  # forms whose first characters are not known: tried everywhere
        branches.append(f"(?=(?i:{_forms(by_first.anywhere)}))")
    return re.compile(rf"\b(?:{'|'.join(branches)})")


def _forms(ids: Sequence[int]) -> str:
    """The forms of lexicon rows `ids` as one alternation (none: one that never matches)."""
    return "|".join(triggers()[i].pattern.pattern for i in ids) or "(?!)"


def _scan(text: str, lo: int, hi: int) -> list[tuple[Trigger, int, int]]:
    """Each trigger's hits in [lo, hi) as its own pattern's ``finditer`` would give them
    (leftmost, not overlapping each other), in lexicon order; but each form is tried only at
    the word boundaries before a character it can begin with, and only where one may
    (`_some_form`)."""
    rows = triggers()
    hits: list[list[tuple[Trigger, int, int]]] = [[] for _ in rows]
    free = [lo] * len(rows)  # where each row's own scan would go on
    for at in _some_form().finditer(text, lo, hi):
        start = at.start()
        char = text[start].lower() if start < hi else ""
        for i in _rows_at(char if char.isascii() else None):
            if start >= free[i] and (m := rows[i].pattern.match(text, start, hi)):
                hits[i].append((rows[i], start, m.end()))
                free[i] = max(m.end(), start + 1)
    return [hit for row in hits for hit in row]


def find_triggers(
    text: str, sentences: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], list[Hit]]:
    """The triggers of every sentence, keyed by its span: the lexicon is read in one pass over
    the stretch of text the sentences cover (`_scan`), and each hit goes to the sentence it
    starts in; within a sentence the hits do not overlap (longest first, then lexicon order)."""
    out: dict[tuple[int, int], list[Hit]] = {(s, e): [] for s, e in sentences}
    if not sentences:
        return out
    starts = [s for s, _ in sentences]
    for t, start, end in _scan(text, sentences[0][0], sentences[-1][1]):
        i = bisect_right(starts, start) - 1
        span = sentences[i] if i >= 0 else None
        if span and end <= span[1] and _in_sense(text, start, end, t):
            out[(span[0], span[1])].append(Hit(start, end, t))
    found = {span: _non_overlapping(hits) for span, hits in out.items()}
    return _such(text, sentences, found)


def _head(words: str) -> str:
    """The head noun of a form, singular and lower-cased ("nuclear tests" -> "test")."""
    last = words.split()[-1].lower() if words.split() else ""
    return last[:-1] if last.endswith("s") and not last.endswith("ss") else last


def _such(
    text: str, sentences: Sequence[tuple[int, int]], found: dict[tuple[int, int], list[Hit]]
) -> dict[tuple[int, int], list[Hit]]:
    """A noun after "such" that is the head of a trigger found earlier in the document ("two
    such tests" after "the sixth nuclear test") names a happening of that kind: it gets that
    trigger, unless a trigger of its own covers it."""
    if not _SUCH_WORD.search(text):
        return found  # no "such" in the document: each sentence's triggers as found
    out: dict[tuple[int, int], list[Hit]] = {}
    earlier: dict[str, Trigger] = {}
    for span in sentences:
        hits = found.get((span[0], span[1]), [])
        added = []
        for m in _SUCH.finditer(text, span[0], span[1]):
            start, end = m.span("noun")
            trigger = earlier.get(_head(m.group("noun")))
            covered = any(h.start < end and start < h.end for h in hits)
            if trigger and not covered and _in_sense(text, start, end, trigger):
                added.append(Hit(start, end, trigger))
        for h in hits:
            earlier[_head(text[h.start : h.end])] = h.trigger
        out[(span[0], span[1])] = sorted(hits + added, key=lambda h: h.start)
    return out


def _non_overlapping(hits: list[Hit]) -> list[Hit]:
    if len(hits) < 2:  # most sentences: nothing to choose between
        return list(hits)
    order = _order()
    hits = sorted(hits, key=lambda h: (-(h.end - h.start), order[h.trigger.action], h.start))
    kept: list[Hit] = []
    for h in hits:
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)
