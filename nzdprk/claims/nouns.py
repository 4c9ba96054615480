"""Who a noun trigger is about: its owner ("New Zealand's support", "North Korea's actions,
including two nuclear tests"), and for a happening named again ("two such tests", "during the
visit") the participants of the one it refers to (`references` finds which); and when a state
of none named by a negated trigger begins ("no aid since the government came to power in
2008")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from . import roles
from .roles import MentionLike, Participant

if TYPE_CHECKING:
    from .events import Event

#: What X's things include is X's too ("North Korea's actions, including two tests").
_MEMBER_OF = re.compile(
    r"['’]s(?:\s+[a-z][\w-]*){0,2},?\s+(?:including|such as|notably)\s+(?:[a-z0-9][\w-]*\s+){0,2}\Z"
)
#: "not ... since" a clause with a date: the date is the onset of a state of none.
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?!\d)[^;]*\Z", re.IGNORECASE)
ONSET = "the onset of a state since a date"  # the note `event_dates` gives "since 1948"


def possessor(text: str, mentions: Sequence[MentionLike], at: int) -> tuple[Participant, ...]:
    """The owner of a nominal trigger starting at ``at`` (`roles.possessor`), or of the things
    a list after "including" belongs to, as its actor; else nothing."""
    if owner := roles.possessor(text, mentions, at):
        return owner
    for m in mentions:
        if m.char_end <= at and _MEMBER_OF.match(text, m.char_end, at):
            return (Participant(m.actor_id, "actor", m.text, m.char_start, m.char_end),)
    return ()


def onset_of_none(text: str, events: list[Event], when_start: int) -> list[Event]:
    """``events`` (one happening's rows), noted as dated by the onset of a state of none when
    the trigger is negated and "since" opens the clause of its date between them."""
    if not events or events[0].aux_mode != "negated":
        return events
    if not _SINCE_CLAUSE.search(text, events[0].trigger_end, when_start):
        return events
    return [replace(e, when=replace(e.when, note=ONSET)) if e.when else e for e in events]


def described(earlier: Sequence[Event], new: Sequence[Event]) -> list[Event]:
    """``new`` with each back-reference that names no one given the participants of the
    earlier happening of its kind it refers to, as told before ("It follows two such tests
    last year" after "the sixth nuclear test North Korea has conducted"); one that names its
    own keeps them ("India conducted such tests")."""
    return [
        replace(e, participants=earlier[e.refers_to].participants)
        if e.refers_to is not None
        and not e.participants
        and earlier[e.refers_to].action == e.action
        else e
        for e in new
    ]
