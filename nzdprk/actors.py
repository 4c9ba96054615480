"""Actors of NZ–DPRK relations and a rule-based finder of their mentions in text.

The curated facts (who exists, how they are spelled, which offices they held) live in
``nzdprk/data/actors.csv``, ``actor_aliases.csv`` and ``offices.csv``; they are read once and
cached. They give canonical names, country codes and aliases across romanisations, but they
are not the gate for being found: persons and organisations a text itself marks as such are
found too, with ids derived from their names. This module holds only general rules, so it
works on texts nobody has seen.

How :func:`find_mentions` reads a text, in order:

1. **Aliases.** Every run of up to *n* words (joined by one space or hyphen) whose
   :func:`alias_key` equals the key of a curated alias is a candidate; the longest candidate
   wins. Capitals matter where the alias has them (first letter, first letter of the given
   name, acronyms), so "may" or "the north" never match "May" or "the North"; apostrophes,
   non-breaking spaces, breves and hyphen/space variants do not ("Kim Jong-Il" is Kim Jong Il).
   A trailing possessive ('s) is left out of the span; a word glued to "$" (NZ$) is a
   currency, not a name.
2. **Elided names.** In "North and South Korea" the bare "North" is read as "North Korea".
3. **Organisations defined in the text.** "the Pacific Islands Forum (PIF)" or "KEDO (the
   Korean Peninsula Energy Development Organisation ...)", where the acronym spells the
   name's initials, make the name and every use of the acronym one actor for that text: the
   curated one when either form is curated, else ``org:`` + the folded name.
4. **Back-references.** A person's family name ("Peters", "Mr Goff", "President Roh") or a
   definite short form ("the Society", "the Ministry") resolves only if exactly one actor with
   that short form was named in full earlier in the same text, or is one of the ``persons``
   known beforehand (a release's ministers); with several it is ambiguous.
5. **Persons from cues.** A run of capitalised words is a person's name when a title or
   office stands before it ("Foreign Minister", "deputy finance minister", "speaker of the
   national assembly", "Mr", "Dr", "UN Secretary-General"), when it is said to speak ("X
   said", "said X", "according to X"), stands in apposition to a role ("X, executive
   director of"), is the subject taken up by "He"/"She" in the next sentence or called a
   role in its clause, precedes "administration", has the shape of a Korean name (a Korean
   family name and a two-syllable given name, however hyphenated: "Kim Jong-un", "Kim Jong
   Un", "Kang-Chang Hee"), is a known person, or was found by a cue elsewhere in the text.
   Titles stay out of the name ("Secretary of State Condoleezza Rice" gives "Condoleezza
   Rice"); words of bodies and places ("Embassy", "Trust", "Children", "State"), months and
   acronyms never make a person, nor does a name after "the" or, on attribution alone, one
   whose later words the text uses as common words ("Human Rights Watch"). A person not in
   the tables gets the id ``person:`` + the folded name ("person:kim-yo-jong", the same for
   every hyphenation); a bare family name after a title or later in the text refers back to
   the one person named earlier with it (the first word of a Korean name, the last of
   others), else it is a person of its own ("Mr Peters" alone is ``person:peters``).
6. **Everything else that looks like a name** (capitalised words not at the start of a
   sentence, or several capitalised words anywhere) is reported as an :class:`UnresolvedName`,
   never silently dropped. A bare word that ends the names of several states ("Korea",
   "Korean") is reported as ambiguous.

Decisions: spans cover the name only, never a title ("Foreign Minister Winston Peters" gives
"Winston Peters"; "Mr Goff" gives "Goff" with ``alias_type="title_form"``). For actors not in
the tables a full name is ``canonical``, a family name alone ``short_form`` (or
``title_form``/``back_reference``). Demonyms ("North Korean", "New Zealanders") count as
mentions of their state (``alias_type="demonym"``). Capitals are metonyms of their state:
"Pyongyang demanded" is the DPRK acting, "in Pyongyang" is the same actor used as a place
(``sense="place"``). Places that stand for no actor (Pusan, Mansudae Assembly Hall, the DMZ)
are not in the tables and come back unresolved.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

__all__ = [
    "Mention",
    "UnresolvedName",
    "actors",
    "alias_key",
    "aliases",
    "country_name",
    "find_mentions",
    "offices",
]

# ------------------------------------------------------------------------------------------
# Keys

_DROPPED = re.compile(r"['’‘ʼ.]")  # apostrophes (P'yongyang) and periods (U.N.)
_HYPHENS = re.compile(r"[-\u2010\u2011]+")


def _strip_marks(text: str) -> str:
    """NFKD and drop combining marks (ŏ -> o); also turns NBSP into a plain space."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=16384)
def _shape(name: str) -> tuple[str, frozenset[int]]:
    """The case-preserving key of ``name`` and the positions in it whose capital must match.

    Required capitals: the first letter, the first letter of the given name (after the
    space) and every letter of an acronym. Capitals inside a given name (Jong-Il vs Jong-il)
    are style, not signal.
    """
    pieces: list[tuple[str, bool]] = []
    for word in _DROPPED.sub("", _strip_marks(name)).split():
        acronym = sum(c.isalpha() for c in word) >= 2 and not any(c.islower() for c in word)
        pieces += [(piece, acronym) for piece in _HYPHENS.split(word) if piece]
    if not pieces:
        return "", frozenset()
    key = pieces[0][0] + (" " + "".join(p for p, _ in pieces[1:]) if len(pieces) > 1 else "")
    required = {0, len(pieces[0][0]) + 1} if len(pieces) > 1 else {0}
    offset = 0
    for index, (piece, acronym) in enumerate(pieces):
        if acronym:
            required.update(range(offset, offset + len(piece)))
        offset += len(piece) + (1 if index == 0 else 0)
    return key, frozenset(i for i in required if key[i].isupper())


@lru_cache(maxsize=65536)
def _fold(cased_key: str) -> str:
    return _strip_marks(cased_key.casefold())


def alias_key(name: str) -> str:
    """Romanisation-insensitive key: NFKD, drop marks, casefold, drop apostrophes and periods,
    split on spaces/hyphens, then family name + " " + the given-name syllables joined.

    "Kim Jong Il" and "Kim Jong-il" give "kim jongil"; "P'yongyang" gives "pyongyang".
    Keys only *propose* matches: Pak/Park/Bak are different systems, not typos, and the
    curated alias table decides which of them name the same person.
    """
    return _fold(_shape(name)[0])


def _case_fits(required: frozenset[int], alias_cased: str, text_cased: str) -> bool:
    """Whether the text has the alias's significant capitals (extra capitals are allowed)."""
    if len(alias_cased) != len(text_cased):
        return not required or 0 not in required or text_cased[:1].isupper()
    return all(text_cased[i].isupper() for i in required)


# ------------------------------------------------------------------------------------------
# Curated tables


@cache
def _table(name: str) -> tuple[dict[str, str], ...]:
    source = resources.files("nzdprk") / "data" / name
    with source.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def actors() -> list[dict[str, str]]:
    """Rows of ``data/actors.csv``: one per state, person, organisation or government body."""
    return [dict(row) for row in _table("actors.csv")]


def aliases() -> list[dict[str, str]]:
    """Rows of ``data/actor_aliases.csv`` plus the computed ``alias_key`` (never stored)."""
    return [dict(row, alias_key=alias_key(row["alias"])) for row in _table("actor_aliases.csv")]


def offices() -> list[dict[str, str]]:
    """Rows of ``data/offices.csv``: offices held, with ISO dates of the precision known."""
    return [dict(row) for row in _table("offices.csv")]


def country_name(code: str) -> str:
    """Short English name of an ISO 3166-1 alpha-3 code, from pycountry ("PRK" -> "North Korea")."""
    import pycountry  # imported here: loading its database is too slow for `import nzdprk`

    country = pycountry.countries.get(alpha_3=code.upper())
    if country is None:
        raise KeyError(f"{code!r} is not an ISO 3166-1 alpha-3 code; try e.g. 'NZL' or 'PRK'")
    return getattr(country, "common_name", None) or country.name


# ------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True, slots=True)
class Mention:
    """One reference to a curated actor; ``text == source[char_start:char_end]``."""

    actor_id: str
    text: str
    char_start: int
    char_end: int
    alias_type: str
    sense: str
    kind: str  # state, person, organisation or government_body


@dataclass(frozen=True, slots=True)
class UnresolvedName:
    """A name-like span that no curated actor explains, with the reason why."""

    text: str
    char_start: int
    char_end: int
    reason: str


# ------------------------------------------------------------------------------------------
# Word lists: grammar, not facts (the facts are in the CSV files)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TITLES = _words(
    """Mr Mrs Ms Miss Mx Dr Rev Revd Reverend Prof Professor Sir Dame Hon Honourable Rt Right
    Lord Lady King Queen Prince Princess President Vice Premier Prime Deputy Minister Ministers
    Foreign Affairs Trade Defence Defense Justice Finance Unification Associate Acting Former
    Secretary General Chair Chairman Chairwoman Chairperson Director Presidential Special Envoy
    Ambassador Consul Leader Supreme Presidium Member Spokesperson Spokesman Spokeswoman
    Senator Governor Mayor Chancellor Chief Head Marshal General Admiral Commander Colonel
    Captain Lieutenant Major Sergeant"""
)
_ORDINARY = _words(
    """The A An This That These Those In On At For From By With Without As After Before During
    Since Until When While If But And Or Nor So Yet Of To Into Over Under About Among Between
    Both Each Every Some Many Most All Any No Not Only Also However Instead Similarly Meanwhile
    Although Though Because Further Other Others Such There Here Then Thus Yesterday Today
    Tomorrow Tonight According I He She It We They You His Her Its Our Their My Your Who What
    Which Why How Where NGO NGOs January February March April May June July August September
    October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday"""
)
_CONNECTORS = _words("of for de du da von van der den la le al bin")
_PLACE_BEFORE = _words(
    """in at near inside within across throughout around via into from outside
    visit visits visited visiting revisit revisits revisited revisiting tour tours toured
    touring reach reaches reached reaching enter enters entered entering leave leaves left
    leaving capture captures captured capturing recapture recaptures recaptured recapturing"""
)
_MOTION = _words(
    """visit visits visited visiting revisit revisited trip trips travel travels travelled
    traveled travelling traveling went go goes going gone flew fly flies flown return returns
    returned returning journey journeyed came come comes moved move sent send deployed deploy
    delegation delegations mission headed arrived arrive"""
)
_ACTOR_BEFORE = _words("with against by between told urged pressed warned")
_ACTOR_VERB_STEMS = _words(
    "say announce demand protest condemn reject warn accuse threaten agree refuse deny respond "
    "reply insist urge call claim state declare criticise criticize welcome vow pledge argue "
    "want launch test fire conduct sign propose offer decide plan hope expect accept approve "
    "recall expel summon issue release order retaliate complain blame dismiss acknowledge "
    "confirm seek"
)
_ACTOR_VERB_EXTRA = _words(
    "said sought has have had will would could should must may might can cannot did does"
)
_COMPASS = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+$"
)


@cache
def _actor_verbs() -> frozenset[str]:
    """Inflected forms of verbs of saying/acting that mark a metonym as an acting subject."""
    forms = set(_ACTOR_VERB_EXTRA)
    for stem in _ACTOR_VERB_STEMS:
        forms.add(stem)
        if stem.endswith("y") and stem[-2] not in "aeiou":
            forms.update({stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing"})
        elif stem.endswith("e"):
            forms.update({stem + "s", stem + "d", stem[:-1] + "ing"})
        else:
            forms.update({stem + "s", stem + "ed", stem + "ing"})
    return frozenset(forms)


# ------------------------------------------------------------------------------------------
# Index built from the tables


class _Alias(NamedTuple):
    alias: str
    actor_id: str
    alias_type: str
    kind: str
    cased: str
    required: frozenset[int]


class _Index(NamedTuple):
    direct: dict[str, list[_Alias]]
    backref: dict[str, list[_Alias]]
    first_words: frozenset[str]
    max_words: int
    ambiguous_heads: frozenset[str]


_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’‘ʼ][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’‘ʼ]s$")
_JOINER = re.compile(r"[^\S\n]|[-\u2010\u2011]")  # one space (not a line break) or one hyphen


def _is_backref(alias: str, alias_type: str, kind: str) -> bool:
    """Short forms that need an antecedent: a person's family name, or "the X"."""
    return alias_type == "short_form" and (kind == "person" or alias.startswith("the "))


@cache
def _index() -> _Index:
    kinds = {row["actor_id"]: row["actor_kind"] for row in _table("actors.csv")}
    direct: dict[str, list[_Alias]] = defaultdict(list)
    backref: dict[str, list[_Alias]] = defaultdict(list)
    heads: dict[str, set[str]] = defaultdict(set)
    first_words: set[str] = set()
    max_words = 1
    for row in _table("actor_aliases.csv"):
        name, kind = row["alias"], kinds[row["actor_id"]]
        cased, required = _shape(name)
        entry = _Alias(name, row["actor_id"], row["alias_type"], kind, cased, required)
        words = _TOKEN.findall(name)
        if not words:
            continue
        if _is_backref(name, row["alias_type"], kind):
            backref[_fold(cased)].append(entry)
            continue
        direct[_fold(cased)].append(entry)
        first_words.add(alias_key(words[0]))
        max_words = max(max_words, len(words))
        if kind == "state" and len(words) > 1:
            heads[alias_key(words[-1])].add(row["actor_id"])
    ambiguous = frozenset(h for h, ids in heads.items() if len(ids) > 1 and h not in direct)
    return _Index(dict(direct), dict(backref), frozenset(first_words), max_words, ambiguous)


# ------------------------------------------------------------------------------------------
# Tokens


class _Tok(NamedTuple):
    start: int
    end: int
    stem_end: int  # end without a possessive 's
    usable: bool  # False for NZ$ (currency) and Locator.png (file/URL part)


def _tokens(text: str) -> list[_Tok]:
    out = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        after = text[end : end + 2]
        usable = not after.startswith("$") and not re.match(r"\.[a-z]", after)
        stem_end = end - 2 if _POSSESSIVE.search(match.group()) else end
        out.append(_Tok(start, end, stem_end, usable))
    return out


def _joined(text: str, left: _Tok, right: _Tok) -> bool:
    return bool(_JOINER.fullmatch(text[left.end : right.start]))


def _sentence_initial(text: str, pos: int) -> bool:
    """True at the start of the text, a line, or a sentence (after . ! ? : ;)."""
    i = pos - 1
    while i >= 0 and not text[i].isalnum():
        if text[i] in "!?:;\n…":
            return True
        if text[i] == ".":  # "Mr. Goff" and "J. Smith" do not start a sentence
            before = re.search(r"(\w+)$", text[max(0, i - 20) : i])
            return not (before and (before.group(1) in _TITLES or len(before.group(1)) == 1))
        i -= 1
    return i < 0


def _name_like(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isupper() for c in word))


# ------------------------------------------------------------------------------------------
# Sense: actor or place


def _prev_word(text: str, pos: int) -> str:
    match = re.search(r"([A-Za-z]+)[^\S\n]+$", text[max(0, pos - 40) : pos])
    return match.group(1).lower() if match else ""


def _place_context(text: str, start: int) -> bool:
    """After "in/at/near/from/visited...", "north of", or "to" following a verb of motion."""
    before = text[max(0, start - 80) : start]
    word = _prev_word(text, start)
    if word in _PLACE_BEFORE or _COMPASS.search(before.lower()):
        return True
    if word == "to":
        clause = re.split(r"[.;:!?\n]", before)[-1]
        return bool(_MOTION.intersection(w.lower() for w in re.findall(r"[A-Za-z]+", clause)[-6:]))
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
    rest = text[end : end + 200]
    rest = re.sub(r"^\s*,[^,.;:!?\n]{1,60},", "", rest)
    rest = re.sub(r"^\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*", "", rest)
    rest = _ADVERBIAL.sub("", rest)  # "Tokyo on Friday condemned", "Seoul has also said"
    verb = re.match(r"\s+([A-Za-z]+)", rest)
    return bool(verb and verb.group(1).lower() in _actor_verbs())


def _can_be_place(entry: _Alias) -> bool:
    return entry.alias_type != "demonym" and (
        entry.kind == "state" or entry.alias_type == "metonym"
    )


def _sense(text: str, start: int, end: int, entry: _Alias, previous: _Placed | None) -> str:
    """ "place" for a state or capital used as a location, else "actor" (see module docstring).

    A name coordinated with ("X and Y") or in apposition to ("Pyongyang, North Korea") a
    previous state or capital takes that one's sense.
    """
    if not _can_be_place(entry):
        return "actor"
    if previous is not None and _can_be_place(previous.entry):
        between = text[previous.end : start]
        if re.fullmatch(r"\s+(?:and|or)\s+", between) or (
            re.fullmatch(r",\s*", between) and previous.sense == "place"
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


def _lookup(table: dict[str, list[_Alias]], span: str) -> _Alias | None:
    """The alias row for ``span``: same key and capitals, preferring the row spelled exactly so."""
    cased = _shape(span)[0]
    fitting = [e for e in table.get(_fold(cased), ()) if _case_fits(e.required, e.cased, cased)]
    return min(fitting, key=lambda e: (e.alias != span, e.cased != cased), default=None)


def _alias_hits(text: str, toks: list[_Tok], index: _Index) -> list[_Hit]:
    """All alias candidates, then the longest non-overlapping ones (earliest on ties)."""
    candidates = []
    for i, first in enumerate(toks):
        if (
            not first.usable
            or not {
                alias_key(text[first.start : first.end]),
                alias_key(text[first.start : first.stem_end]),
            }
            & index.first_words
        ):
            continue
        for j in range(i, min(i + index.max_words, len(toks))):
            last = toks[j]
            if not last.usable or (j > i and not _joined(text, toks[j - 1], last)):
                break
            for end in dict.fromkeys((last.end, last.stem_end)):
                entry = _lookup(index.direct, text[first.start : end])
                if entry is not None:
                    candidates.append(_Hit(first.start, end, entry))
    taken = bytearray(len(text))
    chosen = []
    for hit in sorted(candidates, key=lambda h: (h.start - h.end, h.start)):
        if taken.find(1, hit.start, hit.end) == -1:
            taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
            chosen.append(hit)
    return sorted(chosen)


def _elided_hits(text: str, hits: list[_Hit], index: _Index) -> list[_Hit]:
    """ "North and South Korea": the bare "North" borrows the rest of the following name."""
    taken = bytearray(len(text))
    for hit in hits:
        taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    out = []
    for hit in hits:
        name = text[hit.start : hit.end]
        words = list(_TOKEN.finditer(name))
        offset = max(0, hit.start - 60)
        match = re.search(
            r"(?<![\w'’])([A-Z][\w'’]*)[^\S\n]+(?:and|or)[^\S\n]+$", text[offset : hit.start]
        )
        if len(words) < 2 or not match or match.group(1) in _ORDINARY | _TITLES:
            continue
        start, end = offset + match.start(1), offset + match.end(1)
        entry = _lookup(index.direct, match.group(1) + name[words[0].end() :])
        if entry is not None and taken.find(1, start, end) == -1:
            out.append(_Hit(start, end, entry))
    return out


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
    index = _index()
    toks = _tokens(text)
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

    taken = bytearray(len(text))

    def take(items: Sequence[Mention | UnresolvedName]) -> list[_Tok]:
        for item in items:
            taken[item.char_start : item.char_end] = b"\x01" * (item.char_end - item.char_start)
        return [t for t in toks if t.usable and taken.find(1, t.start, t.end) == -1]

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


def _back_references(
    text: str, free: list[_Tok], named: list[Mention], index: _Index, known: frozenset[str]
) -> tuple[list[Mention], list[UnresolvedName]]:
    """Resolve family names and "the X" short forms against actors named earlier in full
    (or ``known`` beforehand, like the ministers who issue a release)."""
    mentions: list[Mention] = []
    unresolved: list[UnresolvedName] = []
    by_end = sorted(named, key=lambda m: m.char_end)
    earlier: set[str] = set(known)
    seen = 0
    for i, tok in enumerate(free):
        spans = [(tok.start, tok.stem_end)]
        after_the = i > 0 and text[free[i - 1].start : free[i - 1].end].lower() == "the"
        if after_the and _joined(text, free[i - 1], tok):
            spans.insert(0, (free[i - 1].start, tok.stem_end))
        for start, end in spans:
            entries = [
                e
                for e in index.backref.get(alias_key(text[start:end]), ())
                if _case_fits(e.required, e.cased, _shape(text[start:end])[0])
            ]
            if not entries or not _stands_alone(text, free, i, start):
                continue
            while seen < len(by_end) and by_end[seen].char_end <= start:
                earlier.add(by_end[seen].actor_id)
                seen += 1
            ids = sorted({e.actor_id for e in entries} & earlier)
            if len(ids) == 1:
                how = "title_form" if _prev_title(text, start) else "back_reference"
                kind = next(e.kind for e in entries if e.actor_id == ids[0])
                mentions.append(Mention(ids[0], text[start:end], start, end, how, "actor", kind))
            elif ids:
                unresolved.append(UnresolvedName(text[start:end], start, end, "ambiguous"))
            elif not _sentence_initial(text, start):
                unresolved.append(UnresolvedName(text[start:end], start, end, "no antecedent"))
            break
    return mentions, unresolved


def _prev_title(text: str, start: int) -> bool:
    match = re.search(r"(\w+)\.?[^\S\n]+$", text[max(0, start - 30) : start])
    return bool(match and match.group(1) in _TITLES)


def _stands_alone(text: str, free: list[_Tok], i: int, start: int) -> bool:
    """A short form is not part of a longer unknown name ("Tim Peters", "Kim Jong-nam")."""
    tok = free[i]
    if i + 1 < len(free) and _joined(text, tok, free[i + 1]) and tok.end == tok.stem_end:
        following = text[free[i + 1].start : free[i + 1].end]
        if _name_like(following) and following not in _ORDINARY:
            return False
    before = re.search(r"(\w+)[^\S\n]+$", text[max(0, start - 30) : start])
    return not (
        before and _name_like(before.group(1)) and before.group(1) not in _TITLES | _ORDINARY
    )


# ------------------------------------------------------------------------------------------
# Names defined in the text: "the Korean Peninsula Energy Development Organisation (KEDO)"

_IN_PARENS = re.compile(r"[^\S\n]\(([A-Z][A-Z&]{1,7})\)")
_PARENS_AFTER = re.compile(r"([A-Z][A-Z&]{1,7})[^\S\n]\((?:the[^\S\n]+)?")
_NAME_CONNECTORS = _words("of for and the on de")
_TITLE_CONNECTORS = _words("of for the")  # "Secretary of State", "Speaker of the House"
#: Words that lead a title but are not titles themselves ("Executive Director").
_TITLE_MODIFIERS = _words("Executive Senior Permanent Assistant Under First High Special Vice")


def _initials_name(text: str, toks: list[_Tok], acronym: str, *, forward: bool) -> _Tok | None:
    """The first or last token of the capitalised words whose initials spell ``acronym``,
    read backwards from the end of ``toks`` (``forward=False``) or onwards from its start."""
    order = toks if forward else toks[::-1]
    initials = ""
    for i, tok in enumerate(order):
        if i and not _joined(text, *(order[i - 1], tok) if forward else (tok, order[i - 1])):
            return None
        word = text[tok.start : tok.end]
        if word in _NAME_CONNECTORS:
            continue
        if not word[:1].isupper():
            return None
        initials = initials + word[0] if forward else word[0] + initials
        if initials == acronym:
            return tok if i else None
        if len(initials) >= len(acronym):
            return None
    return None


def _defined_organisations(
    text: str, toks: list[_Tok], named: list[Mention], taken: bytearray
) -> list[Mention]:
    """Organisations a text defines with an acronym, learnt for this text only: the full name
    (ending in a word such as Organisation, Forum, Agency) and every standalone use of the
    acronym become mentions of one actor, the curated one if either form is curated, else
    ``org:`` + the folded full name."""
    starts = [t.start for t in toks]
    out: list[Mention] = []
    # Looked up once, not re-read for every definition: the uses of each word, the curated
    # mentions by span, and the acronyms learnt already (their uses are all taken then).
    uses: dict[str, list[tuple[int, int]]] = {}
    for t in toks:
        uses.setdefault(text[t.start : t.end], []).append((t.start, t.end))
    by_span: dict[tuple[int, int], list[Mention]] = {}
    for m in named:
        by_span.setdefault((m.char_start, m.char_end), []).append(m)
    learnt: set[str] = set()
    for pattern, forward in ((_IN_PARENS, False), (_PARENS_AFTER, True)):
        for match in pattern.finditer(text):
            acronym, reach = match.group(1), len(match.group(1)) * 2 + 2
            if forward:
                at = bisect_left(starts, match.end())
                near = toks[at : at + reach]
            else:
                at = bisect_left(starts, match.start())
                near = [t for t in toks[max(0, at - reach) : at] if t.end <= match.start()]
            edge = _initials_name(text, near, acronym, forward=forward)
            if edge is None:
                continue
            if forward:
                n_start, n_end = near[0].start, edge.end
            else:
                n_start, n_end = edge.start, near[-1].end
            if text[n_start:n_end].split()[-1] not in _ORG_HEADS:
                continue  # a defined term ("Official Development Assistance"), not a body
            out += _learn(text, uses, by_span, learnt, taken, (n_start, n_end), match.span(1))
    return out


def _learn(
    text: str,
    uses: dict[str, list[tuple[int, int]]],
    by_span: dict[tuple[int, int], list[Mention]],
    learnt: set[str],
    taken: bytearray,
    name: tuple[int, int],
    acronym: tuple[int, int],
) -> list[Mention]:
    """Mentions of a defined organisation's name and of every use of its acronym."""
    curated = by_span.get(name, []) + (by_span.get(acronym, []) if acronym != name else [])
    if taken.find(1, *name) != -1 and taken.find(1, *acronym) != -1:
        return []
    if curated and (len(curated) > 1 or curated[0].kind == "person"):
        return []  # both forms curated, or a person's initials
    actor_id = curated[0].actor_id if curated else "org:" + _slug(text[name[0] : name[1]])
    kind = curated[0].kind if curated else "organisation"
    letters = text[acronym[0] : acronym[1]]
    again = letters in learnt
    learnt.add(letters)
    spans = [(name, "canonical")] + [
        (span, "abbreviation") for span in ([] if again else uses.get(letters, []))
    ]
    out = []
    for (start, end), how in spans:
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            out.append(Mention(actor_id, text[start:end], start, end, how, "actor", kind))
    return out


def _slug(name: str) -> str:
    """ "Kim Jong-Un" and "Kim Jong Un" -> "kim-jong-un": folded words joined by hyphens."""
    return "-".join(re.findall(r"[^\W_]+", _strip_marks(_DROPPED.sub("", name)).casefold()))


# ------------------------------------------------------------------------------------------
# Persons from general cues: titles, honorifics, attribution, name shapes

#: Role nouns that stand before a person's name ("deputy finance minister Koh Hyeong Kwon").
_ROLES = (
    "president|minister|secretary|secretary-general|director|ambassador|envoy|chair|chairman|"
    "chairwoman|chairperson|speaker|leader|premier|chancellor|governor|mayor|senator|"
    "counterpart|spokesperson|spokesman|spokeswoman|commissioner|representative|rapporteur|"
    "king|queen|prince|princess|marshal|admiral|commander|colonel|captain|"
    "lieutenant|officer|professor|judge|diplomat|journalist|reporter|correspondent|"
    "activist|historian|academic|lawyer|economist|analyst|researcher|author|mp|lawmaker|"
    "consul|coordinator|administrator|founder|mr|mrs|ms|dr|sir|dame|student|teacher|doctor|"
    "nurse|farmer|scientist|agriculturalist|engineer|businessman|businesswoman|entrepreneur|"
    "artist|writer|poet|photographer|filmmaker|producer|singer|musician|athlete|coach|priest|"
    "bishop|pastor|missionary|volunteer|soldier|veteran|defector|co-founder|co-leader|nuncio"
)
_TITLE_BEFORE = re.compile(
    rf"\b(?:{_ROLES})s?\.?(?:[^\S\n]+(?:of|for)(?:[^\S\n]+the)?(?:[^\S\n]+[A-Za-z]+){{1,3}}?)?"
    r"(?:,|[^\S\n]+(?:is|was))?[^\S\n]+\Z",  # "minister, X", "The Secretary is X"
    re.IGNORECASE,
)
_SPEECH = (
    "said|says|told|added|stated|explained|noted|announced|wrote|warned|argued|insisted|"
    "commented|replied|responded|acknowledged|confirmed|recalled|urged"
)
_SAID_AFTER = re.compile(
    rf",?[^\S\n]+(?:{_SPEECH})\b"  # "X said"
    rf"|,[^\S\n]+(?:the[^\S\n]+|an?[^\S\n]+)?(?:[A-Za-z-]+[^\S\n]+){{0,2}}?(?:{_ROLES})\b",
    re.IGNORECASE,
)  # or an apposition: "X, executive director of ..."
_SAID_BEFORE = re.compile(rf"\b(?:{_SPEECH}|according[^\S\n]+to)[^\S\n]+\Z", re.IGNORECASE)
_ADMINISTRATION = re.compile(r"[^\S\n]+(?:administration|presidency)\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe[^\S\n]+\Z", re.IGNORECASE)

#: Words that make a capitalised run the name of a body, a place or a thing, not a person.
_NOT_PERSON = _words(
    """Organisation Organization Agency Council Committee Commission Society Trust Fund
    Foundation Association Union Party Bank Cross Crescent Programme Program Forum Institute
    University College School Ministry Department Office Government Parliament Assembly
    Congress Senate Court Service Services Force Forces Army Navy Corps Command Company
    Corporation Group Ltd Limited Inc News Herald Times Post Press Network Radio Television
    Embassy Embassies Consulate Mission Centre Center Club League Alliance Coalition
    Federation Conference Summit Talks Treaty Agreement Accord Act Resolution Resolutions
    Declaration Initiative Project Farm Global International National Regional World
    Children Peninsula War Island Islands River Sea Ocean Strait City Province Street Base
    Hall House Airport Port Zone Mount Lake Cape Fort Bay Valley Square Bridge Tower Palace
    Stadium Station Road Avenue Area Region State States Republic Kingdom Empire Axis Evil
    Rights Watch Aid Relief Championships Cup Games Day Eve Year Parallel Poll Museum Library
    Church Hospital Police Guard Guards Authority Bureau Board Cabinet Secretariat Media
    Newspaper Daily Weekly Magazine Journal Review Online Sinmun Ilbo Shimbun Shinbun
    Administration Presidency Affairs Trade Defence Defense Finance Justice Foreign
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"""
)
#: The last word of an organisation's name ("... Development Organisation (KEDO)").
_ORG_HEADS = _words(
    """Organisation Organization Agency Council Committee Commission Society Trust Fund
    Foundation Association Union Party Bank Cross Crescent Programme Program Forum Institute
    University College School Ministry Department Office Government Parliament Assembly
    Congress Senate Court Service Services Force Forces Army Navy Corps Command Company
    Corporation Group Network Centre Center Club League Alliance Coalition Federation Mission
    Authority Bureau Board Cabinet Secretariat Police Embassy Consulate"""
)

#: Korean family names as romanised (a closed class, like the titles above).
_KOREAN_FAMILY = _words(
    """Kim Gim Lee Yi Rhee Ri Rhie Park Pak Bak Choi Choe Jung Jeong Chung Chong Kang Gang Cho
    Jo Yoon Yun Jang Chang Lim Im Rim Han Oh Seo Suh Shin Sin Kwon Gwon Hwang Ahn An Song Jeon
    Jun Chon Hong Ko Koh Go Moon Mun Yang Son Sohn Bae Pae Baek Paek Paik Heo Hur Ho Yoo Yu
    Ryu Nam Noh Roh No Ha Kwak Sung Seong Cha Joo Ju Woo Min Ban Chun Jin Won Hyun Hyon Byun
    Pyon Ryang Yeo Chae Kil Gil Tak Pyo Ok Kye Ri Sim Shim Um Eom Wi Yeom Yom"""
)
_SYLLABLE = re.compile(
    r"(?:ch|kk|tt|pp|ss|jj|sh|[bcdfghjklmnprstvwy])?"
    r"(?:yeo|wae|ae|eo|eu|oe|ui|ee|oo|ou|ya|yo|yu|ye|wa|we|wi|wo|ai|ei|oi|a|e|i|o|u)"
    r"(?:ng|n|m|k|l|p|t|r|g|b)?",
    re.IGNORECASE,
)


_ROLE_WORDS = frozenset(_ROLES.split("|"))


def _not_a_name(word: str) -> bool:
    """A title, role, acronym or word of a body's name, never part of a person's name."""
    return (
        word in _NOT_PERSON
        or word in _TITLES
        or _is_title(word)
        or (len(word) > 1 and word.isupper())
    )


def _is_title(word: str) -> bool:
    """ "Minister", "minister", "MP"; not an acronym that spells a title word ("HEAD")."""
    if word.isupper() and len(word) > 2:
        return False
    return word.capitalize() in _TITLES or word in _TITLE_MODIFIERS or word.lower() in _ROLE_WORDS


def _korean(name: str) -> bool:
    """A Korean name's shape: a family name and a two-syllable given name, written
    "Kim Jong-un", "Kim Jong Un", "Kim Jong-Un" or "Kang-Chang Hee"."""
    pieces = _HYPHENS.split(" ".join(name.split()).replace(" ", "-"))
    return (
        len(pieces) == 3
        and pieces[0] in _KOREAN_FAMILY
        and pieces[1][:1].isupper()
        and all(_SYLLABLE.fullmatch(p) for p in pieces[1:])
    )


def _family(name: str) -> frozenset[str]:
    """Keys a bare family name may use to refer back to ``name``: the first word of a Korean
    name, the last word of any other."""
    words = name.split()
    if _korean(name):
        return frozenset({alias_key(_HYPHENS.split(words[0])[0])})
    return frozenset({alias_key(words[-1])})


class _Person(NamedTuple):
    at: int  # where it was named (-1: known beforehand)
    actor_id: str
    family: frozenset[str]


def _known_persons(persons: Sequence[str], index: _Index) -> dict[str, tuple[str | None, str]]:
    """Names known to be persons, by alias key: (curated id or None, id to use)."""
    out: dict[str, tuple[str | None, str]] = {}
    for name in persons:
        name = " ".join(name.split())
        if len(_TOKEN.findall(name)) < 2:
            continue
        entry = _lookup(index.direct, name)
        if entry is not None and entry.kind == "person":
            out[alias_key(name)] = (entry.actor_id, entry.actor_id)
        else:
            out[alias_key(name)] = (None, "person:" + _slug(name))
    return out


class _Candidate(NamedTuple):
    start: int
    end: int
    words: int
    titled: bool  # a title or honorific stands before it
    cued: bool  # a cue other than a title says it is a person
    acts: bool  # a verb follows ("Groser said", "Groser met")


_DIGIT = re.compile(r"\d")


def _person_runs(text: str, free: list[_Tok]) -> list[list[int]]:
    """Runs of capitalised words (with "of", "the" and lowercase syllables after a hyphen,
    as in "Jong-un") joined by one space or hyphen."""
    runs: list[list[int]] = []
    for i, tok in enumerate(free):
        word = text[tok.start : tok.end]
        extends = bool(runs) and runs[-1][-1] == i - 1
        if not (extends or word[:1].isupper()):
            continue
        prev = free[i - 1]
        joined = extends and prev.end == prev.stem_end and _joined(text, prev, tok)
        if joined and text[tok.start - 1] in "-\u2010\u2011" and word.islower():
            runs[-1].append(i)
        elif word in _ORDINARY or _DIGIT.search(word):
            continue
        elif word[:1].isupper() or (joined and word in _TITLE_CONNECTORS):
            if joined:
                runs[-1].append(i)
            else:
                runs.append([i])
    return runs


def _person_candidates(text: str, free: list[_Tok]) -> list[_Candidate]:
    """Each run's name after its titles ("Secretary of State Condoleezza Rice" gives
    "Condoleezza Rice"), with the cues that make it a person's name. Attribution alone
    ("X said") does not make a person of a name whose later words the text also uses as
    common words."""
    out = []
    common = frozenset(
        re.findall(r"\b[a-z]+\b", text)
    )  # "rights" makes "Human Rights Watch" a thing
    for run in _person_runs(text, free):
        words = [text[free[i].start : free[i].stem_end] for i in run]
        # the name starts after the run's last title ("National MP Gerry Brownlee")
        k = next((j + 1 for j in range(len(run) - 2, -1, -1) if _is_title(words[j])), 0)
        titled = k > 0
        while k < len(run) and (
            _is_title(words[k])
            or words[k] in _TITLE_CONNECTORS
            or (titled and words[k] in _NOT_PERSON)  # "Secretary of State", "of the House"
        ):
            titled = titled or words[k] not in _TITLE_CONNECTORS
            k += 1
        end = next((j for j in range(k, len(run)) if words[j] in _TITLE_CONNECTORS), len(run))
        name = run[k:end]
        if not name or words[k].islower() or (k and words[k - 1] in _TITLE_CONNECTORS):
            continue  # "Minister for Pacific Peoples": a portfolio, not a name
        start, stop = free[name[0]].start, free[name[-1]].stem_end
        span = text[start:stop]
        pieces = [w for w in words[k:end] if w[:1].isupper()]
        if len(span.split()) > 4 or any(_not_a_name(w) for w in pieces):
            continue
        titled = titled or bool(_TITLE_BEFORE.search(text, max(0, start - 60), start))
        admin = bool(_ADMINISTRATION.match(text, stop))
        if _THE_BEFORE.search(text, max(0, start - 5), start) and not admin:
            continue
        said = bool(_SAID_AFTER.match(text, stop)) or bool(
            _SAID_BEFORE.search(text, max(0, start - 20), start)
        )
        plain = not any(w.lower() in common for w in pieces[1:])
        said = said or _subject_of_he(text, stop)
        n_words = len(span.split())
        cued = admin or (n_words > 1 and (_korean(span) or (said and plain)))
        acts = said or bool(_VERB_AFTER.match(text, stop))
        out.append(_Candidate(start, stop, n_words, titled, cued, acts))
    return out


_VERB_AFTER = re.compile(
    r"[^\S\n]+(?:has|had|was|is|became|met|went|made|took|gave|led|won|left|began|[a-z]+ed)\b"
)
_BECAME_ROLE = re.compile(
    rf"\b(?:is|was|became|becomes|served[^\S\n]+as)[^\S\n]+(?:the|a|an)[^\S\n]+"
    rf"(?:\S+[^\S\n]+){{0,4}}?(?:{_ROLES})\b",
    re.IGNORECASE,
)
_NEXT_HE = re.compile(r"[.!?][\"'”’)]*\s+(?:He|She|His|Her)\b")


def _subject_of_he(text: str, end: int) -> bool:
    """A name that is the subject of a verb and is taken up by "He" or "She" at the start of
    the next sentence ("Karim Dickie revisited Pyongyang ... He appeared"), or whose clause
    calls it a role ("... and became the first New Zealand journalist")."""
    if not _VERB_AFTER.match(text, end):
        return False
    clause = re.match(r"[^.;:!?\n]*", text[end : end + 200]).group()
    if _BECAME_ROLE.search(clause):
        return True
    return bool(_NEXT_HE.match(text, end + len(clause)))


def _persons(
    text: str,
    free: list[_Tok],
    named: list[Mention],
    known: dict[str, tuple[str | None, str]],
) -> tuple[list[Mention], list[UnresolvedName]]:
    """Persons found from cues, each with the curated id when a curated person is meant, else
    ``person:`` + the folded name. A bare family name refers back to the one person named
    earlier (or known beforehand) with it; with two such persons it is ambiguous."""
    candidates = _person_candidates(text, free)
    established = {
        alias_key(text[c.start : c.end]) for c in candidates if c.words > 1 and (c.titled or c.cued)
    } | set(known)
    people = [_Person(-1, actor_id, _family(key)) for key, (_, actor_id) in known.items()]
    people += [
        _Person(m.char_start, m.actor_id, _family(m.text))
        for m in named
        if m.kind == "person" and m.alias_type not in ("short_form", "title_form", "back_reference")
    ]
    mentions: list[Mention] = []
    unresolved: list[UnresolvedName] = []
    for c in candidates:
        span, key = text[c.start : c.end], alias_key(text[c.start : c.end])
        if c.words > 1:
            if not (c.titled or c.cued or key in established):
                continue
            actor_id = known.get(key, (None, "person:" + _slug(span)))[1]
            mentions.append(Mention(actor_id, span, c.start, c.end, "canonical", "actor", "person"))
            people.append(_Person(c.start, actor_id, _family(span)))
            continue
        earlier = {p.actor_id for p in people if p.at < c.start and key in p.family}
        how = "title_form" if c.titled else "back_reference"
        if len(earlier) > 1:
            unresolved.append(UnresolvedName(span, c.start, c.end, "ambiguous"))
        elif earlier and (c.titled or c.acts or not _sentence_initial(text, c.start)):
            mentions.append(Mention(earlier.pop(), span, c.start, c.end, how, "actor", "person"))
        elif c.titled or c.cued:
            actor_id = "person:" + _slug(span)
            how = how if c.titled else "short_form"
            mentions.append(Mention(actor_id, span, c.start, c.end, how, "actor", "person"))
            people.append(_Person(c.start, actor_id, _family(span)))
    return mentions, unresolved


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _unknown_names(text: str, free: list[_Tok], index: _Index) -> list[UnresolvedName]:
    """Group leftover capitalised words into names and report each with a reason.

    A run joins capitalised words (plus "of", "for", "von"... and ordinals such as "38th"
    between them) separated by one space or hyphen; titles and connectors are trimmed from
    its ends. A lone capitalised word at the start of a sentence is taken as an ordinary word.
    """
    words = [text[t.start : t.end] for t in free]
    runs: list[list[int]] = []
    syllables: set[int] = set()  # "chun" in "Park Ui-chun": part of the name, though lowercase
    for i, word in enumerate(words):
        joined = bool(runs) and runs[-1][-1] == i - 1 and _joined(text, free[i - 1], free[i])
        hyphened = text[free[i].start - 1] in "-\u2010\u2011"
        if joined and hyphened and len(runs[-1]) > 1 and word.islower():
            syllables.add(i)
            runs[-1].append(i)
        elif word in _ORDINARY or not (
            _name_like(word) or word in _CONNECTORS or _ORDINAL.fullmatch(word)
        ):
            continue
        elif joined:
            runs[-1].append(i)
        else:
            runs.append([i])
    out = []
    for run in runs:
        while run and (words[run[0]] in _CONNECTORS or words[run[0]] in _TITLES):
            run = run[1:]
        while run and not (run[-1] in syllables or _is_name_word(words[run[-1]])):
            run = run[:-1]
        if not run:
            continue
        first, last = free[run[0]], free[run[-1]]
        name = text[first.start : last.stem_end]
        if len(run) == 1 and alias_key(name) in index.ambiguous_heads:
            out.append(UnresolvedName(name, first.start, last.stem_end, f"ambiguous: {name}"))
        elif len(run) > 1 or not _sentence_initial(text, first.start):
            out.append(UnresolvedName(name, first.start, last.stem_end, "no actor matches"))
    return out


def _is_name_word(word: str) -> bool:
    return _name_like(word) and word not in _TITLES
