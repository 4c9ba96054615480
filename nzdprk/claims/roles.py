"""Who takes part in an event and who speaks: participants and their roles, and the speaker of
quoted words, from the grammar of the sentence rather than from the nearest name.

Roles are filled only when the structure makes them clear; a missing actor is better than a
wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from ..text import cue, in_spans
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


#: A preposition right before a name: the name is an object, not a subject.
_OBJECT_OF = re.compile(
    r"\b(?:with|to|from|for|against|into|towards?|on|at)\s+(?:the\s+)?\Z", re.IGNORECASE
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
) -> str | None:
    """Who is speaking in a paragraph's quotations: the subject of an attribution outside the
    quotes ("Peters said", "said Mr Peters", "the Ministry said", "according to the IAEA", "a
    statement released by the foreign ministry"), else the press release's minister, else
    nobody. Only a name the attribution's grammar binds to its verb counts, never the nearest."""
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
    for frame in cue("speech").finditer(text, p_start, p_end):
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
    return author_ids[0] if author_ids else None


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
    given"), not a participant."""
    group = [
        m
        for m in mentions
        if start <= m.char_start
        and m.char_end <= end
        and (
            possessive
            or not (
                re.match(r"['’]s\b", text[m.char_end : m.char_end + 2])
                or _OBJECT_OF.search(
                    text, max(start, m.char_start - _PREPOSITION_REACH), m.char_start
                )
            )
        )
    ]
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
        if trigger.action == "visit":
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


#: Verbs of saying whose subject may follow them ("said Mr Peters"; not "told Mr Peters").
_INVERTIBLE = re.compile(r"said|says|added|announced|stated|declared", re.IGNORECASE)
#: Between a verb of saying and the name of its subject ("said Mr Peters", "said the Ministry").
_SAID_THEN = re.compile(r"\s+(?:the\s+)?")


def inverted(
    text: str,
    start: int,
    end: int,
    actors: tuple[Participant, ...],
    recipients: tuple[Participant, ...],
) -> tuple[tuple[Participant, ...], tuple[Participant, ...]]:
    """ "said Mr Peters": the name right after a verb of saying at [start, end) is its subject;
    any other trigger keeps its roles."""
    first = recipients[0] if recipients else None
    if (
        first is None
        or first.char_start is None
        or not _INVERTIBLE.fullmatch(text, start, end)
        or not _SAID_THEN.fullmatch(text, end, first.char_start)
    ):
        return actors, recipients
    return (replace(first, role="actor"),), recipients[1:]
