"""Who a noun trigger is about: its owner ("New Zealand's support", "North Korea's actions,
including two nuclear tests"), and for a happening named again ("two such tests", "during the
visit") the participants of the one it refers to (`references` finds which)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .roles import MentionLike, Participant

if TYPE_CHECKING:
    from .events import Event

#: "X's (one or two words) support"; what X's things include is X's too ("X's actions,
#: including two tests").
_POSSESSOR = re.compile(
    r"['’]s(?:\s+[a-z][\w-]*){0,2}"
    r"(?:,?\s+(?:including|such as|notably)\s+(?:[a-z0-9][\w-]*\s+){0,2}|\s+)\Z"
)


def possessor(text: str, mentions: Sequence[MentionLike], at: int) -> tuple[Participant, ...]:
    """The owner of a nominal trigger starting at ``at``, as its actor; else nothing."""
    for m in mentions:
        if m.char_end <= at and _POSSESSOR.match(text, m.char_end, at):
            return (Participant(m.actor_id, "actor", m.text, m.char_start, m.char_end),)
    return ()


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
