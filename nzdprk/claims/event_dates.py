"""What date a happening takes from the date phrase its clause gives, and what verb names it.

A date phrase is the time of the clause it stands in, but not always of the happening itself:

* a coordination of dates ("visits in 1974 and 1978", "opened in 2003 and 2001 respectively")
  is one happening per date, so each member dates its own row;
* "since X" over a state ("has been divided since 1948", "has enforced sanctions since 2018")
  dates the onset, X, and the state stays open; over a running total ("since 1995 it has
  contributed NZ$1.4 million") it is the period from X to the document's own date;
* "until X" ("remained until 1971", "did not leave until 1957") dates the end, X.

A date inside a noun phrase ("a 1994 nuclear-freeze deal", "the August 2007 floods", "last
year's floods", "today's test") dates that noun, not the clause's verb (`modified_noun`).

A statement with no lexicon word is named by its clause's main verb (`main_verb`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from .. import dates
from ..text import cue, cue_finditer, cue_search

#: Separators of the members of a coordinated date ("1974 and 1978", "1998, 2001 and 2007").
_MEMBER_BREAK = re.compile(r"\s*(?:,\s*(?:and\s+)?|\band\s+|&\s*)")
_SINCE = re.compile(r"(?i:since|from)\s+")
_UNTIL = re.compile(r"(?i:until|till|up to)\s+")

#: What separates two verb phrases in a clause: a complementiser, a subordinator or a relative
#: pronoun ("agreed to the visit when he met him yesterday", "a request, which the group released
#: on Sunday"), or "and" before a new auxiliary.
BARRIER = re.compile(
    r"\b(?:that|whether|when|while|because|although|if|which|who|whom)\b"
    r"|\band\s+(?:has|have|had|is|are|was|were|will|would|did|also)\b"
)
#: What keeps a date fronted before a sentence ("In 2018, ...") from a later verb phrase: a
#: complementiser or subordinator only (coordinated verb phrases share it).
SUBORDINATE = re.compile(r"\b(?:that|whether|when|while|because|although|if)\b")
#: A determiner right before a date makes the date a modifier of the noun after it ("a 1994
#: deal", "the August 2007 floods"); so does a possessive after it ("last year's floods").
_DETERMINER = re.compile(r"\b(?i:a|an|the|its|their|his|her|our)\s+\Z")
_POSSESSIVE = re.compile(r"['’]s\s+")
_NOUN_WORD = re.compile(r"\s*([A-Za-z][\w-]*)")
#: Words that end a noun phrase: prepositions, conjunctions, auxiliaries, relative words.
_PHRASE_END = re.compile(
    r"of|in|on|at|by|for|to|from|with|and|or|but|as|than|since|after|before|during|under|over"
    r"|into|is|are|was|were|be|been|has|have|had|will|would|could|should|can|may|might|must"
    r"|that|which|who|whose|when|where|while"
)
#: At most this many words between a modifying date and its head noun's end: "a 2013 BBC
#: World Service Poll" has four; a longer run is more likely a clause than a noun phrase.
_NOUN_WORDS = 4

#: A word between an auxiliary and its verb ("would today be", "has not given").
_ADVERB = r"(?:not|today|now|then|also|still|already|never|later|since)"
#: Auxiliaries before a main verb, and verbs whose past tense does not end in -ed.
_AUX = r"(?:has|have|had|was|were|is|are|be|been|being|will|would|did|does|do|to)"
_IRREGULAR = (
    "began|became|came|went|gave|took|made|held|left|sent|won|led|saw|fell|rose|met|"
    "brought|built|chose|drew|drove|fought|found|flew|grew|hit|kept|knew|lost|put|ran|said|"
    "set|shot|shut|sold|spoke|split|stood|struck|told|threw|wrote|broke|cut|paid|sought|"
    "begins|becomes|comes|goes|gives|takes|makes|holds|leaves|sends|wins|leads|remains"
)
_VERB = re.compile(
    rf"\b(?:(?P<aux>{_AUX})\s+(?:{_ADVERB}\s+)?(?:been\s+)?(?P<after>[a-z]+)|(?P<verb>[a-z]+ed|{_IRREGULAR})"
    r"|(?i:it|he|she|they|we|this|which|who)\s+(?P<present>(?!(?:was|has|is|does)\b)[a-z]+s))\b",
)
#: Participles that name what comes after them ("an event called the Pong Su incident", "a
#: group known as ..."): a noun's modifier, never the clause's main verb.
_NAMING = frozenset({"called", "named", "dubbed", "titled", "entitled", "known"})
#: Words after an auxiliary that are no verb: then the auxiliary is the main verb ("is a test",
#: "he is in Manila").
_NO_VERB = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "no",
        "not",
        "also",
        "now",
        "still",
        "very",
        "more",
        "most",
        "so",
        "too",
        "such",
        "one",
        "two",
        "all",
        "both",
        "each",
        "some",
        "any",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "from",
        "by",
        "of",
        "under",
        "among",
        "between",
        "into",
        "near",
        "within",
        "without",
        "against",
        "there",
        "here",
    }
)


def _verb_match(text: str, clause: tuple[int, int], rest: Sequence[tuple[int, int]]):
    """The main verb's match: in the clause, else in the clauses after it (a fronted date or
    phrase: "On 5 April, the government advised ..."), else None. A naming participle
    (`_NAMING`) is passed over."""
    for start, end in (clause, *rest):
        pos = start
        while m := _VERB.search(text, pos, end):
            if m.group("verb") not in _NAMING:
                return m
            pos = m.end()
    return None


def main_verb(
    text: str, clause: tuple[int, int], rest: Sequence[tuple[int, int]] = (), at: int = -1
) -> tuple[str, int, int] | None:
    """The verb of saying right before a date at ``at`` ("said on Monday"), else the last verb
    of the clause before the date ("the elections held in South Korea during May 1950"), else
    the first finite or past-participle verb of a clause (or of the clauses in ``rest`` after
    it when it has none), lower-cased, with its span; else None. A clause whose first verb is a
    form of "be" keeps it (`_COPULA`)."""
    if at >= 0 and (saying := said_before(text, at)) is not None:
        return saying
    first = _named(_verb_match(text, clause, rest))
    if first is not None and first[0] in _COPULA:
        return first  # "The test was the detonation of a device conducted on 9 October": was
    before = [m for m in _VERB.finditer(text, clause[0], max(at, clause[0])) if _named(m)]
    return _named(before[-1]) if before else first


#: Forms of "be": a clause whose first verb is one says what its subject was.
_COPULA = frozenset({"is", "was", "are", "were", "be", "been"})


def _named(m: re.Match[str] | None) -> tuple[str, int, int] | None:
    """The verb a `_VERB` match names, lower-cased, with its span: the auxiliary itself when no
    verb follows it ("is a test"); None for a naming participle or a bare "to"."""
    if m is None or m.group("verb") in _NAMING:
        return None
    group = next(g for g in ("after", "verb", "present") if m.group(g))
    if group == "after" and (m.group("after") in _NO_VERB or m.group("after").endswith("ly")):
        group = "aux"
    if m.group(group).lower() == "to":
        return None  # "to the list": an infinitive marker with no verb is none
    return m.group(group).lower(), m.start(group), m.end(group)


def members(when: dates.When, anchor: dt.date | None) -> list[dates.When]:
    """The dates of a coordination that means all of its members (an EDTF set ``{…}``), one
    per member with its own span; any other date as itself."""
    if not (when.edtf or "").startswith("{"):
        return [when]
    out: list[dates.When] = []
    pos = 0
    for m in [*_MEMBER_BREAK.finditer(when.text), None]:
        stop = m.start() if m else len(when.text)
        piece = when.text[pos:stop]
        parsed = dates.parse_when(piece, anchor=anchor) if piece.strip() else None
        if parsed is None or (parsed.edtf or "").startswith("{"):
            return [when]
        begin = when.char_start + pos
        out.append(
            replace(parsed, char_start=begin + parsed.char_start, char_end=begin + parsed.char_end)
        )
        pos = m.end() if m else pos
    return out if len(out) > 1 else [when]


def bound(when: dates.When, anchor: dt.date | None, *, running_total: bool) -> dates.When:
    """The date of the happening a "since X" or "until X" phrase gives (see the module)."""
    since = _SINCE.match(when.text)
    until = _UNTIL.match(when.text)
    cue = since or until
    if cue is None or not when.is_interval:
        return when
    inner = dates.parse_when(when.text[cue.end() :], anchor=anchor)
    if inner is None or inner.is_interval or inner.earliest is None:
        return when
    placed = replace(
        inner,
        char_start=when.char_start + cue.end() + inner.char_start,
        char_end=when.char_start + cue.end() + inner.char_end,
    )
    if since and running_total:
        if anchor is None or anchor < inner.earliest:
            return when
        return replace(
            placed,
            edtf=f"{inner.edtf}/{anchor.isoformat()}",
            latest=anchor,
            is_interval=True,
            resolution="anchored",
            note="a total since a date runs to the document's own date",
        )
    note = "the onset of a state since a date" if since else "the end of what lasted until"
    return replace(placed, note=note)


def within(inner: object, outer: object) -> bool:
    """Whether the bounds of date ``inner`` lie inside those of ``outer`` (a more precise date
    of the same happening); False when either is open or unknown."""
    low_a, high_a = getattr(inner, "earliest", None), getattr(inner, "latest", None)
    low_b, high_b = getattr(outer, "earliest", None), getattr(outer, "latest", None)
    if low_a is None or high_a is None or low_b is None or high_b is None:
        return False
    return low_b <= low_a and high_a <= high_b


def modified_noun(text: str, when: object) -> tuple[str, int, int] | None:
    """The head noun (lower-cased, with its span) of the noun phrase a date stands in as a
    modifier: after a determiner ("a 1994 nuclear-freeze deal", "the August 2007 floods") or
    as a possessive ("last year's floods", "Today's test is"); else None. The noun phrase
    runs to the word before punctuation or a function word (`_PHRASE_END`)."""
    start, end = getattr(when, "char_start", 0), getattr(when, "char_end", 0)
    possessive = _POSSESSIVE.match(text, end)
    if not possessive and not _DETERMINER.search(text, max(0, start - 6), start):
        return None
    pos, head = possessive.end() if possessive else end, None
    for _ in range(_NOUN_WORDS + 1):
        m = _NOUN_WORD.match(text, pos)
        if m is None or _PHRASE_END.fullmatch(m.group(1).lower()):
            break
        if head is not None and m.start(1) == pos and not m.group(0)[:1].isspace():
            break
        head, pos = m, m.end()
    else:
        return None  # too long for a noun phrase
    if head is None:
        return None
    return head.group(1).lower(), head.start(1), head.end(1)


#: "the famine years of the 1990s", "the elections of May 1950": a noun phrase of up to three
#: words and "of" right before a date.
_OF_DATE = re.compile(r"\b(?i:the)\s+(?P<words>(?:[a-z][\w-]*\s+){1,3})of\s+(?:the\s+)?\Z")
#: Nouns of time or of a part of a period: "the summer of 2006", "the end of 1950" are dates.
_TIME_NOUN = re.compile(
    r"(?:year|month|day|decade|time)s?|period|era|season|end|start|beginning|middle|course|rest"
    r"|half|part|quarter|spring|summer|autumn|fall|winter"
)


def of_noun(text: str, when: object) -> tuple[str, int, int] | None:
    """The noun a date dates through "of" ("the famine years of the 1990s": the famine), with
    its span: the first word of the noun phrase before "of" that is no noun of time; else
    None ("the summer of 2006" is itself a date)."""
    start = getattr(when, "char_start", 0)
    m = _OF_DATE.search(text, max(0, start - _OF_REACH), start)
    if m is None:
        return None
    for word in re.finditer(r"[a-z][\w-]*", m.group("words")):
        if not _TIME_NOUN.fullmatch(word.group(0)):
            begin = m.start("words") + word.start()
            return word.group(0), begin, begin + len(word.group(0))
    return None


#: Longer than "the " and three words and "of the " before a date.
_OF_REACH = 60


def apart(text: str, when: object, start: int, end: int, fronted: bool = False) -> bool:
    """Whether a date and a trigger (``start``-``end``) stand in different phrases: an
    embedded clause ("welcomed the announcement that he will visit on 17 September") or a
    coordinated verb phrase ("established relations in 2001 and has given aid") lies between
    them, the date modifies a noun the trigger is not part of ("tripled ... in the August
    2007 floods"), or a verb of saying stands between them with its own date ("said yesterday
    he would visit") or with the reported clause's verb ("said the funding was stopped last
    year") or a verb of saying stands between a date and a later trigger ("on Tuesday, said
    ... deployments"). A date ``fronted`` before the sentence reaches a coordinated verb
    phrase."""
    d_start, d_end = getattr(when, "char_start", 0), getattr(when, "char_end", 0)
    noun = modified_noun(text, when)
    if noun is not None and not d_end <= start < noun[2]:
        return True
    saying = said_before(text, d_start)
    fronted = re.match(r"\s*,", text[d_end : d_end + 3])  # "said from May, a ship was ..."
    if saying is not None and start != saying[1] and not fronted:
        return True  # "said yesterday he would visit": yesterday is the saying's
    if d_end > end and reported_start(text, start, d_start) > start:
        return True  # "said the funding was stopped last year": the stopping's
    if (
        d_end <= start
        and cue("speech").fullmatch(text, start, end)
        and _own_verb(text, d_end, start)
    ):
        return True  # "In August the US penalised vessels it said were ...": the penalising's
    if d_end <= start and _conjunct_after(text, d_start, d_end):
        return True  # "elections held during May 1950 and the refusal ...": the holding's
    if d_end <= start and _saying_between(text, d_end, start):
        return True  # "Peters, on Tuesday, said NZ stood by ... its deployments": the saying's
    lo, hi = (d_end, start) if d_end <= start else (end, d_start)
    if lo == d_end and (relative := _WHEN_AFTER.match(text, lo)):
        lo = relative.end()  # "July 2000 when they met": the date of the "when" clause
    barrier = SUBORDINATE if fronted else BARRIER  # "In 2018, X visited and has met": both
    return bool(barrier.search(text, lo, hi))


#: "when" right after a date relates the clause after it to the date ("in 2007, when ...").
_WHEN_AFTER = re.compile(r"[\s,]*when\b", re.IGNORECASE)
#: A preposition between a verb of saying and its date ("said on Monday").
_SAID_BEFORE = re.compile(r"(?:\s+(?i:on|in|at|during))?\s+\Z")


def said_before(text: str, at: int) -> tuple[str, int, int] | None:
    """The verb of saying right before position ``at`` ("said yesterday"), lower-cased, with
    its span; else None."""
    lead = _SAID_BEFORE.search(text, max(0, at - 12), at)
    if lead is None:
        return None
    word = re.search(r"[A-Za-z]+\Z", text[max(0, lead.start() - 20) : lead.start()])
    if word is None or not cue("speech").fullmatch(word.group(0)):
        return None
    return word.group(0).lower(), lead.start() - len(word.group(0)), lead.start()


#: A date that closes a participle phrase ("the elections held in South Korea during May 1950").
_PARTICIPLE_PHRASE = re.compile(
    rf"\b(?:[a-z]+ed|{_IRREGULAR})\s+(?:[\w-]+\s+){{0,4}}(?i:in|on|during|at|from|since)\s+\Z"
)
#: "and" and a determiner right after a date: a coordinated noun phrase begins.
_NEXT_CONJUNCT = re.compile(r"\s*,?\s+and\s+(?:the|a|an|its|their|his|her)\s")
#: Longer than a participle, four words and a preposition before a date.
_PHRASE_REACH = 80


def _conjunct_after(text: str, d_start: int, d_end: int) -> bool:
    """Whether a date closes a participle phrase and a coordinated noun phrase follows it: the
    date is the participle's, not that of a trigger in the next conjunct ("the elections held
    in South Korea during May 1950 and the refusal of South Korea ...")."""
    return bool(
        _NEXT_CONJUNCT.match(text, d_end)
        and _PARTICIPLE_PHRASE.search(text, max(0, d_start - _PHRASE_REACH), d_start)
    )


def _saying_between(text: str, start: int, end: int) -> bool:
    """Whether a verb of saying stands in ``text[start:end]`` with no verb of its own before it:
    a date before it ("On Friday, Peters announced the Government will send ...") is the
    saying's, not that of what was said."""
    saying = cue_search("speech", text, start, end)
    return saying is not None and not _own_verb(text, start, saying.start())


def _own_verb(text: str, start: int, end: int) -> bool:
    """Whether a verb of its own stands in ``text[start:end]`` with no comma after it (the
    clause of a date before a verb of saying that is not the saying)."""
    verb = _VERB.search(text, start, end)
    return verb is not None and "," not in text[verb.end() : end]


#: A form of "be" right before a word: a passive ("was added to the list" is no saying).
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\Z")
#: Longer than "being" and an adverb before a verb of saying, so that the look back is short.
_PASSIVE_REACH = 40


def reported_start(text: str, start: int, at: int) -> int:
    """Where the clause reported by the last verb of saying in ``text[start:at]`` (not a passive:
    "was added to") begins, when a verb of its own follows ("said the funding was stopped");
    else ``start``."""
    said = [
        m
        for m in cue_finditer("speech", text, start, at)
        if not _PASSIVE.search(text, max(0, m.start() - _PASSIVE_REACH), m.start())
    ]
    if not said or _VERB.search(text, said[-1].end(), at) is None:
        return start
    return said[-1].end()


#: A sentence opening on "It" and a verb of ending ("It stopped in 2016."): the end of the open
#: state the sentence before began ("Since 2008 a fund allocated $30,000 a year ...").
_IT_ENDED = re.compile(
    r"\W*(?i:it|this|that)\s+(?:was\s+)?(?:stopped|ended|ceased|halted|expired)\b", re.I
)


def _ending(text: str, new: Sequence) -> object | None:
    """The dated event of a sentence that opens on "It" and a verb of ending, else None."""
    for e in new:
        if getattr(e.when, "latest", None) is not None and _IT_ENDED.match(text, e.sentence_start):
            return e
    return None


def ended(text: str, earlier: list, new: Sequence) -> list:
    """``earlier`` events with the open-ended dates ("Since 2008 a fund allocated ...") of the
    sentence before closed by an ending told next in ``new`` ("It stopped in 2016."): they run
    to the ending's date. Without such an ending ``earlier`` itself, unread (each sentence
    costs only its own events); with one, a new list."""
    stop = _ending(text, new)
    if stop is None or not earlier:
        return earlier
    last = earlier[-1].sentence_start
    k = len(earlier)
    while k and earlier[k - 1].sentence_start == last:
        k -= 1
    end = getattr(stop, "when", None)
    tail = []
    for e in earlier[k:]:
        when = e.when
        if not isinstance(when, dates.When) or when.earliest is None or when.latest is not None:
            tail.append(e)
            continue
        edtf = f"{(when.edtf or '').split('/')[0]}/{end.edtf}"
        note = f"runs to the end told next: '{end.text}'"
        tail.append(replace(e, when=replace(when, latest=end.latest, edtf=edtf, note=note)))
    return [*earlier[:k], *tail]


def fronted(
    text: str,
    found: Sequence[object],
    span: tuple[int, int],
    clause: tuple[int, int],
    before: Sequence[tuple[int, int]],
) -> int | None:
    """The last date (an index into ``found``, among ``span``) of the clauses ``before`` the
    sentence's first event that open before ``clause`` ("In 2006, ..."), no date of a noun."""
    out = None
    for start, end in before:
        if start >= clause[0]:
            break
        out = next(
            (
                i
                for i in reversed(range(*span))
                if start <= getattr(found[i], "char_start", -1) < end
                and modified_noun(text, found[i]) is None
            ),
            out,
        )
    return out
