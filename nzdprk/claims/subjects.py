"""Who does a trigger when its subject is not the plain name before it: the clause a
subordinator opens, the shared subject of a coordinated verb or a pronoun's referent, the body a
reduced relative is about ("KEDO, established in 1995"), the doer of "the refusal of X to ...",
and the clause each date of a "respectively" coordination goes with. Roles stay empty when the
grammar does not bind them (`roles`)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from .roles import (
    PRONOUN,
    Lookup,
    MentionLike,
    Participant,
    group,
    nearest_person,
    of_kind,
    roles,
)

#: A subordinator: the names before it belong to the clause it depends on ("Rice spoke to Peters
#: just hours after Pyongyang said ...": Pyongyang said).
_SUBORDINATOR = re.compile(
    r"\b(?:after|before|when|while|because|although|though|until|once|whereas)\b", re.IGNORECASE
)


def subordinate_start(text: str, mentions: Sequence[MentionLike], start: int, at: int) -> int:
    """Where the words that can hold the subject of a verb at ``at`` begin: after the last
    subordinator in ``text[start:at]`` when a name follows it there (the names before it are
    another clause's), else ``start`` (a pronoun after it may stand for a name before it:
    "praised China after it had conducted a test")."""
    ends = [m.end() for m in _SUBORDINATOR.finditer(text, start, at)]
    named = ends and any(ends[-1] <= m.char_start < at for m in mentions)
    return ends[-1] if named else start


#: A coordinated verb with no subject of its own ("... and has given"): it shares the subject.
_AND_THEN = re.compile(r"\band\s+(?:(?:has|have|had|was|were|is|are|will|also)\s+)*$")
#: An abstract noun ("resume dialogue and cooperation"): after "and", no verb of the subject.
_ABSTRACT = re.compile(r"[a-z]+(?:ion|ment|ance|ence)s?\b")
_RELATIVE_WHO = re.compile(r",\s*who\b")


def unnamed_subject(
    text: str,
    mentions: Sequence[MentionLike],
    lookup: Lookup,
    span: tuple[int, int],
    earlier: tuple[tuple[Participant, ...], tuple[Participant, ...]],
) -> tuple[Participant, ...]:
    """The actor of a trigger at ``span[1]`` whose subject is not named in ``span``: the
    subject shared by a coordinated verb, the person of a relative "who", or the last named
    subject for a pronoun (``earlier``: the sentence's first actors and the last named
    subject)."""
    left, at = span
    first, subject = earlier
    between = text[left:at]
    if _AND_THEN.search(between):  # a coordinated verb shares the sentence's subject,
        return () if _ABSTRACT.match(text, at) else first  # not a coordinated noun
    if who := _RELATIVE_WHO.search(between):  # "Mr Peters, who yesterday …"
        return nearest_person(mentions, left + who.start(), lookup)
    if pronoun := PRONOUN.search(between):  # "it has contributed": the last named subject
        return of_kind(subject, pronoun.group(0), lookup)
    return ()


#: "respectively" right after a coordination of dates: its members go with the coordinated
#: clauses before, in order ("X has an embassy in A and Y has one in B which opened in 2003 and
#: 2001 respectively").
_RESPECTIVELY = re.compile(r"\s*,?\s*respectively\b", re.IGNORECASE)
#: Where two coordinated clauses meet: "and" before a name or an article.
_CONJUNCT = re.compile(r"\s(?:,\s*)?and\s+(?=the\s|[A-Z])")


def respective(
    text: str,
    mentions: Sequence[MentionLike],
    lookup: Lookup,
    event: Any,
    date_end: int,
    members: int,
) -> list[tuple[Participant, ...]] | None:
    """The participants of each member of a date coordination followed by "respectively": the
    names of the coordinated clause before the trigger in the same position (a place is the
    location, anything else the actor), when there are as many clauses as dates; else None."""
    if members < 2 or not _RESPECTIVELY.match(text, date_end):
        return None
    start, at = event.sentence_start, event.trigger_start
    cuts = [start, *(m.end() for m in _CONJUNCT.finditer(text, start, at)), at]
    if len(cuts) - 1 != members:
        return None
    out = []
    for lo, hi in itertools.pairwise(cuts):
        named = group(text, mentions, lo, hi, lookup, possessive=False)
        out.append(roles(event.trigger, named, (), lookup))
    return out


#: Between a name and a participle that follows it as a reduced relative ("KEDO, established").
_REDUCED = re.compile(r"[\s,)]*")
#: A preposition right after a participle: it has no object, so it is passive ("established in").
_NO_OBJECT = re.compile(r"\s+(?:in|on|by|during)\b")


def reduced_relative(
    text: str, named: tuple[Participant, ...], lookup: Lookup, start: int, participle_end: int
) -> bool:
    """Whether the last of ``named`` is an organisation right before a participle at ``start``
    that takes no object ("the Korean Peninsula Energy Development Organisation established in
    1995", "KEDO, established in 1995"): what the act was done to (its recipient), not its
    doer."""
    last = named[-1] if named else None
    return (
        last is not None
        and last.char_end is not None
        and lookup.kind.get(last.actor_id) == "organisation"
        and _REDUCED.fullmatch(text, last.char_end, start) is not None
        and _NO_OBJECT.match(text, participle_end) is not None
    )


#: "of" and a name right after a noun trigger, then an infinitive: the name does it ("the refusal
#: of South Korea to hold new elections").
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?\Z")
_TO_VERB = re.compile(r"\s+to\s+[a-z]+\b")


def infinitive_subject(
    text: str, mentions: Sequence[MentionLike], end: int
) -> tuple[Participant, ...]:
    """The actor of a noun trigger ending at ``end`` named as "of X to ..." ("the refusal of
    South Korea to hold new elections": South Korea refused), else nothing."""
    m = next((m for m in mentions if m.char_start >= end), None)
    if m is None or not _OF_NAME.fullmatch(text, end, m.char_start):
        return ()
    if not _TO_VERB.match(text, m.char_end):
        return ()
    return (Participant(m.actor_id, "actor", m.text, m.char_start, m.char_end),)
