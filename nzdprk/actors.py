"""Curated actors of NZ–DPRK relations and a rule-based finder of their mentions in text.

The facts (who exists, how they are spelled, which offices they held) live in
``nzdprk/data/actors.csv``, ``actor_aliases.csv`` and ``offices.csv``; they are read once and
cached. This module holds only general matching rules, so it works on texts nobody has seen:
a teacher extends the tables, not the code.

How :func:`find_mentions` reads a text, in order:

1. **Aliases.** Every run of up to *n* words (joined by one space or hyphen) whose
   :func:`alias_key` equals the key of a curated alias is a candidate; the longest candidate
   wins. Capitals matter where the alias has them (first letter, first letter of the given
   name, acronyms), so "may" or "the north" never match "May" or "the North"; apostrophes,
   non-breaking spaces, breves and hyphen/space variants do not ("Kim Jong-Il" is Kim Jong Il).
   A trailing possessive ('s) is left out of the span; a word glued to "$" (NZ$) is a
   currency, not a name.
2. **Elided names.** In "North and South Korea" the bare "North" is read as "North Korea".
3. **Back-references.** A person's family name ("Peters", "Mr Goff", "President Roh") or a
   definite short form ("the Society", "the Ministry") resolves only if exactly one actor with
   that short form was named in full earlier in the same text; otherwise it is reported as
   ambiguous or as lacking an antecedent.
4. **Everything else that looks like a name** (capitalised words not at the start of a
   sentence, or several capitalised words anywhere) is reported as an :class:`UnresolvedName`,
   never silently dropped. A bare word that ends the names of several states ("Korea",
   "Korean") is reported as ambiguous.

Decisions: spans cover the name only, never a title ("Foreign Minister Winston Peters" gives
"Winston Peters"; "Mr Goff" gives "Goff" with ``alias_type="title_form"``). Demonyms ("North
Korean", "New Zealanders") count as mentions of their state (``alias_type="demonym"``).
Capitals are metonyms of their state: "Pyongyang demanded" is the DPRK acting, "in Pyongyang"
is the same actor used as a place (``sense="place"``). Places that stand for no actor (Pusan,
Mansudae Assembly Hall, the DMZ) are not in the tables and come back unresolved.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
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


def find_mentions(text: str) -> tuple[list[Mention], list[UnresolvedName]]:
    """Find mentions of curated actors in ``text``, and every name-like span left unexplained.

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
            )
        )

    taken = bytearray(len(text))
    for m in mentions:
        taken[m.char_start : m.char_end] = b"\x01" * (m.char_end - m.char_start)
    free = [t for t in toks if t.usable and taken.find(1, t.start, t.end) == -1]

    backrefs, unresolved = _back_references(text, free, mentions, index)
    for item in backrefs + unresolved:
        taken[item.char_start : item.char_end] = b"\x01" * (item.char_end - item.char_start)
    free = [t for t in free if taken.find(1, t.start, t.end) == -1]
    unresolved += _unknown_names(text, free, index)

    return (
        sorted(mentions + backrefs, key=lambda m: m.char_start),
        sorted(unresolved, key=lambda u: u.char_start),
    )


def _back_references(
    text: str, free: list[_Tok], named: list[Mention], index: _Index
) -> tuple[list[Mention], list[UnresolvedName]]:
    """Resolve family names and "the X" short forms against actors named earlier in full."""
    mentions: list[Mention] = []
    unresolved: list[UnresolvedName] = []
    by_end = sorted(named, key=lambda m: m.char_end)
    earlier: set[str] = set()
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
                titled = _prev_title(text, start)
                kind = "title_form" if titled else "back_reference"
                mentions.append(Mention(ids[0], text[start:end], start, end, kind, "actor"))
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
