"""Who takes part in an event and who speaks: participants and their roles, and the speaker of
quoted words, from the grammar of the sentence rather than from the nearest name.

Roles are filled only when the structure makes them clear; a missing actor is better than a
wrong one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from ..text import cue_finditer, in_spans
from .lexicon import Trigger

#: Kinds of actor that can be the speaker of quoted words.
_SPEAKERS = frozenset({"person", "organisation", "government_body"})
#: Between a speaker and a following verb of saying: nothing but a comma, an adverb or an
#: auxiliary ("Peters said", "the Ministry has said", "Clark, speaking in Wellington, said" is
#: not bound).
_SUBJECT_GAP = re.compile(r"\s*,?\s*(?:(?:has|had|also|later|then|\w+ly)\s+)*")
#: Between a verb of saying and its following subject or source ("said Mr Peters", "according
#: to the IAEA", "a statement released by the Ministry"): only an article.
_OBJECT_GAP = re.compile(r"\s+(?:the\s+)?")


class MentionLike(Protocol):
    actor_id: str
    text: str
    char_start: int
    char_end: int
    sense: str


#: A preposition right before a name: the name is an object, not a subject ("the invasion of
#: Ukraine ... threatens", "under the command of a British officer ..., performing raids").
_OBJECT_OF = re.compile(
    r"\b(?:with|to|from|for|against|into|towards?|on|at|of)\s+(?:(?:the|an?)\s+)?\Z",
    re.IGNORECASE,
)
#: "from" right before a name after the trigger: where the act comes from, not who receives it
#: ("the first official visit from New Zealand to North Korea").
_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?\Z", re.IGNORECASE)
#: What a name after the trigger belongs to when it is no target of the act: the rules broken
#: ("launch missiles in violation of UN Security Council resolutions") or the body the doers
#: are part of ("fought as part of the United Nations force").
_NOT_TARGET = re.compile(r"\b(?:violation|breach|contravention|defiance|part)\s+of\s+(?:the\s+)?\Z")
#: A verb right after a name: the name is the subject of a clause of its own ("the sixth
#: nuclear test North Korea has conducted", "the $500,000 New Zealand provided").
_NEW_SUBJECT = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|[a-z]+ed)\b")
#: A preposition before a name: "hosted by China ended" keeps China, the object of "by".
_AFTER_PREPOSITION = re.compile(
    r"\b(?:by|to|with|from|for|against|into|towards?|on|at|of|in|per)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
#: Longer than any preposition and article before a name ("towards the " is 12 characters).
_PREPOSITION_REACH = 16


@dataclass(frozen=True, slots=True)
class Participant:
    actor_id: str
    role: str  # actor | recipient | location
    text: str
    char_start: int | None
    char_end: int | None


@dataclass(frozen=True, slots=True)
class Lookup:
    """What the rules need to know about actors: kind and country, by actor_id."""

    kind: dict[str, str]
    country: dict[str, str]


def speaker(
    text: str,
    p_start: int,
    p_end: int,
    quotes: list[tuple[int, int]],
    mentions: Sequence[MentionLike],
    lookup: Lookup,
    author_ids: Sequence[str],
    earlier: Sequence[Any] = (),
) -> str | None:
    """Who is speaking in a paragraph's quotations: the subject of an attribution outside the
    quotes ("Peters said", "said Mr Peters", "the Ministry said", "according to the IAEA", "a
    statement released by the foreign ministry"); for "he said" or "she said", the last person
    who said something before (`earlier`: the events already coded, in text order), when one
    did; else the press release's minister, else nobody. Only a name the attribution's grammar
    binds to its verb counts, never the nearest."""
    if not quotes:
        return None
    quote_at = [s for s, _ in quotes]
    outside = [
        m
        for m in mentions
        if p_start <= m.char_start < p_end
        and not in_spans(quotes, quote_at, m.char_start)
        and lookup.kind.get(m.actor_id) in _SPEAKERS
    ]
    for frame in cue_finditer("speech", text, p_start, p_end):
        if in_spans(quotes, quote_at, frame.start()):
            continue
        for m in outside:
            before = m.char_end <= frame.start() and _SUBJECT_GAP.fullmatch(
                text, m.char_end, frame.start()
            )
            after = m.char_start >= frame.end() and _OBJECT_GAP.fullmatch(
                text, frame.end(), m.char_start
            )
            if before or after:
                return m.actor_id
    said = _said_by_pronoun(text, p_start, p_end, quotes, quote_at)
    if said and (last := last_speaker(earlier, lookup)):
        return last
    return author_ids[0] if author_ids else None


#: "he said", "she added", "said he": an attribution to a person named before.
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\s*\Z", re.IGNORECASE)
_PRONOUN_AFTER = re.compile(r"\s+(?:he|she)\s*[,.;:]", re.IGNORECASE)
#: Longer than "she" and the spaces before a verb of saying.
_PRONOUN_REACH = 8


def _said_by_pronoun(
    text: str, start: int, end: int, quotes: list[tuple[int, int]], quote_at: list[int]
) -> bool:
    """Whether a verb of saying outside the quotations of [start, end) has "he" or "she" as
    its subject."""
    for frame in cue_finditer("speech", text, start, end):
        if in_spans(quotes, quote_at, frame.start()):
            continue
        if said_by_pronoun(text, frame.start(), frame.end()):
            return True
    return False


def said_by_pronoun(text: str, start: int, end: int) -> bool:
    """Whether the verb of saying at [start, end) has "he" or "she" as its subject."""
    before = max(0, start - _PRONOUN_REACH)
    return bool(_PRONOUN_BEFORE.search(text, before, start) or _PRONOUN_AFTER.match(text, end))


def last_speaker(earlier: Sequence[Any], lookup: Lookup) -> str | None:
    """The person who last said something: the actor of the last act of saying, or the speaker
    the last attributed statement was given to; None when another person takes part in an
    event told since ("It comes as Kim Jong Un inspected ... He said ...": he is Kim)."""
    others: set[str] = set()
    for ev in reversed(earlier):
        who = ev.attributed_to or (
            next((p.actor_id for p in ev.participants if p.role == "actor"), None)
            if ev.trigger.speech
            else None
        )
        if who is not None and lookup.kind.get(who) == "person":
            return None if others - {who} else who
        others |= {p.actor_id for p in ev.participants if lookup.kind.get(p.actor_id) == "person"}
    return None


def group(
    text: str,
    mentions: Sequence[MentionLike],
    start: int,
    end: int,
    lookup: Lookup,
    *,
    possessive: bool,
) -> tuple[Participant, ...]:
    """The mentions in [start, end) as one role group, most specific identities only: a state
    is left out when one of its own people is in the group ("North Korean Foreign Minister Paek
    Nam-sun" is Paek). Without `possessive` (a subject group), "X's" is a modifier and a name
    after a preposition the object of an earlier verb ("relations with North Korea ... and has
    given"), not a participant. With it (the words after a trigger), a name after "from" is an
    origin, and a name between a noun and a verb the subject of another clause ("the $500,000
    New Zealand provided"), not a participant."""
    group = [
        m
        for m in mentions
        if start <= m.char_start
        and m.char_end <= end
        and not _bound_elsewhere(text, m, start, possessive=possessive)
    ]
    if not group:
        return ()
    people_of = {
        lookup.country.get(m.actor_id)
        for m in group
        if lookup.kind.get(m.actor_id) != "state" and m.sense == "actor"
    }
    out: dict[str, Participant] = {}
    for m in group:
        state = lookup.kind.get(m.actor_id) == "state"
        if state and m.sense == "actor" and m.actor_id in people_of:
            continue
        role = "place" if m.sense == "place" else "actor"
        out.setdefault(m.actor_id, Participant(m.actor_id, role, m.text, m.char_start, m.char_end))
    return tuple(out.values())


#: Only an article between the trigger and a name: the name heads the trigger's object, and a
#: participle after it modifies it ("supported the Six-Party talks aimed at negotiating ...").
_ARTICLE_ONLY = re.compile(r"\s*(?:the|a|an)\s+", re.IGNORECASE)
_PARTICIPLE_AFTER = re.compile(r"\s+[a-z]+ed\b")
_POSSESSIVE_S = re.compile(r"['’]s\b")


def _bound_elsewhere(text: str, m: MentionLike, start: int, *, possessive: bool) -> bool:
    """Whether the grammar gives the name `m` to something other than the trigger (see
    `group`); `start` is where the group's words begin."""
    before = max(start, m.char_start - _PREPOSITION_REACH)
    if possessive:
        modified_object = _ARTICLE_ONLY.fullmatch(
            text, start, m.char_start
        ) and _PARTICIPLE_AFTER.match(text, m.char_end)
        return bool(
            _ORIGIN.search(text, before, m.char_start)
            or _NOT_TARGET.search(text, before, m.char_start)
            or (
                _NEW_SUBJECT.match(text, m.char_end)
                and not _AFTER_PREPOSITION.search(text, before, m.char_start)
                and not modified_object
            )
        )
    return bool(
        _POSSESSIVE_S.match(text[m.char_end : m.char_end + 2])
        or _OBJECT_OF.search(text, before, m.char_start)
    )


def roles(
    trigger: Trigger,
    actors: tuple[Participant, ...],
    recipients: tuple[Participant, ...],
    lookup: Lookup,
) -> tuple[Participant, ...]:
    """Give each participant its PLOVER role for this kind of event: places are locations,
    except the place visited, which is the host; a visit's host is a place or a state; in a
    reciprocal action everyone is an actor."""
    out: list[Participant] = []
    for p in actors:
        role = "location" if p.role == "place" else "actor"
        out.append(Participant(p.actor_id, role, p.text, p.char_start, p.char_end))
    for p in recipients:
        if trigger.recipient_is_host:
            if p.role != "place" and lookup.kind.get(p.actor_id) != "state":
                continue
            role = "recipient"
        elif p.role == "place":
            role = "location"
        else:
            role = "actor" if trigger.symmetric else "recipient"
        out.append(Participant(p.actor_id, role, p.text, p.char_start, p.char_end))
    unique: dict[tuple[str, str], Participant] = {}
    for p in out:
        unique.setdefault((p.actor_id, p.role), p)
    return tuple(unique.values())


#: Verbs of saying whose subject may follow them ("said Mr Peters"; not "told Mr Peters"), and
#: "according to", whose object is the source. None of them has an addressee after it.
_INVERTIBLE = re.compile(r"said|says|added|announced|stated|declared|according to", re.IGNORECASE)
#: What follows the subject of an inverted verb of saying ("said Mr Peters.", "said the Ministry
#: on Monday", "said Mr Peters, who ..."); a verb after the name makes it the subject of what was
#: said instead ("said New Zealand stood by ...").
_INVERTED_END = re.compile(
    r"\s*(?:[,.;:!?\"”’)]|\Z)|\s+(?:on|in|at|yesterday|today|who|when|after|before|while)\b"
)
#: Between a verb of saying and the name of its subject ("said Mr Peters", "said the Ministry").
_SAID_THEN = re.compile(r"\s+(?:the\s+|(?:Mr|Mrs|Ms|Dr)\.?\s+)?")


def inverted(
    text: str,
    start: int,
    end: int,
    actors: tuple[Participant, ...],
    recipients: tuple[Participant, ...],
) -> tuple[tuple[Participant, ...], tuple[Participant, ...]]:
    """ "said Mr Peters", "according to the IAEA": the name right after a verb of saying at
    [start, end) is its subject when none comes before; what follows such a verb is what was
    said, never an addressee ("the outlet added that North Korea would ..."). Any other
    trigger keeps its roles."""
    if not _INVERTIBLE.fullmatch(text, start, end):
        return actors, recipients
    first = recipients[0] if recipients else None
    if (
        actors
        or first is None
        or first.char_start is None
        or first.char_end is None
        or not _SAID_THEN.fullmatch(text, end, first.char_start)
        or not _INVERTED_END.match(text, first.char_end)  # "said New Zealand stood by ..."
    ):
        return actors, ()
    return (replace(first, role="actor"),), ()


#: Between two coordinated names.
_JOINED = re.compile(r"\s*(?:,|,?\s+and)\s+(?:the\s+)?")
#: Between a trigger and its agent: "by", after at most a short time or place phrase with no
#: name in it ("a nuclear test by North Korea", "established in 1973 by Don Borrie"); 30
#: characters hold a date or a place phrase, not a clause ("the visit was hosted by X"); or
#: one participle ("a statement released by the ministry"), except those whose agent receives
#: the event ("a visit hosted by X").
_AGENT = re.compile(
    r"(?:\s+(?:(?:in|on|at|during|since)\s+|(?=\d))[^,.;:()]{1,30}?"
    r"|\s+(?!(?:hosted|received|welcomed|invited|greeted)\b)[a-z]+(?:ed|en|wn|de))?"
    r"\s+by\s+(?:the\s+)?"
)


def by_agent(
    text: str, mentions: Sequence[MentionLike], end: int, right: int
) -> tuple[Participant, ...]:
    """The names right after the "by" that follows a trigger ending at `end`: its doers (the
    names up to `right`, the next trigger)."""
    after = [m for m in mentions if end <= m.char_start < right]
    if not after or not _AGENT.fullmatch(text, end, after[0].char_start):
        return ()
    agent = [after[0]]
    for m in after[1:]:  # "by Don Borrie and Wolf Rosenberg"
        if not _JOINED.fullmatch(text, agent[-1].char_end, m.char_start):
            break
        agent.append(m)
    return tuple(Participant(m.actor_id, "actor", m.text, m.char_start, m.char_end) for m in agent)


def of_kind(
    named: tuple[Participant, ...], pronoun: str, lookup: Lookup
) -> tuple[Participant, ...]:
    """The names a pronoun can stand for: "it" is never a person, "he" and "she" always one,
    "they" anyone."""
    if pronoun.lower() == "they":
        return named
    person = pronoun.lower() in {"he", "she"}
    return tuple(p for p in named if (lookup.kind.get(p.actor_id) == "person") == person)


#: "X's" and at most two lower-case words before a noun trigger.
_POSSESSOR = re.compile(r"['’]s(?:\s+[a-z][\w-]*){0,2}\s+\Z")


def possessor(text: str, mentions: Sequence[MentionLike], at: int) -> tuple[Participant, ...]:
    """The owner of a nominal trigger at `at`: "X's (one or two words) support" is X's act."""
    for m in mentions:
        if m.char_end <= at and _POSSESSOR.match(text, m.char_end, at):
            return (Participant(m.actor_id, "actor", m.text, m.char_start, m.char_end),)
    return ()


def nearest_person(
    mentions: Sequence[MentionLike], before: int, lookup: Lookup
) -> tuple[Participant, ...]:
    """The last person named before `before` (the person of a relative "who")."""
    people = [
        m for m in mentions if m.char_end <= before and lookup.kind.get(m.actor_id) == "person"
    ]
    if not people:
        return ()
    m = people[-1]
    return (Participant(m.actor_id, "actor", m.text, m.char_start, m.char_end),)


_FIRST_SINGULAR = re.compile(r"\b(?:I|my|me)\b")
#: "we", "our" or "us": in quoted speech, the speaker's side (aid reads it too).
FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")


def first_person(
    text: str, start: int, end: int, role: str, speaker: str, lookup: Lookup
) -> tuple[Participant, ...]:
    """ "I"/"my" is the speaker and "we"/"our" the speaker's country, inside quoted speech."""
    if m := _FIRST_SINGULAR.search(text, start, end):
        return (Participant(speaker, role, m.group(0), m.start(), m.end()),)
    country = lookup.country.get(speaker)
    if (m := FIRST_PLURAL.search(text, start, end)) and country:
        return (Participant(country, role, m.group(0), m.start(), m.end()),)
    return ()


#: A personal pronoun that can be a subject.
PRONOUN = re.compile(r"\b(?:it|they|he|she)\b(?![’'])", re.IGNORECASE)


def pronoun_first(
    text: str, named: tuple[Participant, ...], left: int, at: int, lookup: Lookup
) -> tuple[tuple[Participant, ...], int]:
    """A pronoun between the names before a verb at `at` and the verb is its subject: it keeps
    the names of its kind; with none, nobody, and the search for its referent starts after the
    names (the new `left`)."""
    last = max((p.char_end or 0 for p in named), default=0)
    pronoun = PRONOUN.search(text, last, at) if named else None
    if pronoun is None:
        return named, left
    kept = of_kind(named, pronoun.group(0), lookup)
    return kept, left if kept else last


#: Where an embedded clause begins after a trigger: a complementiser, or an infinitive ("to"
#: and a bare lower-case word: "urged the UN to bring its weight to bear on North Korea", not
#: "a visit to the North" nor "aid to North Korea").
_EMBEDDED = re.compile(
    r"\bthat\b|\bto\s+(?!(?:the|a|an|its|their|his|her|our|this|these|those|all|any|some|both|each)\b)"
    r"[a-z]+\b"
)


def embedded(text: str, start: int, end: int) -> int:
    """Where the trigger's own words after `start` end: before an embedded clause, whose names
    are its own participants, not the trigger's recipients. An infinitive right after the
    trigger is the trigger's own verb ("refused to hold elections per North Korean demands")."""
    found = _EMBEDDED.search(text, start, end)
    if found and not text[start : found.start()].strip():  # "refused to hold": its own verb
        found = _EMBEDDED.search(text, found.end(), end)
    return found.start() if found else end


def relative_subject(
    text: str, mentions: Sequence[MentionLike], end: int
) -> tuple[Participant, ...]:
    """The name right after a noun trigger ending at `end` and before a verb is the subject of
    the relative clause that tells who did it ("the dialogue North Korea has had", "the test
    North Korea conducted")."""
    m = next((m for m in mentions if m.char_start >= end), None)
    if m is None or text[end : m.char_start].strip() or not _NEW_SUBJECT.match(text, m.char_end):
        return ()
    return (Participant(m.actor_id, "actor", m.text, m.char_start, m.char_end),)


#: A verb in -ing right after a comma or "and": a participial adjunct (", urging North Korea").
_ADJUNCT = re.compile(r"(?:,|\band)\s*\Z")
_ING = re.compile(r"[a-z]+ing\b")


def adjunct(text: str, left: int, at: int) -> bool:
    """Whether the trigger at `at` opens a participial adjunct, whose subject is the sentence's
    ("Mr Peters said he had written to the Foreign Ministers, urging the North Koreans ...")."""
    return bool(_ING.match(text, at) and _ADJUNCT.search(text, left, at))


def as_states(
    participants: tuple[Participant, ...],
    symmetric: bool,
    others: Iterable[MentionLike],
    lookup: Lookup,
) -> tuple[Participant, ...]:
    """Relations and sanctions are between states: people and bodies stand for their country.
    A relation needs two parties: with fewer named, the states among ``others`` (the sentence's
    mentions, then the paragraph's, then the document's, in order) complete it."""
    out: dict[str, Participant] = {}
    named = [p for p in participants if p.role != "location"]
    extra = (Participant(m.actor_id, "actor", m.text, m.char_start, m.char_end) for m in others)
    for i, p in enumerate(itertools.chain(named, extra if symmetric else ())):
        if i >= len(named) and len(out) >= 2:
            break
        state = lookup.country.get(p.actor_id) or p.actor_id
        if lookup.kind.get(state) != "state":
            continue
        role = "actor" if symmetric else p.role
        out.setdefault(state, Participant(state, role, p.text, p.char_start, p.char_end))
    return tuple(out.values())


#: A noun of effort ending the trigger's own words, before an infinitive that says what the
#: effort is ("support for their country's attempts to engage with North Korea ... through the
#: Six Party Talks").
_EFFORT = re.compile(
    r"\b(?:attempts?|efforts?|bids?|moves?|drive|push|endeavou?rs?|initiatives?)\s+\Z",
    re.IGNORECASE,
)


def effort_means(coder: Any, hit: Any, cut: int, end: int) -> tuple[Participant, ...]:
    """The organisations named in the infinitive `[cut, end)` when a supporting trigger's
    object (from the end of `hit` to `cut`; `coder` gives the sentence's text, mentions and
    lookup) ends on a noun of effort: the bodies the supported effort works through are what
    the support goes to. States and people there are the effort's own participants ("to
    engage with North Korea"), so they are left out."""
    trigger = hit.trigger
    if trigger.event_type != "SUPPORT" or trigger.states_only or cut >= end:
        return ()
    if not _EFFORT.search(coder.text, hit.end, cut):
        return ()
    return tuple(
        Participant(m.actor_id, "recipient", m.text, m.char_start, m.char_end)
        for m in coder.mentions
        if cut <= m.char_start
        and m.char_end <= end
        and m.sense != "place"
        and coder.lookup.kind.get(m.actor_id) == "organisation"
    )
