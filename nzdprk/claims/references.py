"""Back-references: a trigger that names a happening already told ("During his visit", "These
offers", a sentence opening on "The visit") is no new happening; the sentence's other events
point to the earlier one."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .events import Event

#: Before a noun that names something already told: "his visit", "these offers", "the same talks".
_BACK_REFERENCE = re.compile(
    r"\b(?:his|her|their|its|this|these|those|that|such|the same)\s+(?:[a-z]+\s+)?\Z", re.I
)
#: Longer than any determiner and one adjective before a back-referring noun.
_BACK_REACH = 24
#: A sentence that opens on "the" and the noun, alone or after a preposition: "The visit will
#: be the first ...", "During the meeting, ..." (not "the sixth test": a modifier makes it new).
_OPENING_THE = re.compile(r"\W*(?:(?:during|after|before|at|in|since)\s+)?the\s+\Z", re.I)


def linked(text: str, earlier: list[Event], new: list[Event]) -> list[Event]:
    """A sentence's events with its back-references resolved: a trigger named as something
    already told ("During his visit", "These offers") is no new happening; the sentence's other
    events point to the earlier one (`Event.refers_to`, its index among the document's events)
    and the back-reference makes no row of its own, unless it carries a date (then it is kept,
    pointing back). Without an earlier event of its kind it is an event like any other."""
    out: list[Event] = []
    refers: int | None = None
    for e in new:
        before = text[max(e.sentence_start, e.trigger_start - _BACK_REACH) : e.trigger_start]
        antecedent = next(
            (i for i in range(len(earlier) - 1, -1, -1) if earlier[i].action == e.action), None
        )
        back = _BACK_REFERENCE.search(before) or _OPENING_THE.fullmatch(
            text, e.sentence_start, e.trigger_start
        )
        if antecedent is not None and e.verb is None and back:
            if e.when_index is not None:  # it dates something: keep it, pointing back
                out.append(replace(e, refers_to=antecedent))
                continue
            refers = antecedent
            continue
        out.append(e)
    if refers is None:
        return out
    return [e if e.refers_to is not None else replace(e, refers_to=refers) for e in out]
