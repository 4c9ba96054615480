"""Back-references: a trigger that names a happening already told ("During his visit", "These
offers", a sentence opening on "The visit") is no new happening; the sentence's other events
point to the earlier one."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .event_dates import modified_noun

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
#: A past participle after "the" and a noun names a thing as already told, a reduced relative
#: clause ("The contribution announced today is ...").
_REDUCED_RELATIVE = re.compile(r"\bthe\s+[a-z]+\s+\Z", re.I)
_PAST_PARTICIPLE = re.compile(r"[a-z]+ed", re.I)


def _bounds(e: Event) -> tuple:
    return getattr(e.when, "earliest", None), getattr(e.when, "latest", None)


#: Letters of a noun that a word of the earlier sentence must begin with to name the same
#: thing ("contribution" and "contribute", "launches" and "launch"): a stem, not a word.
_STEM = 6


def _named(noun: str, text: str, start: int, end: int) -> bool:
    """Whether a word of ``text[start:end]`` begins with the stem of ``noun``."""
    stem = noun.lower()[:_STEM]
    return any(w.startswith(stem) for w in re.findall(r"[a-z]+", text[start:end].lower()))


def _told_again(text: str, e: Event, earlier: list[Event]) -> int | None:
    """The earlier event (its index) that a dated mention tells again, with the same bounds
    and its noun in the earlier event's sentence: the head noun of a date's noun phrase
    ("Today's test is ..." after "today's nuclear test"), or a participle after "the" and a
    noun ("The contribution announced today is ..." after "will contribute ..., Peters
    announced today") after an event of its kind; else None."""
    bounds = _bounds(e)
    if None in bounds:
        return None
    noun = modified_noun(text, e.when)
    before = text[max(e.sentence_start, e.trigger_start - _BACK_REACH) : e.trigger_start]
    relative = _REDUCED_RELATIVE.search(before)
    if noun is not None and noun[1] == e.trigger_start:
        head, kind = noun[0], None
    elif relative and _PAST_PARTICIPLE.fullmatch(e.trigger_text):
        head, kind = before[relative.start() :].split()[1], e.action
    else:
        return None
    return next(
        (
            i
            for i, f in enumerate(earlier)
            if _bounds(f) == bounds
            and kind in (None, f.action)
            and _named(head, text, f.sentence_start, f.sentence_end)
        ),
        None,
    )


#: A speech noun in apposition after what it reports: "..., a statement released by the
#: ministry"; "a"/"the" after the comma, and at most "in" before it.
_APPOSITIVE = re.compile(r",\s*(?:in\s+)?(?:a|an|the)\s+\Z", re.I)
#: Longer than ", in a " before a speech noun.
_APPOSITIVE_REACH = 12


def _medium(text: str, e: Event, sentence: list[Event]) -> bool:
    """Whether a speech noun stands in apposition after another event of its sentence, as
    the medium of that act ("Pyongyang demanded ..., a statement released by the ministry")."""
    if e.trigger.event_type != "STATEMENT" or e.verb is not None:
        return False
    if not _APPOSITIVE.search(
        text, max(e.sentence_start, e.trigger_start - _APPOSITIVE_REACH), e.trigger_start
    ):
        return False
    return any(
        o.trigger_start < e.trigger_start and o.trigger.event_type != "STATEMENT" for o in sentence
    )


def linked(text: str, earlier: list[Event], new: list[Event]) -> list[Event]:
    """A sentence's events with its back-references resolved: a trigger named as something
    already told ("During his visit", "These offers") is no new happening; the sentence's other
    events point to the earlier one (`Event.refers_to`, its index among the document's events)
    and the back-reference makes no row of its own, unless it carries a date (then it is kept,
    pointing back) other than the date of the happening it tells again (`_told_again`).
    Without an earlier event of its kind it is an event like any other."""
    out: list[Event] = []
    refers: int | None = None
    for e in new:
        if _medium(text, e, new):
            continue  # ", a statement released by ...": where the reported act was told
        if (again := _told_again(text, e, earlier)) is not None:
            refers = again  # told again with its date: no new happening
            continue
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
